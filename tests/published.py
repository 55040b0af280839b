"""Real published UK logic models, entered as a user would, for measuring the checker (issue 14).

Each ``tests/data/published_models/*.json`` holds one model (our own wording of the published
description; its sources are cited in the file), its ``set`` ('tuning', or a held-out set kept out
of tuning until its first run: 'held out 1', 'held out 2'),
one planted defect (``plant``: edits to make and the finding expected at an element) and the
real problems noted while entering it (``real_problems``). ``judgements.json`` records, for every
finding the checker gives on the clean and the planted copy, whether an evaluator agrees.

    python -m tests.published          # the precision/recall table for docs/checks.md
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path

from lm_excel.checks import validate
from lm_excel.findings import Report
from lm_excel.model import ModelRecords

from .modelkit import model_of

DATA = Path(__file__).parent / "data" / "published_models"
JUDGEMENTS = DATA / "judgements.json"


@dataclass(frozen=True)
class Published:
    key: str
    data: dict

    @property
    def set(self) -> str:
        return str(self.data["set"])

    @property
    def holdout(self) -> bool:
        return self.set != "tuning"

    def records(self, planted: bool = False) -> ModelRecords:
        elements = copy.deepcopy(self.data["elements"])
        if planted:
            for edit in self.data["plant"]["edits"]:
                if "rows" in edit:  # the whole sheet replaced
                    elements[edit["sheet"]] = edit["rows"]
                    continue
                rows = elements.setdefault(edit["sheet"], [])
                if "column" in edit:
                    for r in rows:
                        r[edit["column"]] = edit["value"]
                    continue
                row = next((r for r in rows if r.get("id") == edit["id"]), None)
                if row is None:
                    rows.append({"id": edit["id"], **edit["values"]})
                else:
                    row.update(edit["values"])
        return ModelRecords(intervention=dict(self.data["intervention"]), elements=elements)

    def check(self, planted: bool = False) -> Report:
        return validate(model_of(self.records(planted)))


def published_models() -> list[Published]:
    return [Published(p.stem, json.loads(p.read_text(encoding="utf-8")))
            for p in sorted(DATA.glob("*.json")) if p.name != JUDGEMENTS.name]


def finding_keys(report: Report) -> list[str]:
    """One key per finding as listed ('code@element'): a headline counts once with its details."""
    return [f"{f.code}@{f.element_id}" for f in report.findings]


def judgements() -> dict:
    return json.loads(JUDGEMENTS.read_text(encoding="utf-8"))


def figures(models: list[Published], judged: dict) -> dict[str, float | int]:
    """Precision (findings an evaluator agrees with: those on the clean copies and those the planted
    copy adds), recall of the planted defects (found at the right element, details under a
    headline included) and of the real problems noted while entering the models."""
    agreed = total = planted_found = real_found = real_total = 0
    for m in models:
        clean = finding_keys(m.check())
        new_in_planted = [k for k in finding_keys(m.check(planted=True)) if k not in clean]
        for copy_name, keys in (("clean", clean), ("planted", new_in_planted)):
            for key in keys:  # a finding on both copies counts once
                total += 1
                agreed += bool(judged[m.key][copy_name][key]["agree"])
        exp = m.data["plant"]["expect"]
        planted_report = m.check(planted=True)
        planted_found += any(f.code == exp["code"] and f.element_id == exp["element"]
                             for f in planted_report.all_findings())
        clean_codes = {(f.code, f.element_id) for f in m.check().all_findings()}
        for p in m.data["real_problems"]:
            real_total += 1
            real_found += (p["code"], p["element"]) in clean_codes
    return {"models": len(models), "findings": total, "agreed": agreed,
            "precision": agreed / total if total else 1.0,
            "planted": len(models), "planted_found": planted_found,
            "real": real_total, "real_found": real_found}


def table() -> str:
    models = published_models()
    judged = judgements()
    lines = ["| set | models | findings | agreed | precision | planted found | real problems found |",
             "|---|---|---|---|---|---|---|"]
    names = sorted({m.set for m in models}, key=lambda n: (n != "tuning", len(n), n))  # held out 10 after 9
    for name, subset in [(n, [m for m in models if m.set == n]) for n in names] + [("all", models)]:
        f = figures(subset, judged)
        lines.append(f"| {name} | {f['models']} | {f['findings']} | {f['agreed']} | {f['precision']:.0%} | "
                     f"{f['planted_found']}/{f['planted']} | {f['real_found']}/{f['real']} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    print(table())
