"""The recommended evaluation design on real published logic models, judged by an evaluator
(issue 18, item 6: "the recommended design fits the unit of delivery and the nation").

``tests/data/design_published.json`` was written before the recommender was first run on these
models: for each, the delivery fields an LA user would enter from the model's own text and its
cited sources, the design families an evaluator would accept as the main recommendation, and the
comparator authorities expected for the nation. The published model files are left as they are;
the delivery fields are merged into a copy of each model's Intervention record here.

The plan is built as the product builds it (the plan use case); the main recommendation is the
plan's first design strand, named by family below. Figures are floors, not 100% by fiat: the
disagreements an evaluator would call debatable are listed in ``DEBATABLE`` with the reason.

    python -m tests.test_design_published      # the agreement table and every disagreement
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from lm_excel.usecases.plan import plan_of

from .modelkit import model_of
from .published import published_models

DATA = Path(__file__).parent / "data"


def _labels() -> dict:
    """``design_published.json`` (labelled on the checker's tuning and early held-out models) and
    any later held-out label files ``design_heldout*.json`` of the same shape, merged; each model
    remembers the file it came from (``source``), so each file's figures can be read apart."""
    merged: dict = {}
    for path in [DATA / "design_published.json", *sorted(DATA.glob("design_heldout*.json"))]:
        data = json.loads(path.read_text(encoding="utf-8"))
        merged.setdefault("about", data["about"])
        merged.setdefault("families", data["families"])
        assert data["families"] == merged["families"], path.name
        for key, label in data["models"].items():
            assert key not in merged.setdefault("models", {}), f"{key} labelled twice"
            merged["models"][key] = {**label, "source": path.stem}
    return merged


LABELS = _labels()

#: The plan's first design strand, by title, named as one of the evaluator's design families.
FAMILIES = (
    (r"^Finish the theory of change", "no impact design yet (no causal chain)"),
    (r"^Pilot now", "pilot / feasibility first (too few)"),
    (r"^Stepped roll-out", "stepped roll-out"),  # before schools: 'Stepped roll-out across schools'
    (r"schools or settings", "cluster or matched comparison at school level"),
    (r"^Matched comparison group of", "matched comparison of families / individuals"),
    (r"^Randomised controlled trial", "randomised trial of families / individuals"),
    (r"^Interrupted time series", "interrupted time series with comparator authorities "
                                  "(nation-appropriate)"),
    (r"^Matched comparison areas", "difference in differences with matched areas"),
    (r"^Contribution analysis", "contribution analysis / realist (place-based, complex)"),
)

#: What each nation's comparator authorities are called, and the English construct that is wrong
#: anywhere else.
COMPARATOR = {"England": "statistical neighbours", "Scotland": "similar councils",
              "Wales": "similar Welsh local authorities",
              "Northern Ireland": "Health and Social Care Trusts"}

#: Disagreements judged debatable after reading what the recommender said (model: reason).
DEBATABLE: dict[str, str] = {
    "complex_safeguarding_hub_manchester": "held out 28's first run: children matched on risk in Greater "
        "Manchester districts before their hubs opened would be a fair comparison of individuals, "
        "though the recommender's 'waiting list' does not exist",
}

#: The first run (recommender at main 0825472, labels committed before it), as it came out:
#: design agreed 35/37; nation comparator 36/37 by the first harness. Disagreements:
#: - family_hubs, health_visiting_456 (whole authority, England): "Before-and-after measurement"
#:   only. The primary outcomes have no routine (administrative) measure, so no time series was
#:   offered, and nothing else either: a before-and-after survey of users is no design for an
#:   authority-wide universal service. (health_visiting_456 has A&E attendances, routine, on a
#:   secondary outcome of the chain.)
#: - scottish_mentoring_leadership, comparator: a false alarm of the first harness, which took
#:   "comparing whole-authority figures would dilute any effect" for an authority comparison. It
#:   names no comparator authorities, which is right for school-level work in Scotland; the check
#:   now looks for named comparator authorities only.
#: Agreed by family but worth an evaluator's note (not counted): no cohort design mentions a
#: randomised trial when allocation is left blank; work in some areas always gets contribution
#: analysis, however many areas and whatever routine data there are.
FIRST_RUN = {"agreed": 35, "comparator": 36, "n": 37}
#: After the fixes of this change (authority-wide work takes routine data from any outcome on
#: the chain, else gets a theory-based design; the time series names its measures' own data):
#: design agreed 37/37, nation comparator right 37/37. These models were looked at while fixing,
#: so the after-fix figure is a floor against losing them, not a measure on unseen models.
#: Floors per label file (a later held-out file adds its own first-run floors here).
FLOORS = {"design_published": {"agreed": 37, "comparator": 37},
          "design_heldout13": {"agreed": 6, "comparator": 6}}
#: Held out 13 (design_heldout13.json, labels committed at 08:46 UTC before any run; recommender at
#: main 24f1a2c, run once at 10:10): design agreed 6/6, nation comparator right 6/6 (two Scottish,
#: one Welsh, three English models). Agreed by family, with an evaluator's note (not counted):
#: - mental_health_support_teams got a stepped roll-out across schools, named here as the school
#:   family because FAMILIES matches "schools or settings" first; both were accepted. Its measures
#:   include NEET (ages 16-17) for "stay in education" in pupils aged 5-18.
#: - operation_encompass_next_steps: the time series follows police-recorded domestic abuse
#:   incidents, which the scheme's disclosures may raise; a poor proxy for harm to children.
#: - perinatal_infant_mental_health_scotland: the time series rests on crisis contacts for a
#:   secondary outcome (fewer referrals to specialist services), from local records.
#: Since then: Pause, the Family Nurse Partnership and Caring Dads are entered as "Individual
#: parents or other adults" (the choice did not exist when they were labelled, so they had been
#: entered as children or families); the accepted design families are the evaluator's, unchanged.
#: The reservation that scottish_mentoring_leadership's plan named English sources (school
#: census, NCCIS) is resolved: it names the Scottish collections (tests/test_plan_nations.py).

#: Held out 12 (design_heldout12.json: six English children's services models, labelled and
#: committed before any run; recommender frozen at main 24f1a2c, run once at 10:10 UTC on 30 Nov
#: 2026): design agreed 6/6, nation comparator right 6/6. No disagreement; reservations below.
FIRST_RUN_HELDOUT12 = {"agreed": 6, "comparator": 6, "n": 6}
FLOORS["design_heldout12"] = {"agreed": 6, "comparator": 6}
#: Held out 15 (design_heldout15.json: Navigator in a Scottish emergency department, nurture
#: groups in Northern Ireland, the Universal Health Visiting Pathway in one Scottish board, a
#: Scottish Cedar project, a Welsh early language pathway, independent return home interviews in
#: England; labels committed at 11:53 UTC before any run; recommender frozen at main e7b355d, run
#: once at 12:48): design agreed 6/6, nation comparator right 6/6. Reservations, not counted, are
#: in RESERVATIONS below.
FLOORS["design_heldout15"] = {"agreed": 6, "comparator": 6}

#: Held out 14 (design_heldout14.json: six English local authority models, labelled and committed
#: at 11:52 UTC before any run; recommender frozen at main e7b355d, run once at 12:48 UTC on 30 Nov
#: 2026): design agreed 5/6, nation comparator right 6/6. The disagreement:
#: - short_breaks_disabled_children (whole authority): an interrupted time series on "placement type
#:   and distance from home" (SSDA903) for OC6, fewer disabled children living in residential care.
#:   Such placements are too rare in one authority for a time series, the measure does not pick out
#:   disabled children, and every eligible family can use breaks; a realist contribution analysis or
#:   a matched comparison of families starting breaks with families waiting was expected.
FIRST_RUN_HELDOUT14 = {"agreed": 5, "comparator": 6, "n": 6}
FLOORS["design_heldout14"] = {"agreed": 5, "comparator": 6}
#: Held out 17 (design_heldout17.json: school-based counselling in a Welsh authority, a Family
#: Support Hub in Northern Ireland, Early and Effective Intervention with Police Scotland, NCT's
#: Parents in Mind, Youth Engagement and Progression lead workers in Wales, Mellow Dads in Scotland;
#: labels committed at 13:36 UTC before any run; recommender frozen at main fa47236, run once at
#: 13:52): design agreed 5/6, nation comparator right 6/6. The disagreement:
#: - school_counselling_wales (whole authority, Wales): an interrupted time series on attendance
#:   and attainment against similar Welsh authorities. Every Welsh authority has had to provide the
#:   service since 2013 (and since 2008 under the strategy), so comparator authorities show no
#:   world without counselling, and counselling reaches a few pupils per school, diluted in
#:   authority-wide figures; a randomised or matched comparison of young people (waiting list) was
#:   expected.
FIRST_RUN_HELDOUT17 = {"agreed": 5, "comparator": 6, "n": 6}
#: Since then, tuned on this set: school_counselling_wales's delivery states the national-duty
#: choice of the Unit of delivery (its label's reason: every Welsh authority has had the statutory
#: service since 2013); with no reach stated it gets contribution analysis, agreed: 6/6.
FLOORS["design_heldout17"] = {"agreed": 6, "comparator": 6}
#: Held out 18 (design_heldout18.json: six English local authority models of practice: the
#: Families First for Children Pathfinder in Dorset, Focus on Practice in three London boroughs,
#: Islington's Motivational Social Work, PINS in 24 primary schools, Bright Spots in a county's
#: corporate parenting, Lancashire's Child First diversion; labels committed at 15:00 UTC before
#: any run; recommender frozen at main 4ff9023, run once at 15:42): design agreed 6/6, nation
#: comparator right 6/6; four reservations below.
FIRST_RUN_HELDOUT18 = {"agreed": 6, "comparator": 6, "n": 6}
FLOORS["design_heldout18"] = {"agreed": 6, "comparator": 6}
#: Held out 19 (design_heldout19.json: Healthier, Wealthier Children in an NHS Greater Glasgow and
#: Clyde partnership, a Bairns' Hoose pathfinder in Scotland, Families First in a Welsh authority,
#: the All Wales School Liaison Core Programme, Roots of Empathy in Northern Ireland schools, Place2Be
#: in primary schools; labels committed at 14:59 UTC before any run; recommender frozen at main
#: 4ff9023, run once at 15:42): design agreed 3/6, nation comparator right 6/6. The disagreements:
#: - bairns_hoose_pathfinder_scotland (whole authority, Scotland): "Choose outcome measures" (no
#:   measure found for the chain's outcomes), where a pathfinder of one house, explicitly a test of
#:   the Standards before a pilot phase, called for feasibility first or a theory-based design.
#: - families_first_wales and school_liaison_police_wales (whole authority, Wales): an interrupted
#:   time series against similar Welsh authorities, but every Welsh authority has run Families First
#:   since 2012 and every Welsh school has the police lessons, so comparator authorities show no
#:   world without them; a matched comparison of families, a comparison of schools, or a
#:   theory-based design was expected. (The labels give the plain "Whole local authority", not the
#:   national-programme choice of the Unit of delivery, which the labeller did not know of.)
FIRST_RUN_HELDOUT19 = {"agreed": 3, "comparator": 6, "n": 6}
#: Since then, TUNED ON cycle A: a chain with no measured outcome gets "pilot now, comparison later"
#: (a feasibility stage) in place of "choose outcome measures" (bairns_hoose agreed); the two Welsh
#: national programmes' delivery fields state the national-duty choice, as their labels' reasons
#: say (the accepted families unchanged): contribution analysis, agreed; and an authority-wide time
#: series now tells the user to choose that unit when every authority delivers the model. 6/6.
FLOORS["design_heldout19"] = {"agreed": 6, "comparator": 6}
#: Held out 20 (design_heldout20.json: six English models of practice: Head, Heart, Hands in a
#: fostering service, B Positive Pathways in Bradford, an ELSEC pathfinder site in Shropshire,
#: Wirral's family network support packages, Camden's Enhanced Constructive Resettlement, Birmingham
#: Children's Trust's advocacy service; labels committed at 15:55 UTC before any run; recommender
#: frozen at main 08749ad, run once at 16:46): design agreed 6/6, nation comparator right 6/6;
#: three reservations below.
FIRST_RUN_HELDOUT20 = {"agreed": 6, "comparator": 6, "n": 6}
FLOORS["design_heldout20"] = {"agreed": 6, "comparator": 6}
#: Held out 21 (design_heldout21.json: a parent-infant relationship team in a Northern Ireland Trust
#: area, school nursing in Wales, speech and language therapy in a Welsh youth justice service,
#: Police Scotland Youth Volunteers, Youth Work in Sport in a Scottish club, Upstream Cymru in Welsh
#: schools; labels committed at 15:53 UTC before any run; recommender frozen at main 08749ad, run
#: once at 16:47): design agreed 6/6, nation comparator right 6/6. Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT21 = {"agreed": 6, "comparator": 6, "n": 6}
FLOORS["design_heldout21"] = {"agreed": 6, "comparator": 6}
#: Held out 22 (design_heldout22.json: Rotherham's kinship local offer, Haringey's SAFE taskforce
#: in its mainstream schools, Your Choice in one London borough, Surrey's Extended Hope, Wolverhampton's
#: Families First for Children pathfinder, Doncaster's Growing Futures; labels committed at 17:47 UTC
#: before any run; recommender frozen at main 6d5a8b8, run once at 19:06): design agreed 6/6, nation
#: comparator right 6/6. Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT22 = {"agreed": 6, "comparator": 6, "n": 6}
FLOORS["design_heldout22"] = {"agreed": 6, "comparator": 6}
#: Held out 23 (design_heldout23.json: Healthy Happy Minds in Northern Ireland primary schools, the
#: Reach Children's Hub in one Feltham neighbourhood, Housing First for Youth for five care leavers in
#: West Lothian, ICON across an ICB area, the Violence Prevention Team in a Welsh emergency department,
#: includem's Multiple Risk Programme in Glasgow; labels committed at 17:46 UTC before any run;
#: recommender frozen at main 6d5a8b8, run once at 19:07): design agreed 4/6, nation comparator right
#: 6/6. The disagreements: the Reach Children's Hub (one neighbourhood, place-based, no end to
#: roll-out) got 'Pilot now, comparison later' because one area is too few, where contribution
#: analysis or matched wards over time were accepted; ICON (every birth in an ICB area) got 'Pilot
#: now' because no outcome on its chain has a library measure, where hospital admissions of babies
#: with head injuries give a time series against areas not yet using ICON. Since then, TUNED ON
#: this set: place-based work in areas gets contribution analysis however few the areas, and work
#: across a whole authority or area with nothing measured on its chain a theory-based design: 6/6.
FIRST_RUN_HELDOUT23 = {"agreed": 4, "comparator": 6, "n": 6}
FLOORS["design_heldout23"] = {"agreed": 6, "comparator": 6}
#: Held out 24 (design_heldout24.json: ten English children's social care models: the BASE model
#: across Gloucestershire, Hampshire's family intervention teams, Derby's Local Area Coordination
#: for care leavers in ten neighbourhoods, Wirral's multi-agency child protection team, Rotherham's
#: Edge of Care team, Leeds' RES teams in seven school clusters, Southwark's Care Leavers
#: Partnership, Islington's AMASS, Bolton's DSL supervision in half its primary schools, Enfield's
#: FASH; labels committed at 20:16 and 20:28 UTC before any run; recommender frozen at main
#: 337c5e3, run once at 21:41): design agreed 10/10, nation comparator right 10/10. Reservations
#: in RESERVATIONS.
FIRST_RUN_HELDOUT24 = {"agreed": 10, "comparator": 10, "n": 10}
FLOORS["design_heldout24"] = {"agreed": 10, "comparator": 10}
#: Held out 25 (design_heldout25.json: SNAP groups in North Ayrshire, the Swansea Bureau, PATHS in 40
#: Northern Ireland primary schools, North West London's Maternity Trauma and Loss Care Service, The
#: Children's Society's Disrupting Exploitation, a trust's Apprenticeship Academy for 15 students,
#: St Giles Trust's SOS+ in 42 Norfolk settings, the NSPCC's Pregnancy in Mind, Talking Together in
#: Better Start Bradford, a secondary attendance hub; labels committed at 20:16 and 20:28 UTC before
#: any run; recommender frozen at main 337c5e3, run once at 21:42): design agreed 10/10, nation
#: comparator right 10/10. Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT25 = {"agreed": 10, "comparator": 10, "n": 10}
FLOORS["design_heldout25"] = {"agreed": 10, "comparator": 10}
#: Held out 26 (design_heldout26.json: fourteen English local-authority children's services models:
#: Surrey's Youth Restorative Intervention, Foster with North East, the Hartlepool and Darlington SEND
#: pathfinder, New Belongings with care leavers, MST-CAN in Leeds, LEAP in four Lambeth wards,
#: Westminster's Family Recovery Programme, Reclaiming Social Work units, a Merseyside regional
#: adoption agency, an Early Years Stronger Practice Hub, MTFC-A, a Youth Justice Liaison and Diversion
#: pilot, Early Support key working, CP-IS in a London borough; labels committed at 23:02-23:29 UTC
#: before any run; recommender frozen at main c60b226, run once at 00:04): design agreed 14/14, nation
#: comparator right 14/14. Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT26 = {"agreed": 14, "comparator": 14, "n": 14}
FLOORS["design_heldout26"] = {"agreed": 14, "comparator": 14}
#: Held out 27 (design_heldout27.json: Redthread's youth workers in Nottingham's emergency
#: department, the Leicester VRN's Reach mentoring in 14 schools, KidsTime Southwark for 38 families,
#: Ealing's ELSA project, a School-Home Support practitioner, Getting Ready for Baby in a Northern
#: Ireland Trust, Aberlour's perinatal befriending in Forth Valley, a Scottish council's No Knives,
#: Better Lives, Invisible Walls Wales at HMP Parc, a Welsh health board's postnatal depression
#: project, Think Family NI's social work pilot, the GM VRU's Blocks in ten primary schools,
#: Hampshire's Trusted Adult Workers, the Healthy Child Wales Programme; labels committed from 23:03 to
#: 23:28 UTC before any run; recommender frozen at main c60b226, run once at 00:05 on
#: 1 Dec 2026): design agreed 12/14, nation comparator right 14/14. The disagreements:
#: - redthread_youth_violence_ed_nottingham (young people referred one by one after an injury):
#:   contribution analysis, because its primary outcome (re-attendance at the emergency department
#:   with a violent injury) was given hospital admissions for violence, a figure for places; the
#:   hospital's own attendance records are per person, and the published study compared young people
#:   who engaged with those who did not on them, so a matched comparison of individuals was expected.
#: - health_visiting_postnatal_depression_wales (one team's training with audit and feedback):
#:   contribution analysis as 'place-based work in a few areas'; a feasibility stage, a team-by-team
#:   roll-out or trained against untrained teams was expected. The label entered the unit as 'Some
#:   neighbourhoods or areas'; 'Some teams' would have said it better, and may have led elsewhere.
#: Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT27 = {"agreed": 12, "comparator": 14, "n": 14}
#: Since then, TUNED ON held out 27 (session 11): people given support one by one whose outcomes
#: have only counts kept for places (an area's rate of hospital admissions for violence) are
#: compared person by person on each one's own record of the outcome, which the plan must add,
#: with contribution analysis as the fallback: redthread_youth_violence_ed_nottingham agreed (the
#: Welsh violence prevention team, which accepts both, gets the same and still agrees): 13/14.
FLOORS["design_heldout27"] = {"agreed": 13, "comparator": 14}
#: Held out 28 (design_heldout28.json: fourteen English local-authority children's services models:
#: a county's high needs recovery plan under a safety valve agreement, Portage home visiting, a
#: partnership's Graded Care Profile 2 roll-out, Devon's edge of care service for adolescents,
#: Manchester's Complex Safeguarding Hub, a borough's devolved NRM decision panel, a county's protocol
#: to reduce the criminalisation of children in care, Birmingham's Step Down Programme, a special
#: guardianship support service, personal adviser support for care leavers aged 21-25, a virtual
#: school's PEPs and Pupil Premium Plus, outreach for funded two-year-old places, an early help
#: assessment and lead practitioner model, a youth offending team's ISSP; labels committed from 02:22
#: to 02:24 UTC before any run; recommender frozen at main 10203d4, run once at 02:25 on 1 Dec 2026):
#: design agreed 11/14, nation comparator right 14/14. The disagreements:
#: - complex_safeguarding_hub_manchester (a co-located hub working with every child identified in
#:   the city): a matched comparison of children with those 'who did not get the model ... or those on
#:   a waiting list'; there is no waiting list and children not identified differ, so the districts
#:   that opened hubs later (an area comparison over time) or a theory-based account was expected.
#:   Judged debatable (DEBATABLE).
#: - child_nrm_devolved_decisions (a multi-agency panel deciding for each child referred): 'pilot
#:   now, comparison later' because no outcome on the chain had a measure, though decision times are
#:   an administrative count and the Home Office compared the pilot with central decisions.
#: - virtual_school_pep_pupil_premium_plus (a national duty covering every child in care): a matched
#:   comparison of children 'who did not take part', where no child in care is outside the virtual
#:   school; a time series with comparators or contribution analysis was expected.
#: Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT28 = {"agreed": 11, "comparator": 14, "n": 14}
#: Since then, TUNED ON held out 28: when the model's own Summary or Target population says that
#: everyone eligible gets it ("every child in care has a PEP"; not an offer, an entitlement or
#: those who ask), a national duty gets contribution analysis (neither non-participants nor other
#: authorities show what would have happened) and support given one by one is compared with
#: people in areas without it or from before it began, not a waiting list: the virtual school
#: agreed, 12/14. The Complex Safeguarding Hub's text does not say everyone (still debatable), and
#: the NRM panel's decision times still need a measure (the suggestions' library, not the design).
#: Since then, TUNED ON held out 28 (session 12): the library has a measure of NRM decisions for
#: children (time taken and outcome, from the Home Office's NRM statistics), so the panel's OC1 is
#: measured and the design is a matched comparison of children: child_nrm_devolved_decisions
#: agreed, 13/14. The hub stays debatable.
FLOORS["design_heldout28"] = {"agreed": 13, "comparator": 14}
#: Held out 29 (design_heldout29.json: seven English local-authority models, Break4Change for
#: child-to-parent abuse in Brighton and Hove, Safe & Together in a London borough, Herefordshire's
#: Young Carers Support Service, Solihull's supported lodgings, East Sussex's Team Around the School
#: and Setting, Brent's UASC team, the Solihull Approach parenting group in family hubs; and seven led
#: by partners, Distress Brief Intervention's under 18s test of change in Scotland, Early Action
#: Together in a Welsh police force, a Family Engagement Officer in a Rhondda Cynon Taf school, the
#: Southern Trust's year 1 health review recovery in Northern Ireland, GM i-THRIVE, SFSC: Safer Lives
#: with three youth offending services, Inclusion Plus in four Dundee schools; labels committed at
#: 02:23 UTC before any run; recommender frozen at main 6fca3a3 (F1), run once at 04:18 on 1 Dec
#: 2026): design agreed 12/14, nation comparator right 14/14. The disagreements:
#: - year_one_review_southern_trust_ni (one Trust's recovery plan for a review every Trust offers):
#:   contribution analysis, because the label entered the unit as 'as in every authority (a national
#:   duty or programme)', so 'other Trusts show only the national trend'; the review schedule is
#:   national but the recovery plan is this Trust's alone, so the other four Trusts are a fair
#:   comparison on review coverage and what follows it. 'Whole local authority' would have said it
#:   better, and may have led elsewhere: the label's entry, not only the recommender.
#: - sfsc_safer_lives_parenting (groups of 6-10 parents in three boroughs, reach left blank because
#:   the source gives none): a matched comparison of parents; a feasibility stage (as the UCL study
#:   was) or a trial of referred parents was expected. The plan asks for the reach a year, which
#:   would have shown the numbers are small.
#: Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT29 = {"agreed": 12, "comparator": 14, "n": 14}
#: Since then, TUNED ON held out 29 (session 12; our own probes first, tests/test_design_s12.py):
#: a national duty that one body puts right with its own recovery or improvement plan ("Recovery
#: plan to get every child a ... review on time") is compared with the bodies carrying out the
#: same duty without such a plan, in a time series (year_one_review_southern_trust_ni agreed);
#: support given in small groups (a dozen or fewer) with no yearly reach stated gets a feasibility
#: stage first (sfsc_safer_lives_parenting agreed): 14/14. No other labelled model's design text
#: changed except i-THRIVE's comparators and Herefordshire's young carers count (RESERVATIONS).
FLOORS["design_heldout29"] = {"agreed": 14, "comparator": 14}
#: Held out 30 (design_heldout30.json: fourteen English local-authority children's services models,
#: Middlesbrough's independent travel training, Redcar and Cleveland's early years SEN inclusion fund,
#: Stoke-on-Trent's foster carer recruitment and retention, Leicestershire's ring-fenced apprenticeships
#: for care leavers, Wigan's SHARE, Ealing's Brighter Futures, Luton's family hubs home learning visits,
#: Hartlepool's Transition Support, Torbay's exploitation team, Cheshire East's supported internships,
#: Hammersmith and Fulham's Transition and Resilience programme, Durham's Targeted Youth Support,
#: Wirral's care leavers in council supply-chain jobs, the Transition Hub of Achieving for Children's
#: and Barnet's virtual schools; labels committed at 05:30 and 05:33 UTC before any run; recommender
#: frozen at main 3fab5c9 (F1), run once at 06:42 on 1 Dec 2026): design agreed 13/14, nation
#: comparator right 14/14. The disagreement:
#: - early_years_sen_inclusion_fund_redcar (top-up funding for individual children, entered with the
#:   unit 'Some schools or early-years settings' because the money is paid to the setting): matched
#:   comparison settings, following 'Placement type and distance from home' (SSDA903, children in
#:   care) for 'Children stay in their local setting'. Funded children are chosen one by one by a
#:   panel, and nearly every setting has one at some time, so settings that did or did not apply
#:   differ in who attends; a matched comparison of children with similar emerging needs was
#:   expected. The label's unit led there as much as the recommender; the measure is wrong either way.
#: Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT30 = {"agreed": 13, "comparator": 14, "n": 14}
#: Since then, TUNED ON held out 30 (session 13; our own probes first, tests/test_design_s13.py): an
#: outcome measure counted only for children in care (placement type, placement stability, Bright
#: Spots...) is left out of the design, with a note to choose another, when the model's own words
#: never say it serves children in or around care; and when no primary outcome on the chain is then
#: measured, the design does not rest on a change in practitioners or staff in their place (a step,
#: not the impact): early_years_sen_inclusion_fund_redcar gets a feasibility stage first, agreed:
#: 14/14.
FLOORS["design_heldout30"] = {"agreed": 14, "comparator": 14}
#: Held out 31 (design_heldout31.json: seven models led by partners of English councils' children's
#: services, MECSH in an NHS community trust's health visiting, Nottinghamshire Healthcare's PIRi, TEWV's
#: CAMHS crisis and home treatment, London VRU's Engage custody coaches, the Good Behaviour Game in one
#: school, NSPCC's Turn the Page, Safer London's London Gang Exit; and seven from Scotland, Wales and
#: Northern Ireland, Scotland's Baby Box, PoPP in Edinburgh, Aberlour Sustain in Falkirk, Barnardo's NI
#: Independent Guardian Service, a Welsh council's St David's Day Fund, the Childcare Offer for Wales,
#: Early Intervention Lisburn; labels committed at 05:30-05:40 UTC before any run; recommender frozen at
#: main 3fab5c9 (F1), run once at 06:49 on 1 Dec 2026): design agreed 10/14, nation comparator right
#: 14/14. The disagreements:
#: - baby_box_scotland (a national universal offer nine in ten families take): a matched comparison of
#:   families 'who did not take part'; those who decline differ (the evaluation found no way even to
#:   reach them), so trends against the rest of the UK or a theory-based account were expected.
#: - camhs_crisis_home_treatment_durham (one team serving every young person in crisis in two areas,
#:   entered as 'Some teams', 1 unit): 'pilot now' because one team is too few; the team covers a whole
#:   population, so area trends in admissions and repeat attendances against areas without such a team
#:   were expected. The label's 'Some teams' may have led there as much as the recommender.
#: - childcare_offer_wales (a national offer started in early implementer authorities in 2017 and
#:   everywhere by 2019, allocation entered as 'Yes, in planned waves'): contribution analysis because
#:   'every authority delivers the model at the same time', which the planned waves contradict; a
#:   difference in differences between earlier and later authorities was expected.
#: - popp_parenting_edinburgh (groups of up to 12 parents, reach left blank as the sources give none
#:   for Edinburgh): 'pilot now' until the reach is known, by the rule tuned on held out 29's SFSC; a
#:   wait-list or matched comparison of parents was expected for groups run city-wide for years.
FIRST_RUN_HELDOUT31 = {"agreed": 10, "comparator": 14, "n": 14}
#: Since then, TUNED ON held out 31 (session 13; our own probes first, tests/test_design_s13.py):
#: - a national programme offered to everyone eligible ("every family ... can register") gets
#:   contribution analysis, since those who did not take it up chose not to (baby_box_scotland);
#: - a national programme started in planned waves gets a stepped roll-out across authorities,
#:   the later waves the comparison while they wait (childcare_offer_wales);
#: - fewer than six teams, with no reach stated or enough people a year, are compared through the
#:   people they serve, not as too few teams (camhs_crisis_home_treatment_durham);
#: - small groups with no reach stated keep the comparison when the model says they run across a
#:   whole city or county ("then city-wide"): popp_parenting_edinburgh.
#: 14/14. These models were looked at while fixing: a floor, not a measure on unseen models.
FLOORS["design_heldout31"] = {"agreed": 14, "comparator": 14}
#: Held out 33 (design_heldout33.json: seven models led by partners or from the devolved nations,
#: UCLH's Lighthouse Child House with the Metropolitan Police and the NSPCC, Cleveland Police's custody
#: navigators, NSPCC Cymru's Speak out Stay safe in a Welsh county's primary schools, Scotland's school age
#: childcare Early Adopter Communities in four councils, the Full Service Community Network in West
#: Belfast, an Extended Schools cluster in Northern Ireland, a Premier League club's Breaking the Cycle of
#: Violence; labels committed at 05:49 UTC before any run; recommender frozen at main a8184ec (F0, session
#: 13's start), run once at 10:55 on 1 Dec 2026): design agreed 7/7, nation comparator right 7/7. No
#: disagreement; reservations, the measures and one comparison, in RESERVATIONS.
FIRST_RUN_HELDOUT33 = {"agreed": 7, "comparator": 7, "n": 7}
FLOORS["design_heldout33"] = {"agreed": 7, "comparator": 7}
#: Held out 35 (design_heldout35.json: ten models entered from evaluation reports or evaluation-led
#: programme documents, Durham's Aycliffe secure CSE house, St Christopher's Safe Steps homes, TBAP
#: Residence, For Baby's Sake in Hertfordshire, CODA groups in Lewisham, Parents 1st Community Parents
#: in Essex, a Scottish council's summer holiday food, activities and childcare programme, the Dundee
#: Early Intervention Team, a Scottish partnership's Realigning Children's Services, NSPCC Steps to
#: Safety in Southampton; labels committed before any run; recommender frozen at main 0fc4ca6 (F1,
#: session 13's freeze), run once on 1 Dec 2026): design agreed 8/10, nation comparator right 10/10.
#: The disagreements:
#: - tbap_residence_alternative_provision (up to seven young people at a time, reach left blank in
#:   the label as the sources give capacity, not numbers a year): a matched comparison of young people
#:   following 'Children entering care' for 'Fewer YP enter care' (OC4), where a pilot first was
#:   expected for a residence that few used in its pilot. The summary's 'max 7 YP at once' is not
#:   read as a reach; the blank reach led there as much as the recommender.
#: - steps_to_safety_nspcc_southampton (couples referred one by one, a feasibility study, no reach):
#:   a matched comparison of parents following 'Children entering care' for 'Child lives in a safer
#:   home' (OC4), with no measure for the primary outcome 'Less DA between parents' (OC2), where a
#:   feasibility stage, or a randomised trial against usual services once it is stable, was expected.
#:   Nothing in the model as entered says it is at a feasibility stage; the measure is wrong either way.
#: Reservations in RESERVATIONS.
FIRST_RUN_HELDOUT35 = {"agreed": 8, "comparator": 10, "n": 10}
FLOORS["design_heldout35"] = {"agreed": 8, "comparator": 10}
#: Held out 34 (design_heldout34.json: twelve published models, six led by English councils' children's
#: services, Hertfordshire's Independent Visitor scheme, Salford's autism and social communication team, Torbay
#: family hubs' breastfeeding peer support, a youth justice service's bail and remand offer, Stoke Speaks Out,
#: Suffolk's Belhaven home; and six led by partners or devolved bodies, Leicestershire's ChatHealth school nurse
#: texting, Avon and Somerset Police's Mini Police in three schools, MAC-UK's INTEGRATE, a primary school's Magic
#: Breakfast club, Swansea's Jig-So, a Northern Ireland pre-school's Getting Ready to Learn; labels committed at
#: 11:03 UTC before any run; recommender frozen at main 0fc4ca6, F1, run once at 14:32 UTC
#: on 1 Dec 2026): design agreed 10/12, nation comparator right 12/12. The disagreements:
#: - bail_remand_service_yjs (individual children, no reach given): a matched comparison of children on
#:   remands to custody, where remands are the court's decisions, under ten a year in one service, and every
#:   child at risk of remand in the borough gets the offer; the service's remand and bail rates over time
#:   against similar youth justice services, or a feasibility stage first, were expected.
#: - magic_breakfast_primary_school (one school, a club open to every pupil): "pilot now, comparison later"
#:   because one school is too few, where the school is the unit and matched schools without a club are a
#:   comparison on attendance, punctuality and KS1 results from school data (the EEF trial compared schools).
#: Reservations, the measures, in RESERVATIONS.
FIRST_RUN_HELDOUT34 = {"agreed": 10, "comparator": 12, "n": 12}
FLOORS["design_heldout34"] = {"agreed": 10, "comparator": 12}
#: Held out 16 (design_heldout16.json: six English local authority models, labelled and committed
#: at 13:16 UTC before any run; recommender frozen at main fa47236, run once at 13:53 UTC on 30 Nov
#: 2026): design agreed 4/6, nation comparator right 6/6. The disagreements:
#: - private_fostering (whole authority, about 20 arrangements a year): "Choose outcome measures",
#:   no design, because no outcome on the chain has a library measure; with twenty arrangements a
#:   year a feasibility or descriptive stage was expected whatever the measures, and notifications
#:   (published for every English council each year) could be followed against neighbours.
#: - holiday_activities_food (whole authority): an interrupted time series against statistical
#:   neighbours on the EYFS profile (an assessment at age five, for children of 5-16 'ready to
#:   learn') and on service take-up; every English council runs the programme at the same time, so
#:   neighbours are no counterfactual; matched attenders and non-attenders or a theory-based design
#:   was expected.
FIRST_RUN_HELDOUT16 = {"agreed": 4, "comparator": 6, "n": 6}
#: Since then, tuned on this set: authority-wide work reaching fewer than MIN_PEOPLE a year gets
#: "pilot now, comparison later" whatever its measures (private_fostering agreed); and the Unit of
#: delivery offers "Whole local authority, as in every authority (a national duty or programme)",
#: which holiday_activities_food's delivery now states (its label's reason says every English
#: council runs HAF at once; the accepted families are unchanged): a matched comparison of those
#: who take part, agreed. 6/6, tuned on.
FLOORS["design_heldout16"] = {"agreed": 6, "comparator": 6}

#: Agreed at the level of the design family, with an evaluator's reservation kept visible.
RESERVATIONS = {
    # Held out 35, first run:
    "summer_holiday_food_activities_childcare_scotland": "the contribution analysis follows household "
        "income, benefits and debt for 'Less food insecurity in hols' (OC2), which income cannot show; "
        "whether children go hungry on days with no school meal, asked over the summer, is the fit; and "
        "the Stirling Children's Wellbeing Scale (ages 8-15) covers only part of the 5-14s",
    "realigning_childrens_services_cpp_scotland": "the contribution analysis measures 'More of the "
        "partnership's spending goes to early intervention' (OC4) with a survey or interviews of "
        "partners, where the partners' own budget figures, year by year, are the measure",
    "for_babys_sake_hertfordshire": "the matched comparison rightly leaves police-recorded domestic abuse "
        "as context, but then gives no measure of the abuse, the primary outcome 'Domestic abuse between "
        "the parents reduces' (OC1), by questionnaire; and it measures 'Parents respond sensitively to "
        "their baby' (OC3) with the AAPI-2, a scale of parenting attitudes, not of sensitivity to a baby",
    # Held out 34, first run:
    "infant_feeding_peer_support_torbay_family_hubs": "the time series follows infant A&E attendances and "
        "emergency admissions for 'Fewer infant admissions for gastro' (OC4), a secondary outcome, few and "
        "driven by much else, and says the primary outcome 'More babies bf at 6-8 wks' (OC2) has no routine "
        "figures, where breastfeeding at 6-8 weeks is published for every English authority from health "
        "visitors' returns: the label's time series",
    "stoke_speaks_out_early_language": "the time series follows take-up of funded early education for "
        "'Fewer children start nursery with delayed language' (OC2): how many children take a place says "
        "nothing about their language when they start",
    "chathealth_school_nursing_leicestershire": "the before-and-after measures 'Young people feel more able "
        "to manage their health worries' (OC2) with the RCADS, a scale of anxiety and depression symptoms, "
        "not of confidence to deal with a worry; and the time series rests on self-harm admissions across "
        "two counties, which a texting service used by a fraction of young people can hardly move",
    # Held out 33, first run:
    "custody_navigators_cleveland": "the matched comparison follows reoffending by children in the "
        "youth justice system for navigators who meet 10-25 year olds in custody, most of them adults "
        "in adult justice data (police records cover both)",
    "breaking_cycle_violence_football_club": "the contribution analysis follows police-recorded "
        "domestic abuse incidents for 'Fewer young people involved in violence as victims or "
        "perpetrators' (OC4), violence on the street and among peers that such incidents do not count; "
        "the plan does say to keep the count as context and add a measure of the young people",
    "speak_out_stay_safe_wales": "the stepped roll-out measures 'Children can name at least one trusted "
        "adult and recall the Childline number' (OC2) with the MSPSS, an adult's perceived support, and "
        "'Children are safer from abuse and neglect' (OC5) with the Graded Care Profile 2, an assessment "
        "of neglect in one family; and its before-and-after is 'at the start and end of support' for a "
        "30-minute assembly; children's understanding measured the same way in each school is the fit",
    "school_age_childcare_early_adopters_scotland": "the contribution analysis follows take-up of "
        "funded early learning and childcare, for children under five, for 'More families on low "
        "incomes use school age childcare' (OC4), which is about primary school children",
    "lighthouse_child_house_london": "the matched comparison looks for children 'who did not get the "
        "model ... or those on a waiting list', where every child referred in the five boroughs can use "
        "the Lighthouse: the comparison children must come from other boroughs or from before 2018; "
        "since session 13 (TUNED ON this reservation and Brent's) every matched comparison of "
        "people names a waiting list only 'where there is one' and says that if the service takes "
        "every eligible child in the area the comparison comes from areas without it or from "
        "before it began, a condition the model's text does not let the recommender settle",
    # Held out 30, first run:
    "independent_travel_training_middlesbrough": "the matched comparison follows NEET for 'Travels "
        "independently to school/college' (OC2), which NEET cannot show; independent travel two terms "
        "after sign-off, from the team's own records, is the measure",
    "exploitation_team_torbay": "the time series follows children assessed at risk of exploitation "
        "(CIN census) for fewer children exploited, a count the team's own toolkit raised tenfold when "
        "it began to look for criminal exploitation; the plan warns of it, but it is the only measure",
    "transition_support_hartlepool": "RCADS, a scale of anxiety and depression, for 'Children feel less "
        "anxious and more ready for secondary school' (OC1), which is about the move to Year 7",
    # Held out 29, first run:
    "break4change_brighton_hove": "the matched comparison measures parents' confidence (TOPSE) and "
        "family functioning (Family Star Plus) but gives no measure for the primary outcome the "
        "programme exists for, fewer incidents of violence and abuse towards parents (OC5)",
    "safe_and_together_london_borough": "the time series follows police-recorded domestic abuse "
        "incidents for 'More perpetrators engaged by social workers as parents' (OC3), which police "
        "records do not show; the plan itself warns the count rises with recognition",
    "young_carers_support_herefordshire": "the matched comparison of young carers includes 'young "
        "carers identified in the school census' for OC1, a count the service's promotion raises, "
        "which cannot be compared between individuals; resolved since (session 12, TUNED ON this "
        "reservation): a count of young carers identified is left out of a comparison of people, "
        "to follow as context, like other counts the service's own work moves",
    "uasc_team_brent": "the matched comparison looks for children 'who did not get the model ... or "
        "those on a waiting list' in the borough, where every unaccompanied child is allocated to the "
        "team: the comparison children must come from other boroughs or from before the team; in "
        "part since session 13 (TUNED ON this reservation): the comparison says a waiting list only "
        "'where there is one', and that a service taking every eligible child in the area is "
        "compared with areas without it or from before it began; the model's text does not say "
        "every child is allocated, so the main design still names children who did not get it",
    "understanding_your_childs_behaviour_family_hubs": "GAD-7, a scale of general anxiety, for "
        "'Parents feel less anxious about parenting' (OC2); and with regular courses a wait-list "
        "trial (as the published RCT used) is named only as a question about allocation; the "
        "second resolved since (session 12, TUNED ON this reservation): courses that run again "
        "and again name those booked onto the next course as the comparison and a draw between "
        "courses as a trial",
    "i_thrive_greater_manchester_camhs": "the time series names DfE statistical neighbours for an NHS "
        "CAMHS system, where matched CAMHS areas on NHS footprints (as the national i-THRIVE "
        "evaluation used) fit; counted right by nation, but not the comparison an evaluator would pick; "
        "resolved since (session 12, TUNED ON this reservation): a system the NHS leads in England "
        "(its Organisation names an NHS body before its partners) is compared with similar NHS "
        "areas, and the text says the DfE's statistical neighbours group councils",
    # Held out 28, first run:
    "safety_valve_send_council": "the time series follows EHC plans issued on time (SEN2) for 'Fewer "
        "new EHCPs issued' (OC1), a count the council's own panel decides; the count of new plans, "
        "read beside tribunal appeals, is the figure the outcome names",
    "reducing_criminalisation_children_in_care": "the time series follows first-time entrants to the "
        "youth justice system among all children for 'Fewer CiC + care leavers charged or convicted' "
        "(OC2); the DfE's figures on convictions and cautions of children looked after are the ones "
        "that fit; resolved since (session 12, TUNED ON this reservation): the library has them "
        "(cla_offending, suggested where care is named) and the time series follows them",
    "funded_two_year_old_places_take_up": "the time series follows the good level of development at "
        "the end of Reception (OC4, three years on and mixed with school) rather than take-up of the "
        "two-year-old entitlement (OC2), which the DfE publishes for every council each January; "
        "resolved since (session 12, TUNED ON this reservation): funded two-year-old places are "
        "read as funded early education, so the time series follows their take-up",
    "social_workers_in_schools": "five schools get 'pilot now, comparison later'; with routine "
        "referral figures for many untreated schools, a matched comparison of schools is also "
        "defensible (both accepted)",
    "child_health_hubs": "some areas get contribution analysis whatever their number; matched "
        "areas with routine data would also be acceptable",
    "family_hubs": "the primary outcome has no measure in the library, so the theory-based design "
        "rests on a secondary outcome's questionnaire",
    # Held out 12, first run:
    "devolved_budgets_darlington": "'pilot now' is right for 30 families, but the budgets are "
        "already given by lot and the design does not say to keep the random draw as the pilot's "
        "comparison; it offers before-and-after only; resolved since (session 11, TUNED ON this "
        "reservation): a pilot whose places are drawn by lot keeps the draw, those not drawn "
        "being its comparison",
    "contextual_safeguarding_hackney": "the time series follows placement type and distance from "
        "home (one part of OC4); the primary outcomes (safer contexts, safer young people) have no "
        "routine measure, so contribution analysis should lead beside it; since session 11 (TUNED ON this "
        "reservation) a contribution analysis of the primary outcomes follows the series when it "
        "rests on secondary outcomes only",
    "reunification_framework": "the time series follows children returning home from care; the "
        "outcome is re-entry after a return, which the SSDA903 gives but the measure does not name",
    "suffolk_diversion": "resolved since (tuned on this set): a cohort measured for reoffending "
        "is no longer compared on first-time entry, which diversion itself decides",
    "send_change_programme": "the time series follows exclusions and EHC plan timeliness (OC4, "
        "OC5); the primary outcome (needs met in mainstream) has no routine measure, and matched "
        "authorities outside the programme would be as good a comparison; since session 11 (TUNED ON this reservation) a "
        "contribution analysis of the primary outcome follows the series",
    # Held out 14, first run:
    "virtual_school_cwsw": "its delivery now states the national-duty choice (every English "
        "authority got the same extended duty from September 2021): contribution analysis, which "
        "says neighbours show only the national trend; a time series of children in need's "
        "attendance against neighbours, read as a benchmark, is no longer offered beside it",
    "derby_speech_language_pathway": "the time series follows the EYFS profile good level of "
        "development rather than its communication and language goals, says nothing of the 2021 "
        "profile change, and the before-and-after strand offers ONS loneliness measures for the "
        "word gap (OC7)",
    "missing_return_interviews": "the time series follows children assessed at risk of exploitation "
        "(CIN census) for harm through exploitation, a count that rises as services recognise more; "
        "repeat missing episodes per child (OC3) would be the fairer routine measure",
    # Held out 15, first run:
    "navigator_scotland": "the matched comparison follows police-recorded domestic abuse "
        "incidents for involvement in violence (OC4), a poor proxy: most of the violence seen "
        "in the emergency department is not domestic abuse",
    "universal_health_visiting_scotland": "contribution analysis 'since no outcome on the chain "
        "has authority-wide routine figures', but Scotland's child health reviews at 27-30 "
        "months record developmental concerns for every board (OC6), and boards started the "
        "pathway at different dates: a time series or natural experiment was possible",
    "cedar_scotland": "the matched comparison names police-recorded domestic abuse incidents for "
        "recovery from trauma (OC6), where the abuse must already have ended to join; with a "
        "few groups of about eight a year, a feasibility stage would come first",
    "return_home_interviews": "the matched comparison is on children assessed at risk of "
        "exploitation (OC2, what the interview identifies) rather than repeat missing episodes "
        "(OC6, police and SSDA903 data); and every missing child is offered an interview, so "
        "the 'did not get the model' group are those who declined (selection); since session 11 (TUNED ON "
        "this reservation) a model whose words say everyone eligible is offered it is told that "
        "those without it declined, and that areas without it or earlier years are fairer",
    # Held out 22, first run:
    "kinship_local_offer_rotherham": "the contribution analysis and the before-and-after strand "
        "measure 'More children raised safely within their family network' (OC8) with the MSPSS, a "
        "scale of perceived social support, where the count of children living with kin (or "
        "arrangements ending) is the measure",
    "growing_futures_doncaster": "the time series follows police-recorded domestic abuse incidents "
        "for 'Less emotional harm to children' (OC2), a count that recognition and reporting raise "
        "and that says nothing of the children's emotional state",
    "your_choice_london_borough": "'pilot now' is right for 28 young people in one borough, but "
        "says nothing of pooling boroughs, as the pan-London randomised trial of Your Choice did; "
        "resolved since (session 11, TUNED ON this reservation): a pilot too small alone says "
        "other sites delivering the same model can be pooled",
    # Held out 24, first run:
    "bolton_dsl_supervision_schools": "Bolton allocated half of its primary schools at random, "
        "but the design picks matched comparison schools and does not mention that a random "
        "allocation of schools is possible; and it measures referrals to children's social care, "
        "not the share of contacts ending in no further action that the primary outcome names",
    "hampshire_family_intervention_teams": "the matched comparison measures the domestic abuse "
        "outcome by police-recorded incidents, which rise with better recognition (the clean "
        "copy's own note on OC3), so a survivor-reported measure is needed beside it",
    # Held out 26, first run:
    "surrey_youth_restorative_intervention": "the time series follows first-time entrants (OC4), which "
        "the YRI lowers by design when it replaces cautions; reoffending (OC3) is the outcome that can "
        "show an effect, and the plan does not say so",
    "foster_with_north_east": "the time series measures the share of fostering enquiries that become "
        "applications (OC1) with section 47 enquiries, a child protection count: the word 'enquiries' "
        "matched the wrong construct",
    "mst_can_leeds": "the matched comparison follows child protection plans and care entry (OC4, OC5) but "
        "not parents' aggression towards children (OC1, primary), the outcome the treatment targets "
        "first; and it asks whether places could be offered by lot when the pilot is already randomised",
    "regional_adoption_agency_merseyside": "the time series measures adoption disruptions (OC5) with "
        "adoption timeliness from the SSDA903, which does not count disruptions",
    "stronger_practice_hub_early_years": "the settings comparison uses the Reception good level of "
        "development for OC5, assessed in schools years later and not linked back to the settings "
        "that took part",
    "youth_justice_liaison_diversion": "the matched comparison measures depression (OC2) with the RCADS "
        "but leaves out time to first reoffence (OC4, primary), the outcome the national evaluation's "
        "matched comparison could show",
    "child_protection_information_sharing": "abuse and neglect identified earlier (OC3) is given the "
        "Graded Care Profile 2, an assessment of neglect in one family, measured 'at the start and end "
        "of support', which fits no part of a flag shared between systems",
    # Held out 27, first run:
    "reach_mentoring_leicester_vrn": "the matched comparison measures 'Fewer fights and conflicts' "
        "(OC3, in school) with SCORE-15, a scale of family functioning; the registered trial's "
        "school records and self-reports are what fit",
    "kidstime_southwark": "the before-and-after measures 'More open talk about mental health between "
        "parents and children at home' (OC2) with GAD-7, an adult anxiety scale",
    "getting_ready_for_baby_ni": "the matched comparison measures 'Women feel better prepared for "
        "labour, birth and the early days' (OC1) with ONS4 personal wellbeing, and women who choose "
        "group care need matching on parity and risk",
    "think_family_social_work_ni": "the matched comparison measures 'Adult mental health staff "
        "identify the children and family needs' (OC1, a change in practice) with GAD-7, the "
        "parents' anxiety; a case file audit is the measure that fits",
    "blocks_transition_gm_vru": "the school comparison counts children assessed at risk of "
        "exploitation for 'Children stay safe' (OC6), which rises as staff recognise the signs",
    "invisible_walls_wales_parc": "'pilot now' fits twenty families a year, but reoffending (OC5) gets "
        "no measure, where a Justice Data Lab style matched comparison of released men is routine",
    "no_knives_better_lives_scotland": "the time series follows all offence referrals to the "
        "Reporter, which move with police searching, for weapon charges among under-18s that are "
        "a handful a year in one authority",
    # Held out 25, first run:
    "snap_north_ayrshire": "the matched comparison measures 'Fewer behaviour incidents recorded at "
        "school' (OC3) with a case file and practice quality audit, which observes practitioners' "
        "records, not pupils' behaviour",
    "paths_primary_schools_ni": "the school comparison measures children calming themselves and "
        "solving problems with peers (OC2) with SCORE-15, a scale of family functioning, and the "
        "SDQ it names would be rated by the teachers who deliver the lessons",
    "maternity_trauma_loss_nw_london": "the matched comparison measures post-traumatic stress "
        "(OC1, which names the PCL-5) and distress (OC2, which names CORE-10) with the K10, a "
        "general distress scale, and women referred at a peak of distress need matching on time "
        "since the birth or loss",
    "disrupting_exploitation_childrens_society": "the matched comparison measures 'reduced risk of "
        "exploitation' with a count of children assessed at risk, which rises when agencies "
        "recognise exploitation (the systems strand's aim) and cannot show risk falling; since "
        "session 10 the design says so and asks for a measure of the young people themselves, "
        "but the library still offers none for risk of exploitation",
    "sos_plus_norfolk_schools": "the school comparison counted children assessed at risk of "
        "exploitation for OC3 and OC5, which rises as staff recognise the signs; resolved since "
        "(session 10, tuned on this reservation): the help-seeking questionnaire for OC2 leads and "
        "the count is left out of the comparison, to follow as context",
    "pregnancy_in_mind_nspcc": "responsive care in the baby's first year (OC6) is measured with the "
        "AAPI-2, an inventory of attitudes to parenting older children, not sensitivity to a baby",
    "talking_together_bradford": "the matched comparison measures no primary outcome: parents "
        "talking and playing more (OC1) with the ONS loneliness measure, the relationship with the "
        "CPRS and school readiness at five with the EYFS profile, while children's understanding of "
        "words and the language screen (OC2, OC3) have no measure",
    "swansea_bureau_wales": "the time series followed first-time entrants first, which the Bureau "
        "lowers by design when it stops formal disposals; resolved since (session 10, tuned on this "
        "reservation): it leads with reoffending (OC4) and says to read first-time entry with care",
    # Held out 23, first run:
    "healthy_happy_minds_ni": "the school comparison uses the SDQ, which the pilot collects only for "
        "the children each school chose for therapy, so comparison schools would need children "
        "chosen the same way; and with 566 of Northern Ireland's primary schools taking part, the "
        "schools that did not are the ones that declined (selection)",
    "multiple_risk_programme_glasgow": "the matched comparison measures only the secondary outcomes "
        "(wellbeing, self-esteem, family functioning; the family-functioning scale is also listed "
        "for offending, OC6), not the primary outcomes, risk-taking and being safe and well; "
        "and with no reach stated, the numbers for a comparison are unknown",
    # Held out 21, first run:
    "parent_infant_relationship_team_ni": "the matched comparison measures parental sensitivity "
        "with the AAPI-2 (attitudes to parenting older children, abuse potential) and secure "
        "attachment with the Postpartum Bonding Questionnaire (the mother's feelings); neither "
        "observes the parent-baby interaction or attachment; and with 60 families a year a "
        "feasibility stage would come first",
    "youth_work_in_sport_scotland": "open-access drop-in sessions have no referral or start "
        "date to match on, so 'before and after' and 'similar young people who did not get the "
        "model' need a defined cohort (the young leaders, or regular attenders from a set date)",
    # Held out 19, first run:
    "healthier_wealthier_children_scotland": "the time series follows household income, benefits "
        "and debt from local management information for all three primary outcomes, but the "
        "advisers' recorded gains exist only for referred families and only once the service "
        "starts (no before period), and parents' stress about money (OC3) is not an income figure; since session 11 (TUNED ON this reservation) a time "
        "series on the service's own records says comparators would have to share theirs and that it "
        "needs records from before the model started",
    "place2be_primary_schools": "comparing six schools with matched schools on the SDQ dilutes an "
        "effect on about 25 counselled children per school; a matched comparison of children was "
        "the better choice",
    # Held out 17, first run:
    "early_effective_intervention_scotland": "the time series uses SCRA offence referrals and "
        "reconviction rates (both 'not the same measure'); every Scottish council now runs EEI, "
        "so comparator councils help only through their different start dates",
    "mellow_dads_scotland": "the matched comparison offers the Stirling Children's Wellbeing "
        "Scale (ages 8-15) for children under five; with one group of about eight fathers and "
        "high drop-out, a feasibility stage would come first",
    "youth_engagement_progression_wales": "young people are picked by a risk score, so the "
        "matched comparison must match on that score (or compare those just below the "
        "allocation threshold); since session 10 (tuned on this reservation) every matched "
        "comparison of people says to match on whatever decides who is offered it, a risk score "
        "among them",
    # Held out 16, first run:
    "mash_front_door": "the time series follows referrals to children's social care for OC1 (risk "
        "missed at the front door), a count the hub's own thresholds move; nearly every English "
        "authority has a MASH with no recorded start date, so the interruption and the "
        "neighbours' trend need a local change to anchor them",
    "staying_put": "the matched comparison counts staying in the home (OC2, take-up of the offer) "
        "as an outcome and does not warn that young people who stay differ from those who leave "
        "(the better relationships stay); since session 10 (tuned on this reservation) the "
        "comparison says that those who take up support differ and to say how, but staying is "
        "still counted as an outcome",
    "step_change_adolescents": "the matched comparison follows first-time entrants for less "
        "offending (OC3), where many of these young people have offended already (reoffending is "
        "the fair measure); with 15 families in its first year, a feasibility stage would come "
        "first",
    # Held out 18, first run:
    "families_first_pathfinder_dorset": "the time series follows first-time entrants to the "
        "youth justice system for OC1 (families get help earlier, with fewer hand-offs), and the "
        "before-and-after measure for OC3 (children live with their family) is family time with "
        "birth family, which counts contact, not where children live",
    "pins_neurodiversity_schools": "the school comparison follows EHC plans issued on time for "
        "OC5 (fewer requests for an EHC needs assessment), a measure of the authority's process, "
        "not of the schools' requests; the next year's schools (a stepped roll-out) are not "
        "mentioned",
    "lancashire_child_first_diversion": "the matched comparison follows first-time entrants "
        "(OC4), which a diverted child is not by definition, so it measures the panel's decision; "
        "reoffending (OC3) is the fair measure",
    "bright_spots_corporate_parenting": "contribution analysis adds the Stirling Children's "
        "Wellbeing Scale (ages 8-15) to a survey of children in care aged 4-18, and a "
        "before-and-after 'at the start and end of support' fits poorly an annual survey of a "
        "changing group; since session 11 (TUNED ON this reservation) the "
        "before-and-after for authority-wide work measures before the change and a year or more on, "
        "like with like, not at the start and end of support",
    # Held out 20, first run:
    "head_heart_hands_fostering": "the pilot measures warmer carer-child relationships (OC3) with "
        "the Multidimensional Scale of Perceived Social Support, an adult's support from others, "
        "not the relationship between carer and child",
    "constructive_resettlement_camden": "the matched comparison follows reoffending by children "
        "in the youth justice system for young people aged 15-25, most of whom are adults in "
        "adult justice data",
    "family_network_support_wirral": "the time series on children entering care cannot tell the "
        "packages from the pathfinder's other strands (family help, child protection) that change "
        "the same figures at the same time; the plan does not say so; since session 11 (TUNED ON this reservation) every time "
        "series asks for other changes to the same figures at the same time to be named",
}


@dataclass(frozen=True)
class Judged:
    key: str
    family: str  # the recommended design, as a family ("" when none fits)
    title: str
    accepted: bool
    comparator_ok: bool
    text: str


def family(title: str) -> str:
    return next((f for pattern, f in FAMILIES if re.search(pattern, title)), "")


def judge(key: str) -> Judged:
    label = LABELS["models"][key]
    pub = next(m for m in published_models() if m.key == key)
    records = pub.records()
    records.intervention.update(label["delivery"])
    plan = plan_of(model_of(records))
    first = plan.design[0]
    text = " ".join(f"{s.title}. {s.detail}" for s in plan.design)
    nation = label["delivery"].get("nation", "")
    wrong = [c for n, c in COMPARATOR.items() if n != nation and c in text]
    authorities = "comparator authorities" in text.lower() or any(c in text for c in COMPARATOR.values())
    right = COMPARATOR.get(nation, "") in text if authorities else True
    return Judged(key, family(first.title), first.title, family(first.title) in label["accept"],
                  not wrong and right, text)


def results() -> list[Judged]:
    return [judge(k) for k in LABELS["models"]]


def table(judged: list[Judged]) -> str:
    lines = []
    sources = sorted({LABELS["models"][j.key]["source"] for j in judged})
    for source in sources + (["all"] if len(sources) > 1 else []):
        part = [j for j in judged if source in ("all", LABELS["models"][j.key]["source"])]
        lines.append(f"{source}: design agreed {sum(j.accepted for j in part)}/{len(part)}; "
                     f"nation comparator right {sum(j.comparator_ok for j in part)}/{len(part)}")
    for j in judged:
        if not (j.accepted and j.comparator_ok):
            label = LABELS["models"][j.key]
            lines.append(f"- {j.key}: said '{j.title}' ({j.family or 'no family'}); accepted "
                         f"{label['accept']}; comparator ok: {j.comparator_ok}"
                         + (f"; debatable: {DEBATABLE[j.key]}" if j.key in DEBATABLE else ""))
    return "\n".join(lines)


@pytest.fixture(scope="module")
def judged() -> list[Judged]:
    return results()


def test_labels_cover_a_spread_of_units_and_nations():
    models = LABELS["models"].values()
    assert len(models) >= 20
    assert {m["delivery"]["delivery_unit"] for m in models} >= {
        "Whole local authority", "Some schools or early-years settings",
        "Some neighbourhoods or areas", "Some teams", "A cohort of families",
        "Individual children or young people"}
    assert {m["delivery"]["nation"] for m in models} >= {"England", "Scotland", "Wales"}
    for m in models:
        assert m["accept"] and set(m["accept"]) <= set(LABELS["families"])


def _part(judged: list[Judged], source: str) -> list[Judged]:
    return [j for j in judged if LABELS["models"][j.key]["source"] == source]


def test_every_label_file_has_floors():
    assert {m["source"] for m in LABELS["models"].values()} == set(FLOORS)


@pytest.mark.parametrize("source", sorted(FLOORS))
def test_agreement_with_the_evaluator_holds_its_floor(judged, source):
    part = _part(judged, source)
    assert sum(j.accepted for j in part) >= FLOORS[source]["agreed"], table(judged)


@pytest.mark.parametrize("source", sorted(FLOORS))
def test_the_nation_comparator_holds_its_floor(judged, source):
    part = _part(judged, source)
    assert sum(j.comparator_ok for j in part) >= FLOORS[source]["comparator"], table(judged)


def test_comparators_follow_the_nation_on_the_authority_wide_models():
    """The published authority-wide models are all English; entered for another nation, the
    same models must name that nation's comparators and never the DfE's statistical neighbours."""
    keys = [k for k, m in LABELS["models"].items()
            if m["delivery"]["delivery_unit"] == "Whole local authority"][:3]
    assert keys
    for key in keys:
        pub = next(m for m in published_models() if m.key == key)
        for nation in ("Scotland", "Wales", "Northern Ireland"):
            records = pub.records()
            records.intervention.update({**LABELS["models"][key]["delivery"], "nation": nation})
            text = " ".join(f"{s.title}. {s.detail}" for s in plan_of(model_of(records)).design)
            assert COMPARATOR[nation] in text and "statistical neighbours" not in text, (key, nation)


def test_disagreements_listed_as_debatable_are_still_disagreements(judged):
    still = {j.key for j in judged if not j.accepted}
    assert set(DEBATABLE) <= still, "a debatable case now agrees: move it off the list"


if __name__ == "__main__":  # pragma: no cover
    print(table(results()))
