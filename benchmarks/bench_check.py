"""Benchmark (issue 3): what checking adds to reading, on generated models of 100/500/2,000 elements.

Budget: at 2,000 elements, checking adds at most 1 s to reading the workbook, and the cost of the
check grows linearly with the number of elements. The check includes every rule, the pairwise
text-similarity ones too (near-duplicates; mechanisms restating an outcome or a component; rows
restated on another sheet; issue 14).

Whole processes, interleaved, medians:
- floor: a process that reads the workbook (``read_workbook``) and nothing else;
- check: a process that reads it and runs ``validate``;
- CLI: ``python -m lm_excel check PATH --json`` (reading, checking, JSON on stdout).
Each process is timed twice: wall-clock, and CPU time (user + system, from ``getrusage``), which
is far less disturbed when the shared machine is busy. The budget is judged on CPU time; both are
printed. Linearity is judged on the check alone (``validate`` timed inside one process with
``time.process_time``, median of runs), as time per element at each size.

    python benchmarks/bench_check.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_wall_cpu, python

ROOT = Path(__file__).resolve().parents[1]
SIZES = (100, 500, 2000)
SHARES = {"inputs": 0.10, "components": 0.15, "outputs": 0.10, "mechanisms": 0.15,
          "outcomes": 0.25, "context": 0.08, "assumptions": 0.08, "negatives": 0.09}
WORDS = (
    "parents", "children", "families", "schools", "practitioners", "carers", "young", "people",
    "health", "housing", "stress", "confidence", "attendance", "wellbeing", "safety", "trust",
    "support", "contact", "referrals", "care", "plans", "visits", "groups", "workers",
    "partners", "community", "hubs", "online", "advice", "debt", "mental", "relationships",
    "routines", "sleep", "behaviour", "learning", "friendships", "isolation", "neighbourhood",
    "services", "data", "records", "training", "supervision", "caseloads", "turnover",
    "leaders", "budget",
)


#: Specific words (place names, services, programmes ...): real statements mix a few common
#: words with words few other rows use. Without them (only the 48 common words above) the
#: near-duplicate search has no rare words to go by and slows towards quadratic.
SPECIFIC = tuple(f"{a}{b}{c}" for a in ("bar", "cal", "den", "fel", "gor", "hal", "kin", "lom",
                                         "mar", "nor", "pen", "ros", "sal", "tam", "wes", "yar")
                 for b in ("a", "e", "i", "o", "u", "an", "el", "is", "or", "um", "ay", "en")
                 for c in ("ford", "ton", "ley", "wick", "by", "ham", "stead", "well", "field", "worth"))


def _text(rng: random.Random, n: int, lead: str) -> str:
    return f"{lead} " + " ".join(rng.sample(WORDS, n) + rng.sample(SPECIFIC, 2))


def generate(n: int, seed: int = 3):
    """A plausible model of about ``n`` elements: every row linked, no cycles, varied wording."""
    sys.path.insert(0, str(ROOT))
    from lm_excel.model import ModelRecords

    rng = random.Random(seed)
    count = {k: max(2, round(n * s)) for k, s in SHARES.items()}
    ids = {k: [f"{p}{i + 1}" for i in range(count[k])] for k, p in
           (("inputs", "IN"), ("components", "C"), ("outputs", "OP"), ("mechanisms", "M"),
            ("outcomes", "OC"), ("context", "CF"), ("assumptions", "A"), ("negatives", "NC"))}
    any_ids = ids["components"] + ids["mechanisms"] + ids["outcomes"]
    el: dict[str, list[dict[str, object]]] = {k: [] for k in ids}
    for id_ in ids["inputs"]:
        el["inputs"].append({"id": id_, "resource": _text(rng, 5, "Resource:"), "type": "Staff"})
    for i, id_ in enumerate(ids["components"]):
        used = {ids["inputs"][i % count["inputs"]], rng.choice(ids["inputs"])}
        el["components"].append({"id": id_, "component": _text(rng, 4, "Activity"),
                                 "description": _text(rng, 12, "What happens:"),
                                 "delivery_mode": "Hybrid", "inputs_used": ", ".join(sorted(used))})
    for i, id_ in enumerate(ids["outputs"]):
        el["outputs"].append({"id": id_, "output": _text(rng, 6, "Number of"),
                              "from_components": ids["components"][i % count["components"]]})
    n_oc = count["outcomes"]
    third = max(1, n_oc // 3)
    for i, id_ in enumerate(ids["outcomes"]):
        scale = "Short term" if i < third else "Medium term" if i < 2 * third else "Long term"
        later = ids["outcomes"][min(n_oc - 1, max(i + 1, 2 * third + (i % third)))] if i < 2 * third else ""
        el["outcomes"].append({"id": id_, "outcome": _text(rng, 7, "Improved"), "timescale": scale,
                               "direction": "Increase", "contributes_to": later,
                               "priority": "Primary" if i % 4 == 0 else "Secondary"})
    for i, id_ in enumerate(ids["mechanisms"]):
        comps = {ids["components"][i % count["components"]], rng.choice(ids["components"])}
        outs = {ids["outcomes"][i % n_oc], ids["outcomes"][(i * 7) % n_oc]}
        el["mechanisms"].append({"id": id_, "mechanism": _text(rng, 10, "Because"),
                                 "triggered_by": ", ".join(sorted(comps)), "leads_to": ", ".join(sorted(outs))})
    for id_ in ids["context"]:
        el["context"].append({"id": id_, "factor": _text(rng, 5, "Factor:"), "type": "Enabler",
                              "affects": ", ".join(rng.sample(any_ids, 2))})
    for id_ in ids["assumptions"]:
        el["assumptions"].append({"id": id_, "assumption": _text(rng, 8, "We assume"),
                                  "relates_to": rng.choice(any_ids), "confidence": "Some",
                                  "how_tested": _text(rng, 6, "Test:")})
    for id_ in ids["negatives"]:
        el["negatives"].append({"id": id_, "consequence": _text(rng, 8, "Risk that"),
                                "relates_to": rng.choice(any_ids), "likelihood": "Low", "impact": "Medium",
                                "mitigation": _text(rng, 6, "Mitigate:"), "monitoring": _text(rng, 6, "Watch:")})
    intervention = {"organisation": "Generated Council", "name": f"Generated model {n}",
                    "summary": "A generated model for the benchmark.", "target_population": "Families",
                    "rationale": "To time the checker."}
    return ModelRecords(intervention=intervention, elements=el)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    sys.path.insert(0, str(ROOT))
    from lm_excel.workbook.builder import build_workbook
    from lm_excel.checks import validate
    from lm_excel.workbook.reader import read_workbook

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            path = Path(tmp) / f"model-{n}.xlsx"
            build_workbook(path, generate(n))
            model = read_workbook(path)
            elements = len(model)
            report = validate(model)
            inproc = []
            for _ in range(max(7, args.runs)):
                t = time.process_time()
                validate(model)
                inproc.append(time.process_time() - t)
            p = repr(str(path))
            med = median_wall_cpu({
                "read": python(f"from lm_excel.workbook.reader import read_workbook; read_workbook({p})"),
                "read+check": python("from lm_excel.workbook.reader import read_workbook\n"
                                     "from lm_excel.checks import validate\n"
                                     f"validate(read_workbook({p}))"),
                "cli": [sys.executable, "-m", "lm_excel", "check", str(path), "--json"],
            }, args.runs, env, ok_codes=(0, 1))  # check exits 1 when it finds errors
            rows.append((n, elements, len(report.findings), med, statistics.median(inproc)))
    print(f"median of {args.runs} interleaved runs, seconds (Python {sys.version.split()[0]}); "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'elements':>8} {'findings':>8} | {'wall: read':>10} {'read+check':>10} {'added':>6} {'CLI':>6} | "
          f"{'CPU: read':>9} {'read+check':>10} {'added':>6} {'CLI':>6} | {'validate':>8} {'us/elem':>7}")
    for _n, elements, findings, med, inproc in rows:
        (wr, cr), (wc, cc), (wl, cl) = med["read"], med["read+check"], med["cli"]
        print(f"{elements:>8} {findings:>8} | {wr:>10.3f} {wc:>10.3f} {wc - wr:>6.3f} {wl:>6.3f} | "
              f"{cr:>9.3f} {cc:>10.3f} {cc - cr:>6.3f} {cl:>6.3f} | {inproc:>8.4f} {inproc / elements * 1e6:>7.1f}")
    big = rows[-1]
    added_cpu = big[3]["read+check"][1] - big[3]["read"][1]
    added_wall = big[3]["read+check"][0] - big[3]["read"][0]
    per = [r[4] / r[1] for r in rows]
    growth = per[-1] / per[1]
    print(f"checking adds {added_cpu:.3f} s CPU ({added_wall:.3f} s wall) to reading at {big[1]} elements "
          "(budget <= 1 s, judged on CPU)")
    print(f"check time per element at {rows[-1][1]} vs {rows[1][1]} elements: {growth:.2f}x "
          "(linear = 1x; budget <= 1.5x)")
    ok = added_cpu <= 1.0 and growth <= 1.5
    print("within budget" if ok else "OVER BUDGET")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
