"""Wording (warnings): statements a reader, an evaluator or a printer will struggle with."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from .. import layout as L
from ..findings import Finding, make, register
from ..model import Element, Field
from .base import Context, rule, short

C = "wording"
OUTCOME_NOT_CHANGE = register(
    "outcome-not-a-change", category=C, severity="warning",
    title="Outcome worded as an activity or output",
    description="An outcome should describe a change for people or services (e.g. 'Parents "
    "feel more confident'), not something the service does ('Deliver ...', 'Run sessions') or "
    "counts ('Number of ...'). Activities belong on Components, counts on Outputs.",
    message="Outcome {id} ({ref}) reads like {what}, not a change: '{text}'.",
    fix="Reword it as the change you hope this brings about, for whom (e.g. 'Parents report "
    "less stress'); move activities to Components and counts to Outputs.",
)
NO_DIRECTION = register(
    "no-direction", category=C, severity="warning",
    title="Outcome without a direction of change",
    description="Neither the outcome statement nor the 'Intended direction' column says "
    "whether things should increase, decrease or stay the same, so it cannot be measured.",
    message="Outcome {id} does not say which way things should change: '{text}'.",
    fix="Choose Increase, Decrease or Maintain in {ref}, or reword the outcome (e.g. 'more', "
    "'fewer', 'improved', 'reduced').",
)
VAGUE = register(
    "vague-statement", category=C, severity="warning",
    title="Statement too short or vague",
    description="A statement so short or general (e.g. 'Better outcomes') that a partner "
    "could not tell what is meant or how to measure it.",
    message="{id}'s {column} ({ref}) is too short or vague to act on: '{text}'.",
    fix="Say more specifically what, for whom and how: at least {words} words for {plural}.",
)
PLACEHOLDER = register(
    "placeholder", category=C, severity="warning",
    title="Placeholder text left in",
    description="A cell still holds placeholder or example text such as TBC, TBD, xxx, "
    "'[insert ...]' or 'e.g.'.",
    message="{place} ({ref}) still holds placeholder text ('{found}').",
    fix="Replace the placeholder in {ref} with the real answer, or leave the cell empty until "
    "you know it.",
)
NEAR_DUPLICATE = register(
    "near-duplicate", category=C, severity="warning",
    title="Two statements say almost the same",
    description="Two rows on the same sheet use nearly the same words, which usually means a "
    "row was copied or the same idea was entered twice.",
    message="{id} ({ref}) says almost the same as {other} ({other_ref}): '{text}'.",
    fix="Merge the two rows (keeping one ID and updating links to the other), or reword them "
    "so the difference is clear.",
)
TOO_LONG = register(
    "text-too-long", category=C, severity="warning",
    title="Cell too long to print well",
    description="The text in a cell is longer than its column can show on a printed page "
    "(a row can be at most about 30 lines high), so it will be cut off when printed.",
    message="{place} ({ref}) holds {chars} characters; about {limit} fit in that column when "
    "printed.",
    fix="Shorten the text in {ref} to the essentials (under {limit} characters) and move "
    "detail to a separate document or a Detail/Description column.",
)
NEGATIVE_UNMANAGED = register(
    "negative-unmanaged", category=C, severity="warning",
    title="Negative consequence without mitigation or monitoring",
    description="A potential negative consequence should say what will be done to prevent or "
    "reduce it and how you will notice if it happens.",
    message="Negative consequence {id} has no {what} ({ref} is empty).",
    fix="Fill in {ref}: {help}",
)
ASSUMPTION_UNTESTED = register(
    "assumption-untested", category=C, severity="warning",
    title="Weak or untested assumption without a test plan",
    description="An assumption rated weak or untested (or not rated) needs a plan for "
    "checking whether it holds.",
    message="Assumption {id} is {confidence} but there is no plan to test it ({ref} is empty).",
    fix="Say in {ref} what evidence you will gather to check it, e.g. a question in a family "
    "survey or an audit of cases.",
)

# --- outcome wording -----------------------------------------------------------------------------

_ACTIVITY = re.compile(
    r"^\s*(?:to\s+)?(?:deliver|run|provide|hold|offer|organi[sz]e|set\s+up|establish|implement|"
    r"launch|introduce|conduct|host|train|recruit|commission|fund|hire|roll\s+out|distribute|"
    r"produce|carry\s+out|undertake|arrange|facilitate|employ|create|develop)(?:s|ing|ning|ting)?\b",
    re.IGNORECASE,
)
_COUNT = re.compile(r"^\s*(?:the\s+)?(?:number|no\.?|count|total|amount|quantity)\s+of\b", re.IGNORECASE)
_SESSIONS = re.compile(
    r"\b(?:sessions?|workshops?|meetings?|groups?|visits?|courses?|trainings?)\s+(?:are\s+|were\s+|"
    r"is\s+|was\s+|being\s+)?(?:delivered|held|run|provided|offered|completed|attended)\b",
    re.IGNORECASE,
)
_DIRECTION = re.compile(
    r"\b(?:increas\w*|decreas\w*|reduc\w*|fewer|more|less|lower\w*|higher|improv\w*|better|worse|"
    r"rais\w*|rise|rising|fall\w*|drop\w*|grow\w*|decline\w*|maintain\w*|sustain\w*|stable|"
    r"steady|prevent\w*|avoid\w*|stop\w*|strengthen\w*|enhanc\w*|greater|boost\w*|cut|shorter|"
    r"longer|quicker|faster|sooner|earlier|slower|gain\w*|extend\w*|expand\w*|minimi[sz]\w*|"
    r"maximi[sz]\w*|keep\w*|kept|positive|negative|safer|healthier|stronger|"
    r"weaker|eliminat\w*|retain\w*|protect\w*)\b",
    re.IGNORECASE,
)

# --- vagueness -----------------------------------------------------------------------------------

#: Fewest words a statement should have, per sheet (names of things may be short; claims not).
MIN_WORDS: dict[str, int] = {
    "inputs": 2, "components": 2, "outputs": 3, "mechanisms": 6, "outcomes": 4,
    "context": 2, "assumptions": 4, "negatives": 4,
}
_VAGUE_PHRASE = re.compile(
    r"\b(?:better|improved|good|positive)\s+(?:outcomes?|results?|things|lives|services?)\b|"
    r"\bmake\s+a\s+difference\b|\betc\b|\bvarious\b|\bstuff\b|\bthings\b",
    re.IGNORECASE,
)
_VAGUE_MAX_WORDS = 8

# --- placeholders --------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\bTB[CDA]\b|\bx{3,}\b|\[\s*insert|\[\s*add\b|<\s*insert|\be\.\s?g\.|\blorem\s+ipsum\b|"
    r"\?{3,}|\bto\s+be\s+(?:confirmed|decided|determined|agreed)\b|\bplaceholder\b",
    re.IGNORECASE,
)

#: Cheap substring tests: the regex runs only on text containing one of them.
_PLACEHOLDER_HINTS = ("tb", "xxx", "[", "<", "e.", "lorem", "???", "to be", "placeholder")

# --- printing ------------------------------------------------------------------------------------

#: Lines a row can show when printed (Excel's row height limit is 409 points, about 30 lines).
PRINT_LINES = 30
#: Width (characters) of the Intervention sheet's answer column.
FORM_WIDTH = 70


def print_limit(width: float) -> int:
    """About how many characters fit in a printed cell of a column ``width`` characters wide."""
    per_line = max(width * 1.15 - 1, 4)
    return math.floor(per_line * PRINT_LINES)


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z0-9'’-]+", text)


@rule(OUTCOME_NOT_CHANGE, NO_DIRECTION)
def outcome_wording(ctx: Context) -> Iterator[Finding]:
    """Outcomes worded as activities or counts; outcomes with no direction of change."""
    for o in ctx.model.outcomes:
        text = o.statement
        if not ctx.eid(o) or not text:
            continue
        if _COUNT.search(text):
            what = "an output (a count)"
        elif _ACTIVITY.search(text) or _SESSIONS.search(text):
            what = "an activity"
        else:
            what = ""
        if what:
            yield make(OUTCOME_NOT_CHANGE, o.ref("outcome"), ctx.eid(o), what=what, text=short(text))
        if "direction" in o.fields and o.fields["direction"].empty and not _DIRECTION.search(text):
            yield make(NO_DIRECTION, o.ref("direction"), ctx.eid(o), text=short(text))


@rule(VAGUE)
def vague(ctx: Context) -> Iterator[Finding]:
    """Statements with too few words, or short ones made of stock phrases."""
    for el in ctx.model.all_elements():
        text = el.statement
        if not ctx.eid(el) or not text:
            continue
        minimum = MIN_WORDS.get(el.kind)
        if minimum is None:
            continue  # a sheet of names (e.g. a list of measures): short is fine
        n = len(_words(text))
        if n < minimum or (n <= _VAGUE_MAX_WORDS and _VAGUE_PHRASE.search(text)):
            col = el.sheet.column(el.sheet.statement)
            yield make(VAGUE, el.ref(col.key), ctx.eid(el), column=col.header.lower(), text=short(text),
                       words=minimum, plural=el.sheet.name.lower())


def _text_fields(ctx: Context) -> Iterator[tuple[Field, L.Column, Element | None]]:
    """Every filled free-text cell: intervention answers and element text/choice columns."""
    iv = ctx.model.intervention
    for fld in L.INTERVENTION.fields:
        f = iv.fields.get(fld.key)
        if f is not None and not f.empty and isinstance(f.value, str):
            yield f, fld, None
    for el in ctx.model.all_elements():
        for col in el.sheet.columns:
            if col.kind in ("text",):
                f = el.fields.get(col.key)
                if f is not None and isinstance(f.value, str) and f.value.strip():
                    yield f, col, el


def _where(col: L.Column, el: Element | None) -> str:
    if el is None:
        return f"The Intervention answer '{col.header}'"
    who = el.id or f"Row {el.row}"
    return f"{who}'s '{col.header}'"


@rule(PLACEHOLDER, TOO_LONG)
def cells(ctx: Context) -> Iterator[Finding]:
    """Placeholder text left in cells; cells too long to print."""
    for f, col, el in _text_fields(ctx):
        text = f.value if isinstance(f.value, str) else f.text
        eid = ctx.eid(el) if el is not None else ""
        low = text.lower()
        m = _PLACEHOLDER.search(text) if any(h in low for h in _PLACEHOLDER_HINTS) else None
        if m:
            yield make(PLACEHOLDER, f.ref, eid, place=_where(col, el), found=m.group(0).strip())
        limit = print_limit(FORM_WIDTH if el is None else col.width)
        if len(text) > limit:
            yield make(TOO_LONG, f.ref, eid, place=_where(col, el), chars=len(text), limit=limit)


@rule(NEGATIVE_UNMANAGED, ASSUMPTION_UNTESTED)
def management(ctx: Context) -> Iterator[Finding]:
    """Negative consequences without mitigation or monitoring; weak assumptions without a test."""
    for n in ctx.model.negatives:
        if not ctx.eid(n):
            continue
        for key, what in (("mitigation", "mitigation"), ("monitoring", "plan for monitoring it")):
            if key in n.fields and n.fields[key].empty:
                yield make(NEGATIVE_UNMANAGED, n.ref(key), ctx.eid(n), what=what,
                           help=L.NEGATIVES.column(key).help)
    for a in ctx.model.assumptions:
        if not ctx.eid(a) or "how_tested" not in a.fields or not a.fields["how_tested"].empty:
            continue
        confidence = L.norm_label(a.text("confidence"))
        if confidence in ("weak", "untested", ""):
            label = {"weak": "rated weak", "untested": "rated untested", "": "not rated"}[confidence]
            yield make(ASSUMPTION_UNTESTED, a.ref("how_tested"), ctx.eid(a), confidence=label)


# --- near-duplicates -------------------------------------------------------------------------------

#: Two statements on one sheet are near-duplicates at or above this Jaccard similarity of words.
DUPLICATE_THRESHOLD = 0.8
_STOP = frozenset((
    "a", "an", "the", "of", "and", "or", "to", "in", "for", "with", "on", "by", "at", "as",
    "from", "into", "is", "are", "be", "been", "their", "they", "them", "this", "that", "who",
    "which", "its", "it", "our", "we", "us", "will", "can",
))


def _token_set(text: str) -> frozenset[str]:
    out = set()
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        if w in _STOP:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def similar_pairs(
    texts: Sequence[str], threshold: float = DUPLICATE_THRESHOLD, stats: dict[str, int] | None = None
) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of texts whose word sets have Jaccard similarity >= ``threshold``.

    A similarity join with prefix and positional filtering (as in PPJoin): words are ordered
    rarest first; two sets similar enough must share a word among the first few of each, and a
    pair whose shared words so far plus the words left cannot reach the needed overlap is dropped
    early. So only a few candidates per text are compared, not every pair. Each text is paired
    with at most one earlier text (the first that matches). ``stats['verified']`` counts the
    candidates compared in full.
    """
    sets = [_token_set(t) for t in texts]
    freq = Counter(w for s in sets for w in s)
    ordered = [sorted(s, key=lambda w: (freq[w], w)) for s in sets]
    index: dict[str, list[tuple[int, int]]] = defaultdict(list)
    pairs: list[tuple[int, int]] = []
    verified = 0
    factor = threshold / (1 + threshold)
    for j, toks in enumerate(ordered):
        n = len(toks)
        if n == 0:
            continue
        prefix = n - math.ceil(threshold * n - 1e-9) + 1
        overlap: dict[int, int] = {}
        for pj, w in enumerate(toks[:prefix]):
            for i, pi in index[w]:
                so_far = overlap.get(i, 0)
                if so_far < 0:
                    continue  # already ruled out
                m = len(ordered[i])
                if m < threshold * n or n < threshold * m:
                    continue
                needed = math.ceil(factor * (n + m) - 1e-9)
                if so_far + 1 + min(m - pi - 1, n - pj - 1) >= needed:
                    overlap[i] = so_far + 1
                else:
                    overlap[i] = -1
        for i in sorted(k for k, v in overlap.items() if v > 0):
            verified += 1
            inter = len(sets[i] & sets[j])
            if inter / (n + len(sets[i]) - inter) >= threshold - 1e-9:
                pairs.append((i, j))
                break
        for pj, w in enumerate(toks[:prefix]):
            index[w].append((j, pj))
    if stats is not None:
        stats["verified"] = verified
    return pairs


@rule(NEAR_DUPLICATE)
def near_duplicates(ctx: Context) -> Iterator[Finding]:
    """Rows on one sheet whose statements use nearly the same words."""
    for sheet in L.LIST_SHEETS:
        els = [e for e in ctx.model.elements[sheet.key] if e.statement]
        for i, j in similar_pairs([e.statement for e in els]):
            a, b = els[i], els[j]
            col = sheet.statement
            yield make(NEAR_DUPLICATE, b.ref(col), ctx.eid(b), other=ctx.eid(a) or f"row {a.row}",
                       other_ref=str(a.ref(col)), text=short(b.statement))
