"""The logic-model diagram: boxes in columns by stage, arrows for the links typed in the workbook.

PNG is drawn with matplotlib's Agg renderer (pip-installable, no system binaries), used directly:
no pyplot, no Figure, and matplotlib's global backend and settings are never touched. SVG is
written as text, with text kept as text. matplotlib is imported only inside the functions that
measure and draw.

Readability on an A4 landscape page, for 40 elements and more:

* one column per stage (inputs, components, outputs, mechanisms, short-, medium-, long-term
  outcomes), each with a text heading and its own colour: the colour is never the only cue;
* every box shows its ID in bold, then its text wrapped to the box, shortened with an ellipsis
  when it does not fit (the full text is in the report's table);
* the order within each column is chosen to reduce crossing arrows (the barycentre heuristic:
  each box moves towards the average position of the boxes it is linked to, sweeping left to
  right and back, keeping the order with the fewest crossings);
* arrows that skip a column pass through a gap between that column's boxes, not over them;
* the font shrinks (down to a legible minimum) as columns fill up; beyond that the drawing grows
  taller and is scaled to the page.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import layout as L
from ..errors import UsageError
from ..model import Element, LogicModel
from .text import one_line

#: Drawing size in inches: fits the text area of an A4 landscape page under a heading.
WIDTH_IN = 10.3
HEIGHT_IN = 5.7
#: Print resolution of the PNG embedded in the report.
DPI = 200
#: Font sizes (points) tried in turn until the fullest column fits; below the last the drawing grows.
FONT_SIZES = (9.0, 8.0, 7.0, 6.5, 6.0, 5.5, 5.0, 4.5)
#: Most lines of text in one box: high enough that no real statement is ever cut.
MAX_LINES = 40
#: Narrowest box (inches) a column may get when another column needs the width.
MIN_BOX_W = 0.72
#: Room beside a column for links between its own boxes (inches; more links, more room).
LANE, LANE_STEP, LANE_MAX = 0.16, 0.03, 0.34
#: Arrows leaving (or reaching) one box from this many on share a trunk of this length.
FAN, TRUNK = 3, 0.09

HEADING_H = 0.34  # column heading band
TOP = HEADING_H + 0.12  # first box's top edge
BOTTOM_MARGIN = 0.04
SIDE_MARGIN = 0.03
COLUMN_GAP = 0.30
PAD_X = 0.05
PAD_Y = 0.035
MIN_BOX_GAP = 0.05
MAX_BOX_GAP = 0.30
LINE_SPACING = 1.22
TEXT_COLOUR = "#1A1A1A"
ARROW_COLOUR = "#4D4D4D"
MISSING_GLYPH = "\u25a1"  # white square: shown for characters no available font can draw

#: Fallback fonts used (when installed) for characters DejaVu Sans lacks, e.g. CJK text.
FALLBACK_FAMILIES = (
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans", "Droid Sans Fallback",
    "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans Bengali",
)


@dataclass(frozen=True)
class Stage:
    key: str
    title: str
    colour: str  # hex without '#'
    tint: float  # how much white is mixed into the box fill (0..1)


def _stages() -> tuple[Stage, ...]:
    oc = L.OUTCOMES.colour
    return (
        Stage("inputs", "Inputs", L.INPUTS.colour, 0.88),
        Stage("components", "Components", L.COMPONENTS.colour, 0.88),
        Stage("outputs", "Outputs", L.OUTPUTS.colour, 0.88),
        Stage("mechanisms", "Mechanisms", L.MECHANISMS.colour, 0.88),
        Stage("short", "Short-term outcomes", oc, 0.90),
        Stage("medium", "Medium-term outcomes", oc, 0.84),
        Stage("long", "Long-term outcomes", oc, 0.78),
        Stage("unset", "Outcomes (no timescale)", oc, 0.93),
    )


STAGES = _stages()

#: The links drawn: (sheet key, column key, True when the arrow points from the listed ID to
#: the row, i.e. the column names where the row comes *from*).
LINKS: tuple[tuple[str, str, bool], ...] = (
    ("components", "inputs_used", True),
    ("outputs", "from_components", True),
    ("mechanisms", "triggered_by", True),
    ("mechanisms", "leads_to", False),
    ("outcomes", "contributes_to", False),
)


def outcome_stage(el: Element) -> str:
    """'short', 'medium', 'long' or 'unset' from an outcome's timescale text."""
    t = el.text("timescale").strip().lower()
    for key in ("short", "medium", "long"):
        if t.startswith(key):
            return key
    return "unset"


def stage_of(el: Element) -> str:
    return outcome_stage(el) if el.kind == "outcomes" else el.kind


@dataclass
class Node:
    key: int  # unique (IDs may be missing or duplicated in a workbook)
    label: str  # the ID shown
    text: str  # statement, one line
    stage: int  # column index in the drawing
    lines: list[str] = field(default_factory=list)  # body lines after wrapping
    first_offset: float = 0.0  # inches the first body line starts after the ID
    h: float = 0.0
    y: float = 0.0


@dataclass
class Graph:
    stages: list[Stage]
    columns: list[list[Node]]
    edges: list[tuple[int, int]]  # node keys, source -> target

    @property
    def nodes(self) -> list[Node]:
        return [n for col in self.columns for n in col]

    def __len__(self) -> int:
        return sum(len(c) for c in self.columns)


