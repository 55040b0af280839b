"""Render the measures library as a Markdown page (docs/measures.md).

Regenerate the page with:  python -m lm_excel.measures.docs > docs/measures.md
"""

from __future__ import annotations

import sys

from lm_excel.measures.library import (
    KINDS,
    OTHER_NATIONS,
    WHO_BENEFITS,
    Measure,
    MeasureLibrary,
    load_library,
    nation_sources,
)

HOW_SUGGESTIONS_WORK = [
    "## How a measure is suggested",
    "",
    ("`lm-excel suggest` and the *Measures plan* compare an outcome statement with each "
     "measure's name, description and keywords, after reducing both to stems and known "
     "phrases (`lm_excel/data/suggest_vocabulary.txt`: synonyms per domain, such as "
     "\"re-referred\" and \"re-referral\", or \"see their birth parents\" and \"family time\")."),
    "",
    ("- **Real evidence only.** A suggestion needs a phrase or concept the measure is about, or "
     "a specific word in its name or keywords. Generic words (support, contact, needs, "
     "managing, engagement...) weigh little and never carry a suggestion alone."),
    ("- **A word alone must name one construct.** Only the words and concepts listed under "
     "*[anchors]* in the vocabulary (burnout, re-referral, exclusion, anxiety, debt, "
     "loneliness...) carry a suggestion on their own. Any other single word (\"communicate\": "
     "with whom? \"financial\": income or skills? aspirations, safety, placement, development) is "
     "half the evidence needed: it takes a phrase of two or more content words (\"financial "
     "security\", \"family relationships\") or a second word pointing to the same measure. So a "
     "word the vocabulary does not know leads to \"no close match\", never to a guess."),
    ("- **Where the matched word sits.** One matched word inside a complement that something "
     "other than a change governs (\"the generational cycle of *crime*\", \"harassment, "
     "*neglect*, or abuse\" after \"subjected to\") carries no suggestion: across every "
     "labelled row such suggestions were right 0.42 of the time (the calibration below). A harm "
     "before \"victims\" or \"survivors\" names who; opportunities, the design or "
     "commissioning of a service, and a construct that \"is supported\" are provision, not a "
     "change; a thing qualified by \"that are ...\" (\"homes that are warm\") is not the "
     "change. A statement of what the service will do (\"we will support young people to make "
     "informed decisions about their health\", \"supporting schools to provide ...\") is an "
     "intention, not a change in people: it gets no scale or survey, only a count from records "
     "of a change it names (\"we will work with schools to cut exclusions\"). A topic before a "
     "role (\"a designated mental health *lead*\") names a job, not the change."),
    ("- **Knowing, using and experiencing are not the thing itself.** After \"understanding of\", "
     "\"aware of\", \"know\", \"recognise\" or \"in control of\", no measure of the subject is "
     "suggested (domestic abuse incidents do not measure an understanding of domestic abuse); "
     "after \"experience of\", \"access to\" or in an outcome that is about support or a service "
     "(\"better support for young people in the justice system\"), a count from records is not "
     "suggested, though a survey of that experience may be."),
    ("- **The main change decides, not a topic word.** When what a part of an outcome says "
     "changes is a wait for a service, siblings kept together, trust in the police, or the bond "
     "between a parent and a baby, the measure of that change is suggested (waiting times, "
     "brothers and sisters placed together, confidence in the local police, the Postpartum "
     "Bonding Questionnaire), and these four measures are suggested only that way (\"police\", "
     "\"referral\" or \"babies\" elsewhere in an outcome do not call them up). When it is stigma "
     "or shame, attachment beyond infancy, achieving potential or ambitions, telling a trusted "
     "adult, identifying and responding to a risk, aspirations, or parenting skills (confidence in them is "
     "self-efficacy, which TOPSE asks), the library has no measure of it: that "
     "part gets no close match, however many topic words it shares with a measure (\"less "
     "stigma about domestic abuse\" is not a count of domestic abuse incidents), and the advice "
     "names what the library lacks. A wait for an EHC plan, a social care assessment or an "
     "adoption is measured by those measures. The same words in a clause of cause (\"fewer "
     "children enter care because parents feel less judged\") leave the main change's measure, "
     "and a condition at the start (\"where living with their family is not possible, ...\") "
     "is not the change."),
    ("- **Care, support, voice and services in their sense.** Children in care feeling cared "
     "for, loved, listened to or having a say is what Bright Spots asks; staying with or leaving "
     "the birth family is entry to care, not family time; the youth justice service named as a "
     "team, board or setting is not offending, and \"the work of\" a body is not a job; enough "
     "placements (sufficiency) is not their stability; family and friends, or the wider "
     "family, are the people around someone, and kinship care only when a child lives with "
     "them; a count of one kind of offence (\"shoplifting offences\", \"drug-related "
     "offences\") is police-recorded crime, not first-time entry or reoffending; people "
     "\"affected by\" a harm say who, not its count; the EHC plan measure needs the plan's "
     "timing, issue or quality (\"pupils with EHC plans\" are a population); drug and alcohol "
     "treatment needs whose use it is or a service (\"the reduction in illegal substance "
     "misuse\" in an area is no treatment cohort); moving about a place is not a move of "
     "placement; being happy in a school, setting or service is an experience of it, not "
     "wellbeing; \"children first, offenders second\" and \"crime and disorder\" are not "
     "offending by children; a service that acts (\"early help enables ...\") names no count "
     "unless it names a change; the Experience of Service Questionnaire "
     "is of a health or mental health service (\"parents feel supported by their social worker\" "
     "is the family survey); the carers' survey needs carers named, and \"carers\" or "
     "\"caregivers\" alone may be parents, so no measure only for foster and kinship carers; "
     "\"trauma-informed\" support is not informal support; the circumstances of the people "
     "named first (\"people in low income families gain employment\") say who; and what "
     "parents report in their child is the child's outcome."),
    ("- **Measures for one population.** A parenting measure (stress, attitudes) is suggested "
     "only when the outcome names parents, carers or parenting (\"young carers feel less "
     "stressed\" is a child's stress); a measure only for children in care or care leavers "
     "(Bright Spots, health checks of looked-after children, care leavers' EET, missing from "
     "care, placement type, and placement stability and adoption, since *stability* alone says "
     "neither whose placement nor whose home) only when the outcome names care (*[care_only]* in the "
     "vocabulary). An outcome about another agency (\"treated fairly by the police\", "
     "\"support in the criminal justice system\") gets no survey of the service's own users. "
     "Words naming who an outcome is for filter measures but add no score."),
    ("- **Who benefits and age are filters.** A measure whose population cannot fit the "
     "outcome's beneficiary (the *Who benefits* column, or the people named first in the "
     "statement when it is blank, such as \"parents, carers and families\") or its age range "
     "is never suggested; one made for part of the ages (a children's scale for care leavers) "
     "ranks below one made for all of them."),
    ("- **Sense from the surrounding words.** Words whose sense depends on context "
     "(confidence, skills, empathy, resilience, risk: whose, of what?) are half the evidence a "
     "suggestion needs, however many of them an outcome has; "
     "after \"safe from\" or \"victims\", crime and antisocial behaviour are harm suffered, "
     "not offending, and after \"trust\", \"public\" or \"confidence\" they are the "
     "system's standing; a status phrase at the start (\"children in the youth justice system "
     "with ...\"), a relative clause after the people named (\"women who have had children "
     "removed develop ...\", \"families where there is drug misuse\") and \"perpetrators of "
     "...\" say who, not what changes, unless no main verb follows (\"fewer young people who "
     "offend\"); when the main clause says only that those people are safe, protected or "
     "found (\"victims of domestic abuse are safer\"), the harm the who-part names is what "
     "changes; confidence in something (\"confident parenting\") is not that thing; a slogan "
     "of three or more states (\"safe, healthy and happy\") is no one change; an outcome about process compliance "
     "(\"recorded\", \"management oversight\") is for the case file audit, not a count; "
     "words saying how a change is measured (\"as reported in parent "
     "surveys\") are not the change. Where a word sits decides as well: a service after a "
     "preposition (\"confidence in the police service amongst young people\") is where, not who; "
     "the people worked with before \"to\" (\"work with parents to support children to ...\") "
     "are partners; what the people named first *feel* is asked, not counted; a document or a "
     "record as the subject (\"a strategy is published\", \"assessments evidence ...\") is an "
     "output or the case file audit; a wait may be said without \"wait\" (\"no later than 4 "
     "weeks\", \"quicker to access\"). A measure may also name words that rule it out "
     "(`[unless]` in the vocabulary: the count of assessments when a time is named, housing "
     "stability for children in care, crisis contacts for a wait)."),
    ("- **Topics, settings and people, read by structure (session 10).** An aim for the next "
     "generation, or a harm as everyone's business or responsibility, names no change; every "
     "child feeling safe and heard with no service named, and a say in decisions about a "
     "community or the world, get no survey of a service's users; living free from fear is not "
     "anxiety; a setting or service as the subject with what it is like as the predicate "
     "(\"children's homes are safe and caring places to live\", \"the classroom becomes a "
     "calmer, more nurturing space\") is asked of the people in it, not counted from records nor "
     "scored on a person's scale, and what it is like runs to the end of its sentence; "
     "\"-friendly\" and \"-aware\" describe a place; causes or drivers of a harm are not its "
     "count; people at risk of, in or affected by something who get help are who the help is "
     "for, not a count of the risk; staff morale is the practitioner survey, staff wellbeing the "
     "burnout inventories; children's emotional wellbeing is the Stirling scale first (the SDQ "
     "second, where Stirling's ages do not fit); families referring themselves is service "
     "engagement; a culturally sensitive service is what its users' survey asks, not a parent's "
     "sensitivity; relationships between parents and a school are between home and school, not "
     "family functioning; treatment in the main clause is treatment of the substance use a "
     "who-clause names; and a part of a compound outcome that names its own people is about "
     "them."),
    ("- **Compound outcomes** (\"better housing, income and confidence\") get one measure per "
     "part; *Why suggested* names the part and suggests splitting the outcome."),
    ("- **No close match.** Below the evidence or confidence threshold the answer is \"No close "
     "match in the library\", with what to do: a bespoke measure, or one added to *My measures*. "
     "Each suggestion carries a confidence (high, medium or low). A second or third suggestion "
     "is offered only when it scores within 0.2 of the first, not as a weak guess; the list is "
     "ordered by confidence, then score (a compound outcome's by confidence, then by part)."),
    "",
]


