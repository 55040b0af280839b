"""Varied logic-model workbooks built in code, for the portfolio tests and benchmark.

Each variant is the worked example with edits: another council and intervention, a different
phase and version, some rows dropped, delivery modes changed, and a few sentences added that the
theme dictionary should (or should not) find. Everything is derived from a seed, so a variant is
the same on every run.
"""

from __future__ import annotations

import copy
import random
from pathlib import Path

from lm_excel import layout as L
from lm_excel.example import example_records
from lm_excel.model import ModelRecords

_PLACES_A = ("North", "South", "East", "West", "Upper", "Lower", "Great", "Little")
_PLACES_B = ("brook", "field", "ham", "moor", "shire", "ton", "wick", "bury")
_KINDS = ("Borough Council", "County Council", "City Council", "Metropolitan Borough Council")
_INTERVENTIONS = (
    "Family Connect hybrid support",
    "Early Help Hub",
    "Team Around the School",
    "Virtual Family Group Conferencing",
    "Community Family Navigators",
    "Edge of Care Outreach",
    "Safe Together multi-agency triage",
    "Parenting Online",
)
#: Sentences added to some variants' local context, with the theme each should be found under.
THEME_SENTENCES: tuple[tuple[str, str], ...] = (
    ("Staff burnout rose during lockdown, so managers introduced reflective supervision.", "Workforce wellbeing"),
    ("A weekly multi-agency meeting now reviews risk and vulnerability with schools and police.", "Multi-agency risk"),
    ("Families without a laptop or mobile data were lent a tablet.", "Digital inclusion"),
    ("We are moving from phase one, the emergency response, to phase two, a lasting culture change.", "Phase of change"),
    ("Food banks and faith groups shaped the offer around community need.", "Community need"),
)


def council(i: int) -> str:
    a = _PLACES_A[i % len(_PLACES_A)]
    b = _PLACES_B[(i // len(_PLACES_A)) % len(_PLACES_B)]
    kind = _KINDS[(i // (len(_PLACES_A) * len(_PLACES_B))) % len(_KINDS)]
    return f"{a}{b} {kind}"


def variant_records(i: int) -> tuple[ModelRecords, dict[str, object]]:
    """Records of variant ``i`` and what it holds (organisation, counts, injected themes)."""
    rng = random.Random(7919 * i + 17)
    rec = example_records()
    iv = rec.intervention
    iv["organisation"] = council(i)
    iv["name"] = _INTERVENTIONS[i % len(_INTERVENTIONS)]
    iv["version"] = f"{1 + i % 3}.{rng.randrange(10)}"
    iv["phase"] = L.LISTS["phase"][i % len(L.LISTS["phase"])]
    elements = copy.deepcopy(rec.elements)
    for key, keep_min in (("components", 3), ("outcomes", 6), ("mechanisms", 3), ("negatives", 2)):
        rows = elements[key]
        drop = rng.randrange(0, max(1, len(rows) - keep_min + 1))
        for _ in range(drop):
            rows.pop(rng.randrange(1, len(rows)))
    if i % 3:
        # A leaner model: short intervention texts and no long descriptions, so that sites differ
        # in what the theme dictionary finds.
        for key in ("partners", "local_context", "evidence_base", "rationale"):
            iv[key] = f"{iv['organisation']}: see the team's notes."
        for rows in elements.values():
            for row in rows:
                for col in ("description", "evidence", "detail", "mitigation", "monitoring", "how_tested"):
                    if col in row and rng.random() < 0.8:
                        row[col] = ""
    modes = L.LISTS["delivery_mode"]
    for comp in elements["components"]:
        comp["delivery_mode"] = modes[rng.randrange(len(modes))]
    injected: list[str] = []
    extra = []
    for k, (sentence, theme) in enumerate(THEME_SENTENCES):
        if (i + k) % 3 == 0:
            extra.append(sentence)
            injected.append(theme)
    if extra:
        iv["local_context"] = str(iv.get("local_context", "")) + " " + " ".join(extra)
    rec = ModelRecords(intervention=iv, elements=elements)
    facts = {
        "organisation": iv["organisation"],
        "intervention": iv["name"],
        "counts": {k: len(v) for k, v in elements.items()},
        "injected": injected,
        "modes": [c["delivery_mode"] for c in elements["components"]],
    }
    return rec, facts


def write_variant(path: Path, i: int) -> dict[str, object]:
    """Write variant ``i`` to ``path`` (fast path: no read-back check); return its facts."""
    from lm_excel.workbook.builder import write_workbook_file

    rec, facts = variant_records(i)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_workbook_file(path, rec)
    return facts


def add_measures_plan(path: Path, own_measure: str | None = None, drop_second: bool = False) -> list[str]:
    """Build the real measures plan into a workbook file (as ``lm-excel plan --in-place`` does),
    then edit it by hand as a user would: the first row's measure replaced by ``own_measure``,
    the second row marked 'Not needed'. Returns the measures the plan then chooses."""
    import openpyxl

    from lm_excel.usecases.plan import plan_of
    from lm_excel.workbook.plan_sheet import write_plan
    from lm_excel.workbook.reader import read_workbook

    plan = plan_of(read_workbook(path))
    write_plan(path, plan, path)
    rows = [r.values() for r in plan.rows]
    wb = openpyxl.load_workbook(path)
    ws = wb[L.MEASURES_PLAN.name]
    headers = {str(c.value).strip().lower(): c.column for c in ws[L.HEADER_ROW] if c.value}
    first = L.HEADER_ROW + 1
    if own_measure:
        ws.cell(first, headers["measure"], own_measure)
        rows[0]["measure"] = own_measure
    if drop_second:
        ws.cell(first + 1, headers["status"], "Not needed")
        rows[1]["status"] = "Not needed"
    wb.save(path)
    return [r["measure"] for r in rows if r["measure"] and r.get("status") != "Not needed"]
