"""Party matching benchmark: the engine against brute-force `rapidfuzz.process.cdist`.

Usage: python bench/party_matching.py [ENTERPRISES=100000] [QUERIES=5000] [BRUTE_SAMPLE=1000]

Builds ENTERPRISES synthetic enterprises (see "Synthetic data" below; about four names each)
and a feed of QUERIES docket-style party names, then times `MatchingEngine.build` and
`engine.match(feed)` (threshold REVIEW_THRESHOLD, normalization of the parties included).

The brute force scores a random sample of BRUTE_SAMPLE queries: it normalizes them the same way,
runs `process.cdist` against every distinct alias key (same normalized strings, same scorer
`fuzz.ratio`, same score_cutoff, workers=-1) and applies the engine's own adjustments
(`score_pairs`) to its hits to find the best enterprise. Its time (normalizing + cdist +
adjustments) is extrapolated from the sample to the whole feed, and said so. Two speed-ups are
printed: end to end, and of the matching step alone (both sides given normalized names).

Recall is best-match recall on that sample, computed exactly: of the sampled queries whose best
brute-force alias scores at or above the threshold, the share for which the engine returns that
alias's enterprise or one tied with it. The last line is one JSON object with the keys the
issue names.
"""

from __future__ import annotations

import json
import random
import resource
import string
import sys
import time
from pathlib import Path

import numpy as np
import zhconv
from pypinyin import lazy_pinyin
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from oipa.matching import REVIEW_THRESHOLD, SCORER, EnterpriseRecord, MatchingEngine  # noqa: E402
from oipa.matching.normalize import normalize  # noqa: E402

CHUNK = 64

# Synthetic data. Chinese legal names are a city, two to four characters common in company
# names, one or two trade words and a legal form; each enterprise also gets some of: an English
# name (pinyin-based or an invented brand), a former name, a brand, a store name, a seller ID and
# a domain. Party names are written as foreign dockets write them: generated English forms with
# the city leading, in parentheses or missing, other legal-form spellings, upper case, spaced
# pinyin, typos, reordered words, traditional characters, store names or seller IDs exactly.

CHARS = (
    "华兴达泰通源星联盛德信安恒新宏鑫辉明光腾飞龙凯瑞祥丰利富康健美佳乐天宇航海云峰山林森"
    "金银铭锐博创智慧聚合力群众和平正永昌隆顺发旺嘉诚实远大中东西南北京津冀方圆润泽清雅"
    "海洋江河湖川嘉禾丰谷晨曦阳春秋冬夏蓝绿紫红橙彩虹霞晶鼎威雄豪杰俊英才贤良优卓越超凡"
    "立元亨贞吉庆福禄寿喜如意顺心诺亚特斯拉迪普尔格蒙奥比克莱恩赛科思维图灵易邦捷讯"
)
CITIES = [
    "北京",
    "天津",
    "石家庄",
    "唐山",
    "保定",
    "廊坊",
    "深圳",
    "上海",
    "广州",
    "杭州",
    "苏州",
    "南京",
    "宁波",
    "青岛",
    "成都",
    "武汉",
]
TRADES = [
    "科技",
    "电子",
    "医药",
    "机械",
    "生物",
    "新材料",
    "电器",
    "通信",
    "信息",
    "网络",
    "软件",
    "汽车",
    "能源",
    "光电",
    "智能",
    "数码",
    "照明",
    "家居",
    "服饰",
    "玩具",
    "化工",
    "医疗",
    "食品",
    "纺织",
    "物流",
    "半导体",
    "精密",
    "贸易",
    "实业",
    "国际",
    "进出口",
    "控股",
]
TRADE_EN = {
    "科技": ["Technology", "Tech", "Sci-Tech", "Technologies", "Science & Technology"],
    "电子": ["Electronics", "Electronic"],
    "医药": ["Pharmaceutical", "Pharmaceuticals", "Pharma"],
    "汽车": ["Automobile", "Auto", "Motor"],
    "智能": ["Intelligent", "Smart"],
    "进出口": ["Import & Export", "Import and Export", "Imp. & Exp."],
}
LEGAL_ZH = ["有限公司", "有限公司", "股份有限公司", "有限责任公司", "集团有限公司"]
LEGAL_EN = [
    "Co., Ltd.",
    "Co., Ltd",
    "CO.,LTD.",
    "Co Ltd",
    "Company Limited",
    "Limited",
    "Inc.",
    "LLC",
    "Corp.",
    "Co.",
    "",
]
BRAND_SYLLABLES = [
    "vo",
    "ra",
    "ne",
    "xi",
    "lu",
    "ka",
    "mo",
    "ti",
    "zen",
    "qua",
    "by",
    "te",
    "nor",
    "vi",
    "sa",
    "lo",
    "do",
    "fi",
    "ka",
    "ro",
    "ny",
    "pex",
    "tro",
]


