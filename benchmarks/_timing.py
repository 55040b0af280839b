"""Whole-process timing helpers shared by the benchmark scripts (standard library only)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Sequence


def time_process(argv: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Wall-clock seconds for one run of ``argv`` (fails loudly if it fails)."""
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"benchmark command failed: {argv}\n{proc.stderr.decode(errors='replace')}")
    return elapsed


def median_times(commands: dict[str, Sequence[str]], runs: int, env: dict[str, str] | None = None,
                 warmup: int = 1) -> dict[str, float]:
    """Median seconds per command, running the commands interleaved so noise hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(warmup):
        for argv in commands.values():
            time_process(argv, env)
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(time_process(argv, env))
    return {name: statistics.median(values) for name, values in samples.items()}


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def time_process_cpu(argv: Sequence[str], env: dict[str, str] | None = None,
                     ok_codes: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system of the child, from ``getrusage``) for one run."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in ok_codes:
        raise SystemExit(f"benchmark command failed: {argv}\n{proc.stderr.decode(errors='replace')}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def median_wall_cpu(commands: dict[str, Sequence[str]], runs: int, env: dict[str, str] | None = None,
                    warmup: int = 1, ok_codes: tuple[int, ...] = (0,)) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds per command, commands interleaved so noise hits all alike."""
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(warmup):
        for argv in commands.values():
            time_process_cpu(argv, env, ok_codes)
    for _ in range(runs):
        for name, argv in commands.items():
            samples[name].append(time_process_cpu(argv, env, ok_codes))
    return {name: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
            for name, v in samples.items()}
