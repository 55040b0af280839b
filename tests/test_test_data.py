"""The frozen test data is complete and current, and no test reaches outside the checkout.

Every test reads its inputs from tests/data/ (or builds them in code), so a fresh clone runs the
whole suite. The shared/ folder beside the checkout is read here only, to prove the frozen copies
still match it; under LM_EXCEL_REQUIRE_SHARED=1 (set by .ci/run) its absence is a failure.
"""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import CORPUS, DATA, EVAL, ROOT, shared_path

TESTS = ROOT / "tests"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_the_corpus_is_complete_and_carries_its_licence():
    files = _files(CORPUS)
    assert len(files) == 101
    assert {Path(n).suffix for n in files} == {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"}
    licence = (CORPUS.parent / "LICENSE").read_text(encoding="utf-8")
    assert "MIT" in licence and "calamine" in licence and "Copyright" in licence
    assert "calamine" in (CORPUS.parent / "README.md").read_text(encoding="utf-8")


def test_the_frozen_corpus_matches_the_shared_one():
    assert _files(CORPUS) == _files(shared_path("corpus/foreign-spreadsheets"))


def test_the_frozen_eval_sets_match_the_shared_ones():
    shared = _files(shared_path("eval"))
    frozen = {n: b for n, b in _files(EVAL).items() if n.endswith(".csv")}
    assert frozen == shared


#: A path built to the folder beside the checkout (``parents[2]``, ``ROOT.parent``, "shared").
REACHES_OUT = re.compile(r"parents\[2\]|ROOT\.parent|\bSHARED\b|[\"']\.\./shared")


def test_no_test_reads_data_from_beside_the_checkout():
    allowed = {"conftest.py", Path(__file__).name}
    offenders = [
        f"{p.name}:{n}: {line.strip()}"
        for p in sorted(TESTS.glob("*.py")) if p.name not in allowed
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if REACHES_OUT.search(line)
    ]
    assert not offenders, "use tests/data/ (conftest.CORPUS, EVAL, DATA) instead:\n" + "\n".join(offenders)
    assert DATA.is_dir()
