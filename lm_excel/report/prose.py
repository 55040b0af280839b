"""Plain-English wording for the report: counts, lists, and workbook fields turned into sentences.

The workbook holds short codes (a timescale, "Parent or carer", "validated instrument",
"CIN census"); a board reads sentences. Everything here is pure text: no python-docx.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .text import one_line

#: Irregular plurals of the nouns the report counts.
_PLURALS = {
    "child": "children", "family": "families", "parent or carer": "parents or carers",
    "community": "communities", "service or system": "services and systems",
    "analysis": "analyses", "person": "people", "young person": "young people",
    "partner agency": "partner agencies", "negative consequence": "negative consequences",
}
_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def plural(word: str) -> str:
    low = word.lower()
    if low in _PLURALS:
        return _match_case(word, _PLURALS[low])
    if re.search(r"[^aeiou]y$", low):
        return word[:-1] + "ies"
    if re.search(r"(s|x|z|ch|sh)$", low):
        return word + "es"
    return word + "s"


def _match_case(original: str, new: str) -> str:
    return new[:1].upper() + new[1:] if original[:1].isupper() else new


def count(n: int, word: str, words: bool = False) -> str:
    """'1 outcome', '3 outcomes'; with ``words`` small numbers are spelt out ('three outcomes').

    Never '0 outcomes': zero is 'no outcomes'.
    """
    noun = word if n == 1 else plural(word)
    if n == 0:
        return f"no {noun}"
    if words and n < len(_NUMBERS):
        return f"{_NUMBERS[n]} {noun}"
    return f"{n} {noun}"


def join(items: Iterable[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop at the end."""
    text = one_line(text)
    if not text:
        return ""
    text = text[:1].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def capital(text: str) -> str:
    text = one_line(text)
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like a name or an acronym."""
    text = one_line(text)
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:2].isupper() or any(c.isdigit() for c in first)):
        return text
    return text[:1].lower() + text[1:]


# --- workbook values as words -------------------------------------------------------------------

#: Who benefits, as the group an outcome is for.
_FOR = {
    "child": "children", "parent or carer": "parents and carers", "family": "families",
    "practitioner": "practitioners", "service or system": "the service and its partners",
    "community": "the community",
}

#: Kinds of measure in plain words.
KINDS = {
    "administrative": "Records the council already keeps",
    "validated instrument": "Validated questionnaire",
    "bespoke": "Our own survey or form",
    "qualitative": "Interviews or focus groups",
}

#: Data sources in plain words (national returns named in full, with their usual short name).
SOURCES = {
    "cin census": "the child in need census (DfE return)",
    "ssda903": "the children looked after return (SSDA903)",
    "school census": "the school census",
    "workforce census": "the children's social work workforce census",
    "local management information": "the service's own monitoring data",
    "questionnaire": "a questionnaire",
    "interviews": "interviews",
    "case file audit": "an audit of case files",
    "finance records": "finance records",
    "practitioner assessment": "a practitioner's assessment",
    "observation": "observation of practice",
    "eyfsp return": "the early years foundation stage profile return",
    "nccis": "the young people's participation return (NCCIS)",
    "ndtms": "the National Drug Treatment Monitoring System",
    "sen2 return": "the special educational needs return (SEN2)",
    "early years census": "the early years census",
    "police records": "police records",
    "nhs hospital data": "NHS hospital data",
    "nhs mental health data": "NHS mental health data",
    "youth justice service records": "youth justice service records",
}

#: Who completes a measure.
_RESPONDENTS = {
    "service or system": "", "parent or carer": "parents or carers", "young person": "young people",
    "child": "children", "family": "families", "practitioner": "practitioners",
    "teacher": "teachers", "evaluator": "an evaluator", "partner agency": "partner agencies",
}


def outcome_phrase(timescale: str, priority: str, who: str) -> str:
    """'A medium-term, primary outcome for families' from the outcome's choices."""
    words = []
    t = timescale.strip().lower()
    if t.endswith(" term"):
        words.append(t.replace(" term", "-term"))
    elif t:
        words.append(t)
    if priority.strip():
        words.append(priority.strip().lower())
    adjectives = ", ".join(words)
    article = "An" if adjectives[:1] in "aeiou" and adjectives else "A"
    group = _FOR.get(who.strip().lower(), who.strip().lower())
    out = f"{article} {adjectives + ' ' if adjectives else ''}outcome"
    if group:
        out += f" for {group}"
    return out


def direction_word(direction: str) -> str:
    d = direction.strip().lower()
    return {"increase": "should increase", "decrease": "should decrease",
            "maintain": "should be maintained"}.get(d, "")


def kind_words(kind: str) -> str:
    k = one_line(kind)
    return KINDS.get(k.lower(), capital(k))


def source_words(source: str) -> str:
    """A data source in plain words, or '' when there is none."""
    s = one_line(source)
    if not s:
        return ""
    if s.lower() in SOURCES:
        return SOURCES[s.lower()]
    if s.lower() == s:
        return lower_first(s)
    return f"the {s}" if _NAMED.match(s) else s


#: A source named by an organisation or a collection ("Scottish Government attendance
#: collection", "Police National Computer") reads with "the"; an acronym first ("SCRA ...") does not.
_NAMED = re.compile(r"^(?![A-Z]{2,}\b)[A-Z][a-z'’]*\s+[A-Z]")


def respondents(text: str) -> str:
    """'parents or carers, teachers and young people' from 'parent or carer; teacher; young person';
    '' when the data come from records (service or system)."""
    parts = [p.strip() for p in re.split(r"[;,]", text) if p.strip()]
    words = [_RESPONDENTS.get(p.lower(), p) for p in parts]
    return join([w for w in words if w])


def who_provides(respondent: str, source: str) -> str:
    """'Completed by parents or carers, using a questionnaire' or 'From the child in need census'."""
    people = respondents(respondent)
    where = source_words(source)
    if where.casefold().startswith("no national equivalent"):  # said as it stands
        return capital(where)
    if people and where:
        return f"Completed by {people}, using {where}" if where.startswith(("a ", "an ")) \
            else f"Completed by {people}; from {where}"
    if people:
        return f"Completed by {people}"
    if where:
        return f"From {where}"
    return ""


#: Caveats the measures library keeps for its maintainers; never shown to a report's readers.
_CAVEAT = re.compile(r"\b(?:not re-?verified|not verified|not confirmed|not covered here)\b",
                     re.IGNORECASE)


def reader_facts(text: str) -> str:
    """A library note without its internal caveats ('' when nothing else is left).

    A bracketed caveat is removed; a clause that is itself a caveat ('terms of use not
    confirmed') is left out whole.
    """
    text = re.sub(r"\s*\([^()]*\)", lambda m: "" if _CAVEAT.search(m.group()) else m.group(),
                  one_line(text))
    out = []
    for sent in re.split(r"(?<=\.)\s+", text):
        clauses = [c.strip(" .") for c in sent.split(";")]
        kept = [c for c in clauses if c and not _CAVEAT.search(c)]
        if kept:
            out.append(sentence("; ".join(kept)))
    return " ".join(out)


def has_internal_caveat(text: str) -> bool:
    return bool(_CAVEAT.search(text or ""))


def said_once(values: Sequence[str]) -> str | None:
    """The value every item shares (so a table can say it once), or None."""
    distinct = {one_line(v) for v in values}
    if len(values) >= 2 and len(distinct) == 1:
        value = distinct.pop()
        return value or None
    return None