def build_graph(model: LogicModel) -> Graph:
    """The stages that have elements, their boxes in ID order, and the links among them."""
    by_stage: dict[str, list[Element]] = {s.key: [] for s in STAGES}
    for key in ("inputs", "components", "outputs", "mechanisms", "outcomes"):
        for el in model.elements[key]:
            by_stage[stage_of(el)].append(el)
    stages = [s for s in STAGES if by_stage[s.key]]
    columns: list[list[Node]] = []
    first_by_id: dict[str, int] = {}
    element_key: dict[int, int] = {}
    n = 0
    for ci, stage in enumerate(stages):
        col = []
        # In ID order (C1, C2, ..., C10), as a reader looks them up; rows without an ID last.
        ordered = sorted(by_stage[stage.key], key=lambda e: (not e.id, id_key(e.id or "")))
        for el in ordered:
            label = one_line(el.id or el.raw_id) or "(no ID)"
            node = Node(n, label, one_line(el.statement) or "(no text)", ci)
            col.append(node)
            element_key[id(el)] = n
            if el.id:
                first_by_id.setdefault(el.id, n)
            n += 1
        columns.append(col)
    edges: list[tuple[int, int]] = []
    seen: set[tuple[int, int]] = set()
    for sheet_key, col_key, incoming in LINKS:
        for el in model.elements[sheet_key]:
            me = element_key.get(id(el))
            if me is None:
                continue
            for target in el.ids(col_key):
                other = first_by_id.get(target)
                if other is None or other == me:
                    continue
                edge = (other, me) if incoming else (me, other)
                if edge not in seen:
                    seen.add(edge)
                    edges.append(edge)
    return Graph(stages, columns, edges)


# --- order ------------------------------------------------------------------------------------


def id_key(label: str) -> tuple[object, ...]:
    """Natural order of IDs: C2 before C10; IDs without a number after those with one."""
    parts = re.split(r"(\d+)", label.upper())
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts if p)


def count_crossings(graph: Graph) -> int:
    """Crossings among arrows joining the same pair of columns (a measure of clutter)."""
    pos: dict[int, float] = {}
    for col in graph.columns:
        for i, node in enumerate(col):
            pos[node.key] = (i + 0.5) / len(col)
    stage = {n.key: n.stage for n in graph.nodes}
    groups: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for a, b in graph.edges:
        sa, sb = stage[a], stage[b]
        if sa == sb:
            continue
        if sa > sb:
            a, b, sa, sb = b, a, sb, sa
        groups.setdefault((sa, sb), []).append((pos[a], pos[b]))
    total = 0
    for pairs in groups.values():
        pairs.sort()
        ends = [p[1] for p in pairs]
        total += sum(1 for i in range(len(ends)) for j in range(i + 1, len(ends)) if ends[j] < ends[i])
    return total


# --- text measuring and wrapping -------------------------------------------------------------


@lru_cache(maxsize=1)
def _main_font() -> object:
    """DejaVu Sans as shipped with matplotlib (no font-cache search needed)."""
    from matplotlib import ft2font, get_data_path

    return ft2font.FT2Font(os.path.join(get_data_path(), "fonts", "ttf", "DejaVuSans.ttf"))


@lru_cache(maxsize=1)
def _fallback_fonts() -> tuple[object, ...]:
    """Installed fallback fonts, loaded only when some text needs a character DejaVu Sans lacks."""
    from matplotlib import font_manager, ft2font

    fonts = []
    for family in _fallback_families():
        try:
            fonts.append(ft2font.FT2Font(font_manager.findfont(family, fallback_to_default=False)))
        except (ValueError, RuntimeError, OSError):
            continue
    return tuple(fonts)


@lru_cache(maxsize=1)
def _fallback_families() -> tuple[str, ...]:
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return tuple(f for f in FALLBACK_FAMILIES if f in names)


@lru_cache(maxsize=4096)
def _glyph(ch: str) -> tuple[str, float]:
    """The character to draw for ``ch`` and its advance width in ems."""
    from matplotlib import ft2font

    flags = (ft2font.LoadFlags.NO_HINTING if hasattr(ft2font, "LoadFlags")
             else ft2font.LOAD_NO_HINTING)  # matplotlib < 3.10
    main = _main_font()
    fonts = (main,) if main.get_char_index(ord(ch)) else _fallback_fonts()  # type: ignore[attr-defined]
    for font in fonts:
        if font.get_char_index(ord(ch)):  # type: ignore[attr-defined]
            font.set_size(100, 72)  # type: ignore[attr-defined]
            g = font.load_char(ord(ch), flags=flags)  # type: ignore[attr-defined]
            return ch, g.linearHoriAdvance / 65536 / 100
    return _glyph(MISSING_GLYPH) if ch != MISSING_GLYPH else (ch, 0.6)


def _needs_fallback(text: str) -> bool:
    return any(not _main_font().get_char_index(ord(ch)) for ch in text)  # type: ignore[attr-defined]


def drawable(text: str) -> str:
    """``text`` with characters that no available font can draw replaced by a square."""
    return "".join(_glyph(ch)[0] for ch in text)


@lru_cache(maxsize=1)
def _bold_font() -> object:
    from matplotlib import ft2font, get_data_path

    return ft2font.FT2Font(os.path.join(get_data_path(), "fonts", "ttf", "DejaVuSans-Bold.ttf"))


@lru_cache(maxsize=4096)
def _bold_advance(ch: str) -> float:
    """Advance width of ``ch`` in DejaVu Sans Bold, in ems (the regular width when it lacks it)."""
    from matplotlib import ft2font

    font = _bold_font()
    if not font.get_char_index(ord(ch)):  # type: ignore[attr-defined]
        return _glyph(ch)[1] * 1.1
    flags = (ft2font.LoadFlags.NO_HINTING if hasattr(ft2font, "LoadFlags")
             else ft2font.LOAD_NO_HINTING)  # matplotlib < 3.10
    font.set_size(100, 72)  # type: ignore[attr-defined]
    return font.load_char(ord(ch), flags=flags).linearHoriAdvance / 65536 / 100  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def _advance(ch: str) -> float:
    """Advance width of ``ch`` in ems (of the glyph drawn for it)."""
    return _glyph(ch)[1]


