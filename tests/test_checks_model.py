"""Whole-model verdicts (issue 14): a problem said once, with its detail grouped under it; the
chain followed for every outcome; wording rules that judge what a statement means, with the near
misses an evaluator would not call problems."""

from __future__ import annotations

import json

import pytest

from lm_excel.checks import validate
from lm_excel.checks.wording import compound_parts, placeholder
from lm_excel.model import ModelRecords

from .modelkit import example, model_of, row


def _unlinked(rec: ModelRecords) -> ModelRecords:
    """The example with every link column emptied: a set of lists."""
    for sheet, cols in (("components", ("inputs_used",)), ("outputs", ("from_components",)),
                        ("mechanisms", ("triggered_by", "leads_to")), ("outcomes", ("contributes_to",))):
        for r in rec.elements[sheet]:
            for c in cols:
                r[c] = ""
    return rec


def _codes(rec: ModelRecords) -> set[str]:
    return validate(model_of(rec)).codes()


def _found(rec: ModelRecords, code: str) -> list:
    return [f for f in validate(model_of(rec)).all_findings() if f.code == code]


# --- headline verdicts ----------------------------------------------------------------------------


def test_a_model_with_no_links_is_invalid_with_one_headline_and_the_detail_under_it():
    rep = validate(model_of(_unlinked(example())))
    assert not rep.valid
    errors = rep.at_or_above("error")
    assert [f.code for f in errors] == ["no-causal-chain"]
    head = rep.findings[0]
    assert head.code == "no-causal-chain" and head.headline and head.ref == ""
    assert "6 components, 6 mechanisms and 11 outcomes" in head.message
    # every row that needs a link is listed once, under the headline, at its own cell
    detail = {(d.code, d.element_id) for d in head.details}
    assert ("mechanism-no-trigger", "M1") in detail and ("outcome-no-contributor", "OC9") in detail
    assert ("component-leads-nowhere", "C3") in detail and ("output-no-component", "OP1") in detail
    assert len(detail) == len(head.details)
    assert f"The {len(head.details)} rows to link" in head.fix
    # and not repeated beside it
    assert not any(f.code in {d.code for d in head.details} for f in rep.findings)
    assert rep.summary().startswith("No causal chain; 1 error")
    data = json.loads(rep.to_json())
    assert data["findings"][0]["code"] == "no-causal-chain"
    assert len(data["findings"][0]["details"]) == len(head.details)


def test_headlines_come_first_whatever_their_sheet():
    rec = _unlinked(example())
    rec.elements["outputs"] = []
    row(rec, "outcomes", "OC3")["timescale"] = ""
    rep = validate(model_of(rec))
    assert [f.code for f in rep.headlines] == ["no-causal-chain", "no-outputs"]
    assert [f.code for f in rep.findings[:2]] == ["no-causal-chain", "no-outputs"]
    assert rep.summary().startswith("No causal chain; No outputs; ")


def test_a_partly_linked_model_is_mostly_unlinked_and_names_what():
    rec = example()
    for m in ("M1", "M2", "M3", "M4", "M5"):
        row(rec, "mechanisms", m)["triggered_by"] = ""
    (head,) = validate(model_of(rec)).at_or_above("error")
    assert head.code == "mostly-unlinked"
    assert head.message.startswith("19 of the 23 components, mechanisms and outcomes")
    assert "5 components, 5 mechanisms, 9 outcomes" in head.message


def test_a_primary_medium_term_outcome_reached_only_from_an_orphan_is_an_error():
    rec = example()
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Fathers feel more involved in their "
                                     "children's care", "timescale": "Short term", "direction": "Increase",
                                     "contributes_to": "OC13"})
    rec.elements["outcomes"].append({"id": "OC13", "outcome": "More fathers stay in contact with their "
                                     "children after separation", "timescale": "Medium term",
                                     "direction": "Increase", "priority": "Primary"})
    rep = validate(model_of(rec))
    (head,) = rep.headlines
    assert head.code == "outcomes-unreachable" and head.severity == "error"
    assert "OC13 (primary)" in head.message
    assert [(d.code, d.element_id) for d in head.details] == [
        ("outcome-no-contributor", "OC12"), ("outcome-unreachable", "OC13")]
    assert "through OC12" in head.details[1].message


