"""Property-based tests of the merge: random edits on two copies of the example, merged.

No edit may be lost, and a conflict is reported exactly when both sides changed one field
differently (or one side deleted a row the other changed); the rows, their order and the counts
of applied, added and removed changes are exactly what the edits imply. Both sides may make the
very same change or add the very same element. Explicit examples are in test_merge_cases.py.
"""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lm_excel import layout as L
from lm_excel.example import example_records
from lm_excel.model import ModelRecords, cell_text
from lm_excel.exchange.merge import lost_values, merge_snapshots
from lm_excel.exchange.snapshot import WHOLE_ROW, Snapshot

BASE = example_records()
SHEETS = [s for s in L.LIST_SHEETS if BASE.elements.get(s.key)]
EDITABLE = {s.key: [c.key for c in s.columns if c.kind in ("text", "choice")] for s in SHEETS}
IV_EDITABLE = [f.key for f in L.INTERVENTION.fields if f.kind == "text"]
FAST = settings(max_examples=150, deadline=dt.timedelta(seconds=2),
                suppress_health_check=[HealthCheck.too_slow])


def ids_of(sheet_key: str) -> list[str]:
    return [L.normalise_id(r["id"]) for r in BASE.elements[sheet_key]]


@st.composite
def edits(draw: st.DrawFn, side: str) -> list[tuple]:
    out: list[tuple] = []
    for i in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["set", "set", "set", "del", "add", "iv"]))
        # Shared tokens let both sides make the very same change (which is no conflict).
        value = draw(st.sampled_from([f"{side} value {i}", "shared value"]))
        if kind == "iv":
            out.append(("iv", draw(st.sampled_from(IV_EDITABLE)), value))
            continue
        sheet = draw(st.sampled_from(SHEETS))
        if kind == "add":
            n = len(BASE.elements[sheet.key]) + draw(st.integers(1, 3))
            # a shared statement lets both sides add the very same element (under one ID or two)
            statement = draw(st.sampled_from([f"{side} new {sheet.key} {i}", f"shared new {sheet.key}"]))
            out.append(("add", sheet.key, f"{sheet.prefix}{n}", statement))
            continue
        el = draw(st.sampled_from(ids_of(sheet.key)))
        if kind == "del":
            out.append(("del", sheet.key, el))
        else:
            out.append(("set", sheet.key, el, draw(st.sampled_from(EDITABLE[sheet.key])), value))
    return out


def apply(edits_: list[tuple]) -> ModelRecords:
    rec = copy.deepcopy(BASE)
    for e in edits_:
        if e[0] == "iv":
            rec.intervention[e[1]] = e[2]
        elif e[0] == "add":
            rows = rec.elements[e[1]]
            if all(L.normalise_id(r.get("id")) != e[2] for r in rows):
                sheet = L.LIST_SHEET_BY_KEY[e[1]]
                rows.append({"id": e[2], sheet.statement: e[3]})
        else:
            rows = rec.elements[e[1]]
            for r in rows:
                if L.normalise_id(r.get("id")) == e[2]:
                    if e[0] == "del":
                        rows.remove(r)
                    else:
                        r[e[3]] = e[4]
                    break
    return rec


def state(rec: ModelRecords) -> dict[tuple[str, str], dict[str, str]]:
    """(sheet key, ID) -> field -> text, with the Intervention as ('intervention', '')."""
    out = {("intervention", ""): {k: cell_text(v) for k, v in rec.intervention.items()}}
    for key, rows in rec.elements.items():
        for r in rows:
            out[(key, L.normalise_id(r.get("id")))] = {k: cell_text(v) for k, v in r.items()}
    return out


def changes(side: dict, base: dict) -> tuple[dict, set, set]:
    """Changed fields {(sheet, id, field): value}, deleted rows, added rows of one side."""
    changed = {}
    for k, fields in side.items():
        if k in base:
            for f, v in fields.items():
                if v != base[k].get(f, ""):
                    changed[(*k, f)] = v
    return changed, set(base) - set(side), set(side) - set(base)


def name_of(sheet_key: str) -> str:
    return L.INTERVENTION.name if sheet_key == "intervention" else L.LIST_SHEET_BY_KEY[sheet_key].name


