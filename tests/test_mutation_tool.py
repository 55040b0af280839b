"""tools/mutation.py: the sample is repeatable (seeded, in rank order) and leaves out mutants inside
type annotations."""

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
    return SimpleNamespace(job_id=job, mutations=[SimpleNamespace(
        module_path="m.py", operator_name=op, start_pos=(line, col), definition_name="f", occurrence=line)])


def _ids(sample, tmp_path, items, definitions=None) -> list[str]:
    return [i.job_id for i in sample.ranked(["m.py"], tmp_path, items, definitions)]


def test_mutants_inside_annotations_are_left_out_and_code_is_not(tmp_path):
    (tmp_path / "m.py").write_text(SOURCE, encoding="utf-8")
    items = [_item("arg", 2, 13), _item("returns", 2, 36), _item("annassign", 3, 12), _item("code", 4, 13)]
    assert _ids(mutation.Sample(), tmp_path, items) == ["code"]
    assert _ids(mutation.Sample(), tmp_path, items, frozenset({"g"})) == []


def test_the_sample_is_repeatable_about_the_rate_and_in_rank_order(tmp_path):
    (tmp_path / "m.py").write_text("".join(f"x{i} = {i}\n" for i in range(2000)), encoding="utf-8")
    items = [_item(str(i), 1 + i, 5, "core/NumberReplacer") for i in range(2000)]
    everything = _ids(mutation.Sample(seed=1), tmp_path, items)
    assert sorted(everything, key=int) == [str(i) for i in range(2000)]
    assert everything != [str(i) for i in range(2000)]  # ranked, not in file order
    quarter = _ids(mutation.Sample(seed=1, rate=0.25), tmp_path, items)
    assert quarter == _ids(mutation.Sample(seed=1, rate=0.25), tmp_path, list(reversed(items)))
    assert 0.20 < len(quarter) / len(items) < 0.30
    assert quarter == everything[:len(quarter)]
    # a count takes the best-ranked: a smaller count (or a run the budget stops) tries a prefix
    fifty = _ids(mutation.Sample(seed=1, count=50), tmp_path, items)
    assert fifty == everything[:50] == _ids(mutation.Sample(seed=1, count=80), tmp_path, items)[:50]
    assert set(fifty) != set(_ids(mutation.Sample(seed=2, count=50), tmp_path, items))


def test_every_deciding_module_and_its_tests_exist():
    for files, tests, _ in mutation.MODULES.values():
        assert files and tests
        for name in [*files, *tests]:
            if not name.startswith("-"):  # a pytest option (--deselect) or a test's node ID
                assert (ROOT / name.split("::")[0]).is_file(), name


def test_the_interval_contains_the_observed_share():
    lo, hi = mutation._wilson(17, 20)
    assert lo < 17 / 20 < hi and 0 < lo and hi < 1
    assert mutation._wilson(0, 0) == (0.0, 1.0)
