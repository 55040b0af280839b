"""The sections of the single-model report: what each says, written through :class:`DocWriter`.

Content only: page set-up, tables and fields are the writer's job (:mod:`.docwriter`). Every
core section appears; when a part of the model is empty the section says so and why it matters.
Workbook fields are turned into sentences (:mod:`.prose`).
"""

from __future__ import annotations

import datetime as _dt
import io
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..model import Element, LogicModel, needs_a_test
from . import diagram as D
from . import prose as P
from .docwriter import DocWriter
from .readiness import Readiness
from .text import one_line

#: Why each part of a model matters, said when it is empty.
MISSING = {
    "summary": ("What the intervention is has not been described yet.",
                "Readers need two or three sentences on what is delivered before the detail."),
    "target_population": ("Who the intervention is for has not been described yet.",
                          "Without it, no one can judge whether the right families are reached."),
    "rationale": ("The need and the reasons for this approach have not been described yet.",
                  "A funder or board needs to see why this intervention, and why now."),
    "evidence_base": ("No evidence base has been given yet.",
                      "Naming the research or local data the model draws on shows where it "
                      "stands on firm ground and where the evaluation must build evidence."),
    "local_context": ("The local context has not been described yet.",
                      "What is particular about the area helps others judge whether the model "
                      "would work elsewhere."),
    "context": ("No context factors (enablers, barriers or moderators) have been recorded yet.",
                "They explain why the same model may work in one place and not in another."),
    "mechanisms": ("No mechanisms have been described yet.",
                   "Mechanisms say how and why the activities lead to the outcomes; without "
                   "them an evaluation can show whether outcomes changed but not why."),
    "assumptions": ("No assumptions have been recorded yet.",
                    "Every model rests on things that must hold true (staff in post, families "
                    "taking part, partners sharing information); naming them shows what to "
                    "check early."),
    "negatives": ("No potential negative consequences have been identified yet.",
                  "Any change to practice can cause harm or unintended effects; naming them "
                  "is how they are watched for and reduced."),
    "plan": ("No evaluation measures plan has been built yet.",
             "The plan says how the outcomes will be measured, from whom and when; build it "
             "with the 'Build measures plan' button or 'lm-excel plan'."),
    "model": ("The model has no inputs, activities, outputs, mechanisms or outcomes yet.",
              "These are the logic model itself."),
}


class Writer(DocWriter):
    """The single-model report's writer: the house style plus the model being reported on."""

    def __init__(self, doc: Any, model: LogicModel, readiness: Readiness) -> None:
        super().__init__(doc)
        self.model = model
        self.readiness = readiness
        self.by_id = model.by_id()

    def missing(self, key: str) -> None:
        """Say that a part of the model is empty, and why it matters."""
        what, why = MISSING[key]
        p = self.para()
        self.run(p, what + " ", bold=True)
        self.run(p, why)

    def describe(self, ids: Sequence[str]) -> str:
        """'C1 (Weekly check-in) and C2 (Family huddle)' for IDs: each element's full text in
        brackets (a reader should not have to look it up, and nothing is cut)."""
        parts = []
        for id_ in ids:
            el = self.by_id.get(id_)
            parts.append(f"{id_} ({one_line(el.statement)})" if el and el.statement else id_)
        return P.join(parts)


def label(el: Element) -> str:
    return el.id or el.raw_id


# --- the front ---------------------------------------------------------------------------------


def intervention_values(model: LogicModel) -> dict[str, str]:
    iv = model.intervention
    return {
        "intervention": one_line(iv.name) or "Logic model",
        "version": one_line(iv.version) or "draft",
        "organisation": one_line(iv.organisation),
        "date": one_line(iv.text("date")),
    }


def nice_date(text: str) -> str:
    try:
        d = _dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return f"{d.day} {d.strftime('%B %Y')}"


def title_page(w: Writer, values: dict[str, str]) -> None:
    from docx.shared import Pt

    iv = w.model.intervention
    spacer = w.doc.add_paragraph()
    spacer.paragraph_format.space_before = Pt(120)
    if values["organisation"]:
        w.para(values["organisation"], "Subtitle")
    w.doc.add_paragraph(values["intervention"], style="Title")
    w.para("Logic model report", "Subtitle")
    facts = [("Version", one_line(iv.version)), ("Date", nice_date(one_line(iv.text("date")))),
             ("Phase", one_line(iv.text("phase"))), ("Lead contact", one_line(iv.text("lead_contact"))),
             ("Partners", one_line(iv.text("partners")))]
    for name, text in facts:
        if text:
            w.labelled(name, text)
    if w.readiness.checked and not w.readiness.has_chain:
        p = w.para()
        p.paragraph_format.space_before = Pt(18)
        w.run(p, "Draft: " + w.readiness.verdict, bold=True)
    p = w.para()
    p.paragraph_format.space_before = Pt(36)
    made = _dt.date.today()
    w.run(p, f"Made with lm-excel {__version__} from the workbook "
             f"{one_line(w.model.source) or 'provided'} on {made.day} {made.strftime('%B %Y')}.",
          italic=True)


