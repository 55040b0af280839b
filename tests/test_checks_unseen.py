"""The wording and chain rules on statements of the kind unseen UK children's-services logic models
use (issue 14): written here, not taken from the published models the rules were tuned on. Each
table holds good statements an evaluator would sign, which must stay quiet, beside bad ones that
must still be reported, so that a rule made quieter is not made deaf."""

from __future__ import annotations

import pytest

from lm_excel.checks import validate

from .modelkit import example, findings_at, model_of, row


def _outcome(text: str, direction: str = "Increase"):
    """The worked example with outcome OC3 (short term, linked into the chain) reworded."""
    rec = example()
    row(rec, "outcomes", "OC3").update(outcome=text, direction=direction)
    return rec


def _mechanism(text: str):
    """The worked example with mechanism M2 reworded."""
    rec = example()
    row(rec, "mechanisms", "M2")["mechanism"] = text
    return rec


# --- vagueness: a status names who, and a count of people with it is what changes ---------------

STATUS_OUTCOMES = [
    "Fewer children in need", "Fewer children on a child protection plan",
    "Fewer children subject to a child protection plan", "Reduction in children looked after",
    "Fewer children entering care", "More care leavers in education, employment or training",
    "Children in need are safe at home", "Fewer unborn babies subject to care proceedings",
    "Fewer children missing from home or care", "Fewer first-time entrants to the youth justice system",
    "Number of children in care falls",
    "Fewer young people at risk of criminal exploitation", "Fewer NEET young people",
    "Children with SEND have their needs met in mainstream school",
    "Increased take-up of services", "Fewer families drop out of support",
    "Fewer children and young people on child protection plans",
    "Fewer babies and young children subject to care proceedings",
]


@pytest.mark.parametrize("text", STATUS_OUTCOMES)
def test_an_outcome_about_people_with_a_status_is_not_vague(text):
    direction = "Increase" if text.startswith(("More", "Children")) else "Decrease"
    rec = _outcome(text, direction)
    assert not findings_at(rec, "vague-statement", "OC3")
    assert not findings_at(rec, "outcome-not-a-change", "OC3")


@pytest.mark.parametrize("text", [
    "Better outcomes for children in need", "Improved life chances for care leavers",
    "Children and families thrive", "Young people reach their potential", "Positive futures",
    "Children in kinship care are supported",
])
def test_a_vague_outcome_is_still_vague_whoever_it_is_for(text):
    assert findings_at(_outcome(text), "vague-statement", "OC3")


def test_a_status_shared_with_an_outcome_on_another_branch_is_not_a_mislink():
    rec = example()
    # M2 leads to OC2 and OC7; OC9 (a later outcome on every branch) is about plans, so give a
    # separate branch an outcome about children on plans and make M2 speak of them as *who*
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Fewer children on a child protection "
                                     "plan for a second time", "timescale": "Long term",
                                     "direction": "Decrease"})
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": "Partners agree one plan, so families of "
                                       "children on a child protection plan tell their story once",
                                       "triggered_by": "C2", "leads_to": "OC1"})
    assert not findings_at(rec, "mechanism-mislinked", "M7")


# --- mechanisms: a verb that brings change about is an account ----------------------------------


@pytest.mark.parametrize("text", [
    "Positive activities offer an alternative to offending",
    "Family group conference puts the family in charge of the plan",
    "Restorative approaches repair harm and relationships",
    "Earlier support before problems escalate",
    "Continuity of carer after leaving care",
    # "Consistent boundaries and routines at home" was left alone here until issue 14's set-10
    # round: held-out set 10's evaluator called qualities of four to six words ("Safe and supportive
    # environment") mechanisms without an account, and one that opens with an adjective of quality
    # is now reported (tests/test_checks_set10_causes.py)
    "Peer mentors with lived experience offer hope",
    "Practical help with housing and debt relieves pressure on the family",
    "Reduced caseloads give social workers time to build relationships",
    "Improved relationships between parents and workers mean families engage",
    "Fewer handovers mean children tell their story once",
])
def test_a_mechanism_that_says_how_or_names_a_quality_is_left_alone(text):
    assert not findings_at(_mechanism(text), "mechanism-no-causal-account", "M2")


