"""The report's evaluation sections: the plan, the measures appendix and the check-detail appendix.

Content only, written through the report's :class:`~lm_excel.report.sections.Writer`.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lm_excel.measures.suggest import NO_MATCH

from . import prose as P
from . import sources
from .sections import Writer, outcome_sentence

#: Most findings listed in the optional check-detail appendix (the rest are counted).
MAX_FINDINGS = 200
#: Marks a row grouped under the finding above it (as on the Validation sheet).
DETAIL_MARK = "\u21b3 "


#: The plan's timing parts: (row key, label in the table, words in a sentence).
TIMING = (("baseline", "Baseline:", "the baseline"), ("follow_up", "Follow-up:", "the follow-up"))


def _when(r: dict[str, str], said: dict[str, str]) -> list[Any]:
    """The row's baseline and follow-up, leaving out what is said once above its table."""
    return [(label, r[key]) for key, label, _ in TIMING if r[key] and said.get(key) != r[key]]


def _timing_once(rows: list[dict[str, str]]) -> tuple[dict[str, str], list[str]]:
    """Timing shared by most rows of a table, to say once above it rather than on every row:
    the value left out of the rows, per part, and the sentences that say it."""
    said: dict[str, str] = {}
    sentences = []
    for key, _, words in TIMING:
        values = [r[key] for r in rows if r[key]]
        if not values:
            continue
        value = max(dict.fromkeys(values), key=values.count)  # the most common, first on a tie
        n = values.count(value)
        if n < 3 or 2 * n <= len(rows):  # more than half the rows
            continue
        said[key] = value
        text = P.lower_first(value).rstrip(".")
        if n == len(rows):
            sentences.append(f"For every measure in this table, {words} is {text}.")
        else:
            sentences.append(f"Unless a row says otherwise, {words} is {text}.")
    return said, sentences


def _what(w: Writer, r: dict[str, str]) -> list[Any]:
    """The element measured: its ID and text, then what kind of element it is, as a sentence."""
    first: Any = (r["outcome_id"], r["outcome"]) if r["outcome_id"] else r["outcome"]
    el = w.by_id.get(r["outcome_id"])
    out = [first]
    if el is not None and el.kind == "outcomes":
        out.append(outcome_sentence(el))
    part = _PART.search(r.get("about", ""))
    if part:  # a compound outcome's row for one of its parts
        out.append(f"This row: part {part['n']} of {part['of']}, '{part['text']}'.")
    return out


#: How the plan's About column names the part of a compound outcome a row measures.
_PART = re.compile(r"part (?P<n>\d+) of (?P<of>\d+): '(?P<text>.*)'$")


#: What a row without a measure says (the suggestions' own words, NO_MATCH) and what to do about it
#: (for a board, not the workbook).
NO_MATCH_NEXT = ("To do: write a measure for it, such as a few survey questions or a count from "
                 "records already kept.")


def _measure(r: dict[str, str]) -> list[Any]:
    if not r["measure"]:
        missing = re.search(r"it has no measure of (.+?)\)", r.get("why", ""))
        if missing:
            return [f"{NO_MATCH}: it has no measure of {missing.group(1)}.", NO_MATCH_NEXT]
        return [f"{NO_MATCH}.", NO_MATCH_NEXT]
    out: list[Any] = [r["measure"]]
    if r["kind"]:
        out.append(P.kind_words(r["kind"]))
    confidence = _confidence(r)
    if confidence:
        out.append(("Match:", f"{confidence} confidence"))
    return out


def _confidence(r: dict[str, str]) -> str:
    """How confident the library's suggestion of this row's measure is ('high', 'medium',
    'low'), or '' when the measure is not the one suggested (the team chose another)."""
    found = re.search(r"confidence (high|medium|low)\s*$", r.get("why", ""))
    if not found:
        return ""
    try:
        suggested = json.loads(r.get("generated") or "{}").get("measure", r["measure"])
    except (ValueError, AttributeError):
        suggested = r["measure"]
    return found.group(1) if suggested == r["measure"] else ""


def _measure_once(items: list[Any]) -> str:
    """The one measure every row of a table uses, as a sentence (from a row's Measure cell)."""
    if isinstance(items[0], str) and items[0].startswith(NO_MATCH):
        return f"No row in this table has a close match in the library. {NO_MATCH_NEXT}"
    notes = [P.lower_first(i) if isinstance(i, str) else f"{i[0].rstrip(':').lower()} {i[1]}"
             for i in items[1:]]
    return (f"Every row in this table uses the same measure: {items[0]}"
            f"{' (' + '; '.join(notes) + ')' if notes else ''}.")