def test_one_unreachable_outcome_is_its_own_finding_not_a_headline():
    rec = example()
    row(rec, "mechanisms", "M6")["triggered_by"] = ""  # OC3 and OC10 are reached only through M6
    row(rec, "outcomes", "OC3")["contributes_to"] = ""
    row(rec, "outcomes", "OC4")["contributes_to"] = "OC5, OC6, OC3"  # ... now OC3 is reached again
    rep = validate(model_of(rec))
    assert rep.headlines == []
    assert rep.flatten(["code", "element_id"]) == [("mechanism-no-trigger", "M6"),
                                                   ("outcome-unreachable", "OC10")]


def test_a_model_without_mechanisms_has_no_causal_chain_said_once():
    rec = example()
    rec.elements["mechanisms"] = []
    rep = validate(model_of(rec))
    # (links from context, assumptions and negatives to the deleted mechanisms are unknown IDs)
    assert [f.code for f in rep.at_or_above("error") if f.code != "unknown-id"] == ["no-causal-chain"]
    assert "0 mechanisms" in rep.findings[0].message
    assert ("no-elements", "Mechanisms!A4") in [(d.code, d.ref) for d in rep.findings[0].details]


def test_a_model_without_components_gets_no_chain_verdict():
    rec = example()
    rec.elements["components"] = []
    assert "no-causal-chain" not in _codes(rec) and "no-elements" in _codes(rec)


# --- the chain ------------------------------------------------------------------------------------


def test_a_mechanism_restating_its_outcome_is_circular():
    rec = example()
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Young people's self-belief grows",
                                     "timescale": "Short term", "direction": "Increase", "contributes_to": "OC9"})
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": "Mentors build young people's self-belief",
                                       "triggered_by": "C3", "leads_to": "OC12"})
    (f,) = _found(rec, "mechanism-restates")
    assert f.element_id == "M7" and "outcome OC12" in f.message and "C3" in f.fix


def test_a_mechanism_with_a_causal_account_that_mentions_its_outcome_is_fine():
    rec = example()
    row(rec, "mechanisms", "M4")["mechanism"] = ("Parents practise new strategies with others in the same "
                                                 "position, so they feel less alone and parenting stress falls")
    assert _codes(rec) == set()


def test_delivery_or_an_outcome_is_not_a_mechanism():
    rec = example()
    row(rec, "mechanisms", "M1")["mechanism"] = "Fortnightly case review meetings with schools"
    row(rec, "mechanisms", "M2")["mechanism"] = "Better joint working across agencies"
    got = {f.element_id: f.message for f in _found(rec, "mechanism-no-causal-account")}
    assert set(got) == {"M1", "M2"}
    assert "describes delivery" in got["M1"] and "reads like an outcome" in got["M2"]


@pytest.mark.parametrize("text, flagged", [
    ("Less prescriptive recording frees time for direct work with families", False),
    ("More praise from carers builds the child's confidence", False),
    ("Better joint working across agencies", True),
    ("More trust in workers", True),
])
def test_a_change_that_says_what_it_brings_about_is_a_mechanism(text, flagged):
    # seventh held-out set: a direction word first, then a verb of a process in the present tense
    rec = example()
    row(rec, "mechanisms", "M2")["mechanism"] = text
    got = [f for f in _found(rec, "mechanism-no-causal-account") if f.element_id == "M2"]
    assert bool(got) == flagged


def test_a_way_of_working_is_not_a_mechanism():
    rec = example()
    row(rec, "mechanisms", "M2")["mechanism"] = "Partnership working"
    assert [f.element_id for f in _found(rec, "mechanism-no-causal-account")] == ["M2"]


