"""The one description of the workbook layout.

The template builder (:mod:`lm_excel.workbook.builder`) writes exactly what is described here and the
reader (:mod:`lm_excel.workbook.parse`) reads with the same description, so the two cannot drift.
Everything a user sees as guidance (titles, help text, dropdown lists) lives here too.

Nothing in this module does I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

#: Version of the workbook structure. Raise it when a sheet or column is renamed, added or removed
#: in a way an older reader would misread; add a migration for the previous version.
SCHEMA_VERSION = 3
#: What each schema version changed (migrations live in lm_excel/workbook/migrate.py).
SCHEMA_HISTORY: dict[int, str] = {
    1: "first layout",
    2: "adds the Change log and Conflicts sheets (older tools would drop them when rewriting)",
    3: "adds the delivery fields to the Intervention sheet (unit of delivery, how many units, "
       "reach a year, nation, allocation by lot or in waves) for the evaluation design",
}
#: Version of the template's content (wording, help text, lists). Informational only.
TEMPLATE_VERSION = "2026.11"
#: Marker written into the metadata sheet so a logic-model workbook can be recognised.
WORKBOOK_KIND = "lm-excel logic model"

#: Row (1-based) of the header row on every list sheet; rows above it hold a title and guidance.
HEADER_ROW = 3
#: Rows below the header that the template prepares (dropdowns, guidance) for typing.
PREPARED_ROWS = 300
#: Empty rows in the Excel Table of a blank template.
BLANK_TABLE_ROWS = 15


# --- dropdown lists -----------------------------------------------------------------------------

LISTS: dict[str, tuple[str, ...]] = {
    "phase": (
        "Immediate response",
        "Embedding change",
        "Sustaining and scaling",
        "Planning",
    ),
    "input_type": (
        "Staff",
        "Funding",
        "Technology",
        "Partnership",
        "Premises",
        "Training",
        "Other",
    ),
    "delivery_mode": ("In person", "Virtual", "Hybrid"),
    "timescale": ("Short term", "Medium term", "Long term"),
    "who_benefits": (
        "Child",
        "Young person or care leaver",
        "Parent or carer",
        "Foster carer",
        "Kinship carer",
        "Family",
        "Practitioner",
        "School or early-years staff",
        "Service or system",
        "Community",
    ),
    "direction": ("Increase", "Decrease", "Maintain"),
    "priority": ("Primary", "Secondary"),
    "factor_type": ("Enabler", "Barrier", "Moderator"),
    "confidence": ("Strong", "Some", "Weak", "Untested"),
    "rating": ("Low", "Medium", "High"),
    # Evaluation measures (issue 4): the My measures sheet and the Measures plan.
    "measure_kind": ("Administrative", "Validated instrument", "Bespoke", "Qualitative"),
    "measure_domain": (
        "Safety", "Service", "Placement", "Education", "Early years", "Emotional wellbeing",
        "Mental health", "Parenting", "Family functioning", "Workforce", "Offending", "Health",
        "Financial", "Housing", "Experience", "Practice quality", "Partnership", "Cost",
        "Engagement",
    ),
    "licence": ("Free", "Registration", "Licensed", "Paid"),
    "plan_status": ("Suggested", "Agreed", "Collecting", "Not needed"),
    # Evaluation design (issue 18): how the intervention is delivered, on the Intervention sheet.
    # A choice added to a list needs no new schema version: an older workbook keeps its values,
    # and writing the plan refreshes its dropdowns (workbook.plan_sheet).
    "delivery_unit": (
        "Whole local authority",
        "Whole local authority, as in every authority (a national duty or programme)",
        "Some schools or early-years settings",
        "Some neighbourhoods or areas", "Some teams", "A cohort of families",
        "A group of foster or kinship carers", "Individual parents or other adults",
        "Individual children or young people",
    ),
    "nation": ("England", "Scotland", "Wales", "Northern Ireland"),
    "allocation": ("Yes, by lot (at random)", "Yes, in planned waves", "No", "Not sure"),
}


# --- column and sheet descriptions -------------------------------------------------------------

KINDS = ("id", "text", "choice", "ids", "date", "number")


@dataclass(frozen=True)
class Column:
    """One column of a list sheet, or one labelled field of a form sheet."""

    key: str
    header: str
    kind: str = "text"
    help: str = ""
    required: bool = False
    choices: str | None = None  # name of a list in LISTS
    targets: tuple[str, ...] = ()  # sheet keys an "ids" column may point at
    width: float = 24
    aliases: tuple[str, ...] = ()
    long: bool = False  # long free text: wrap and give room

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind
        assert (self.kind == "choice") == (self.choices is not None), self.key
        assert (self.kind == "ids") == bool(self.targets), self.key

    @property
    def options(self) -> tuple[str, ...]:
        return LISTS[self.choices] if self.choices else ()

    def matches(self, header: object) -> bool:
        """Whether a header cell's text names this column (case- and space-insensitive)."""
        return match_key(header) in _wanted_keys(self.header, self.key, self.aliases)