@lru_cache(maxsize=32768)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in inches at ``size`` points (DejaVu Sans metrics)."""
    # map over the cached per-character advances: the layout measures text tens of thousands
    # of times while it searches for column widths, and a generator here doubled its cost.
    ems = sum(map(_bold_advance if bold else _advance, text))
    return ems * size / 72


_TOKEN = re.compile(r"(\s*)([^\s-]*-+(?=[^\s-])|\S+)")


def wrap(text: str, first_width: float, width: float, size: float, max_lines: int) -> list[str]:
    """Greedy word wrap by measured width; the last line ends with an ellipsis when cut.

    Lines may also break after a hyphen; a word longer than a whole line is broken anywhere.
    When the first word does not fit beside the ID, the text starts on the next line.
    """
    tokens = [(bool(m.group(1)), m.group(2)) for m in _TOKEN.finditer(text) if m.group(2)]
    lines: list[str] = []
    current = ""
    limit = first_width
    cut = False
    i = 0
    while i < len(tokens):
        spaced, word = tokens[i]
        candidate = (f"{current} {word}" if spaced else current + word) if current else word
        if text_width(candidate, size) <= limit:
            current = candidate
            i += 1
            continue
        if not current:
            if not lines and limit < width and text_width(word, size) <= width:
                lines.append("")  # start on the line below the ID
            else:
                # A word longer than the line (or text without spaces): break it anywhere.
                n = 1
                while n < len(word) and text_width(word[: n + 1], size) <= limit:
                    n += 1
                lines.append(word[:n])
                tokens[i] = (False, word[n:])
        else:
            lines.append(current)
            current = ""
        limit = width
        if len(lines) == max_lines and i < len(tokens):
            cut = True
            break
    if current and not cut:
        if len(lines) < max_lines:
            lines.append(current)
        else:
            cut = True
    if cut and lines:
        last = lines[-1]
        lim = first_width if len(lines) == 1 else width
        while last and text_width(last + "\u2026", size) > lim:
            last = last[:-1]
        lines[-1] = last.rstrip(" ,;:.-") + "\u2026"
    return lines


# --- layout ----------------------------------------------------------------------------------


@dataclass
class Geometry:
    width: float
    height: float
    widths: list[float]  # box width of each column
    font: float
    line_h: float
    xs: list[float]  # left edge of each column
    lanes: list[float] = field(default_factory=list)  # room right of a column for its own links

    @property
    def box_w(self) -> float:
        """The narrowest column's box width."""
        return min(self.widths) if self.widths else 0.0


@lru_cache(maxsize=65536)
def _wrapped(text: str, label: str, inner: float, font: float) -> tuple[float, tuple[str, ...]]:
    """(first-line offset, lines) of a box's text wrapped to ``inner`` inches beside its ID."""
    offset = text_width(label + "  ", font, bold=True)
    if offset > inner * 0.6:  # a long ID: the text starts on the line below
        return 0.0, ("", *wrap(drawable(text), inner, inner, font, MAX_LINES))
    return offset, tuple(wrap(drawable(text), inner - offset, inner, font, MAX_LINES))


def _column_height(col: Sequence[Node], w: float, font: float) -> float:
    line_h = font * LINE_SPACING / 72
    lines = sum(max(1, len(_wrapped(n.text, n.label, w - 2 * PAD_X, font)[1])) for n in col)
    return lines * line_h + len(col) * 2 * PAD_Y + max(0, len(col) - 1) * MIN_BOX_GAP


def _longest_word(col: Sequence[Node], font: float) -> float:
    """Width (inches) of the longest word, or bold ID, in a column at ``font`` points."""
    widest = 0.0
    for node in col:
        widest = max(widest, text_width(node.label, font, bold=True),
                     *(text_width(w, font) for w in drawable(node.text).split()))
    return widest


def _width_to_fit(col: Sequence[Node], font: float, body_h: float, lo: float, hi: float) -> float | None:
    """The narrowest box width (between ``lo`` and ``hi``) at which the column fits ``body_h``."""
    if _column_height(col, hi, font) > body_h:
        return None
    if _column_height(col, lo, font) <= body_h:
        return lo
    for _ in range(9):
        mid = (lo + hi) / 2
        if _column_height(col, mid, font) <= body_h:
            hi = mid
        else:
            lo = mid
    return hi


def _share(need: Sequence[float], total: float) -> list[float]:
    """Widths at least ``need`` summing to ``total``: the narrowest columns widen first."""
    level_lo, level_hi = 0.0, total
    for _ in range(40):
        level = (level_lo + level_hi) / 2
        if sum(max(n, level) for n in need) > total:
            level_hi = level
        else:
            level_lo = level
    return [max(n, level_lo) for n in need]


def _same_column_links(graph: Graph) -> list[int]:
    """How many links join two boxes of the same column, per column."""
    stage = {n.key: n.stage for n in graph.nodes}
    counts = [0] * len(graph.columns)
    for a, b in graph.edges:
        if stage[a] == stage[b]:
            counts[stage[a]] += 1
    return counts


