"""Mutation testing of the modules that decide things, one test process at a time, in a budget.

Each deciding module is changed one small step at a time by cosmic-ray (a comparison or boolean
operator swapped, a number changed, ``continue`` made ``break``, a condition negated...), and its
own tests are run against each such mutant. A mutant the tests do not notice "survives": it points
at behaviour nothing protects (or it is equivalent: a change no input can observe).

The run works on a scratch copy of the files git tracks (the checkout is never changed), runs one
test process at a time, and stops each module group when its share of the budget is spent; the
sessions are kept in the scratch folder, so ``--workdir`` with the same folder resumes.

With ``--sample RATE`` only a fixed, repeatable share of the mutants is tried (chosen by a hash of
the file, the operator, the mutated line's text and the column, so the same mutants are chosen on
every run while their line is unchanged); the scores are then estimates, given with a 95% interval.

    python tools/mutation.py --sample 0.1 --sample "reader limits=0.02" --budget 45 --out results.md
    python tools/mutation.py --module checks --budget 20

Scores, surviving mutants and the reason for each: docs/testing.md.
"""

from __future__ import annotations

import argparse
import ast
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from cosmic_ray.work_db import WorkDB, use_db
from cosmic_ray.work_item import WorkerOutcome, WorkResult

ROOT = Path(__file__).resolve().parents[1]