@dataclass(frozen=True)
class ListSheet:
    """A sheet holding a table of elements, one per row, each with an ID."""

    key: str
    name: str
    prefix: str
    singular: str
    intro: str
    columns: tuple[Column, ...]
    statement: str  # key of the column that says what the element is
    colour: str  # tab and header fill, dark enough for white text (>= 4.5:1)
    stage: str = ""  # logic-model stage the sheet stands for, for diagrams and tables
    required: bool = True
    aliases: tuple[str, ...] = ()

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)

    @property
    def table_name(self) -> str:
        return "tbl" + re.sub(r"[^A-Za-z0-9]", "", self.name.title())


@dataclass(frozen=True)
class FormSheet:
    """A sheet holding one record as label / value rows (the Intervention sheet)."""

    key: str
    name: str
    intro: str
    fields: tuple[Column, ...]
    colour: str
    required: bool = True
    aliases: tuple[str, ...] = ()
    first_row: int = 4  # row of the first field; labels in column A, values in column B

    def field(self, key: str) -> Column:
        for col in self.fields:
            if col.key == key:
                return col
        raise KeyError(key)


@dataclass(frozen=True)
class OutputSheet:
    """A sheet the tool writes (Start, Measures plan, Validation, Change log, Conflicts).

    Never read as model input; the reader keeps the grids of some of them on ``LogicModel.extras``
    so they travel with the model (share, merge). ``columns`` describes a table whose header is
    on row ``HEADER_ROW`` (Change log, Conflicts).
    """

    key: str
    name: str
    intro: str
    colour: str
    columns: tuple[Column, ...] = field(default=())


def _ids(key: str, header: str, targets: tuple[str, ...], help: str, **kw: object) -> Column:
    return Column(key, header, "ids", help=help, targets=targets, **kw)  # type: ignore[arg-type]


ID_HELP = "A short unique code, e.g. {example}. Keep it when you reword the row: links use it."
IDS_HELP = "Separate several IDs with commas, e.g. {example}."


def _id_column(prefix: str) -> Column:
    return Column(
        "id",
        "ID",
        "id",
        help=ID_HELP.format(example=f"{prefix}1, {prefix}2"),
        required=True,
        width=8,
        aliases=("ref", "reference", "code"),
    )


