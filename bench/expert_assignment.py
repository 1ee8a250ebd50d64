"""Expert batch assignment and recommendation benchmark.

Usage: python bench/expert_assignment.py [--experts 2000] [--cases 5000] [--seed 7]

Generates a pool of EXPERTS experts and CASES waiting cases with realistic attribute
distributions (jurisdictions led by the US, dispute types led by litigation and platform
complaints, IPC codes at every level, Nice classes led by 9/25/35, capacities 1–5, about a third
of the experts declaring conflicts with companies named in Chinese or English, a few abroad),
then:

1. recommendation: `PoolIndex.rank` of 200 sample cases against the whole pool (median ms);
2. batch assignment (timed as `wall_s`): the score matrix of every case against every expert
   with conflicts and absences forbidden, then `solve_assignment` (OR-Tools min-cost flow on
   shortlists, proved optimal for the full matrix by reduced costs);
3. baselines on the same matrix: the greedy loop (best pairs first), and
   `scipy.optimize.linear_sum_assignment` on the capacity-replicated matrix (each expert's
   column repeated once per free slot; forbidden pairs at a large penalty).

`peak_mb` is the process's peak resident memory measured before the scipy baseline runs (the
replicated matrix is the baseline's own cost). The last line is one JSON object with the keys
the issue names.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from pypinyin import lazy_pinyin
from scipy.optimize import linear_sum_assignment

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oipa.settings")

import django  # noqa: E402

django.setup()

from oipa.experts.assignment import greedy_assignment, solve_assignment  # noqa: E402
from oipa.experts.matching import CaseFacts, ConcludedCase, ExpertFacts, PoolIndex  # noqa: E402

TODAY = date(2026, 6, 1)
JURISDICTIONS = {
    "US": 40,
    "DE": 9,
    "EP": 7,
    "GB": 6,
    "EU": 6,
    "JP": 5,
    "FR": 4,
    "KR": 3,
    "IN": 3,
    "BR": 2,
    "AU": 2,
    "CA": 2,
    "NL": 2,
    "IT": 2,
    "ES": 2,
    "MX": 1,
    "RU": 1,
    "SG": 1,
    "AE": 1,
    "TR": 1,
}
DISPUTES = {
    "litigation": 35,
    "platform_complaint": 25,
    "opposition_invalidation": 12,
    "warning_letter": 10,
    "itc_337": 8,
    "customs_seizure": 5,
    "arbitration": 3,
    "criminal": 2,
}
IP_TYPES = {
    "patent": 40,
    "trademark": 35,
    "design": 8,
    "utility_model": 5,
    "copyright": 6,
    "trade_secret": 4,
    "geographical_indication": 2,
}
SUBCLASSES = [
    "H04W",
    "H04L",
    "H04N",
    "H04R",
    "H04B",
    "G06F",
    "G06Q",
    "G06N",
    "G06T",
    "G06K",
    "H01M",
    "H01L",
    "H02J",
    "B60L",
    "A61K",
    "A61B",
    "C07D",
    "C08L",
    "F21V",
    "A47J",
    "A63H",
    "B65D",
    "G01N",
    "G02B",
    "H05B",
    "F24F",
    "A45C",
    "B62K",
    "E04B",
    "D06F",
]
NICE = {
    9: 20,
    25: 12,
    35: 10,
    3: 6,
    5: 6,
    28: 6,
    20: 5,
    11: 5,
    21: 5,
    18: 4,
    14: 3,
    30: 3,
    7: 3,
    12: 3,
    10: 2,
    16: 2,
    41: 2,
    42: 3,
}
INDUSTRIES = {"C": 50, "I": 20, "F": 15, "M": 5, "L": 3, "K": 2, "R": 2, "G": 3}
LANGUAGES = {"de": 8, "ja": 6, "fr": 5, "ko": 3, "es": 3, "ru": 2}
SYLLABLES = "星海华宏达利通兴泰瑞博创新科凯盛恒远东方光明腾飞信安联合智慧云天宇龙"
WORDS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Hooli",
    "Vandelay",
    "Sonora",
    "Nimbus",
    "Vertex",
    "Apex",
    "Zenith",
    "Orbit",
    "Pioneer",
    "Summit",
    "Aurora",
    "Falcon",
    "Quantum",
    "Harbor",
    "Cobalt",
    "Lumen",
    "Nova",
    "Titan",
]


def pick(rng: random.Random, weights: dict, k: int = 1) -> list:
    keys = list(weights)
    chosen: list = []
    while len(chosen) < min(k, len(keys)):
        value = rng.choices(keys, weights=[weights[x] for x in keys])[0]
        if value not in chosen:
            chosen.append(value)
    return chosen


def companies(rng: random.Random, n: int) -> list[tuple[str, str]]:
    """(Chinese name, English name) of Chinese companies, and foreign companies (English only)."""
    out = []
    seen = set()
    while len(out) < n:
        if rng.random() < 0.5:
            core = "".join(rng.sample(SYLLABLES, 2))
            if core in seen:
                continue
            seen.add(core)
            city = rng.choice(["北京", "深圳", "天津", "杭州"])
            pinyin = "".join(lazy_pinyin(core)).capitalize()
            city_en = {"北京": "Beijing", "深圳": "Shenzhen", "天津": "Tianjin", "杭州": "Hangzhou"}
            out.append(
                (f"{city}{core}科技有限公司", f"{city_en[city]} {pinyin} Technology Co., Ltd.")
            )
        else:
            form = rng.choice(["Inc.", "LLC", "GmbH", "Ltd."])
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {form}"
            if name in seen:
                continue
            seen.add(name)
            out.append((name, name))
    return out


def ipc_code(rng: random.Random) -> str:
    symbol = rng.choice(SUBCLASSES)
    level = rng.choices([4, 3, 1], weights=[60, 30, 10])[0]
    return symbol[:level]


def make_experts(rng: random.Random, n: int, firms) -> list[ExpertFacts]:
    experts = []
    for i in range(n):
        ip_types = pick(rng, IP_TYPES, rng.randint(1, 3))
        patent = bool({"patent", "utility_model", "design"} & set(ip_types))
        trademark = "trademark" in ip_types
        languages = ["zh"] + (["en"] if rng.random() < 0.85 else [])
        if rng.random() < 0.35:
            languages += pick(rng, LANGUAGES, 1)
        conflicts = ()
        if rng.random() < 0.33:
            declared = []
            for _ in range(rng.randint(1, 2)):
                chinese, english = rng.choice(firms)
                declared.append(
                    (rng.choice(["client", "adversary", "related"]), rng.choice([chinese, english]))
                )
            conflicts = tuple(declared)
        unavailable = ()
        if rng.random() < 0.05:
            unavailable = (
                (TODAY - timedelta(days=10), TODAY + timedelta(days=rng.randint(1, 90))),
            )
        record = tuple(
            ConcludedCase(tuple(pick(rng, JURISDICTIONS, 1)), pick(rng, DISPUTES, 1)[0])
            for _ in range(rng.choices([0, 1, 2, 3, 5, 8], weights=[40, 20, 15, 10, 10, 5])[0])
        )
        experts.append(
            ExpertFacts(
                id=i + 1,
                name=f"expert {i + 1}",
                ipc=tuple({ipc_code(rng) for _ in range(rng.randint(1, 4))}) if patent else (),
                nice=tuple(pick(rng, NICE, rng.randint(1, 4))) if trademark else (),
                jurisdictions=tuple(pick(rng, JURISDICTIONS, rng.randint(1, 3))),
                dispute_types=tuple(pick(rng, DISPUTES, rng.randint(1, 3))),
                ip_types=tuple(ip_types),
                languages=tuple(languages),
                industries=tuple(pick(rng, INDUSTRIES, rng.randint(1, 2))),
                conflicts=conflicts,
                unavailable=unavailable,
                capacity=rng.randint(1, 5),
                load=0,
                record=record,
            )
        )
    return experts


def make_cases(rng: random.Random, n: int, firms) -> list[CaseFacts]:
    chinese = [f for f in firms if f[0] != f[1]]
    cases = []
    for i in range(n):
        ip_types = pick(rng, IP_TYPES, rng.choices([1, 2], weights=[80, 20])[0])
        patent = bool({"patent", "utility_model", "design"} & set(ip_types))
        applicant = rng.choice(chinese)
        counterparties = [rng.choice(firms)[1] for _ in range(rng.randint(1, 3))]
        cases.append(
            CaseFacts(
                id=i + 1,
                ipc=tuple(rng.sample(SUBCLASSES, rng.randint(1, 2))) if patent else (),
                nice=tuple(pick(rng, NICE, rng.randint(1, 2))) if "trademark" in ip_types else (),
                jurisdictions=tuple(
                    pick(rng, JURISDICTIONS, rng.choices([1, 2], weights=[85, 15])[0])
                ),
                dispute_type=pick(rng, DISPUTES, 1)[0],
                ip_types=tuple(ip_types),
                industry=pick(rng, INDUSTRIES, 1)[0],
                parties=(applicant[0], *counterparties),
            )
        )
    return cases


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    firms = companies(rng, 600)
    experts = make_experts(rng, args.experts, firms)
    cases = make_cases(rng, args.cases, firms)
    print(
        f"pool: {len(experts)} experts, {sum(e.capacity for e in experts)} slots; "
        f"{len(cases)} waiting cases; {sum(len(e.conflicts) for e in experts)} declared conflicts"
    )

    started = time.perf_counter()
    index = PoolIndex(experts)
    index_s = time.perf_counter() - started
    print(f"index build (once per pool change): {index_s:.2f} s")

    sample = cases[: min(200, len(cases))]
    timings = []
    for case in sample:
        t = time.perf_counter()
        index.rank(case, on=TODAY, limit=10)
        timings.append((time.perf_counter() - t) * 1000)
    recommend_ms = statistics.median(timings)
    print(
        f"recommend one case against {len(experts)} experts: median {recommend_ms:.1f} ms, "
        f"p95 {sorted(timings)[int(len(timings) * 0.95) - 1]:.1f} ms"
    )

    started = time.perf_counter()
    scores = index.score_matrix(cases, on=TODAY)
    matrix_s = time.perf_counter() - started
    free = index.capacity - index.load
    t = time.perf_counter()
    result = solve_assignment(scores, free)
    solve_s = time.perf_counter() - t
    wall_s = time.perf_counter() - started
    peak = peak_mb()
    forbidden = int(np.isinf(scores).sum())
    print(
        f"batch assignment: {wall_s:.2f} s (score matrix {matrix_s:.2f} s incl. conflicts, "
        f"{forbidden} forbidden pairs; min-cost flow {solve_s:.2f} s, {result.rounds} round(s), "
        f"{result.arcs} arcs); peak {peak:.0f} MB"
    )
    print(
        f"objective {result.objective:.1f}; {sum(1 for r in result.rows if r[2] == 'lead')} "
        f"of {len(cases)} cases get a lead"
    )

    t = time.perf_counter()
    greedy = greedy_assignment(scores, free)
    greedy_s = time.perf_counter() - t
    shortfall = result.objective - greedy.objective
    print(
        f"greedy baseline: {greedy.objective:.1f} in {greedy_s:.2f} s "
        f"({shortfall:.1f} below the optimum, {100 * shortfall / max(result.objective, 1):.2f}%)"
    )

    t = time.perf_counter()
    columns = np.repeat(np.arange(len(experts)), free.astype(int))
    expanded = np.where(np.isfinite(scores), scores, -1e6)[:, columns]
    rows, cols = linear_sum_assignment(expanded, maximize=True)
    picked = scores[rows, columns[cols]]
    scipy_objective = round(float(picked[np.isfinite(picked)].sum()), 1)
    scipy_s = time.perf_counter() - t
    print(
        f"scipy linear_sum_assignment on the {expanded.shape[0]}×{expanded.shape[1]} "
        f"capacity-replicated matrix: {scipy_objective:.1f} in {scipy_s:.2f} s; "
        f"our time / scipy time = {solve_s / scipy_s:.2f} (solver), {wall_s / scipy_s:.2f} "
        f"(with the score matrix)"
    )
    print("objective equals scipy's optimum:", abs(scipy_objective - result.objective) < 0.05)
    print(
        json.dumps(
            {
                "wall_s": round(wall_s, 3),
                "peak_mb": round(peak, 1),
                "objective": result.objective,
                "greedy_objective": greedy.objective,
                "scipy_objective": scipy_objective,
                "scipy_wall_s": round(scipy_s, 3),
                "recommend_median_ms": round(recommend_ms, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