EVALUATION = [
    "## How well the suggestions do",
    "",
    ("Each labelled set lists, for every outcome statement, the measure keys an evaluator would "
     "accept (`-` where \"no close match in the library\" is the honest answer). *Top-1* counts "
     "the first suggestion (or an honest \"no close match\") as acceptable, *top-3* any of the "
     "first three; *confident wrong* counts suggestions made where only \"no close match\" "
     "fits, the failure an evaluator minds most. The published rounds (`tests/data/"
     "outcomes_published_*.csv`, every statement cited) were each labelled and committed by an "
     "engineer who had not read the rules, and run once on frozen rules: that **first run** is "
     "the honest estimate. Every round has been tuned on since, so the *now* columns are not. "
     "Recorded 2026-11-30 with `python -m pytest tests/test_suggest.py -k \"published or "
     "own_variants\" -s`."),
    "",
    "| set | statements | first run: top-1, top-3, confident wrong | now: top-1, top-3, no close match, confident wrong |",
    "|---|---|---|---|",
    "| project brief's development set (`tests/data/eval/outcomes_dev.csv`) | 50 | | 1.00, 1.00, 0.00, 0 |",
    "| published development set | 27 | | 0.96, 1.00, 0.11, 0 |",
    "| published round 1 (`..._dev2.csv`) | 27 | 0.59, 0.70, 1 | 1.00, 1.00, 0.15, 0 |",
    "| round 2 | 51 | 0.59, 0.65, 7 | 0.98, 0.98, 0.37, 0 |",
    "| round 3 | 19 | 0.68, 0.84, 0 | 1.00, 1.00, 0.32, 0 |",
    "| round 4 | 32 | 0.59, 0.72, 4 | 1.00, 1.00, 0.47, 0 |",
    "| round 5 | 32 | 0.62, 0.62, 6 | 0.94, 1.00, 0.56, 0 |",
    "| round 6 | 50 | 0.78, 0.80, 2 | 0.98, 1.00, 0.32, 0 |",
    "| round 7 | 50 | 0.76, 0.78, 0 | 0.96, 0.98, 0.24, 0 |",
    "| round 8 | 50 | 0.66, 0.80, 3 | 0.92, 0.92, 0.22, 0 |",
    "| round 9 | 50 | 0.58, 0.60, 2 | 0.86, 0.88, 0.38, 0 |",
    "| round 10 | 50 | 0.64, 0.70, 0 | 0.88, 0.92, 0.26, 0 |",
    "| round 11 | 50 | 0.62, 0.66, 6 | 0.84, 0.86, 0.50, 0 |",
    "| round 12: English LA documents | 50 | 0.78, 0.82, 1 | 0.96, 0.98, 0.28, 0 |",
    "| round 13: partner-led and devolved | 50 | 0.72, 0.76, 3 | 0.90, 0.94, 0.44, 0 |",
    "| round 14: English LA documents | 50 | 0.66, 0.66, 6 | 0.84, 0.84, 0.46, 0 |",
    "| round 15: partner-led and devolved | 50 | 0.78, 0.84, 3 | 0.90, 0.92, 0.36, 0 (tuned on) |",
    "| round 16: English LA and partnership plans, everyday wording | 50 | 0.70, 0.74, 1 | 0.76, 0.78, 0.40, 0 (tuned on cycle A) |",
    "| round 17: programme evaluations and theories of change | 50 | 0.60, 0.66, 7 | 0.88, 0.90, 0.36, 0 (tuned on) |",
    "| round 18: English LA and partner strategies (SEND, youth, 0-19, domestic abuse, sufficiency), everyday wording | 50 | 0.56, 0.60, 6 | 0.74, 0.78, 0.56, 0 (tuned on) |",
    "| round 19: programmes of charities, the NHS, police and schools; Scotland, Wales, Northern Ireland | 50 | 0.80, 0.80, 4 | 0.90, 0.90, 0.42, 0 (tuned on) |",
    "| round 20: English LA pledges, local offers, early help, sufficiency and youth justice plans, everyday wording | 50 | 0.62, 0.68, 6 | 0.78, 0.84, 0.48, 0 (tuned on) |",
    "| round 21: partners' and national documents (police and violence reduction units, CAMHS and Mental Health Support Teams, health visiting and school nursing, an integrated care system, carers, academy trusts; Scotland, Wales, Northern Ireland) | 50 | 0.66, 0.72, 3 | 0.86, 0.92, 0.38, 0 (tuned on) |",
    "| round 22: English LA documents in everyday wording (alternative provision, fostering and kinship, a Troubled Families outcome plan, youth work, children and young people's plans, SEND, a family hub strategy, domestic abuse and exploitation, a care leaver local offer) | 80 | 0.69, 0.74, 9 | 0.82, 0.875, 0.59, 0 (tuned on) |",
    "| round 23: evaluators' and charities' logic models and theories of change (NSPCC, Barnardo's, Home-Start, Place2Be, Coram, Aberlour, Foundations, the EEF, NHS England; school and CAMHS links; foster and kinship carers, school staff, communities; Scotland, Wales, Northern Ireland) | 80 | 0.62, 0.69, 5 | 0.76, 0.79, 0.45, 0 (tuned on) |",
    "| round 24: English LA and partnership documents in everyday wording (children and young people's plans, early help, corporate parenting and leaving care, SEND strategies, youth justice plans, a children's JSNA, safeguarding partnerships, children's mental health plans) | 110 | 0.63, 0.65, 10 | 0.68, 0.71, 0.50, **5** (tuned on) |",
    "| round 25: evaluators' logic models, funders' and charities' theories of change (the Youth Endowment Fund, Foundations and its Guidebook, NIHR, NHS England, the Nuffield Family Justice Observatory, The Children's Society, NSPCC, Includem, Children 1st); Scottish, Welsh and Northern Irish plans and evaluation logic models | 110 | 0.78, 0.84, 1 | 0.88, 0.90, 0.46, 0 (tuned on) |",
    "| team's own variants, batches 1-33 (`tests/data/outcomes_own_variants.csv`) | 1,442 | 0.35-0.97 per batch | 0.95, 0.96, 0.29, 2 |",
    "| own batch 33 (topic and setting words as the thing to count, session 10) | 46 | 0.74, 0.76, 8 | 0.96, 0.96, 0.46, 2 |",
    "| own batch 35 (recall: access and use as take-up, knife crime, partners as a couple, reading with young children, wellbeing ties, children's mental health and wellbeing, session 11) | 43 | 0.53, 0.58, 1 | 0.93, 0.95, 0.23, 1 |",
    "| own batch 28 (held out until batch 27's fixes) | 30 | 0.77, 0.77, 4 | 0.90, 0.90, 0.40, 0 |",
    "| own batch 30 (held out until batch 29's fixes) | 39 | 0.97, 0.97, 1 | 1.00, 1.00, 0.49, 0 |",
    "| own batch 31 (X: every library measure in each agency's words, plus near-misses) | 211 | 0.82, 0.84, 2 | 0.90, 0.91, 0.18, 0 |",
    "| own batch 32 (Y, held out until batch 31's fixes) | 61 | 0.75, 0.77, 0 | 0.93, 0.95, 0.18, 0 |",
    "| team's earlier own set (`tests/data/outcomes_heldout_own.csv`) | 49 | | 0.96, 0.98, 0.02, 0 |",
    "| library gaps, batches X, X2, X3, X4, X5, X6 and X7 (`tests/data/outcomes_library_gaps.csv`), tuned on | 11; 8; 7; 4; 15; 14; 15 | | 0.91, 0.91, 0.09, 0; 1.00, 1.00, 0.12, 0; 1.00, 1.00, 0.29, 0; 1.00, 1.00, 0.25, 0; 0.87, 0.87, 0.13, 2; 0.86, 0.86, 0.21, 1; 0.87, 0.93, 0.33, 0 |",
    "| library gaps, batches Y, Y2, Y3, Y4, Y5, Y6 and Y7, held out until their first run | 12; 8; 6; 3; 13; 12; 13 | 0.83, 0.92, 0; 0.75, 0.75, 0; 0.83, 0.83, 1; 1.00, 1.00, 0; 0.92, 0.92, 0; 0.83, 0.83, 0; 0.92, 0.92, 0 | 0.92, 0.92, 0.25, 0; 0.62, 0.62, 0.25, 0; 0.83, 0.83, 0.17, 1; 1.00, 1.00, 0.33, 0; 1.00, 1.00, 0.15, 0; 0.83, 0.83, 0.42, 0; 0.92, 0.92, 0.15, 0 |",
    "",
    ("First runs on unseen published rounds have been 0.56-0.80 top-1 (rounds 2 to 25), and most rounds brought "
     "confident wrong answers. The round-by-round history of fixes is in the comments of "
     "`tests/test_suggest.py` and in git; what the rules do now is above."),
    "",
    ("**Round 16** (`tests/data/outcomes_published_heldout16.csv`): 50 outcome statements of "
     "English councils and their partnerships in their everyday wording, from 15 sources not used "
     "before (council and children and young people's plans of Rotherham, Wolverhampton, the Isle "
     "of Wight, Knowsley, Devon and West Cheshire; Devon's improvement plan and sufficiency "
     "strategy; Knowsley's early help strategy; Staffordshire's corporate parenting strategy; "
     "the Cheshire East and Cheshire West safeguarding partnerships; Haringey's youth justice "
     "plan), labelled and committed before the one run on the frozen rules (main 4ff9023): "
     "top-1 0.70 (35 of 50), top-3 0.74, no close match 0.40, **one confident wrong answer**, so "
     "its row in `tests/test_suggest.py` is a strict expected failure with a guard on its "
     "first-run floors. 16 of the 35 right answers are an honest no close match. Its 15 top-1 "
     "misses, by cause. Guessed where none fits (1): *all children and young people have equal "
     "opportunities to achieve their goals and dreams* got Goal Based Outcomes on 'goals'. A "
     "word or phrase read as the change (7): the health needs of looked-after children, "
     "*particularly those needing* CAMHS, got RCADS at high confidence (health checks and the SDQ "
     "not in the top three); *fewer 0-17 year olds looked after in foster homes or residential "
     "care* got placement type at high confidence (the count of children looked after is entry to "
     "care); children in care *in good, local, family based placements so that their education, "
     "friendships ... can be sustained* got attainment and loneliness (the purpose read as the "
     "change); *all children get their right to a full education* got attainment (attendance and "
     "exclusions labelled); *improved permanence planning* got placement stability and adoption "
     "(planning is judged by audit; no close match also labelled); *intervening in a joined up "
     "way ... to prevent problems escalating* and *improve the effectiveness of multi-agency "
     "child protection plans* got the partner survey on 'joined up' and 'multi-agency' (the means "
     "read as the change, as in round 15). No close match where a measure fits (4): use of the "
     "Independent Visitors service (take-up), *reduced demand on children's social care* "
     "(referrals), fulfilling work and training for children in care and care leavers (care "
     "leavers in education, employment or training), information shared effectively (the partner "
     "survey). Debatable labels (3): *grow up happy with good physical, social, mental health and "
     "wellbeing* got SWEMWBS, WEMWBS second (the label accepts WEMWBS but not its short form: a "
     "slip, left as committed); *emotional, mental and physical health is secured* got RCADS, "
     "YP-CORE, then the SDQ (labelled); *healthy and independent families, with positive "
     "emotional wellbeing ... and employment* got SWEMWBS and parental employment (labelled no "
     "close match or Family Star Plus)."),
    "",
    ("**Round 17** (`outcomes_published_heldout17.csv`: 50 statements from 31 sources not used "
     "before, the outcome statements of programme evaluations and theories of change: Lifelong "
     "Links, social workers in schools, Operation Encompass, the Family Nurse Partnership, "
     "parent-infant relationship services, Mental Health Support Teams, Turnaround, Reflect in "
     "Wales, Contextual Safeguarding in Hackney, Violence Reduction Units, Scotland's Bairns Hoose, "
     "Kinship) was run once on the frozen rules (main 4ff9023): top-1 0.60 (30 of 50), top-3 "
     "0.66, no close match 0.28 and **7 confident wrong answers**, so its row in "
     "`tests/test_suggest.py` is a strict expected failure with a guard on these floors. Its 20 "
     "top-1 misses, by cause. Guessed where none fits (7): a harm named as context or topic read "
     "as what changes, four times police-recorded domestic abuse incidents (*timely support "
     "within the school environment* for children at police-attended incidents, at high "
     "confidence; *understanding, confidence and ability to discuss domestic abuse*; *more "
     "disclosures of domestic abuse*; *police recorded violence without injury offences*); one "
     "word decides three times (*pregnancy health and behaviours* the SDQ on 'behaviours'; "
     "*prevent a repeat pregnancy* after the compulsory removal of a child entry to care on "
     "'removal'; *sense of identity and family and friends connections* kinship care on 'family "
     "and friends'). Whose outcome it is (3): *professional awareness of infant mental health and "
     "parent-infant relationships* got the PBQ at high confidence (the practitioner survey "
     "second); *staff feel supported by quicker access to mental health advice* waiting times at "
     "high confidence; *children in care have lasting support networks* entry to care on 'in "
     "care' (the MSPSS and Bright Spots second and third). A word read in the wrong sense (4): "
     "*the prevention of maltreatment in the early years* the EYFSP and ASQ-3 on 'early years'; "
     "*their wider family can get support to understand what has happened* and *improve the "
     "lives of kinship carers and the children in relation to poverty, health, education and "
     "stability* kinship care (a share of placements) on 'wider family' and 'kinship care'; "
     "*better equipped to assess and respond to contexts of extra-familial harm* child "
     "exploitation and child protection plans (a system's capacity read as counts of harm). No "
     "close match where a measure fits (3): *improvements to children in care's mental health "
     "and wellbeing* and *children in kinship care have improved mental health and wellbeing, "
     "through support ...* (the SDQ); *preventing them going on to offend* (first-time "
     "entrants). Debatable labels (3): *improve relationships, perceptions and quality of Social "
     "Work* got practice observation and the case file audit, which fit its quality part (a slip "
     "in the label, left as committed); *positive progress in health, housing and well-being* "
     "(birth parents after a removal) got Family Star Plus, Stirling and ORS; *kinship carers "
     "develop support networks through peer support groups* got the carers' survey, which asks "
     "how supported carers feel. 11 of the 30 right answers are an honest no close match (7 of "
     "the 14 statements labelled no close match alone). The gaps the labels show: health and "
     "smoking in pregnancy, repeat pregnancy, children's knowledge and disclosure of domestic "
     "abuse, identity and connections of children in care, recovery from trauma and a child's "
     "experience of justice, violence in the population, parents' confidence."),
    "",
    ("**Round 18** (`outcomes_published_heldout18.csv`: 50 statements from 20 sources not used "
     "before, English councils and their partners in everyday wording: SEND and inclusion "
     "strategies of Leeds, Lancashire, Wiltshire, Bristol and Bradford; Herefordshire's school "
     "attendance strategy; the youth offers of Luton, Kensington and Chelsea and Bracknell "
     "Forest; Westmorland and Furness's 0-19 Healthy Child Programme; Kent's Start for Life "
     "strategies and Nottingham's Healthy Little Minds; the domestic abuse and safe "
     "accommodation strategies of Surrey, Windsor and Maidenhead, Telford & Wrekin and "
     "Warwickshire's VAWG strategy; Staffordshire's and Somerset's sufficiency strategies) was "
     "run once on the frozen rules (main 08749ad, freeze B): top-1 0.56 (28 of 50), top-3 0.60, "
     "no close match 0.50 and **6 confident wrong answers**, so its row in "
     "`tests/test_suggest.py` is a strict expected failure with a guard on these floors. Its 22 "
     "top-1 misses, by cause. Guessed where none fits (6): a topic or provision read as the "
     "change, *support young people to make informed decisions about their health and "
     "wellbeing* and *supporting schools and colleges to provide a whole school approach to "
     "positive health and wellbeing* (Stirling, ONS4, SWEMWBS on 'health and wellbeing'); *the "
     "right specialist support is offered to women, children ... affected by domestic abuse, and "
     "also to perpetrators* (police-recorded incidents on 'domestic abuse', where 'affected by' "
     "names who); *increase inclusion of pupils with EHC plans in mainstream settings* (EHC plan "
     "timeliness: the plan names who, where they learn is the change); *young people feel safer "
     "when moving about the borough* (Bright Spots on 'feel safer', a care-only survey with no "
     "care named); and *healthy lifestyles including healthy weight, physical activity and play, "
     "looking after teeth* got `healthy_weight`, a measure added to the library after the labels "
     "were written (it fits the weight part; the label is left as committed). No close match "
     "where a measure fits (10): *make the most of the opportunities provided by attending "
     "school* (attendance), *achievement and progress* (attainment), *participation and "
     "sustained involvement* of young people (take-up), *young people engaged and influencing "
     "decision-making and service delivery* (Hear by Right), three statements of families' "
     "understanding and trust (*families understand what is happening ...*, *trust the staff "
     "they encounter on the SEND journey*, *build trust in the support they receive in "
     "education settings*: the family survey), *matched with a foster carer's skills and "
     "location, to keep them in their local communities and schools* (placement distance and "
     "stability), *time with parents and wider family is positively promoted* (family time), "
     "*raise awareness amongst the children's workforce* (the practitioner survey). A word read "
     "as the change where the label accepts no close match or another measure (4): *responses to "
     "concerns about pupil absence ... are co-ordinated* got attendance on 'absence'; *reducing "
     "any inequalities ... in their learning, health and wellbeing* got Stirling, ONS4 and ORS; "
     "*children live in safe, loving homes* (children in care) got the Graded Care Profile on "
     "'safe, loving homes' (debatable: it grades the care a child receives); *practitioners "
     "work with parents ... to build trust and confidence* got the partner and practitioner "
     "surveys (whose trust: the label reads it as families'). Right only in the top three (2): "
     "*inclusion and removing exclusion in education* got entry to care on 'removing' first; "
     "*supporting parent/carers emotional wellbeing* got the MSPSS and kinship care on "
     "'supporting parent' before SWEMWBS. 15 of the 28 right answers are an honest no close "
     "match (8 of the 14 statements labelled no close match alone). The gaps the labels show: "
     "young people's feeling of safety in public, informed decisions and health literacy, "
     "aspirations and careers readiness, breastfeeding and oral health, where pupils with plans "
     "are educated, perpetrators' accountability and behaviour change."),
    "",
    ("**Round 19** (`outcomes_published_heldout19.csv`: 50 statements from 23 sources not used "
     "before, the outcome statements of programmes run by charities, the NHS, police and schools "
     "and in Scotland, Wales and Northern Ireland: the Family Nurse Partnership in Scotland, "
     "CashBack for Communities, Police Scotland Youth Volunteers, St Giles SOS+, the Youth "
     "Endowment Fund's mentoring, NSPCC Baby Steps and Letting the Future In, Action for "
     "Children's Blues Programme and What Works study, Home-Start, Scotland's intensive family "
     "support projects, the Welsh basic income for care leavers, Barnardo's Care Journeys, "
     "Wales' Early Parental Intervention Pilot and Integrated Family Support Service, Reaching "
     "Out Supporting Families in Northern Ireland, Mentors in Violence Prevention; labelled from "
     "the library at main b760c01) was run once on the frozen rules (main 08749ad, freeze B): "
     "top-1 0.80 (40 of 50), top-3 0.80, no close match 0.40 and **4 confident wrong answers**, "
     "so its row in `tests/test_suggest.py` is a strict expected failure with a guard on these "
     "floors. Every top-1 miss is also a top-3 miss. Its 10 misses, by cause. Guessed where none "
     "fits (4): anti-social behaviour, which has no library measure, read as offending twice "
     "(*young people felt less inclined to get involved in anti-social behaviour* and "
     "*complaints of antisocial behaviour reduced* got first-time entrants and reoffending); "
     "young people's *illegal substance misuse* got drug and alcohol treatment (use read as "
     "treatment); *substance misusing adults develop positive and effective parenting skills* "
     "got the AAPI-2 at high confidence (it measures parenting attitudes linked to abuse, not "
     "skills; an evaluator might accept it, the label says no close match). No close match where "
     "a measure fits (3): *young people engage with education, training and employment "
     "opportunities* (NEET); care-experienced young people *as or more likely to be in a "
     "positive destination (employment, education, training, volunteering) by the age of "
     "19-21* (care leavers in education, employment or training); *help children return home "
     "from care, spend less time there or avoid it altogether* (reunification, entry to care). "
     "Whose outcome it is (3): *parents said their children's emotional health and wellbeing "
     "improved* (children under five) got SWEMWBS and WEMWBS, adult scales; *strengthening the "
     "supportive relationship between the child and their carers* got the MSPSS and kinship "
     "care on 'carers' (the Child-Parent Relationship Scale or none labelled); *improved social "
     "connections, wellbeing and skills acquisition*, of care leavers but with no one named, got "
     "the SDQ, ORS and Stirling (children's measures; the MSPSS, loneliness, WEMWBS or Bright "
     "Spots labelled; ONS4 left out of that label is a slip, left as committed). 17 of the 40 "
     "right answers are an honest no close match (7 of the 11 statements labelled no close "
     "match alone). The gaps the labels show: anti-social behaviour, young people's drug and "
     "alcohol use, parenting skills and couple relationships, health in pregnancy and infant "
     "feeding, attitudes to violence and bystander behaviour, aspirations, recovery after "
     "sexual abuse."),
    "",
    ("**Round 20** (`outcomes_published_heldout20.csv`: 50 statements from 18 sources not used "
     "before, English councils in their everyday wording: the corporate parenting pledges of "
     "Kirklees, Lambeth, Leicester, Wokingham and Somerset, Herefordshire's and North "
     "Yorkshire's corporate parenting pages, the sufficiency strategies of Kent and Kirklees, "
     "City of London's kinship local offer, the early help strategies of South Gloucestershire, "
     "York, Salford and Staffordshire, North Tyneside's SEND quality of practice framework, and "
     "the youth justice aims and plans of Royal Greenwich, Durham and Gateshead; labelled from "
     "the library at main 99bf43b) was run once on the frozen rules (main 6d5a8b8, session 8's "
     "freeze): top-1 0.62 (31 of 50), top-3 0.68, no close match 0.40 and **6 confident wrong "
     "answers**, so its row in `tests/test_suggest.py` is a strict expected failure with a "
     "guard on these floors. Its 19 top-1 misses, by cause. Guessed where none fits (6): a "
     "word read as the change, *children and young people are happy in their schools and "
     "settings* (ONS4, Stirling, SWEMWBS: happiness at school read as wellbeing in general), "
     "*stay safe and have a healthy and active lifestyle* (health checks of children in care on "
     "'healthy'), *strong education aspirations* (attainment on 'education'), *children first "
     "and offenders second* (first-time entrants and reoffending on 'offenders': a principle of "
     "practice), *early help enables children to flourish and enhances long term outcomes* "
     "(early help step-ups: the service named as the change); and *at least one leisure activity "
     "of their choice* got `active_lives`, a measure added to the library after the labels "
     "were written (physical activity, not a leisure activity of choice; the label is left as "
     "committed). No close match where a measure fits (3): *work with parents to support "
     "children to move away from offending and reduce re-offending* (reoffending, named, where "
     "the activity comes first), *the ability to live independently by achieving "
     "self-supporting independence* (Casey Life Skills, care leavers in education, employment "
     "or training), *services act quickly as soon as they know help is needed* (waiting times). "
     "Right only in the top three (3): *local foster placements through improved support and "
     "targeted campaigning* got placement stability before placement type (foster carer "
     "recruitment not in the three); *live as independently as possible ... including housing* "
     "got placement type before care leavers' accommodation; *problems ... that put them at "
     "risk of offending, like school, health, or family issues* got YP-CORE on 'health' before "
     "first-time entrants. A word read as the change where the label accepts no close match or "
     "another measure (2): *keep our children safe and look after their mental, emotional and "
     "physical health* got entry to care on 'safe' (the SDQ and health checks labelled); *early "
     "help is proportionate, timely and secures long term outcomes* got early help step-ups. "
     "Whose home it is (2): *for those children and young people to be safe, and for stability "
     "in their home lives* (children in care) got housing stability at high confidence, and "
     "*our children and young people live in safe accommodation with care and support* got "
     "housing stability first: families' homelessness, where placement stability or care "
     "leavers' accommodation was labelled. Debatable labels (3): *to grow towards adulthood ... "
     "happy, healthy, successful and financially secure adults* got WEMWBS and household income, "
     "which fit parts of it; *make their voices heard* and *express their views, wishes and "
     "feelings* got the family experience survey, which asks whether children were listened "
     "to (the labels give Bright Spots, Hear by Right or none: arguably a slip, left as "
     "committed). 17 of the 31 right answers are an honest no close match (10 of the 16 "
     "statements labelled no close match alone). The gaps the labels show: children's "
     "aspirations, identity and sense of their own history, leisure and new experiences, "
     "happiness at school, inclusion of neurodivergent children, peer relationships, a "
     "child's voice in their own care, victim awareness in youth justice."),
    ("**Round 21** (`outcomes_published_heldout21.csv`: 50 statements from 28 documents of 21 "
     "organisations not used before, partners' and national documents: the London Violence "
     "Reduction Unit's priorities and a funding release, Dorset Police's and the Metropolitan "
     "Police's children's strategies, the Scottish Violence Reduction Unit's plans, Northern "
     "Ireland's children and young people's strategy, Scotland's CAMHS national service "
     "specification, Wales' NEST framework, the Mental Health Support Team Trailblazer "
     "programme, #BeeWell and NHS Greater Manchester, the Healthy Child Programme's health "
     "visiting and school nursing high impact areas, Cambridgeshire and Peterborough's "
     "integrated care system, the Young Carers in Schools evaluation, Confidence in Care "
     "(Fostering Changes), Coram's Raising Kinship Children evaluation, the wellbeing and "
     "attendance aims of academy trusts, Scotland's National Performance Framework; about "
     "practitioners, school staff, police officers, foster and kinship carers, young people and "
     "communities as well as parents and children; labelled from the library at main 99bf43b) "
     "was run once on the frozen rules (main 6d5a8b8, the 19:05 freeze): top-1 0.66 (33 of 50), "
     "top-3 0.72, no close match 0.50 and **3 confident wrong answers**, so its row in "
     "`tests/test_suggest.py` is a strict expected failure with a guard on these floors. Its 17 "
     "top-1 misses, by cause. Guessed where none fits (3): *providing communities with the "
     "support and resources to deliver sustainable reductions in violence* got the MSPSS on "
     "'communities with the support' (support given to a community read as support a person "
     "feels); *reducing harm by focusing on crime and disorder in which children and young "
     "people are victims, witnesses or offenders* got first-time entrants and reoffending on "
     "'crime' (harm to victims and witnesses read as offending; the offenders part alone would "
     "fit); *breastfeeding initiation and duration increase* got the breastfeeding measure, "
     "added to the library after the labels were written (right by today's library; the label is "
     "left as committed). No close match where a measure fits (8): young people's *confidence "
     "and satisfaction in the police service* (police confidence), *reducing the unnecessary "
     "criminalisation of children and young people* (first-time entrants), a first CAMHS "
     "appointment *no later than 4 weeks* and *expertise and advice quicker to access* (waiting "
     "times), involving children and families *in all decisions/plans that affect them* (the "
     "ESQ), foster carers' *skills and coping strategies and the relationship between carer and "
     "child* (carer efficacy), *fewer unplanned moves of children and young people to different "
     "carers* (placement stability), *all staff feel listened to and heard* (a staff survey). A "
     "word read as the change (2): young people *directly involved in shaping and planning "
     "activities to support their mental health* got RCADS, YP-CORE and the SDQ at low "
     "confidence (the topic read as the change; Hear by Right labelled); *ready to enter "
     "education and exit, prepared for the next phase of their lives* got attainment on "
     "'education' (the EYFS profile or no close match labelled). Whose outcome it is (1): "
     "*carers feel able to care for the children in their care* got Bright Spots, a survey of "
     "the children, not of the carers (carer efficacy labelled). Right only in the top three "
     "(3): *improving health literacy, managing minor illnesses and reducing accidents* got "
     "attainment on 'literacy' for its first part before A&E attendances; *supporting "
     "resilience and wellbeing* got Family Star Plus before Stirling; *the emotional wellbeing "
     "of young carers at the school improves* got the SDQ (difficulties, not wellbeing) before "
     "Stirling. 17 of the 33 right answers are an honest no close match (11 of the 14 "
     "statements labelled no close match alone). The gaps the labels show: violence in the "
     "population and in schools, young people's feeling of safety, belonging and bullying at "
     "school, help-seeking and stigma, identifying young carers, foster carers' voice in the team "
     "around the child, civic contribution."),
    "",
    ("**Round 22** (`outcomes_published_heldout22.csv`: 80 statements from 31 documents of English "
     "councils and their partnerships not used before, in their everyday wording: alternative "
     "provision aims and strategies (Buckinghamshire, Lancashire, Wiltshire, a county's "
     "reintegration strategy), North Tyneside's fostering strategy and Liverpool's family and "
     "friends care policy, Bath and North East Somerset's Troubled Families outcome plan, youth "
     "work strategies and reviews (Cheshire West and Chester, Telford & Wrekin, Southwark, "
     "Cheltenham), children and young people's plans (West Cheshire, Telford & Wrekin, West "
     "Sussex, Child Friendly Leeds' wishes), SEND strategies (Shropshire, Hillingdon, Torbay, "
     "Telford & Wrekin), Hillingdon's family hub strategy, domestic abuse, violence against women "
     "and girls and exploitation strategies (Birmingham, Stoke-on-Trent, Kent and Medway, Luton, "
     "Sandwell, Medway), Lancashire's corporate parenting priorities with its care leaver local "
     "offer, Westmorland and Furness's Best Start in Life ambition; 50 committed first and 30 "
     "added before the run, all labelled from the library at main 40b2d73) was run once on the "
     "frozen rules (main 337c5e3, the 21:40 freeze of session 9): top-1 0.69 (55 of 80), top-3 "
     "0.74 (59), no close match 0.50 and **9 confident wrong answers** (the first 50: 0.64, "
     "0.68, 6; the 30 added: 0.77, 0.83, 3), so its row in `tests/test_suggest.py` is a strict "
     "expected failure with a guard on these floors. Its 25 top-1 misses, by cause. Guessed where "
     "none fits (9): a topic read as a count, twice police-recorded domestic abuse incidents "
     "(*prevent domestic abuse for our next generation by working with children and young people "
     "to build healthy relationship skills*; *decrease in social tolerance of domestic abuse*, "
     "an attitude); education read as attainment twice (*fully inclusive education for all*; "
     "*early years' providers and mainstream educational settings support an inclusive approach "
     "to education*); *live safely and experience healthy relationships, free from fear or harm* "
     "got RCADS, YP-CORE and GAD-7 on 'fear'; *every young person feels valued, supported and "
     "empowered to thrive* got WEMWBS; *every child feels safe and heard* got the family "
     "experience survey, with no service named; *access to a wide range of work experience, "
     "employment and volunteering opportunities* got NEET (provision read as a destination; "
     "debatable); and pupils in alternative provision *be safe and feel safe* got "
     "`school_experience`, a measure added to the library after the labels were written (right "
     "by today's library; the label is left as committed). No close match where a measure fits "
     "(6): *continue to reduce the number of exclusions from and within schools (both fixed term "
     "and permanent)* (exclusions), *increase the total number of local Foster Carers* (foster "
     "carer recruitment and retention), *supporting all children to be ready for school* (the "
     "EYFS profile), a voice in decision making *through an active youth senate* and *the voices "
     "of young people are at the heart of future decision-making* (Hear by Right), children who "
     "*remain with people they know and trust if they cannot ... live with their parents* "
     "(kinship care). A word read as the change where the label gives another measure or none "
     "(6): young people's voice *heard, listened to, and consulted with*, *children and young "
     "people feel heard* and communities *listened to and involved in service development* got "
     "the family experience survey (Hear by Right or none labelled); *care leavers feel supported "
     "and can access a range of service* got the family survey and ONS4 (Bright Spots labelled; "
     "debatable); young people with *enough money ... to establish their own homes* got "
     "reunification on 'homes'; foster carers *with the skills to care for teenagers* got the "
     "carer measures (carers approved for teenagers labelled; debatable). Right only in the top "
     "three (4): families' and children's offending got first-time entrants before reoffending "
     "twice (the children had offended already); *optimal physical, emotional and mental health* "
     "got RCADS at low confidence before the SDQ; *safe from harm: tackling exploitation, knife "
     "crime, and online dangers* got entry to care on 'safe' before exploitation. 34 of the 55 "
     "right answers are an honest no close match (24 of the 33 statements labelled no close "
     "match alone). The gaps the labels show: reintegration from alternative provision and where "
     "pupils are educated, young people's feeling of safety and of being heard outside a "
     "service, help-seeking, attitudes to domestic abuse and young people's relationship skills, "
     "bullying and acceptance, access to youth activities and opportunities, inclusion of pupils "
     "with SEND."),
    ("**Round 23** (`outcomes_published_heldout23.csv`: 80 statements from 39 documents not used "
     "before, evaluators' and charities' logic models and theories of change: NSPCC Pregnancy in "
     "Mind, Minding the Baby and Together for Childhood, Place2Be, Fostering Wellbeing in Wales, "
     "Northern Ireland's Fostering Attainment and Achievement service, Blackpool Better Start's "
     "Community Connectors, Action for Children, Lifestart, Coram's Activity Days for Fostering "
     "and Beanstalk, NHS England's Core20PLUS5 for children, the Social Workers in Schools trial's "
     "domestic abuse study, the Curriculum for Wales, Barnardo's Safe Accommodation Project, "
     "Reducing the Risk, See, Hear, Respond and LifeSkills, Foundations on kinship care, the EEF's "
     "Healthy Minds, Aberlour's perinatal befriending and Langlees family support, Scotland's "
     "Promise implementation plan, child poverty Pathfinders and Children's Neighbourhoods, "
     "Attachment Aware Schools, the Mental Health Services and Schools Link Pilots, youth services "
     "in Wales, Home-Start's external research and NCT peer support; about practitioners, school "
     "staff, foster and kinship carers, young people and communities as well as parents and "
     "children; labelled from the library at main 40b2d73) was run once on the frozen rules (main "
     "337c5e3, the 21:40 freeze): top-1 0.625 (50 of 80), top-3 0.69 (55), no close match 0.41 and "
     "**5 confident wrong answers**, so its row in `tests/test_suggest.py` is a strict expected "
     "failure with a guard on these floors. Its 30 top-1 misses, by cause. Guessed where none "
     "fits (5): *Place2Be removes the emotional barriers to learning* got entry to care on one "
     "word ('removes' read as removal into care); *education and learning opportunities for "
     "children and young people in foster care are promoted* got attainment; *the school "
     "environment becomes calmer and more nurturing* got AAPI-2 on 'nurturing' (a school's "
     "climate read as parenting); *the foster carer is a central voice in the team around the "
     "child* got the carer survey at high confidence and *children are included and involved in "
     "decisions about their lives and world* got the family experience survey (both debatable: "
     "the surveys ask carers whether they feel valued and children whether they were listened "
     "to; the labels are left as committed). No close match where a measure fits (12), mostly "
     "plain wording the rules do not read as a change: families *access support and services "
     "relevant to their needs* (service engagement), *greater parental efficacy and knowledge of "
     "child development* (TOPSE), a placement *more likely to be sustained* (placement "
     "stability), *access rates to children and young people's mental health services* (service "
     "use), *the service enhances mothers' wellbeing and confidence* (WEMWBS), mothers' "
     "*self-belief, confidence and attachment to their children* (TOPSE, PBQ, RSES), school "
     "leads' *frequency of contact* with CAMHS (partner survey) and their *understanding of "
     "referral routes* and *knowledge and awareness of mental health issues* (a staff survey), "
     "young people *supported to return to education* (attendance), *the prevalence of risk "
     "taking behaviours* (young people's substance use), *reading progress, narrowing the gap* "
     "(attainment). Another measure first (8): *local families develop strong links within their "
     "community* got the partner survey (a community read as partner agencies); *foster care "
     "champions provide peer support to other foster carers* got loneliness, the SDQ and the "
     "MSPSS (the SDQ is about children; the MSPSS arguably fits, a slip in the label); *children "
     "in foster care have well-matched placements where they feel settled and secure* got "
     "placement stability at high confidence (Bright Spots labelled; stability arguably fits); "
     "*the backlog for tooth extractions in hospital for the under 10s* got dental decay at age 5 "
     "(a waiting list, not decay); *prevent child abuse and neglect in families facing adversity* "
     "got the Graded Care Profile alone (child protection plans, section 47 enquiries and "
     "referrals labelled; GCP2 was accepted for such statements in earlier rounds, so arguably a "
     "slip); a compound on health behaviours and self-belief got the SDQ on one word; *families "
     "most at risk of poverty get person-centred support* got household income on 'poverty'; "
     "*improve parents' experiences of pregnancy, birth and early parenthood* got the EPDS. Right "
     "only in the top three (5): perinatal depression and anxiety (K10 before the EPDS), mothers' "
     "wellbeing after help (ONS4 before SWEMWBS), pupils' wellbeing (ONS4 before Stirling), "
     "communication skills and wellbeing (ORS/CORS first), parents coping with their mental "
     "health (Family Star Plus first). 21 of the 50 right answers are an honest no close match "
     "(16 of the 21 statements labelled no close match alone). The gaps the labels show: couple "
     "relationships and antenatal bonding, foster and kinship carers' voice and peer support, "
     "home learning, children's enjoyment of and attitudes to reading, school climate, trust "
     "between communities and services, stigma, civic participation."),
    "",
    ("**Round 24** (`outcomes_published_heldout24.csv`: 110 statements from 41 documents not "
     "used before, English councils and their partnerships in their everyday wording: the "
     "children and young people's plans of Darlington, Sefton, Greater Manchester, Hackney, "
     "Kingston, Middlesbrough, Portsmouth, East Sussex and Cumberland, Tower Hamlets' children and "
     "families strategy, Brighton & Hove's council plan, the East Sussex Strategic Partnership and "
     "Middlesbrough's community strategy; the early help strategies of Barnet, Dudley and "
     "Shropshire; Derbyshire's leaving care service, Essex's co-parenting strategy and pledge; the "
     "SEND strategies of Dorset, Kent and Stoke-on-Trent and the short breaks of Wolverhampton and "
     "Stockport; the youth justice plans of Stockton-on-Tees, North Lincolnshire, Plymouth, "
     "Leicestershire, South Tees and Medway; Blackpool's children's JSNA; the safeguarding "
     "partnerships of Trafford, Manchester and Brighton & Hove and Blackburn with Darwen's "
     "children's partnership board; the children's mental health plans of Bournemouth, Dorset and "
     "Poole, Cumbria, North Cumbria and Bradford District and Craven; labelled from the library at "
     "main da467ca) was run once on the frozen rules (main c60b226, the 00:03 freeze of session "
     "10): top-1 0.63 (69 of 110), top-3 0.65 (72), no close match 0.46 and **10 confident wrong "
     "answers**, so its row in `tests/test_suggest.py` is a strict expected failure with a guard "
     "on these floors. Its 41 top-1 misses, by cause. Guessed where none fits (10): a word read "
     "as the change, *children, young people and families demonstrate healthy behaviours* got "
     "the SDQ ('behaviours' read as conduct), *emerging problems and potential unmet needs are "
     "identified* got the Graded Care Profile, *children and young people with SEND placed in "
     "specialist provision and out-of-county* got placement type and distance (a measure of "
     "looked-after children), *reducing the impact of poverty* got household income (poverty, "
     "not its impact); and six debatable ones, where the suggestion fits a part of a broad or "
     "terse statement the label calls no close match: *strengthen our responses to serious youth "
     "violence and child exploitation* (children assessed at risk of exploitation, at high "
     "confidence), disabled children becoming more independent and forming friendships "
     "(loneliness, the SDQ, the MSPSS), *children thrive in their families, achieve in schools, "
     "and flourish* (attainment for the schools part: arguably a slip in the label), young "
     "offenders leaving custody *can access appropriate accommodation* (housing stability), "
     "children *enjoy life as active, participating citizens* (ONS4, Stirling), the SEND "
     "slogan *part of the community* (the community belonging survey). No close match where a "
     "measure fits (18), mostly plain wording the rules do not read as a change: *help children "
     "stay out of the criminal justice system* (first-time entrants), families *provided with "
     "help and support* (take-up, child in need plans), *a healthy start to life and healthy "
     "lifestyles* (breastfeeding, healthy weight, activity), agencies' *awareness and "
     "understanding of neglect* (a staff survey), *consistently access education* "
     "(attendance), fewer in alternative provision *and NEET* (NEET), *economic wellbeing* "
     "(income, work), *positive goals and ambitions* (GBO), finding the right help easily, "
     "*access help when they need it* and *a reduction in delays for families accessing health "
     "services* (waiting times), help *delivered by people that care* (the ESQ), *the basic "
     "needs of every child are met* (GCP2), *shift families down the tiers of need* "
     "(step-downs), a social worker who *spends time with them and gets to know them* (Bright "
     "Spots), *reduce bullying* (the pupil survey), *risk-taking behaviours* (young people's "
     "substance use, under-18 conceptions), *keep family units together* (entry to care). "
     "Another measure first (10): a word in another sense, *routine enquiries about childhood "
     "adversity* got section 47 enquiries, the confidence of settings, schools *and further "
     "education colleges* got NEET, *identify and assess early* (SEND) got child in need "
     "assessments, the *availability of mental health services* got the MSPSS, children in "
     "care's *stable homes* got housing stability (whose home it is), improving educational "
     "outcomes *for children in poverty* got household income (the people read as the change); "
     "and four debatable: care leavers *learn to manage their finances* (household income, "
     "Casey Life Skills labelled), care leavers becoming *happy adults* (WEMWBS), *voices heard "
     "and influence the services* (the family experience survey, as in round 20), access to "
     "support *to achieve emotional wellbeing and mental health* (the SDQ and RCADS: a slip in "
     "the label, which names waiting times only). Right only in the top three (3): *develop "
     "well and achieve expected standards* (the ASQ-3 before attainment, arguably right), the "
     "educational, health and emotional wellbeing of children with SEND (Stirling at high "
     "confidence before attainment: the wellbeing part, a slip in the label), children in care "
     "*feel cared about, valued and respected* (the family experience survey before Bright "
     "Spots). 33 of the 69 right answers are an honest no close match (24 of the 34 statements "
     "labelled no close match alone). By part: the first 40 statements 0.65, 0.70, 3; the next "
     "40 0.575, 0.60, 2; the 30 added at the lead's request before the run 0.67, 0.67, 5. The "
     "gaps the labels show: disabled children's independence, friendships and short breaks, "
     "placements of pupils with SEND, restorative outcomes for victims, accommodation after "
     "custody, feeling safe in the local area, children's identity and history, having things "
     "to do and places to go."),
    "",
    ("**Round 25** (`outcomes_published_heldout25.csv`: 110 statements from 54 pages of about 45 "
     "documents not used before, evaluators' logic models and funders' and charities' theories of "
     "change: the Scottish Child Payment, Best Start Grant and early learning and childcare "
     "expansion evaluations, NHS Health Scotland's National Parenting Strategy outcomes framework, "
     "Mellow Parenting, Includem, Children 1st, the Parent-Infant Foundation, Scotland's holistic "
     "family support vision, Best Start, Bright Futures, the Promise's Voice foundation and the "
     "Perinatal and Infant Mental Health Programme Board; the Youth Endowment Fund's Khulisa and "
     "attendance pages, Foundations' strategy, Parenting Through Adversity guide, Guidebook and "
     "Partnership for Change, an NIHR evidence alert and the NIHR SHIFT trial, NHS England's "
     "perinatal mental health ambition, the Nuffield Family Justice Observatory's supervision "
     "orders study, The Children's Society, NSPCC Parents Under Pressure, Scottish Families "
     "Affected by Alcohol and Drugs; Wales' child poverty strategies, Safeguarding Board "
     "objectives, Young Person's Guarantee, whole-school approach and Flying Start; Northern "
     "Ireland's PEACE IV, United Youth, Families Matter, family and parenting strategy themes and "
     "Infant Mental Health Framework; labelled from the library at main da467ca) was run once on "
     "the frozen rules (main c60b226, the 00:03 freeze): top-1 0.78 (86 of 110), top-3 0.84 (92), "
     "no close match 0.45 and **1 confident wrong answer**; its row in `tests/test_suggest.py` "
     "keeps these floors (tuned on since, by measures18q: 0.87, 0.89, no confident wrong "
     "answer). Its 24 first-run top-1 misses, by cause. "
     "Guessed where none fits (1): *support child and family wellbeing* (an objective of the Child "
     "Poverty Strategy for Wales) got Stirling at high confidence. No close match where a measure "
     "fits (11), mostly access and take-up worded as a state: *Scottish Child Payment is taken up* "
     "(household income or service engagement), *applications are processed in a timely manner* "
     "(waiting times), parents *better able to work, train or study* (employment), *improved motor "
     "and physical development* (ASQ-3), *parental training improves a child's disruptive "
     "behaviours* (the SDQ), women with perinatal mental health difficulties who *can access care "
     "and support*, *access to evidence-based psychological therapies* and *access to and "
     "experience of care* (service engagement, waiting times, experience), a young person *able to "
     "attend the venue to access the appropriate support*, families *able to access the support "
     "they need where they need it, when they need it* (service engagement) and the pledge *I am "
     "fully involved and at the centre of my care* (experience of care). Another measure first "
     "(6): 'pressure' read as stress, *reduced pressure on household finances* got K10, PSI-4 and "
     "the Parental Stress Scale and *eases pressure on NHS and CAMHS* got K10; 'nurturing' read as "
     "parenting attitudes, *more positive, healthy, nurturing relationships within families* and "
     "*sensitive, nurturing relationships with their babies* got AAPI-2; *reduced repeat child "
     "mental health visits to GPs* got RCADS (the topic read as the change; service use labelled); "
     "*grow the number of specialised parent-infant relationship teams* got the PBQ at high "
     "confidence (an output count). Right only in the top three (6): parental wellbeing twice "
     "(ONS4 and ORS/CORS before SWEMWBS), *supervision orders promote safe and lasting "
     "reunification* (care proceedings first), children in care *connected to their family "
     "network* (the MSPSS before Bright Spots), a relative poverty target (entry to care first), "
     "*reduce family costs and maximise incomes* (cost data first). 39 of the 86 right answers are "
     "an honest no close match (20 of the 21 statements labelled no close match alone). The gaps "
     "the labels show: benefit take-up and the experience of applying, parents' understanding of "
     "child development and reflective capacity, children's resilience, self-confidence and "
     "self-regulation, the home learning environment, community relations in Northern Ireland, "
     "stigma, families' recognition and inclusion by services."),
    "",
    ("**Measures added for the gaps the labels kept showing** (session 7): the Rosenberg "
     "Self-Esteem Scale (`rses`), the Child-Parent Relationship Scale (`cprs`) and the Tool to "
     "measure Parenting Self-Efficacy (`topse`). Each is suggested only where it can fit: TOPSE "
     "needs confidence, parents and their children or parenting named, and not their mental "
     "health, feeding, safety or own confidence as people; the Child-Parent Relationship Scale "
     "needs a child and a parent named, and not a teenager (`[needs]` and `[unless]` in "
     "`suggest_vocabulary.txt`). Sixteen labels written before they existed were extended to "
     "accept them where the measure is exactly the change, so those rows are now **tuned on**: "
     "round 2 (increased self-esteem; self-esteem and social inclusion; parents better able to "
     "communicate with their children and cope), round 6 (parent-child relationships; parents "
     "managing their children's behaviour), round 7 (confidence and skills in positive parenting), "
     "round 8 (women developing self-worth), round 13 "
     "(the self-esteem of mothers and children), round 14 (resilience and self-worth), round 15 "
     "(parents' relationships with their children; mentored young people's self-esteem) and "
     "five own variants (two on self-esteem, two on the parent-child relationship, one on "
     "parents' confidence in caring for their baby). Then Hear by Right (`hear_by_right`, young "
     "people's collective voice in a service, council, board or forum, its design or recruitment; "
     "not their say in their own plan) and the Casey Life Skills Assessment (`casey_life_skills`, "
     "skills or readiness for independent living named); twelve more labels were extended where "
     "they are exactly the change, now **tuned on**: round 10 (participation in the youth justice "
     "service; young people leaving care prepared to live independently), round 12 (SEND young "
     "people influencing services) and nine own variants (young people's voices or views shaping "
     "services, six; practical and self-care skills and preparation for living independently, "
     "three). Then children remanded or sentenced to custody (`youth_custody`: custody named as "
     "a sentence, a remand or its use, not police custody nor custody between parents) and "
     "children's healthy weight (`healthy_weight`: the National Child Measurement Programme, "
     "Scotland's Primary 1 and Wales' Reception figures); nine labels extended, **tuned on**: "
     "rounds 9, 10 and 12 (the use of custody, three) and six own variants (custody, three; "
     "healthy weight at school entry, in Primary 1 and at the end of primary school). Y3's "
     "confident wrong answer is not theirs: young people in custody keeping in touch with their "
     "families got family time. Then smoking at the time of delivery (`smoking_in_pregnancy`, "
     "NHS figures by NHS area; outside England from maternity records); two labels extended, "
     "**tuned on**: an own variant and batch X3's near miss, both on smoking in pregnancy; and "
     "after its first run, round 17's *decreases in cigarette smoking during pregnancy* "
     "(**tuned on cycle A**). *Life skills* became a concept of its own, the Casey Life Skills "
     "Assessment's (it had pointed to no measure); three labels extended: round 2's *develop life "
     "skills*, round 5's *emotional, financial and practical life skills* (tuned on) and round "
     "16's *equipped for adulthood with life skills and ready for work* (**tuned on cycle A**). "
     "After cycle B, Hear by Right also takes *influencing* or *involved in decision-making* "
     "(round 18's *young people engaged and influencing decision-making and service delivery*, "
     "**tuned on cycle B**)."),
    "",
    ("**Measures added in session 8** for kinds labelled no close match across many rounds, "
     "each a standard UK collection or instrument: breastfeeding at 6 to 8 weeks "
     "(`breastfeeding`; Scotland's infant feeding statistics), dental decay at age 5 "
     "(`oral_health`; Scotland's Primary 1 inspection), under-18 conceptions "
     "(`teenage_conceptions`, England and Wales), police-recorded anti-social behaviour "
     "(`asb_incidents`; not an attitude to it, young people's own involvement, which incidents "
     "cannot show, or being safe from it), children's physical activity (`active_lives`, the "
     "Active Lives survey's questions; activity or sport named), young people's smoking, "
     "vaping, drinking and drug use (`youth_substance_use`, the national schools survey's "
     "questions; children or young people named, not parents' use) and "
     "trauma symptoms (`cries8`, a trauma and children or young people named). Batch X5 was written and labelled before they "
     "existed and tuned on; Y5 was held out: first run 0.92 (12 of 13), no confident wrong "
     "answer (one of its rows was seen before the run), then 1.00 after *physically active* "
     "became a concept of its own. Twenty-three labels were extended where the new measure is "
     "exactly the change, so those rows are **tuned on**: round 2 (choosing not to take illegal "
     "drugs), round 4 (reducing anti-social behaviours), round 7 (not at risk through excessive "
     "drinking), round 14 (the prevalence of breastfeeding), round 17 (decreasing anti-social "
     "behaviour; support to recover from trauma), round 19 (the reduction in illegal substance "
     "misuse; complaints of antisocial behaviour reduced), batch X4's *fewer young people start "
     "smoking or vaping* and fourteen own variants (breastfeeding, six; oral health and tooth "
     "decay, two; physical activity, three; teenage pregnancies; young people smoking, vaping or "
     "drinking, two)."),
    "",
    ("**Measures added in session 9** for the gaps rounds 20 and 21 showed, each suggested only "
     "where its own construct is named: pupils feeling safe at school, belonging there and being "
     "bullied (`school_experience`, the Department for Education's survey questions; a school or "
     "pupils named, not a school's policy, a journey or a neighbourhood), school belonging "
     "(`pssm`, the Psychological Sense of School Membership; belonging and a school named), "
     "hospital admissions for violence (`violence_admissions`, the Public Health Outcomes "
     "Framework indicator; a hospital admission or injury and violence or assault named, not "
     "A&E attendances; Scotland's figures for assaults), young carers identified in the school "
     "census (`young_carers_census`; identification and young carers named; Scotland's Carers "
     "Census), the amount of caring a young carer does (`maca_yc18`; not a break from caring) "
     "and young people's help-seeking (`ghsq`, the General Help-Seeking Questionnaire; not "
     "parents' or early help). The carers' survey now also asks foster and kinship carers "
     "whether they are part of the team around the child and listened to. Batch X6 was written "
     "and labelled before they existed and tuned on; Y6 was held out: first run 0.83 (10 of "
     "12), no confident wrong answer (its misses: *report less bullying, including online* "
     "names no school, and *hidden young carers are recognised and recorded by their school* "
     "reads as recording). Seventeen labels were extended where the new measure is exactly the "
     "change, so those rows are **tuned on**: round 5 (inappropriate and excessive caring roles), "
     "round 11 (an increase in help-seeking among pupils; asking for help with emotional "
     "problems), round 17 (hospital admissions due to violent injury with a sharp object) and "
     "thirteen own variants, four of them in batches 31 and 32, written before these measures "
     "(young carers identified, five; bullied or safe at school, three; belonging at school, "
     "four; hospital admissions for assault). Still no measure, and said "
     "so: young people feeling safe in their community or area (no verified survey of young "
     "people's feeling of safety outside school), violence in a population beyond hospital "
     "admissions (police-recorded violence and knife crime were not verified), stigma, and "
     "identity. Peer relationships are the SDQ's peer problems scale, and a child's voice in "
     "their own care is what Bright Spots asks of children in care and the case file audit "
     "checks: those were gaps of wording, not of the library. After rounds 22 and 23 "
     "(**tuned on**): two of their labels, written before these measures, were extended where "
     "one is exactly the change (pupils in alternative provision feeling safe; the foster carer "
     "a central voice in the team around the child, which the carers' survey now asks), and a "
     "backlog of tooth extractions is a wait, not decay at five."),
    "",
    ("**Measures added in session 10** for gaps labelled no close match across the rounds, each "
     "suggested only where its own construct is named: police-recorded offences involving knives "
     "or sharp instruments (`knife_crime`, the Home Office open data tables, England and Wales; a "
     "knife, blade or stabbing named, so *serious violence* alone still has no measure), feeling "
     "safe in the local area (`feel_safe_area`, the national survey questions for people aged 16 "
     "and over; a feeling of safety and a place beyond home and school named), civic engagement "
     "and social action (`civic_engagement`, the Community Life Survey's questions; civic or "
     "democratic life, citizens, petitions or councillors named), couple relationship quality "
     "(`csi4`, the Couples Satisfaction Index; a couple or partners and their relationship named, "
     "not separated parents, agencies or a parent and child) and the home learning environment "
     "(`home_learning_environment`, the Toddler and Preschool Home Learning Environment scales; "
     "learning, reading, books, stories or rhymes named, not school or homework). Batch X7 was "
     "written and labelled before they existed and tuned on; Y7 was held out: first run 0.92 "
     "(12 of 13), no confident wrong answer (its miss: *local people are more involved in civic "
     "life*). The `[needs]` and `[unless]` entries were then written against what the new "
     "measures took from the published rounds, so they are **tuned on** those rounds. Fourteen "
     "labels were extended where the new measure is exactly the change (**tuned on**): round 6 "
     "(the home learning environment beside speech and language), round 7 (strong couple "
     "relationships; an active home learning environment), round 15 (feeling safe in our "
     "communities), round 18 (active citizens; feeling safer moving about the borough), round 23 "
     "(active citizens in their communities; a good home learning environment) and six own "
     "variants (young people feeling safe in their neighbourhood or area, four; the home learning "
     "environment, two). Left then as no close match, and taken up in session 11 (below): "
     "partners as a couple, reading daily with children, knife crime offences; still no measure: "
     "stigma (no verified measure of the stigma a group feels), trust in services and school "
     "climate."),
    "",
    ("**Session 11: recall, where a library measure fits** (own batch 35, written and labelled "
     "before any fix: first run 0.53, then 0.93). Access to or use of a named service or "
     "treatment ('access to psychological therapies', 'use of the Independent Visitors service', "
     "'young people accessing the youth counselling service', access rates to mental health "
     "services) is its take-up, which the service engagement measure counts; a service with no "
     "kind named ('access services and support', 'community services', 'local support services'), "
     "one for named people ('health support for care leavers'), support, help, opportunities and "
     "activities are not, and the access frame still keeps other counts out. Knife crime, knife-enabled crime and knife "
     "offences are a concept of their own, the count of police-recorded offences involving knives "
     "(carrying a knife, serious violence and knife crime among or by named young people are not: "
     "the count is of an area's offences, not of whose); offences that 'are recorded' say how they "
     "are counted, not practice. Reading or sharing stories with a young child is the home "
     "learning environment. Partners are a couple when they are someone's ('their partner') or, "
     "between partners, when the outcome is about parents, a pregnancy or a baby, never when it "
     "names agencies, services or a partnership. Wellbeing named in general ranks the mental "
     "wellbeing scales (WEMWBS, SWEMWBS, Stirling) before ONS4's personal wellbeing and the ORS/CORS "
     "session rating, which had won ties on their shorter names; life satisfaction, happiness or "
     "sessions named keep them. Children's mental health and wellbeing is the SDQ's (WEMWBS's ages "
     "do not fit children). Going on to offend is first-time entry; helping people stay out of the "
     "justice system or care names what they do, not a kind of help; exclusions 'from and within "
     "schools' are school exclusions; people attending or using something after the change say "
     "who. A carer's wellbeing is a wellbeing scale's, not the carers' survey's. **Tuned on** rounds "
     "8, 15, 16, 17, 19, 22, 23, 24 and 25, whose rows of these kinds are now right, and four labels written "
     "before the couple and home learning measures existed were extended where the measure is "
     "exactly the change: round 15 (sharing stories; parents reading daily with their children), "
     "round 19 (parents' relationships with their partners), round 23 (the quality of "
     "relationship between partners)."),
    "",
    "### What a suggestion rests on: the calibration",
    "",
    ("Every suggestion records what it rests on (`Suggestion.evidence`): *how much* (one "
     "word, one phrase or concept, or several matches) and *where* the strongest match sits "
     "(*complement*: inside a phrase that a preposition opens and something other than a change "
     "governs, such as \"the generational cycle of *crime*\", \"involved in their "
     "*education*\", \"their local schools and *colleges*\"; *main* otherwise). "
     "`python -m tests.suggest_calibration` runs the rules with no pattern excluded over every "
     "labelled row (published rounds, own batches, own held-out set: 2,639 rows) and counts how "
     "often each pattern's top suggestion was right:"),
    "",
    "| rests on | where | top suggestions | right | confident wrong |",
    "|---|---|---|---|---|",
    "| the measure of a named construct | main | 49 | 1.00 | 0 |",
    "| one phrase | complement | 54 | 0.87 | 0 |",
    "| one phrase | main | 589 | 0.94 | 0 |",
    "| **one word** | **complement** | 30 | **0.37** | **7** |",
    "| one word | main | 283 | 0.89 | 1 |",
    "| several | complement | 72 | 0.89 | 0 |",
    "| several | main | 713 | 0.94 | 1 |",
    "",
    ("A pattern right less often than 0.8 on at least 10 rows (`ABSTAIN_PATTERN_BELOW`) may not "
     "carry a suggestion: today only one word in a complement. The rules' list "
     "(`ABSTAIN_PATTERNS`) is tested to equal what the data picks. One word in the main change "
     "(\"reduced *anxiety*\", \"young people gain *qualifications*\") and every phrase still "
     "do. **Leave-one-round-out**: the patterns chosen on every other set, the round left out "
     "scored with them: mean top-1 over the 26 published sets 0.871 with 11 confident wrong "
     "answers (no pattern excluded) against **0.876 with 5** (round 14: 0.78 to 0.84, 2 to "
     "0; 15: 0.82 to 0.86, 2 to 0; 22: 0.79 to 0.81, 1 to 0; 23: 0.70 to 0.72, 1 to 0; 11: 0.88 "
     "to 0.84, 7: 0.98 to 0.96 and 17: 0.84 to 0.82, where a complement was the change: \"progress within employment\", "
     "\"through a collaborative network\", \"going on to offend\"; all five left are round 24's: "
     "parts of broad aims, and \"the impact of poverty\"). "
     "The same choice on every fold, so the rule is not fitted to any one round."),
    "",
    ("**Still wrong or missed**: a modifier before the word (\"their local *nurseries*\") "
     "hides a complement; *the wider family is the first port of call if a child has to leave "
     "home* (round 10) no longer gets kinship care, since the wider family alone is people, not "
     "a placement. Nothing here is a semantic model: "
     "the embedding packages on the package registry download their weights at run time, "
     "which the project's machines and CI cannot reach."),
    "",
]