INTERVENTION = FormSheet(
    key="intervention",
    name="Intervention",
    intro=(
        "Describe the intervention (the new model of practice) in plain words: what it is, "
        "who it is for and why it is needed. Type in column B; column C explains each line."
    ),
    colour="1F4E79",
    aliases=("Intervention details", "About the intervention"),
    fields=(
        Column("organisation", "Organisation / local authority", help="The council or organisation that leads the intervention, e.g. Example Borough Council.", required=True, aliases=("organisation", "organization", "local authority", "la")),
        Column("name", "Intervention name", help="A short name people will recognise, e.g. Family Connect hybrid support.", required=True, aliases=("name", "intervention title")),
        Column("version", "Version", help="Version of this logic model, e.g. 1.0. Raise it each time you share a changed copy."),
        Column("date", "Date", "date", help="Date of this version (dd/mm/yyyy)."),
        Column("lead_contact", "Lead contact", help="Name, role and email of the person to contact about this logic model.", aliases=("lead", "contact")),
        Column("partners", "Partners", help="Partner organisations involved, e.g. health visiting, schools, police, voluntary sector.", long=True),
        Column("phase", "Phase", "choice", help="Where the intervention is now: an immediate response (e.g. to COVID-19), embedding lasting change, or sustaining and scaling.", choices="phase"),
        Column("summary", "Summary (what)", help="What the intervention is, in two or three sentences a partner would understand.", required=True, long=True, aliases=("summary", "what")),
        Column("target_population", "Target population (who)", help="Who it is for: ages, needs, thresholds, area, numbers expected.", required=True, long=True, aliases=("target population", "who")),
        Column("rationale", "Need and rationale (why)", help="The need it answers and why this approach should work.", required=True, long=True, aliases=("need and rationale", "rationale", "why")),
        Column("local_context", "Local context", help="What is particular about the area and the service, including what COVID-19 changed.", long=True, aliases=("context",)),
        Column("evidence_base", "Evidence base", help="Research, evaluations or local data the intervention draws on (with links where you have them).", long=True, aliases=("evidence",)),
        Column("delivery_unit", "Unit of delivery", "choice", help="Where the work happens: across the whole local authority (say if every authority does it too, as a national duty or programme), in some schools, areas or teams, or for a cohort of families, carers, parents or other adults, or young people. The evaluation compares at this level.", choices="delivery_unit", aliases=("delivered by", "unit")),
        Column("delivery_units", "How many units", help="How many schools, settings, areas or teams deliver it, e.g. 6. Leave blank for whole-authority work or a cohort.", aliases=("number of units",)),
        Column("reach", "Reach a year", help="How many children, families, carers or other adults it reaches in a year, e.g. 120.", aliases=("reach per year", "numbers a year")),
        Column("nation", "Nation", "choice", help="England, Scotland, Wales or Northern Ireland: comparators and routine data differ.", choices="nation", aliases=("country",)),
        Column("allocation", "Allocate by lot or in waves?", "choice", help="Could places, schools or areas be given the model by lot, or started in planned waves? Either allows a fair comparison.", choices="allocation", aliases=("allocation",)),
    ),
)

_STAGE_COLOURS = {
    "inputs": "5B3A8C",
    "components": "1F5F8B",
    "outputs": "2E6B5A",
    "mechanisms": "8A4B08",
    "outcomes": "7A1F3D",
    "context": "4A4A4A",
    "assumptions": "5A5A1E",
    "negatives": "9C2A2A",
}

INPUTS = ListSheet(
    required=False,
    key="inputs",
    name="Inputs",
    prefix="IN",
    singular="input",
    stage="Inputs",
    intro="Resources the intervention needs: staff, funding, technology, partnerships, premises, training.",
    statement="resource",
    colour=_STAGE_COLOURS["inputs"],
    aliases=("Resources",),
    columns=(
        _id_column("IN"),
        Column("resource", "Resource", help="The resource, e.g. Two family support workers (2 FTE).", required=True, width=40, long=True, aliases=("input",)),
        Column("type", "Type", "choice", help="Pick the kind of resource from the list.", choices="input_type", width=16),
        Column("detail", "Detail", help="Amount, cost, source of funding, or anything else worth knowing.", width=50, long=True, aliases=("details", "description")),
    ),
)

COMPONENTS = ListSheet(
    key="components",
    name="Components",
    prefix="C",
    singular="component",
    stage="Components",
    intro="The activities that make up the intervention: what is delivered, by whom, to whom, how often and how.",
    statement="component",
    colour=_STAGE_COLOURS["components"],
    aliases=("Activities",),
    columns=(
        _id_column("C"),
        Column("component", "Component", help="Name of the activity, e.g. Weekly virtual check-in with a named worker.", required=True, width=34, long=True, aliases=("activity",)),
        Column("description", "Description", help="What happens, in enough detail for another area to copy it.", width=50, long=True),
        Column("delivered_by", "Delivered by", help="Who delivers it, e.g. family support worker, health visitor.", width=22),
        Column("received_by", "Received by", help="Who receives it, e.g. parents of children on a child in need plan.", width=22),
        Column("dose", "Dose / frequency", help="How much and how often, e.g. 1 hour weekly for 12 weeks.", width=20, aliases=("dose", "frequency")),
        Column("delivery_mode", "Delivery mode", "choice", help="In person, virtual or a hybrid of both.", choices="delivery_mode", width=14, aliases=("mode",)),
        _ids("inputs_used", "Inputs used", ("inputs",), IDS_HELP.format(example="IN1, IN3"), width=14, aliases=("inputs",)),
    ),
)