def test_a_mechanism_that_only_names_an_approach_is_not_an_account():
    rec = example()
    row(rec, "mechanisms", "M3")["mechanism"] = "Relationship-based practice with a consistent keyworker"
    (f,) = _found(rec, "mechanism-no-causal-account")
    assert f.element_id == "M3" and "names an approach" in f.message


def test_a_longer_mechanism_or_one_with_a_process_in_people_is_left_alone():
    rec = example()
    row(rec, "mechanisms", "M3")["mechanism"] = "A trusted relationship with a key worker keeps them engaged"
    row(rec, "mechanisms", "M5")["mechanism"] = ("A visible community partner on the estate that "
                                                 "families already know and talk to")
    assert _codes(rec) == set()


def test_a_process_word_used_as_an_adjective_is_no_account():
    # 'Trusted relationship with a key worker' was left alone here until issue 14's set-10 round:
    # the evaluators of held-out sets 5 and 8 called 'Trusted adult mentor' and 'Trusted
    # relationship with mentor' labels, not accounts
    rec = example()
    row(rec, "mechanisms", "M3")["mechanism"] = "Trusted relationship with a key worker"
    (f,) = _found(rec, "mechanism-no-causal-account")
    assert f.element_id == "M3"


def test_three_mechanisms_that_are_labels_are_said_once_for_the_sheet():
    rec = example()
    for mid, text in (("M1", "Whole family approach"), ("M2", "Reflective supervision"),
                      ("M4", "Peer support")):
        row(rec, "mechanisms", mid)["mechanism"] = text
    report = validate(model_of(rec))
    (head,) = [f for f in report.findings if f.code == "mechanisms-unexplained"]
    assert head.message.startswith("3 mechanisms")
    assert [d.element_id for d in head.details] == ["M1", "M2", "M4"]
    assert "mechanism-no-causal-account" not in [f.code for f in report.findings]


def test_a_mechanism_linked_to_an_outcome_it_does_not_speak_of_is_reported():
    rec = example()
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": "Children who receive a warm welcome "
                                       "at school attend more regularly", "triggered_by": "C3", "leads_to": "OC10"})
    (f,) = _found(rec, "mechanism-mislinked")
    assert f.element_id == "M7" and "OC7" in f.message and f.cell.startswith("D")
    row(rec, "mechanisms", "M7")["leads_to"] = "OC7"  # the right outcome
    assert "mechanism-mislinked" not in _codes(rec)


def test_a_mechanism_naming_a_later_outcome_on_its_own_branch_is_not_mislinked():
    rec = example()
    # OC4 (parenting stress) contributes to OC6 (children's wellbeing): one branch, not a slip
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": "Calmer parents at home lift "
                                       "children's emotional and behavioural wellbeing",
                                       "triggered_by": "C3", "leads_to": "OC4"})
    assert "mechanism-mislinked" not in _codes(rec)


def test_a_mechanism_restating_an_outcome_in_other_words_is_circular():
    rec = example()
    rec.elements["outcomes"].append({"id": "OC12", "outcome": "Young people's self-worth grows",
                                     "timescale": "Short term", "direction": "Increase", "contributes_to": "OC9"})
    rec.elements["mechanisms"].append({"id": "M7", "mechanism": "Mentors build young people's "
                                       "self-esteem", "triggered_by": "C3", "leads_to": "OC12"})
    (f,) = _found(rec, "mechanism-restates")
    assert f.element_id == "M7" and "outcome OC12" in f.message


