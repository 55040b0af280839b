"""The readiness summary: what a board needs from the quality check, in plain English.

The check's findings are written for whoever edits the workbook (sheet, cell, how to fix). A
board or funder needs three short lists instead: what is strong, what is missing, what to do
next, and one sentence on whether the model is ready to guide an evaluation. This module reads
the findings by their stable codes (it never re-runs a rule) and the model's own contents, and
returns plain text. No python-docx here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import LogicModel
from . import sources
from .prose import count, join

#: Headline findings that mean the model cannot guide an evaluation as it stands.
NOT_READY = {
    "no-causal-chain": "It does not yet link what is done to what should change: no activity "
                       "leads, through a mechanism, to any outcome. An evaluation cannot test a "
                       "theory the model does not state.",
    "mostly-unlinked": "Most of its activities, mechanisms and outcomes are not yet linked into "
                       "a chain from what is done to what should change, so most of it cannot be "
                       "evaluated as it stands.",
    "no-elements": "It does not yet list its activities, mechanisms and outcomes.",
}

#: Codes grouped into one plain-English gap each: (codes, singular noun, what it means).
GAPS: tuple[tuple[frozenset[str], str, str], ...] = (
    (frozenset({"outcomes-unreachable", "outcome-unreachable", "outcome-no-contributor",
                "long-term-unreachable"}),
     "outcome", "not reached from any activity, so the model does not say how the intervention "
                "brings {them} about"),
    (frozenset({"mechanism-no-trigger", "mechanism-leads-nowhere", "mechanism-no-causal-account",
                "mechanism-restates", "mechanisms-unexplained", "mechanism-mislinked"}),
     "mechanism", "not yet fully explained or linked (what sets {them} off, or what {they} lead to)"),
    (frozenset({"component-leads-nowhere", "output-no-component"}),
     "activity or output", "not linked to the rest of the model"),
    (frozenset({"input-unused"}),
     "input", "not used by any activity"),
    (frozenset({"primary-unmeasured"}),
     "primary outcome", "without a measure in the evaluation plan"),
    (frozenset({"no-baseline"}),
     "measure", "without a baseline, so change cannot be shown"),
    (frozenset({"negative-unmanaged", "negatives-unmanaged"}),
     "potential negative consequence", "without mitigation or monitoring"),
    (frozenset({"assumption-untested", "assumptions-untested"}),
     "unproven assumption", "without a plan to test {them}"),
)

#: Whole-model findings said as a sentence of their own.
HEADLINE_GAPS = {
    "no-outputs": "No outputs are listed, so delivery and reach cannot be tracked.",
    "no-timescale-outcome": "The outcomes do not yet span short-term and long-term change.",
    "intervention-incomplete": "The description of the intervention (what, who for, why) is "
                               "not complete.",
    "no-descriptions": "The activities are not described in enough detail for another area to "
                       "copy them.",
    "negatives-delivery-only": "The potential negative consequences are all delivery risks; "
                               "possible harms to children, families or practitioners have not "
                               "been considered.",
}

#: Finding categories whose problems are about the workbook itself rather than the model.
WORKBOOK_CATEGORIES = {"structure", "identity", "references"}

NEXT_STEPS = {
    "not-ready": "Link each mechanism to the activities that set it off ('Triggered by') and the "
                 "outcomes it leads to ('Leads to'), then run the check again.",
    "outcome": "Link each outcome that nothing reaches to a mechanism, or to a shorter-term "
               "outcome that leads to it.",
    "mechanism": "Say for each mechanism what sets it off and what it leads to, and how and why "
                 "the change happens.",
    "primary outcome": "Choose a measure for every primary outcome in the measures plan.",
    "measure": "Agree when each baseline measurement will be taken.",
    "potential negative consequence": "Agree how each potential negative consequence will be "
                                      "reduced and watched for.",
    "unproven assumption": "Agree how each unproven assumption (not rated Strong) will be tested.",
    "workbook": "Fix the problems listed on the workbook's Validation sheet (IDs, links and "
                "required answers), then run the check again.",
    "wording": "Review the wording the check flags on the Validation sheet: outcomes stated as "
               "changes, with who benefits and the direction of change.",
    "other": "Look at each point above on the workbook's Validation sheet, which says how to "
             "fix it.",
    "plan": "Build the evaluation measures plan (the 'Build measures plan' button).",
    # one per headline gap
    "no-outputs": "List the outputs: what the activities produce and how many, with a target "
                  "for each.",
    "no-timescale-outcome": "Add the outcomes the model expects in the short term and in the "
                            "long term, linked to the ones already listed.",
    "intervention-incomplete": "Complete the description of the intervention: what it is, who "
                               "it is for and why it is needed.",
    "no-descriptions": "Describe each activity: what is done, by whom, for whom and how often.",
    "negatives-delivery-only": "Consider what harm the intervention could do to children, "
                               "families or practitioners, and how it would be noticed.",
    "negatives": "Identify what could go wrong or harm someone, and how it would be noticed.",
    "assumptions": "Record what must be true for the model to work, and how sure you are.",
}


@dataclass
class Readiness:
    """The readiness summary: a verdict sentence and three short lists."""

    ready: bool  # no errors and a causal chain: fit to guide an evaluation
    checked: bool  # the check's findings were given
    verdict: str
    reasons: list[str] = field(default_factory=list)  # why it is not ready (headline findings)
    strengths: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    next_steps: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    reason_codes: list[str] = field(default_factory=list)  # the NOT_READY codes found

    @property
    def has_chain(self) -> bool:
        """Linked enough to evaluate: no headline finding says otherwise."""
        return not self.reasons

    @property
    def mostly_unlinked(self) -> bool:
        """Some chain runs from an activity to an outcome, but most of the model is off it."""
        return self.reason_codes == ["mostly-unlinked"]


def _category(code: str) -> str:
    from ..findings import REGISTRY

    info = REGISTRY.get(code)
    return info.category if info is not None else ""


def _title(code: str) -> str:
    from ..findings import REGISTRY

    info = REGISTRY.get(code)
    return info.title if info is not None else ""


def _ids(rows: Iterable[dict[str, str]]) -> list[str]:
    out: list[str] = []
    for r in rows:
        if r["element"] and r["element"] not in out:
            out.append(r["element"])
    return out


def _noun_of(noun: str, ids: list[str]) -> str:
    """'activity' or 'output' rather than 'activity or output' when the IDs say which."""
    if noun != "activity or output" or not ids:
        return noun
    kinds = {"output" if i.upper().startswith("OP") else "activity" for i in ids}
    return kinds.pop() if len(kinds) == 1 else noun


def _some(ids: list[str], most: int = 8) -> str:
    """'C1, C2 and C3'; past ``most`` IDs, 'C1, ..., C8 and 3 others'."""
    if len(ids) <= most:
        return join(ids)
    rest = len(ids) - most
    return f"{', '.join(ids[:most])} and {rest} other{'s' if rest > 1 else ''}"


def assess(model: LogicModel, findings: Any, plan: Any = None) -> Readiness:
    """The readiness summary of ``model`` from the check's ``findings`` (None: not checked)."""
    rows = sources.finding_rows(findings)
    by_code: dict[str, list[dict[str, str]]] = {}
    # A whole-model finding ("no causal chain", "outcomes not reached") groups the per-row
    # findings it explains: they count here as what they are, so the gaps name their rows.
    for r in [*rows, *sources.finding_details(findings)]:
        by_code.setdefault(r["code"], []).append(r)
    counts = sources.finding_counts(findings)
    reason_codes = [code for code in NOT_READY if code in by_code]
    reasons = [NOT_READY[code] for code in reason_codes]
    gaps, steps = _gaps(model, by_code, plan)
    workbook = sum(1 for r in rows if r["severity"] == "error"
                   and _category(r["code"]) in WORKBOOK_CATEGORIES | {"completeness"}
                   and r["code"] not in NOT_READY)
    if workbook:
        gaps.insert(0, f"The workbook has {count(workbook, 'error')} to fix (missing answers, "
                       "IDs or links that do not match).")
        steps.insert(0, NEXT_STEPS["workbook"])
    # "not-considered" (no negatives or no assumptions) is said by the gaps for each empty part.
    said = set(NOT_READY) | set(HEADLINE_GAPS) | {c for codes, _, _ in GAPS for c in codes} | {
        "not-considered"}
    other: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        if r["code"] not in said and r["severity"] != "info" and _title(r["code"]) \
                and _category(r["code"]) not in WORKBOOK_CATEGORIES | {"wording", "completeness"}:
            other.setdefault(r["code"], []).append(r)
    for code, hits in other.items():
        ids = _ids(hits)
        gaps.append(f"{_title(code)}{': ' + _some(ids) if ids else ''}.")
    if other:
        steps.append(NEXT_STEPS["other"])
    # Wording findings a gap above already names (a mechanism with no account, a negative
    # consequence with no plan) are not counted again.
    wording = [r for r in rows if _category(r["code"]) == "wording" and r["code"] not in said]
    if wording:
        gaps.append(f"The check suggests clearer wording for {count(len(wording), 'statement')}.")
        on_outcomes = any(r["element"].upper().startswith("OC") for r in wording)
        step = NEXT_STEPS["wording" if on_outcomes else "other"]
        if step not in steps:
            steps.append(step)
    if reasons:
        steps.insert(0, NEXT_STEPS["not-ready"])
    checked = findings is not None
    ready = checked and not reasons and counts.get("error", 0) == 0
    return Readiness(ready, checked, _verdict(checked, ready, reasons, counts), reasons,
                     _strengths(model, by_code, plan), gaps, steps, counts, reason_codes)