#: module group -> (source files mutated, the tests that protect them (fast ones first: a mutant's
#: run stops at the first failing test), the functions mutated (None: all of them))
MODULES: dict[str, tuple[list[str], list[str], frozenset[str] | None]] = {
    "checks": (
        ["lm_excel/checks/chain.py", "lm_excel/checks/references.py", "lm_excel/checks/identity.py",
         "lm_excel/checks/completeness.py", "lm_excel/checks/structure.py", "lm_excel/checks/readiness.py",
         "lm_excel/checks/cellvalues.py", "lm_excel/checks/wording.py", "lm_excel/checks/verdicts.py",
         "lm_excel/checks/base.py"],
        ["tests/test_checks_chain.py", "tests/test_checks_edges.py", "tests/test_checks_rules.py",
         "tests/test_checks_docs.py"],
        None,
    ),
    "suggestions": (
        ["lm_excel/measures/suggest.py", "lm_excel/measures/index.py"],
        ["tests/test_suggest_fit.py", "tests/test_suggest_snapshot.py", "tests/test_suggest.py"],
        None,
    ),
    "plan design": (
        ["lm_excel/measures/design.py"],
        ["tests/test_design.py", "tests/test_design_edges.py", "tests/test_plan.py"],
        None,
    ),
    # The merge and diff decisions and the structure gaps; merging into the master file (file
    # I/O, locks, patching the xlsx) is tested through real files, too slow to run per mutant.
    "merge and diff": (
        ["lm_excel/exchange/merge.py", "lm_excel/exchange/diff.py", "lm_excel/exchange/snapshot.py",
         "lm_excel/exchange/structure.py"],
        ["tests/test_merge_cases.py", "tests/test_merge_properties.py", "tests/test_partners.py"],
        frozenset({"merge_snapshots", "fields", "rows", "same", "whole", "conflict", "_renumber", "_locate",
                   "lost_values", "listed", "diff_snapshots", "_field_changes", "keyed_elements",
                   "element_key", "norm", "_norm", "is_empty", "grid_table", "table_grid", "counts", "empty",
                   "structure_gaps", "without_structure_gaps", "outside_model", "_has_values"}),
    ),
    # The limits: what is refused before parsing (size, zip, XML entities) and while reading.
    "reader limits": (
        ["lm_excel/workbook/reader.py", "lm_excel/workbook/xlsx_scan.py"],
        ["tests/test_reader_limits_edges.py", "tests/test_reader_errors.py", "tests/test_reader_tolerance.py",
         "tests/test_hardening.py"],
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


def _skipped(files: list[str], workdir: Path, rate: float, items,
             definitions: frozenset[str] | None = None) -> list[str]:
    """Job IDs outside the sample, inside a type annotation, or outside ``definitions``."""
    lines = {f: (workdir / f).read_text(encoding="utf-8").splitlines() for f in files}
    spans = {f: _annotations((workdir / f).read_text(encoding="utf-8")) for f in files}
    skip = []
    for item in items:
        m = item.mutations[0]
        f = str(m.module_path)
        start = tuple(m.start_pos)
        if any(a <= start < b for a, b in spans[f]) or (
                definitions is not None and m.definition_name not in definitions):
            skip.append(item.job_id)
            continue
        key = f"{f}:{m.operator_name}:{lines[f][start[0] - 1].strip()}:{start[1]}"
        if rate < 1 and zlib.crc32(key.encode("utf-8")) % 10000 >= rate * 10000:
            skip.append(item.job_id)
    return skip


def _init(group: str, workdir: Path, rate: float) -> Path:
    """Create the group's session (once) and mark the mutants outside the sample, inside a type
    annotation or outside the group's deciding functions as skipped."""
    files, tests, definitions = MODULES[group]
    config, session = workdir / f"{_slug(group)}.toml", workdir / f"{_slug(group)}.sqlite"
    if session.exists():
        return session
    paths = ", ".join(f'"{f}"' for f in files)
    config.write_text(
        f'[cosmic-ray]\nmodule-path = [{paths}]\ntimeout = {TIMEOUT}.0\nexcluded-modules = []\n'
        f'test-command = "{PYTEST} {" ".join(tests)}"\n\n[cosmic-ray.distributor]\nname = "local"\n',
        encoding="utf-8")
    subprocess.run([sys.executable, "-m", "cosmic_ray.cli", "init", config.name, session.name], cwd=workdir,
                   check=True, env=_env(workdir))
    with use_db(str(session), WorkDB.Mode.open) as db:
        skip = _skipped(files, workdir, rate, list(db.pending_work_items), definitions)
        db.set_multiple_results(skip, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
    return session


def _env(workdir: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(workdir), "PYTHONHASHSEED": "0"}


def _pending(session: Path) -> int:
    with use_db(str(session), WorkDB.Mode.open) as db:
        return sum(1 for _ in db.pending_work_items)


def run(groups: list[str], rates: dict[str, float], budget_min: float, workdir: Path) -> dict[str, float]:
    """Run each group's pending mutants, the budget shared equally (time a group leaves unused
    goes to the groups after it)."""
    sessions = {g: _init(g, workdir, rates[g]) for g in groups}
    spent: dict[str, float] = {}
    deadline = time.monotonic() + budget_min * 60
    for i, g in enumerate(groups):
        share = (deadline - time.monotonic()) / (len(groups) - i)
        start = time.monotonic()
        try:
            subprocess.run([sys.executable, "-m", "cosmic_ray.cli", "exec", f"{_slug(g)}.toml",
                            sessions[g].name], cwd=workdir, env=_env(workdir), timeout=max(share, 1),
                           check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            print(f"{g}: its share of the budget ({share / 60:.1f} min) is spent")
        spent[g] = time.monotonic() - start
    return spent


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


def report(groups: list[str], workdir: Path, rates: dict[str, float], spent: dict[str, float]) -> str:
    commit = (workdir / "COMMIT").read_text(encoding="utf-8").strip() if (workdir / "COMMIT").exists() else "?"
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    out = [f"Commit {commit}; {sum(spent.values()) / 60:.0f} min, one test process at a time; load average "
           f"at the end {load}.", "",
           "| module group | mutants | sample rate | sampled | tested | killed | survived | not reached | "
           "killed % (95% interval) | minutes |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    survivors: list[str] = []
    for g in groups:
        with use_db(str(workdir / f"{_slug(g)}.sqlite"), WorkDB.Mode.open) as db:
            total = db.num_work_items
            done = list(db.completed_work_items)
            pending = sum(1 for _ in db.pending_work_items)
        ran = [(i, r) for i, r in done if r.worker_outcome != WorkerOutcome.SKIPPED]
        killed = sum(1 for _, r in ran if r.is_killed)
        lo, hi = _wilson(killed, len(ran))
        score = f"{100 * killed / len(ran):.0f}% ({100 * lo:.0f}-{100 * hi:.0f})" if ran else "-"
        out.append(f"| {g} | {total} | {rates[g]:g} | {len(ran) + pending} | {len(ran)} | {killed} | "
                   f"{len(ran) - killed} | {pending} | {score} | {spent.get(g, 0) / 60:.1f} |")
        for item, r in sorted(ran, key=lambda x: (str(x[0].mutations[0].module_path), x[0].mutations[0].start_pos)):
            if not r.is_killed:
                m = item.mutations[0]
                survivors.append(f"- {g}: `{m.module_path}:{m.start_pos[0]}` {m.operator_name}: "
                                 f"`{_change(r.diff or '')}`")
    out += ["", "Surviving mutants (file:line, operator, the change):", "", *(survivors or ["- none"])]
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--module", action="append", choices=sorted(MODULES), help="a module group (default: all)")
    p.add_argument("--sample", action="append", default=[], metavar="[GROUP=]RATE",
                   help="share of the mutants to try, for all groups or one (default: all)")
    p.add_argument("--budget", type=float, default=45.0, help="minutes for the whole run (default: 45)")
    p.add_argument("--workdir", type=Path, help="scratch folder to keep and resume (default: a new one)")
    p.add_argument("--out", type=Path, help="also write the results (markdown) to this file")
    args = p.parse_args(argv)
    groups = args.module or list(MODULES)
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="lm-excel-mutation-"))).resolve()
    if not (workdir / "pyproject.toml").exists():
        workdir.mkdir(parents=True, exist_ok=True)
        _copy_checkout(workdir)
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=False).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=False).stdout.strip()
        (workdir / "COMMIT").write_text(head + (" with uncommitted changes" if dirty else ""), encoding="utf-8")
    rates = dict.fromkeys(MODULES, 1.0)
    for item in args.sample:
        group, _, rate = item.rpartition("=")
        if group and group not in MODULES:
            p.error(f"--sample: no module group {group!r}")
        rates.update({group: float(rate)} if group else dict.fromkeys(MODULES, float(rate)))
    spent = run(groups, rates, args.budget, workdir)
    text = report(groups, workdir, rates, spent)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(f"scratch folder (delete it when done, or give it to --workdir to resume): {workdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