@pytest.mark.parametrize("text, what", [
    ("Whole family approach", "names an approach"),
    ("Trauma-informed practice", "names an approach"),
    ("Mentoring from someone with lived experience", "names an approach"),
    ("Safety planning with the non-abusing parent", "names an approach"),
    ("Early identification of need", "names an approach"),
    ("Multi-agency panel meets fortnightly", "describes delivery"),
    ("Training for foster carers in therapeutic parenting", "describes delivery"),
    ("Co-located teams in family hubs", "names an approach"),
    ("Better engagement with families", "reads like an outcome"),
    ("Children are heard", "reads like an outcome"),
    ("Stability and consistency", "names a quality or an aim"),
    ("Family group conferencing", "describes delivery"),
    ("Parent mentors", "names an approach"),
    ("Improved parental capacity to meet the child's needs", "reads like an outcome"),
    ("Increased confidence", "reads like an outcome"),
])
def test_a_mechanism_that_names_what_is_done_or_what_changes_is_reported(text, what):
    (f,) = findings_at(_mechanism(text), "mechanism-no-causal-account", "M2")
    assert what in f.message


# --- compound outcomes: two changes, with or without 'and' ---------------------------------------


@pytest.mark.parametrize("text, parts", [
    ("Improved attendance, reduced exclusions", ["attendance", "exclusions"]),
    ("Reduced isolation; increased confidence", ["isolation", "confidence"]),
    ("Improved parenting and reduced offending", ["parenting", "offending"]),
    ("- Improved attendance\n- Reduced exclusions", ["attendance", "exclusions"]),
    ("\u2022 Improved attendance\n\u2022 Reduced exclusions", ["attendance", "exclusions"]),
    ("Better housing, income and confidence", ["housing", "income", "confidence"]),
])
def test_two_changes_in_one_outcome_are_reported_with_or_without_and(text, parts):
    (f,) = findings_at(_outcome(text), "compound-outcome", "OC3")
    assert all(p in f.message for p in parts) and f"{len(parts)} changes" in f.message


@pytest.mark.parametrize("text", [
    "Safer, more stable placements", "Improved, sustained school attendance",
    "Fewer, shorter hospital stays", "Reduced need for more intensive services",
    "Reduced stress, anxiety and depression among parents",
    "More care leavers in education, employment or training",
    # 'safe and well' is two states to the evaluators of held out 12 (reunification, OC7): see
    # test_checks_wording_kinds.py
    "Improved health and wellbeing",
])
def test_one_change_described_in_several_words_is_not_compound(text):
    assert not findings_at(_outcome(text), "compound-outcome", "OC3")


# --- direction and counts ------------------------------------------------------------------------


def test_direction_is_contradicted_only_when_the_words_all_point_one_way():
    assert findings_at(_outcome("Fewer missed appointments", "Increase"), "direction-contradicts", "OC3")
    for text in ("Better quality assessments completed in less time", "Improved attendance with less lateness"):
        assert not findings_at(_outcome(text, "Increase"), "direction-contradicts", "OC3"), text


@pytest.mark.parametrize("text, activity", [
    ("Developing resilience and independence", False), ("Running away from home less often", False),
    ("Develop a new referral pathway", True), ("Running parenting groups", True),
])
def test_an_outcome_that_opens_with_a_gerund_of_change_is_not_an_activity(text, activity):
    assert bool(findings_at(_outcome(text), "outcome-not-a-change", "OC3")) == activity


def test_a_count_that_says_which_way_it_goes_is_an_outcome():
    assert not findings_at(_outcome("Number of children in care falls", "Decrease"), "outcome-not-a-change", "OC3")
    (f,) = findings_at(_outcome("Number of families supported"), "outcome-not-a-change", "OC3")
    assert "an output (a count)" in f.message


def test_staying_or_remaining_is_a_direction_when_the_column_is_empty():
    for text in ("Children stay with their families", "Young people remain in education"):
        assert not findings_at(_outcome(text, ""), "no-direction", "OC3"), text
    assert findings_at(_outcome("Children's relationships with their carers", ""), "no-direction", "OC3")


# --- missing steps -------------------------------------------------------------------------------


def test_a_long_term_outcome_reached_straight_from_a_mechanism_is_a_note():
    rec = example()
    row(rec, "outcomes", "OC3")["contributes_to"] = ""  # OC10 was reached through OC3 as well
    (f,) = findings_at(rec, "long-term-without-earlier-step", "OC10")
    assert f.severity == "info" and "M6" in f.message and f.ref == "Outcomes!A13"
    assert validate(model_of(rec)).valid


def test_no_missing_step_note_when_a_shorter_term_outcome_leads_there_or_no_timescales_are_used():
    assert not [f for f in validate(model_of(example())).all_findings()]
    rec = example()
    row(rec, "outcomes", "OC3")["contributes_to"] = ""
    for r in rec.elements["outcomes"]:
        r["timescale"] = "Long term"
    assert not findings_at(rec, "long-term-without-earlier-step", "OC10")