OUTPUTS = ListSheet(
    required=False,
    key="outputs",
    name="Outputs",
    prefix="OP",
    singular="output",
    stage="Outputs",
    intro="Countable products of the activities: sessions held, families reached, staff trained. Not changes in people's lives (those are outcomes).",
    statement="output",
    colour=_STAGE_COLOURS["outputs"],
    columns=(
        _id_column("OP"),
        Column("output", "Output", help="Something you can count, e.g. Number of families offered a check-in within 5 days.", required=True, width=44, long=True),
        _ids("from_components", "From components", ("components",), IDS_HELP.format(example="C1, C2"), width=16, aliases=("components", "from component")),
        Column("target", "Target", help="The number or rate you aim for, and by when, e.g. 200 families a year.", width=24),
    ),
)

MECHANISMS = ListSheet(
    key="mechanisms",
    name="Mechanisms",
    prefix="M",
    singular="mechanism",
    stage="Mechanisms",
    intro="How and why change happens: what the activities set in motion for families or staff that then leads to the outcomes.",
    statement="mechanism",
    colour=_STAGE_COLOURS["mechanisms"],
    columns=(
        _id_column("M"),
        Column("mechanism", "Mechanism", help="How and why change happens, e.g. Parents trust a consistent worker, so they ask for help earlier.", required=True, width=46, long=True),
        _ids("triggered_by", "Triggered by", ("components",), IDS_HELP.format(example="C1, C2") + " Use component IDs.", width=14, aliases=("components",)),
        _ids("leads_to", "Leads to", ("outcomes",), IDS_HELP.format(example="OC1, OC4") + " Use outcome IDs.", width=14, aliases=("outcomes",)),
        Column("evidence", "Evidence or rationale", help="Why you believe this happens: research, practice wisdom, feedback from families.", width=46, long=True, aliases=("evidence", "rationale")),
    ),
)

OUTCOMES = ListSheet(
    key="outcomes",
    name="Outcomes",
    prefix="OC",
    singular="outcome",
    stage="Outcomes",
    intro="The changes you hope for, for children, families, staff or the service, from short term to long term. Say what changes and in which direction.",
    statement="outcome",
    colour=_STAGE_COLOURS["outcomes"],
    columns=(
        _id_column("OC"),
        Column("outcome", "Outcome statement", help="A change, e.g. Parents report less parenting stress. Not an activity or a count.", required=True, width=46, long=True, aliases=("outcome",)),
        Column("timescale", "Timescale", "choice", help="Short term (within months), medium term (about a year) or long term (years).", required=True, choices="timescale", width=14),
        Column("who_benefits", "Who benefits", "choice", help="Who the change is for.", choices="who_benefits", width=18, aliases=("who",)),
        Column("direction", "Intended direction", "choice", help="Should the thing measured increase, decrease or stay the same?", choices="direction", width=12, aliases=("direction",)),
        _ids("contributes_to", "Contributes to", ("outcomes",), IDS_HELP.format(example="OC5") + " Use the IDs of longer-term outcomes this one helps bring about.", width=14),
        Column("priority", "Priority", "choice", help="Primary outcomes are the ones the evaluation must measure.", choices="priority", width=12),
    ),
)

CONTEXT = ListSheet(
    required=False,
    key="context",
    name="Context factors",
    prefix="CF",
    singular="context factor",
    stage="Context",
    intro="Things outside the intervention that help it, hinder it or change how well it works (enablers, barriers, moderators).",
    statement="factor",
    colour=_STAGE_COLOURS["context"],
    aliases=("Context", "External factors"),
    columns=(
        _id_column("CF"),
        Column("factor", "Factor", help="e.g. Families' access to devices and data.", required=True, width=40, long=True),
        Column("type", "Type", "choice", help="Enabler (helps), barrier (hinders) or moderator (changes for whom it works).", choices="factor_type", width=14),
        Column("detail", "Detail", help="How it plays out locally.", width=46, long=True),
        _ids("affects", "Affects", ("inputs", "components", "outputs", "mechanisms", "outcomes"), IDS_HELP.format(example="C2, M1"), width=14),
    ),
)