# --- the evaluation design (issue 18, item 6): kept in its own block -----------------------------
DESIGN_EVIDENCE = [
    "## How the evaluation design is chosen, and how well it does",
    "",
    ("Below the plan table, `lm_excel/measures/design.py` recommends an evaluation design from "
     "the model. No impact design until mechanisms link components to outcomes. Otherwise the "
     "comparison is made at the *Unit of delivery* (Intervention sheet): matched or "
     "cluster-randomised schools or teams; contribution analysis for work in some areas; matched "
     "families, carers, individual parents or other adults (Pause, the Family Nurse Partnership, "
     "Caring Dads), or young people, or a randomised trial when places can be offered by lot; "
     "a stepped roll-out when sites start in planned waves. Authority-wide work gets a time "
     "series against comparator authorities when an outcome on the chain has routine figures, "
     "and contribution analysis when none has. Work every authority does at once (the *Unit of "
     "delivery* choice for a national duty or programme) is not compared with other "
     "authorities, which show only the national trend: those who take part are matched with "
     "similar people who do not, or, with no reach stated, contribution analysis (an "
     "authority-wide time series reminds the user to choose that unit when it applies). A chain "
     "whose outcomes have no measure yet gets a feasibility stage first (across a whole "
     "authority or area, a theory-based design while measures are chosen). A cohort "
     "measured for reoffending is not compared on first-time entry, which diversion itself "
     "decides, and people are not compared on counts kept for places (police-recorded "
     "anti-social behaviour, a dental survey, a conception rate, an area's rate of hospital "
     "admissions for violence): those are context, and with "
     "nothing else, contribution analysis. Counts the service's own decisions move "
     "(children assessed at risk of exploitation, first-time entrants under diversion, "
     "referrals, re-referrals, section 47 enquiries, child protection and child in need plans, "
     "early help step-ups, police-recorded domestic abuse) are left out of a comparison of "
     "people or places when a measure of the people themselves is beside them, follow it in a "
     "time series, and alone are kept with a plain warning and what to add. A cohort of fewer "
     "than 200 a year compared on events few people have (entering care, care proceedings, "
     "custody, adoption, a repeat plan, first-time entry, going missing) is told a difference of "
     "a handful could be chance, and the before-and-after strand says that people who start at "
     "their worst tend to improve anyway (regression to the mean). Place-based work in areas "
     "gets contribution "
     "analysis however few the areas. Fewer than 6 "
     "schools or teams, or fewer "
     "than 60 people a year (also across the whole authority, and before any outcome has a "
     "measure), means a pilot now and a comparison later. Comparators follow the "
     "*Nation*: statistical neighbours in England, similar councils (Local Government "
     "Benchmarking Framework family groups) in Scotland, similar Welsh authorities in Wales, and "
     "the other Health and Social Care Trusts in Northern Ireland. Outside England each measure "
     "takes that nation's own name where it differs (a child protection register, UNOCINI "
     "assessments, children's hearings) and names the nation's own collection, or says there is "
     "none and what to do instead; A&E attendances and crisis contacts name the nation's own NHS "
     "statistics (see *Data outside England* below). A plan built before the *Nation* was set "
     "says so under still to decide until it is rebuilt; rebuilt from any face (`lm-excel plan`, "
     "the Build measures plan button, the Lite script), it follows the Nation. What the model "
     "does not "
     "say (unit, nation, numbers, whether places could be allocated by lot or in waves, a "
     "primary outcome with no measure) is listed as still to decide."),
    "",
    ("**Judged on published models.** 37 of the published UK logic models in "
     "`tests/data/published_models/` were labelled by an evaluator who had not worked on the "
     "recommender, before its first run on them (`tests/data/design_published.json`). For each "
     "model the label holds the delivery fields an LA user would enter from the model's own text "
     "and sources, and the design families an evaluator would accept. The models cover 8 "
     "authority-wide, 3 school, 2 area and 1 team model, and 23 cohorts of families, carers, "
     "parents or other adults, or young people; 33 are English, 2 Welsh, 1 Scottish and 1 "
     "Northern Irish. Three of the cohorts (Pause, the Family Nurse Partnership, Caring Dads) "
     "are entered as individual parents or other adults since that choice was added; the "
     "families an evaluator accepts for them are unchanged."),
    "",
    "| run | design agreed | nation's comparator right |",
    "|---|---|---|",
    "| first run (before any fix) | 35/37 | 36/37 (37/37 on reading: one false alarm of the harness) |",
    "| after the fixes (tuned on these models: a floor, not a held-out figure) | 37/37 | 37/37 |",
    "| held out 12, first run (six more English models labelled before any run, "
    "`tests/data/design_heldout12.json`; recommender frozen at `24f1a2c`) | 6/6 | 6/6 |",
    "| held out 13, first run (six new models, labels committed before the run; recommender at "
    "`24f1a2c`) | 6/6 | 6/6 |",
    "| held out 14, first run (six English local authority models, labels committed before the "
    "run, `tests/data/design_heldout14.json`; recommender frozen at `e7b355d`) | 5/6 | 6/6 |",
    "| held out 15, first run (six models led by partners or from Scotland, Wales and Northern "
    "Ireland, labels committed before the run; recommender frozen at `e7b355d`) | 6/6 | 6/6 |",
    "| held out 16, first run (six English local authority models in areas not yet covered, labels "
    "committed before the run, `tests/data/design_heldout16.json`; recommender frozen at "
    "`fa47236`) | 4/6 | 6/6 |",
    "| held out 17, first run (six more models led by partners or from Scotland, Wales and "
    "Northern Ireland, labels committed before the run; recommender frozen at `fa47236`) | 5/6 | "
    "6/6 |",
    "| held out 18, first run (six English local authority models of practice, labels committed "
    "before the run, `tests/data/design_heldout18.json`; recommender frozen at `4ff9023`) | 6/6 | "
    "6/6 |",
    "| held out 19, first run (six more models led by health, police, schools or charities, or "
    "from Scotland, Wales and Northern Ireland, labels committed before the run, "
    "`tests/data/design_heldout19.json`; recommender frozen at `4ff9023`) | 3/6 | 6/6 |",
    "| held out 20, first run (six English models of practice from evaluation reports and "
    "programme documents, labels committed before the run, `tests/data/design_heldout20.json`; "
    "recommender frozen at `08749ad`) | 6/6 | 6/6 |",
    "| held out 21, first run (six more models led by health, police, youth and housing charities, "
    "from Scotland, Wales and Northern Ireland, labels committed before the run, "
    "`tests/data/design_heldout21.json`; recommender frozen at `08749ad`) | 6/6 | 6/6 |",
    "| held out 22, first run (six English local-authority models of practice: a kinship local "
    "offer, a SAFE taskforce in a borough's schools, Your Choice in one London borough, an "
    "out-of-hours crisis service, a Families First pathfinder and a domestic abuse navigator "
    "service; labels committed before the run, `tests/data/design_heldout22.json`; recommender "
    "frozen at `6d5a8b8`) | 6/6 | 6/6 |",
    "| held out 23, first run (six more models led by schools, health, police and housing "
    "partners, four of them from Scotland, Wales and Northern Ireland, labels committed before "
    "the run, `tests/data/design_heldout23.json`; recommender frozen at `6d5a8b8`) | 4/6 | 6/6 |",
    "| held out 24, first run (ten English children's social care and family help models: "
    "authority-wide reforms, teams, a cohort of families, neighbourhoods, school clusters and "
    "individual young people; labels committed before the run, "
    "`tests/data/design_heldout24.json`; recommender frozen at `337c5e3`) | 10/10 | 10/10 |",
    "| held out 25, first run (ten models led by partners and the voluntary sector: health, "
    "police and youth justice, schools and trusts, national charities, three of them from "
    "Scotland, Wales and Northern Ireland, labels committed before the run, "
    "`tests/data/design_heldout25.json`; recommender frozen at `337c5e3`) | 10/10 | 10/10 |",
    "| held out 26, first run (fourteen English local-authority children's services models: youth "
    "justice, fostering and adoption, SEND, care leavers, child protection, early years and family "
    "help, labels committed before the run, `tests/data/design_heldout26.json`; recommender frozen "
    "at `c60b226`) | 14/14 | 14/14 |",
    "| held out 27, first run (fourteen models led by partners around children and families: "
    "NHS and public health, schools, police and violence reduction units, charities, seven of "
    "them from Scotland, Wales and Northern Ireland, labels committed before the run, "
    "`tests/data/design_heldout27.json`; recommender frozen at `c60b226`) | 12/14 | 14/14 |",
    "| held out 28, first run (fourteen English local-authority children's services models: "
    "SEND, child protection, edge of care, exploitation, youth justice, fostering and kinship, care "
    "leavers, the virtual school, early years and family help, labels committed before the run, "
    "`tests/data/design_heldout28.json`; recommender frozen at `10203d4`) | 11/14 | 14/14 |",
    "",
    ("The first run's two disagreements were authority-wide models (a family hubs programme and a "
     "universal health visiting service) whose primary outcomes had no routine measure. They "
     "got a before-and-after survey of users only. Now routine figures for any outcome on the "
     "chain feed the time series, and without any the design is contribution analysis. The "
     "time series also names its own measures' data (NHS hospital data, not DfE returns, for "
     "A&E attendances). Limits: agreement is judged by design family; none of the published "
     "authority-wide models is outside England, so a test re-enters three of them for Scotland, "
     "Wales and Northern Ireland; the reservations an evaluator keeps are listed in "
     "`tests/test_design_published.py`."),
    "",
    ("The twelfth held-out set (devolved budgets in Darlington, Hackney's contextual "
     "safeguarding system, a local authority's Reunification Practice Framework, the Stockport "
     "Family model, Suffolk's youth diversion programme, a SEND and AP Change Programme "
     "partnership: four authority-wide, one cohort of families, one of young people) was "
     "labelled by an evaluator who had not worked on the recommender and committed before its "
     "first run: 6 of 6 main designs agreed, 6 of 6 comparators right. Reservations, kept in the "
     "test: the 30 Darlington families already given budgets by lot get 'pilot now' with "
     "before-and-after only, with nothing said of keeping the random draw; three authority-wide "
     "time series follow a secondary or partial measure (placement distance, returns home rather "
     "than re-entry after return, exclusions and EHC plan timeliness) because the primary "
     "outcomes have no routine measure; and Suffolk's matched comparison names first-time entry, "
     "which diversion changes by design (reoffending is the fair comparison)."),
    "",
    ("**Held out 13.** Six more models (`tests/data/design_heldout13.json`: two school-level, "
     "three authority-wide, one cohort of families; two Scottish, one Welsh, three English), "
     "labelled by an evaluator who had not seen the recommender and committed before its first "
     "run, all got a design family the evaluator accepts and the nation's comparators: matched "
     "schools for the CAMHS In-Reach pilot (Wales), a stepped roll-out across schools for a "
     "Mental Health Support Team, a time series against similar councils for a Scottish "
     "perinatal and infant mental health programme, contribution analysis for the Scottish "
     "school nurse role, a time series against statistical neighbours for Operation Encompass, "
     "and matched families for Home-Start. Reservations (not counted): Operation Encompass's "
     "time series follows police-recorded domestic abuse incidents, which the scheme's "
     "disclosures may raise; the perinatal time series rests on crisis contacts for a secondary "
     "outcome; and the school team's measures include NEET (ages 16-17) for staying in "
     "education at ages 5-18."),
    "",
    ("**Held out 14.** Six English local authority models (`tests/data/design_heldout14.json`: "
     "five authority-wide, one of young people), labelled by an evaluator who had not seen the "
     "recommender and committed before its first run: 5 of 6 main designs agreed, 6 of 6 "
     "comparators right. Agreed: 'pilot now' for the 25 young people of ACT (Wigan and "
     "Rochdale), and time series against statistical neighbours for a virtual school's duty to "
     "children with a social worker, Derby's early years speech and language pathway, return "
     "home interviews for missing children and a care leavers' local offer. The disagreement: "
     "short breaks for disabled children got a time series of placement type and distance from "
     "home for fewer disabled children in residential care, too rare in one authority and not "
     "picked out by the measure; a realist contribution analysis or matched families were "
     "expected. Reservations (not counted): every English authority got the virtual school "
     "duty at once, so neighbours show the national trend rather than what would have happened "
     "without it; Derby's series follows the overall good level of development, not the "
     "communication and language goals, and its before-and-after strand offers ONS loneliness "
     "measures for the word gap; the missing children's series follows children assessed at "
     "risk of exploitation, a count that rises as more is recognised."),
    "",
    ("**Held out 15.** Six models led by partners or from the devolved nations "
     "(`tests/data/design_heldout15.json`: two of individual young people, one school-level, two "
     "authority-wide, one cohort of families; three Scottish, one Welsh, one Northern Irish, one "
     "English), labelled by an evaluator who had not seen the recommender and committed before "
     "its first run, all got a design family the evaluator accepts and the nation's "
     "comparators: matched patients for Navigator in a Scottish emergency department, matched "
     "schools for nurture groups in Northern Ireland (the design of the published evaluation), "
     "contribution analysis for the Universal Health Visiting Pathway, matched families for a "
     "Cedar project, a time series against similar Welsh authorities for an early language "
     "pathway, and matched children for return home interviews. Reservations (not counted): "
     "two matched comparisons name police-recorded domestic abuse incidents for outcomes they "
     "do not measure (Navigator's involvement in violence, Cedar's recovery from trauma); the "
     "health visiting design overlooks Scotland's routine 27-30 month child health reviews and "
     "boards' staggered start dates; and the return home interview comparison is on what the "
     "interview identifies, not repeat missing episodes, against children who declined."),
    "",
    ("**Held out 16.** Six English local authority models in areas not covered before "
     "(`tests/data/design_heldout16.json`: three authority-wide, one of young people, one of "
     "parents, one cohort of families), labelled by an evaluator who had not seen the "
     "recommender and committed before its first run: 4 of 6 main designs agreed, 6 of 6 "
     "comparators right. Agreed: a time series against statistical neighbours for a London "
     "borough's Multi-Agency Safeguarding Hub, and matched comparisons for EPEC parenting groups, "
     "Staying Put and Step Change. The disagreements: private fostering (about twenty "
     "arrangements a year) got no design, only 'choose outcome measures', where a feasibility or "
     "descriptive stage was expected; and the Holiday Activities and Food programme got a time "
     "series on the EYFS profile and service take-up against neighbours who all run the same "
     "programme, where matched attenders or a theory-based design were expected. Reservations "
     "(not counted): the MASH series counts referrals, which the hub's own thresholds move, for "
     "missed risk; Staying Put's comparison counts staying as an outcome and does not warn that "
     "stayers differ from leavers; Step Change's follows first-time entrants for young people "
     "who have mostly offended already, and 15 families in its first year called for a "
     "feasibility stage first."),
    ("**Held out 17.** Six more models led by partners or from the devolved nations "
     "(`tests/data/design_heldout17.json`: two authority-wide, one area, one of individual "
     "parents, one of individual young people, one cohort of families; two Scottish, two Welsh, "
     "one Northern Irish, one English), labelled by an evaluator who had not seen the recommender "
     "and committed before its first run: 5 of 6 main designs agreed, 6 of 6 comparators right. "
     "Agreed: a time series against similar Scottish councils for Early and Effective "
     "Intervention, contribution analysis for a Northern Ireland Family Support Hub, and matched "
     "comparisons for Parents in Mind, Welsh lead workers and Mellow Dads. The disagreement: a "
     "Welsh authority's school-based counselling got a time series on attendance and attainment "
     "against similar Welsh authorities, but every Welsh authority has had to provide counselling "
     "since 2013, so there is no comparison without it, and a few pupils per school are lost in "
     "authority-wide figures; a randomised or matched comparison of young people was expected. "
     "Reservations (not counted): EEI's measures are 'not the same measure' and every council now "
     "runs it; Mellow Dads is offered a wellbeing scale for ages 8-15 for children under five, "
     "and a feasibility stage would come first; the lead worker comparison does not say to match "
     "on the risk score that picks young people."),
    "",
    ("**Held out 18.** Six English local authority models of practice "
     "(`tests/data/design_heldout18.json`: four authority-wide, one of 24 schools, one of "
     "individual children; all English), labelled by an evaluator who had not seen the "
     "recommender and committed before its first run: 6 of 6 main designs agreed, 6 of 6 "
     "comparators right. Agreed: time series against statistical neighbours for the Families "
     "First for Children Pathfinder in Dorset, Focus on Practice in three London boroughs and "
     "Islington's Motivational Social Work; matched comparison schools for PINS; contribution "
     "analysis for Bright Spots in corporate parenting; matched children for Lancashire's Child "
     "First diversion. Reservations (not counted): the pathfinder's time series follows "
     "first-time entrants to the youth justice system for 'help earlier with fewer hand-offs' "
     "and a measure of family time for children living with their family; PINS follows EHC "
     "plans issued on time for fewer requests for an assessment; the diversion comparison "
     "follows first-time entrants, which a diverted child is not by definition; Bright Spots "
     "adds a wellbeing scale for ages 8-15 to a survey of children aged 4-18."),
    "",
    ("**Held out 19.** Six more models led by partners in health, policing, schools and the "
     "voluntary sector, or from the devolved nations (`tests/data/design_heldout19.json`: four "
     "authority-wide, two in some schools; two Scottish, two Welsh, one Northern Irish, one "
     "English), labelled by an evaluator who had not seen the recommender and committed before "
     "its first run: 3 of 6 main designs agreed, 6 of 6 comparators right. Agreed: a time series "
     "against similar Scottish councils for Healthier, Wealthier Children, and matched comparison "
     "schools for Roots of Empathy in Northern Ireland and Place2Be. The disagreements: a Bairns' "
     "Hoose pathfinder got 'Choose outcome measures' (no library measure for its chain), where "
     "one house testing the Standards before a pilot phase called for feasibility first or a "
     "theory-based design; Families First and the All Wales School Liaison Core Programme got a "
     "time series against similar Welsh authorities, but every Welsh authority runs Families "
     "First and every Welsh school has the police lessons, so there is no comparison without "
     "them (the labels give the plain whole-authority unit, not the national-programme one). "
     "Reservations (not counted): Healthier, Wealthier Children's time series uses advisers' "
     "recorded gains, which have no before period, for stress about money too; Place2Be's school "
     "comparison dilutes an effect on about 25 counselled children per school. Since then, "
     "**tuned on** this set: a chain with no measured outcome gets a feasibility stage first, and "
     "the two Welsh programmes' delivery fields give the national-programme unit, as their "
     "labels' reasons say: 6 of 6."),
    "",
    ("**Held out 20.** Six English models of practice from evaluation reports and programme "
     "documents (`tests/data/design_heldout20.json`: one authority-wide, one a statutory service "
     "in every authority, one of 14 settings in planned waves, two of individual young people, "
     "one of 40 foster carers; all English), labelled by an evaluator who had not seen the "
     "recommender and committed before its first run: 6 of 6 main designs agreed, 6 of 6 "
     "comparators right. Agreed: a feasibility stage for Head, Heart, Hands with 40 carers; "
     "matched young people for B Positive Pathways and Camden's Enhanced Constructive "
     "Resettlement; a stepped roll-out across the ELSEC pathfinder's two waves of settings; a "
     "time series against statistical neighbours for Wirral's family network support packages; "
     "contribution analysis for Birmingham's advocacy service, a duty of every authority. "
     "Reservations (not counted): Head, Heart, Hands measures carer-child relationships with a "
     "scale of an adult's perceived social support; the resettlement comparison follows "
     "reoffending by children for young people aged 15-25; the Wirral time series cannot tell "
     "the packages from the pathfinder's other strands, and does not say so."),
    ("**Held out 21.** Six more models led by partners in health, policing, youth work and "
     "housing, from the devolved nations (`tests/data/design_heldout21.json`: a parent-infant "
     "relationship team in a Northern Ireland Trust area, school nursing in Wales as a national "
     "service, speech and language therapy in a Welsh youth justice service, Police Scotland Youth "
     "Volunteers, Youth Work in Sport in a Scottish club, Upstream Cymru in four Welsh schools), "
     "labelled by an evaluator who had not seen the recommender and committed before its first "
     "run: 6 of 6 main designs agreed, 6 of 6 comparators right. Agreed: a matched comparison of "
     "parents, of children in youth justice and of young people in the sports club; contribution "
     "analysis for the national school nursing service; a pilot first for forty police youth "
     "volunteers and for four schools. Reservations (not counted): the parent-infant team's "
     "measures (an attitudes inventory for older children and a bonding questionnaire) observe "
     "neither sensitivity nor attachment, and sixty families a year call for feasibility first; "
     "open-access sport has no start date to match on, so the comparison needs a defined cohort."),
    "",
    ("**Held out 23.** Six more models led by partners of children's services, four from the "
     "devolved nations (`tests/data/design_heldout23.json`: Healthy Happy Minds counselling and "
     "therapies in 566 Northern Ireland primary schools, the Reach Children's Hub in one Feltham "
     "neighbourhood, Housing First for Youth for five care leavers in West Lothian, ICON across an "
     "ICB area, the Violence Prevention Team in a Welsh emergency department, includem's Multiple "
     "Risk Programme in Glasgow), labelled by an evaluator who had not seen the recommender and "
     "committed before its first run: 4 of 6 main designs agreed, 6 of 6 comparators right. "
     "Agreed: matched comparison schools for Healthy Happy Minds, a pilot first for five care "
     "leavers, a matched comparison of patients and of young people. The disagreements: the Reach "
     "Children's Hub, one neighbourhood with no further areas to come, got 'Pilot now, comparison "
     "later' because one area is too few, where a theory-based design or matched wards over time "
     "fit a place-based model; ICON got 'Pilot now' because no outcome on its chain has a library "
     "measure, where hospital admissions of babies with head injuries give a time series against "
     "areas not yet using it. Reservations (not counted): Healthy Happy Minds' SDQ is collected "
     "only for the children each school chose, and the schools without the pilot are those that "
     "declined; the Multiple Risk Programme's comparison measures only its secondary outcomes. "
     "Since then, **tuned on** this set: place-based work in areas gets contribution analysis "
     "however few the areas, and work across a whole authority or area with no measured outcome "
     "on its chain gets a theory-based design rather than a feasibility stage: 6 of 6."),
    "",
    ("**Held out 24.** Ten English children's social care and family help models "
     "(`tests/data/design_heldout24.json`: the BASE model across Gloucestershire, Hampshire's "
     "family intervention teams, Derby's Local Area Coordination for care leavers in ten "
     "neighbourhoods, Wirral's multi-agency child protection team, Rotherham's Edge of Care team, "
     "Leeds' Restorative Early Support teams in seven school clusters, Southwark's Care Leavers "
     "Partnership, Islington's AMASS for about eighteen families a year, Bolton's supervision for "
     "designated safeguarding leads in half its primary schools, Enfield's Family and Adolescent "
     "Support Hub), labelled by an evaluator who had not seen the recommender and committed before "
     "its first run: 10 of 10 main designs agreed, 10 of 10 comparators right. Agreed: time series "
     "against statistical neighbours for the three authority-wide models, matched families for the "
     "team and cohort models, matched young people for FASH, matched comparison schools for the "
     "school clusters and the DSL supervision, contribution analysis for the neighbourhoods, a "
     "pilot first for eighteen families a year. Reservations (not counted): Bolton allocated its "
     "schools at random, which the design does not mention, and it measures referrals rather than "
     "the share of contacts ending in no further action; Hampshire's domestic abuse outcome is "
     "measured by police-recorded incidents, which rise with better recognition."),
    "",
    ("**Held out 25.** Ten models led by partners and the voluntary sector around children's "
     "services (`tests/data/design_heldout25.json`: SNAP groups for children and parents in "
     "North Ayrshire, the Swansea Bureau across one Welsh authority, PATHS in 40 Northern Ireland "
     "primary schools, North West London's Maternity Trauma and Loss Care Service, The Children's "
     "Society's Disrupting Exploitation, a trust's Apprenticeship Academy for 15 students, SOS+ in "
     "42 Norfolk settings, the NSPCC's Pregnancy in Mind, Talking Together in Bradford, a "
     "secondary attendance hub), labelled by an evaluator who had not seen the recommender and "
     "committed before its first run: 10 of 10 main designs agreed, 10 of 10 comparators right. "
     "Agreed: a matched comparison of children, parents or young people for the five services "
     "given one by one; matched comparison schools for PATHS, SOS+ and the attendance hub; a time "
     "series against Welsh authorities for the Bureau; a pilot first for 15 students. "
     "Reservations (not counted), mostly the measures the comparison would use: a practice "
     "quality audit for pupils' behaviour incidents (SNAP), a family functioning scale for "
     "children's self-control (PATHS), a general distress scale where the outcome names the "
     "PCL-5 (Maternity Trauma and Loss Care), an attitudes inventory for a baby's responsive "
     "care (Pregnancy in Mind), no measure at all for Talking Together's primary outcomes on "
     "children's language, and counts of children assessed at risk, which recognition raises, "
     "for exploitation (Disrupting Exploitation, SOS+); the Bureau's time series leads with "
     "first-time entrants, which diversion lowers by design. Since then, **tuned on** these "
     "reservations (session 10): counts the service's own decisions move are left out of a "
     "comparison beside a measure of the people helped (SOS+ now compares schools on "
     "help-seeking), follow it in a time series (the Bureau leads with reoffending), and alone "
     "carry a plain warning and what to add (Disrupting Exploitation: the library still has no "
     "measure of a young person's risk of exploitation); design families unchanged, 10 of 10."),
    "",
    ("**Held out 26.** Fourteen English local-authority children's services models "
     "(`tests/data/design_heldout26.json`: Surrey's Youth Restorative Intervention, Foster with "
     "North East for 12 councils, the Hartlepool and Darlington SEND pathfinder with 20 families, "
     "New Belongings with a county's care leavers, MST-CAN in Leeds, LEAP in four Lambeth wards, "
     "Westminster's Family Recovery Programme, Reclaiming Social Work units, a Merseyside regional "
     "adoption agency, an Early Years Stronger Practice Hub, MTFC-A for about ten young people, a "
     "Youth Justice Liaison and Diversion pilot, Early Support key working, CP-IS in a London "
     "borough), labelled by an evaluator who had not seen the recommender and committed before its "
     "first run: 14 of 14 main designs agreed, 14 of 14 comparators right. Agreed: time series "
     "against statistical neighbours for the five authority-wide services; a matched comparison of "
     "families or young people for MST-CAN, the Family Recovery Programme, liaison and diversion and "
     "Early Support; matched settings for the practice hub; a pilot first for 20 families and ten "
     "young people; a theory-based design for LEAP's four wards and for CP-IS, whose outcomes have "
     "no routine figure. Reservations (not counted), mostly the measures: section 47 enquiries "
     "given for the share of fostering enquiries that become applications (Foster with North "
     "East), adoption timeliness for disruptions, a Reception measure for nursery settings, the "
     "Graded Care Profile for a flag shared between systems (CP-IS), and comparisons that leave out "
     "a primary outcome (parents' aggression in MST-CAN, time to reoffence in liaison and "
     "diversion); the YRI's time series leads with first-time entrants, which the disposal lowers "
     "by design."),
    "",
    ("**Held out 27.** Fourteen models led by partners around children and families "
     "(`tests/data/design_heldout27.json`: Redthread in Nottingham's emergency department, the "
     "Leicester VRN's Reach mentoring, KidsTime Southwark for 38 families, Ealing's ELSA project, "
     "a School-Home Support practitioner, Getting Ready for Baby in a Northern Ireland Trust, "
     "Aberlour's perinatal befriending in Forth Valley, No Knives, Better Lives in a Scottish "
     "council, Invisible Walls Wales for twenty families a year, a Welsh health visiting team's "
     "postnatal depression project, Think Family NI's social work pilot, the GM VRU's Blocks in "
     "ten primary schools, Hampshire's Trusted Adult Workers, the Healthy Child Wales Programme), "
     "labelled by an evaluator who had not seen the recommender and committed before its first "
     "run: 12 of 14 main designs agreed, 14 of 14 comparators right. Agreed: a matched comparison "
     "of children, young people or parents for the services given one by one; a pilot first for "
     "38 families, forty mothers a year and twenty families a year; a stepped roll-out for ELSA's "
     "yearly school cohorts; matched comparison schools for Blocks; a time series against similar "
     "Scottish councils for No Knives, Better Lives; contribution analysis for a programme every "
     "Welsh health board began on the same day. The disagreements: Redthread got contribution "
     "analysis because its primary outcome, re-attendance with a violent injury, was given "
     "hospital admissions for violence, a figure for places, where the hospital's own records are "
     "per person; the health visiting team's training got contribution analysis as place-based "
     "work, where a feasibility stage or a team-by-team roll-out fits (its label entered the unit "
     "as neighbourhoods, not teams). Reservations (not counted), mostly the measures: a family "
     "functioning scale for fights in school (Reach), an adult anxiety scale for talk about mental "
     "health at home (KidsTime) and for staff identifying children's needs (Think Family), "
     "personal wellbeing for feeling prepared for birth (Getting Ready for Baby), children "
     "assessed at risk of exploitation, which recognition raises (Blocks), no measure for "
     "reoffending (Invisible Walls Wales), and all offence referrals for weapon charges (No "
     "Knives, Better Lives)."),
    "",
    ("**Held out 28.** Fourteen English local-authority children's services models "
     "(`tests/data/design_heldout28.json`: a county's high needs recovery plan under a safety valve "
     "agreement, Portage home visiting, a Graded Care Profile 2 roll-out, Devon's edge of care "
     "service, Manchester's Complex Safeguarding Hub, a devolved NRM decision panel, a protocol to "
     "reduce the criminalisation of children in care, Birmingham's Step Down Programme for about "
     "ten young people a year, a special guardianship support service, personal advisers for care "
     "leavers aged 21-25, a virtual school's PEPs and Pupil Premium Plus, outreach for funded "
     "two-year-old places, an early help assessment and lead practitioner model, a youth offending "
     "team's ISSP for about 25 a year), labelled by an evaluator who had not seen the recommender "
     "and committed before its first run: 11 of 14 main designs agreed, 14 of 14 comparators "
     "right. Agreed: time series against statistical neighbours for the council-wide plans and "
     "systems; matched comparisons of children, carers or care leavers for services taken up one "
     "by one; a pilot first for Step Down and ISSP. The disagreements: the Complex Safeguarding "
     "Hub got a matched comparison with a waiting list that does not exist, where every child "
     "identified in the city is worked with (debatable: children in districts before their hubs); "
     "the NRM panel got 'pilot now' because no outcome had a measure, though decision times are "
     "an administrative count; the virtual school, a duty covering every child in care, got a "
     "comparison with children 'who did not take part'. Reservations (not counted), the measures: "
     "plans issued on time for a fall in new plans (safety valve), first-time entrants among all "
     "children for convictions of children in care, and the good level of development three years "
     "on in place of the take-up figures published for every council."),
    "",
]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def library_markdown(library: MeasureLibrary | None = None) -> str:
    """The measures library as Markdown: a summary table per kind, then one entry per measure."""
    lib = load_library() if library is None else library
    out = [*_preamble(lib), *HOW_SUGGESTIONS_WORK, *EVALUATION, *DESIGN_EVIDENCE]
    for kind in KINDS:
        out += _kind_table(kind, [m for m in lib if m.kind == kind])
    out += ["## Details", ""]
    for m in lib:
        out += _details(m)
    out += _outside_england(lib)
    out += _for_maintainers(lib)
    return "\n".join(out)


