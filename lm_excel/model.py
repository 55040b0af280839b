"""Domain objects of a logic model.

Plain, immutable dataclasses. They import nothing from openpyxl, xlwings or python-docx: a model
can come from a file, from a live workbook or from code. Every value remembers the cell it came
from (sheet and A1 address), so findings can point the user at it.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator, Mapping
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from lm_excel import layout as L


def quote_sheet(name: str) -> str:
    """Sheet name as Excel writes it in a reference (quoted when it has spaces or punctuation)."""
    if name.replace("_", "").isalnum():
        return name
    return "'" + name.replace("'", "''") + "'"


@dataclass(frozen=True, order=True)
class CellRef:
    """Where a value lives: a sheet name and an A1 address."""

    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{quote_sheet(self.sheet)}!{self.cell}"


def col_letter(index: int) -> str:
    """1-based column number to letters (1 -> 'A', 28 -> 'AB')."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def a1(row: int, col: int) -> str:
    """1-based row and column to an A1 address."""
    return f"{col_letter(col)}{row}"


def cell_text(value: object) -> str:
    """A cell value as the text a user would read ('' for empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


@dataclass(frozen=True)
class Field:
    """One value as read from a cell, with the cell's address."""

    value: object
    ref: CellRef

    @cached_property
    def text(self) -> str:
        """The value as text, worked out on first use and kept (the checks read each cell's
        text many times; a Field never changes)."""
        return cell_text(self.value)

    @property
    def empty(self) -> bool:
        return self.text == ""


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Element:
    """One row of a list sheet: an input, component, output, mechanism, outcome, ..."""

    kind: str  # key of its ListSheet, e.g. "components"
    row: int  # worksheet row number
    fields: Mapping[str, Field]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _frozen(self.fields))

    @property
    def sheet(self) -> L.ListSheet:
        return L.LIST_SHEET_BY_KEY[self.kind]

    @property
    def raw_id(self) -> str:
        f = self.fields.get("id")
        return f.text if f else ""

    @cached_property
    def id(self) -> str:
        """The normalised ID ('' when the row has none; worked out on first use and kept)."""
        f = self.fields.get("id")
        return L.normalise_id(f.value) if f else ""

    @cached_property
    def statement(self) -> str:
        """The text that says what this element is (worked out on first use and kept)."""
        return self.text(self.sheet.statement)

    def text(self, key: str) -> str:
        f = self.fields.get(key)
        return f.text if f else ""

    def ids(self, key: str) -> tuple[str, ...]:
        """IDs listed in an 'ids' column, normalised."""
        f = self.fields.get(key)
        return L.split_ids(f.value) if f else ()

    def ref(self, key: str | None = None) -> CellRef:
        """Cell of a field (default: the ID cell, else the first cell of the row)."""
        if key is not None and key in self.fields:
            return self.fields[key].ref
        if "id" in self.fields:
            return self.fields["id"].ref
        return next(iter(self.fields.values())).ref

    def links(self) -> Iterator[tuple[str, str]]:
        """(column key, target ID) for every link this element makes."""
        for col in self.sheet.columns:
            if col.kind == "ids":
                for target in self.ids(col.key):
                    yield col.key, target

    def values(self) -> dict[str, object]:
        """Field values by column key (a record, as the builder takes it)."""
        return {k: f.value for k, f in self.fields.items()}


@dataclass(frozen=True)
class Intervention:
    """The one record of the Intervention sheet."""

    fields: Mapping[str, Field]

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _frozen(self.fields))

    def text(self, key: str) -> str:
        f = self.fields.get(key)
        return f.text if f else ""

    def ref(self, key: str) -> CellRef | None:
        f = self.fields.get(key)
        return f.ref if f else None

    @property
    def name(self) -> str:
        return self.text("name")

    @property
    def organisation(self) -> str:
        return self.text("organisation")

    @property
    def version(self) -> str:
        return self.text("version")

    def values(self) -> dict[str, object]:
        return {k: f.value for k, f in self.fields.items()}


@dataclass(frozen=True)
class StructureNote:
    """Something about the workbook's structure the reader had to work around.

    The reader never fails on these; the checker turns them into findings.
    """

    code: str  # e.g. "missing-sheet", "missing-column", "no-header-row"
    sheet: str
    detail: str  # the column or field concerned, or ""
    ref: CellRef | None = None