def header_of(sheet_key: str, field: str) -> str:
    if sheet_key == "intervention":
        return L.INTERVENTION.field(field).header
    return L.LIST_SHEET_BY_KEY[sheet_key].column(field).header


def check_three_way(mine_edits: list[tuple], theirs_edits: list[tuple]) -> None:
    mine, theirs = apply(mine_edits), apply(theirs_edits)
    result = merge_snapshots(Snapshot(BASE), Snapshot(mine), Snapshot(theirs))
    b, m, t = state(BASE), state(mine), state(theirs)
    out = state(result.records)
    cm, dm, am = changes(m, b)
    ct, dt_, at = changes(t, b)

    # Conflicts exactly where both sides changed one field differently, or delete vs change.
    expected = {(name_of(s), i, header_of(s, f)) for (s, i, f) in cm.keys() & ct.keys()
                if cm[(s, i, f)] != ct[(s, i, f)]}
    expected |= {(name_of(s), i, WHOLE_ROW) for (s, i) in dm if any(k[:2] == (s, i) for k in ct)}
    expected |= {(name_of(s), i, WHOLE_ROW) for (s, i) in dt_ if any(k[:2] == (s, i) for k in cm)}
    got = {(c.sheet, c.id, c.field) for c in result.conflicts}
    assert got == expected

    conflicts = {(c.sheet, c.id, c.field): c for c in result.conflicts}
    # No edit lost: every changed field is in the merged cell or on the Conflicts sheet.
    for (s, i, f), v in cm.items():
        if (s, i) in out:
            assert out[(s, i)].get(f, "") == v
        else:
            raise AssertionError(f"MINE's edit of {s} {i} {f} lost with its row")
    for (s, i, f), v in ct.items():
        c = conflicts.get((name_of(s), i, header_of(s, f)))
        if c is not None:
            assert c.theirs == v and c.mine == cm[(s, i, f)] and c.kept == out[(s, i)].get(f, "")
        else:
            assert out[(s, i)].get(f, "") == v
    # Deletions: applied unless the other side changed the row (then kept and listed).
    for (s, i) in dm | dt_:
        other_changed = any(k[:2] == (s, i) for k in (ct if (s, i) in dm else cm))
        assert ((s, i) in out) == (other_changed and (s, i) not in (dm & dt_))
    # Additions: each side's new row is there with its statement, THEIRS' renumbered where both
    # sides added one ID with different statements; the very same element added twice is one row.
    statements = {(s, L.normalise_id(r.get("id"))): r.get(L.LIST_SHEET_BY_KEY[s].statement)
                  for s, rows in result.records.elements.items() for r in rows}
    renumbered = {(sheet, old): new for sheet, old, new in result.renumbered}
    added_ids: dict[tuple[str, str], str] = {}
    for side, added in ((m, am), (t, at)):
        for (s, i) in added:
            new = i
            if side is t and (s, i) in am and m[(s, i)] != t[(s, i)]:
                new = renumbered.pop((name_of(s), i))
                assert new != i and (s, new) not in b and (s, new) not in m and (s, new) not in t
            assert statements[(s, new)] == side[(s, i)][L.LIST_SHEET_BY_KEY[s].statement]
            who = "MINE" if side is m else "THEIRS"
            added_ids[(s, new)] = "MINE and THEIRS" if added_ids.get((s, new)) == "MINE" else who
    assert renumbered == {}  # nothing renumbered that should not be
    # Exactly the expected rows, each once, in an order that keeps both sides' orders.
    kept = {k for k in b if k not in dm | dt_ or (k not in dm & dt_ and k in {x[:2] for x in cm.keys() | ct.keys()})}
    kept.discard(("intervention", ""))
    for sheet in SHEETS:
        got_ids = [L.normalise_id(r.get("id")) for r in result.records.elements.get(sheet.key, [])]
        assert len(got_ids) == len(set(got_ids))
        assert {(sheet.key, i) for i in got_ids} == {k for k in kept | set(added_ids) if k[0] == sheet.key}
        mine_order = [i for (s, i) in m if s == sheet.key and i in got_ids]
        # The very same element added on both sides is one row placed in MINE's order, so THEIRS'
        # order is kept among the rest (both sides may add the same two rows in opposite orders).
        theirs_order = [renumbered_id for (s, i) in t if s == sheet.key
                        if not ((s, i) in am and (s, i) in at and m[(s, i)] == t[(s, i)])
                        for renumbered_id in [next((n for (sh, o, n) in result.renumbered
                                                    if sh == sheet.name and o == i and (s, i) in am
                                                    and m[(s, i)] != t[(s, i)]), i)]
                        if renumbered_id in got_ids]
        assert [i for i in got_ids if i in mine_order] == mine_order
        assert [i for i in got_ids if i in theirs_order] == theirs_order
    # Counts: fields changed on one side only (in a row both sides kept) are the applied ones.
    one_sided = {k for k in cm.keys() ^ ct.keys() if k[:2] in m and k[:2] in t}
    assert result.applied == len(one_sided)
    assert sorted(result.added) == sorted((name_of(s), i, who) for (s, i), who in added_ids.items())
    removed = {(name_of(s), i, "MINE and THEIRS") for (s, i) in dm & dt_}
    removed |= {(name_of(s), i, "MINE") for (s, i) in dm - dt_ if not any(k[:2] == (s, i) for k in ct)}
    removed |= {(name_of(s), i, "THEIRS") for (s, i) in dt_ - dm if not any(k[:2] == (s, i) for k in cm)}
    assert sorted(result.removed) == sorted(removed)
    # Untouched base values survive.
    for k, fields in b.items():
        if k in out:
            for f, v in fields.items():
                if (*k, f) not in cm and (*k, f) not in ct:
                    assert out[k].get(f, "") == v
    assert lost_values(Snapshot(BASE), Snapshot(mine), result.theirs, Snapshot(result.records),
                       [c.record("now") for c in result.conflicts]) == []