def _preamble(lib: MeasureLibrary) -> list[str]:
    """The page's title, what the library is and what its columns mean."""
    return [
        "# Measures library",
        "",
        ("<!-- Generated from lm_excel/data/measures.csv by "
         "`python -m lm_excel.measures.docs > docs/measures.md`; do not edit by hand. -->"),
        "",
        (f"The library shipped with lm-excel holds {len(lib)} measures that local authorities "
         "use to evaluate children's services. `lm-excel suggest` and the *Measures plan* sheet "
         "choose from it; an LA adds its own measures on the *My measures* sheet."),
        "",
        ("Columns of `lm_excel/data/measures.csv`: key, name, kind, domains, what_it_measures, "
         "respondent, who_benefits, age_min, age_max, items_or_effort, licence, licence_note, "
         "data_source, timepoints, source_url, notes, keywords, and maintainer_notes. Lists are "
         "separated by semicolons. *who_benefits* says for whose outcomes a measure fits: "
         + ", ".join(WHO_BENEFITS) + ". maintainer_notes is for the library's maintainers "
         "(what could not be verified, where a figure came from): it is never shown in the "
         "plan or the report, and is listed at the end of this page."),
        "",
    ]


def _kind_table(kind: str, rows: list[Measure]) -> list[str]:
    """The summary table of one kind of measure (none when the library has none of it)."""
    if not rows:
        return []
    out = [f"## {kind.capitalize()} measures", "",
           "| key | name | domains | respondent | ages | licence | data source |",
           "|---|---|---|---|---|---|---|"]
    for m in rows:
        out.append(
            f"| `{m.key}` | {_cell(m.name)} | {', '.join(m.domains)} | "
            f"{', '.join(m.respondent)} | {m.age_range or 'any'} | {m.licence} | "
            f"{_cell(m.data_source)} |"
        )
    return out + [""]