def _verdict(checked: bool, ready: bool, reasons: list[str], counts: dict[str, int]) -> str:
    if not checked:
        return ("The automatic check was not run for this report, so its readiness is not "
                "assessed here.")
    if reasons:
        return "This logic model is not yet ready to guide an evaluation."
    if counts.get("error", 0):
        return ("This logic model is nearly ready to guide an evaluation: a few problems in the "
                "workbook must be fixed first.")
    if counts.get("warning", 0):
        return ("This logic model is ready to guide an evaluation, with some points worth "
                "strengthening.")
    return "This logic model is ready to guide an evaluation: the automatic check found no problems."


def _gaps(model: LogicModel, by_code: dict[str, list[dict[str, str]]], plan: Any) -> tuple[list[str], list[str]]:
    gaps: list[str] = []
    steps: list[str] = []
    for code, text in HEADLINE_GAPS.items():
        if code in by_code:
            gaps.append(text)
            steps.append(NEXT_STEPS.get(code, NEXT_STEPS["other"]))
    for codes, generic, meaning in GAPS:
        noun = generic
        hits = [r for c in codes for r in by_code.get(c, [])]
        if not hits:
            continue
        ids = _ids(hits)
        n = len(ids) or len(hits)
        noun = _noun_of(noun, ids)
        them = {"{them}": "it" if n == 1 else "them", "{they}": "it" if n == 1 else "they"}
        for key, value in them.items():
            meaning = meaning.replace(key, value)
        verb = "is" if n == 1 else "are"
        listed = f" ({_some(ids)})" if ids else ""
        gaps.append(f"{count(n, noun, True).capitalize()}{listed} {verb} {meaning}.")
        step = NEXT_STEPS.get(noun) or NEXT_STEPS.get(generic)
        if step:
            steps.append(step)
    if not model.negatives:
        gaps.append("No potential negative consequences have been identified yet.")
        steps.append(NEXT_STEPS["negatives"])
    if not model.assumptions:
        gaps.append("No assumptions have been recorded yet.")
        steps.append(NEXT_STEPS["assumptions"])
    if not sources.plan_rows(plan):
        gaps.append("There is no evaluation measures plan yet.")
        steps.append(NEXT_STEPS["plan"])
    return gaps, steps


