"""USCC parsing benchmark: `parse_uscc` against bare `stdnum.cn.uscc.validate`.

Usage: python bench/bench_regions.py [N]   (N codes, default 100000)

Builds N valid codes in memory (fixed seed): enterprise and individual-business codes whose
division codes are drawn from the shipped current table (80%), the retired table (10%) and unknown
county codes under known prefectures (10%), each with a correct check character. Parses them all
with `parse_uscc` (normalization, validation, division lookup), then validates the same list with
python-stdnum alone, in the same run. The last line is one JSON object with the figures.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def configure() -> None:
    """Make `oipa` importable and Django's settings known (no database is used)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oipa.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()


def sample_codes(n: int) -> list[str]:
    """N valid USCCs with a realistic mix of current, retired and unknown division codes."""
    from stdnum.cn.uscc import calc_check_digit

    from oipa.core.regions.tables import current, history

    rng = random.Random(2260)
    in_force = sorted(c for c, row in current().items() if row.level == "county")
    retired = sorted(history())
    codes = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.8:
            division = rng.choice(in_force)
        elif roll < 0.9:
            division = rng.choice(retired)
        else:
            division = rng.choice(in_force)[:4] + "9" + str(rng.randrange(10))
        org = "".join(rng.choice(ORG_ALPHABET) for _ in range(9))
        first17 = f"9{rng.choice('1112')}{division}{org}"
        codes.append(first17 + calc_check_digit(first17))
    return codes


def time_per_op_us(func, codes: list[str]) -> float:
    """Microseconds per call of `func` over `codes` (best of three passes)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for code in codes:
            func(code)
        best = min(best, time.perf_counter() - started)
    return best / len(codes) * 1e6


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    configure()
    from stdnum.cn.uscc import validate

    from oipa.core.regions import parse_uscc

    codes = sample_codes(n)
    parse_us = time_per_op_us(parse_uscc, codes)
    baseline_us = time_per_op_us(validate, codes)
    print(f"codes: {n}")
    print(f"parse_uscc:              {parse_us:8.2f} us/op")
    print(f"stdnum.cn.uscc.validate: {baseline_us:8.2f} us/op (baseline)")
    result = {
        "n": n,
        "parse_us": round(parse_us, 3),
        "baseline_us": round(baseline_us, 3),
        "ratio": round(parse_us / baseline_us, 3),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
