"""Mutation testing of the modules that decide things, one test process at a time, in a budget.

Each deciding module is changed one small step at a time by cosmic-ray (a comparison or boolean
operator swapped, a number changed, ``continue`` made ``break``, a condition negated...), and its
own tests are run against each such mutant. A mutant the tests do not notice "survives": it points
at behaviour nothing protects (or it is equivalent: a change no input can observe).

The run works on a scratch copy of the files git tracks (the checkout is never changed), runs one
test process at a time at a lower priority (``--nice``), and stops each module group when its
share of the budget is spent (between two mutants, never during one); the sessions are kept in the
scratch folder, so ``--workdir`` with the same folder resumes.

Each mutant gets a rank: a hash of the seed, the file, the operator, the mutated line's text, the
column and the occurrence, so one seed ranks the mutants the same way on every run while their
line is unchanged. ``--count N`` tries the N best-ranked mutants of each group, ``--sample RATE``
a share of them. Mutants are tried in rank order, so a run the budget stops has tried the same
mutants as any other run stopped at the same point. The scores are estimates, given with a 95%
interval.

    python tools/mutation.py --count 50 --seed 1 --budget 90 --out results.md
    python tools/mutation.py --module checks --budget 20

Scores, surviving mutants and the reason for each: docs/testing.md.
"""

from __future__ import annotations

import argparse
import ast
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from cosmic_ray.mutating import mutate_and_test
from cosmic_ray.testing import run_tests
from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import TestOutcome, WorkerOutcome, WorkItem, WorkResult

ROOT = Path(__file__).resolve().parents[1]

#: module group -> (source files mutated, the tests that protect them (fast ones first: a mutant's
#: run stops at the first failing test; ``--deselect`` leaves out a slow test that checks no
#: decision of the group), the functions mutated (None: all of them))
MODULES: dict[str, tuple[list[str], list[str], frozenset[str] | None]] = {
    "checks": (
        ["lm_excel/checks/chain.py", "lm_excel/checks/references.py", "lm_excel/checks/identity.py",
         "lm_excel/checks/completeness.py", "lm_excel/checks/structure.py", "lm_excel/checks/readiness.py",
         "lm_excel/checks/cellvalues.py", "lm_excel/checks/wording.py", "lm_excel/checks/verdicts.py",
         "lm_excel/checks/base.py"],
        ["tests/test_checks_chain.py", "tests/test_checks_edges.py", "tests/test_checks_rules.py",
         "tests/test_checks_model.py", "tests/test_checks_evidence.py", "tests/test_checks_docs.py"],
        None,
    ),
    "suggestions": (
        ["lm_excel/measures/suggest.py", "lm_excel/measures/index.py", "lm_excel/measures/vocab.py"],
        ["tests/test_suggest_fit.py", "tests/test_suggest_edges.py", "tests/test_suggest_snapshot.py",
         "tests/test_suggest.py"],
        None,
    ),
    "plan design": (
        ["lm_excel/measures/design.py"],
        ["tests/test_design_edges.py", "tests/test_design.py", "tests/test_plan.py",
         "--deselect", "tests/test_plan.py::test_demo_writes_the_plan_into_the_example_and_as_csv"],
        None,
    ),
    # The merge and diff decisions and the structure gaps; merging into the master file (file
    # I/O, locks, patching the xlsx) is tested through real files, too slow to run per mutant.
    "merge and diff": (
        ["lm_excel/exchange/merge.py", "lm_excel/exchange/diff.py", "lm_excel/exchange/snapshot.py",
         "lm_excel/exchange/structure.py"],
        ["tests/test_exchange_edges.py", "tests/test_merge_cases.py", "tests/test_merge_properties.py",
         "tests/test_partners.py"],
        frozenset({"merge_snapshots", "fields", "rows", "same", "whole", "conflict", "_renumber", "_locate",
                   "lost_values", "listed", "diff_snapshots", "_field_changes", "keyed_elements",
                   "element_key", "norm", "_norm", "is_empty", "grid_table", "table_grid", "counts", "empty",
                   "structure_gaps", "without_structure_gaps", "outside_model", "_has_values"}),
    ),
    # The limits: what is refused before parsing (size, zip, XML entities) and while reading.
    "reader limits": (
        ["lm_excel/workbook/reader.py", "lm_excel/workbook/xlsx_scan.py"],
        ["tests/test_reader_limits_edges.py", "tests/test_reader_errors.py", "tests/test_reader_tolerance.py",
         "tests/test_hardening.py", "--deselect", "tests/test_hardening.py::test_paths_with_spaces_and_non_ascii_names"],
        frozenset({"sniff", "_looks_like_text", "_check_zip", "_read_grids", "_checked_row",
                   "find_entity_declarations", "scan_sheet", "_mentions"}),
    ),
}