def readiness(w: Writer) -> None:
    """Is the model ready? The verdict, what is strong, what is missing, what to do next."""
    r = w.readiness
    w.heading("Readiness summary", 1)
    p = w.para()
    w.run(p, r.verdict, bold=True)
    for reason in r.reasons:
        w.para(reason)
    if not r.checked:
        return
    if r.strengths:
        w.heading("What is strong", 2)
        w.bullets(r.strengths)
    w.heading("What is missing", 2)
    if r.gaps:
        w.bullets(r.gaps)
    else:
        w.para("Nothing: every part of the model is filled in and linked.")
    if r.next_steps:
        w.heading("What to do next", 2)
        w.bullets(list(dict.fromkeys(r.next_steps)))
    w.para("The workbook's Validation sheet lists each point with the cell to change.")


def summary(w: Writer) -> None:
    iv = w.model.intervention
    w.heading("Summary", 1)
    for head, key in (("What it is", "summary"), ("Who it is for", "target_population"),
                      ("Why it is needed", "rationale"), ("Evidence base", "evidence_base")):
        w.heading(head, 2)
        text = iv.text(key)
        if text.strip():
            w.paragraphs(text)
        else:
            w.missing(key)


def context(w: Writer) -> None:
    local = w.model.intervention.text("local_context")
    factors = w.model.context
    w.heading("Context", 1)
    w.heading("Local context", 2)
    if local.strip():
        w.paragraphs(local)
    else:
        w.missing("local_context")
    w.heading("Context factors", 2)
    if not factors:
        w.missing("context")
        return
    w.para("Things outside the intervention that help it (enablers), hinder it (barriers) or "
           "change for whom it works (moderators).", keep=True)
    rows = [[label(el), el.statement, P.capital(el.text("type")), el.text("detail"),
             ", ".join(el.ids("affects"))] for el in factors]
    w.table(["ID", "Factor", "Type", "Detail", "Affects"], rows, [1.1, 4, 2.1, 5, 1.6],
            caption="Context factors")


# --- the model at a glance (landscape) -----------------------------------------------------------


def at_a_glance(w: Writer, graph: D.Graph, png: bytes | None, alt: str) -> None:
    from docx.shared import Cm

    sec = w.landscape()
    width = w._width(sec)
    height = sec.page_height - sec.top_margin - sec.bottom_margin
    w.heading("The logic model at a glance", 1)
    if not len(graph):
        w.missing("model")
        w.portrait()
        return
    linked = bool(graph.edges)
    w.para("Each column is a stage of the logic model, read from left to right: the resources "
           "put in, the activities delivered, what they produce, how change happens, and the "
           "outcomes hoped for over time. "
           + ("The IDs link the columns; the diagram after the table shows the links as arrows."
              if linked else "The model has no links between its stages yet, so the diagram "
              "shows the stages side by side without arrows."))
    w.heading("The logic model in columns", 2)
    w.para("Within each column, elements are listed by ID; a row does not mean they are linked.",
           keep=True)
    depth = max(len(col) for col in graph.columns)
    rows = [[(col[i].label, col[i].text) if i < len(col) else "" for col in graph.columns]
            for i in range(depth)]
    w.table([s.title for s in graph.stages], rows, [1] * len(graph.stages),
            caption="The logic model in columns (full text of every element)", width=width,
            font_size=8, drop_empty=False, keep_together=False)  # starts on the section's first page
    if png is not None:
        w.heading("Diagram", 2, new_page=True)
        w.picture(png, width, alt, "Logic model diagram", height_limit=height - Cm(2.6))
        text = ("Logic model diagram. Boxes show each element's ID and text; arrows show the "
                "links typed in the workbook." if linked else
                "Logic model diagram. The model has no links yet, so no arrows are drawn.")
        if linked and w.readiness.mostly_unlinked:
            text += (" Most elements are not yet on a chain of arrows from the activities to "
                     "the outcomes.")
        elif linked and not w.readiness.has_chain:
            text += " No chain of arrows yet runs from the activities to the outcomes."
        if _aspect(png) > D.HEIGHT_IN / D.WIDTH_IN + 0.01:
            text += (" The model is large, so the diagram is printed small: save it with "
                     "'lm-excel report --diagram-out diagram.svg' to zoom in.")
        w.caption("Figure", text)
    details(w, width)
    w.portrait()


def _aspect(png: bytes) -> float:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        return im.height / im.width


