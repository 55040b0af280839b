"""The report's evaluation sections: the plan, the measures appendix and the check-detail appendix.

Content only, written through the report's :class:`~lm_excel.report.sections.Writer`.
"""

from __future__ import annotations

from typing import Any

from . import prose as P
from . import sources
from .sections import Writer, outcome_sentence

#: Most findings listed in the optional check-detail appendix (the rest are counted).
MAX_FINDINGS = 200


def _when(r: dict[str, str]) -> list[Any]:
    out: list[Any] = []
    if r["baseline"]:
        out.append(("Baseline:", r["baseline"]))
    if r["follow_up"]:
        out.append(("Follow-up:", r["follow_up"]))
    return out


def _what(w: Writer, r: dict[str, str]) -> list[Any]:
    """The element measured: its ID and text, then what kind of element it is, as a sentence."""
    first: Any = (r["outcome_id"], r["outcome"]) if r["outcome_id"] else r["outcome"]
    el = w.by_id.get(r["outcome_id"])
    out = [first]
    if el is not None and el.kind == "outcomes":
        out.append(outcome_sentence(el))
    return out


def _measure(r: dict[str, str]) -> list[Any]:
    out: list[Any] = [r["measure"] or "To be chosen"]
    if r["kind"]:
        out.append(P.kind_words(r["kind"]))
    return out


def _provided_once(value: str) -> str:
    if value.startswith("From "):
        return f"All the measures in this table come {P.lower_first(value)}."
    return f"All the measures in this table are {P.lower_first(value)}."


def _when_once(value: str) -> str:
    return f"The timing is the same for every row: {P.lower_first(value).rstrip('.')}."


def _hoist(headers: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]], list[str]]:
    """Who provides the data and when: said once, before the table, when every row is the same."""
    said = []
    drop = set()
    for i, say in ((2, _provided_once), (3, _when_once)):
        value = P.said_once([_plain(r[i]) for r in rows])
        if value is not None and len(rows) >= 3:
            said.append(say(value))
            drop.add(i)
    keep = [i for i in range(len(headers)) if i not in drop]
    return [headers[i] for i in keep], [[r[i] for i in keep] for r in rows], said


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_plain(v) for v in value)
    if isinstance(value, tuple):
        return f"{value[0].rstrip(':').lower()} {P.lower_first(value[1])}".strip()
    return str(value)


def evaluation(w: Writer, plan: Any) -> None:
    rows = sources.plan_rows(plan)
    design = sources.plan_design(plan)
    w.heading("Evaluation plan", 1)
    if not rows and not design:
        w.missing("plan")
        return
    w.para("How we will know whether the intervention works: the recommended evaluation design, "
           "then what will be measured, from whom and when.")
    if not w.readiness.has_chain:
        p = w.para()
        w.run(p, "No impact evaluation design is recommended yet. ", bold=True)
        w.run(p, "An impact evaluation tests whether the activities cause the outcomes, and this "
                 "model does not yet say which activities lead to which outcomes. Link them "
                 "first; the measures below can still be used to track delivery.")
    elif design:
        _design(w, design)
    groups: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        groups.setdefault(sources.row_group(r), []).append(r)
    outcome_rows = groups.get("outcome", []) + groups.get("other", [])
    if outcome_rows:
        w.heading("Measures for each outcome", 2)
        w.para("For each outcome, how we will know it changed: the measure, who provides the "
               "information, and when it is collected.", keep=True)
        _table(w, ["Outcome", "Measure", "Who provides it", "When"],
               [[_what(w, r), _measure(r), P.who_provides(r["respondent"], r["source"]), _when(r)]
                for r in outcome_rows],
               [4.4, 3.6, 3.2, 3.6], "Evaluation measures for each outcome")
        if any(r["licence"] for r in outcome_rows):
            w.para("Licences and costs of the measures are in the appendix.")
    if groups.get("process"):
        w.heading("Process measures", 2)
        w.para("How delivery and reach will be tracked, from the outputs.", keep=True)
        _table(w, ["Output", "Measure", "Who provides it", "When"],
               [[_what(w, r), _measure(r), P.who_provides(r["respondent"], r["source"]), _when(r)]
                for r in groups["process"]],
               [5, 4, 3.5, 3.2], "Process measures")
    watch = groups.get("negative", []) + groups.get("assumption", [])
    if watch:
        w.heading("Monitoring risks and testing assumptions", 2)
        w.para("How each potential negative consequence will be watched for, and how each weak "
               "or untested assumption will be tested.", keep=True)
        _table(w, ["Negative consequence or assumption", "Measure", "Who provides it", "When"],
               [[_what(w, r), _measure(r), P.who_provides(r["respondent"], r["source"]), _when(r)]
                for r in watch],
               [5, 4, 3.5, 3.2], "Monitoring negative consequences and testing assumptions")