#: pytest as each mutant is tested: stop at the first failure, no LibreOffice tests, a fixed
#: Hypothesis seed (so a mutant is killed or not, the same on every run).
PYTEST = "python -m pytest -x -q -p no:cacheprovider -m 'not office' --hypothesis-seed=0"
#: Seconds one mutant's tests may take before the mutant counts as killed (it hangs the tests).
TIMEOUT = 300


def _copy_checkout(dest: Path) -> None:
    """The files git tracks, as they are in the checkout, and nothing else."""
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, files.decode("utf-8").split("\0")):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _slug(group: str) -> str:
    return group.replace(" ", "-")


def _annotations(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the type annotations are: with ``from __future__ import annotations`` they are never
    evaluated, so a mutant inside one (``Element | None`` -> ``Element * None``) is equivalent."""
    nodes = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.arg) and node.annotation is not None:
            nodes.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            nodes.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            nodes.append(node.annotation)
    return [((n.lineno, n.col_offset), (n.end_lineno, n.end_col_offset)) for n in nodes]


class Sample:
    """Which mutants of a group are tried: the best-ranked ``count`` (or the share ``rate``) of
    those outside type annotations and inside the group's deciding functions."""

    def __init__(self, seed: int = 0, rate: float = 1.0, count: int | None = None) -> None:
        self.seed, self.rate, self.count = seed, rate, count

    def describe(self) -> str:
        what = f"best {self.count}" if self.count is not None else f"{self.rate:g}"
        return f"{what}, seed {self.seed}"

    def ranked(self, files: list[str], workdir: Path, items: list[WorkItem],
               definitions: frozenset[str] | None) -> list[WorkItem]:
        """The sampled items, best rank first."""
        lines = {f: (workdir / f).read_text(encoding="utf-8").splitlines() for f in files}
        spans = {f: _annotations((workdir / f).read_text(encoding="utf-8")) for f in files}
        ranked = []
        for item in items:
            m = item.mutations[0]
            f = str(m.module_path)
            start = tuple(m.start_pos)
            if any(a <= start < b for a, b in spans[f]) or (
                    definitions is not None and m.definition_name not in definitions):
                continue
            key = f"{self.seed}:{f}:{m.operator_name}:{lines[f][start[0] - 1].strip()}:{start[1]}:{m.occurrence}"
            rank = zlib.crc32(key.encode("utf-8")) % 100000
            if self.count is not None or rank < self.rate * 100000:
                ranked.append((rank, key, item))
        ranked.sort(key=lambda x: x[:2])
        return [item for _, _, item in ranked[:self.count]]


def _command(group: str) -> str:
    return f"{PYTEST} {' '.join(MODULES[group][1])}"


def _init(group: str, workdir: Path, sample: Sample) -> Path:
    """Create the group's session (once) and mark every mutant outside the sample as skipped."""
    files, _, definitions = MODULES[group]
    config, session = workdir / f"{_slug(group)}.toml", workdir / f"{_slug(group)}.sqlite"
    if session.exists():
        return session
    paths = ", ".join(f'"{f}"' for f in files)
    command = _command(group).replace('"', '\\"')
    config.write_text(
        f'[cosmic-ray]\nmodule-path = [{paths}]\ntimeout = {TIMEOUT}.0\nexcluded-modules = []\n'
        f'test-command = "{command}"\n\n[cosmic-ray.distributor]\nname = "local"\n',
        encoding="utf-8")
    subprocess.run([sys.executable, "-m", "cosmic_ray.cli", "init", config.name, session.name], cwd=workdir,
                   check=True, env=_env(workdir))
    with use_db(str(session), WorkDB.Mode.open) as db:
        items = list(db.work_items)
        chosen = {i.job_id for i in sample.ranked(files, workdir, items, definitions)}
        db.set_multiple_results([i.job_id for i in items if i.job_id not in chosen],
                                WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
    return session


def _env(workdir: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(workdir), "PYTHONHASHSEED": "0"}


def run(groups: list[str], samples: dict[str, Sample], budget_min: float, workdir: Path) -> dict[str, float]:
    """Try each group's pending mutants in rank order, the budget shared equally (time a group
    leaves unused goes to the groups after it). The budget is checked between two mutants."""
    sessions = {g: _init(g, workdir, samples[g]) for g in groups}
    os.chdir(workdir)
    os.environ.update(_env(workdir))
    spent: dict[str, float] = {}
    deadline = time.monotonic() + budget_min * 60
    for i, g in enumerate(groups):
        files, _, definitions = MODULES[g]
        start = time.monotonic()
        stop = start + (deadline - start) / (len(groups) - i)
        with use_db(str(sessions[g]), WorkDB.Mode.open) as db:
            pending = {item.job_id for item in db.pending_work_items}
            order = [item for item in samples[g].ranked(files, workdir, list(db.work_items), definitions)
                     if item.job_id in pending]
            for n, item in enumerate(order):
                if time.monotonic() >= stop:
                    print(f"{g}: its share of the budget is spent; {len(order) - n} mutants not reached")
                    break
                db.set_result(item.job_id, mutate_and_test(item.mutations, _command(g), TIMEOUT))
                print(f"{g}: {n + 1}/{len(order)} {time.monotonic() - start:.0f} s", flush=True)
        spent[g] = time.monotonic() - start
    return spent


def retest(groups: list[str], workdir: Path, tests: list[str]) -> None:
    """Bring ``tests`` (default: every file under tests/) from the checkout into the scratch copy
    (the code mutated stays as it was), check each group's tests pass on that code unmutated,
    and try the group's surviving mutants again; the survivors before are kept in
    ``survivors.json``."""
    if not tests:
        files = subprocess.run(["git", "ls-files", "-z", "tests"], cwd=ROOT, capture_output=True,
                               check=True).stdout
        tests = list(filter(None, files.decode("utf-8").split("\0")))
    for name in tests:
        (workdir / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, workdir / name)
    record = workdir / "survivors.json"
    before = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    os.chdir(workdir)
    os.environ.update(_env(workdir))
    for g in groups:
        outcome, output = run_tests(_command(g), TIMEOUT)
        if outcome != TestOutcome.SURVIVED:  # the tests fail without any mutant: proves nothing
            print(f"{g}: the tests fail on the unmutated code, not tried again:\n{output[-2000:]}")
            continue
        with use_db(str(workdir / f"{_slug(g)}.sqlite"), WorkDB.Mode.open) as db:
            survived = [i for i, r in db.completed_work_items
                        if r.worker_outcome == WorkerOutcome.NORMAL and not r.is_killed]
            before.setdefault(g, [i.job_id for i in survived])
            for item in survived:
                db.set_result(item.job_id, mutate_and_test(item.mutations, _command(g), TIMEOUT))
                print(f"{g}: {item.job_id} tried again", flush=True)
        record.write_text(json.dumps(before, indent=1), encoding="utf-8")


def _wilson(k: int, n: int) -> tuple[float, float]:
    """95% interval for a proportion k/n (Wilson score)."""
    if n == 0:
        return 0.0, 1.0
    z, p = 1.96, k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return max(0.0, c - h), min(1.0, c + h)


def _change(diff: str) -> str:
    """The changed lines of a mutant's diff, on one line."""
    lines = [x for x in diff.splitlines() if x[:1] in "-+" and not x.startswith(("---", "+++"))]
    return " => ".join(" ".join(x[1:].split()) for x in lines)


def report(groups: list[str], workdir: Path, samples: dict[str, Sample], spent: dict[str, float]) -> str:
    commit = (workdir / "COMMIT").read_text(encoding="utf-8").strip() if (workdir / "COMMIT").exists() else "?"
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    out = [f"Commit {commit}; {sum(spent.values()) / 60:.0f} min, one test process at a time; load average "
           f"at the end {load}.", "",
           "| module group | mutants | sample | sampled | tested | killed | survived | not reached | "
           "killed % (95% interval) | minutes |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    record = workdir / "survivors.json"
    before = json.loads(record.read_text(encoding="utf-8")) if record.exists() else {}
    survivors: list[str] = []
    retested: list[str] = []
    for g in groups:
        with use_db(str(workdir / f"{_slug(g)}.sqlite"), WorkDB.Mode.open) as db:
            total = db.num_work_items
            done = list(db.completed_work_items)
            pending = sum(1 for _ in db.pending_work_items)
        ran = [(i, r) for i, r in done if r.worker_outcome != WorkerOutcome.SKIPPED]
        killed = sum(1 for _, r in ran if r.is_killed)
        lo, hi = _wilson(killed, len(ran))
        score = f"{100 * killed / len(ran):.0f}% ({100 * lo:.0f}-{100 * hi:.0f})" if ran else "-"
        out.append(f"| {g} | {total} | {samples[g].describe()} | {len(ran) + pending} | {len(ran)} | {killed} | "
                   f"{len(ran) - killed} | {pending} | {score} | {spent.get(g, 0) / 60:.1f} |")
        if g in before:
            again = sum(1 for i, r in ran if i.job_id in before[g] and r.is_killed)
            retested.append(f"- {g}: {killed - again} of {len(ran)} killed before, {killed} after")
        for item, r in sorted(ran, key=lambda x: (str(x[0].mutations[0].module_path), x[0].mutations[0].start_pos)):
            if not r.is_killed or item.job_id in before.get(g, ()):
                m = item.mutations[0]
                now = " (now killed)" if r.is_killed else ""
                survivors.append(f"- {g}: `{m.module_path}:{m.start_pos[0]}` {m.operator_name}: "
                                 f"`{_change(r.diff or '')}`{now}")
    if retested:
        out += ["", "Before and after the tests added for the survivors (`--retest`):", "", *retested]
    out += ["", "Surviving mutants (file:line, operator, the change):", "", *(survivors or ["- none"])]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--module", action="append", choices=sorted(MODULES), help="a module group (default: all)")
    p.add_argument("--sample", action="append", default=[], metavar="[GROUP=]RATE",
                   help="share of the mutants to try, for all groups or one (default: all)")
    p.add_argument("--count", action="append", default=[], metavar="[GROUP=]N",
                   help="try the N best-ranked mutants, in all groups or one (instead of --sample)")
    p.add_argument("--seed", type=int, default=0, help="ranks the mutants (default: 0)")
    p.add_argument("--budget", type=float, default=45.0, help="minutes for the whole run (default: 45)")
    p.add_argument("--nice", type=int, default=10, help="lower the run's priority by this much (default: 10)")
    p.add_argument("--workdir", type=Path, help="scratch folder to keep and resume (default: a new one)")
    p.add_argument("--retest", nargs="*", metavar="TEST",
                   help="with --workdir: copy these test files (default: all) from the checkout into the "
                        "scratch copy and try the surviving mutants again")
    p.add_argument("--out", type=Path, help="also write the results (markdown) to this file")
    args = p.parse_args(argv)
    groups = args.module or list(MODULES)
    samples = {g: Sample(args.seed) for g in MODULES}
    for option, value in [("sample", x) for x in args.sample] + [("count", x) for x in args.count]:
        group, _, number = value.rpartition("=")
        if group and group not in MODULES:
            p.error(f"--{option}: no module group {group!r}")
        for g in [group] if group else MODULES:
            if option == "sample":
                samples[g].rate = float(number)
            else:
                samples[g].count = int(number)
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="lm-excel-mutation-"))).resolve()
    if not (workdir / "pyproject.toml").exists():
        workdir.mkdir(parents=True, exist_ok=True)
        _copy_checkout(workdir)
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=False).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=False).stdout.strip()
        (workdir / "COMMIT").write_text(head + (" with uncommitted changes" if dirty else ""), encoding="utf-8")
    os.nice(args.nice)
    if args.retest is not None:
        if args.workdir is None:
            p.error("--retest needs the --workdir of an earlier run")
        retest(groups, workdir, args.retest)
    spent = run(groups, samples, args.budget, workdir)
    text = report(groups, workdir, samples, spent)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(f"scratch folder (delete it when done, or give it to --workdir to resume): {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