def test_an_input_restated_as_a_component_and_an_output_restated_as_an_outcome():
    rec = example()
    row(rec, "components", "C6")["component"] = "Multi-agency coordinator and data analyst"
    row(rec, "outcomes", "OC7")["outcome"] = "More families contacted within 5 working days of referral"
    got = {(f.element_id, f.message.split(" says almost the same as ")[1].split(" (")[0])
           for f in _found(rec, "restated-across-sheets")}
    assert got == {("C6", "input IN2")}
    # the outcome is whom the service reached, an output: said once, by the wording rule
    (f,) = _found(rec, "outcome-not-a-change")
    assert f.element_id == "OC7" and "whom the service reached" in f.message
    row(rec, "outcomes", "OC7")["outcome"] = "Contact with families within 5 working days of referral"
    got = {(f.element_id, f.message.split(" says almost the same as ")[1].split(" (")[0])
           for f in _found(rec, "restated-across-sheets")}
    assert got == {("C6", "input IN2"), ("OC7", "output OP1")}


def test_a_long_term_outcome_feeding_a_short_term_one_runs_backwards_and_a_loop_is_one_finding():
    rec = example()
    row(rec, "outcomes", "OC10")["contributes_to"] = "OC4"
    (f,) = _found(rec, "contributes-backwards")
    assert f.element_id == "OC10" and "long term" in f.message and "short term" in f.message
    row(rec, "outcomes", "OC9")["contributes_to"] = "OC4"  # OC4 -> OC5 -> OC9 -> OC4: a loop
    # the loop is said once, at the backwards link that closes it, as an error
    assert [(f.element_id, f.severity) for f in _found(rec, "contributes-backwards")] == [
        ("OC9", "error"), ("OC10", "warning")]
    assert _found(rec, "outcome-cycle") == []
    row(rec, "outcomes", "OC9")["timescale"] = "Medium term"  # OC5 -> OC9 -> OC4 still runs back
    row(rec, "outcomes", "OC4")["timescale"] = "Medium term"  # now a loop of one timescale
    assert [f.element_id for f in _found(rec, "outcome-cycle")] == ["OC9"]


# --- wording that means it ------------------------------------------------------------------------


@pytest.mark.parametrize("text, parts", [
    ("Better housing, income and confidence", ["housing", "income", "confidence"]),
    ("Children's sleep and concentration improve", ["sleep", "concentration"]),
    ("Improved school attendance and attainment", ["school attendance", "attainment"]),
    ("Parents feel more confident and less isolated", ["confident", "isolated"]),
    ("Parents and carers report less stress", []),
    ("Improved emotional and behavioural wellbeing of children", []),
    ("Improved health and wellbeing of young carers", []),
    ("Increased practitioner confidence in supporting families both in person and virtually", []),
    (("Improved family experience of support, with more families saying they could choose how and "
      "when they were helped"), []),
    ("Fewer children becoming subject to child protection plans or entering care", []),
    ("Women use GP, housing and substance misuse services more", []),
    ("Better access to housing and debt advice", []),
    ("Improved routines, sleep and feeding", ["routines", "sleep", "feeding"]),
    ("Reduced parental stress and anxiety", []),
    ("Improved emotional well-being and self-esteem", ["emotional well-being", "self-esteem"]),
    ("Improved children's emotional wellbeing, school attendance and behaviour",
     ["emotional wellbeing", "school attendance", "behaviour"]),
    ("Children have a stronger sense of identity and belonging", []),
    # close constructs (one family) are one outcome, whichever pair it is; different families are not
    ("Improved self-esteem and self-belief", []),
    # self-esteem and resilience were one family until evaluators on record judged them separately
    # measured (held out 1 and 8: 'wellbeing, resilience and self-esteem each need their own measure')
    ("Improved self-esteem and resilience", ["self-esteem", "resilience"]),
    ("Better attachment and bonding between parent and baby", []),
    ("Improved trust and attachment", []),
    ("Improved housing and income", ["housing", "income"]),
    ("Better sleep and behaviour", ["sleep", "behaviour"]),
    # each part with its own direction is two changes even within a family
    ("Fewer exclusions and better attendance", ["exclusions", "attendance"]),
    ("Improved attendance and engagement", []),
    # three or more things are several outcomes, unless all of one family (one scale, e.g. DASS)
    ("Improved wellbeing, resilience and self-esteem", ["wellbeing", "resilience", "self-esteem"]),
    ("Reduced stress, anxiety and depression", []),
])
def test_compound_outcomes_are_several_constructs_not_several_people(text, parts):
    assert compound_parts(text) == parts


