"""Statuses that say *who* a statement is about, not what changes: 'children in need', 'on a
child protection plan', 'care leavers', 'known to the police', 'at risk of exploitation'.

One place for the checks (:mod:`lm_excel.checks.text` drops them from the content words of a
statement, unless a number of those people is said to change) and the suggestions
(:mod:`lm_excel.measures.suggest` reads the status after the people an outcome names first as
who it is about), so that both read a status the same way. It imports nothing of the project, so
the checks use it without loading the measures library.
"""

from __future__ import annotations

import re

#: The links that join people to their status ('children *known to* the police', 'young people
#: *on the edge of* care'), in the order the suggestions try them.
STATUS_LINKS = ("in", "on", "with", "supervised by", "known to", "subject to", "open to",
                "involved with", "at risk of", "on the edge of", "in contact with", "from")


def link(words: str) -> str:
    """One of :data:`STATUS_LINKS` as a regular expression, any spaces between its words."""
    if words not in STATUS_LINKS:
        raise ValueError(f"{words!r} is not one of STATUS_LINKS")
    return r"\s+".join(re.escape(w) for w in words.split())


#: Statuses that name *who* a statement is about, not what changes ('children in need', 'on a
#: child protection plan', 'care leavers', 'at risk of exploitation'): a plan, a need or care in
#: them is part of the people's description. Where a number of them is said to change ('fewer
#: children in care', 'a reduction in looked after children') the status is what changes.
_PLAN = (r"(?:child\s+protection|cp|child\s+in\s+need|cin|care|supervision|safety|ehc|education,?"
         r"\s+health\s+and\s+care|early\s+help|family\s+support|protection|pathway|youth\s+justice|"
         r"court|interim\s+care|placement)")
STATUS_PHRASE = re.compile(
    r"\b(?:in\s+need(?:\s+of\s+(?:help|support|protection|care))?|looked[\s-]after|"
    r"(?:in|into|leaving|left|entering|enter|entered|" + link("on the edge of") + r"|edge\s+of|"
    r"on\s+the\s+cusp\s+of)\s+(?:(?:kinship|foster|residential|local\s+authority)\s+)?care|"
    r"care[\s-](?:leavers?|experienced)|"
    r"(?:on|" + link("subject to") + r"|under)\s+(?:an?\s+|the\s+)?(?:" + _PLAN
    + r"\s+)?(?:plans?|orders?|"
    r"proceedings)|with\s+(?:an?\s+|the\s+)?" + _PLAN + r"\s+(?:plans?|orders?|proceedings)|"
    + link("subject to") + r"\s+section\s+\d+\w*|"
    + link("known to")
    + r"\s+(?:children's\s+)?(?:social\s+care|services|the\s+police|youth\s+justice|"
    r"the\s+youth\s+justice\s+service)|"
    + link("open to") + r"\s+(?:children's\s+)?(?:social\s+care|early\s+help|services)|"
    r"with\s+(?:send|sen|an\s+ehcp|special\s+educational\s+needs(?:\s+and\s+disabilit(?:y|ies))?|"
    r"(?:a\s+)?disabilit(?:y|ies))|"
    r"eligible\s+for\s+(?:free\s+school\s+meals|fsm|the\s+pupil\s+premium)|"
    + link("at risk of") + r"\s+(?:\w+[\s-]){0,2}?(?:exploitation|exclusion|harm|offending|care|"
    r"homelessness|significant\s+harm|abuse|neglect|going\s+missing|entering\s+care)|"
    r"missing\s+from\s+(?:home|care|education|school)|not\s+in\s+education,?\s+employment,?\s+"
    r"or\s+training|neet|first[\s-]time\s+entrants?|on\s+remand|in\s+custody|"
    r"unaccompanied(?:\s+asylum[\s-]seeking)?|"
    # where people live: 'in the most deprived areas', 'living in disadvantaged communities'
    r"(?:living\s+)?(?:in|from|across)\s+(?:the\s+)?(?:most\s+|more\s+)?(?:deprived|disadvantaged|"
    r"poorest|poorer|low-income)\s+(?:areas?|communit(?:y|ies)|neighbourhoods?|wards?|estates?|"
    r"localities|places))\b",
    re.IGNORECASE,
)
