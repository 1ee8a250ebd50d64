"""The matching engine: enterprise records in, scored and explained matches per party out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from .deletions import DeletionIndex
from .expand import ENGLISH_FORM, NAME, Alias, identifier_of, name_aliases
from .index import NgramIndex
from .normalize import NormalName, identifier, normalize, places_conflict

ALERT_THRESHOLD = 92.0
REVIEW_THRESHOLD = 80.0

#: Same distinctive part, different trades ("Xiaomi Technology" / "Xiaomi Pharmaceutical").
TRADE_PENALTY = 15.0
#: Same distinctive part, different places. Chinese names are unique only within the region that
#: registered them, so this pushes such a pair from an alert into review.
PLACE_PENALTY = 10.0
#: A name with nothing distinctive ("China Electronics Co.") goes to review at most, unless
#: both names are the same place and trades exactly.
GENERIC_CAP = 88.0

#: Party keys longer than this may need three deletions to meet a key at the review threshold.
LONG_KEY = 8

SCORER = "fuzz.ratio on sorted distinctive tokens (token_sort_ratio)"

# Higher wins among equal scores for one enterprise: an exact identifier beats everything.
_RULE_RANK = {"exact_id": 5, "exact_name": 4, "english_form": 3, "pinyin": 2, "fuzzy": 1}


@dataclass(frozen=True, slots=True)
class EnterpriseRecord:
    """An enterprise to watch: its id and every name it is known by.

    `kind_of_names` maps a name to "legal", "former", "english", "brand", "store", "seller_id"
    or "domain"; names not in it are "legal".
    """

    id: str
    names: list[str]
    kind_of_names: dict[str, str] | None = None

    def kind(self, name: str) -> str:
        return (self.kind_of_names or {}).get(name, "legal")


@dataclass(frozen=True, slots=True)
class Match:
    """A party matched to an enterprise: which alias of it, of which kind, by which rule.

    `rule` is "exact_id" (store, seller ID, domain or brand, exactly), "exact_name" (same
    distinctive name), "fuzzy" (similar registered name), "pinyin" or "english_form" (a form
    generated from the Chinese name). `score` is 0-100; see ALERT_THRESHOLD, REVIEW_THRESHOLD.
    """

    enterprise_id: str
    party: str
    alias: str
    alias_kind: str
    rule: str
    score: float


#: Words shared by unrelated trades ("New Material", "New Energy").
_TRADE_FILLER = frozenset({"new", "and", "of"})


@lru_cache(maxsize=65_536)
def trade_words(trades: frozenset[str]) -> frozenset[str]:
    """The words of trade names: "Electric" and "Electric Appliance" are not different trades."""
    return frozenset(w for trade in trades for w in trade.split() if w not in _TRADE_FILLER)


def adjusted(raw: float, party: NormalName, alias: Alias) -> float:
    """The raw similarity of distinctive parts, lowered where the rest of the names disagree."""
    score = raw
    if party.trades and alias.trades and not trade_words(party.trades) & trade_words(alias.trades):
        score -= TRADE_PENALTY
    if places_conflict(party.stated_places, party.place_closure, alias.places, alias.place_closure):
        score -= PLACE_PENALTY
    # Two generic names that agree on place and trades word for word ("深圳能源集团"), or on
    # several such words ("航天工业发展"), name the same registered company: names are unique
    # within their region.
    specific = bool(party.stated_places) or len(party.words) >= 2
    same_generic = raw >= 100.0 and party.generic and alias.generic and specific
    if (party.generic or alias.generic) and not same_generic:
        score = min(score, GENERIC_CAP)
    return round(score, 1)


def _with_trades(aliases: list[Alias]) -> list[Alias]:
    """Names that state no trade or place ("Xiaomi Inc.") take those of the enterprise's other
    names, so that "Xiaomi Pharmaceutical" does not meet "Xiaomi Inc." at full score."""
    trades = frozenset().union(*(a.trades for a in aliases))
    places = frozenset().union(*(a.places for a in aliases))
    closure = frozenset().union(*(a.place_closure for a in aliases))
    aliases = [a if a.trades else replace(a, trades=trades) for a in aliases]
    return [a if a.places else replace(a, places=places, place_closure=closure) for a in aliases]


def _grouped(entries: list[tuple[int, Alias]]) -> list[list[tuple[int, Alias]]]:
    """Entries of one key grouped by what their score depends on besides the raw score."""
    groups: dict[tuple, list[tuple[int, Alias]]] = {}
    for owner, alias in entries:
        signature = (alias.trades, alias.places, alias.place_closure, alias.generic, alias.origin)
        groups.setdefault(signature, []).append((owner, alias))
    return list(groups.values())


def _floor(best: dict, limit: int) -> tuple[float, int]:
    """The (score, rank) of the `limit`-th enterprise kept so far: only ties or better matter."""
    if len(best) < limit:
        return (-1.0, -1)
    return sorted((entry[:2] for entry in best.values()), reverse=True)[limit - 1]


def _rule(raw: float, party: NormalName, alias: Alias) -> str:
    if alias.origin == NAME:
        return "exact_name" if raw >= 100.0 else "fuzzy"
    if alias.origin == ENGLISH_FORM and not party.words:
        return "pinyin"  # the party gave no trade words: the bare pinyin is what matched
    return alias.origin


class MatchingEngine:
    """An index of enterprise names, built once, matched against batches of party names."""

    def __init__(
        self,
        enterprise_ids: list[str],
        aliases: list[tuple[int, Alias]],
        identifiers: dict[str, list[tuple[int, str, str]]],
    ) -> None:
        self.enterprise_ids = enterprise_ids
        self.identifiers = identifiers
        rows: dict[str, int] = {}
        self.entries: list[list[tuple[int, Alias]]] = []
        for owner, alias in aliases:
            row = rows.setdefault(alias.key, len(rows))
            if row == len(self.entries):
                self.entries.append([])
            self.entries[row].append((owner, alias))
        # Entries of one key that agree on everything `adjusted` and `_rule` read get one score.
        self.groups = [_grouped(entries) for entries in self.entries]
        self.index = NgramIndex(list(rows))
        self.short = DeletionIndex(list(rows), threshold=REVIEW_THRESHOLD)
        self.alias_count = len(aliases)
        self.pairs_scored = 0

    @classmethod
    def build(cls, records: Iterable[EnterpriseRecord]) -> MatchingEngine:
        """Normalize and expand every name of every record and index them."""
        ids: list[str] = []
        aliases: list[tuple[int, Alias]] = []
        identifiers: dict[str, list[tuple[int, str, str]]] = {}
        for record in records:
            owner = len(ids)
            ids.append(record.id)
            own: list[Alias] = []
            for name in record.names:
                kind = record.kind(name)
                own.extend(name_aliases(name, kind))
                ident = identifier_of(name, kind)
                if ident:
                    identifiers.setdefault(ident, []).append((owner, name, kind))
            aliases.extend((owner, alias) for alias in _with_trades(own))
        return cls(ids, aliases, identifiers)

    def match(
        self, parties: list[str], *, threshold: float = REVIEW_THRESHOLD, limit: int = 3
    ) -> list[list[Match]]:
        """Per party, its best match per enterprise at or above `threshold`, best first."""
        normals = [normalize(p) for p in parties]
        keys = [n.key for n in normals]
        found: list[dict[int, tuple[float, int, Match]]] = [{} for _ in parties]
        for i, party in enumerate(parties):
            for owner, alias, kind in self.identifiers.get(identifier(party), ()):
                self._offer(found[i], owner, party, 100.0, alias, kind, "exact_id")
        at, rows = self._candidates(keys, threshold)
        self.pairs_scored = len(at)
        raw = (
            process.cpdist(
                np.asarray(keys, dtype=object)[at],
                self.index.keys[rows],
                scorer=fuzz.ratio,
                score_cutoff=threshold,
                dtype=np.float32,
                workers=-1,
            )
            if len(at)
            else np.empty(0, np.float32)
        )
        hits = np.flatnonzero(raw >= max(threshold, 1e-6))
        hits = hits[np.lexsort((-raw[hits], at[hits]))]  # per party, best raw score first
        floors: dict[int, tuple[float, int]] = {}  # per party, until its kept matches change
        for i, row, score in zip(
            at[hits].tolist(), rows[hits].tolist(), raw[hits].tolist(), strict=True
        ):
            floor = floors.get(i) or _floor(found[i], limit)
            if floor[0] > score:
                continue  # penalties only lower a raw score: `limit` enterprises already beat it
            if self._score_row(found[i], parties[i], normals[i], row, score, threshold, floor):
                floors.pop(i, None)
            else:
                floors[i] = floor
        return [self._ranked(best, limit) for best in found]

    def _candidates(self, keys: list[str], threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Deletion neighbours for every party; n-grams too where a party key is long enough
        that a pair at the threshold may need more than two deletions on one side, or where
        the threshold is below the one the deletion index was built for."""
        size = max(len(self.index.keys), 1)
        short_at, short_rows = self.short.candidates(keys, threshold)
        long_at = [
            i
            for i, key in enumerate(keys)
            if len(key) > LONG_KEY or threshold < self.short.threshold
        ]
        at, rows = self.index.candidates([keys[i] for i in long_at], threshold)
        at = np.asarray(long_at, dtype=np.int64)[at] if len(at) else at
        pairs = np.unique(np.concatenate([short_at * size + short_rows, at * size + rows]))
        return pairs // size, pairs % size

    def _score_row(
        self,
        best,
        party: str,
        normal: NormalName,
        row: int,
        raw: float,
        threshold: float,
        floor: tuple[float, int],
    ) -> bool:
        """Offer the row's entries that can still be returned; whether any was offered."""
        offered = False
        for group in self.groups[row]:
            first = group[0][1]
            score = adjusted(raw, normal, first)
            if score < threshold:
                continue
            rule = _rule(raw, normal, first)
            agree = (normal.trades == first.trades) + (normal.stated_places == first.places)
            if (score, agree * 10 + _RULE_RANK[rule]) < floor:
                continue  # below the `limit` enterprises already kept: cannot be returned
            offered = True
            for owner, alias in group:
                self._offer(best, owner, party, score, alias.text, alias.kind, rule, agree)
        return offered

    def _offer(
        self,
        best,
        owner: int,
        party: str,
        score: float,
        alias: str,
        kind: str,
        rule: str,
        agree: int = 2,
    ) -> None:
        """Keep the enterprise's best match; among equal scores, the alias that also agrees on
        trades and places ("航天科技控股" over "航天工业发展"), then the stronger rule."""
        rank = agree * 10 + _RULE_RANK[rule]
        if owner not in best or (score, rank) > best[owner][:2]:
            match = Match(self.enterprise_ids[owner], party, alias, kind, rule, score)
            best[owner] = (score, rank, match)

    @staticmethod
    def _ranked(best, limit: int) -> list[Match]:
        ranked = sorted(best.values(), key=lambda t: (-t[0], -t[1], t[2].enterprise_id))
        return [match for _, _, match in ranked[:limit]]


def match_parties(
    records: Iterable[EnterpriseRecord],
    parties: list[str],
    *,
    threshold: float = REVIEW_THRESHOLD,
    limit: int = 3,
) -> list[list[Match]]:
    """Build an engine for `records` and match `parties` once (see `MatchingEngine.match`)."""
    return MatchingEngine.build(records).match(parties, threshold=threshold, limit=limit)
