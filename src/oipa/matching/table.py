"""The alias table: every alias of every enterprise, held as arrays rather than objects.

Aliases that share a key are one row (the scorer reads each key once). Within a row, aliases
that agree on everything the score adjustments read (trades, places, generic, origin) form one
group, scored once; a group lists its entries (enterprise, display text, kind of name). Sets of
trades and of places are interned: a group holds small integer ids, and the adjustments are
worked out once per distinct (party set, alias set) pair.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

import numpy as np

from .expand import ENGLISH_FORM, HEAD, KINDS, NAME, PINYIN, Alias

T = TypeVar("T", bound=Hashable)

#: Rules and their rank: higher wins among equal scores for one enterprise.
RULES = (
    "",
    "translated",
    "pinyin_head",
    "fuzzy",
    "pinyin",
    "english_form",
    "exact_name",
    "exact_id",
)
RULE_RANK = {rule: rank for rank, rule in enumerate(RULES) if rule}
ORIGIN_CODE = {
    NAME: 0,
    HEAD: RULE_RANK["pinyin_head"],
    PINYIN: RULE_RANK["pinyin"],
    ENGLISH_FORM: RULE_RANK["english_form"],
}
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


@dataclass
class Interner(Generic[T]):
    """Small integer ids for repeated values (frozensets of trades, place pairs). Parties'
    values are interned while matching, possibly from several threads: adding is locked."""

    values: list[T] = field(default_factory=list)
    ids: dict[T, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __call__(self, value: T) -> int:
        found = self.ids.get(value)
        if found is None:
            with self.lock:
                found = self.ids.get(value)
                if found is None:
                    self.values.append(value)
                    found = self.ids[value] = len(self.values) - 1
        return found


Places = tuple[frozenset[str], frozenset[str]]  # stated places, and with their provinces


class Decisions:
    """`decide(a, b)` (a small non-negative int) of interned ids, worked out once per pair and
    kept in a dense int8 matrix (-1: not yet known) that grows with the interner. Ids beyond
    `max_ids` are not kept: such pairs are worked out per call, once per distinct pair."""

    def __init__(self, decide: Callable[[int, int], int], *, max_ids: int = 4096) -> None:
        self.decide, self.max_ids = decide, max_ids
        self.known = np.full((0, 0), -1, dtype=np.int8)
        self.lock = threading.Lock()

    def warm(self, size: int) -> None:
        """Work out every pair of the first `size` ids now (at build, not in the first match)."""
        size = min(size, self.max_ids)
        ids = np.arange(size, dtype=np.int64)
        self(np.repeat(ids, size), np.tile(ids, size))

    def __call__(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """The decision for each (left, right) id pair, as int8."""
        if not len(left):
            return np.zeros(0, dtype=np.int8)
        need = int(max(left.max(), right.max())) + 1
        if need > self.max_ids:
            return self._per_call(left, right)
        known = self.known
        if need > len(known):
            known = self._grown(need)
        answers = known[left, right]
        unknown = answers < 0
        if unknown.any():
            self._fill(left[unknown], right[unknown])
            answers[unknown] = self.known[left[unknown], right[unknown]]
        return answers

    def _grown(self, need: int) -> np.ndarray:
        with self.lock:
            if need > len(self.known):
                size = min(max(need, 2 * len(self.known)), self.max_ids)
                grown = np.full((size, size), -1, dtype=np.int8)
                old = len(self.known)
                grown[:old, :old] = self.known
                self.known = grown
            return self.known

    def _fill(self, left: np.ndarray, right: np.ndarray) -> None:
        with self.lock:
            width = len(self.known)
            codes = np.unique(left.astype(np.int64) * width + right)
            a, b = (codes // width).tolist(), (codes % width).tolist()
            self.known[a, b] = [self.decide(x, y) for x, y in zip(a, b, strict=True)]

    def _per_call(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        width = int(max(left.max(), right.max())) + 1
        codes, inverse = np.unique(left.astype(np.int64) * width + right, return_inverse=True)
        answers = np.fromiter(
            (self.decide(int(c // width), int(c % width)) for c in codes), np.int8
        )
        return answers[inverse.reshape(-1)]


class TableBuilder:
    """Collects aliases enterprise by enterprise, then freezes them into an `AliasTable`."""

    def __init__(self) -> None:
        self.rows: dict[str, int] = {}
        self.groups: dict[tuple[int, int, int, bool, int], int] = {}
        self.trades: Interner[frozenset[str]] = Interner()
        self.places: Interner[Places] = Interner()
        self.entry_group: list[int] = []
        self.entry_owner: list[int] = []
        self.entry_text: list[int] = []
        self.entry_kind: list[int] = []
        self.texts: list[str] = []
        self.text_ids: dict[str, int] = {}

    def text(self, text: str) -> int:
        found = self.text_ids.get(text)
        if found is None:
            found = self.text_ids[text] = len(self.texts)
            self.texts.append(text)
        return found

    def add(self, owner: int, aliases: list[Alias]) -> None:
        """Add one enterprise's aliases. Names that state no trade or place ("Xiaomi Inc.")
        take those of its other names, so that "Xiaomi Pharmaceutical" does not meet
        "Xiaomi Inc." at full score."""
        all_trades = frozenset().union(*(a.trades for a in aliases))
        all_places = (
            frozenset().union(*(a.places for a in aliases)),
            frozenset().union(*(a.place_closure for a in aliases)),
        )
        for alias in aliases:
            trades = self.trades(alias.trades or all_trades)
            own_places = (alias.places, alias.place_closure)
            places = self.places(own_places if alias.places else all_places)
            row = self.rows.setdefault(alias.key, len(self.rows))
            signature = (row, trades, places, alias.generic, ORIGIN_CODE[alias.origin])
            group = self.groups.setdefault(signature, len(self.groups))
            self.entry_group.append(group)
            self.entry_owner.append(owner)
            self.entry_text.append(self.text(alias.text))
            self.entry_kind.append(KIND_CODE[alias.kind])

    def build(self) -> AliasTable:
        signatures = np.array(list(self.groups), dtype=np.int64).reshape(-1, 5)
        # Groups in row order, so that a row's groups are one slice.
        order = np.argsort(signatures[:, 0], kind="stable")
        renumber = np.empty(len(order), dtype=np.int64)
        renumber[order] = np.arange(len(order))
        signatures = signatures[order]
        entry_group = renumber[np.asarray(self.entry_group, dtype=np.int64)]
        by_group = np.argsort(entry_group, kind="stable")
        return AliasTable(
            keys=np.asarray(list(self.rows), dtype=object),
            row_ptr=_pointers(signatures[:, 0], len(self.rows)),
            group_trades=signatures[:, 1].astype(np.int32),
            group_places=signatures[:, 2].astype(np.int32),
            group_generic=signatures[:, 3].astype(bool),
            group_origin=signatures[:, 4].astype(np.int8),
            group_ptr=_pointers(entry_group[by_group], len(signatures)),
            entry_owner=np.asarray(self.entry_owner, dtype=np.int32)[by_group],
            entry_text=np.asarray(self.entry_text, dtype=np.int32)[by_group],
            entry_kind=np.asarray(self.entry_kind, dtype=np.int8)[by_group],
            texts=self.texts,
            trades=self.trades,
            places=self.places,
        )


def _pointers(sorted_ids: np.ndarray, count: int) -> np.ndarray:
    """CSR pointers: item k's members are [ptr[k], ptr[k + 1])."""
    return np.concatenate([[0], np.cumsum(np.bincount(sorted_ids, minlength=count))]).astype(
        np.int64
    )


