"""Benchmark of the trademark-squatting watch: N watched marks against one week of publications.

    .venv/bin/python bench/mark_watch.py [watched] [published] [sample]

Watched marks are realistic Chinese brand names (2-4 characters from characters common in
brand names, with derived pinyin; a third also carry a Latin form) plus Latin brands. A week of
publications is mostly unrelated Latin marks with generic words, plus planted squats: pinyin,
near-pinyin, generic words added, run together, misspelt, sound-alike and Chinese homophones.

Timed: building the index and matching the week (`wall_s`). Baseline: the same scorer on every
pair (`brute_force`) for a sample of the week's publications (half of it planted squats, so
that recall is measured on many true hits; the rest random), its time extrapolated to the whole
week (`bruteforce_wall_s`); recall is the share of the brute force's hits on that sample that
the index found too. Peak memory is the process's peak resident size. The last line is JSON.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from oipa.matching.marks import (  # noqa: E402
    GENERIC_WORDS,
    MarkIndex,
    brute_force,
    published_mark,
    watched_mark,
)

BRAND_CHARS = (
    "华为小米联想海尔格力美的长城比亚迪吉利奇瑞蔚来理想京东阿里腾讯百度网易字节美团拼多多"
    "滴滴携程同仁堂茅台五粮液青岛伊利蒙牛光明三只松鼠良品铺子安踏李宁特步鸿星尔克波司登"
    "森马太平鸟雅戈尔红豆恒源祥老凤祥周大福六福海信创维康佳长虹TCL大疆优必选商汤旷视"
    "科大讯飞寒武纪中芯紫光浪潮曙光金山用友金蝶东软神州数码清华同方北大方正星河智联云帆"
    "清源海港燕赵天工开物金石明月清风山水龙凤麒麟熊猫白鹤青松翠竹红梅蓝天碧海东方西部南北"
).replace("TCL", "")
LATIN_SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ne",
    "vo",
    "ti",
    "sa",
    "zen",
    "tor",
    "lux",
    "bri",
    "qua",
    "dex",
    "nor",
    "vel",
    "ion",
    "ark",
    "sol",
    "fin",
    "gen",
    "cor",
    "pix",
    "ba",
    "de",
    "fo",
    "gu",
    "ha",
    "je",
    "ki",
    "lu",
    "ma",
    "no",
    "pe",
    "ri",
    "su",
    "ta",
    "vi",
    "wo",
    "xa",
    "yo",
    "za",
    "bro",
    "cla",
    "dri",
    "fle",
    "gri",
    "kro",
    "pla",
    "sto",
    "tre",
    "vra",
    "zor",
    "mex",
    "nix",
    "rax",
    "tul",
    "vin",
    "wen",
]
NOISE_SYLLABLES = [
    "bel",
    "mon",
    "tra",
    "gus",
    "pel",
    "wim",
    "dro",
    "fal",
    "cre",
    "hol",
    "spa",
    "jor",
    "bla",
    "rum",
    "tek",
    "wex",
    "ply",
    "gar",
    "nim",
    "oxo",
]
ENGLISH_WORDS = [
    "garden",
    "river",
    "stone",
    "eagle",
    "maple",
    "ocean",
    "silver",
    "bright",
    "royal",
    "golden",
    "forest",
    "swift",
    "noble",
    "crystal",
    "summer",
    "harbor",
    "falcon",
    "cedar",
    "velvet",
    "lotus",
    "pioneer",
    "summit",
    "meadow",
    "aurora",
]
GENERIC = sorted(GENERIC_WORDS)


def latin_brand(rng: random.Random, syllables: list[str] = LATIN_SYLLABLES) -> str:
    return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3))).upper()


def make_watched(count: int, rng: random.Random):
    chars = list(dict.fromkeys(BRAND_CHARS))
    marks = []
    for i in range(count):
        classes = rng.sample(range(1, 46), rng.randint(1, 3))
        if i % 10 < 7:
            name = "".join(rng.choice(chars) for _ in range(rng.choice((2, 2, 3, 4))))
            if i % 3 == 0:
                name = f"{name} {latin_brand(rng)}"
        else:
            name = latin_brand(rng)
        marks.append(watched_mark(str(i), name, classes=classes))
    return marks


def squat_of(mark, rng: random.Random) -> str:
    forms = [f.key for f in mark.forms] or ["zzz"]
    form = rng.choice(forms).upper()
    kind = rng.randrange(6)
    if kind == 0:
        return form
    if kind == 1:
        return f"{form} {rng.choice(GENERIC).upper()}"
    if kind == 2:
        return form + rng.choice(["TECH", "PRO", "MAX", "HOME"])
    if kind == 3 and len(form) >= 5:
        at = rng.randrange(len(form))
        return form[:at] + rng.choice("AEIOUY") + form[at + 1 :]
    if kind == 4 and mark.cjk:
        return mark.cjk
    return f"{rng.choice(GENERIC).upper()}-{form}"


def make_published(count: int, watched, rng: random.Random):
    published = []
    for i in range(count):
        if i % 20 == 0:
            target = rng.choice(watched)
            text = squat_of(target, rng)
            classes = sorted(target.classes) or [9]
        else:
            words = rng.sample(ENGLISH_WORDS + GENERIC, rng.randint(1, 3))
            if rng.random() < 0.4:
                words.append(latin_brand(rng, NOISE_SYLLABLES).lower())
            text = " ".join(words).upper()
            classes = rng.sample(range(1, 46), rng.randint(1, 2))
        published.append(published_mark(f"p{i}", text, classes=classes, jurisdiction="US"))
    return published


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> dict:
    n_watched = int(argv[1]) if len(argv) > 1 else 100_000
    n_published = int(argv[2]) if len(argv) > 2 else 12_000
    sample = int(argv[3]) if len(argv) > 3 else 150
    rng = random.Random(2026)
    start = time.perf_counter()
    watched = make_watched(n_watched, rng)
    published = make_published(n_published, watched, rng)
    print(f"setup (derive pinyin forms, generate data): {time.perf_counter() - start:.1f} s")

    start, cpu = time.perf_counter(), time.process_time()
    index = MarkIndex(watched)
    built = time.perf_counter() - start
    hits, scored = index.match(published)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"index built in {built:.2f} s; week matched in {wall - built:.2f} s")
    print(f"CPU time of both: {cpu:.2f} s (wall time grows when other processes share the CPUs)")
    print(f"hits: {len(hits)}; pairs scored: {scored} of {n_watched * n_published}")

    planted = [p for p in published if int(p.key[1:]) % 20 == 0]
    others = [p for p in published if int(p.key[1:]) % 20]
    half = min(sample // 2, len(planted))
    chosen = rng.sample(planted, half) + rng.sample(others, min(sample - half, len(others)))
    start = time.perf_counter()
    expected, _total = brute_force(watched, chosen)
    brute_sample = time.perf_counter() - start
    brute_wall = brute_sample * len(published) / len(chosen)
    keys = {p.key for p in chosen}
    found = {(h.watched_key, h.published_key) for h in hits if h.published_key in keys}
    truth = {(h.watched_key, h.published_key) for h in expected}
    recall = len(found & truth) / len(truth) if truth else 1.0
    print(
        f"brute force on {len(chosen)} publications ({half} planted squats, the rest random): "
        f"{brute_sample:.1f} s -> "
        f"{brute_wall:.0f} s for the week (extrapolated); {len(truth)} hits, recall {recall:.4f}"
    )
    print(f"ours / brute force: {wall / brute_wall:.5f}; peak memory {peak_mb():.0f} MB")
    return {
        "watched": n_watched,
        "published": n_published,
        "wall_s": round(wall, 3),
        "peak_mb": round(peak_mb(), 1),
        "pairs_scored": scored,
        "bruteforce_wall_s": round(brute_wall, 1),
        "recall_vs_bruteforce": round(recall, 4),
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv)))
