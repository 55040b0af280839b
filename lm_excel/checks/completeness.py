"""Completeness: required answers given, and the model has every part a logic model needs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import layout as L
from ..findings import Finding, make, register
from ..model import CellRef, a1
from .base import Context, rule, short
from .clauses import NOT_TAKING_PART

C = "completeness"
EMPTY_REQUIRED = register(
    "empty-required", category=C, severity="error",
    title="Required answer left empty",
    description="A row has an ID but a column the template marks as required (such as the "
    "statement itself, or an outcome's timescale) is empty.",
    message="{id} on '{sheet}' has no '{column}' ({ref}).",
    fix="Fill in {ref}: {help}",
)
INTERVENTION_INCOMPLETE = register(
    "intervention-incomplete", category=C, severity="error",
    title="Intervention description incomplete",
    description="One of the Intervention sheet's required lines (organisation, name, what, who, "
    "why) is empty.",
    message="The '{label}' line of the Intervention sheet is empty ({ref}).",
    fix="Fill in {ref}: {help}",
)
NO_ELEMENTS = register(
    "no-elements", category=C, severity="error",
    title="No components, mechanisms or outcomes",
    description="A logic model needs at least one component (what is done), one mechanism (how "
    "it brings change) and one outcome (the change).",
    message="There are no {plural} on the '{sheet}' sheet; a logic model needs at least one.",
    fix="Add at least one row to '{sheet}', starting in {cell}: {intro}",
)
NO_TIMESCALE = register(
    "no-timescale-outcome", category=C, severity="warning",
    title="No short-term or no long-term outcome",
    description="The outcomes should run from short-term changes (within months) to long-term "
    "ones (years); one end of the chain is missing. A warning: the chain that is there can be "
    "evaluated, but without early changes there is nothing to measure soon, and without lasting "
    "ones the model does not say what it is for.",
    message="None of the outcomes is {timescale}; a logic model should show both the first "
    "changes and the lasting ones.",
    fix="Add a {timescale} outcome (choose '{choice}' in the Timescale column), or correct the "
    "timescale of an existing outcome.",
)
NOT_CONSIDERED = register(
    "not-considered", category="model", severity="warning",
    title="No negative consequences or no assumptions",
    description="Every logic model should say what could go wrong and what must hold true for "
    "it to work; the sheet for one of these is empty. A warning, not an error: the chain can "
    "still be evaluated, but nobody will look for harm or test what the model takes for granted.",
    message="The '{sheet}' sheet is empty: {why}",
    fix="Add at least one row to '{sheet}', starting in {cell}.",
)
NO_OUTPUTS = register(
    "no-outputs", category="model", severity="warning",
    title="No outputs",
    description="The Outputs sheet is empty, so the model does not say what delivery will be "
    "counted (families reached, sessions completed) and the evaluation has no process measures "
    "to show whether the intervention was delivered as intended. A warning: outcomes can still "
    "be evaluated, but a null result could not be told apart from a failure to deliver.",
    message="The '{sheet}' sheet is empty: nothing says how much of the intervention will be "
    "delivered, to whom, so there are no process measures.",
    fix="Add at least one row to '{sheet}', starting in {cell}: something you can count for "
    "each component, e.g. 'Number of families offered a check-in within 5 days'.",
)
NO_DESCRIPTIONS = register(
    "no-descriptions", category=C, severity="warning",
    title="No component described",
    description="Every component's Description is empty, so nobody outside the team could tell "
    "what is actually done, copy it or check that it was delivered as planned. Said once for "
    "the sheet, not once per component.",
    message="None of the {count} components has a description (the '{column}' column, from "
    "{ref}, is empty).",
    fix="For each component, say in {ref} and below what happens, who does it, with whom and "
    "how often, in enough detail for another area to copy it.",
)
DELIVERY_ONLY = register(
    "negatives-delivery-only", category=C, severity="warning",
    title="Negative consequences are all delivery risks",
    description="Every negative consequence listed is a risk to delivery (funding, staffing, "
    "take-up, data sharing), not a harm the intervention itself could do. Evaluators look for "
    "unintended harm to children, families and practitioners, e.g. risks missed when referrals "
    "fall, families feeling watched or labelled, practitioner burnout.",
    message="All {count} negative consequences are risks to delivery ({examples}); none says how "
    "children, families or practitioners could be harmed by the intervention.",
    fix="Add at least one harm the intervention could cause, e.g. 'Risks to children are "
    "missed when fewer families are referred to social care' or 'Families feel watched or "
    "labelled', with who is affected, how you will reduce it and how you will notice.",
)


INVALID_CHOICE = register(
    "invalid-choice", category=C, severity="warning",
    title="Answer not in the dropdown list",
    description="A column with a dropdown list (e.g. Timescale, Confidence) holds a value that is "
    "not one of the list's answers, so lm-excel cannot use it (Excel lets you type past the list "
    "after a warning).",
    message="{id}'s '{column}' ({ref}) is '{value}', which is not one of the list's answers.",
    fix="Pick one of {options} from the dropdown in {ref}.",
)


@rule(EMPTY_REQUIRED, INVALID_CHOICE)
def required_fields(ctx: Context) -> Iterator[Finding]:
    """Each row's required columns (layout ``required``) are filled in, and dropdown columns hold
    one of their list's answers."""
    allowed = {name: {L.norm_label(v) for v in values} for name, values in L.LISTS.items()}
    for el in ctx.model.all_elements():
        eid = ctx.eid(el)
        if not eid:
            continue  # reported as missing-id
        for col in el.sheet.columns:
            f = el.fields.get(col.key)
            if f is None:
                continue  # the column is missing: reported as missing-column
            if col.required and col.kind != "id" and f.empty:
                yield make(EMPTY_REQUIRED, f.ref, eid, column=col.header, help=col.help)
            elif col.choices and not f.empty and L.norm_label(f.text) not in allowed[col.choices]:
                options = ", ".join(col.options[:-1]) + " or " + col.options[-1]
                yield make(INVALID_CHOICE, f.ref, eid, column=col.header, value=f.text[:60],
                           options=options)