@dataclass
class AliasTable:
    """Rows (distinct keys) -> groups (same adjustments) -> entries (enterprise, text, kind)."""

    keys: np.ndarray
    row_ptr: np.ndarray
    group_trades: np.ndarray
    group_places: np.ndarray
    group_generic: np.ndarray
    group_origin: np.ndarray
    group_ptr: np.ndarray
    entry_owner: np.ndarray
    entry_text: np.ndarray
    entry_kind: np.ndarray
    texts: list[str]
    trades: Interner[frozenset[str]]
    places: Interner[Places]

    @property
    def entries(self) -> int:
        return len(self.entry_owner)

    def groups_of(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each row, its groups: (position in `rows` repeated, group ids)."""
        return expand_ranges(self.row_ptr, rows)

    def entries_of(self, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each group, its entries: (position in `groups` repeated, entry ids)."""
        return expand_ranges(self.group_ptr, groups)


def expand_ranges(ptr: np.ndarray, items: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CSR look-up for many items at once: (index into `items`, member id) per member."""
    start, stop = ptr[items], ptr[items + 1]
    counts = stop - start
    at = np.repeat(np.arange(len(items)), counts)
    offsets = np.arange(len(at)) - np.repeat(np.cumsum(counts) - counts, counts)
    return at, np.repeat(start, counts) + offsets


def interned(values: Iterable[T], interner: Interner[T]) -> np.ndarray:
    return np.fromiter((interner(v) for v in values), np.int32)