ASSUMPTIONS = ListSheet(
    required=False,
    key="assumptions",
    name="Assumptions",
    prefix="A",
    singular="assumption",
    stage="Assumptions",
    intro="What must be true for the model to work, and how sure you are. Assumptions not rated Strong need a plan to test them.",
    statement="assumption",
    colour=_STAGE_COLOURS["assumptions"],
    columns=(
        _id_column("A"),
        Column("assumption", "Assumption", help="e.g. Families have a device and data to join virtual sessions.", required=True, width=44, long=True),
        _ids("relates_to", "Relates to", ("inputs", "components", "outputs", "mechanisms", "outcomes"), IDS_HELP.format(example="C2, M1"), width=14),
        Column("confidence", "Confidence", "choice", help="How sure are you that it holds?", choices="confidence", width=12),
        Column("how_tested", "How it will be tested", help="What evidence you will gather to check it, e.g. device survey at first contact.", width=44, long=True, aliases=("how tested", "test")),
    ),
)

NEGATIVES = ListSheet(
    required=False,
    key="negatives",
    name="Negative consequences",
    prefix="NC",
    singular="negative consequence",
    stage="Negative consequences",
    intro="What could go wrong or harm someone, for whom, how likely and how serious; how you will reduce and watch for it.",
    statement="consequence",
    colour=_STAGE_COLOURS["negatives"],
    aliases=("Negative consequences", "Risks", "Unintended consequences"),
    columns=(
        _id_column("NC"),
        Column("consequence", "Potential negative consequence", help="e.g. Risks at home are missed when contact is only virtual.", required=True, width=40, long=True, aliases=("negative consequence", "consequence", "risk")),
        Column("who_affected", "Who might be affected", help="e.g. Children under 5 who cannot speak up on a video call.", width=24, aliases=("who",)),
        _ids("relates_to", "Relates to", ("inputs", "components", "outputs", "mechanisms", "outcomes"), IDS_HELP.format(example="C2"), width=12),
        Column("likelihood", "Likelihood", "choice", help="How likely is it?", choices="rating", width=11),
        Column("impact", "Impact", "choice", help="How serious would it be?", choices="rating", width=10),
        Column("mitigation", "Mitigation", help="What you do to make it less likely or less harmful.", width=36, long=True),
        Column("monitoring", "How it will be monitored", help="How you will notice if it happens: what is looked at, by whom and how often.", width=34, long=True, aliases=("monitoring",)),
    ),
)

# --- evaluation measures (issue 4) ---------------------------------------------------------------

MY_MEASURES = ListSheet(
    required=False,
    key="my_measures",
    name="My measures",
    prefix="MM",
    singular="local measure",
    intro=(
        "Optional: measures your service already collects or plans to use (a local survey, a "
        "dashboard figure). They join the measures library: Build measures plan can suggest them."
    ),
    statement="name",
    colour="2E5E6B",
    aliases=("Local measures", "Our measures"),
    columns=(
        _id_column("MM"),
        Column("name", "Measure", help="Its name as staff know it, e.g. Family Connect feedback card.", required=True, width=30, long=True, aliases=("measure name", "name")),
        Column("kind", "Kind", "choice", help="Administrative data, a validated instrument, a bespoke survey or qualitative work.", choices="measure_kind", width=16),
        Column("domain", "Domain", "choice", help="The main area it measures.", choices="measure_domain", width=16),
        Column("what_it_measures", "What it measures", help="What it tells you, e.g. whether families felt listened to at each visit.", width=40, long=True, aliases=("measures", "description")),
        Column("respondent", "Completed by", help="Who fills it in or provides it: child, young person, parent or carer, family, practitioner, service or system.", width=18, aliases=("respondent", "informant")),
        Column("who_benefits", "Suits outcomes for", help="Outcomes for whom it fits: child, young person, parent or carer, foster carer, kinship carer, family, practitioner, school or early-years staff, service or system, community. Separate several with semicolons.", width=20, aliases=("who benefits",)),
        Column("ages", "Ages", help="Age range in years, e.g. 8-15 or 13+. Leave blank for any age.", width=10),
        Column("data_source", "Data source", help="Where the data comes from, e.g. case management system, feedback card.", width=22),
        Column("timepoints", "Timepoints", help="When it is collected, e.g. first visit and case closure.", width=20),
        Column("licence", "Licence", "choice", help="Free, needs registration, licensed or paid.", choices="licence", width=12),
        Column("keywords", "Keywords", help="Words an outcome might use that this measure fits, separated by semicolons, e.g. listened to; respected.", width=30, long=True),
        Column("notes", "Notes or link", help="Anything else: a link to the form, who holds the data, costs.", width=30, long=True, aliases=("notes", "link")),
    ),
)

