"""Batch X of session 7's wording round (issue 14): new wording of the kinds the last held-out
cycle missed, written before the rules changed, across agencies and the four nations; tuned on.
Batch Y (test_checks_wording_s7_y.py) was written at the same time and run once after tuning.

Kinds: (1) an output worded as an outcome: the main verb says a service action happened (attended,
completed, carried out, held, delivered, took part), or the subject is a service, a meeting or a
document; (2) a compound: two changes each measurable on its own, joined by "and" or "both",
including two people's changes; and, beside each, statements sharing their words that must stay
quiet (attending school is a change; one construct named twice is one change)."""

from __future__ import annotations

import pytest

from .test_checks_wording_kinds import codes

OUTPUTS_X = [
    "Foster carers attend the therapeutic parenting course",             # fostering
    "Parents have attended all twelve Incredible Years sessions",        # parenting (Wales)
    "Care leavers complete the independent living skills course",       # leaving care
    "Home visits carried out within five working days of referral",     # early help
    "Child protection visits undertaken every ten working days",        # social care
    "Return home interviews conducted within 72 hours",                 # missing children
    "Core group meetings held every four weeks",                        # child protection
    "Police, health and education attend every strategy discussion",    # safeguarding partners
    "Sessions delivered in every secondary school in the county",       # schools
    "Family group conferences convened before care proceedings",        # edge of care
    "Health visitors complete the new birth visit for every family",   # health visiting
    "Youth justice workers attend referral order panels",               # youth justice
    "Parents took part in the evening workshops",                       # family hubs
    "Pupils take part in weekly nurture group sessions",                # schools (NI)
    "Training delivered to every designated safeguarding lead",         # education
    "Named persons attend the child's planning meeting",                # Scotland (GIRFEC)
    "Volunteers complete their induction before matching",              # voluntary sector
    "Annual health assessments carried out on time",                    # health (looked after)
]
# written after the first landing of this round (tuned on): a share or a dose before the event, a
# name with 'of' or 'to' in it, more verbs of carrying out
OUTPUTS_X += [
    "Young people attended at least 75% of sessions",
    "Parents engaged in all eight weeks of the course",
    "Every school has taken part in the Operation Encompass briefing",
    "Carers completed the Skills to Foster training",
    "Children's panel hearings arranged within 28 days",
    "Education, health and care needs assessments finished within 20 weeks",
    "Staff complete the Signs of Safety training",
    "More foster carers attend the training",              # a count of people taking part
    "More families take up the offer and finish the course",
]
NOT_OUTPUTS_X = [
    "Young people take responsibility for their actions",
    "Young people finish school with qualifications",
    "Young people have completed their AQA unit awards",
    "Dads attend antenatal appointments with their partners",
    "Parents complete their drug treatment programme",     # treatment completion is an outcome
    "Fewer families attend the crisis clinic",
    "Improved wellbeing of parents who attend the course",
    "Young people attend school more regularly",
    "Children attend nursery regularly",
    "Care leavers complete their college course",
    "Young people complete their education",
    "Children take part in decisions about their care",
    "Parents take part in their child's learning at home",
    "Fewer children missing from home",
    "Young people hold down a job for six months",
]
COMPOUNDS_X = [
    "Friendships and grades improve",
    "Sleep and school attendance improve",
    "Reading and behaviour improve in class",
    "Self-esteem and attendance increase",
    "Parents' mental health and children's school attendance improve",
    "Carers feel better supported and children's placements last longer",
    "Fathers are more involved and mothers feel less alone",
    "Housing and debt problems both reduce",
    "Fewer arrests and more young people in training",
    "Less time off school and more time with friends",
    "Confidence and school attendance grow",
]
# written after the first landing (tuned on)
COMPOUNDS_X += [
    "Parents' drinking and domestic abuse decrease",
    "Mums feel more confident and babies sleep better",
    "Less shouting at home and more praise",
    "Family income and housing stability improve",
    "Children are safe and happy",         # held out 16's evaluator: two different things
    "Young people feel happy and safe at home",
    "Young people have fewer arrests and more time in education",
    "Young people feel safer and in more control",               # after the fixes of cycle A
    "Less aggression and bullying in class",
]
NOT_COMPOUNDS_X = [
    "Drug and alcohol use reduce",
    "Anxiety and depression symptoms reduce",
    "Persistent and severe absence falls",
    "Parents and teachers both report better behaviour",
    "Less frequent and less intense conflict between parents",
    "Social workers spend more time with children and less on paperwork",
    "Children get support sooner and with less waiting",
    "Less aggression and violence",
    "Partners share information better and work more closely together",
    "Health and wellbeing improve",
    "Children's speech and language improve",
    "Children's speech, language and communication improve",
    "Emotional and behavioural difficulties reduce",
    "Fewer young people not in education, employment or training",
    "Parents and children feel safer at home",
    "Children's social and emotional development improves",
    "Mothers and babies bond well",
]


@pytest.mark.parametrize("text", OUTPUTS_X)
def test_x_output(text):
    assert "outcome-not-a-change" in codes(text), text


@pytest.mark.parametrize("text", NOT_OUTPUTS_X)
def test_x_not_output(text):
    assert "outcome-not-a-change" not in codes(text), text


@pytest.mark.parametrize("text", COMPOUNDS_X)
def test_x_compound(text):
    assert "compound-outcome" in codes(text), text


@pytest.mark.parametrize("text", NOT_COMPOUNDS_X)
def test_x_not_compound(text):
    assert "compound-outcome" not in codes(text), text


# written during freeze A (tuned on): what the service does to others, worded as an order, is an
# aim; what people do themselves ('Make friends') or a verb of direction ('Raise', 'Reduce') is not
AIMS_X = [
    "Inspire young people",
    "Equip young people with skills for work and life",
    "Give children a voice",
    "Instil a sense of belonging",
    "Foster a love of reading",
    "Encourage fathers to take part",
]
NOT_AIMS_X = [
    "Raise aspirations",
    "Foster carers feel valued",
    "Make friends",
    "Reduce school exclusions",
]


@pytest.mark.parametrize("text", AIMS_X)
def test_x_aim(text):
    assert "outcome-not-a-change" in codes(text), text


@pytest.mark.parametrize("text", NOT_AIMS_X)
def test_x_not_aim(text):
    assert "outcome-not-a-change" not in codes(text), text