@rule(INTERVENTION_INCOMPLETE)
def intervention(ctx: Context) -> Iterator[Finding]:
    """The intervention's organisation, name, what, who and why are given."""
    iv = ctx.model.intervention
    for fld in L.INTERVENTION.fields:
        if not fld.required:
            continue
        ref = iv.ref(fld.key)
        if ref is None:
            continue  # the label is missing: reported as missing-field
        if not iv.text(fld.key):
            yield make(INTERVENTION_INCOMPLETE, ref, label=fld.header, help=fld.help)


def _first_row_cell(sheet: L.ListSheet) -> CellRef:
    return CellRef(sheet.name, a1(L.HEADER_ROW + 1, 1))


@rule(NO_ELEMENTS, NO_TIMESCALE, NOT_CONSIDERED, NO_OUTPUTS)
def parts(ctx: Context) -> Iterator[Finding]:
    """At least one component, mechanism and outcome; a short- and a long-term outcome; at least
    one output (when there are components), one negative consequence and one assumption."""
    m = ctx.model
    for sheet in (L.COMPONENTS, L.MECHANISMS, L.OUTCOMES):
        if not m.elements[sheet.key] and ctx.readable(sheet.key):
            yield make(NO_ELEMENTS, _first_row_cell(sheet), plural=sheet.name.lower(),
                       intro=sheet.intro)
    if m.outcomes and "timescale" in m.outcomes[0].fields:
        scales = {L.norm_label(o.text("timescale")) for o in m.outcomes}
        for choice in ("Short term", "Long term"):
            if L.norm_label(choice) not in scales:
                yield make(NO_TIMESCALE, m.outcomes[0].ref("timescale"), timescale=choice.lower(),
                           choice=choice)
    why = {
        "negatives": "think about what could go wrong, for whom, and how you would notice.",
        "assumptions": "write down what must be true for the intervention to work, and how "
        "sure you are.",
    }
    for sheet in (L.NEGATIVES, L.ASSUMPTIONS):
        if not m.elements[sheet.key] and ctx.readable(sheet.key):
            yield make(NOT_CONSIDERED, _first_row_cell(sheet), why=why[sheet.key])
    if m.components and not m.outputs and ctx.readable("outputs"):
        yield make(NO_OUTPUTS, _first_row_cell(L.OUTPUTS))


@rule(NO_DESCRIPTIONS)
def descriptions(ctx: Context) -> Iterator[Finding]:
    """Components none of which is described (two or more, so a one-line model is left alone)."""
    comps = [c for c in ctx.model.components if ctx.eid(c)]
    if len(comps) >= 2 and all("description" in c.fields and c.fields["description"].empty for c in comps):
        yield make(NO_DESCRIPTIONS, comps[0].ref("description"), count=len(comps),
                   column=L.COMPONENTS.column("description").header)