#: Columns of the Measures plan table (written by lm_excel.workbook.plan_sheet).
#: ``editable`` columns are the user's: regenerating the plan keeps every change made to them.
PLAN_HIDDEN = ("measure_key", "generated")
#: Columns for choosing a measure, folded away (an outline group, + to show) so the plan prints
#: legibly; a folded column is not printed. The Check column is folded too while it is empty.
PLAN_FOLDED = ("about", "alternatives", "why", "kind", "licence")
PLAN_EDITABLE = ("measure", "baseline", "follow_up", "responsible", "target", "status", "notes")
PLAN_COLUMNS: tuple[Column, ...] = (
    Column("ref", "Ref", help="The ID of the outcome, output, negative consequence or assumption this row measures.", required=True, width=6),
    Column("row_type", "Type", help="Outcome (primary or secondary), process (an output), negative consequence or assumption.", width=12),
    Column("statement", "Statement", help="Copied from the logic model each time the plan is built.", width=30, long=True),
    Column("about", "About", help="Timescale, who benefits and priority, or the target, likelihood or confidence from the logic model.", width=22, long=True),
    Column("measure", "Measure", help="The measure chosen. Pick another from the list to swap it; your choice is kept when the plan is rebuilt.", required=True, width=24, long=True),
    Column("alternatives", "Alternatives", help="Other measures that fit, best first.", width=30, long=True),
    Column("why", "Why suggested", help="The words and domain that matched, and any fit warning.", width=34, long=True),
    Column("kind", "Kind", help="Administrative data, validated instrument, bespoke or qualitative.", width=14),
    Column("respondent", "Completed by", help="Who fills it in or provides the data.", width=13),
    Column("data_source", "Data source", help="Where the data comes from.", width=14),
    Column("baseline", "Baseline", help="When the first measurement is taken. Edit freely.", width=16, long=True),
    Column("follow_up", "Follow-up", help="When it is measured again, from the outcome's timescale. Edit freely.", width=16, long=True),
    Column("responsible", "Responsible", help="Who collects and reports this measure.", width=13),
    Column("target", "Target", help="The change you aim for, e.g. a 10% fall in 12 months.", width=13),
    Column("licence", "Licence and cost", help="Free, registration, licensed or paid, and what that involves.", width=26, long=True),
    Column("status", "Status", "choice", help="Suggested, agreed, collecting, or not needed.", choices="plan_status", width=10),
    Column("notes", "Notes", help="Anything else. Kept when the plan is rebuilt.", width=18, long=True),
    Column("check", "Check", help="Notes from the last build, e.g. an outcome that no longer exists.", width=30, long=True),
    Column("measure_key", "Measure key", help="Key of the measure in the library (hidden).", width=8),
    Column("generated", "Generated", help="What the tool wrote last time, to tell your edits apart (hidden).", width=8),
)
#: Name of the hidden list (on the Lists sheet) of measures offered in the plan's Measure column.
PLAN_MEASURE_LIST = "measures"
#: First cell text of the recommended-design block written below the plan table.
PLAN_DESIGN_MARKER = "Recommended evaluation design"


def plan_design_rows(grid: Sequence[Sequence[object]]) -> set[int]:
    """0-based rows of the recommended design written below the plan table: the marker row and
    the numbered lines ('1.', '2.' ...) after it. Any other row there is one a user typed."""
    out: set[int] = set()
    in_design = False
    for r, row in enumerate(grid):
        texts = [t for t in (str(v).strip() for v in row if v is not None) if t]
        if texts and texts[0] == PLAN_DESIGN_MARKER:
            in_design = True
            out.add(r)
        elif in_design and row and re.fullmatch(r"\d+\.", str(row[0] if row[0] is not None else "").strip()):
            out.add(r)
    return out

#: List sheets in workbook order.
LIST_SHEETS: tuple[ListSheet, ...] = (
    INPUTS,
    COMPONENTS,
    OUTPUTS,
    MECHANISMS,
    OUTCOMES,
    CONTEXT,
    ASSUMPTIONS,
    NEGATIVES,
    MY_MEASURES,
)
LIST_SHEET_BY_KEY: dict[str, ListSheet] = {s.key: s for s in LIST_SHEETS}
PREFIXES: dict[str, str] = {s.prefix: s.key for s in LIST_SHEETS}