def _latin(cjk: str) -> str:
    return "".join(lazy_pinyin(cjk))


def _brand(rng: random.Random) -> str:
    return "".join(rng.choice(BRAND_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _trade_en(rng: random.Random, trade: str) -> str:
    from oipa.matching.words import lexicon

    if trade in TRADE_EN:
        return rng.choice(TRADE_EN[trade])
    word = lexicon().zh[trade]
    return lexicon().display[word.canonical]


class Company:
    """One synthetic enterprise: its Chinese name parts and every name it registers."""

    def __init__(self, rng: random.Random, core: str) -> None:
        self.city = rng.choice(CITIES) if rng.random() < 0.75 else ""
        self.core = core
        self.trades = rng.sample(TRADES, rng.choice([1, 1, 1, 2]))
        self.legal = self.city + core + "".join(self.trades) + rng.choice(LEGAL_ZH)
        self.names: dict[str, str] = {self.legal: "legal"}
        self.brand = _brand(rng) if rng.random() < 0.3 else _latin(core).capitalize()
        self._register_more(rng)

    def _register_more(self, rng: random.Random) -> None:
        roll = rng.random
        if roll() < 0.8:
            head = self.brand if roll() < 0.3 else _latin(self.core).capitalize()
            english = f"{head} {' '.join(_trade_en(rng, t) for t in self.trades)} Co., Ltd."
            self.names[english] = "english"
        if roll() < 0.3:
            self.names[self.core + rng.choice(["实业", "贸易", "发展"]) + "有限公司"] = "former"
        if roll() < 0.6:
            self.names[self.brand] = "brand"
        if roll() < 0.5:
            self.names[f"{self.brand} {rng.choice(['Official Store', 'Direct', 'Shop'])}"] = "store"
        if roll() < 0.4:
            alphabet = string.ascii_uppercase + string.digits
            self.names["A" + "".join(rng.choices(alphabet, k=13))] = "seller_id"
        if roll() < 0.4:
            self.names[f"www.{self.brand.lower()}{rng.choice(['.com', '.cn', '.com.cn'])}"] = (
                "domain"
            )


def companies(n: int, seed: int = 11) -> list[Company]:
    """N enterprises with distinct Chinese legal names (distinctive parts may repeat)."""
    rng = random.Random(seed)
    out, seen = [], set()
    while len(out) < n:
        size = rng.choices([2, 3, 4], weights=[50, 45, 5])[0]
        company = Company(rng, "".join(rng.choices(CHARS, k=size)))
        if company.legal not in seen:
            seen.add(company.legal)
            out.append(company)
    return out


def _typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    op = rng.choice("sdi")
    letter = rng.choice(string.ascii_lowercase)
    if op == "s":
        return word[:i] + letter + word[i + 1 :]
    if op == "d" and len(word) > 4:
        return word[:i] + word[i + 1 :]
    return word[:i] + letter + word[i:]


def docket_name(rng: random.Random, company: Company) -> str:
    """How a foreign docket might name this enterprise."""
    roll = rng.random()
    if roll < 0.08:
        return zhconv.convert(company.legal, "zh-tw")
    if roll < 0.16:
        ids = [n for n, k in company.names.items() if k in ("store", "seller_id", "domain")]
        if ids:
            return rng.choice(ids).upper() if rng.random() < 0.3 else rng.choice(ids)
    syllables = lazy_pinyin(company.core)
    head = (
        " ".join(s.capitalize() for s in syllables)
        if rng.random() < 0.15
        else "".join(syllables).capitalize()
    )
    if rng.random() < 0.12:
        head = _typo(rng, head.lower()).capitalize()
    trades = [_trade_en(rng, t) for t in company.trades]
    if rng.random() < 0.1:
        trades = trades[:1]
    body = " ".join([head, *trades]) if rng.random() > 0.1 else " ".join([*trades, head])
    legal = rng.choice(LEGAL_EN)
    city = "".join(lazy_pinyin(company.city)).capitalize()
    style = rng.random() if city else 1.0
    if style < 0.35:
        name = f"{city} {body} {legal}"
    elif style < 0.7:
        name = f"{body} ({city}) {legal}"
    elif style < 0.8:
        name = f"{body} {legal}, {city}, China"
    else:
        name = f"{body} {legal}"
    return name.upper() if rng.random() < 0.2 else name


def parties(
    n: int, registered: list[Company], strangers: list[Company], seed: int = 5
) -> list[str]:
    """A day's feed: three quarters about registered enterprises, the rest about others."""
    rng = random.Random(seed)
    return [
        docket_name(rng, rng.choice(registered if rng.random() < 0.75 else strangers))
        for _ in range(n)
    ]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def brute_best(engine: MatchingEngine, feed: list[str], threshold: float):
    """Per query: (best score, enterprise ids at that score) over all keys; and the times.

    The brute force is `process.cdist` of the normalized query against every distinct alias
    key (same scorer, cutoff and workers as the engine's scoring), then the engine's own
    adjustments (`score_pairs`) on its hits. Returned: the answers, the time of normalizing,
    and the time of the rest (cdist and adjustments).
    """
    keys = engine.table.keys
    normalize.cache_clear()
    started = time.perf_counter()
    normals = [normalize(p) for p in feed]
    normalize_s = time.perf_counter() - started
    out, elapsed = [], 0.0
    for start in range(0, len(feed), CHUNK):
        chunk = normals[start : start + CHUNK]
        started = time.perf_counter()
        scores = process.cdist(
            [n.key for n in chunk],
            keys,
            scorer=fuzz.ratio,
            score_cutoff=threshold,
            dtype=np.float32,
            workers=-1,
        )
        at, rows = np.nonzero(scores >= max(threshold, 1e-6))
        scored = engine.score_pairs(chunk, at, rows, scores[at, rows], threshold)
        elapsed += time.perf_counter() - started
        for i in range(len(chunk)):
            mine = scored.at == i
            best = float(scored.score[mine].max()) if mine.any() else 0.0
            owners = scored.owner[mine & (scored.score == best)].tolist()
            out.append((best, {engine.enterprise_ids[o] for o in owners}))
    return out, normalize_s, elapsed


def main(n_enterprises: int, n_queries: int, n_brute: int) -> dict:
    threshold = REVIEW_THRESHOLD
    everyone = companies(n_enterprises + max(n_queries // 4, 10))
    registered, strangers = everyone[:n_enterprises], everyone[n_enterprises:]
    records = [
        EnterpriseRecord(f"E{i}", list(c.names), dict(c.names)) for i, c in enumerate(registered)
    ]
    feed = parties(n_queries, registered, strangers)
    names = sum(len(r.names) for r in records)

    started = time.perf_counter()
    engine = MatchingEngine.build(records)
    build_s = time.perf_counter() - started
    print(
        f"index: {names} names -> {engine.alias_count} aliases, "
        f"{len(engine.table.keys)} distinct keys, built in {build_s:.1f} s"
    )

    normalize.cache_clear()
    started = time.perf_counter()
    for party in feed:
        normalize(party)
    normalize_s = time.perf_counter() - started
    normalize.cache_clear()
    started = time.perf_counter()
    results = engine.match(feed, threshold=threshold)
    wall_s = time.perf_counter() - started
    memory = peak_mb()
    pairs = engine.pairs_scored
    print(
        f"engine: {n_queries} parties in {wall_s:.3f} s (of which normalizing the parties "
        f"about {normalize_s:.3f} s), {pairs} pairs scored, peak {memory:.0f} MB; "
        f"{sum(1 for r in results if r)} parties matched"
    )

    sample = sorted(random.Random(3).sample(range(n_queries), min(n_brute, n_queries)))
    truth, brute_norm_s, brute_s = brute_best(engine, [feed[i] for i in sample], threshold)
    scale = n_queries / len(sample)
    brute_total = (brute_norm_s + brute_s) * scale
    positives = hits = 0
    for i, (best, owners) in zip(sample, truth, strict=True):
        if best < threshold:
            continue
        positives += 1
        found = results[i]
        if any(m.enterprise_id in owners for m in found) or (found and found[0].score >= best):
            hits += 1
    recall = hits / positives if positives else 1.0
    matching_s = max(wall_s - normalize_s, 1e-9)
    print(
        f"brute force: {len(sample)} sampled parties x {len(engine.table.keys)} keys: "
        f"normalizing {brute_norm_s:.2f} s, cdist and adjustments {brute_s:.2f} s; "
        f"extrapolated to {brute_total:.1f} s for the feed (sampled {len(sample)} of "
        f"{n_queries}); recall {hits}/{positives} = {recall:.4f}"
    )
    print(
        f"speed-up: end to end {brute_total / wall_s:.1f}x; matching step alone (both given "
        f"normalized names) {brute_s * scale / matching_s:.1f}x"
    )
    return {
        "enterprises": n_enterprises,
        "aliases": names,
        "queries": n_queries,
        "index_build_s": round(build_s, 2),
        "wall_s": round(wall_s, 3),
        "peak_mb": round(memory),
        "pairs_scored": pairs,
        "bruteforce_wall_s": round(brute_total, 2),
        "recall_vs_bruteforce": round(recall, 4),
        "scorer": SCORER,
        "threshold": threshold,
    }


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    sizes = args + [100_000, 5_000, 1_000][len(args) :]
    print(json.dumps(main(*sizes[:3])))