@dataclass(frozen=True)
class LogicModel:
    """A whole logic model as read from a workbook."""

    source: str  # file name (or workbook name) it came from
    intervention: Intervention
    elements: Mapping[str, tuple[Element, ...]]  # by ListSheet key, in row order
    meta: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[StructureNote, ...] = ()
    #: Sheets the tools write, as raw grids kept for later issues (e.g. the measures plan).
    extras: Mapping[str, tuple[tuple[object, ...], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        elements = {s.key: tuple(self.elements.get(s.key, ())) for s in L.LIST_SHEETS}
        object.__setattr__(self, "elements", _frozen(elements))
        object.__setattr__(self, "meta", _frozen(self.meta))
        object.__setattr__(self, "extras", _frozen(self.extras))

    # Convenience views, one per list sheet.
    @property
    def inputs(self) -> tuple[Element, ...]:
        return self.elements["inputs"]

    @property
    def components(self) -> tuple[Element, ...]:
        return self.elements["components"]

    @property
    def outputs(self) -> tuple[Element, ...]:
        return self.elements["outputs"]

    @property
    def mechanisms(self) -> tuple[Element, ...]:
        return self.elements["mechanisms"]

    @property
    def outcomes(self) -> tuple[Element, ...]:
        return self.elements["outcomes"]

    @property
    def context(self) -> tuple[Element, ...]:
        return self.elements["context"]

    @property
    def assumptions(self) -> tuple[Element, ...]:
        return self.elements["assumptions"]

    @property
    def negatives(self) -> tuple[Element, ...]:
        return self.elements["negatives"]

    @property
    def my_measures(self) -> tuple[Element, ...]:
        """The LA's own measures (My measures sheet), which join the measures library."""
        return self.elements["my_measures"]

    def all_elements(self) -> Iterator[Element]:
        for sheet in L.LIST_SHEETS:
            yield from self.elements[sheet.key]

    def by_id(self) -> dict[str, Element]:
        """Elements by normalised ID (the first one wins when an ID is duplicated)."""
        out: dict[str, Element] = {}
        for el in self.all_elements():
            if el.id and el.id not in out:
                out[el.id] = el
        return out

    def __len__(self) -> int:
        return sum(len(v) for v in self.elements.values())

    @property
    def schema_version(self) -> int:
        try:
            return int(self.meta.get("schema_version", L.SCHEMA_VERSION))
        except ValueError:
            return L.SCHEMA_VERSION

    def to_records(self) -> ModelRecords:
        """The model's values as plain records, as :func:`lm_excel.workbook.builder.build_workbook` takes them."""
        return ModelRecords(
            intervention=self.intervention.values(),
            elements={k: [el.values() for el in v] for k, v in self.elements.items()},
        )


@dataclass
class ModelRecords:
    """A logic model's values without cell addresses: what the builder writes.

    ``intervention`` maps field keys to values; ``elements`` maps list-sheet keys to a list of
    records (column key -> value). Unknown keys are rejected by the builder.
    """

    intervention: dict[str, object] = field(default_factory=dict)
    elements: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def normalised(self) -> ModelRecords:
        """Same records with empty values dropped and text as read back (for comparisons)."""
        def clean(rec: Mapping[str, object]) -> dict[str, object]:
            texts = ((k, cell_text(v)) for k, v in rec.items())  # each value converted once
            return {k: t for k, t in texts if t != ""}

        elements: dict[str, list[dict[str, object]]] = {}
        for k, rows in self.elements.items():
            kept = [c for c in map(clean, rows) if c]
            if kept:
                elements[k] = kept
        return ModelRecords(intervention=clean(self.intervention), elements=elements)


#: The sheets the logic-model diagram draws (the rest are listed, not drawn).
DRAWN_SHEETS = ("inputs", "components", "outputs", "mechanisms", "outcomes")


def drawing_fingerprint(model: LogicModel) -> str:
    """A short hash of what the diagram draws: the intervention's name, and each drawn element's
    ID, statement, timescale and links, in workbook order.

    Two models with the same fingerprint draw the same diagram; any edit to those changes it.
    Other fields (who delivers, evidence, ...) do not change the picture and are left out.
    """
    h = hashlib.sha256()

    def add(*parts: str) -> None:
        for part in parts:
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\x1f")
        h.update(b"\x1e")

    add("name", model.intervention.name)
    for key in DRAWN_SHEETS:
        for el in model.elements[key]:
            add(key, el.raw_id, el.statement, el.text("timescale"))
            for col, target in el.links():
                add("link", col, target)
    return h.hexdigest()[:16]


#: Words for the logic model's own parts and how they stand to each other ('Outcomes and impacts
#: are interrelated', 'The short-term outcomes lead to the long-term outcomes').
_MODEL_PARTS = frozenset("""
outcome outcomes impact impacts output outputs input inputs activity activities component
components mechanism mechanisms model theory change changes short medium long longer term terms
intermediate final ultimate early later other each one another all our the a an of to and is are
be will can lead leads led follow follows from into on interrelated interlinked interconnected
interdependent related linked connected dependent depend depends achieved
""".split())
_WORD = re.compile(r"[a-z]+")


def needs_a_test(assumption: Element) -> bool:
    """Whether an assumption needs a plan to test it: one not rated Strong (rated Some, Weak,
    Untested, anything else, or not rated) that says something about the world. Only an
    assumption rated Strong can be taken as given; one made only of the model's own parts
    ('Outcomes and impacts are interrelated') has nothing that data could test.

    One rule for everything that reads it: the check (``assumption-untested`` when the test plan
    is empty), the evaluation-measures plan (a test row) and the design's process strand."""
    if L.norm_label(assumption.text("confidence")) == "strong":
        return False
    found = _WORD.findall(assumption.statement.lower())
    return not found or not all(w in _MODEL_PARTS for w in found)