def _table(w: Writer, headers: list[str], rows: list[list[Any]], widths: list[float], caption: str) -> None:
    """A measures table; who provides the data and when, if the same for every row, said once."""
    kept_headers, kept_rows, said = _hoist(headers, rows)
    for text in said:
        w.para(text, keep=True)
    widths = [widths[headers.index(h)] for h in kept_headers]
    w.table(kept_headers, kept_rows, widths, caption=caption)


def _design(w: Writer, design: dict[str, Any]) -> None:
    w.heading("Recommended design", 2)
    if design["title"]:
        w.run(w.para(), design["title"], bold=True)
    for text in design["paragraphs"]:
        w.paragraphs(text)
    for title, text, source in design["strands"]:
        if title:
            w.heading(title, 3)
        if text:
            w.paragraphs(text)
        if source:
            p = w.para()
            w.run(p, "Source: ", italic=True)
            w.run(p, source, italic=True)


# --- appendices -------------------------------------------------------------------------------------

#: What the appendix says about each measure: facts about the measure only.
MEASURE_FACTS = (("kind", "Kind"), ("measures", "What it measures"), ("respondent", "Completed by"),
                 ("age_range", "Age range"), ("items", "Items or effort"),
                 ("licence", "Licence and cost"), ("source", "Data source"),
                 ("timepoints", "Typical timepoints"), ("link", "Source"))


def measure_facts(m: dict[str, str]) -> list[tuple[str, str]]:
    """(label, text) pairs a reader may see about a measure; the library's own notes stay out."""
    out = []
    for key, name in MEASURE_FACTS:
        text = m.get(key, "")
        if not text:
            continue
        if key == "kind":
            text = P.kind_words(text)
        elif key == "respondent":
            text = P.capital(P.respondents(text)) or "Taken from records"
        elif key == "source":
            text = P.capital(P.source_words(text))
        elif key == "licence":
            caveat = P.has_internal_caveat(text)
            text = P.reader_facts(text)
            if caveat:
                text = (text + " " if text else "") + "Check the terms of use with its authors " \
                                                      "before use."
        elif key != "link":
            text = P.sentence(P.reader_facts(text)) if P.has_internal_caveat(text) else P.capital(text)
        if text:
            out.append((name, text))
    return out


def measures_appendix(w: Writer, plan: Any) -> bool:
    measures = sources.plan_measures(plan)
    if not measures:
        return False
    w.heading("Appendix: the measures used", 1)
    w.para("Details of every measure in the evaluation plan.")
    for m in measures:
        w.heading(m["name"] or m["key"], 2)
        for name, text in measure_facts(m):
            w.labelled(name, text)
    return True


def check_appendix(w: Writer, findings: Any) -> bool:
    """Every finding of the check with where to look in the workbook (for the model's authors)."""
    rows = sources.finding_rows(findings)
    if findings is None:
        return False
    w.heading("Appendix: the check in detail", 1)
    if not rows:
        w.para("The automatic check of this logic model found no problems.")
        return True
    counts = sources.finding_counts(findings)
    parts = [P.count(n, {"error": "error", "warning": "warning", "info": "note"}[s])
             for s, n in counts.items() if n]
    w.para(f"For the model's authors: the automatic check found {P.join(parts)}. Errors are "
           "problems to fix before the model is used to plan an evaluation; warnings are worth a "
           "look; notes need no action.", keep=True)
    shown = rows[:MAX_FINDINGS]
    w.table(["Severity", "Where", "What the check found", "How to fix it"],
            [[r["severity"].replace("info", "note").capitalize(), r["where"] or r["element"],
              r["message"], r["fix"]] for r in shown],
            [2.1, 2.8, 6, 5], caption="Findings of the check, errors first")
    if len(rows) > len(shown):
        w.para(f"{P.count(len(rows) - len(shown), 'more finding')} are not listed here; run "
               "'lm-excel check' on the workbook to see them all.")
    return True