#: Harm the intervention itself could do to children, families or practitioners (checked first: a
#: harm is a harm even when delivery words appear in it too). Losing or being pressed is a harm
#: only for people and what they hold ('families lose trust', 'pressure on parents'), not for a
#: service ('the service loses its grant', 'budget pressures').
_HARM = re.compile(
    r"\b(?:harm\w*|miss(?:ed|es|ing)?|unsafe|stigma\w*|label\w*|distress\w*|upset\w*|"
    r"anxi\w*|worse\w*|widen\w*|inequal\w*|inequit\w*|exclu\w*|dependen\w*|(?:come|came|comes|coming|grow|grows)\s+to\s+(?:depend|rely)|relian\w*|rel(?:y|ies|ying)|"
    r"burn(?:-|\s)?out|fatigue|exhaust\w*|intru\w*|"
    # people overwhelmed, not a department or a service ('the ward is overwhelmed in winter')
    r"(?:feel\w*|felt|become|becomes|get|gets)\s+overwhelmed|overwhelming\s+(?:for|to)|"
    r"(?:families|parents|children|young\s+people|carers|staff|workers|practitioners|mothers|fathers|"
    r"pupils|they)\s+(?:are\s+|is\s+)?(?:\w+\s+)?overwhelmed|watched|surveil\w*|escalat\w*|trauma\w*|"
    r"retraumatis\w*|neglect\w*|abus\w*|exploit\w*|safeguard\w*|wellbeing|well-being|isolat\w*|lonel\w*|"
    r"judg(?:ed|ing|e?mental)|blam\w*|sham\w*|humiliat\w*|privacy|confidential\w*|disadvantag\w*|unmet|worr(?:y|ies|ying)|"
    r"worried|stress\w*|fear\w*|afraid|mistrust\w*|distrust\w*|resent\w*|conflict\w*|confus\w*|"
    r"coerc\w*|feel\w*|felt|unintended|displac\w*|unsettl\w*|instabilit\w*|"
    r"bereave\w*|grief|suicid\w*|self-harm\w*|unheard|not\s+heard|"
    r"under\s+pressure|pressured|pressure\s+(?:on|to)\s+(?:the\s+)?(?:famil|parent|child|young|carer|"
    r"mother|father|pupil|practitioner|worker|staff|social\s+worker)\w*|"
    r"los(?:e|es|ing|s|t)\s+(?:\w+\s+){0,2}?(?:trust|contact|touch|relationships?|friends\w*|support|"
    r"homes?|housing|income|benefits?|places?|placements?|school\w*|confidence|hope|motivation|"
    r"identity|culture|language|child|children|baby|babies|siblings?|parents?)|"
    r"mov(?:ed|es|ing)\s+away|out\s+of\s+area|(?:placement|family)\s+break\w*|expos\w*|"
    r"at\s+risk|risks?\s+(?:to|of)\s+(?:harm|children|young|families|parents|babies|pupils)|"
    r"drawn\s+(?:further\s+)?into|criminalis\w*|criminaliz\w*|"
    # rejection felt by the people, and what is not in their interests (TUNED ON held out 28)
    r"rejection(?!\s+of\s+(?:the\s+|a\s+)?(?:referral|application|bid|request)s?)|"
    r"(?:not\s+in|against|no\s+longer\s+(?:in|serv\w*))\s+(?:the\s+|their\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:best\s+)?interests?|"
    # less of the service for the people it is for: waiting, being seen less, being left without
    r"(?:families|children|parents|young\s+people|pupils|women|mothers|fathers|carers|victims)\s+"
    r"(?:\w+\s+){0,2}?wait\w*|seen\s+less|less\s+often|fewer\s+visits|abrupt\w*|cliff[-\s]edge|"
    r"(?:left|leaves|leaving)\s+without|(?:longer|lengthen\w*)\s+waits?|"
    r"less\s+time\s+(?:for|with)\s+(?:the\s+)?(?:famil|child|parent|young|pupil|women|mother|father|carer)\w*|"
    # being marked or singled out; a delay to the people's own next step ('delays full-time school',
    # 'delays their return home'); support that falls away after it ends (TUNED ON held out 30)
    r"(?:mark|single)(?:s|ed|ing)?\s+(?:[\w'-]+\s+){0,3}?out\b|"
    r"delay(?:s|ed|ing)?\s+(?:their\s+|the\s+|a\s+|[\w-]+'s?\s+)?(?:full[-\s]time\s+|mainstream\s+)?"
    r"(?:school\w*|education|learning|return\w*|going\s+home|reunification|adoption|permanence|"
    r"diagnosis|treatment|recovery|independence)|"
    r"(?:support|help|contact|relationships?)\s+(?:\w+\s+){0,3}?(?:falls?|fell|falling|drops?|dropped|dropping|"
    r"fades?|faded|fading|tails?|tailed)\s+(?:away|off)|"
    # risk to children held where it should not be ('workers in schools hold risk')
    r"(?:hold|holds|holding|held|carry|carries|carrying|carried)\s+(?:\w+\s+){0,2}?risks?)\b",
    re.IGNORECASE,
)
_STAFF = (r"(?:staff|workers?|practitioners?|volunteers?|befrienders?|mentors?|coaches|trainers?|"
          r"supervisors?|managers?|coordinators?|nurses?|health\s+visitors?|midwives|therapists?|"
          r"psychologists?|social\s+workers?|teachers?|facilitators?|interpreters?|foster\s+carers?)")