@FAST
@given(edits("mine"), edits("theirs"))
@example([("add", "inputs", "IN9", "shared new inputs"), ("add", "inputs", "IN10", "shared new inputs")],
         [("add", "inputs", "IN10", "shared new inputs"), ("add", "inputs", "IN9", "shared new inputs")])
def test_three_way_merge_loses_no_edit_and_reports_exactly_the_conflicts(mine_edits, theirs_edits):
    check_three_way(mine_edits, theirs_edits)


@FAST
@given(edits("mine"), edits("theirs"))
def test_two_way_merge_keeps_every_value_and_flags_every_difference(mine_edits, theirs_edits):
    mine, theirs = apply(mine_edits), apply(theirs_edits)
    result = merge_snapshots(None, Snapshot(mine), Snapshot(theirs))
    m, t, out = state(mine), state(theirs), state(result.records)
    got = {(c.sheet, c.id, c.field) for c in result.conflicts}
    expected = set()
    for k in m.keys() & t.keys():
        for f in set(m[k]) | set(t[k]):
            if m[k].get(f, "") != t[k].get(f, ""):
                expected.add((name_of(k[0]), k[1], header_of(k[0], f)))
    expected |= {(name_of(s), i, WHOLE_ROW) for (s, i) in m.keys() ^ t.keys()}
    assert got == expected
    conflicts = {(c.sheet, c.id, c.field): c for c in result.conflicts}
    assert set(out) == set(m) | set(t)  # a union: no row dropped, none duplicated
    for k in out:
        if k not in m or k not in t:
            assert out[k] == (m if k in m else t)[k]
            continue
        for f in set(m[k]) | set(t[k]):
            mv, tv = m[k].get(f, ""), t[k].get(f, "")
            # MINE's value where it has one, else THEIRS': a cell is never left empty
            assert out[k].get(f, "") == (mv or tv)
            if mv != tv:
                c = conflicts[(name_of(k[0]), k[1], header_of(k[0], f))]
                assert (c.kept, c.mine, c.theirs) == (mv or tv, mv, tv)
    for sheet in SHEETS:
        got_ids = [L.normalise_id(r.get("id")) for r in result.records.elements.get(sheet.key, [])]
        assert len(got_ids) == len(set(got_ids))
    assert result.applied == 0 and result.removed == []


def test_a_merge_with_nothing_changed_is_the_base():
    result = merge_snapshots(Snapshot(BASE), Snapshot(copy.deepcopy(BASE)), Snapshot(copy.deepcopy(BASE)))
    assert result.records.normalised() == BASE.normalised()
    assert result.conflicts == [] and result.removed == [] and result.added == []