def _details(m: Measure) -> list[str]:
    """One measure's entry under *Details*."""
    out = [
        f"### `{m.key}`: {_cell(m.name)}",
        "",
        f"- What it measures: {_cell(m.what_it_measures)}",
        f"- Kind: {m.kind}; domains: {', '.join(m.domains)}",
        (f"- Completed by: {', '.join(m.respondent)}; suits outcomes for: "
         f"{', '.join(m.who_benefits)}; ages: {m.age_range or 'any'}"),
        f"- Effort: {_cell(m.items_or_effort)}",
        f"- Licence: {m.licence}. {_cell(m.licence_note)}",
        f"- Data source: {_cell(m.data_source)}; typical timepoints: {_cell(m.timepoints)}",
        f"- Source: <{m.source_url}>",
    ]
    if m.notes:
        out.append(f"- Notes: {_cell(m.notes)}")
    return out + [""]


def _for_maintainers(lib: MeasureLibrary) -> list[str]:
    """What could not be verified, per measure and per nation, for the library's maintainers."""
    flagged = [m for m in lib if m.maintainer_notes]
    nations = [ns for ns in nation_sources().values() if ns.maintainer_notes and ns.key in lib]
    if not (flagged or nations):
        return []
    return ["## For the library's maintainers", "",
            ("Facts that could not be verified, and where figures came from. Not shown in "
             "the plan or the report."), "",
            *[f"- `{m.key}`: {_cell(m.maintainer_notes)}" for m in flagged],
            *[f"- `{ns.key}` in {ns.nation}: {_cell(ns.maintainer_notes)}" for ns in nations],
            ""]