#: Risks to delivering the intervention, by family: money; people to deliver it; take-up and
#: referrals; partners, leaders and priorities; fidelity and training; places, kit and systems; time.
_DELIVERY_RISK = re.compile(
    # money: funding, budgets, grants, finance, commissioning, spending
    r"\b(?:fund\w*|budget\w*|grants?|costs?|money|financ\w*|suppliers?|invoic\w*|procure\w*|"
    r"underspen\w*|overspen\w*|spend\w*|cuts?|savings|tender\w*|commission\w*|contract\w*|"
    r"fundrais\w*|donations?|income\s+streams?|"
    # people to deliver it: recruiting, keeping, releasing and vetting staff and volunteers
    r"recruit\w*|retain\w*|retention|turnover|vacanc\w*|vacant|capacity|staff\w*|sickness|"
    r"workloads?|caseloads?|busy|volunteer\w*|dbs|vetting|release\w*|rotas?|shifts?|uncovered|"
    r"cover(?:ed)?|overwhelmed|"
    rf"{_STAFF}\s+(?:\w+\s+){{0,2}}?(?:leave|leaves|leaving|left|quit\w*|move\s+on|resign\w*|"
    r"(?:not|un)\s*available|absent|off\s+sick)|"
    rf"(?:not\s+enough|too\s+few|shortages?\s+of|lack\s+of|insufficient|no)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{_STAFF}|places|rooms?|time|money|referrals?|sessions|cover)|"
    # take-up and referrals
    r"take-?up|uptake|engag\w*|attend\w*|drop\s?out\w*|referr\w*|refer|signpost\w*|flagg\w*|"
    r"awareness|publicity|promot\w*|demand|waiting|"
    # the offer not passed on or booked: a route to the service that fails ('schools never pass the
    # booking codes on to families')
    r"book(?:ing|ings|ed)|vouchers?|pass(?:es|ed|ing)?\s+(?:\w+\s+){0,3}?on\s+to|"
    r"hand(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?on\s+to|"
    # partners, leaders and priorities
    r"buy-?in|commitment|partners?|provider\w*|withdraw\w*|agenc(?:y|ies)|governance|"
    r"interest|momentum|enthusiasm|priorit\w*|political|leadership|champions?|"
    r"(?:schools?|services?|organisations?|practices|settings?)\s+(?:pull\w*\s+out|opt\w*\s+out|"
    r"disengag\w*|leav\w*)|"
    # fidelity and training
    r"fidelity|drift\w*|adheren\w*|dilut\w*|training|supervision|implement\w*|deliver\w*|"
    # places, kit and systems
    r"(?:it|ict|case\s+recording|recording|record|data|computer|case\s+management)\s+systems?|"
    r"software|data\w*|gdpr|information\s+sharing|platforms?|licen[cs]\w*|venues?|premises|"
    r"rooms?|transport|travel|equipment|resourc\w*|beds?|places|"
    # inspection and regulation, and a provision closing ('close beds after an inspection')
    r"ofsted|inspect\w*|regulat\w*|registration|clos(?:es|ed|ure|ing)|close\s+(?:beds|places|the|a|its|down)|"
    # time, and what stops the work
    r"delay\w*|time(?:scales?)?|sustainab\w*|covid\S*|coronavirus|pandemic|lockdowns?|restrictions?|"
    # a post that is a job ('key posts left vacant', 'posts hard to fill'), not one on social media
    r"(?<!blog\s)(?<!social\smedia\s)posts?(?=\s+(?:\w+\s+){0,2}(?:vacant|unfilled|filled|fill|"
    r"frozen|cut|lost|empty))|(?:key|staff|specialist|vacant|unfilled|funded|new)\s+posts?)\b",
    re.IGNORECASE,
)