def natural_height(graph: Graph, width: float = WIDTH_IN) -> float:
    """Height (inches) at which every column fits at the largest font with its full text, the
    columns sharing ``width`` equally; never less than the report page's."""
    nc = max(1, len(graph.columns))
    lanes = sum(min(LANE_MAX, LANE + LANE_STEP * (n - 1)) if n else 0.0
                for n in _same_column_links(graph))
    w = (width - 2 * SIDE_MARGIN - (nc - 1) * COLUMN_GAP - lanes) / nc
    tallest = max((_column_height(col, w, FONT_SIZES[0]) for col in graph.columns), default=0.0)
    return max(HEIGHT_IN, TOP + BOTTOM_MARGIN + tallest + 1e-6)


def layout_graph(graph: Graph, width: float = WIDTH_IN, height: float = HEIGHT_IN) -> Geometry:
    """Choose the font and column widths so every box's full text fits; place every box.

    Columns with more text get more width. When even the smallest font cannot fit the fullest
    column, the drawing grows taller (the page scales it down).
    """
    nc = max(1, len(graph.columns))
    lanes = [min(LANE_MAX, LANE + LANE_STEP * (n - 1)) if n else 0.0 for n in _same_column_links(graph)]
    lanes += [0.0] * (nc - len(lanes))
    avail = width - 2 * SIDE_MARGIN - (nc - 1) * COLUMN_GAP - sum(lanes)
    body_h = height - TOP - BOTTOM_MARGIN
    lo = min(MIN_BOX_W, avail / nc)
    font, widths = FONT_SIZES[-1], None
    for size in FONT_SIZES:
        # No column narrower than its longest word (a word is never broken while a font fits).
        floor = [max(lo, _longest_word(col, size) + 2 * PAD_X + 0.02) for col in graph.columns]
        if sum(floor) > avail:
            continue
        need = [_width_to_fit(col, size, body_h, f, avail - sum(floor) + f)
                for col, f in zip(graph.columns, floor)]
        if all(n is not None for n in need) and sum(need) <= avail + 1e-9:  # type: ignore[arg-type]
            font, widths = size, _share(need, avail)  # type: ignore[arg-type]
            break
    if widths is None:
        # Too much text for one page even at the smallest font: width by amount of text.
        load = [max(1.0, sum(text_width(n.text, font) for n in col)) for col in graph.columns]
        widths = _share([max(lo, avail * x / sum(load) * 0.85) for x in load], avail) if graph.columns else [avail]
    line_h = font * LINE_SPACING / 72
    xs, x = [], SIDE_MARGIN
    for ci in range(nc):
        xs.append(x)
        x += (widths[ci] if ci < len(widths) else 0) + lanes[ci] + COLUMN_GAP
    tallest = max((_column_height(col, w, font) for col, w in zip(graph.columns, widths)), default=0)
    if tallest > body_h:
        body_h = tallest
        height = body_h + TOP + BOTTOM_MARGIN
    for col, w in zip(graph.columns, widths):
        for node in col:
            node.first_offset, lines = _wrapped(node.text, node.label, w - 2 * PAD_X, font)
            node.lines = list(lines)
            node.h = 2 * PAD_Y + max(1, len(node.lines)) * line_h
        total = sum(n.h for n in col)
        gap = (body_h - total) / (len(col) + 1) if col else 0
        gap = max(MIN_BOX_GAP, min(MAX_BOX_GAP, gap))
        block = total + gap * (len(col) - 1)
        y = TOP + max(0.0, (body_h - block) / 2)
        for node in col:
            node.y = y
            y += node.h + gap
    return Geometry(width, height, list(widths), font, line_h, xs, lanes)


def _gaps(col: Sequence[Node], top: float, bottom: float) -> list[tuple[float, float]]:
    gaps = []
    y = top
    for node in col:
        gaps.append((y, node.y))
        y = node.y + node.h
    gaps.append((y, bottom))
    return [(a, b) for a, b in gaps if b - a > 0.01]


Steps = list[tuple[str, tuple[float, float]]]


def _route(graph: Graph, geo: Geometry) -> list[Steps]:
    """Each edge as a list of path steps ('M'/'L'/'C' with points), in drawing coordinates.

    Links within one column curve through the lane beside it (longer links further out).
    Where three or more arrows leave one box (or reach one), they share a short trunk, so a
    dense fan reads as one bundle.
    """
    nodes = {n.key: n for n in graph.nodes}
    gaps = [_gaps(col, TOP - 0.08, geo.height - 0.01) for col in graph.columns]
    out_deg: dict[int, int] = {}
    in_deg: dict[int, int] = {}
    for a, b in graph.edges:
        if nodes[a].stage < nodes[b].stage:
            out_deg[a] = out_deg.get(a, 0) + 1
            in_deg[b] = in_deg.get(b, 0) + 1
    same = sorted((e for e in graph.edges if nodes[e[0]].stage == nodes[e[1]].stage),
                  key=lambda e: abs(nodes[e[0]].y - nodes[e[1]].y))
    rank: dict[tuple[int, int], int] = {}
    per_col: dict[int, int] = {}
    for e in same:
        ci = nodes[e[0]].stage
        rank[e] = per_col.get(ci, 0)
        per_col[ci] = rank[e] + 1
    used: dict[tuple[int, int], int] = {}
    paths = []
    for a, b in graph.edges:
        s, t = nodes[a], nodes[b]
        if s.stage == t.stage:
            paths.append(_lane_loop(s, t, geo, rank[(a, b)], per_col[s.stage]))
        elif s.stage > t.stage:
            paths.append(_backward(s, t, geo))
        else:
            paths.append(_forward(s, t, geo, gaps, used, out_deg.get(a, 0) >= FAN,
                                  in_deg.get(b, 0) >= FAN))
    return paths


