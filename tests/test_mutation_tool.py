"""tools/mutation.py: the sample is repeatable and leaves out mutants inside type annotations."""

from __future__ import annotations

import importlib.util
from types import SimpleNamespace

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("mutation_tool", ROOT / "tools" / "mutation.py")
mutation = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mutation)

SOURCE = '''from __future__ import annotations
def f(x: int | None, y=1) -> list[str] | None:
    z: dict[str, int] = {}
    return x | y
'''


def _item(job: str, line: int, col: int, op: str = "core/ReplaceBinaryOperator_BitOr_Mul"):
    return SimpleNamespace(job_id=job, mutations=[SimpleNamespace(module_path="m.py", operator_name=op,
                                                                  start_pos=(line, col), definition_name="f")])


def test_mutants_inside_annotations_are_skipped_and_code_is_not(tmp_path):
    (tmp_path / "m.py").write_text(SOURCE, encoding="utf-8")
    items = [_item("arg", 2, 13), _item("returns", 2, 36), _item("annassign", 3, 12), _item("code", 4, 13)]
    assert mutation._skipped(["m.py"], tmp_path, 1.0, items) == ["arg", "returns", "annassign"]
    assert mutation._skipped(["m.py"], tmp_path, 1.0, items, frozenset({"g"})) == ["arg", "returns", "annassign", "code"]


def test_the_sample_is_repeatable_and_about_the_rate(tmp_path):
    (tmp_path / "m.py").write_text("".join(f"x{i} = {i}\n" for i in range(2000)), encoding="utf-8")
    items = [_item(str(i), 1 + i, 5, "core/NumberReplacer") for i in range(2000)]
    first = mutation._skipped(["m.py"], tmp_path, 0.25, items)
    assert first == mutation._skipped(["m.py"], tmp_path, 0.25, items)
    assert 0.70 < len(first) / len(items) < 0.80  # about 25% kept
    assert mutation._skipped(["m.py"], tmp_path, 1.0, items) == []


def test_every_deciding_module_and_its_tests_exist():
    for files, tests, _ in mutation.MODULES.values():
        assert files and tests
        for name in [*files, *tests]:
            assert (ROOT / name).is_file(), name


def test_the_interval_contains_the_observed_share():
    lo, hi = mutation._wilson(17, 20)
    assert lo < 17 / 20 < hi and 0 < lo and hi < 1
    assert mutation._wilson(0, 0) == (0.0, 1.0)