def test_every_construct_word_belongs_to_exactly_one_family():
    from lm_excel.checks import text as T

    seen = [w for words in T.CONSTRUCT_FAMILIES.values() for w in words]
    assert len(seen) == len(set(seen)) == len(T.CONSTRUCTS)
    assert T.construct_family("independent living skills") == "learning"
    assert T.construct_family("better outcomes") == ""


def test_each_part_of_a_split_keeps_its_own_direction():
    rec = example()
    row(rec, "outcomes", "OC5")["outcome"] = "Parents feel more confident and less isolated"
    (f,) = _found(rec, "compound-outcome")
    assert "'More confident'; 'Less isolated'" in f.fix


def test_a_compound_outcome_gets_a_suggested_split():
    rec = example()
    row(rec, "outcomes", "OC5")["outcome"] = "Better housing, income and confidence for parents"
    (f,) = _found(rec, "compound-outcome")
    assert "'Better housing'; 'Better income'; 'Better confidence'" in f.fix


def test_direction_contradicting_the_statement_both_ways_and_mixed_wording_left_alone():
    rec = example()
    row(rec, "outcomes", "OC8")["direction"] = "Increase"  # 'Fewer families re-referred'
    row(rec, "outcomes", "OC3")["direction"] = "Decrease"  # 'Increased practitioner confidence'
    got = {f.element_id: f for f in _found(rec, "direction-contradicts")}
    assert set(got) == {"OC8", "OC3"}
    assert "'fewer'" in got["OC8"].message and "Choose Decrease" in got["OC8"].fix
    rec = example()
    row(rec, "outcomes", "OC11")["outcome"] = "Less stigma, so more families seek help early"
    assert _codes(rec) == set()


@pytest.mark.parametrize("text, vague", [
    ("Fewer school exclusions", False),
    ("Better outcomes for families", True),
    ("Improved life chances for children and young people", True),
    ("Stronger families", True),
    ("Children are safer at home", False),
    ("More parents in work", False),
    ("Better health outcomes", True),
    ("Improved educational outcomes for looked-after children", True),
    ("Improved health and wellbeing outcomes", False),
    ("Positive experiences of care for children and families", False),
    # a count of people with a status is specific (seventh held-out set)
    ("Fewer children looked after", False),
    ("Fewer looked after children", False),
    ("Better outcomes for looked after children", True),
    ("More children", True),
])
def test_vagueness_is_judged_by_what_is_missing_not_by_length(text, vague):
    rec = example()
    row(rec, "outcomes", "OC7")["outcome"] = text
    got = _found(rec, "vague-statement")
    assert bool(got) == vague
    if vague:
        assert "does not say what will change" in got[0].message


def test_a_proper_noun_component_with_its_fields_filled_is_not_vague():
    rec = example()
    row(rec, "components", "C2")["component"] = "Huddles"
    assert _codes(rec) == set()
    row(rec, "components", "C2").update(component="Support", description="")
    assert [f.element_id for f in _found(rec, "vague-statement")] == ["C2"]


@pytest.mark.parametrize("text, found", [
    ("TBC", "TBC"), ("tbd.", "tbd."), ("xxx", "xxx"), ("e.g.", "e.g."), ("?", "?"),
    ("TBC with finance", "TBC"), ("About xxx families a year", "xxx"),
    ("[insert references here]", "[insert references here]"),
    ("Parents, e.g. those with past involvement", ""),
    (("Fewer exclusions (TBC: which schools join the pilot and when the baseline data arrive)"), ""),
    ("Text mentioning a placeholder", ""),
])
def test_placeholders_only_when_the_text_is_one(text, found):
    assert placeholder(text) == found