def _outside_england(lib: MeasureLibrary) -> list[str]:
    """Each measure's collection in Scotland, Wales and Northern Ireland
    (lm_excel/data/measures_nations.csv), as a table."""
    sources = nation_sources()
    keys = [m.key for m in lib if any((m.key, n) in sources for n in OTHER_NATIONS)]
    if not keys:
        return []

    def cell(key: str, nation: str) -> str:
        ns = sources.get((key, nation))
        if ns is None:
            return ""
        named = f"*{_cell(ns.name)}*: " if ns.name else ""
        if not ns.data_source:
            return named + "none: collect locally"
        return named + (f"[{_cell(ns.data_source)}]({ns.source_url})" if ns.source_url
                        else _cell(ns.data_source))

    out = ["## Data outside England", "",
           ("The library describes England. When the *Nation* on the Intervention sheet is "
            "Scotland, Wales or Northern Ireland, the plan and the report name that nation's own "
            "collection for each measure below (with its own link and notes, from "
            "`lm_excel/data/measures_nations.csv`: key, nation, name, what_it_measures, "
            "items_or_effort, data_source, source_url, notes, maintainer_notes), or say \"No national equivalent in ...: collect locally\" "
            "where there is none; a blank data_source says so. Where the nation calls the measure "
            "something else (a child protection register, not child protection plans; UNOCINI "
            "assessments, not child in need assessments), or has no such thing (no EYFS profile "
            "outside England), the measure takes the nation's name (in italics below) and its "
            "description; suggestions are still matched on the library's own words. Each source was checked in public "
            "material; what could not be checked is listed for the maintainers below. Some "
            "figures are published for the nation as a whole only, or measure something close "
            "but not the same: the notes say so."), "",
           "| key | " + " | ".join(OTHER_NATIONS) + " |", "|---|---|---|---|"]
    out += [f"| `{k}` | " + " | ".join(cell(k, n) for n in OTHER_NATIONS) + " |" for k in keys]
    out.append("")
    return out


if __name__ == "__main__":
    sys.stdout.write(library_markdown())