def test_both_sides_adding_one_id_renumbers_theirs_and_its_links():
    mine = apply([("add", "components", "C7", "Mine's new component")])
    theirs = apply([("add", "components", "C7", "Their new component")])
    theirs.elements["mechanisms"][0]["triggered_by"] = "C1, c 07"
    result = merge_snapshots(Snapshot(BASE), Snapshot(mine), Snapshot(theirs))
    assert result.renumbered == [("Components", "C7", "C8")]
    comps = {L.normalise_id(r["id"]): r["component"] for r in result.records.elements["components"]}
    assert comps["C7"] == "Mine's new component" and comps["C8"] == "Their new component"
    assert L.split_ids(result.records.elements["mechanisms"][0]["triggered_by"]) == ("C1", "C8")
    assert result.conflicts == []


# --- structure edits: a sheet or column one side lacks is never applied as deletions -------------

STRUCTURE_SHEETS = [s for s in SHEETS if s.key != "my_measures"]


@st.composite
def structure_gaps(draw: st.DrawFn) -> list[tuple[str, str]]:
    """Sheets ('' column) or columns a copy lacks, e.g. renamed beyond recognition or deleted."""
    out = []
    for _ in range(draw(st.integers(1, 3))):
        sheet = draw(st.sampled_from(STRUCTURE_SHEETS))
        cols = [c.key for c in sheet.columns if c.key not in ("id", sheet.statement)]
        out.append((sheet.key, draw(st.sampled_from(["", *cols]))))
    return out


def without(rec: ModelRecords, gaps: list[tuple[str, str]]) -> Snapshot:
    """``rec`` as read from a file lacking ``gaps``: the values there are not seen at all."""
    elements = {k: [dict(r) for r in rows] for k, rows in rec.elements.items()}
    for sheet_key, col in gaps:
        if not col:
            elements[sheet_key] = []
        else:
            for r in elements.get(sheet_key, []):
                r.pop(col, None)
    return Snapshot(ModelRecords(dict(rec.intervention), elements), missing=frozenset(gaps))


@settings(max_examples=80, deadline=dt.timedelta(seconds=4), suppress_health_check=[HealthCheck.too_slow])
@given(edits("mine"), edits("theirs"), structure_gaps(), st.sampled_from(["theirs", "mine"]),
       st.booleans())
def test_structure_edits_never_lose_a_value(mine_edits, theirs_edits, gaps, side, three_way):
    from lm_excel.exchange.merge import merge_copies

    mine, theirs = apply(mine_edits), apply(theirs_edits)
    sm = without(mine, gaps) if side == "mine" else Snapshot(mine)
    st_ = without(theirs, gaps) if side == "theirs" else Snapshot(theirs)
    base = Snapshot(BASE) if three_way else None
    result, notes = merge_copies(base, sm, st_)
    assert notes or not any(mine.elements.get(k) or theirs.elements.get(k) for k, _ in gaps)
    rows = [c.record("now") for c in result.conflicts]
    # Every value of the side that has the sheet or column is in the merged model or listed: a
    # gap on the other side is never applied as a deletion (the gapped side's own values there
    # are unknown to the merge, so they are not judged).
    out = Snapshot(result.records)
    if side == "theirs":
        lost = [x for x in lost_values(base, Snapshot(mine), result.theirs, out, rows) if x.startswith("MINE")]
    else:
        lost = [x for x in lost_values(base, sm, result.theirs, out, rows) if x.startswith("THEIRS")]
    assert lost == []
    full = Snapshot(mine) if side == "theirs" else sm
    full = full if side == "theirs" else Snapshot(result.theirs.records)
    for sheet_key, col in gaps:  # what the side with the sheet or column holds there stays
        sheet = L.LIST_SHEET_BY_KEY[sheet_key]
        merged = out.keyed(sheet)
        gapped = (st_ if side == "theirs" else sm).keyed(sheet)
        for key, rec in full.keyed(sheet).items():
            if col and three_way and key in Snapshot(BASE).keyed(sheet) and key not in gapped:
                continue  # the gapped side really deleted this row (its other columns were there)
            assert key in merged, (sheet_key, key)
            if col:
                assert cell_text(merged[key].get(col)) == cell_text(rec.get(col)), (sheet_key, key, col)
