"""The matching engine: enterprise records in, scored and explained matches per party out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .deletions import DeletionIndex
from .expand import KINDS, Alias, identifier_of, is_pinyin, name_aliases, syllables
from .index import NgramIndex
from .normalize import (
    PLACE_PENALTY,
    TRADE_PENALTY,
    NormalName,
    identifier,
    normalize,
    places_conflict,
    trade_words,
)
from .table import KIND_CODE, RULE_RANK, RULES, AliasTable, Decisions, TableBuilder, interned
from .translate import TRANSLATED_KINDS, ChineseName, TranslationIndex, chinese_name

ALERT_THRESHOLD = 92.0
REVIEW_THRESHOLD = 80.0

#: A name with nothing distinctive ("China Electronics Co.") goes to review at most, unless
#: both names are the same place and trades exactly.
GENERIC_CAP = 88.0

#: Only the pinyin words of a party ("Hongcheng" of "Hongcheng Waterworks") met a form
#: generated from a Chinese name, or a party met only the first two characters' pinyin of a
#: longer name ("洪城" of "洪城水业"): an exact match alerts only if both names state the same
#: place (else UNPLACED_PENALTY sends it to review).
PARTIAL_PENALTY = 5.0
UNPLACED_PENALTY = 10.0

#: Party keys longer than this may need three deletions to meet a key at the review threshold.
LONG_KEY = 8

SCORER = "fuzz.ratio on sorted distinctive tokens (token_sort_ratio)"

#: Bits of a place decision (see `MatchingEngine._places_compared`).
_CONFLICT, _LOCATED, _SAME = 1, 2, 4


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
    distinctive name), "fuzzy" (similar registered name), "pinyin", "english_form" or
    "pinyin_head" (a form generated from the Chinese name, the last from its first two
    characters). `score` is 0-100; see ALERT_THRESHOLD, REVIEW_THRESHOLD.
    """

    enterprise_id: str
    party: str
    alias: str
    alias_kind: str
    rule: str
    score: float


@dataclass(frozen=True, slots=True)
class Scored:
    """Candidate matches as arrays: party position, enterprise, alias text, kind, rule, score."""

    at: np.ndarray
    owner: np.ndarray
    text: np.ndarray
    kind: np.ndarray
    rule: np.ndarray
    score: np.ndarray
    rank: np.ndarray

    @staticmethod
    def concat(parts: list[Scored]) -> Scored:
        return Scored(*(np.concatenate([getattr(p, f) for p in parts]) for f in Scored.__slots__))


class _Parties:
    """What the adjustments read of a batch of normalized party names, as arrays."""

    def __init__(self, normals: list[NormalName], table: AliasTable) -> None:
        self.trades = interned((n.trades for n in normals), table.trades)
        self.places = interned(((n.stated_places, n.place_closure) for n in normals), table.places)
        self.generic = np.fromiter((n.generic for n in normals), bool, len(normals))
        self.specific = np.fromiter(
            (bool(n.stated_places) or len(n.words) >= 2 for n in normals), bool, len(normals)
        )
        self.has_words = np.fromiter((bool(n.words) for n in normals), bool, len(normals))


def _distinct(codes: np.ndarray) -> np.ndarray:
    """Sorted distinct values (by sorting: faster than `np.unique` for big integer arrays)."""
    codes = np.sort(codes)
    keep = np.ones(len(codes), dtype=bool)
    keep[1:] = codes[1:] != codes[:-1]
    return codes[keep]


def pinyin_part(normal: NormalName) -> str:
    """The key of a Latin party name's pinyin words alone, when it also has words that are not
    pinyin (an untranslated trade, "Hongcheng Waterworks" -> "hongcheng"), else ""."""
    if normal.cjk or len(normal.tokens) < 2:
        return ""
    kept = [t for t in normal.tokens if is_pinyin(t)]
    if not kept or len(kept) == len(normal.tokens) or sum(map(len, kept)) < 4:
        return ""
    return " ".join(sorted(kept))


