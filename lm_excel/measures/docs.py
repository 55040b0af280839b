"""Render the measures library as a Markdown page (docs/measures.md).

Regenerate the page with:  python -m lm_excel.measures.docs > docs/measures.md
"""

from __future__ import annotations

import sys

from lm_excel.measures.library import (
    KINDS,
    OTHER_NATIONS,
    WHO_BENEFITS,
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
     "adult, or identifying and responding to a risk, the library has no measure of it: that "
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
     "placements (sufficiency) is not their stability; the Experience of Service Questionnaire "
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
     "surveys\") are not the change. A measure may also name words that rule it out "
     "(`[unless]` in the vocabulary: the count of assessments when a time is named, housing "
     "stability for children in care, crisis contacts for a wait)."),
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
    ("Sets of outcome statements, each row with the measure keys an evaluator would accept "
     "(`-` where \"no close match in the library\" is the honest answer). *Top-1* counts the "
     "first suggestion (or an honest \"no close match\") as acceptable; *top-3* any of the first "
     "three; *confident and wrong* counts suggestions made where only \"no close match\" fits. "
     "Recorded 2026-11-30 with `python -m pytest tests/test_suggest.py -k \"published or "
     "hit_at_3 or own_variants\" -s`; the first three rows and the rows after round 5's first "
     "run are the rules as they are now."),
    "",
    "| set | statements | top-1 acceptable | top-3 | no close match | confident and wrong where none fits |",
    "|---|---|---|---|---|---|",
    "| project brief's development set (`tests/data/eval/outcomes_dev.csv`) | 50 | 1.00 | 1.00 | 0.00 | 0 |",
    "| earlier own set (`tests/data/outcomes_heldout_own.csv`) | 49 | 0.94 | 1.00 | 0.00 | 0 |",
    "| published statements, development (`tests/data/outcomes_published_dev.csv`) | 27 | 0.96 | 1.00 | 0.07 | 0 |",
    "| published statements, held out in round 1, **tuned on since** (`tests/data/outcomes_published_dev2.csv`): before tuning | 27 | 0.59 | 0.70 | 0.07 | 1 |",
    "| the same set after tuning (now, with the specific-construct rules) | 27 | 0.96 | 0.96 | 0.19 | 0 |",
    "| **published statements, held out in round 2** (`tests/data/outcomes_published_heldout2.csv`): **first run** | 51 | **0.59** | **0.65** | 0.12 | **7** |",
    "| the same set after the fixes that followed its first run (no longer held out) | 51 | 0.75 | 0.82 | 0.27 | 3 |",
    "| **published statements, held out in round 3** (`tests/data/outcomes_published_heldout3.csv`): **first run**, after those fixes | 19 | **0.68** | **0.84** | 0.21 | **0** |",
    "| the same set after the fixes that followed its run (no longer held out) | 19 | 0.84 | 0.95 | 0.21 | 0 |",
    "| round 2, after the sense fixes tuned on rounds 2 and 3 | 51 | 0.96 | 1.00 | 0.33 | 0 |",
    "| round 3, after the same fixes | 19 | 0.89 | 0.95 | 0.32 | 0 |",
    "| **published statements, held out in round 4** (`tests/data/outcomes_published_heldout4.csv`): **first run**, after those fixes | 32 | **0.59** | **0.72** | 0.28 | **4** |",
    "| the same set after the fixes that followed its run (no longer held out) | 32 | 0.78 | 0.88 | 0.34 | 1 |",
    "| round 4 after the next general fixes (no one named, examples, the caring role, connectedness) | 32 | 0.91 | 1.00 | 0.41 | 0 |",
    "| **published statements, held out in round 5** (`tests/data/outcomes_published_heldout5.csv`): **first run**, after those fixes | 32 | **0.62** | **0.62** | 0.34 | **6** |",
    "| round 2 after the specific-construct rules (anchors, frames, populations; none of rounds 2 to 5 is held out any more) | 51 | 0.98 | 0.98 | 0.41 | 0 |",
    "| round 3, the same | 19 | 1.00 | 1.00 | 0.37 | 0 |",
    "| round 4, the same | 32 | 1.00 | 1.00 | 0.47 | 0 |",
    "| round 5, the same | 32 | 0.94 | 1.00 | 0.66 | 0 |",
    "| own variants, written by the team (`tests/data/outcomes_own_variants.csv`), now, batches 1 to 26 | 986 | 0.94 | 0.96 | 0.32 | 0 |",
    "| its batch 2, written and labelled before its one run: **first run** | 40 | **0.78** | | 0.33 | **2** |",
    "| its batch 3, written and labelled before its one run, after batch 2's fixes: **first run** | 30 | **0.83** | | 0.37 | **1** |",
    "| its batch 4, the same after batch 3's fixes: **first run** | 30 | **0.83** | | 0.27 | **2** |",
    "| its batch 5, the same after batch 4's fixes: **first run** | 30 | **0.90** | | 0.47 | **0** |",
    "| **published statements, held out in round 6** (`tests/data/outcomes_published_heldout6.csv`), labelled by an engineer who did not work on the rules: **first run**, with the specific-construct rules and batch 5's fixes | 50 | **0.78** | **0.80** | 0.32 | **2** |",
    "| round 6 after the fixes that followed its run, **tuned on** (victims, the public and the system; status phrases; process compliance; negated forms; what staff can do; confidence orders the list) | 50 | 0.94 | 0.96 | 0.30 | 0 |",
    "| own variants' batch 6, written and labelled before its one run, on the kinds behind round 6's misses but in new wording: **first run** (before those fixes) | 22 | **0.36** | 0.41 | 0.32 | **0** |",
    "| the same batch after those fixes; own variants' batches 1 to 5 after them | 22; 227 | 0.73; 0.97 | 0.86; 0.99 | 0.23; 0.31 | 0; 0 |",
    "| **published statements, held out in round 7** (`tests/data/outcomes_published_heldout7.csv`), labelled by an engineer who did not work on the rules: **first run**, after round 6's fixes | 50 | **0.76** | **0.78** | 0.32 | **0** |",
    "| own variants' batch 7, written and labelled before any change, on the kinds behind round 7's misses in new wording across every domain: **first run** (before the sense audit) | 42 | **0.60** | 0.62 | 0.24 | **1** |",
    "| the same batch after the sense audit; own variants' batches 1 to 6 after it | 42; 249 | 1.00; 0.96 | 1.00; 0.98 | 0.12; 0.29 | 0; 0 |",
    "| round 7 after the sense audit, **tuned on** since its first run (no longer held out) | 50 | 0.96 | 0.98 | 0.32 | 0 |",
    "| own variants' batch 8, new wording in every domain, written and labelled after the sense audit and before any further fix: **first run** (the estimate for the audited rules) | 35 | **0.83** | 0.86 | 0.20 | **2** |",
    "| the same batch after its fixes (work placements, early years settings, spending time, a referral *again*, turnover in children's homes, what a worker did), tuned on | 35 | 0.97 | 1.00 | 0.26 | 0 |",
    "| own variants' batch 9, on the other senses of the anchors themselves, written and labelled after batch 8's fixes and before any further fix: **first run** | 32 | **0.72** | 0.72 | 0.44 | **3** |",
    "| the same batch after its fixes, tuned on | 32 | 0.97 | 1.00 | 0.50 | 0 |",
    "| own variants' batch 10, outcomes in domains with little or no measure in the library (health in pregnancy, weight, bullying, online safety, short breaks, autism assessment waits), written and labelled after batch 9's fixes and before any further fix: **first run** | 34 | **0.88** | 0.88 | 0.44 | **2** |",
    "| the same batch after its fixes, tuned on | 34 | 1.00 | 1.00 | 0.47 | 0 |",
    "| own variants' batch 11, round 7's kinds again in longer logic-model wording, written and labelled after batch 10's fixes and before any further fix: **first run** | 35 | **0.66** | 0.77 | 0.34 | **1** |",
    "| the same batch after its fixes, tuned on | 35 | 0.94 | 1.00 | 0.34 | 0 |",
    "| own variants' batch 12, mixed kinds and domains, written and labelled after batch 11's fixes and before any further fix: **first run** | 30 | **0.63** | 0.67 | 0.47 | **0** |",
    "| the same batch after its last fixes, tuned on (misses left: a two-year review done by health visitors, carers attending training, teachers' referrals, identification by schools, having a say in how services run) | 30 | 0.77 | 0.80 | 0.50 | 0 |",
    "| **published statements, held out in round 8** (`tests/data/outcomes_published_heldout8.csv`), labelled by an engineer who did not read the rules: **first run**, on the frozen rules (main at 17e4a89) | 50 | **0.66** | **0.80** | 0.14 | **3** |",
    "| round 8 after the fixes that followed its run, **tuned on** (who an outcome is about is not what changes; \"-free\"; reintegration is a move between settings; no teenage scale for children of no given age; confidence orders a compound outcome's list; views taken into account are practice recorded; the families or areas people live in say who) | 50 | 0.80 | 0.90 | 0.24 | 0 |",
    "| **published statements, held out in round 9** (`tests/data/outcomes_published_heldout9.csv`), labelled by an engineer who had not read the rules: **first run**, on the frozen rules (main 17e4a89) | 50 | **0.58** | **0.60** | 0.44 | **2** |",
    "| round 9 after the same fixes and its own (removed from education is exclusion; a relationship with a worker is experience of the service), **tuned on** | 50 | 0.68 | 0.70 | 0.48 | 0 |",
    "| **published statements, held out in round 10** (`tests/data/outcomes_published_heldout10.csv`), English family help, child protection, children in care and care leavers, fostering and kinship, SEND, youth justice and the workforce, labelled by an engineer who had not read the rules: **first run**, on the frozen rules (main 24f1a2c) | 50 | **0.64** | **0.70** | 0.40 | **0** |",
    "| **published statements, held out in round 11** (`tests/data/outcomes_published_heldout11.csv`), labelled by an engineer who had not read the rules: **first run**, on the frozen rules (main 24f1a2c) | 50 | **0.62** | **0.66** | 0.42 | **6** |",
    "| round 11 after two general fixes (talking about, discussing or the stigma of a harm is not its incidents; people with a named condition after what changes say who), **tuned on** | 50 | 0.66 | 0.70 | 0.46 | 4 |",
    "| round 10 after the topic guard (a change the library has no measure for) and the senses of care, support, voice and services, with the recall vocabulary of batch 23 (main e7b355d), **tuned on** | 50 | 0.86 | 0.90 | 0.34 | 0 |",
    "| round 11 after the same, **tuned on**: its six confident wrong answers are fixed | 50 | 0.84 | 0.86 | 0.58 | 0 |",
    "| rounds 10 and 11 after four measures were added for gaps the labels showed (waiting times, brothers and sisters placed together, confidence in the local police, the Postpartum Bonding Questionnaire), each suggested only when its construct is the change; four of round 11's no-close-match labels (and one of round 7's) now also accept the new measure, **tuned on** | 50; 50 | 0.84; 0.84 | 0.88; 0.86 | 0.36; 0.50 | 0; 0 |",
    "| **published statements, held out in round 12** (`tests/data/outcomes_published_heldout12.csv`), English local authorities' strategies and plans (early years, SEND, early help, neglect, children in care, fostering and kinship, youth justice, exploitation, domestic abuse, the workforce), labelled by an engineer who had not read the rules: **first run**, on the frozen rules (main e7b355d) | 50 | **0.78** | **0.82** | 0.36 | **1** |",
    "| **published statements, held out in round 13** (`tests/data/outcomes_published_heldout13.csv`), partner-led and devolved-nation models (violence prevention, Sure Start and Flying Start, domestic abuse recovery, mentoring, speech and language, attainment and attendance, whole family support, youth diversion), labelled by an engineer who had not read the rules: **first run**, on the frozen rules (main e7b355d) | 50 | **0.72** | **0.76** | 0.52 | **3** |",
    "| round 12 after the fixes that followed its run, **tuned on** (a slogan of states holds to the end of its clause; able to recognise and respond is a capability; support of foster and kinship carers is the carers' survey; enough people to look after children is sufficiency; people at risk of or who have experienced a harm say who), with the four added measures; one label extended to accept waiting times | 50 | 0.88 | 0.92 | 0.38 | 0 |",
    "| round 13 after the same and its own fixes, **tuned on** (what a change follows or recovers from is context, not a count; what staff do with families is practice); one label extended to accept waiting times | 50 | 0.78 | 0.82 | 0.56 | 0 |",
    "| **published statements, held out in round 14** (`tests/data/outcomes_published_heldout14.csv`), English local authorities' plans, strategies, reports and evaluations (children in care and care leavers, SEND, edge of care, infant feeding and perinatal mental health, neglect, domestic abuse, fostering, youth justice, the workforce), labelled by an engineer who had not read the rules: **first run**, on the frozen rules (main fa47236), one label extended to accept a measure added before the freeze (0.66, 0.66 and 6 as labelled) | 50 | **0.68** | **0.68** | 0.36 | **5** |",
    "| **published statements, held out in round 15** (`tests/data/outcomes_published_heldout15.csv`), partner-led and devolved-nation outcomes frameworks, theories of change and evaluations (youth work outcomes, community mental health, voluntary-sector family support, mentoring, police and public health, violence prevention, school nursing, attendance and exclusion, kinship care, domestic abuse recovery, early literacy), labelled by an engineer who had not read the rules: **first run**, on the frozen rules (main fa47236) | 50 | **0.78** | **0.84** | 0.36 | **3** |",
    "| own variants' batch 13, in the wording of national outcome frameworks (Supporting Families, the Children's Social Care National Framework, SHANARRI, Wales' core aims, Northern Ireland's outcomes, Best Start for Life, Keep on Caring, youth work) and the known misses, written and labelled before any fix: **first run** | 57 | **0.79** | 0.81 | 0.28 | **1** |",
    "| own variants' batch 14, further frameworks (Preparing for Adulthood, the Healthy Child Programme, youth justice indicators, The Promise, Family Hubs, Every Child Matters, the Serious Violence Duty, kinship care, SEND), after batch 13's fixes: **first run** | 59 | **0.78** | 0.85 | 0.31 | **3** |",
    "| own variants' batch 15, the terms of Scotland, Wales and Northern Ireland and public health outcomes, after batch 14's fixes: **first run** | 50 | **0.76** | 0.84 | 0.34 | **2** |",
    "| own variants' batch 16, everyday local authority wording in every domain, after batch 15's fixes: **first run** | 50 | **0.86** | 0.88 | 0.16 | **1** |",
    "| own variants' batch 17, voluntary-sector and youth theories of change (mostly no close match), after batch 16's fixes: **first run** | 50 | **0.90** | 0.94 | 0.58 | **0** |",
    "| batches 13 to 17 after their fixes, tuned on | 57; 59; 50; 50; 50 | 0.95; 0.95; 0.90; 0.98; 0.94 | 0.95; 0.98; 0.92; 0.98; 0.98 | 0.26; 0.41; 0.36; 0.10; 0.54 | 0 each |",
    "| own variants' batch 18, whose outcome it is (carers, special guardians, adopters, birth parents, teachers, police, GPs, partners) and compound outcomes, after batch 17's fixes: **first run** | 30 | **0.80** | 0.93 | 0.13 | **1** |",
    "| own variants' batch 19, who-clauses and status phrases, slogans of states, after batch 18's fixes: **first run** | 27 | **0.74** | 0.81 | 0.37 | **2** |",
    "| batches 18 and 19 after their fixes, tuned on | 30; 27 | 0.90; 0.96 | 0.97; 1.00 | 0.23; 0.26 | 0; 0 |",
    "| own variants' batch 20, new wording across neglect, food, care, permanence, practice quality, bullying and health, after batch 19's fixes and a round of probes: **first run** (the last estimate before the rules froze) | 23 | **0.96** | 0.96 | 0.70 | **0** |",
    "| own variants' batch 21, the kinds behind round 11's confident wrong answers and round 10's wrong senses in new wording (stigma, attachment, trust in the police, siblings together, waits, identification by services, potential, telling an adult; cared for, supported by, listened to, sufficiency, the birth family, caregivers), written and labelled before any fix: **first run** | 26 | **0.35** | 0.42 | 0.31 | **8** |",
    "| the same batch after the fixes tuned on it (the topic guard and the senses) | 26 | 1.00 | 1.00 | 0.65 | 0 |",
    "| own variants' batch 22, the same kinds in other wording, written and labelled with batch 21 and held out until its fixes: **first run** | 24 | **0.75** | 0.79 | 0.42 | **1** |",
    "| the same batch after its fixes (identified and managed, the work of a board, feeling loved, people attending a programme, what parents report in their child), tuned on | 24 | 0.96 | 1.00 | 0.50 | 0 |",
    "| own variants' batch 25, staff practice entered as outcomes (ask, screen, offer, record), support received against social support, relationships with staff, service names as settings, caregivers, written and labelled before any fix: **first run** (with the four new measures) | 20 | **0.75** | 0.75 | 0.60 | **1** |",
    "| the same batch after its fixes (what staff do with families is practice; feeling cared for at home is not the Graded Care Profile; Bright Spots is not for children on the edge of care), tuned on | 20 | 1.00 | 1.00 | 0.75 | 0 |",
    "| own variants' batch 26, the same kinds in other wording, written and labelled with batch 25 and held out until its first fixes: **first run** | 18 | **0.72** | 0.72 | 0.56 | **0** |",
    "| the same batch after its fixes (people using a service say who; pupils' relationships with staff and peers are school life), tuned on | 18 | 0.72 | 0.83 | 0.56 | 0 |",
    "| rounds 8 and 9 after the framework fixes, **tuned on** | 50; 50 | 0.82; 0.86 | 0.90; 0.88 | 0.26; 0.38 | 0; 0 |",
    "| own variants' batch 23, recall: statements where a library measure fits, across the library (offending in plain words, time in care, relationships between agencies, staff and carers' support and tools, recruiting foster carers, going to and staying in school, development, neighbours), written and labelled before any fix: **first run** | 50 | **0.72** | 0.74 | 0.32 | **0** |",
    "| the same batch after the recall vocabulary tuned on it and the fixes of cycle A (rules frozen for cycle B) | 50 | 0.94 | 0.96 | 0.10 | 0 |",
    "| own variants' batch 24, the same kinds in other wording, written and labelled with batch 23 and held out until its fixes: **first run**, on the rules frozen for cycle A (main e7b355d) | 45 | **0.67** | 0.73 | 0.27 | **0** |",
    "| the same batch after its fixes (stopping offending, agencies trusting each other, information sharing, a school place kept, learning or work at 16-17, people to rely on, school staff in other words), **tuned on** (rules frozen for cycle B) | 45 | 0.84 | 0.91 | 0.13 | 0 |",
    "| library gaps, batch X (`tests/data/outcomes_library_gaps.csv`: self-esteem, the parent-child relationship, parenting self-efficacy and near misses: carers', staff's and couples' outcomes), written and labelled before the three measures were added, **tuned on** | 11 | 0.82 | 0.91 | 0.09 | 0 |",
    "| library gaps, batch Y, written with batch X and held out: **first run** after the measures were added | 12 | **0.83** | 0.92 | 0.25 | **0** |",
    "| library gaps, batch X2 (collective participation and life skills, with near misses: a child's say in their own plan, social skills, household budgets), written before the two measures were added, **tuned on** | 8 | 1.00 | 1.00 | 0.12 | 0 |",
    "| library gaps, batch Y2, written with batch X2 and held out: **first run** after the measures were added | 8 | **0.75** | 0.75 | 0.25 | **0** |",
    "| library gaps, batch X3 (youth custody and children's weight, with near misses: police custody, custody between parents, smoking in pregnancy), written before the two measures were added, **tuned on** | 7 | 1.00 | 1.00 | 0.43 | 0 |",
    "| library gaps, batch Y3, written with batch X3 and held out: **first run** after the measures were added (the confident wrong answer: young people in custody keeping in touch with their families got family time) | 6 | **0.83** | 0.83 | 0.17 | **1** |",
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
     "healthy weight at school entry, in Primary 1 and at the end of primary school)."),
    "",
    ("**The specific-construct rules, and why they should generalise.** The first runs of rounds "
     "2 to 5 missed 52 statements. Classified by cause rather than by statement: about half were "
     "a single word read in the wrong sense or standing for the whole outcome (develop, learn, "
     "healthy, safe, communicate, aspirations, financial, caring, resilience, future, adults, "
     "social, outcome); a fifth were outcomes about a system, an agency or what people know "
     "(support in the criminal justice system, the voice of care leavers in the leaving care "
     "system, relationships with referring boroughs); the rest were missing phrases (\"stay "
     "safely together\", \"mental and physical health\") and measures for the wrong population "
     "(parenting stress for young carers, adult scales when no one is named). Each round's "
     "fixes had added the words that failed to a list of words that need context, so the next "
     "round's new words failed again. The rules now work the other way round: a single word "
     "counts fully only if it is on a curated list of words that name one construct in "
     "children's services outcomes, so an unseen word leads to \"no close match\" (which an "
     "evaluator accepts, where a guess is the worst answer). Leave-one-round-out check: the "
     "anchor rule alone, added to the code exactly as it was at each round's first run, raises "
     "those first runs from 0.59, 0.68, 0.59 and 0.62 to 0.76, 0.79, 0.72 and 0.81, and the "
     "confident wrong answers from 7, 0, 4 and 6 to 3, 0, 3 and 1, with the development sets "
     "unchanged (0.94 to 1.00). That check is not a held-out figure: the anchor list was "
     "written after reading every round's misses, from knowledge of how UK logic models word "
     "outcomes rather than from the statements, but by people who had read them. Batch 2 of the "
     "team's own variants was written before its one run and is the nearest to an honest "
     "estimate here (0.78 top-1, against 0.72 for the rules before this change); its two "
     "confident wrong answers (\"recognise the impact of their drinking\" and \"the right help "
     "at the first time of asking\") were of the kinds above and are fixed. Batch 3, written "
     "after those fixes, scored 0.83 on its one run; its confident wrong answer (\"skills to "
     "manage conflict\" got family functioning) and its misses were of the same kinds (skills "
     "and strategies to do something are not that thing; \"need to be looked after\" is entry "
     "to care) and are fixed. Batch 4 also scored 0.83: \"mental health support in school\" "
     "(a kind of support, not mental health), self-esteem (which the Stirling scale does not "
     "measure: the keyword is gone), \"children's social workers\" (social workers, not "
     "children), referrals to CAMHS (not to social care) and \"family networks\" (not kinship "
     "placements); fixed. Batch 5 scored 0.90 with no confident wrong answer; its three "
     "misses were honest \"no close match\" answers where a measure fits (\"proud to work "
     "here\" is morale, \"remain in those placements\" is placement stability: now phrases; "
     "\"sustained employment\" for young people still abstains). Batches 2 to 5, written "
     "before their runs, reach 0.78 to 0.90 top-1 first time, against 0.59 to 0.68 for the "
     "published rounds before these rules: the nearest this page has to an estimate for "
     "unseen statements, written by the team that wrote the rules, so likely kinder than "
     "an evaluator's."),
    "",
    ("The published sets are real outcome statements from UK sources, each row citing its page. "
     "Development: the Supporting Families outcome framework, Devon's Mockingbird objectives and "
     "Hertfordshire's Family Safeguarding results; then the round-1 held-out set (the Children's "
     "Social Care National Framework outcomes, the Lifelong Links evaluations, the Family "
     "Safeguarding pilot in Cambridgeshire, the Mockingbird evaluation pages), which is a tuning "
     "set now. Round-2 held-out set: North Yorkshire's No Wrong Door outcomes, YPAC Manchester's "
     "theory of change for youth provision, the Every Child Matters outcomes framework, Derby's "
     "Local Area Coordination for care leavers, Home-Start Redbridge's evaluation and A Better "
     "Start's Common Outcomes Framework. Its labels were written and committed before its first "
     "run; the first-run figures are **the honest estimate** for logic models the tool has not "
     "seen (round 3, below, estimates the state after round 2's fixes). The issue's bar (9 top "
     "suggestions in 10 accepted, no confident wrong answer) is met on the development sets but "
     "**not** on unseen statements."),
    "",
    ("Round 3 is a smaller set written after those fixes (The Parenting Circle's theory of "
     "change, Hampshire's domestic abuse strategy aims, Staffordshire's Edge of Care service), "
     "labelled before its one run: no confident wrong answer, but top-1 still well under 0.9. "
     "Its misses: *school outcomes* got ORS/CORS (\"Outcome\" in its name); *confidence among "
     "parents* the Parental Stress Scale; *promote healthy relationships and prevent domestic "
     "abuse* the partner survey first; *reducing those who perpetrate abuse* child protection "
     "plans before domestic abuse incidents; *families on the edge of care stay safely "
     "together* re-referrals; *young people in long-term placements return home* placement "
     "stability before reunification (third). Fixed after its run: \"Outcome Rating Scale\" and "
     "\"school outcomes\" are phrases, perpetrators are domestic abuse, \"stay safely together\" "
     "is staying at home."),
    "",
    "Every confident wrong answer in the first run of the round-2 held-out set:",
    "",
    ("- *Develop life skills*, *Develop leadership qualities and skills* and *develop "
     "self-confidence and successfully deal with significant life changes* got the Ages and "
     "Stages Questionnaire (\"develop\" read as child development; the last with high "
     "confidence)."),
    ("- *Safe from bullying and discrimination* and *safe from crime and antisocial behaviour* "
     "got child protection plans (\"safe\" decided, not the harm named)."),
    "- *Living healthy lifestyles* got A&E attendances (\"healthy\"), with low confidence.",
    "- *Contribute to community* got the Community Life Survey questions, with low confidence.",
    "",
    ("Other first-run misses, where a library measure fits but another came first: \"safe\" "
     "again (*safety and stability*, *safe from accidental injury*: child protection plans); "
     "\"healthy\" for *mentally and emotionally healthy* and for care leavers' *mental, "
     "emotional and physical health* (A&E); \"age\" in *school-age children attend school* "
     "(Ages and Stages); \"social\" in *social and emotional development* (social work "
     "workforce); the people named taken for the measure (*care leavers have financial "
     "security*: care leavers' EET); *feel better able to cope with their children's "
     "behaviour* read as \"feel better\" (wellbeing scales); *learn empathy* (attainment); "
     "*increased confidence* (carers' self-efficacy)."),
    "",
    ("Fixed after the first run, by general rules rather than per statement: \"develop\" the "
     "verb is not development; \"safe from X\" is decided by X; words naming who an outcome is "
     "about are half evidence; adjectives sharing a noun are not split into parts; phrases for "
     "mental and emotional health, healthy lifestyles, life skills, financial security and "
     "decent homes. Still wrong after them: *safe from crime and antisocial behaviour* gets "
     "first-time entrants (offending, not being a victim), *develop leadership qualities* the "
     "practitioner survey, *develop self-confidence* WEMWBS."),
    "",
    ("The next fixes, tuned on rounds 2 and 3 with every miss classified (all of sense, none a "
     "library gap): words whose sense needs context (confidence, skills, empathy) are half "
     "evidence, so *increased confidence*, *develop leadership qualities and skills* and "
     "*develop self-confidence* now say no close match; crime after \"safe from\" is harm "
     "suffered, not offending; empathy is a parent's (nurturing) only when the words say so; \"community cohesion\", \"healthy relationships\" and \"attend and enjoy "
     "school\" are phrases; \"live\", \"learn\", \"provide\" and \"promote\" are generic "
     "verbs; a list of people (\"parents, carers and families\") is who benefits; a method "
     "clause (\"as reported in parent surveys\") is dropped; a measure made for part of the "
     "ages ranks lower (children's scales for care leavers); the Parental Stress Scale no "
     "longer claims parenting confidence; \"victims\" alone is half evidence (victims of "
     "what?) and a staff-only measure needs staff named or a workforce word. Still a miss: "
     "*victims are protected and supported* (child protection plans; its source meant "
     "domestic abuse, which the statement does not say). Still a top-1 miss: *safety and stability* (child "
     "protection plans before placement stability), *decent homes* (care leavers' EET ties "
     "with housing), *young people in long-term placements return home* (reunification "
     "third)."),
    "",
    ("Round 4 is a set written after those fixes, from sources not used before (HeadStart's "
     "aims and learning, the Youth Investment Fund outcomes, Step Change, Coventry's early help "
     "strategy, Chance UK's theory of change page, Foundations' review of kinship care "
     "programmes, the CARE kinship programme in Scotland), labelled and committed before its one "
     "run. Its first run was the **honest estimate** for statements the tool has not "
     "seen: top-1 0.59, top-3 0.72, well under the issue's bar, and four confident wrong answers, "
     "each listed here:"),
    "",
    ("- *Avoid getting involved in risky behaviour, such as drug use* got drug and alcohol "
     "treatment (\"drug\" decided; preventing use is not treatment)."),
    ("- *A greater understanding and awareness of what resilience is* got Family Star Plus "
     "(\"resilience\" alone, whose?)."),
    ("- *Children and young people develop independent skills which allow them to be fulfilled "
     "and resilient adults* got AAPI-2 (\"adults\" matched its name)."),
    ("- *Children aged 8-14 develop skills which can protect them from risks in the future* got "
     "the Children's Hope Scale (\"future\" read as hope) and exploitation (\"risks\")."),
    "",
    ("Its other misses: *stay mentally healthy* got adult anxiety and depression scales first (the "
     "statement names no one; the source meant 10-16 year olds); *manage stress and worries* K10 "
     "before RCADS; *improve young people's resilience ... do well in school and life* ORS/CORS "
     "and NEET; *decrease risk taking behaviours including offending* exploitation before "
     "first-time entrants; *feel valued, supported and enjoy themselves* service experience "
     "before wellbeing; *families remain together* no match (\"remain together\" is not yet a "
     "phrase for staying at home); *kinship carers' wellbeing* the carer survey first; *reduced "
     "stress for kinship carers* K10 (the Parental Stress Scale is not offered to kinship "
     "carers); *kinship carers' communication and connectedness with their teenager* social "
     "support and loneliness. Mostly sense again, plus statements that name no one."),
    "",
    ("Fixed after its run, by general rules: resilience and risk join the words that are half "
     "evidence (and several such words together are still half), while coping stays a word of "
     "its own; \"risk taking\" and \"risky behaviour\" point to no one measure; \"adult\" "
     "names people, not a measure; \"the future\" alone is not hope; \"remain together\" is "
     "staying at home. Still wrong after them: *risky behaviour, such as drug use* (drug and "
     "alcohol treatment, the one confident wrong answer left), *stay mentally healthy* (adult "
     "scales), kinship carers' stress (K10) and their connectedness with their teenager "
     "(social support)."),
    "",
    ("The next fixes, general rules for those four: when an outcome names no one, a measure "
     "only adults complete about themselves ranks below a children's one with the same "
     "evidence (a children's-services model is most often about children); words after "
     "\"such as\" or \"for example\" are examples, and a measure matched only by them is not "
     "suggested (the change is the risky behaviour, not drug treatment); the Parental Stress "
     "Scale is offered to foster and kinship carers, and a carer's stress with the child they "
     "look after ranks parenting measures first; \"connectedness\" alone is a relationship "
     "with someone named, \"social connectedness\" is having company (loneliness, social "
     "support). Still top-1 misses in round 4: *manage stress and worries* (the Parenting "
     "Stress Index for the stress part: no one named), *feel valued, supported and enjoy "
     "themselves* (service experience first), *kinship carers' wellbeing* (carer survey "
     "first)."),
    "",
    ("Round 5 is a set written after those fixes, from sources not used before (the Care "
     "Leavers' Association's project outcomes, New Horizon Youth Centre's theory of change, "
     "Passion Care's theory of change, the Hampshire Young Carers Alliance evaluation, SCIE on "
     "young carers' breaks, Foundations' and EIF's family group conference pages, Doncaster's "
     "children and young people's plan), labelled and committed before its one run. Its first "
     "run was the **honest estimate** before round 6: top-1 0.62, top-3 0.62, well under the issue's "
     "bar, and six confident wrong answers, each listed here:"),
    "",
    ("- *Care leavers communicate better with CJS staff and explain their history* got "
     "SCORE-15 (\"communicate\" read as family communication)."),
    "- *Care leavers have higher aspirations* got Goal Based Outcomes (aspirations read as goals).",
    ("- *Care leavers receive better support in CJS* and *increase the "
     "voice of care leavers in the leaving care system* got the family experience survey and "
     "the ESQ (a service's users, but not these services)."),
    ("- *Young people will have learned the emotional, financial and practical life skills "
     "necessary to succeed* got household income and the case file audit (\"financial\", "
     "\"practical\")."),
    ("- *Reduce inappropriate and excessive caring roles for young carers* got reunification "
     "and missing from care (\"care\" in \"caring\" read as being in care)."),
    "",
    ("Its other misses: *improved mental and physical health* got A&E attendances and health "
     "checks before any wellbeing scale; a skilled workforce the workforce turnover measure; "
     "*positive relationships with referring and commissioning boroughs* referrals (the partner "
     "survey fits); *young carers feel less stressed* the parenting stress measures (a young "
     "carer is not a parent); *children are kept with their families and out of care* "
     "reunification first (entry to care not in the top three); *families are more resilient "
     "and do not return to services* Family Star Plus before re-referrals. Most are again of "
     "sense (a word read in the wrong domain), and statements about the criminal justice "
     "system or agencies, which the library hardly covers, drew service-experience measures "
     "rather than an honest no close match. Tuned on since by the specific-construct rules "
     "above (the table: 0.94)."),
    "",
    ("Round 6 is a set of 50 statements from sources not used before (a safeguarding children "
     "partnership's priorities, York's SEND sufficiency strategy, the logic model of Public "
     "Health England's speech, language and communication guidance, Devon's children and "
     "families plan and its care leavers' improvement priority, Nottinghamshire's and "
     "Southend's SEND strategies, Bracknell Forest's corporate parenting plan, Kinship "
     "Connected, the youth justice key performance indicators, restorative justice aims, two "
     "domestic abuse strategies and the aims of parenting programmes), chosen to cover the "
     "outcomes local authorities write most, labelled and committed by an engineer who had "
     "not worked on the rules and had not run them on it, then run once. Its first run is now "
     "the **honest estimate**: top-1 0.78, top-3 0.80, no close match 0.32, under the issue's "
     "bar of 0.9, and two confident wrong answers, both about the criminal justice system: "
     "*victim satisfaction: reducing the fear of the victim and ensuring they feel 'paid "
     "back'* got the carer survey, RCADS and the ESQ (\"satisfaction\", \"fear\"), and "
     "*increasing public confidence in the criminal justice system* got first-time entrants "
     "and reoffending."),
    "",
    ("Its other misses, by cause. One word or phrase decided: *the voice of the child in child "
     "protection processes* got child protection plans; *care leavers' assessments are "
     "routinely completed and pathway plan reviews have management oversight* got child in "
     "need assessments (the case file audit fits); *children in the youth justice system with "
     "a mental health need attend an intervention* got first-time entrants and reoffending "
     "(who the children are, not the change); *improved access to early years settings "
     "providing high quality communication support* and *families feel supported and better "
     "able to cope* got the ESQ (\"access\", \"support\"). No close match where a measure "
     "fits (a phrase not yet known): *school non-attendance* for children with SEND "
     "(attendance), *listened to and heard* (family experience, ESQ), *practitioners are "
     "better able to identify children at risk of persistent speech, language and "
     "communication needs* and *a well-trained workforce* (practitioner survey). No library "
     "gap among them."),
    "",
    ("Fixed after its run, as kinds rather than statements, and tested first on a batch of the "
     "team's own statements written and labelled before any fix (batch 6 of the own variants; "
     "its first run 0.36): after \"victim\", \"trust\", \"public\", \"residents\" or "
     "\"confidence\", offending words are about the system's standing or harm suffered, and an "
     "outcome about victims gets no survey of the service's users nor a child's scale; a status "
     "phrase at the start (\"children in the youth justice system with ...\", \"children on "
     "child protection plans\") says who, up to the verb that says what changes; an outcome "
     "about process compliance (recorded, management oversight, plans reviewed, routinely "
     "completed) gets no count from records, the case file audit fits; negated forms "
     "(non-attendance, not in education or employment) are the measure of the thing; being "
     "listened to or heard is one construct; what staff know, can identify, recognise or "
     "understand is what the practitioner survey asks; and a suggestion of lower confidence "
     "never comes before one of higher. Round 6 is tuned on since (the table: 0.94). Still "
     "wrong: *improved access to early years settings ...* and *families feel supported and "
     "better able to cope* (the ESQ first), *the voice of the child in child protection "
     "processes* (the ESQ, before the case file audit)."),
    "",
    ("Round 7 is a set of 50 statements from 18 sources not used before (a youth justice "
     "liaison and diversion outcomes framework and its aims, Hertfordshire's early help "
     "strategy, the Fostering Wellbeing programme, a mental health support team's aims, "
     "Lambeth Early Action Partnership, a young parents' outreach theory of change, Rotherham's "
     "and Buckinghamshire's SEND strategies, Wakefield's social work workforce, a kinship "
     "carers' peer support pilot, Newcastle's and Stoke-on-Trent's pledges to children in "
     "care, Aberdeen's and Rotherham's domestic abuse aims, two neglect strategies), labelled "
     "and committed by an engineer who had not worked on the rules, then run once after round "
     "6's fixes: top-1 0.76, top-3 0.78, no close match 0.32 and no confident wrong answer. "
     "Its 12 misses, by cause. A word read in the wrong sense: *YOS clients who attend full "
     "time education* got attainment; *early detection and prevention of mental health "
     "problems across the whole school* early help step-ups; *families are supported to care "
     "for their children ... live and thrive within a family environment* the parenting "
     "measures (entry to care fits); *improve the recognition and assessment of children ... "
     "living in neglectful situations* assessment timeliness before the Graded Care Profile. "
     "Wrong population: *CYP from triage supported into or in employment* got parental "
     "employment (NEET fits); *improving engagement, knowledge and confidence among carers, "
     "social workers and health and education professionals* staff sickness; *school staff are "
     "better able to support their pupils around mental and emotional wellbeing* WEMWBS (the "
     "staff's own wellbeing). An outcome about a system or a link between services: *stronger "
     "links between schools and mental health services* got mental health crisis contacts; "
     "*high quality, planned transitions between services, settings, and phases* the case file "
     "audit. Near miss: *foster carers feel empowered to become stronger advocates* got carer "
     "efficacy (the carer survey fits); *parents parent in a positive and responsive manner "
     "...* AAPI-2. No close match where a measure fits: *social workers would recommend the "
     "council to other social workers* (practitioner survey). No library gap among them."),
    "",
    ("**The sense audit after round 7.** Before any change, the team wrote and labelled 42 new "
     "statements on the same kinds in every domain (batch 7 of the own variants: social care, "
     "early help, youth justice, schools and SEND, health visiting, CAMHS, police, the voluntary "
     "sector, foster and kinship carers, care leavers, the workforce). Its first run, 0.60 with "
     "one confident wrong answer, was the honest estimate of how general the rules were. Then "
     "every anchor and every word with more than one sense in children's services text was read "
     "for its other senses, and each reading now needs its context. *Care for* and *caring for* "
     "are looking after someone: neither care by the local authority nor parenting; *living "
     "(safely) within their own families* and *rather than in care* are staying at home; *where "
     "it is safe to do so* is a condition, not safety as the outcome. *Prevention*, *early "
     "intervention* and *escalating* alone are half the evidence: prevention of what? The early "
     "help step-ups measure needs the early help service, statutory services, thresholds or a "
     "step up or down named. A measure may need a word of its own construct (the `[needs]` list "
     "in the vocabulary): assessment timeliness needs time named (*recognition and assessment "
     "of neglect* is the Graded Care Profile), the school staff safeguarding survey needs "
     "safeguarding, staff sickness needs sickness. *Attend (full-time) education* is attendance. "
     "Whose outcome it is decides the sense: employment of children or young people is NEET, "
     "not parental employment, and of staff (*confident in working with families*) no outcome; "
     "confidence, skills, knowledge and *better able* of staff or of foster and kinship carers "
     "are their capability in the role, which the practitioner survey or the carers' measures "
     "ask, and what follows (*support pupils' emotional wellbeing*) is not the staff's own "
     "wellbeing. *Would recommend* is the survey of whoever recommends (practitioners, carers, "
     "families). A status phrase naming an agency (*young people in contact with the youth "
     "justice service feel ...*) says who, not whose treatment. Links and transitions were "
     "decided as an evaluator would: *links*, *joint working* or *relationships between* "
     "services are the partner survey, and the services named after them decide nothing; a "
     "*transition* between settings, services or phases has no measure in the library (a "
     "bespoke transition audit or survey fits), so the answer is no close match and the "
     "settings named around it decide nothing. The same batch now scores 1.00 (it was tuned on, "
     "so that is no estimate); the test tables in `tests/test_suggest_senses.py`, new wording "
     "written for the rules, pass. Still wrong in round 7: *foster carers feel empowered to "
     "become stronger advocates* (carer efficacy before the carer survey) and *parents parent "
     "in a positive and responsive manner* (AAPI-2). A further batch written after the audit "
     "(batch 8, 35 statements) scored 0.83 at its first run with two confident wrong answers, "
     "both a word read in another sense: *work placements* offered to care leavers read as "
     "entering care, and *early years settings* being inclusive read as the child's "
     "development. That first run, not the tuned figures, is the honest estimate of the rules on "
     "unseen statements; the fixes that followed it were again by kind (a work placement is not "
     "a placement in care; early years settings are places; spending time is not spending "
     "money; *again* in a clause makes a referral a re-referral; foster carer retention needs "
     "foster or kinship carers named; what a worker or adviser did for someone is their "
     "experience of the service). Batch 9 then read the anchors themselves for their other "
     "senses (0.72 at its first run, three confident wrong answers): *excluded* from activities "
     "or from society is social exclusion, not exclusion from school (what one is excluded from "
     "decides); a parent's *supervision* of a child at home is what the Graded Care Profile "
     "asks, not staff supervision; *stressed about money* and *stable finances* are money; "
     "*missing out on education* is attendance; *parents listen to their children* is how "
     "they parent, not being listened to; *foster carers' own children* are children, not "
     "carers; a people word naming a team (*family safeguarding teams*, *parent groups*) says "
     "nothing of who. Kinship carers may use the household income and parental employment "
     "measures. Batch 10 (0.88 at its first run, two confident wrong answers) was of outcomes "
     "the library mostly cannot measure; what it found: *help* or *support earlier* without "
     "the early help service named is half the evidence, like *early intervention*; "
     "assessment timeliness needs both time and an assessment named, and an autism or ADHD "
     "assessment is a diagnosis, not a social work assessment; a child's views *included* or "
     "*reflected* in their plans is a case file audit; food security is money. Known and left: "
     "*single assessments are completed on time* still got the count of assessments before "
     "their timeliness (fixed after batch 13, see below). Batch 11 "
     "went back to round 7's kinds in longer wording and scored 0.66 at its first run, which "
     "says the staff-for-others kind was not yet general: nurses, midwives, GPs and doctors "
     "were not read as staff; *children's centre staff* and *family hub staff* were read as "
     "children and families; *able to*, *know how to* and *understand* of staff were not read "
     "as what they can do. Fixed by kind, with handovers and moves between schools or services "
     "read as transitions (no close match), the services named before *work together* read as "
     "who works together, *from the youth offending service* read as a status phrase, and "
     "keeping in touch with a worker, or attending one's own conference, no longer read as "
     "family time or a child protection plan. Batch 12's first run, 0.63 with no confident wrong "
     "answer, is the last estimate before the rules froze; its fixes were few and general "
     "(feeling safe is asked, not counted from records; what follows *because of* or *due to* "
     "is the cause, not the change; the EHC plan measure needs SEND or a plan named; staying "
     "in post is turnover; attending a family hub or children's centre is engagement). Across batches 7 to 12, written before their fixes, the first runs "
     "were 0.60, 0.83, 0.72, 0.88, 0.66 and 0.63 (about 0.72 over 208 statements) with 1, 2, 3, "
     "2, 1 and 0 confident wrong answers: the honest expectation for unseen statements is "
     "below the 0.9 the issue asks, with confident wrong answers now rare."),
    "",
    ("Round 8 is a set of 50 statements from 24 pages not used before, in children's social "
     "care, fostering, kinship, adoption, domestic abuse, parental mental health and substance "
     "misuse and the workforce (Staying Close, Pause and its Plymouth outcomes contract, the "
     "Family Drug and Alcohol Court, Sheffield's hidden harm strategy, Cheshire West and "
     "Chester's substance misuse strategy, Telford and Wrekin's fostering priorities, Wirral's "
     "and Warwickshire's social care workforce strategies, Hampshire's MASH, Warwickshire's and "
     "Salford's domestic abuse safe accommodation strategies, Adoption England's strategy, "
     "Southwark's kinship local offer, Leeds Family Valued, the National Centre for Family Hubs, "
     "SCIE's guide on parental mental health, the Reducing Parental Conflict evaluation, the "
     "Safe & Together Model, the NSPCC's reunification framework and its evaluation, "
     "Hartlepool's corporate parenting aims). It was labelled and committed by an engineer who "
     "had not read the rules, then run once on the frozen rules: top-1 0.66, top-3 0.80, no "
     "close match 0.14 and **three confident wrong answers**, so its row in "
     "`tests/test_suggest.py` was a strict expected failure until they were fixed, with a guard "
     "on its first-run floors. The confident wrong answers were guesses where no measure fits: "
     "*women who have had children removed develop a sense of self-worth* got children entering "
     "care (high confidence), *women have an alcohol-free pregnancy* drug and alcohol treatment, "
     "*perpetrators of domestic abuse are held accountable as parents* domestic abuse incidents. "
     "Its other 14 misses, by cause. A status phrase saying who read as the change (the largest "
     "kind): *women have better contact with the children who were removed from their care* got "
     "entry to care (family time fits); *women who enrol onto the Pause programme do not become "
     "subject to further care proceedings* service engagement and early education take-up "
     "before care proceedings; *improve the health and well-being of families where there is "
     "drug and alcohol misuse* drug and alcohol treatment; *adopted children maintain "
     "relationships with their birth families* adoption before family time; *victim-survivors "
     "are supported to return home safely or move into alternative permanent accommodation* "
     "domestic abuse incidents before housing. A phrase read in another sense: *remain with "
     "members of their extended family or friends* got social support (MSPSS) before kinship "
     "care; *screening and referral systems routinely identify and record which adults ... are "
     "parents* the practitioner survey (what staff identify) at low confidence listed before the "
     "case file audit at medium, against the rule that confidence orders the list. Wrong "
     "population or age: *improved mental health and wellbeing of children in workless and "
     "disadvantaged families* got WEMWBS and SWEMWBS (made for 13 and over, 15 and over) and "
     "NEET (*workless*), not a children's scale. No close match where a measure fits: *more "
     "looked after children stay local* (placement distance), *families only have to tell their "
     "story once* and *families can easily access non-judgmental support* (family experience), "
     "*a faster, more co-ordinated and consistent response to safeguarding concerns* (the case "
     "file audit or assessment timeliness; a debatable label, as the library has no measure of "
     "the MASH's own decision times). Near misses or debatable labels: *permanence ... a sense of "
     "security, continuity, commitment, identity and belonging* got placement stability before "
     "adoption; *wishes and feelings are considered when decisions are made about their care* "
     "the ESQ (a CAMHS questionnaire) before family experience. No miss was for want of a "
     "measure where one was labelled; the statements labelled no close match show the gaps "
     "(self-worth, a sense of agency, drinking in pregnancy, conflict between parents, a family's "
     "understanding of a parent's mental illness, perpetrators' accountability). **After "
     "fixes, tuned on** (so no longer held out): 0.80 top-1, 0.90 top-3, no confident wrong "
     "answer, its row a normal floor at the first-run figures. The kinds fixed, each with a "
     "table of the team's own statements in every domain written before its rule "
     "(`tests/test_suggest_who.py`): a relative clause or status phrase after the people named "
     "(\"who have had children removed\", \"where there is drug and alcohol misuse\", "
     "\"affected by\", \"living with\"), \"perpetrators of ...\", \"victim-survivors\" and a "
     "status adjective (\"adopted children\") say who, and only the main predicate is evidence, "
     "unless no main verb follows (\"fewer young people who offend\") or the clause says what "
     "might otherwise happen (\"whose children might otherwise be removed\"); a word before "
     "\"-free\" names what is absent and is half the evidence a suggestion needs; reintegration "
     "into mainstream school is a move between settings; an outcome about children (not young "
     "people) with no age given gets no questionnaire whose youngest respondent is 13 or over; "
     "a compound outcome's list is ordered by confidence too; views or needs *considered when* "
     "plans or decisions are made are practice recorded (the case file audit). Still missed (10): *mental health and "
     "wellbeing of children in workless and disadvantaged families* is now no close match (the "
     "families they live in say who; no children's scale matches *mental health and "
     "wellbeing*), *victim-survivors return home safely* reunification before housing, *the "
     "health and well-being of families* ONS4 first, *remain with members of their extended "
     "family* MSPSS before kinship care, and the no-close-match and debatable rows above."),
    "",
    ("Round 9 is a set of 50 statements from 20 sources not used before (Scotland's vision for "
     "justice for children and young people, Redthread's youth violence intervention programme, "
     "the Southend, Essex and Thurrock exploitation strategy, the Westminster and Kensington and "
     "Chelsea school inclusion strategy, the RSA's *Pinball Kids*, Lincolnshire's and Hammersmith "
     "and Fulham's school attendance strategies, the evaluation of Scotland's Universal Health "
     "Visiting Pathway, Healthy Nottinghamshire's best start priority, Scotland's early child "
     "development programme, Liverpool's children's mental health outcomes, a review of the "
     "whole school approach in mental health support teams, the Framework of Outcomes for Young "
     "People 3.0, Northern Ireland's youth work Engagement Framework, the GIRFEC wellbeing "
     "indicators, Northern Ireland's Children and Young People's Strategy, the Welsh "
     "Government's children and young people's plan and its seven core aims, the National Youth "
     "Work Strategy for Wales 2014-2018, Brent's SEND strategy), labelled and committed by an "
     "engineer who had not read the rules, then run once on the frozen rules (main 17e4a89): "
     "top-1 0.58, top-3 0.60, no close match 0.44 and two confident wrong answers, both outcomes "
     "the library cannot measure: *perpetrators of exploitation are held to account through "
     "enforcement activities* got police-recorded domestic abuse incidents, and *improve "
     "reintegration rates from alternative provision back into mainstream education* got "
     "exclusions. Its 21 top-1 misses, by cause. No close match where a measure fits (9): *at-risk "
     "young people access appropriate support services in a planned way* and *intensity and "
     "commitment of young people's engagement in youth work* (service engagement); "
     "*communities, businesses and workforces are confident and competent in recognising ... "
     "abuse* and *everyone who works with children ... has the knowledge, understanding and "
     "skills to respond effectively to concerns about school attendance* (practitioner survey); "
     "*reduce the proportion of children with developmental concerns at the 27-30 month review* "
     "(ASQ-3); *youth workers' warmth, responsiveness and scaffolding ...* (direct observation "
     "of practice); *children and young people learn and achieve* (attainment); *... feel "
     "mentally and emotionally strong* (SDQ, Stirling, WEMWBS); *... have a good and secure "
     "home to live in* (housing stability). A word read in the wrong sense (6): *speech, "
     "language and communication needs ... taken into consideration when assessing individual "
     "needs* got ASQ-3 (a process outcome: the case file audit fits); *reduce the number of "
     "children and young people being removed from mainstream education as a result of their "
     "behaviour* got children entering care at high confidence (exclusions fits); *positive "
     "and trusting relationships between families and health visitors* the MSPSS (their "
     "experience of the service fits); *Nurtured ... compassion and warmth* AAPI-2; *a safe "
     "home and a community which supports physical and emotional wellbeing* children entering "
     "care; *a stronger relationship between youth work organisations and formal education* "
     "attainment (the partner survey fits). Wrong population (3): *increased awareness, "
     "understanding and engagement by ED staff with young people attending with violence "
     "related injuries, including those related to sexual exploitation* got children assessed "
     "at risk of exploitation (a staff outcome); *reduction in mild to moderate distress*, from "
     "a children's mental health plan that names no one, K10 first (YP-CORE second); *children "
     "and young people live in safety and with stability* placement stability, housing "
     "stability and adoption (measures of children in care, for all children). Guessed where "
     "none fits (2): the confident wrong answers above. Label debatable (1): *increased "
     "identification of children and young people with early indicators of distress and risk* "
     "got YP-CORE, labelled SDQ or no close match, though YP-CORE would screen for distress as "
     "well. No library gap where a measure fits. The first run is below round 7's (0.76) and "
     "within the range of the team's own batches (0.60 to 0.88): the honest estimate on unseen "
     "statements from these domains, with abstention where a measure fits now the largest cause "
     "of misses. Its floors are its first run; the row was a strict expected failure in "
     "`tests/test_suggest.py` for its two confident wrong answers until they were fixed. "
     "Perpetrators held to account read as domestic abuse is also one of round 8's confident "
     "wrong answers, found independently. **After fixes, tuned on** (so no longer held out): "
     "0.68 top-1, 0.70 top-3, no confident wrong answer, with round 8's fixes (below) and two "
     "of its own kinds: being removed from mainstream education, school or lessons is "
     "exclusion, not entering care; a relationship with a worker (*trusting relationships "
     "between families and health visitors*) is the family's experience of the service, not "
     "social support; needs *taken into consideration when assessing* are practice recorded "
     "(the case file audit), for which no count or validated scale is suggested. Abstention "
     "where a measure fits is still the largest cause of its misses."),
    "",
    ("Round 10 is a set of 50 statements from 25 sources not used before, all English local "
     "authority children's services (the youth justice plans of Reading, Bath and North East "
     "Somerset and Hillingdon, Buckinghamshire's corporate parenting pledge, Devon's SEND "
     "strategy 2024-2027, Northumberland's kinship assessment and support team, the national "
     "kinship care strategy, the evaluation of Medway's family hubs, the DfE's *Fostering Better "
     "Outcomes*, Dorset's and Wolverhampton's Families First for Children pathfinders and the "
     "DfE's pathfinder and family network pilot paper, Ealing's social workers in schools, the "
     "LGA's and the DfE's employer standards for social workers, Gloucestershire's social work "
     "academy, a recruitment and retention strategy, *Keep on Caring*, Sheffield's early help "
     "outcomes framework, Hillingdon's safeguarding partnership, the DfE's SEND and alternative "
     "provision improvement plan, a Cheshire West and Chester performance measure, Southampton's "
     "and Trafford's reports on child protection plans, the DfE's fostering recruitment and "
     "retention programme). It was labelled and committed by an engineer who had not read the "
     "rules, then run once on the frozen rules (main 24f1a2c): top-1 0.64 (32 of 50), top-3 0.70, "
     "no close match 0.40 and **no confident wrong answer**: every statement labelled no close "
     "match alone (custody, victims of youth crime, preparation for adulthood, attachment, feeling "
     "safe, the stigma of social work, care leavers' access to health support, early "
     "identification of special educational needs) got no close match. Its 18 top-1 misses, by "
     "cause. No close match where a measure fits (9, the largest kind again): *local children "
     "live crime-free lives* (first-time entrants, reoffending); *foster parents receive the "
     "support and respect they need and deserve* (the carer survey); *families take the lead on "
     "plans ...* (family experience or the case file audit); *fewer days children spend in care* "
     "(children entering care, which counts days in care); *improved relationships between "
     "schools and social care* (the partner survey); *social workers have the practical tools, "
     "resources and organisational environment they need ...* and *staff feel valued, safe, and "
     "confident to communicate concerns ...* (the practitioner survey); *children and young "
     "people are safe, secure and nurtured within their home* (GCP2); *more people who enquire "
     "about fostering go on to apply and become foster carers* (foster carer recruitment). A "
     "word or phrase read in the wrong sense (7): *strengthened participation of children and "
     "families within the youth justice service* got first-time entrants and reoffending (where "
     "the work happens read as what changes); *children in care have a safe home to live in, "
     "where they feel happy and well cared for* placement type and distance, then ONS4 and "
     "Stirling (Bright Spots asks exactly this); *children in care are listened to ... when "
     "decisions are made* and *children in foster care are listened to and involved in decisions "
     "about their lives* the ESQ (a questionnaire on a service's care, the second at high "
     "confidence) and family experience, not Bright Spots or the case file audit; *there are "
     "enough high-quality fostering placements, in the right place* placement stability first "
     "(sufficiency read as stability; placement type and distance second); *more children are "
     "supported to stay with their birth families* family time (contact), not children entering "
     "care; *family networks are given practical and financial support to help them keep "
     "children safe and well at home* split as a compound, with social support (MSPSS) for the "
     "network first and children entering care second. Wrong population (1): *caregivers have "
     "the confidence, skills and knowledge to implement positive parenting strategies*, from an "
     "early help framework about parents, got the Carer Efficacy Questionnaire (for foster and "
     "kinship carers). Debatable label (1): *increase parent/carer satisfaction with the final "
     "SEND Education Health and Care Plan* got the ESQ and family experience at the same score, "
     "labelled family experience only. Guessed where none fits: none. The first run is between "
     "rounds 8 and 9 (0.66, 0.58), close to round 11 on the same frozen rules (0.62), and below "
     "the team's own batches 13 to 20: the honest estimate for unseen statements in these "
     "domains is still about two in three, with the misses now "
     "mostly abstentions and senses of care, support and voice rather than wrong guesses. Not "
     "tuned on: its floors are its first run."),
    "",
    ("Round 11 is a set of 50 statements from 21 sources not used before, on partners' and "
     "other nations' models around children's services (the Families First aims and figures in "
     "Wales, Scotland's *Rights, Respect and Recovery* on families affected by alcohol and "
     "drugs, Place2Be's research programme in Salford schools, a perinatal model in general "
     "practice, the evaluation of a voluntary-sector perinatal support service, Northern "
     "Ireland's Family Support Hubs, Operation Encompass, Home-Start's theory of change, The "
     "Promise's vision statements, Highland's integrated children's services plan, South Wales' "
     "children and young people's police and crime plan, Protect Life 2, Gloucestershire's "
     "children's mental health transformation plan, Football Beyond Borders, the refocused "
     "school nurse role in Scotland, the Healthy Child Wales Programme, the Welsh whole-school "
     "approach framework, Northern Ireland's emotional health and wellbeing framework, the "
     "Maternal Mental Health Alliance on health visiting), labelled with the measures an "
     "evaluator would accept and who benefits, committed before any run by an engineer who had "
     "not read the rules, then run once on the frozen rules (main 24f1a2c): top-1 0.62 (31 of "
     "50), top-3 0.66, no close match 0.42 and **six confident wrong answers**, so its row in "
     "`tests/test_suggest.py` was a strict expected failure until they were fixed (see *A change "
     "the library has no measure for*; its floors stay at the first run). "
     "Its 19 top-1 misses, by cause. Guessed where none fits (6, the confident wrong answers): "
     "*children, young people and families, in or at risk of poverty, achieve their potential* "
     "got household income and *positive attachment between mothers with perinatal mental health "
     "problems and their child* the EPDS (the who-part read as what changes); *reduced stigma "
     "and secrecy that may lead eventually to a more open discussion of domestic violence* "
     "police-recorded domestic abuse incidents; *children feel secure in talking about domestic "
     "violence to a trusted adult in school* the MSPSS (round 9's label accepted the MSPSS for a "
     "trusted adult in school, but this outcome is about disclosure at school, for children of 4 "
     "to 16); *where living with their family is not possible, children stay with their brothers "
     "and sisters where safe to do so* entry to care for the condition, read as a part, and "
     "family time (contact) for siblings placed together; *improved identification of and "
     "response to suicidal behaviour* A&E attendances, crisis contacts and the SDQ (identifying "
     "and responding is practice, not the behaviour). A word or phrase read in the wrong sense "
     "(8): *working age people in low income families gain, and progress within, employment* "
     "split at \"gain, and\", household income first (employment second); *families are "
     "confident, nurturing, resilient and safe* AAPI-2; *children and young people affected by "
     "violence, crime or difficult circumstances at home get timely, trauma-informed support* "
     "the MSPSS and kinship care (support read as social support); *early and improved "
     "identification of pupils' health and wellbeing needs* wellbeing scales at low confidence "
     "(the SDQ third); *increased problem identification and referrals in specific developmental "
     "areas* referrals to children's social care (these are health visitors' referrals to speech "
     "and language and other services); *children and young people form positive relationships "
     "with staff and other learners* the family experience survey; *shorter waiting times and "
     "better experiences while waiting for emotional health and wellbeing services* SWEMWBS (the "
     "service's name read as the outcome); *health visitors assess the mental health and "
     "wellbeing of women and their families at each contact* WEMWBS and SWEMWBS (a practice "
     "outcome: the case file audit or fidelity log fits). No close match where a measure fits "
     "(5): *parental behaviour becomes more adaptive and child behaviour improves* (SDQ for the "
     "child's part); *the number of moves that children experience is limited and carers are "
     "supported to continue to care* (placement stability, foster carer retention); *care "
     "experienced children and young people have access to support ensuring that their health "
     "needs are fully met* (health checks of looked-after children); *at-risk students finish "
     "the year still in school* (exclusions); *more children up to the age of 7 have regular "
     "contact with health professionals* (service engagement). No miss was for want of a measure "
     "where one was labelled, and none was a wrong population. The gaps the labels show: "
     "parent-infant attachment, parenting self-efficacy of birth parents, trust in the police, "
     "waiting times, stigma, co-production, siblings placed together. The first run is in the "
     "range of rounds 8 and 9 (0.66 and 0.58) and of the team's own batches (0.60 to 0.88); as "
     "there, the who-part of a statement and words in a service's or an activity's name still "
     "decide several answers, and the wrong guesses are back (6, against 3 and 2)."),
    "",
    ("Round 12 is a set of 50 statements from 27 pages of English local authorities' "
     "children's services strategies and plans not used before (Nottingham City's early years "
     "speech, language and communication aims, Central Bedfordshire's and Croydon's SEND "
     "strategies, Liverpool's and Hampshire and the Isle of Wight's neglect strategies, "
     "Staffordshire's children, young people and families strategy and its early help strategy, "
     "Gateshead's account of its children's services, early help strategy and health and "
     "wellbeing strategy, North Tyneside's prevention and early help strategy, Sandwell's "
     "corporate parenting strategy, Wirral's and West Sussex's strategies for children looked "
     "after and care leavers, Gloucestershire's and Buckinghamshire's youth justice plans, "
     "Herefordshire's and the New Forest's domestic abuse strategies, the workforce strategies "
     "of Slough, Wiltshire and Dudley, Cumberland's fostering sufficiency strategy, Rotherham's "
     "kinship local offer, Devon's child exploitation strategy for 2025 to 2028), labelled with "
     "the measures an evaluator would accept and who benefits, committed before any run by an "
     "engineer who had not read the rules, then run once on the frozen rules (main e7b355d): "
     "top-1 0.78 (39 of 50), top-3 0.82 (41), no close match 0.36 and **one confident wrong "
     "answer**, so its row in `tests/test_suggest.py` was a strict expected failure until it "
     "was fixed (tuned on since; its floors stay at the first run). Ten of the eleven statements labelled no close match alone got "
     "no close match (custody, autism diagnosis waits, a speech and language therapist in good "
     "time, SEND outcomes of safety, belonging, independence and influence, life skills for "
     "children in care, perpetrators of exploitation disrupted). Its 11 top-1 misses, by cause. "
     "Guessed where none fits (1, the confident wrong answer): *parents are confident, positive "
     "and resilient in their parenting* got PSI-4, AAPI-2 and the Parental Stress Scale "
     "(confidence in parenting is not parenting stress; the library has no parenting "
     "self-efficacy measure for birth parents, the gap round 11 found). A word or phrase read in "
     "the wrong sense (5): *an increase in participation in free early years entitlement "
     "places* got ASQ-3 and the EYFSP for \"early years\" and household income for "
     "\"entitlement\", with take-up of funded early education not in the top three; *there are "
     "enough people to look after children in care in suitable homes* PSI-4 and the Parental "
     "Stress Scale (looking after children read as parenting; labelled foster carer recruitment "
     "and retention or no close match); *children and young people at risk of or who have "
     "experienced exploitation receive timely and effective support* children assessed at risk "
     "of exploitation (the who-part read as what changes; labelled no close match or service "
     "engagement); *families are supported by their friends and communities to manage "
     "day-to-day challenges* ONS loneliness first, the MSPSS second; *Gateshead is a good place "
     "to work, where staff are supported by managers and councillors* the two burnout "
     "inventories tied ahead of the practitioner survey. Wrong population (1): *children in "
     "care and care leavers are happy and healthy all the way through their childhood and into "
     "adult life* ONS4, SWEMWBS and WEMWBS (scales from 10, 15 and 13 years, for children of "
     "every age), where Bright Spots fits. No close match where a measure fits (3): *children "
     "who are looked after don't have to move that often* (placement stability); *anyone who "
     "comes into contact with children and young people is able to recognise and respond to "
     "cases where a child may be at risk of neglect* (the practitioner or school staff "
     "survey); *kinship carers receive timely, needs-led support* (the carer survey). Debatable "
     "label (1): *foster families in a Mockingbird constellation get peer support and guidance "
     "from a hub carer and each other* got the MSPSS, labelled the carer survey only, though a "
     "perceived-support scale would show peer support too. The first run is above the first "
     "runs of rounds 10 and 11 (0.64, 0.62, on the rules before they were tuned on those rounds; "
     "0.84 for each since) and within the range of the team's own batches 13 to 20 (0.74 to "
     "0.96), the best "
     "first run on published statements since round 6 (0.78, the same); statements in plain "
     "local authority wording fare better than partners' and other nations' ones, and the "
     "parenting scales are still the guess when a parent's confidence is what changes. Not "
     "tuned on: its floors are its first run."),
    "",
    ("Round 13 is a set of 50 statements from 21 sources not used before, on partner-led and "
     "devolved-nation models (the theory of change of the Wales Without Violence framework, "
     "Northern Ireland's Sure Start policy outcomes, the NSPCC's Domestic Abuse, Recovering "
     "Together in NHS Scotland's early intervention framework and its evaluation, Brightside's "
     "mentoring theory of change, the evaluation of MCR Pathways' mentoring for care-experienced "
     "pupils, a Gwent speech, language and communication project and the RCSLT on *Talk With "
     "Me*, the Scottish Attainment Challenge logic model, the Whole Family Wellbeing Funding "
     "logic model and its evaluation, Home Link Family Support, Northern Ireland's Youth "
     "Engagement Clinics, an Assembly debate on health visitors' reviews, Flying Start's "
     "linked-data outcomes, the Northern Ireland Audit Office on pupil attendance, Women's Aid "
     "NI, Scotland's school-age childcare Early Adopter Communities, a Hospital Navigator scheme, "
     "Mentors in Violence Prevention in Scottish high schools, the Welsh *Mind over Matter* "
     "recommendations), labelled with the measures an evaluator would accept and who benefits, "
     "committed before any run by an engineer who had not read the rules, then run once on the "
     "frozen rules (main e7b355d): top-1 0.72 (36 of 50), top-3 0.76, no close match 0.52 and "
     "**three confident wrong answers**, so its row in `tests/test_suggest.py` was a strict "
     "expected failure until they were fixed (tuned on since; its floors stay at the first "
     "run). Its 14 top-1 misses, by cause. "
     "Guessed where none fits (3, the confident wrong answers): *improve the mother-child "
     "relationship after domestic abuse* and *children and young people recover from the "
     "negative impacts of domestic abuse and make positive choices in their lives* got "
     "police-recorded domestic abuse incidents (the harm named as context read as what changes: "
     "recovering from a harm, or a relationship after it, is not its incidents; round 11's fix "
     "for talking about or the stigma of a harm does not reach these words); *schools refer "
     "pupils with high levels of non-attendance to the Education Welfare Service* got referrals "
     "to children's social care, school attendance second (a school's practice, and a referral "
     "to another service). A word read in the wrong sense where no close match or a measure "
     "were both labelled (3, so not counted as confident wrong): *families can provide nurturing "
     "caregiving environments* AAPI-2 on 'nurturing'; *enhanced parenting skills* AAPI-2 at high "
     "confidence, then PSI-4 and the Parental Stress Scale (an abuse-risk inventory and stress "
     "scales for a skills outcome); *children, young people and families trust practitioners "
     "and the process to engage in service design* service engagement ('engage in service' "
     "read as take-up; their experience of the service fits). The right measure second (2): "
     "*early identification of developmental delay* the EYFSP first (a reception-year profile, "
     "for a programme for children under four), ASQ-3 second; *young people have hope: they set "
     "specific goals ...* Goal Based Outcomes first on 'set specific goals', the Children's Hope "
     "Scale second. No close match where a measure fits (6), four of them staff outcomes: "
     "*health visiting and family support staff are more confident to deliver high quality "
     "support to families around speech, language and communication* (practitioner survey), "
     "*all practitioners engage in professional learning with a focus on equity ...* and "
     "*everyone who works with children and young people is trained in emotional and mental "
     "health awareness* (output count, practitioner survey), *those working with families "
     "understand the traumatic impact domestic abuse can have on the lives of children and "
     "young people* (practitioner survey, school staff survey); *fewer pupils miss more than 15 "
     "per cent of their lessons* (persistent absence in other words: school attendance); *young "
     "people supported by the Hospital Navigator scheme do not reattend the Emergency "
     "Department* (A&E attendances). None was a wrong population. The gaps the labels show: the "
     "parent-child relationship, self-esteem, parenting skills and parents' confidence, growth "
     "mindset and coping, staying on at school, waiting lists (again), time to a court "
     "disposal, low birth weight, bystander attitudes to gender-based violence. The first run is "
     "above rounds 8 to 11 (0.58 to 0.66) and within the range of the team's own batches; 20 of "
     "its 36 right answers are an honest no close match (16 statements were labelled no close "
     "match alone), so it says more about abstaining than about finding the measure that fits, "
     "where staff outcomes worded as training, learning or understanding still get nothing."),
    "",
    ("Round 14 is a set of 50 statements from 23 pages of English local authorities' "
     "children's services plans, strategies, reports and evaluations not used before "
     "(Wakefield's children and young people's plan 2022-25, Torbay's pledge to cared for "
     "children and its corporate parenting strategy 2025/28, Cornwall's SEND strategy, the "
     "APSE's account of Cheshire West and Chester's edge of care service, Salford's infant "
     "feeding strategy, Kensington and Chelsea's and Westminster's perinatal mental health and "
     "infant feeding frameworks, Ofsted's and the CQC's thematic review of Start for Life "
     "services, the Pan-Dorset neglect strategy, Buckinghamshire's strategy for children looked "
     "after and placement sufficiency, Central Bedfordshire's and North Tyneside's domestic "
     "abuse strategies, the fostering reports of Coventry, Leicester and Central Bedfordshire, "
     "Suffolk's youth justice plan, Surrey's scrutiny of its social care workforce and foster "
     "carer recruitment and its youth justice strategic plan, Bracknell Forest's social work "
     "retention incentives, Lambeth's vision for children's social care), labelled with the "
     "measures an evaluator would accept and who benefits, committed before any run by an "
     "engineer who had not read the rules, then run once on the frozen rules (main fa47236): "
     "top-1 0.66 (33 of 50), top-3 0.66, no close match 0.36 and six confident wrong answers as "
     "labelled. One of the six, *brothers and sisters in care are placed together*, was labelled "
     "no close match when the library had no such measure; the measure of brothers and sisters "
     "placed together was added before the freeze and is exactly that change, so the label now "
     "accepts it, as earlier sets' labels were extended: top-1 0.68 (34), top-3 0.68 and **five "
     "confident wrong answers**, so its row in `tests/test_suggest.py` is a strict expected "
     "failure, with a guard on its first-run floors. The top three never rescued a miss. Its 16 "
     "top-1 misses, by cause. Guessed where none fits (5, the confident wrong answers): "
     "*children and young people feel safe and are not subjected to harassment, neglect, or "
     "abuse - both online and in person* got GCP2 (neglect in a list of harms read as the "
     "change; GCP2 is a practitioner's assessment of one family's care); *more entry-level job "
     "opportunities within the district* parental employment (jobs on offer are not people in "
     "work, and these are young people's jobs); *most children and young people with SEND are "
     "included in their local early years settings, schools and colleges* NEET ('colleges' read "
     "as staying in education at 16-17); *domestic abuse victims return to life as normal, with "
     "their health, emotional, economic and social needs supported* police-recorded domestic "
     "abuse incidents (the harm named as context read as what changes, the kind round 13 found, "
     "here with 'victims'); *fewer serious violence offences are committed by children* "
     "first-time entrants and reoffending tied (offences by all children are neither entry nor "
     "reoffending). A word or phrase read in the wrong sense (6): *cared for children and young "
     "people stay in their preferred school or college* and *children in the youth justice "
     "service remain at, or return to, school or college* NEET (school moves are in placement "
     "stability; staying in school is attendance and exclusions); *the achievement gap between "
     "children and young people with SEND and their peers narrows* ONS loneliness, the SDQ and "
     "the MSPSS ('peers' read as friendships; attainment fits); *the living arrangement "
     "(placement) of each cared for child is safe and meets their needs* GCP2 and entry to care "
     "('safe' read as safeguarding at home; Bright Spots asks whether children feel safe and "
     "settled); *children looked after live with foster carers within a 20-mile radius of the "
     "city, so they keep their family networks and local schools* the MSPSS, Bright Spots and "
     "kinship care (the reason read as the change; placement distance fits); *cared for "
     "children and young people get regular health check-ups and access to services for their "
     "physical and mental health* RCADS, YP-CORE and the SDQ at low confidence (the services' "
     "field read as the change; health checks of looked-after children fit). Wrong measure for "
     "the people (1): *cared for children and young people are listened to and involved in "
     "decisions* the family experience survey at high confidence (labelled Bright Spots or the "
     "case file audit, as in round 10). Debatable label (1): *children in our care enjoy good "
     "relationships with their peers* got the MSPSS, ONS loneliness and the SDQ, labelled "
     "Bright Spots or no close match, though the MSPSS's friends items touch it. No close match "
     "where a measure fits (3): *children supported by the Edge of Care service remain with their "
     "families and avoid entering the care system* (children entering care); *increased "
     "capacity and resilience of the council's own mainstream fostering households* (foster "
     "carer recruitment and retention, the carer survey); *foster carers feel valued and "
     "regarded as working in partnership with the service* (the carer survey). None was for want "
     "of a library measure where one was labelled. The gaps the labels show: feeling safe in the "
     "community, hate incidents, aspirations, local jobs, inclusion in mainstream settings, "
     "early identification, breastfeeding and weaning, stigma (again), parents' confidence in "
     "feeding, healthy relationships, recovery from domestic abuse, police detention, serious "
     "violence by children, resilience and self-worth. The first run is below the first runs of "
     "rounds 12 and 13 (0.78, 0.72), although the rules have been tuned on those rounds since, "
     "and within the range of rounds 8 to 11 (0.58 to 0.66): "
     "statements from councils' pledges, reports and news pages word the change in their own "
     "terms (school or college, peers, family networks, check-ups), and the guesses come back "
     "when a harm, a service's field or a place is named beside the change."),
    "",
    ("Round 15 is a set of 50 statements from 19 sources not used before, on partner-led and "
     "devolved-nation outcomes frameworks, theories of change and evaluations (YouthLink "
     "Scotland's seven youth work outcomes, the outcomes of Scotland's children and young "
     "people's community mental health and wellbeing framework, Barnardo's strategic partnership "
     "with Newport and its mental health and wellbeing programme, the evaluation of Support from "
     "the Start in East Lothian, intandem mentoring for children looked after at home, Early "
     "Action Together (police and public health in Wales), the Violence Prevention Framework for "
     "Scotland, the Healthy Child Wales operating model for school-aged children, Wales' national "
     "attendance taskforce, *Included, Engaged and Involved* part 2, Northern Ireland's Early "
     "Intervention Support Service, Barnardo's Families Together in Monmouthshire, Cedar, "
     "Bookbug), labelled with the measures an evaluator would accept and who benefits, committed "
     "before any run by an engineer who had not read the rules, then run once on the frozen rules "
     "(main fa47236): top-1 0.78 (39 of 50), top-3 0.84, no close match 0.36 and **three "
     "confident wrong answers**, so its row in `tests/test_suggest.py` is a strict expected "
     "failure, with a guard on its first-run floors. Its 11 top-1 misses, by cause. Guessed "
     "where none fits (3, the confident wrong answers): *breaking the generational cycle of "
     "crime* got first-time entrants and reoffending on 'crime' alone; *all children and young "
     "people are Included, Engaged and Involved in their education* got attainment on "
     "'education' (a slogan of three states, as in rounds 12 and 13, but capitalised and with "
     "'in their education' after it); *infant mental health and parent-infant relationships are "
     "supported in the first 1001 days* got the Postpartum Bonding Questionnaire at high "
     "confidence, a measure added to the library after the labels were committed: it measures a "
     "mother's bond with her baby in the first months, so an evaluator would likely accept it for "
     "the relationship part (the labels were left as committed; with it accepted the run would "
     "be 0.80 and two confident wrong answers). A word or phrase read in the wrong sense (3): "
     "*improving parenting skills and, through this, outcomes for children and families* "
     "AAPI-2 at high confidence, then PSI-4 and the Parental Stress Scale (round 13's *enhanced "
     "parenting skills* again; the service itself assesses with Outcomes Stars, and Family Star "
     "Plus is not in the top three); *children and young people learn how to manage their "
     "emotions and their actions in response to domestic abuse* police-recorded domestic abuse "
     "incidents (the harm named as context read as what changes, the kind round 13's fix "
     "covered for *after* and *recover from*, not for *in response to*); *the partnership's work "
     "with families reduces escalations in social care status* the partner survey on "
     "'partnership's work' (the means read as the change; escalation in social care status is "
     "step-ups, plans or entry to care). Wrong nation or population (2): *children are more ready "
     "for school*, from a Scottish pre-school programme, got England's reception-year EYFSP "
     "(ASQ-3 labelled); *a workforce with the capacity and capability to deal with changes in "
     "demand, through improved training, recruitment and support for staff* (the police's) was "
     "split into parts and got the social work workforce measure first on 'recruitment', the "
     "practitioner survey second. No close match where a measure fits (1): *reduce the number of "
     "babies, children and young people requiring Tier 3 or 4 mental health support* (use of "
     "specialist mental health services). Debatable labels (2): *young people are confident, "
     "resilient and optimistic for the future* got WEMWBS, whose items ask about feeling "
     "confident and optimistic, with the Children's Hope Scale (labelled) second; *improving the "
     "health and wellbeing of school aged children ...* got ONS4 (from age 10), Stirling "
     "(labelled) second. The first run equals the best first runs on published statements "
     "(rounds 6 and 12, 0.78); 17 of its 39 right answers are an honest no close "
     "match (16 statements were labelled no close match alone, 13 of them got it), and the "
     "youth work, confidence, self-esteem, friendship and home-learning outcomes with no library "
     "measure were left alone. The gaps the labels show: confidence and self-esteem (again), "
     "the parent-child relationship (again), decision-making and voice, knowledge of domestic "
     "abuse and of safety planning, reading at home, volunteers' skills."),
    "",
    ("**Framework wording (batches 13 to 15).** Published statements copy the headline outcomes "
     "of national frameworks, so the next batches were written in that wording rather than case "
     "by case: the ten headline outcomes of the Supporting Families Outcome Framework (DLUHC, "
     "2022), the four outcomes and three enablers of the Children's Social Care National "
     "Framework (DfE, 2023), GIRFEC's SHANARRI indicators and their descriptions (Scottish "
     "Government), Wales' seven core aims, Northern Ireland's eight outcomes (Children and Young "
     "People's Strategy 2020-2030), Best Start for Life and Family Hubs, Keep on Caring, "
     "Preparing for Adulthood, the Healthy Child Programme's high impact areas, the youth "
     "justice indicators, The Promise, Every Child Matters, and the terms of the three other "
     "nations. Each batch was written and labelled before its one run; the first runs, 0.79, "
     "0.78 and 0.76 (1, 3 and 2 confident wrong answers), are the honest estimate for unseen "
     "statements in that wording. What they found, fixed by kind: *learn and achieve*, *achieve "
     "at school*, *enjoy and achieve*, literacy and numeracy are attainment; the review at two "
     "to two and a half years or at 27-30 months, developmental concerns and *healthy two year "
     "olds* are the ASQ-3; *safe outside the home* is extra-familial harm; economic well-being "
     "and relative or child poverty are money; perinatal and maternal mental health is the EPDS; "
     "*stability* alone names neither a placement nor a home (placement stability and adoption "
     "need care named, housing stability a home, house or homelessness); a time named makes "
     "assessments timeliness, not their number (so *single assessments are completed on time* "
     "now passes); primary and secondary school give the ages, and an adult-only scale ranks "
     "further below a children's one when no one is named (*mild to moderate distress*); feeling "
     "safe in one's home is a feeling, not staying out of care; *mainstream school* alone is a "
     "setting, not exclusion; returning home after going missing is not reunification; knife "
     "crime, serious violence, the Children's Reporter, Children's Hearings and compulsory "
     "supervision orders point to no library measure; the child protection register and "
     "re-registration are child protection plans; Families First and Family Support Hubs are "
     "early help. A measure may now name words that rule it out (`[unless]` in the vocabulary: "
     "the count of assessments when a time is named). Tables of further new wording are in "
     "`tests/test_suggest_frameworks.py`. Still missed: an outcome's who-clause can leave no "
     "evidence (*parents with learning disabilities keep their children at home*: the parents "
     "are who benefits, and entry to care is not a measure for parents); *supported through* or "
     "*by* a named service is read as the means, so *families are supported through Team Around "
     "the Family* says no close match; *stability* for care leavers still gets placement "
     "stability. Batches 16 (everyday wording) and 17 (voluntary-sector and youth theories of "
     "change) followed, with first runs of 0.86 and 0.90: *attend* with no object but how "
     "often, of pupils, is school attendance (the who-part names what they attend); a plan for a "
     "second time is a repeat plan; waits for mental health services are not crisis contacts; "
     "the labour market is employment; managing money is money; pride in one's area is "
     "belonging. Over batches 13 to 17, written before their fixes, the first runs average 0.82 "
     "(217 of 266) with 7 confident wrong answers: better than batches 7 to 12 (0.72), still "
     "under the 0.9 the issue asks. Batches 18 (whose outcome it is) and 19 (who-clauses) "
     "followed, at 0.80 and 0.74: a foster or kinship carer's stress is of the caring role "
     "(the Parental Stress Scale first); adopters and birth parents named first are who the "
     "outcome is about, not adoptions or family time; confidence in something (*adopters feel "
     "confident parenting*) is not that thing, so no parenting stress scale; a slogan of three "
     "or more states (*safe, healthy and happy*; GIRFEC's eight indicators in a row) is no one "
     "change, so no close match; a safe home for a family is housing, a stable home for a "
     "child in care a placement (the Graded Care Profile is not for children in care); when a "
     "who-clause names a harm and the main clause says only that the people are safe, "
     "protected or found (*victims of domestic abuse are safer*, *children who go missing from "
     "care are found quickly*), the harm is read back as what changes, and people *who offend* "
     "who stop offending are reoffending. Over batches 13 to 19 the first runs average 0.81 "
     "(261 of 323) with 10 confident wrong answers. Probes of the team's own, not scored, found "
     "more of the same kinds, fixed the same way: secure accommodation and youth detention are "
     "custody, not housing; the youth justice system says ages 10 to 17 (no early years tool); "
     "appeals to the SEND tribunal are not plans on time; a wait for a service is neither "
     "development nor crisis contacts; a referral to CAMHS is not one to children's social "
     "care; a pre-birth assessment is social care's, not a mother's mood; a speech or language "
     "delay is development, and two year olds are toddlers, not a plan's two years; crime "
     "*against* people is harm suffered, not offending; GIRFEC's *help to overcome social, "
     "educational, physical and economic inequalities* and *a nurturing place to live* are "
     "broad aims with no one measure; children who are home educated are not in a children's "
     "home; attendance of pupils with SEND and part-time timetables are school attendance; "
     "care-experienced young people at university are care leavers in education. Batch 20, "
     "written after all of these, scored 0.96 at its first run (22 of 23), but 15 of its 22 "
     "right answers were an honest no close match: it says the rules abstain honestly, less "
     "whether they find the measure that fits."),
    "",
    ("Round 1's misses, classified before tuning: wrong sense or phrase (7: \"long-term\" read "
     "as a plan's duration, \"engagement in education\", \"emotional health and wellbeing\" "
     "split in two, \"supportive relationships\" and \"networks\" as family functioning), "
     "compound outcomes split wrongly (3: a list after \"between\", \"to make and sustain\", "
     "\"stable and supportive networks\"), should abstain (1: \"identity and belonging\"). No "
     "library gap and no beneficiary or age filter error among them."),
    "",
    ("No close match is said below a shown score of 0.5 (scores of 0.5 to 0.6 show as low "
     "confidence): on the tuning sets no accepted top suggestion scored below 0.59. Nothing here "
     "is a semantic model: every suggestion is explained by the words and phrases it matched (a "
     "curated synonym and phrase vocabulary per domain). The misses above are of sense (which "
     "reading of \"safe\", \"develop\" or \"healthy\" is meant), where a semantic model "
     "might help if it fits the 2-second budget for 1,000 outcomes and keeps the reasons. None "
     "fits today: the embedding packages on the package registry (fastembed, model2vec, "
     "sentence-transformers) download their weights from a model hub at run time, which the "
     "project's machines and CI cannot reach, and the registry's re-uploads of small spaCy "
     "pipelines are unofficial and carry no useful word vectors."),
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
     "similar people who do not, or, with no reach stated, contribution analysis. Fewer than 6 "
     "schools, areas or teams, or fewer "
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
]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def library_markdown(library: MeasureLibrary | None = None) -> str:
    """The measures library as Markdown: a summary table per kind, then one entry per measure."""
    lib = load_library() if library is None else library
    out = [
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
        *HOW_SUGGESTIONS_WORK,
        *EVALUATION,
        *DESIGN_EVIDENCE,
    ]
    for kind in KINDS:
        rows = [m for m in lib if m.kind == kind]
        if not rows:
            continue
        out += [f"## {kind.capitalize()} measures", "",
                "| key | name | domains | respondent | ages | licence | data source |",
                "|---|---|---|---|---|---|---|"]
        for m in rows:
            out.append(
                f"| `{m.key}` | {_cell(m.name)} | {', '.join(m.domains)} | "
                f"{', '.join(m.respondent)} | {m.age_range or 'any'} | {m.licence} | "
                f"{_cell(m.data_source)} |"
            )
        out.append("")
    out += ["## Details", ""]
    for m in lib:
        out += [
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
        out.append("")
    out += _outside_england(lib)
    flagged = [m for m in lib if m.maintainer_notes]
    nations = [ns for ns in nation_sources().values() if ns.maintainer_notes and ns.key in lib]
    if flagged or nations:
        out += ["## For the library's maintainers", "",
                ("Facts that could not be verified, and where figures came from. Not shown in "
                 "the plan or the report."), ""]
        out += [f"- `{m.key}`: {_cell(m.maintainer_notes)}" for m in flagged]
        out += [f"- `{ns.key}` in {ns.nation}: {_cell(ns.maintainer_notes)}" for ns in nations]
        out.append("")
    return "\n".join(out)


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
