"""Batch Z of the wording kinds (see test_checks_wording_kinds.py): written after the session-6
rules landed, in new wording from every agency, and run once on them before any further change
(its first run is recorded in docs/checks.md); tuned on from then."""

from __future__ import annotations

import pytest

from .test_checks_wording_kinds import codes

OUTPUTS_Z = [
    "More families befriended by volunteers",                        # voluntary sector
    "Schools notified of every domestic abuse incident by 9am",      # Operation Encompass
    "All referrals triaged within one working day",                  # front door
    "Children's plans reviewed every six weeks",                     # child in need
    "More young people directed to the youth club",                  # youth work
    "Increase in the proportion of pupils who received a wellbeing check",  # school nursing
    "Young people matched with a mentor within four weeks",          # mentoring
    "More kinship carers got a support plan",                        # kinship
    "Perpetrators enrolled on a behaviour change programme",        # domestic abuse
    "More parents were invited to a stay and play session",          # family hubs
    "Looked after children offered a dental check",                  # health (Wales)
    "A greater number of victims have been contacted by the police", # police
]
OUTCOMES_Z = [
    "Fewer young people directed to custody",
    "Children referred to CAMHS feel their worries were taken seriously",
    "Parents supported by their extended family cope better",
    "Children looked after are offered the same chances as their peers to go to university",
    "Young people receive fewer fixed penalty notices",
    "More children seen as ready for school at five",
]
CONTRADICTIONS_Z = [
    ("Shortened time between concern and strategy discussion", "Increase"),
    ("Minimised delay in securing permanence", "Increase"),
    ("Preventing school exclusions for children in care", "Increase"),
    ("Avoiding hospital admission for young people in crisis", "Increase"),
    ("Lessened isolation for young carers", "Increase"),
    ("Widened friendship networks for care leavers", "Decrease"),
    ("Doubled take-up of the two-year-old offer", "Decrease"),
    ("Faster time to a decision at the front door", "Increase"),
]
AGREEING_Z = [
    ("Children no longer need a child protection plan", "Decrease"),
    ("Longer-term stability for children in kinship care", "Increase"),
    ("Children placed with extended family rather than strangers", "Increase"),
    ("Families prevented from reaching crisis point", "Increase"),
    ("Young people avoid exploitation and stay safe", "Decrease"),
]
COMPOUNDS_Z = [
    "Parents are calmer, more patient and more consistent",
    "Young people feel hopeful, motivated and in control",
    "Children settle in class, make friends and keep up with their learning",
    "Mothers stop smoking and breastfeed for longer",
    "Young people are fit and well",
]
NOT_COMPOUNDS_Z = [
    "Parents give warm, consistent and responsive care",
    "Less conflict that is loud, frequent and unresolved",
    "Better physical, emotional and mental health",
    "Young people are safe and well supported",
]
SLOGANS_Z = [
    "The right help in the right place",
    "Brighter futures",
    "Children's needs met at the earliest opportunity",
    "Improved prospects",
    "A good start",
]
NOT_SLOGANS_Z = [
    "Children's dental health needs met",
    "Improved job prospects for care leavers",
    "Fewer children starting school with tooth decay",
]
PROCESSES_Z = [
    "Family Group Conferencing embedded at the edge of care",
    "Trauma-informed practice adopted across early years settings",
    "Joint working protocol signed off by the safeguarding partnership",
    "Integrated front door operational",
    "Agencies working together",
    "Young people prepared for their move to semi-independent living",
]
NOT_PROCESSES_Z = [
    "Families adopt the strategies at home",
    "Children feel ready for their move to secondary school",
    "Secure relationships established with a consistent carer",
]


@pytest.mark.parametrize("text", OUTPUTS_Z)
def test_z_output(text):
    assert "outcome-not-a-change" in codes(text), text


@pytest.mark.parametrize("text", OUTCOMES_Z)
def test_z_not_output(text):
    assert "outcome-not-a-change" not in codes(text), text


@pytest.mark.parametrize("text, direction", CONTRADICTIONS_Z)
def test_z_contradicts(text, direction):
    assert "direction-contradicts" in codes(text, direction), text


@pytest.mark.parametrize("text, direction", AGREEING_Z)
def test_z_agrees(text, direction):
    assert "direction-contradicts" not in codes(text, direction), text


@pytest.mark.parametrize("text", COMPOUNDS_Z)
def test_z_compound(text):
    assert "compound-outcome" in codes(text), text


@pytest.mark.parametrize("text", NOT_COMPOUNDS_Z)
def test_z_not_compound(text):
    assert "compound-outcome" not in codes(text), text


@pytest.mark.parametrize("text", SLOGANS_Z)
def test_z_slogan(text):
    assert {"vague-statement", "outcome-not-a-change"} & codes(text), text


@pytest.mark.parametrize("text", NOT_SLOGANS_Z)
def test_z_not_slogan(text):
    assert "vague-statement" not in codes(text), text


@pytest.mark.parametrize("text", PROCESSES_Z)
def test_z_process(text):
    assert "outcome-not-a-change" in codes(text), text


@pytest.mark.parametrize("text", NOT_PROCESSES_Z)
def test_z_not_process(text):
    assert "outcome-not-a-change" not in codes(text), text