def _lane_loop(s: Node, t: Node, geo: Geometry, rank: int, n: int) -> Steps:
    """A link within one column: a curve through the lane on its right (the ``rank``-th
    shortest of the column's ``n`` such links, further out the longer it is)."""
    x = geo.xs[s.stage] + geo.widths[s.stage]
    bulge = geo.lanes[s.stage] * (0.35 + 0.6 * (rank + 1) / n)
    ys = s.y + s.h * 0.62
    yt = t.y + t.h * 0.38 if t.y + t.h / 2 > s.y + s.h / 2 else t.y + t.h * 0.62
    return [("M", (x, ys)), ("C", (x + bulge, ys)), ("C", (x + bulge, yt)), ("C", (x, yt))]


def _backward(s: Node, t: Node, geo: Geometry) -> Steps:
    """A backward link: from the left side of ``s`` to the right side of ``t``."""
    ys, yt = s.y + s.h / 2, t.y + t.h / 2
    x0, x1 = geo.xs[s.stage], geo.xs[t.stage] + geo.widths[t.stage]
    mid = (x0 + x1) / 2
    return [("M", (x0, ys)), ("C", (mid, ys)), ("C", (mid, yt)), ("C", (x1, yt))]


def _forward(s: Node, t: Node, geo: Geometry, gaps: Sequence[Sequence[tuple[float, float]]],
             used: dict[tuple[int, int], int], fan_out: bool, fan_in: bool) -> Steps:
    """A forward link through the gaps between boxes of the columns it crosses (``used``
    counts the links through each gap, which spread out), with a trunk at a fan."""
    ys, yt = s.y + s.h / 2, t.y + t.h / 2
    x0 = geo.xs[s.stage] + geo.widths[s.stage]
    x_end = geo.xs[t.stage]
    steps: Steps = [("M", (x0, ys))]
    cur_x, cur_y = x0, ys
    if fan_out:
        cur_x = x0 + geo.lanes[s.stage] + TRUNK
        steps.append(("L", (cur_x, ys)))
    for k in range(s.stage + 1, t.stage):
        xl, xr = geo.xs[k], geo.xs[k] + geo.widths[k]
        frac = ((xl + xr) / 2 - x0) / (x_end - x0)
        want = ys + (yt - ys) * frac
        gi, (g0, g1) = min(enumerate(gaps[k]), key=lambda g: _gap_distance(g[1], want))
        n_used = used.get((k, gi), 0)
        used[(k, gi)] = n_used + 1
        centre = min(max(want, g0 + 0.03), g1 - 0.03) if g1 - g0 > 0.06 else (g0 + g1) / 2
        offset = ((n_used + 1) // 2) * 0.02 * (1 if n_used % 2 else -1)
        y = min(max(centre + offset, g0 + 0.01), g1 - 0.01)
        steps += _curve(cur_x, cur_y, xl, y)
        steps.append(("L", (xr + geo.lanes[k], y)))
        cur_x, cur_y = xr + geo.lanes[k], y
    if fan_in:
        steps += _curve(cur_x, cur_y, x_end - TRUNK, yt)
        steps.append(("L", (x_end, yt)))
    else:
        steps += _curve(cur_x, cur_y, x_end, yt)
    return steps


def _gap_distance(gap: tuple[float, float], y: float) -> float:
    g0, g1 = gap
    if g0 <= y <= g1:
        return 0.0
    return min(abs(y - g0), abs(y - g1))


def _curve(x0: float, y0: float, x1: float, y1: float) -> list[tuple[str, tuple[float, float]]]:
    dx = (x1 - x0) / 2
    return [("C", (x0 + dx, y0)), ("C", (x1 - dx, y1)), ("C", (x1, y1))]


def _hex(colour: str) -> str:
    return "#" + colour.lstrip("#")


def _tint(colour: str, amount: float) -> str:
    c = colour.lstrip("#")
    rgb = [int(c[i:i + 2], 16) for i in (0, 2, 4)]
    mixed = [round(v + (255 - v) * amount) for v in rgb]
    return "#" + "".join(f"{v:02X}" for v in mixed)


# --- drawing ---------------------------------------------------------------------------------
#
# The drawing is a short list of primitives (rounded boxes, curves with arrowheads, lines of text)
# in inches from the top-left corner. Two painters turn it into a file: matplotlib's Agg renderer
# for PNG (used directly: no Figure, no Axes, no pyplot, no global backend) and a small SVG
# writer that keeps text as text, so the SVG stays searchable and accessible.


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str
    radius: float = 0.0
    linewidth: float = 0.7  # points


@dataclass(frozen=True)
class Curve:
    steps: tuple[tuple[str, tuple[float, float]], ...]  # ('M'|'L'|'C', point); C comes in threes
    colour: str
    linewidth: float
    head: float  # arrowhead length in inches


@dataclass(frozen=True)
class Label:
    x: float
    baseline: float
    text: str
    size: float  # points
    colour: str
    bold: bool = False
    anchor: str = "start"  # or "middle"


ASCENT = 0.93  # DejaVu Sans ascender, in ems: baseline = top of line + ASCENT * size


def primitives(graph: Graph, geo: Geometry) -> list[Box | Curve | Label]:
    """Everything to draw, back to front."""
    out: list[Box | Curve | Label] = []
    head_size = min(8.5, max(6.0, geo.font + 1.5))
    for ci, stage in enumerate(graph.stages):
        x, w = geo.xs[ci], geo.widths[ci]
        colour = _hex(stage.colour)
        out.append(Box(x, 0.02, w, HEADING_H - 0.02, colour, colour, 0.0, 0.0))
        size = head_size
        lines = wrap(stage.title, w - 0.08, w - 0.08, size, 2)
        while size > 5 and (len(lines) > 2 or any(text_width(ln, size, True) > w - 0.06 for ln in lines)):
            size -= 0.5
            lines = wrap(stage.title, w - 0.08, w - 0.08, size, 2)
        lh = size * 1.1 / 72
        top = 0.02 + (HEADING_H - 0.02 - len(lines) * lh) / 2
        for i, line in enumerate(lines):
            out.append(Label(x + w / 2, top + i * lh + ASCENT * size / 72 * 0.92,
                             line, size, "#FFFFFF", True, "middle"))
    head = max(0.035, geo.font * 0.007)
    for steps in _route(graph, geo):
        out.append(Curve(tuple(steps), ARROW_COLOUR, 0.55, head))
    for ci, col in enumerate(graph.columns):
        stage = graph.stages[ci]
        colour = _hex(stage.colour)
        x = geo.xs[ci]
        for node in col:
            out.append(Box(x, node.y, geo.widths[ci], node.h, _tint(stage.colour, stage.tint), colour,
                           0.035, 0.7))
            base = node.y + PAD_Y + ASCENT * geo.font / 72
            out.append(Label(x + PAD_X, base, drawable(node.label), geo.font, colour, True))
            for i, line in enumerate(node.lines):
                lx = x + PAD_X + (node.first_offset if i == 0 else 0)
                out.append(Label(lx, base + i * geo.line_h, line, geo.font, TEXT_COLOUR))
    return out


def _arrowhead(steps: Sequence[tuple[str, tuple[float, float]]], head: float) -> list[tuple[float, float]]:
    """Triangle at the end of a path, pointing along its last segment."""
    (x1, y1) = steps[-1][1]
    (x0, y0) = steps[-2][1]
    dx, dy = x1 - x0, y1 - y0
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / norm, dy / norm
    bx, by = x1 - ux * head, y1 - uy * head
    half = head * 0.45
    return [(x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)]


def _trimmed(steps: Sequence[tuple[str, tuple[float, float]]], head: float) -> list[tuple[str, tuple[float, float]]]:
    """The path stopped short of its end by most of the arrowhead, so the line does not poke out."""
    out = list(steps)
    (x1, y1) = out[-1][1]
    (x0, y0) = out[-2][1]
    dx, dy = x1 - x0, y1 - y0
    norm = (dx * dx + dy * dy) ** 0.5 or 1.0
    out[-1] = (out[-1][0], (x1 - dx / norm * head * 0.7, y1 - dy / norm * head * 0.7))
    return out


def _rounded(x: float, y: float, w: float, h: float, r: float) -> list[tuple[str, tuple[float, float]]]:
    r = min(r, w / 2, h / 2)
    if r <= 0:
        return [("M", (x, y)), ("L", (x + w, y)), ("L", (x + w, y + h)), ("L", (x, y + h)),
                ("Z", (x, y))]
    k = 0.4477 * r  # cubic approximation of a quarter circle
    return [
        ("M", (x + r, y)), ("L", (x + w - r, y)),
        ("C", (x + w - k, y)), ("C", (x + w, y + k)), ("C", (x + w, y + r)),
        ("L", (x + w, y + h - r)),
        ("C", (x + w, y + h - k)), ("C", (x + w - k, y + h)), ("C", (x + w - r, y + h)),
        ("L", (x + r, y + h)),
        ("C", (x + k, y + h)), ("C", (x, y + h - k)), ("C", (x, y + h - r)),
        ("L", (x, y + r)),
        ("C", (x, y + k)), ("C", (x + k, y)), ("C", (x + r, y)),
        ("Z", (x + r, y)),
    ]


def _rgb(colour: str) -> tuple[float, float, float, float]:
    c = colour.lstrip("#")
    return (int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255, 1.0)


def paint_png(items: Sequence[Box | Curve | Label], width: float, height: float, dpi: int,
              metadata: dict[str, str]) -> bytes:
    """PNG bytes of the drawing, through matplotlib's Agg renderer (its text machinery only
    for text in other scripts: see :mod:`lm_excel.report.agg`)."""
    from matplotlib.path import Path as MplPath
    from matplotlib.transforms import Affine2D

    from .agg import renderer as agg_renderer

    w_px, h_px = round(width * dpi), round(height * dpi)
    other_scripts = any(isinstance(i, Label) and _needs_fallback(i.text) for i in items)
    renderer = agg_renderer(w_px, h_px, dpi, full=other_scripts)
    gc = renderer.new_gc()
    gc.set_antialiased(True)
    to_px = Affine2D().scale(dpi, -dpi).translate(0, h_px)  # inches, y down -> pixels, y up
    fonts: dict[tuple[float, bool, bool], object] = {}
    plain: list[Label] = []  # text DejaVu Sans can draw: rasterised in one pass at the end

    def font(size: float, bold: bool, text: str) -> object:
        fallback = _needs_fallback(text)
        key = (size, bold, fallback)
        if key not in fonts:
            from matplotlib.font_manager import FontProperties

            family = ["DejaVu Sans", *_fallback_families()] if fallback else "DejaVu Sans"
            fonts[key] = FontProperties(family=family, size=size, weight="bold" if bold else "normal")
        return fonts[key]

    gc.set_linewidth(0)
    gc.set_foreground((1, 1, 1, 1))
    renderer.draw_path(gc, MplPath([(0, 0), (w_px, 0), (w_px, h_px), (0, h_px), (0, 0)],
                                   closed=True), Affine2D(), (1, 1, 1, 1))
    for item in items:
        if isinstance(item, (Box, Curve)):
            _draw_shape(renderer, gc, item, to_px)
        elif _needs_fallback(item.text):
            # Text in other scripts: matplotlib's own text drawing, with the fallback fonts.
            gc.set_foreground(_rgb(item.colour))
            renderer.draw_text(gc, _text_x(item) * dpi, item.baseline * dpi, item.text,
                               font(item.size, item.bold, item.text), 0)
        else:
            plain.append(item)
    gc.restore()
    import numpy as np

    canvas = np.asarray(renderer.buffer_rgba())  # H x W x 4 bytes, blended in place
    for item in plain:
        _blit_text(canvas, item, dpi)
    return _png(canvas, w_px, h_px, dpi, metadata)


def _draw_shape(renderer: Any, gc: Any, item: Box | Curve, to_px: Any) -> None:
    """A box (filled, with its outline) or a curve with its arrowhead, in pixels."""
    from matplotlib.path import Path as MplPath

    codes = {"M": MplPath.MOVETO, "L": MplPath.LINETO, "C": MplPath.CURVE4, "Z": MplPath.CLOSEPOLY}
    if isinstance(item, Box):
        steps = _rounded(item.x, item.y, item.w, item.h, item.radius)
        path = MplPath([p for _, p in steps], [codes[c] for c, _ in steps])
        gc.set_linewidth(item.linewidth)
        gc.set_foreground(_rgb(item.stroke) if item.linewidth else _rgb(item.fill))
        renderer.draw_path(gc, path, to_px, _rgb(item.fill))
        return
    steps = _trimmed(item.steps, item.head)
    path = MplPath([p for _, p in steps], [codes[c] for c, _ in steps])
    gc.set_linewidth(item.linewidth)
    gc.set_foreground(_rgb(item.colour))
    renderer.draw_path(gc, path, to_px, None)
    tri = _arrowhead(item.steps, item.head)
    gc.set_linewidth(0.3)
    renderer.draw_path(gc, MplPath([*tri, tri[0]], closed=True), to_px, _rgb(item.colour))


def _png(canvas: Any, w_px: int, h_px: int, dpi: int, metadata: dict[str, str]) -> bytes:
    """The RGBA canvas as PNG bytes (RGB), with the metadata as text chunks."""
    from PIL import Image, PngImagePlugin

    image = Image.frombuffer("RGBA", (w_px, h_px), canvas.tobytes(), "raw", "RGBA", 0, 1).convert("RGB")
    info = PngImagePlugin.PngInfo()
    for key, value in metadata.items():
        info.add_itxt(key, value)
    buf = io.BytesIO()
    image.save(buf, format="png", pnginfo=info, dpi=(dpi, dpi), compress_level=1)
    return buf.getvalue()


def _text_x(item: Label) -> float:
    if item.anchor == "middle":
        return item.x - text_width(item.text, item.size, item.bold) / 2
    return item.x


@lru_cache(maxsize=2)
def _raster_font(bold: bool) -> object:
    from matplotlib import ft2font, get_data_path

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ft2font.FT2Font(os.path.join(get_data_path(), "fonts", "ttf", name))


def _blit_text(canvas: object, item: Label, dpi: int) -> None:
    """Rasterise one line of text with FreeType and blend it onto ``canvas`` (H x W x 4 bytes;
    only the text's own rectangle is converted to floats and back).

    One FreeType call per line instead of matplotlib's per-glyph text path: the diagram's many
    short lines draw about four times faster. Text is the top layer, so blending order is free.
    """
    import numpy as np
    from matplotlib import ft2font

    flags = (ft2font.LoadFlags.FORCE_AUTOHINT if hasattr(ft2font, "LoadFlags")
             else ft2font.LOAD_FORCE_AUTOHINT)  # matplotlib < 3.10
    font = _raster_font(item.bold)
    font.set_size(item.size, dpi)  # type: ignore[attr-defined]
    font.set_text(item.text, 0.0, flags=flags)  # type: ignore[attr-defined]
    font.draw_glyphs_to_bitmap(antialiased=True)  # type: ignore[attr-defined]
    alpha = np.asarray(font.get_image(), dtype=np.float32) / 255.0  # type: ignore[attr-defined]
    if not alpha.size:
        return
    xo, _ = font.get_bitmap_offset()  # type: ignore[attr-defined]
    descent = font.get_descent() / 64.0  # type: ignore[attr-defined]
    h, w = alpha.shape
    if item.anchor == "middle":
        x0 = round(item.x * dpi - w / 2)
    else:
        x0 = round(item.x * dpi + xo / 64.0)
    y0 = round(item.baseline * dpi + descent) - h
    rows, cols = canvas.shape[0], canvas.shape[1]  # type: ignore[attr-defined]
    top, left = max(0, y0), max(0, x0)
    bottom, right = min(rows, y0 + h), min(cols, x0 + w)
    if top >= bottom or left >= right:
        return
    a = alpha[top - y0:bottom - y0, left - x0:right - x0, None]
    colour = np.array(_rgb(item.colour)[:3], dtype=np.float32) * 255.0
    region = canvas[top:bottom, left:right, :3].astype(np.float32)  # type: ignore[index]
    region *= 1.0 - a
    region += a * colour
    canvas[top:bottom, left:right, :3] = np.clip(region + 0.5, 0, 255).astype(np.uint8)  # type: ignore[index]


def _svg_escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def paint_svg(items: Sequence[Box | Curve | Label], width: float, height: float,
              metadata: dict[str, str]) -> bytes:
    """SVG bytes of the drawing (text kept as text; sizes in points)."""
    pt = 72.0

    def f(v: float) -> str:
        return f"{v * pt:.2f}".rstrip("0").rstrip(".")

    def d(steps: Sequence[tuple[str, tuple[float, float]]]) -> str:
        parts = []
        i = 0
        while i < len(steps):
            code, (x, y) = steps[i]
            if code == "C":
                pts = [steps[i + j][1] for j in range(3)]
                parts.append("C" + " ".join(f"{f(a)},{f(b)}" for a, b in pts))
                i += 3
                continue
            parts.append("Z" if code == "Z" else f"{code}{f(x)},{f(y)}")
            i += 1
        return " ".join(parts)

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{f(width)}pt" '
         f'height="{f(height)}pt" viewBox="0 0 {f(width)} {f(height)}" role="img" '
         'aria-labelledby="title desc">'),
        f'<title id="title">{_svg_escape(metadata.get("Title", ""))}</title>',
        f'<desc id="desc">{_svg_escape(metadata.get("Description", ""))}</desc>',
        f'<rect width="{f(width)}" height="{f(height)}" fill="#FFFFFF"/>',
        '<g font-family="DejaVu Sans, Verdana, Arial, sans-serif">',
    ]
    for item in items:
        if isinstance(item, Box):
            stroke = (f' stroke="{item.stroke}" stroke-width="{item.linewidth:g}"'
                      if item.linewidth else "")
            out.append(f'<path d="{d(_rounded(item.x, item.y, item.w, item.h, item.radius))}" '
                       f'fill="{item.fill}"{stroke}/>')
        elif isinstance(item, Curve):
            tri = _arrowhead(item.steps, item.head)
            out.append(f'<path d="{d(_trimmed(item.steps, item.head))}" fill="none" '
                       f'stroke="{item.colour}" stroke-width="{item.linewidth:g}"/>')
            pts = " ".join(f"{f(a)},{f(b)}" for a, b in tri)
            out.append(f'<polygon points="{pts}" fill="{item.colour}"/>')
        else:
            weight = ' font-weight="bold"' if item.bold else ""
            anchor = ' text-anchor="middle"' if item.anchor == "middle" else ""
            out.append(f'<text x="{f(item.x)}" y="{f(item.baseline)}" font-size="{item.size:g}" '
                       f'fill="{item.colour}"{weight}{anchor} xml:space="preserve">'
                       f"{_svg_escape(item.text)}</text>")
    out.append("</g></svg>")
    return ("\n".join(out) + "\n").encode("utf-8")


