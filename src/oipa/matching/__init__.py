"""Matching party names against enterprises' names (pure Python: no Django in this package).

Entry point (for monitoring, experts, watch and any evaluation)::

    from oipa.matching import ALERT_THRESHOLD, EnterpriseRecord, match_parties

    records = [
        EnterpriseRecord("e1", ["北京小米科技有限责任公司", "Xiaomi Inc.", "mi.com"],
                         {"Xiaomi Inc.": "english", "mi.com": "domain"}),
    ]
    [[match]] = match_parties(records, ["Xiaomi Technology (Beijing) Co., Ltd."])
    match.enterprise_id, match.alias, match.alias_kind, match.rule, match.score

`match_parties(records, parties, threshold=REVIEW_THRESHOLD, limit=3)` takes enterprise records
(id, names, optional kind of each name) and party strings and returns, per party, its best
`limit` enterprises at or above `threshold`, best first, each an explained `Match`: which alias
matched (`alias`, `alias_kind`), by which rule (`rule`) and how well (`score`, 0-100). To match
many batches against the same enterprises, build once with `MatchingEngine.build(records)` and
call `engine.match(parties, threshold=..., limit=...)`.

How a party is matched (ARCHITECTURE.md §5, used by dispute monitoring, trademark watch and
conflict-of-interest checks):

1. normalize (`normalize.py`): full-width to half-width, traditional to simplified, lower case,
   punctuation; legal forms (有限公司, Co., Ltd., LLC, GmbH...) dropped; places (深圳, Shenzhen,
   "(Beijing)", postal spellings such as Kweichow) and trade words (科技/Technology,
   电子/Electronics...) set aside, so that what is compared is the distinctive part ("小米",
   "xiaomi"). Word tables are in `data/`; `data/learned.tsv` holds renderings learned from
   name pairs by `learn.py` (trades such as 钼业/Molybdenum, words such as 北方/North).
2. expand (`expand.py`): a Chinese name also gives its pinyin, with and without spaces, the
   other reading of a polyphone (长海: Zhanghai, Changhai), the pinyin of its first two
   characters when the rest is a trade the tables do not know (洪城 of 洪城水业, rule
   "pinyin_head"), an English form with learned words translated ("North Huajin") and generated
   English forms ("Xiaomi Technology (Beijing) Co., Ltd."); brands, stores, seller IDs and
   domains give identifiers matched exactly (rule "exact_id").
3. block (`deletions.py`, `index.py`): deletion neighbourhoods hashed with numpy for short
   keys, a sparse character n-gram product for long ones: only plausible pairs are scored.
4. score (`engine.py`): `rapidfuzz.fuzz.ratio` on the sorted distinctive tokens, lowered when
   the two names state different trades or cities, capped below the alert threshold when a name
   has nothing distinctive ("China Electronics Co."), lowered when only part of a name matched
   (a party's pinyin words beside an untranslated trade, or a name's first two characters)
   unless both names state the same place. All of it on arrays (`table.py`), not per alias.
5. translate (`translate.py`, `renderings.py`, `glossary.py`): a party that found nothing
   confident is aligned, word by word, with the Chinese names of enterprises that registered no
   English name: each word spells a run of characters in pinyin or is one of its English
   meanings in CC-CEDICT ("Beijing Orient Landscape & Environment" / 北京东方园林环境: 东方 is
   "Orient"). A name explained completely, with enough else agreeing, alerts (rule
   "translated").
6. explain: each `Match` names the enterprise, the alias that matched, its kind and the rule.

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