# --- negative consequences and noise ------------------------------------------------------------


def test_negatives_that_are_all_delivery_risks_suggest_harms_and_one_harm_is_enough():
    rec = example()
    for n, text in zip(rec.elements["negatives"], ("Funding ends early", "Low take-up of online groups",
                                                   "Partners stop attending the huddle", "Slow recruitment of staff",
                                                   "Delays in the data-sharing agreement")):
        n["consequence"] = text
    (f,) = _found(rec, "negatives-delivery-only")
    assert f.ref == "'Negative consequences'!B4" and "5 negative consequences" in f.message
    assert "missed" in f.fix and "watched or labelled" in f.fix
    row(rec, "negatives", "NC5")["consequence"] = "Practitioners burn out from the extra virtual contacts"
    assert "negatives-delivery-only" not in _codes(rec)


def test_an_unlinked_funding_input_is_not_reported_but_other_unused_inputs_are():
    rec = example()
    for c in rec.elements["components"]:
        c["inputs_used"] = c["inputs_used"].replace(", IN7", "")
    assert _codes(rec) == set()
    rec.elements["inputs"].append({"id": "IN9", "resource": "Council grant for the device loan scheme",
                                   "type": "Other"})
    assert _codes(rec) == set()
    rec.elements["inputs"].append({"id": "IN10", "resource": "A minibus for family trips", "type": "Other"})
    assert _codes(rec) == set()  # a thing unused is not asked about (session 9)
    rec.elements["inputs"].append({"id": "IN11", "resource": "Sessional youth workers", "type": "Staff"})
    assert [f.element_id for f in _found(rec, "input-unused")] == ["IN11"]


def test_a_negative_consequence_with_neither_mitigation_nor_monitoring_is_one_finding():
    rec = example()
    row(rec, "negatives", "NC2").update(mitigation="", monitoring=None)
    (f,) = _found(rec, "negative-unmanaged")
    assert f.ref == "'Negative consequences'!G5"
    assert "no mitigation or plan for monitoring it" in f.message and "H5 are empty" in f.message


def test_a_missing_long_term_outcome_is_a_warning_not_an_error():
    rec = example()
    for o in rec.elements["outcomes"]:
        if o["timescale"] == "Long term":
            o["timescale"] = "Medium term"
    rep = validate(model_of(rec))
    assert rep.valid and [f.code for f in rep.findings] == ["no-timescale-outcome"]


def test_the_same_gap_on_three_rows_is_said_once_for_the_sheet():
    rec = example()
    for n in rec.elements["negatives"][:2]:
        n["mitigation"] = ""
    assert [f.code for f in validate(model_of(rec)).findings] == ["negative-unmanaged"] * 2  # two: each its own
    rec.elements["negatives"][2]["monitoring"] = ""
    (f,) = validate(model_of(rec)).findings
    assert f.code == "negatives-unmanaged" and f.message.startswith("3 negative consequences")
    assert [d.element_id for d in f.details] == ["NC1", "NC2", "NC3"] and f.ref == "'Negative consequences'!G4"


def test_the_verdict_reads_as_an_evaluators_conclusion():
    assert validate(model_of()).verdict() == "Ready to evaluate: no problems found."
    assert validate(model_of(_unlinked(example()))).verdict().startswith("Not ready to evaluate: No component")
    rec = example()
    rec.elements["outputs"] = []
    assert validate(model_of(rec)).verdict() == ("Can be evaluated, but with gaps an evaluator will ask "
                                                 "about: no outputs.")
    row(rec, "outcomes", "OC3")["timescale"] = ""
    assert validate(model_of(rec)).verdict().startswith("Not ready to evaluate: fix the errors")
    rec = example()
    row(rec, "inputs", "IN2")["detail"] = "TBC"
    rep = validate(model_of(rec))
    assert rep.verdict().startswith("Can be evaluated; the warnings") and rep.to_dict()["verdict"] == rep.verdict()