class MatchingEngine:
    """An index of enterprise names, built once, matched against batches of party names.

    Thread-safe for concurrent `match` calls except for `pairs_scored`, which tells how many
    (party, key) pairs the last call scored.
    """

    def __init__(
        self,
        enterprise_ids: list[str],
        table: AliasTable,
        identifiers: dict[str, list[tuple[int, int, int]]],
        translation: TranslationIndex | None = None,
    ) -> None:
        self.enterprise_ids = enterprise_ids
        self.table = table
        self.identifiers = identifiers
        self.translation = translation or TranslationIndex([])
        # Among equal scores and ranks, enterprises come in the order of their ids.
        order = np.argsort(np.asarray(enterprise_ids, dtype=object), kind="stable")
        self.id_order = np.empty(len(enterprise_ids), dtype=np.int32)
        self.id_order[order] = np.arange(len(enterprise_ids), dtype=np.int32)
        self.index = NgramIndex(table.keys)
        self.short = DeletionIndex(table.keys, threshold=REVIEW_THRESHOLD)
        self.alias_count = table.entries
        # The adjustments per (party set, alias set) pair of interned ids, worked out now for
        # the sets of the aliases (parties mostly state the same ones) and kept.
        self.trade_decisions = Decisions(self._trades_differ)
        self.trade_decisions.warm(len(table.trades.values))
        self.place_decisions = Decisions(self._places_compared)
        self.place_decisions.warm(len(table.places.values))
        self.pairs_scored = 0
        syllables()  # read once, here rather than in the first `match`

    @classmethod
    def build(cls, records: Iterable[EnterpriseRecord]) -> MatchingEngine:
        """Normalize and expand every name of every record and index them."""
        ids: list[str] = []
        builder = TableBuilder()
        identifiers: dict[str, list[tuple[int, int, int]]] = {}
        chinese: list[ChineseName] = []
        for record in records:
            owner = len(ids)
            ids.append(record.id)
            own: list[Alias] = []
            for name in record.names:
                kind = record.kind(name)
                own.extend(name_aliases(name, kind))
                ident = identifier_of(name, kind)
                if ident:
                    entry = (owner, builder.text(name), KIND_CODE[kind])
                    identifiers.setdefault(ident, []).append(entry)
            builder.add(owner, own)
            chinese += _translatable(record, owner, builder)
        return cls(ids, builder.build(), identifiers, TranslationIndex(chinese))

    def match(
        self, parties: list[str], *, threshold: float = REVIEW_THRESHOLD, limit: int = 3
    ) -> list[list[Match]]:
        """Per party, its best match per enterprise at or above `threshold`, best first."""
        normals = [normalize(p) for p in parties]
        keys = [n.key for n in normals]
        subs = [(i, sub) for i, n in enumerate(normals) if (sub := pinyin_part(n))]
        keys += [sub for _, sub in subs]
        at, rows, raw = self._hits(keys, threshold)
        partial = at >= len(parties)
        owners = np.asarray([i for i, _ in subs], dtype=np.int64)
        at[partial] = owners[at[partial] - len(parties)]
        scored = self.score_pairs(normals, at, rows, raw, threshold, partial)
        found = Scored.concat([scored, self._identified(parties)])
        found = Scored.concat([found, self._translated(normals, found, threshold)])
        return self._ranked(parties, found, limit)

    def score_pairs(
        self,
        normals: list[NormalName],
        at: np.ndarray,
        rows: np.ndarray,
        raw: np.ndarray,
        threshold: float,
        partial: np.ndarray | None = None,
    ) -> Scored:
        """Adjusted scores of (party, key row) pairs with raw `fuzz.ratio` scores: one entry
        per enterprise alias under the key, those at or above `threshold` only. `partial`
        marks pairs where only the pinyin words of the party were compared: those count
        against forms generated from Chinese names only, and lose PARTIAL_PENALTY."""
        table, party = self.table, _Parties(normals, self.table)
        pos, groups = table.groups_of(rows)
        part = np.zeros(len(pos), dtype=bool) if partial is None else partial[pos]
        if part.any():
            usable = ~part | (table.group_origin[groups] != 0)
            pos, groups, part = pos[usable], groups[usable], part[usable]
        at, raw, origin = at[pos], raw[pos].astype(np.float64), table.group_origin[groups]
        p_trades, g_trades = party.trades[at], table.group_trades[groups]
        places = self.place_decisions(party.places[at], table.group_places[groups])
        differ = self.trade_decisions(p_trades, g_trades).astype(bool)
        score: np.ndarray = raw - TRADE_PENALTY * differ
        score -= PLACE_PENALTY * (places & _CONFLICT).astype(bool)
        p_generic, g_generic = party.generic[at], table.group_generic[groups]
        # Two generic names that agree on place and trades word for word ("深圳能源集团"), or
        # on several such words ("航天工业发展"), name the same registered company: names are
        # unique within their region.
        same_generic = (raw >= 100.0) & p_generic & g_generic & party.specific[at]
        capped = (p_generic | g_generic) & ~same_generic
        # A partial match is enough for an alert only where the names also state one place.
        partial = part | (origin == RULE_RANK["pinyin_head"])
        located = (places & _LOCATED).astype(bool)
        penalty = np.where(located, PARTIAL_PENALTY, UNPLACED_PENALTY).astype(np.float64)
        score -= penalty * partial
        score = np.round(np.where(capped, np.minimum(score, GENERIC_CAP), score), 1)
        keep = np.flatnonzero(score >= threshold)
        at, groups, raw, score, origin = (a[keep] for a in (at, groups, raw, score, origin))
        exact, fuzzy = RULE_RANK["exact_name"], RULE_RANK["fuzzy"]
        rule = np.where(origin == 0, np.where(raw >= 100.0, exact, fuzzy), origin)
        # The party gave no trade words: the bare pinyin is what matched.
        english, pinyin = RULE_RANK["english_form"], RULE_RANK["pinyin"]
        rule = np.where((origin == english) & ~party.has_words[at], pinyin, rule)
        agree = (p_trades[keep] == g_trades[keep]).astype(np.int64)
        agree += (places[keep] & _SAME) != 0
        pos, entries = table.entries_of(groups)
        return Scored(
            at[pos],
            table.entry_owner[entries],
            table.entry_text[entries],
            table.entry_kind[entries],
            rule[pos],
            score[pos],
            (agree * 10 + rule)[pos],
        )

    def _trades_differ(self, party: int, alias: int) -> int:
        a, b = self.table.trades.values[party], self.table.trades.values[alias]
        return int(bool(a and b and not trade_words(a) & trade_words(b)))

    def _places_compared(self, party: int, alias: int) -> int:
        """The place decisions of a pair as bits: _CONFLICT, _LOCATED (both state places and
        they agree) and _SAME (same stated places)."""
        (a, a_closure), (b, b_closure) = (self.table.places.values[i] for i in (party, alias))
        conflict = places_conflict(a, a_closure, b, b_closure)
        located = bool(a and b) and not conflict
        return conflict * _CONFLICT | located * _LOCATED | (a == b) * _SAME

    def _identified(self, parties: list[str]) -> Scored:
        """Exact matches of store names, seller IDs, domains and brands (score 100)."""
        found = [
            (i, *entry)
            for i, party in enumerate(parties)
            for entry in self.identifiers.get(identifier(party), ())
        ]
        rows = np.asarray(found, dtype=np.int64).reshape(-1, 4)
        count, rank = len(rows), RULE_RANK["exact_id"]
        return Scored(
            rows[:, 0],
            rows[:, 1].astype(np.int32),
            rows[:, 2].astype(np.int32),
            rows[:, 3].astype(np.int8),
            np.full(count, rank),
            np.full(count, 100.0),
            np.full(count, 20 + rank),
        )

    def _translated(self, normals: list[NormalName], found: Scored, threshold: float) -> Scored:
        """Matches by translation (see `translate`), for the parties that found nothing at
        ALERT_THRESHOLD by any other rule: a confident match needs no second opinion."""
        confident = np.zeros(len(normals), dtype=bool)
        confident[found.at[found.score >= ALERT_THRESHOLD]] = True
        rows = [
            (i, name.owner, name.text, name.kind, value)
            for i in np.flatnonzero(~confident).tolist()
            for name, value in self.translation.matches(normals[i], threshold)
        ]
        table = np.asarray(rows, dtype=np.float64).reshape(-1, 5)
        count, rank = len(rows), RULE_RANK["translated"]
        return Scored(
            table[:, 0].astype(np.int64),
            table[:, 1].astype(np.int32),
            table[:, 2].astype(np.int32),
            table[:, 3].astype(np.int8),
            np.full(count, rank),
            table[:, 4],
            np.full(count, rank),
        )

    def _hits(self, keys: list[str], threshold: float) -> tuple[np.ndarray, ...]:
        """(party position, key row, raw score) of every pair scored at or above `threshold`.

        First the deletion neighbours of every party. Then, for the parties whose key is long
        enough that a pair at the threshold may need more than two deletions on one side, and
        that found no key equal to theirs, the n-gram candidates too (all parties, where the
        threshold is below the one the deletion index was built for)."""
        size = np.int64(max(len(self.table.keys), 1))
        s_at, s_rows = self.short.candidates(keys, threshold)
        codes = _distinct(s_at * size + s_rows)
        at, rows, raw = self._scored(keys, codes // size, codes % size, threshold)
        scored = len(codes)
        exact = np.zeros(len(keys), dtype=bool)
        exact[at[raw >= 100.0]] = True
        lengths = np.fromiter((len(k) for k in keys), np.int64, len(keys))
        wanted = ((lengths > LONG_KEY) & ~exact) | (threshold < self.short.threshold)
        more = np.flatnonzero(wanted)
        if len(more):
            n_at, n_rows = self.index.candidates([keys[i] for i in more.tolist()], threshold)
            extra = _distinct(more[n_at] * size + n_rows)
            extra = extra[~np.isin(extra, codes, assume_unique=True, kind="sort")]
            scored += len(extra)
            found = self._scored(keys, extra // size, extra % size, threshold)
            at, rows, raw = (
                np.concatenate(pair) for pair in zip((at, rows, raw), found, strict=True)
            )
        self.pairs_scored = scored
        return at, rows, raw

    def _scored(self, keys: list[str], at: np.ndarray, rows: np.ndarray, threshold: float):
        """The pairs whose raw score reaches the threshold, with that score."""
        if not len(at):
            return at, rows, np.empty(0, np.float32)
        raw = process.cpdist(
            np.asarray(keys, dtype=object)[at],
            self.table.keys[rows],
            scorer=fuzz.ratio,
            score_cutoff=threshold,
            dtype=np.float32,
            workers=-1,
        )
        hit = raw >= max(threshold, 1e-6)
        return at[hit], rows[hit], raw[hit]

    def _ranked(self, parties: list[str], scored: Scored, limit: int) -> list[list[Match]]:
        """Per party, each enterprise's best (score, rank), then the best `limit` of them;
        among equal scores and ranks, the first enterprise id."""
        out: list[list[Match]] = [[] for _ in parties]
        if not len(scored.at):
            return out
        order = self._best_first(scored)
        at = scored.at[order]
        starts = np.searchsorted(at, at, side="left")
        order = order[np.arange(len(order)) - starts < limit]
        texts, ids = self.table.texts, self.enterprise_ids
        for i, owner, text, kind, rule, score in zip(
            scored.at[order].tolist(),
            scored.owner[order].tolist(),
            scored.text[order].tolist(),
            scored.kind[order].tolist(),
            scored.rule[order].tolist(),
            scored.score[order].tolist(),
            strict=True,
        ):
            match = Match(ids[owner], parties[i], texts[text], KINDS[kind], RULES[rule], score)
            out[i].append(match)
        return out

    def _best_first(self, scored: Scored) -> np.ndarray:
        """Each (party, enterprise)'s best entry (highest score, then rank, then first), in
        party order and, per party, best first (among equal scores and ranks, by id)."""
        points = np.rint(scored.score * 10.0).astype(np.int64)
        if not np.array_equal(points / 10.0, scored.score):  # not rounded to 0.1: exact sorts
            return self._best_first_exactly(scored)
        below = points.max() - points  # ascending keys: higher points first
        rank_below = scored.rank.max() - scored.rank
        packed = _packed(scored.at, scored.owner, below, rank_below)
        if packed is None:
            return self._best_first_exactly(scored)
        order = np.argsort(packed, kind="stable")  # stable: the first of equal entries wins
        at, owner = scored.at[order], scored.owner[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = (at[1:] != at[:-1]) | (owner[1:] != owner[:-1])
        best = order[first]
        packed = _packed(at[first], below[best], rank_below[best], self.id_order[owner[first]])
        if packed is None:
            return self._best_first_exactly(scored)
        return best[np.argsort(packed)]  # keys are distinct: (party, enterprise) is

    def _best_first_exactly(self, scored: Scored) -> np.ndarray:
        """`_best_first` for any scores and sizes, with lexsorts."""
        order = np.lexsort((-scored.rank, -scored.score, scored.owner, scored.at))
        at, owner = scored.at[order], scored.owner[order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = (at[1:] != at[:-1]) | (owner[1:] != owner[:-1])
        best = order[first]
        return best[
            np.lexsort(
                (
                    self.id_order[scored.owner[best]],
                    -scored.rank[best],
                    -scored.score[best],
                    scored.at[best],
                )
            )
        ]


def _packed(*columns: np.ndarray) -> np.ndarray | None:
    """Non-negative integer columns as one int64 sort key, the first most significant; None
    if they do not fit in 63 bits."""
    key, bits = np.zeros(len(columns[0]), dtype=np.int64), 0
    for column in columns:
        width = int(column.max(initial=0)).bit_length()
        bits += width
        if bits > 63:
            return None
        key <<= width
        key |= column
    return key


def _translatable(record: EnterpriseRecord, owner: int, builder: TableBuilder) -> list[ChineseName]:
    """The Chinese names of an enterprise that registered no English name, for translated
    matching (where it gave one, dockets are compared with that)."""
    kinds = [record.kind(name) for name in record.names]
    if "english" in kinds:
        return []
    found = []
    for name, kind in zip(record.names, kinds, strict=True):
        if kind in TRANSLATED_KINDS:
            chinese = chinese_name(owner, builder.text(name), KIND_CODE[kind], name)
            found += [chinese] if chinese else []
    return found


def match_parties(
    records: Iterable[EnterpriseRecord],
    parties: list[str],
    *,
    threshold: float = REVIEW_THRESHOLD,
    limit: int = 3,
) -> list[list[Match]]:
    """Build an engine for `records` and match `parties` once (see `MatchingEngine.match`)."""
    return MatchingEngine.build(records).match(parties, threshold=threshold, limit=limit)