# --- the same thing on two sheets ---------------------------------------------------------------


def test_an_outcome_beside_the_output_that_counts_it_is_not_restated_but_a_delivery_count_is():
    rec = example()
    rec.elements["outputs"].append({"id": "OP9", "output": "Care leavers in education, employment or "
                                    "training at 19", "from_components": "C3"})
    row(rec, "outcomes", "OC3")["outcome"] = "More care leavers in education, employment or training at 19"
    assert not findings_at(rec, "restated-across-sheets", "OC3")
    rec.elements["outputs"].append({"id": "OP10", "output": "Families registered with a family hub",
                                    "from_components": "C3"})
    row(rec, "outcomes", "OC3")["outcome"] = "More families registered with a family hub"
    # registering people is a verb of the service's casework (one lexicon, text.SERVICE_VERBS):
    # the count is said once, as an output, rather than as a restatement of OP10
    (f,) = findings_at(rec, "outcome-not-a-change", "OC3")
    assert "output" in f.message and not findings_at(rec, "restated-across-sheets", "OC3")


def test_inputs_are_not_each_reported_when_no_component_lists_any():
    rec = example()
    for c in rec.elements["components"]:
        c["inputs_used"] = ""
    assert not [f for f in validate(model_of(rec)).all_findings() if f.code == "input-unused"]
    row(rec, "components", "C1")["inputs_used"] = "IN1"  # the column is used: the rest are unused
    assert [f.element_id for f in validate(model_of(rec)).all_findings() if f.code == "input-unused"]


def test_premises_like_funding_need_not_be_linked_to_a_component():
    rec = example()
    rec.elements["inputs"].append({"id": "IN9", "resource": "Family hub buildings", "type": "Premises"})
    rec.elements["inputs"].append({"id": "IN10", "resource": "Clinical psychologist time", "type": "Staff"})
    assert [f.element_id for f in validate(model_of(rec)).all_findings() if f.code == "input-unused"] == ["IN10"]


def test_a_mechanism_that_goes_on_to_say_what_a_change_brings_is_not_a_restatement():
    rec = example()
    # OC3: 'Increased practitioner confidence in supporting families both in person and virtually'
    row(rec, "mechanisms", "M6")["mechanism"] = ("Practitioners are confident supporting families in "
                                                 "person and virtually, so they hold risk safely")
    assert not findings_at(rec, "mechanism-restates", "M6")
    row(rec, "mechanisms", "M6")["mechanism"] = ("Practitioners gain confidence supporting families "
                                                 "in person and virtually")
    assert findings_at(rec, "mechanism-restates", "M6")


def test_a_re_prefix_makes_another_outcome_not_a_near_duplicate():
    rec = example()
    row(rec, "outcomes", "OC3")["outcome"] = "Fewer children entering care"
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Fewer children re-entering care",
                                     "timescale": "Long term", "direction": "Decrease"})
    assert not findings_at(rec, "near-duplicate", "OC12")
    row(rec, "outcomes", "OC12")["outcome"] = "Fewer children are entering care"
    assert findings_at(rec, "near-duplicate", "OC12")


def test_an_outcome_that_says_a_change_is_not_a_restated_component():
    rec = example()
    row(rec, "components", "C6")["component"] = "Independent living skills programme"
    row(rec, "outcomes", "OC3")["outcome"] = "Improved independent living skills"
    assert not findings_at(rec, "restated-across-sheets", "OC3")
    row(rec, "outcomes", "OC3")["outcome"] = "Independent living skills programme for care leavers"
    assert findings_at(rec, "restated-across-sheets", "OC3")


def test_a_dash_is_a_placeholder_only_where_an_answer_is_required():
    rec = example()
    row(rec, "mechanisms", "M2")["evidence"] = "-"
    assert not findings_at(rec, "placeholder", "M2")
    row(rec, "outcomes", "OC3")["outcome"] = "-"
    assert findings_at(rec, "placeholder", "OC3")


def test_being_drawn_into_the_justice_system_is_a_harm_not_a_delivery_risk():
    rec = example()
    rec.elements["negatives"] = [
        {"id": "NC1", "consequence": "Young people are drawn further into the youth justice system",
         "mitigation": "Eligibility criteria", "monitoring": "Audit of referrals"},
        {"id": "NC2", "consequence": "Staff turnover disrupts relationships with families",
         "mitigation": "Workload caps", "monitoring": "Turnover"}]
    assert not findings_at(rec, "negatives-delivery-only", "NC1")
    rec.elements["negatives"][0]["consequence"] = "The case recording system is not ready in time"
    assert findings_at(rec, "negatives-delivery-only", "NC1")