def alt_text(model: LogicModel, graph: Graph | None = None) -> str:
    """A description of the diagram for people who cannot see it (Word's alt text)."""
    graph = graph or build_graph(model)
    name = one_line(model.intervention.name) or "the intervention"
    counts = ", ".join(
        f"{len(col)} {stage.title.lower()}" for stage, col in zip(graph.stages, graph.columns)
    )
    return (
        f"Logic model diagram of {name}, in columns from left to right: {counts or 'no elements'}. "
        f"{len(graph.edges)} arrows show the links typed in the workbook: inputs used by "
        "components, components triggering mechanisms and producing outputs, mechanisms leading "
        "to outcomes, and outcomes contributing to longer-term outcomes. Each box shows an ID and "
        "a shortened text; the table 'The logic model in columns' lists every element in full."
    )


def render(model: LogicModel, fmt: str = "png", dpi: int = DPI, *, width: float = WIDTH_IN,
           height: float | None = None) -> bytes:
    """The diagram as PNG or SVG bytes, ``width`` inches wide.

    ``height`` defaults to the report page's (the font shrinks to fit, then the drawing grows);
    give ``height=0`` for a drawing as tall as its fullest column needs at the largest font
    (the Diagram sheet: readable at 100% zoom whatever the model's size). Every box holds its
    full text either way.
    """
    return render_formats(model, (fmt,), dpi, width=width, height=height)[fmt.lower()]