START = OutputSheet(
    key="start",
    name="Start",
    intro="",
    colour="1F4E79",
)
DIAGRAM = OutputSheet(
    key="diagram",
    name="Diagram",
    intro=(
        "The logic model at a glance, drawn from the other sheets. Press Build measures plan or "
        "Create Word report (or run lm-excel diagram) to draw it again after you change the model."
    ),
    colour="1F4E79",
)
#: Metadata keys of the diagram on the Diagram sheet: the fingerprint of the model it was drawn
#: from (see :func:`lm_excel.model.drawing_fingerprint`), when, and from which model version.
META_DIAGRAM_FINGERPRINT = "diagram_fingerprint"
META_DIAGRAM_DRAWN = "diagram_drawn"
META_DIAGRAM_VERSION = "diagram_version"
MEASURES_PLAN = OutputSheet(
    key="measures_plan",
    name="Measures plan",
    intro=(
        "The evaluation-measures plan: for each outcome, how you will know it changed. "
        "It is filled by 'Build measures plan' (or lm-excel plan). Your edits are kept when you rebuild it."
    ),
    colour="2E6B5A",
    columns=PLAN_COLUMNS,
)
VALIDATION = OutputSheet(
    key="validation",
    name="Validation",
    intro="Results of the last check of this logic model. Filled by 'Check' (or lm-excel check).",
    colour="4A4A4A",
)
CHANGE_LOG = OutputSheet(
    key="change_log",
    name="Change log",
    intro=(
        "Who shared or merged this workbook, when, and what changed. lm-excel share and lm-excel "
        "merge add a row each time; earlier rows are always kept."
    ),
    colour="1F4E79",
    columns=(
        Column("when", "When", help="Date and time of the share or merge.", width=20),
        Column("who", "Who", help="Who ran it (user name, or the name given with --by).", width=18),
        Column("action", "Action", help="share, merge or migrate.", width=10),
        Column("summary", "Summary", help="What was done and what changed.", width=70, long=True),
        Column("files", "Files", help="The files read and written.", width=40, long=True),
        Column("tool", "lm-excel version", help="Version of lm-excel that wrote the row.", width=12),
    ),
)
CONFLICTS = OutputSheet(
    key="conflicts",
    name="Conflicts",
    intro=(
        "Places where two copies disagree, found by lm-excel merge. The cell holds MINE's value; "
        "the other versions are here. Click the cell link, keep or change the value, then write "
        "what you decided in the Resolution column. An empty table means no conflicts."
    ),
    colour="9C2A2A",
    columns=(
        Column("found", "Found", help="When the merge that found it ran.", width=18),
        Column("sheet", "Sheet", help="Sheet of the element or field.", width=16),
        Column("id", "ID", help="ID of the element ('' for the Intervention sheet).", width=8),
        Column("field", "Field", help="Column or field that disagrees ('(whole row)' for a row).", width=18),
        Column("cell", "Cell", help="Link to the cell in this workbook holding the kept value.", width=18),
        Column("what", "What happened", help="Why this is a conflict.", width=34, long=True),
        Column("kept", "Kept in the cell", help="The value the merge put in the cell (MINE's).", width=30, long=True),
        Column("base", "Base value", help="The value in the common earlier copy (BASE), if any.", width=30, long=True),
        Column("mine", "Mine", help="The value in MINE.", width=30, long=True),
        Column("theirs", "Theirs", help="The value in THEIRS.", width=30, long=True),
        Column("resolution", "Resolution", help="What you decided (for your records).", width=24, long=True),
    ),
)
#: Output sheets holding a log-like table under a header on row HEADER_ROW.
TABLE_OUTPUT_SHEETS: tuple[OutputSheet, ...] = (CHANGE_LOG, CONFLICTS)
LISTS_SHEET = "Lists"
META_SHEET = "Metadata"

#: Sheets in workbook order (hidden sheets last).
SHEET_ORDER: tuple[str, ...] = (
    START.name,
    DIAGRAM.name,
    INTERVENTION.name,
    *(s.name for s in LIST_SHEETS),
    MEASURES_PLAN.name,
    VALIDATION.name,
    CHANGE_LOG.name,
    CONFLICTS.name,
    LISTS_SHEET,
    META_SHEET,
)

