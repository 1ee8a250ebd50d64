"""Matching party names against enterprises' names (pure Python: no Django in this package).

Entry point::

    from oipa.matching import ALERT_THRESHOLD, EnterpriseRecord, MatchingEngine

    engine = MatchingEngine.build([
        EnterpriseRecord("e1", ["北京小米科技有限责任公司", "Xiaomi Inc.", "mi.com"],
                         {"Xiaomi Inc.": "english", "mi.com": "domain"}),
    ])
    [[match]] = engine.match(["Xiaomi Technology (Beijing) Co., Ltd."])
    match.enterprise_id, match.alias, match.rule, match.score  # "e1", ..., "english_form", 100.0

`match_parties(records, parties, threshold=..., limit=...)` does both steps at once.

How a party is matched (ARCHITECTURE.md §5, used by dispute monitoring, trademark watch and
conflict-of-interest checks):

1. normalize (`normalize.py`): full-width to half-width, traditional to simplified, lower case,
   punctuation; legal forms (有限公司, Co., Ltd., LLC, GmbH...) dropped; places (深圳, Shenzhen,
   "(Beijing)") and trade words (科技/Technology, 电子/Electronics...) set aside, so that what is
   compared is the distinctive part ("小米", "xiaomi"). Word tables are in `data/`.
2. expand (`expand.py`): a Chinese name also gives its pinyin, with and without spaces, and
   generated English forms ("Xiaomi Technology (Beijing) Co., Ltd."); brands, stores, seller IDs
   and domains give identifiers matched exactly (rule "exact_id").
3. block (`index.py`): a sparse character n-gram index; one sparse product per batch of parties
   picks the few keys worth scoring.
4. score (`engine.py`): `rapidfuzz.fuzz.ratio` on the sorted distinctive tokens, lowered when
   the two names state different trades or cities, capped below the alert threshold when a name
   has nothing distinctive ("China Electronics Co.").
5. explain: each `Match` names the enterprise, the alias that matched, its kind and the rule.

At or above ALERT_THRESHOLD a match is confident enough to alert the enterprise; between
REVIEW_THRESHOLD and it, staff review it.
"""

from .engine import (
    ALERT_THRESHOLD,
    REVIEW_THRESHOLD,
    SCORER,
    EnterpriseRecord,
    Match,
    MatchingEngine,
    match_parties,
)

__all__ = [
    "ALERT_THRESHOLD",
    "REVIEW_THRESHOLD",
    "SCORER",
    "EnterpriseRecord",
    "Match",
    "MatchingEngine",
    "match_parties",
]