def render_formats(model: LogicModel, formats: Sequence[str] = ("png", "svg"), dpi: int = DPI, *,
                   width: float = WIDTH_IN, height: float | None = None,
                   max_pixels: int | None = None) -> dict[str, bytes]:
    """The diagram in each of ``formats`` (PNG, SVG), laid out once: see :func:`render`.

    ``max_pixels`` caps the PNG's size: a very large model's PNG is drawn at a lower resolution
    (its SVG keeps every detail)."""
    formats = [f.lower() for f in formats]
    for fmt in formats:
        if fmt not in ("png", "svg"):
            raise UsageError(f"the diagram can be saved as PNG or SVG, not '{fmt}'")
    graph = build_graph(model)
    if height == 0:
        height = natural_height(graph, width)
    geo = layout_graph(graph, width, HEIGHT_IN if height is None else height)
    items = primitives(graph, geo)
    metadata = {
        "Title": "Logic model: " + (one_line(model.intervention.name) or "diagram"),
        "Description": alt_text(model, graph),
    }
    if max_pixels:
        dpi = max(24, min(dpi, int((max_pixels / (geo.width * geo.height)) ** 0.5)))
    return {fmt: paint_svg(items, geo.width, geo.height, metadata) if fmt == "svg"
            else paint_png(items, geo.width, geo.height, dpi, metadata) for fmt in formats}


def save_diagram(model: LogicModel, path: str | os.PathLike[str]) -> Path:
    """Write the diagram to ``path`` (.png or .svg, by its extension) atomically."""
    from ..fileio import write_verified

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise UsageError(f"'{path.name}': the diagram file name must end in .png or .svg")
    data = render(model, fmt)

    def verify(tmp: Path) -> None:
        head = tmp.read_bytes()[:200]
        ok = head.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in tmp.read_bytes()[:2000]
        if not ok:
            from ..errors import OutputError

            raise OutputError("the diagram was not written correctly", path)
        del head

    return write_verified(path, lambda tmp: tmp.write_bytes(data), verify)