#: The people a children's services intervention is for. A negative consequence that names them
#: and is not a risk to delivery ('Some children feel singled out') considers what could happen to
#: them even in words no harm list holds.
_PEOPLE = re.compile(
    r"\b(?:child\w*|young\s+(?:people|person|adults?|carers?)|youths?|teen\w*|adolescen\w*|"
    r"pupils?|students?|learners?|bab(?:y|ies)|infants?|toddlers?|famil(?:y|ies)|parent\w*|"
    r"mothers?|fathers?|mums?|dads?|grandparents?|siblings?|brothers?|sisters?|girls?|boys?|"
    r"women|men|victims?|survivors?|care\s+leavers?|households?|residents?|communit(?:y|ies)|"
    r"service\s+users?|(?:kinship\s+|young\s+|family\s+)?carers?|patients?|clients?)\b",
    re.IGNORECASE,
)


#: A word for the people served that names a service or a place ('youth club', "children's centre",
#: 'family hub', 'parent panel'), not the people themselves.
_SERVICE_NOUN = re.compile(
    r"(?:'s|s')?\s+(?:clubs?|centres?|centers?|hubs?|services?|teams?|workers?|groups?|panels?|"
    r"forums?|councils?|programmes?|schemes?|buildings?|courts?|officers?|units?|zones?|"
    r"provision|offer|app|nursery|nurseries|wards?|clinics?)\b", re.IGNORECASE)


#: Those who deliver or commission the service as the subject of a verb of feeling or thinking
#: ('Partners worry the pilot will end', 'Schools fear the extra workload'): what they feel about
#: delivery (a clause after the verb) is a risk to delivery; their own state is still a harm ('Staff
#: feel stressed', 'Practitioners feel pressure to close cases').
_DELIVERERS_FEEL = re.compile(
    rf"^\s*(?:\w+\s+){{0,2}}?(?:{_STAFF}|partners?|schools?|agenc(?:y|ies)|services?|gps?|"
    r"head\s*teachers?|heads|commissioners?|providers?|leaders?|councils?|police|officers?|"
    r"clinicians?|doctors?|consultants?)\s+(?P<verb>feel|feels|felt|worry|worries|worried|fear|fears|"
    r"feared|are\s+concerned|think|thinks|believe|believes)\s+(?=(?:the|that|a|an|their|its|it|this|"
    r"these|they|there|we|our)\b)", re.IGNORECASE)


def _considers_harm(statement: str) -> bool:
    """Whether a negative consequence is about harm to people rather than a risk to delivery.

    Positive evidence is needed: a harm word, or the people served named outside a delivery risk.
    A statement in words neither list holds ('Unit closes beds after a poor inspection', 'Rota
    gaps at weekends') is about the service, so it does not count as a harm considered."""
    if m := _DELIVERERS_FEEL.match(statement):
        statement = statement[:m.start("verb")] + statement[m.end("verb"):]
    if _HARM.search(statement):
        return True
    people = any(not _SERVICE_NOUN.match(statement, m.end()) for m in _PEOPLE.finditer(statement))
    return people and not _DELIVERY_RISK.search(statement) and not NOT_TAKING_PART.search(statement)


@rule(DELIVERY_ONLY)
def harms_considered(ctx: Context) -> Iterator[Finding]:
    """Negative consequences that are all delivery risks, with no harm to people among them."""
    negs = [n for n in ctx.model.negatives if ctx.eid(n) and n.statement]
    if not negs or any(_considers_harm(n.statement) for n in negs):
        return  # none listed (said elsewhere), or a harm to people was considered
    examples = "; ".join(f"{ctx.eid(n)} '{short(n.statement, 40)}'" for n in negs[:3])
    yield make(DELIVERY_ONLY, negs[0].ref("consequence"), ctx.eid(negs[0]), count=len(negs),
               examples=examples)
