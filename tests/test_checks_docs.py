"""docs/checks.md lists every registered code, exactly as the registry says (and the checks test
module has a failing case for each: see test_checks_rules.CASES)."""

from __future__ import annotations

import re

from lm_excel.checks.docs import codes_markdown, generated_block
from lm_excel.findings import REGISTRY

from .conftest import ROOT
from .test_checks_rules import CASES

DOC = ROOT / "docs" / "checks.md"


def test_every_registered_code_has_a_section_in_the_docs():
    text = DOC.read_text(encoding="utf-8")
    headings = set(re.findall(r"^#### ([a-z0-9-]+)$", text, flags=re.MULTILINE))
    assert headings == set(REGISTRY)
    for info in REGISTRY.values():
        assert info.title in text and info.description in text


def test_the_generated_list_is_up_to_date():
    text = DOC.read_text(encoding="utf-8")
    assert generated_block(text) == codes_markdown(), (
        "docs/checks.md is out of date: run python -m lm_excel.checks.docs docs/checks.md")


def test_every_documented_code_is_emitted_by_a_test():
    assert set(CASES) == set(REGISTRY)


def test_every_code_says_why_it_has_its_severity():
    from lm_excel.checks.docs import SEVERITY_WHY

    assert all((info.category, info.severity) in SEVERITY_WHY for info in REGISTRY.values())
    assert "- Why an error: the model cannot be evaluated as it stands" in DOC.read_text(encoding="utf-8")