def _strengths(model: LogicModel, by_code: dict[str, list[dict[str, str]]], plan: Any) -> list[str]:
    out: list[str] = []
    has = set(by_code)
    if model.outcomes and not has & {"no-timescale-outcome", "no-causal-chain", "no-elements"}:
        stages = {o.text("timescale").strip().lower().split(" ")[0] for o in model.outcomes}
        if {"short", "long"} <= stages:
            out.append(f"{count(len(model.outcomes), 'outcome', True).capitalize()} run from "
                       "short-term to long-term change.")
    chain_codes = {"no-causal-chain", "mostly-unlinked", "outcomes-unreachable",
                   "outcome-unreachable", "outcome-no-contributor", "long-term-unreachable"}
    if model.components and model.outcomes and model.mechanisms and not has & chain_codes and by_code is not None:
        out.append("Every outcome is reached from the activities through the model's mechanisms "
                   "and links.")
    if model.mechanisms and not has & {"mechanism-no-trigger", "mechanism-leads-nowhere",
                                       "no-causal-chain", "mechanism-no-causal-account",
                                       "mechanism-restates", "mechanism-mislinked"}:
        one = len(model.mechanisms) == 1
        out.append(f"{count(len(model.mechanisms), 'mechanism', True).capitalize()} "
                   f"{'explains' if one else 'explain'} how and why change happens, "
                   f"{'with' if one else 'each with'} what sets it off and what it leads to.")
    if model.outputs and all(o.text("target").strip() for o in model.outputs):
        out.append("Every output has a target, so delivery can be tracked against it.")
    if model.negatives and "negative-unmanaged" not in has:
        out.append(f"{count(len(model.negatives), 'potential negative consequence', True).capitalize()} "
                   f"{'is' if len(model.negatives) == 1 else 'are'} identified, with how "
                   f"{'it' if len(model.negatives) == 1 else 'each'} will be reduced and watched for.")
    if model.assumptions and "assumption-untested" not in has:
        out.append(f"{count(len(model.assumptions), 'assumption', True).capitalize()} "
                   f"{'is' if len(model.assumptions) == 1 else 'are'} recorded with how "
                   "confident we are and how "
                   f"{'it' if len(model.assumptions) == 1 else 'each'} will be tested.")
    if sources.plan_rows(plan) and "primary-unmeasured" not in has:
        out.append("Every primary outcome has a measure in the evaluation plan.")
    return out