#: Steps shown on the Start sheet, in the order a user works.
START_STEPS: tuple[tuple[str, str], ...] = (
    ("Intervention", "Say what the intervention is, who it is for and why it is needed."),
    ("Inputs", "List the resources it needs."),
    ("Components", "List the activities, who delivers them, to whom and how."),
    ("Outputs", "List what the activities produce that you can count."),
    ("Outcomes", "List the changes you hope for: short, medium and long term."),
    ("Mechanisms", "Explain how the activities lead to the outcomes, and link them by ID."),
    ("Context factors", "Note what helps or hinders the intervention locally."),
    ("Assumptions", "Write down what must be true for it to work, and how you will test it."),
    ("Negative consequences", "Think about what could go wrong, for whom, and how you will watch for it."),
    ("Check", "Press Check (or run lm-excel check) and fix what it finds."),
    ("My measures", "Optional: add measures your service already collects; the plan can suggest them."),
    ("Measures plan", "Press Build measures plan to get suggested measures for each outcome; edit as you like."),
    ("Report", "Press Create Word report to get a formatted report to share."),
)

#: Start sheet: first row of the steps, row of the status of the last check (label in column B,
#: text in column C, which tools overwrite), and the first row of the area kept for buttons (E:G).
START_FIRST_STEP_ROW = 5
START_STATUS_ROW = START_FIRST_STEP_ROW + len(START_STEPS) + 1
START_STATUS_CELL = f"C{START_STATUS_ROW}"
START_BUTTONS_ROW = START_FIRST_STEP_ROW
#: Start sheet: row of the note a shared copy carries (who sent it, to whom to return it).
START_SHARE_ROW = START_STATUS_ROW + 4
START_SHARE_CELL = f"C{START_SHARE_ROW}"


# --- shared helpers used by builder and reader --------------------------------------------------

_SPACES = re.compile(r"[\s_]+")


@lru_cache(maxsize=256)
def _wanted_keys(header: str, key: str, aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(match_key(t) for t in (header, key, *aliases))


def norm_label(text: object) -> str:
    """Normalise a header or label for matching: case-, space- and punctuation-insensitive."""
    if text is None:
        return ""
    text = str(text)
    # Short texts (IDs, headers, labels) recur in every row and every file: cache those only.
    return _norm_label_cached(text) if len(text) <= 64 else _norm_label_str(text)


@lru_cache(maxsize=8192)
def _norm_label_cached(text: str) -> str:
    return _norm_label_str(text)


def _norm_label_str(text: str) -> str:
    s = text.strip().lower().replace("&", "and")
    s = re.sub(r"[^a-z0-9/ ]", " ", s)
    s = s.replace("/", " ")
    return _SPACES.sub(" ", s).strip()


def match_key(text: object) -> str:
    """Key for matching headers, labels and sheet names: ignores case, spaces and punctuation."""
    return norm_label(text).replace(" ", "")


def norm_sheet_name(name: str) -> str:
    return match_key(name)


_ID_RE = re.compile(r"^([A-Z]+)[\s\-_.]*0*(\d+)$")


def normalise_id(value: object) -> str:
    """Canonical form of an ID: upper case, no spaces, no leading zeros (' c-01 ' -> 'C1')."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).strip().upper()
    m = _ID_RE.match(s)
    if m:
        return f"{m.group(1)}{int(m.group(2))}"
    return re.sub(r"\s+", "", s)


def id_prefix(id_: str) -> str:
    """Letters at the start of a normalised ID ('OC12' -> 'OC')."""
    m = re.match(r"^[A-Z]+", id_)
    return m.group(0) if m else ""


_SPLIT = re.compile(r"[,;\n\r/|]+")
_TOKEN_RE = re.compile(r"^[A-Za-z]+[\s\-_.]*\d+$")


def split_ids(value: object) -> tuple[str, ...]:
    """Split a cell that lists IDs ('C1, c2; C 3', one per line, 'C1 C2') into normalised IDs."""
    if value is None:
        return ()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    out: list[str] = []
    for part in _SPLIT.split(str(value)):
        part = part.strip()
        if not part:
            continue
        words = part.split()
        if len(words) > 1 and all(_TOKEN_RE.match(w) for w in words):
            pieces = words
        elif re.fullmatch(r"(?i)(.+?)\s+and\s+(.+)", part):
            pieces = re.split(r"(?i)\s+and\s+", part)
        else:
            pieces = [part]
        for piece in pieces:
            norm = normalise_id(piece)
            if norm and norm not in out:
                out.append(norm)
    return tuple(out)
