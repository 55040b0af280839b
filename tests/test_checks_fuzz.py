"""Whatever users type, the checker finishes, and every finding points inside the workbook."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lm_excel import layout as L
from lm_excel.checks import validate
from lm_excel.checks.wording import _token_set, similar_pairs
from lm_excel.errors import LmExcelError
from lm_excel.findings import REGISTRY
from lm_excel.model import ModelRecords
from lm_excel.workbook.parse import parse_grids

from .modelkit import example, grids_from_records

BASE = grids_from_records(example())
SHEETS = [L.INTERVENTION.name, *(s.name for s in L.LIST_SHEETS)]

values = st.one_of(
    st.none(),
    st.sampled_from(["C1", "oc 2", "M9", "OC1, OC1", "IN3; C2", "TBC", "x", "Long term", "Soon",
                     "=1+1", "OC5 and OC6", "Number of families", "Deliver sessions", "OC4"]),
    st.text(max_size=30),
    st.integers(-5, 50),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
)
edits = st.lists(
    st.tuples(st.sampled_from(SHEETS), st.integers(0, 20), st.integers(0, 8), values),
    max_size=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits)
def test_checker_never_fails_and_points_inside_the_workbook(changes):
    grids = {name: [list(r) for r in grid] for name, grid in BASE.items()}
    for sheet, r, c, value in changes:
        grid = grids[sheet]
        while len(grid) <= r:
            grid.append([])
        while len(grid[r]) <= c:
            grid[r].append(None)
        grid[r][c] = value
    try:
        model = parse_grids(grids, "fuzz.xlsx")
    except LmExcelError:  # the reader may refuse (e.g. no sheets recognised): not our concern
        return
    report = validate(model)
    for f in report.findings:
        assert f.code in REGISTRY and f.message and f.fix
        if f.sheet and f.cell:
            m = re.fullmatch(r"([A-Z]+)(\d+)", f.cell)
            assert m, f
            assert f.sheet in grids
            assert int(m.group(2)) <= max(len(grids[f.sheet]), L.HEADER_ROW + 1) or f.code == "missing-field"


def test_blank_records_and_rows_of_only_links_do_not_crash():
    rec = ModelRecords(elements={"mechanisms": [{"triggered_by": "C1", "leads_to": "OC1"}]})
    report = validate(parse_grids(grids_from_records(rec), "t.xlsx"))
    assert ("missing-id", "Mechanisms!A4") in report.flatten()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8", "i9", "j0"]), max_size=7), max_size=40),
       st.sampled_from([0.5, 0.7, 0.8, 0.9, 1.0]))
def test_near_duplicate_join_equals_brute_force(word_lists, threshold):
    texts = [" ".join(ws) for ws in word_lists]
    sets = [_token_set(t) for t in texts]
    slow = []
    for j in range(len(texts)):
        for i in range(j):
            union = len(sets[i] | sets[j])
            if union and len(sets[i] & sets[j]) / union >= threshold - 1e-9:
                slow.append((i, j))
                break
    assert similar_pairs(texts, threshold) == slow


def _acyclic(edges: dict[str, set[str]]) -> bool:
    state: dict[str, int] = {}

    def visit(v: str) -> bool:
        state[v] = 1
        for w in edges.get(v, ()):
            if state.get(w) == 1 or (w not in state and not visit(w)):
                return False
        state[v] = 2
        return True

    return all(visit(v) for v in list(edges) if v not in state)


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 9).flatmap(
    lambda k: st.lists(st.tuples(st.integers(1, k), st.integers(1, k)), max_size=3 * k).map(lambda e: (k, e))))
def test_outcome_loops_are_all_found_and_each_reported_once(graph):
    k, pairs = graph
    edges = {f"OC{i}": set() for i in range(1, k + 1)}
    for a, b in pairs:
        if a != b:
            edges[f"OC{a}"].add(f"OC{b}")
    scales = ["Short term", "Medium term", "Long term"]
    rec = ModelRecords(elements={"outcomes": [
        {"id": oid, "outcome": f"More families helped in way {oid}", "timescale": scales[i % 3],
         "contributes_to": ", ".join(sorted(targets))}
        for i, (oid, targets) in enumerate(edges.items())
    ]})
    # a loop is said once: as a loop, or as the backwards link that closes it
    found = [f for f in validate(parse_grids(grids_from_records(rec), "t.xlsx")).findings
             if f.code == "outcome-cycle" or (f.code == "contributes-backwards" and "closes the loop" in f.message)]
    removed = set()
    for f in found:
        m = (re.match(r"Remove (OC\d+) from (OC\d+)'s", f.fix) if f.code == "outcome-cycle"
             else re.match(r"(?P<b>OC\d+) \([^)]*\) contributes to (?P<a>OC\d+) ", f.message))
        if f.code != "outcome-cycle":
            m = m and re.match(r"(OC\d+) (OC\d+)", f"{m.group('a')} {m.group('b')}")
        assert m and m.group(2) == f.element_id
        assert m.group(1) in edges[f.element_id]
        removed.add((f.element_id, m.group(1)))
    assert len(removed) == len(found)  # each reported link is a different one
    assert bool(found) == (not _acyclic(edges))
    rest = {v: {w for w in ws if (v, w) not in removed} for v, ws in edges.items()}
    assert _acyclic(rest)  # every loop is covered by some finding