def _provided_once(value: str) -> str:
    if value.startswith("From "):
        return f"All the measures in this table come {P.lower_first(value)}."
    return f"All the measures in this table are {P.lower_first(value)}."


def _hoist(headers: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list[Any]], list[str]]:
    """Who provides the data: said once, before the table, when every row is the same; the
    When column left out when the timing is all said above the table."""
    said = []
    drop = set()
    if len(rows) >= 3 and P.said_once([_plain(r[1]) for r in rows]) is not None:
        said.append(_measure_once(rows[0][1]))
        drop.add(1)
    value = P.said_once([_plain(r[2]) for r in rows])
    if value is not None and len(rows) >= 3:
        said.append(_provided_once(value))
        drop.add(2)
    if not any(r[3] for r in rows):
        drop.add(3)
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
        _table(w, "Outcome", outcome_rows, [4.4, 3.6, 3.2, 3.6],
               "Evaluation measures for each outcome")
        if any(r["licence"] for r in outcome_rows):
            w.para("Licences and costs of the measures are in the appendix.")
    if groups.get("process"):
        w.heading("Process measures", 2)
        w.para("How delivery and reach will be tracked, from the outputs.", keep=True)
        _table(w, "Output", groups["process"], [5, 4, 3.5, 3.2], "Process measures")
    watch = groups.get("negative", []) + groups.get("assumption", [])
    if watch:
        w.heading("Monitoring risks and testing assumptions", 2)
        w.para("How each potential negative consequence will be watched for, and how each "
               "assumption not rated Strong will be tested.", keep=True)
        _table(w, "Negative consequence or assumption", watch, [5, 4, 3.5, 3.2],
               "Monitoring negative consequences and testing assumptions")


def _table(w: Writer, first: str, plan_rows: list[dict[str, str]], widths: list[float],
           caption: str) -> None:
    """A measures table (``first``: what the rows measure); who provides the data, if the same
    for every row, and the timing most rows share, said once above it."""
    timing, sentences = _timing_once(plan_rows)
    headers = [first, "Measure", "Who provides it", "When"]
    rows = [[_what(w, r), _measure(r), P.who_provides(r["respondent"], r["source"]),
             _when(r, timing)] for r in plan_rows]
    kept_headers, kept_rows, said = _hoist(headers, rows)
    for text in [*said, *sentences]:
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


def _no_echo(text: str) -> str:
    """'Free: Free to use' said once: 'Free to use'."""
    head, sep, rest = text.partition(": ")
    return rest if sep and rest.lower().startswith(head.strip().lower()) else text


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
            text = _no_echo(P.reader_facts(text))
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
    w.heading("Appendix: the measures used", 1, new_page=True)  # an appendix starts a page
    w.para("Details of every measure in the evaluation plan.", keep=True)
    for m in measures:
        w.heading(m["name"] or m["key"], 2)
        facts = measure_facts(m)
        for i, (name, text) in enumerate(facts):  # each measure's facts kept on one page
            w.labelled(name, text, keep=i < len(facts) - 1)
    return True


def check_appendix(w: Writer, findings: Any) -> bool:
    """Every finding of the check with where to look in the workbook (for the model's authors)."""
    rows = sources.finding_rows(findings)
    if findings is None:
        return False
    w.heading("Appendix: the check in detail", 1, new_page=True)
    if not rows:
        w.para("The automatic check of this logic model found no problems.")
        return True
    counts = sources.finding_counts(findings)
    parts = [P.count(n, {"error": "error", "warning": "warning", "info": "note"}[s])
             for s, n in counts.items() if n]
    w.para(f"For the model's authors: the automatic check found {P.join(parts)}. Errors are "
           "problems to fix before the model is used to plan an evaluation; warnings are worth a "
           "look; notes need no action.", keep=True)
    listed = sources.finding_rows_with_details(findings)  # the rows a finding groups, under it
    shown = listed[:MAX_FINDINGS]
    w.table(["Severity", "Where", "What the check found", "How to fix it"],
            [[r["severity"].replace("info", "note").capitalize(), r["where"] or r["element"],
              (DETAIL_MARK if r["detail"] else "") + r["brief"], "" if r["detail"] else r["fix"]]
             for r in shown],
            [2.1, 2.8, 6, 5], caption="Findings of the check, errors first")
    hidden = len([r for r in listed[len(shown):] if not r["detail"]])
    if hidden:
        w.para(f"{P.count(hidden, 'more finding')} {'is' if hidden == 1 else 'are'} not listed here; run "
               "'lm-excel check' on the workbook to see them all.")
    return True
