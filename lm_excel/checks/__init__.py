"""Checking a logic model: one function per rule, each declaring the finding codes it may emit.

    from lm_excel.checks import validate
    report = validate(model)            # or validate(model, plan) with a measures plan
    report.valid, report.counts, report.findings

Rules live in one module per category (structure, identity, references, completeness, chain,
wording, questions, readiness), then the whole-model verdicts (:mod:`.verdicts`), which run last and group
the findings they explain; importing this package registers them all, in that order.
"""

from __future__ import annotations

from . import (  # noqa: F401
    cellvalues,
    chain,
    completeness,
    diagram,
    identity,
    questions,
    readiness,
    references,
    structure,
    verdicts,
    wording,
)
from .base import RULES, Context, Rule, rule, validate

__all__ = ["RULES", "Context", "Rule", "rule", "validate"]
