"""Batch Y of session 7's wording round (issue 14): held out. Written with batch X
(test_checks_wording_s7_x.py), before the rules changed, and run once after tuning on X; its first
run is recorded in docs/checks.md. Same kinds as X, other wording and agencies."""

from __future__ import annotations

import pytest

from .test_checks_wording_kinds import codes

OUTPUTS_Y = [
    "Kinship carers attended the Reflective Fostering group",            # kinship
    "Every looked after child has had a review held within 20 days",    # independent reviewing
    "Designated teachers completed the attachment awareness training",  # virtual school
    "Welfare calls made to every family on the register",               # education welfare
    "Safe and well checks carried out after each missing episode",      # police
    "Midwives and health visitors took part in joint handover meetings",  # health
    "Assessments completed within 45 working days",                     # social care
    "GPs attend the monthly vulnerable families meeting",               # health (Wales)
    "Outreach sessions run in the three estates each week",              # youth work
    "Young people participated in the summer arts programme",           # voluntary sector
    "Children's hearings held without delay",                           # Scotland
    "Pathway plans completed for every care leaver by 16 and a half",   # leaving care
    "Local churches and food banks attend the hub steering group",      # community (NI)
    "Caseworkers undertake a home visit in the first week",             # youth justice
]
NOT_OUTPUTS_Y = [
    "Young people attend college regularly",
    "Pupils complete key stage 4 with at least five GCSEs",
    "Care leavers take part in their pathway planning",
    "Fewer children with repeat missing episodes",
    "Children feel their review meetings are held with them, not about them",
    "Young carers attend school as often as their peers",
]
COMPOUNDS_Y = [
    "Attendance and attainment improve",
    "Weight and sleep improve",
    "Parental conflict and children's anxiety reduce",
    "Mothers drink less and babies gain weight",
    "Anger and school exclusions both fall",
    "More young people in work and fewer in custody",
    "Less drinking and more exercise",
    "Teachers feel more skilled and pupils feel listened to",
    "Loneliness and debt reduce",
]
NOT_COMPOUNDS_Y = [
    "Mental and physical health improve",
    "Speech and communication improve by age three",
    "Children are safe and settled in their placement",
    "Young people in education, employment or training",
    "Staff recruitment and retention improve",
    "Carers and children report feeling more settled",
]


@pytest.mark.parametrize("text", OUTPUTS_Y)
def test_y_output(text):
    assert "outcome-not-a-change" in codes(text), text


@pytest.mark.parametrize("text", NOT_OUTPUTS_Y)
def test_y_not_output(text):
    assert "outcome-not-a-change" not in codes(text), text


@pytest.mark.parametrize("text", COMPOUNDS_Y)
def test_y_compound(text):
    assert "compound-outcome" in codes(text), text


@pytest.mark.parametrize("text", NOT_COMPOUNDS_Y)
def test_y_not_compound(text):
    assert "compound-outcome" not in codes(text), text