def details(w: Writer, width: Any) -> None:
    """Tables with the components, outputs and outcomes in full (what another area would copy)."""
    model = w.model
    first = True
    if model.components:
        w.heading("Components in detail", 2, new_page=first)
        first = False
        w.para("What is delivered, by whom, to whom, how often and how: enough for another "
               "area to understand and copy it.", keep=True)
        rows = [[(label(el), el.statement), el.text("description"), el.text("delivered_by"),
                 el.text("received_by"), el.text("dose"), P.capital(el.text("delivery_mode")),
                 ", ".join(el.ids("inputs_used"))] for el in model.components]
        w.table(["Component", "Description", "Delivered by", "Received by", "Dose or frequency",
                 "Mode", "Inputs used"], rows, [3.2, 5, 2.2, 2.4, 2.2, 1.5, 1.5],
                caption="Components in detail", width=width, font_size=8.5)
    if model.outputs:
        w.heading("Outputs in detail", 2, new_page=first)
        first = False
        targets = [el.text("target") for el in model.outputs]
        if not any(t.strip() for t in targets):
            w.para("No targets have been set for the outputs yet; a target says how much "
                   "delivery counts as success.", keep=True)
        rows = [[(label(el), el.statement), ", ".join(el.ids("from_components")), t]
                for el, t in zip(model.outputs, targets)]
        w.table(["Output", "From components", "Target"], rows, [8, 2.5, 5],
                caption="Outputs and their targets", width=width, font_size=8.5)
    if model.outcomes:
        w.heading("Outcomes in detail", 2, new_page=first)
        rows = [[(label(el), el.statement), outcome_sentence(el),
                 ", ".join(el.ids("contributes_to"))] for el in model.outcomes]
        w.table(["Outcome", "What kind of outcome", "Contributes to"], rows, [7, 5.5, 2],
                caption="Outcomes: timescale, who benefits, direction and priority", width=width,
                font_size=8.5)


def outcome_sentence(el: Element) -> str:
    """'A medium-term, primary outcome for families; it should decrease.'"""
    phrase = P.outcome_phrase(el.text("timescale"), el.text("priority"), el.text("who_benefits"))
    direction = P.direction_word(el.text("direction"))
    return phrase + (f"; it {direction}." if direction else ".")


# --- how it works, assumptions, negative consequences ---------------------------------------------


def how_it_works(w: Writer) -> None:
    from docx.shared import Pt

    mechanisms = w.model.mechanisms
    w.heading("How it works", 1)
    if not mechanisms:
        w.missing("mechanisms")
        return
    w.para("The mechanisms explain how and why the activities lead to the outcomes: what each "
           "one sets in motion, what sets it off and what it leads to.")
    for el in mechanisms:
        p = w.para(keep=True)
        p.paragraph_format.space_before = Pt(8)
        w.run(p, f"{label(el)}. " if label(el) else "", bold=True)
        w.run(p, P.sentence(el.statement) or "(No description yet.)", bold=True)
        triggers, leads = el.ids("triggered_by"), el.ids("leads_to")
        parts = []
        if triggers:
            parts.append(f"Set off by {w.describe(triggers)}.")
        if leads:
            parts.append(f"Leads to {w.describe(leads)}.")
        if not triggers and not leads:
            parts.append("Not yet linked to any activity or outcome.")
        evidence = el.text("evidence").strip()
        w.para(" ".join(parts), keep=bool(evidence))
        if evidence:
            w.labelled("Evidence or rationale", one_line(evidence))


def assumptions(w: Writer) -> None:
    items = w.model.assumptions
    w.heading("Assumptions", 1)
    if not items:
        w.missing("assumptions")
        return
    weak = [el for el in items if needs_a_test(el)]  # the check's and the plan's rule
    text = "What must be true for the model to work, with how confident we are in each."
    if weak:
        text += (f" {len(weak)} of {len(items)} {'is' if len(weak) == 1 else 'are'} not rated "
                 "Strong and will be tested as the plan says.")
    w.para(text, keep=True)
    rows = [[label(el), el.statement, ", ".join(el.ids("relates_to")),
             P.capital(el.text("confidence")) or "Not stated", el.text("how_tested")] for el in items]
    w.table(["ID", "Assumption", "Relates to", "Confidence", "How it will be tested"], rows,
            [0.9, 4.6, 1.9, 2.3, 4.4], caption="Assumptions and confidence")


def negatives(w: Writer) -> None:
    items = w.model.negatives
    w.heading("Potential negative consequences", 1)
    if not items:
        w.missing("negatives")
        return
    w.para("What could go wrong or harm someone, how likely and how serious it would be, how "
           "the risk is reduced and how it will be watched for.", keep=True)
    rows = []
    for el in items:
        what: list[Any] = [el.statement]
        if el.text("who_affected"):
            what.append(("Who:", el.text("who_affected")))
        rating = [("Likelihood:", P.capital(el.text("likelihood")) or "Not stated"),
                  ("Impact:", P.capital(el.text("impact")) or "Not stated")]
        rows.append([label(el), what, rating, el.text("mitigation") or "None given yet",
                     el.text("monitoring") or "None given yet"])
    w.table(["ID", "Potential negative consequence", "Likelihood and impact", "Mitigation",
             "How it will be monitored"], rows, [1.0, 4.2, 2.8, 3.5, 3.5],
            caption="Potential negative consequences, mitigation and monitoring")
