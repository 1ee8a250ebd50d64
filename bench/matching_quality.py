"""Matching quality on real names: precision, recall and F1 at the alert threshold.

Usage: python bench/matching_quality.py [COMPANIES=4136]

Reads ../shared/data/cn_companies/Astock.csv (OIPA_SHARED_DATA overrides the folder): listed
Chinese companies with their registered Chinese name, short name and official English name.
Companies are split by `oipa.matching.learn.is_tuning` (a hash of the stock code) into a tuning
half, from which data/learned.tsv was learned and on which rule parameters were chosen, and a
held-out half; the figures and the JSON line are for the held-out half only (the tuning half's
counts are printed first, for comparison). Within the held-out half, shuffled with a fixed seed,
40 % are registered with Chinese names only (full and short name), 40 % with their English name
too, 20 % not registered at all. Every company is then queried as a foreign docket would write
it (the official English name, upper-cased or with another legal-form spelling, the city moved
into parentheses); a query about an unregistered company that raises an alert is a false
positive. The real Chinese parties of the PACER/GovInfo samples are added, against enterprises
registered under their proper English names, and every other party of those samples is queried
as a negative.

A query counts as a true positive when its best match at or above ALERT_THRESHOLD is the right
enterprise; any other alert is a false positive. The last line is one JSON object.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from oipa.matching import ALERT_THRESHOLD, EnterpriseRecord, MatchingEngine  # noqa: E402
from oipa.matching.learn import is_tuning  # noqa: E402
from oipa.matching.normalize import normalize  # noqa: E402
from oipa.matching.renderings import explains, runs  # noqa: E402

LEGAL_SPELLINGS = ["Co., Ltd.", "CO.,LTD", "Co Ltd", "Company Limited", "Ltd."]
# Enterprises behind the Chinese parties of the samples, registered as a watch list would hold
# them (the docket misspells "Appliance"). Cleva Hong Kong is an affiliate registered elsewhere:
# it belongs in review, not in an alert, so it is queried as a negative.
SAMPLE_ENTERPRISES = {
    "oneplus": (
        ["深圳市万普拔克科技有限公司", "OnePlus Technology (Shenzhen) Co., Ltd."],
        ["OnePlus Technology (Shenzhen) Co., Ltd."],
    ),
    "cleva": (
        ["Suzhou Cleva Electric Appliance Co., Ltd."],
        ["Suzhou Cleva Electric Applicance Co., Ltd."],
    ),
    # Also listed in Astock.csv (600558.SH); either registration is the right answer.
    "acwc": (
        ["Atlantic China Welding Consumables, Inc."],
        ["Atlantic China Welding Consumables, Inc,"],
    ),
}


def shared_data() -> Path:
    default = Path(__file__).resolve().parents[1].parent / "shared" / "data"
    path = Path(os.environ.get("OIPA_SHARED_DATA", default))
    if not (path / "cn_companies" / "Astock.csv").is_file():
        sys.exit(f"matching_quality: shared data not found at {path} (set OIPA_SHARED_DATA)")
    return path


def docket_variant(rng: random.Random, english: str, city: str) -> str:
    """The official English name as a docket might print it."""
    name = english
    if rng.random() < 0.4:
        name = re.sub(r"\s*co\.?,?\s*ltd\.?$", " " + rng.choice(LEGAL_SPELLINGS), name, flags=re.I)
    if city and name.lower().startswith(city.lower() + " ") and rng.random() < 0.5:
        rest = name[len(city) + 1 :]
        name = re.sub(
            r"(\s+(co\b|company|corp|inc|ltd|limited).*)$",
            f" ({city})\\1",
            rest,
            count=1,
            flags=re.I,
        )
    return name.upper() if rng.random() < 0.25 else name


def astock_cases(path: Path, n: int, *, held_out: bool = True):
    rows = list(csv.DictReader((path / "cn_companies" / "Astock.csv").open(encoding="utf-8")))
    rows = [r for r in rows if r["fullname"] and r["enname"]][:n]
    # The learned renderings (data/learned.tsv) come from the tuning part: measure on the rest.
    rows = [r for r in rows if is_tuning(r["ts_code"]) != held_out]
    rng = random.Random(4136)
    rng.shuffle(rows)
    records, queries = [], []
    for i, row in enumerate(rows):
        ident, share = f"A{row['ts_code']}", i / len(rows)
        names, kinds = [row["fullname"], row["name"]], {row["name"]: "former"}
        if 0.4 <= share < 0.8:
            names.append(row["enname"])
            kinds[row["enname"]] = "english"
        if share < 0.8:
            records.append(EnterpriseRecord(ident, names, kinds))
        words = row["enname"].split()
        city = words[0] if words and normalize(words[0]).stated_places else ""
        expected = {ident} if share < 0.8 else None
        queries.append((docket_variant(rng, row["enname"], city), expected))
    return records, queries


def sample_cases(path: Path):
    records = [
        EnterpriseRecord(key, names, {n: "english" for n in names if n.isascii()})
        for key, (names, _) in SAMPLE_ENTERPRISES.items()
    ]
    positives = {p: {key} for key, (_, parties) in SAMPLE_ENTERPRISES.items() for p in parties}
    positives["Atlantic China Welding Consumables, Inc,"].add("A600558.SH")
    found = set()
    for xml in sorted((path / "pacer" / "govinfo_uscourts").glob("*.xml")):
        found |= set(re.findall(r'fullName="([^"]+)"', xml.read_text(encoding="utf-8")))
    query = json.loads((path / "pacer" / "case_queries" / "txed_218695.json").read_text())
    found |= set(query["case_name"].split(" v. "))
    names = sorted(n.replace("&amp;", "&") for n in found)
    return records, [(n, positives.get(n)) for n in names]


def evaluate(engine: MatchingEngine, queries) -> tuple[int, int, int, list[str]]:
    results = engine.match([q for q, _ in queries], threshold=ALERT_THRESHOLD, limit=1)
    tp = fp = fn = 0
    errors = []
    for (party, expected), found in zip(queries, results, strict=True):
        got = found[0].enterprise_id if found else None
        right = expected is not None and got in expected
        tp += right
        fp += got is not None and not right
        fn += expected is not None and not right
        if not right and (got or expected):
            errors.append(f"{party!r}: expected {expected}, got {found[:1]}")
    return tp, fp, fn, errors


def unbridgeable(engine: MatchingEngine, records, queries) -> int:
    """Missed queries about Chinese-only registrations whose distinctive words neither spell
    nor translate any run of the registered Chinese names: no rule can bridge them without a
    known English name."""
    names = {r.id: [normalize(n).cjk for n in r.names] for r in records}
    results = engine.match([q for q, _ in queries], threshold=ALERT_THRESHOLD, limit=1)
    count = 0
    for (party, expected), found in zip(queries, results, strict=True):
        if found and found[0].enterprise_id in expected:
            continue
        words = normalize(party).tokens
        cjks = [c for e in expected for c in names.get(e, [])]
        count += not any(explains(run, w) for c in cjks for run in runs(c) for w in words)
    return count


def main(n: int) -> dict:
    path = shared_data()
    t_records, t_queries = astock_cases(path, n, held_out=False)
    t_tp, t_fp, t_fn, _ = evaluate(MatchingEngine.build(t_records), t_queries)
    print(
        f"tuning part (renderings learned from it; not counted): {len(t_queries)} queries, "
        f"tp {t_tp}, fp {t_fp}, fn {t_fn}"
    )
    a_records, a_queries = astock_cases(path, n)
    s_records, s_queries = sample_cases(path)
    engine = MatchingEngine.build(a_records + s_records)
    tp, fp, fn, errors = evaluate(engine, a_queries + s_queries)
    english = {r.id for r in a_records if len(r.names) > 2}
    for label, subset in [
        ("registered with an English name", [q for q in a_queries if q[1] and q[1] & english]),
        ("registered in Chinese only", [q for q in a_queries if q[1] and not q[1] & english]),
        ("not registered", [q for q in a_queries if not q[1]]),
    ]:
        c_tp, c_fp, c_fn, _ = evaluate(engine, subset)
        print(f"{label}: {len(subset)} queries, tp {c_tp}, fp {c_fp}, fn {c_fn}")
    s_tp, s_fp, s_fn, _ = evaluate(engine, s_queries)
    translated = sum(
        bool(found) and found[0].rule == "translated" and expected is not None
        for (_, expected), found in zip(
            a_queries,
            engine.match([q for q, _ in a_queries], threshold=ALERT_THRESHOLD, limit=1),
            strict=True,
        )
    )
    unrelated = unbridgeable(
        engine, a_records, [q for q in a_queries if q[1] and not q[1] & english]
    )
    print(
        f"found by translating the Chinese name word by word: {translated}; Chinese-only "
        f"registrations missed whose English name has no word that spells or translates any "
        f"part of the Chinese name (coined brands such as Vanke, Konka): {unrelated}"
    )
    for line in errors[:25]:
        print("  miss:", line)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"{len(a_records)} Astock enterprises registered, {len(a_queries)} Astock queries; "
        f"{len(s_queries)} PACER/GovInfo parties (tp {s_tp}, fp {s_fp}, fn {s_fn})"
    )
    print(
        f"tp {tp}, fp {fp}, fn {fn}: precision {precision:.4f}, recall {recall:.4f}, "
        f"F1 {f1:.4f} at {ALERT_THRESHOLD}"
    )
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "threshold": ALERT_THRESHOLD,
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 4136)))
