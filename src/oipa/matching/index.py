"""Blocking: a character n-gram index over alias keys, so that only plausible pairs are scored.

Each distinct key is a row of a sparse key x n-gram matrix (3-grams of Latin keys, 2-grams of
Chinese ones, padded with a space so that starts and ends count). The candidates of a batch of
party keys come from one sparse product, party x key: the number of n-grams they share. A party
uses its n-grams that are not too common (at most `max_df` keys; always its `min_grams` rarest,
but never one found in more than `max_df_hard` keys, which would find nothing in particular),
which keeps the product small. Pairs are then dropped, with numpy and no Python loop over keys,
when they cannot reach the threshold on length alone (a `fuzz.ratio` of t needs the shorter
string to be at least t / (200 - t) of the longer one) or share too few n-grams (under
`min_share` of the party's usable ones); at most `top_k` keys per party are kept, most shared
first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from .normalize import CJK

_HAS_CJK = re.compile(f"[{CJK}]")
BATCH = 2048


def grams(key: str) -> list[str]:
    """Distinct padded n-grams of a key: 2-grams if it contains Chinese, else 3-grams."""
    size = 2 if _HAS_CJK.search(key) else 3
    padded = f" {key} "
    return list(dict.fromkeys(padded[i : i + size] for i in range(len(padded) - size + 1)))


class NgramIndex:
    """Candidate (party, key) pairs for party keys. Built once from the distinct alias keys."""

    def __init__(
        self,
        keys: Sequence[str] | np.ndarray,
        *,
        top_k: int = 200,
        min_share: float = 0.25,
        max_df: int = 1000,
        min_grams: int = 5,
        max_df_hard: int = 4000,
    ) -> None:
        self.keys = np.asarray(list(keys), dtype=object)
        self.top_k, self.min_share = top_k, min_share
        self.max_df, self.min_grams, self.max_df_hard = max_df, min_grams, max_df_hard
        self.vocab: dict[str, int] = {}
        indptr, indices = [0], []
        for key in self.keys:
            for gram in grams(key):
                indices.append(self.vocab.setdefault(gram, len(self.vocab)))
            indptr.append(len(indices))
        cols = np.asarray(indices, dtype=np.int32)
        ptr = np.asarray(indptr, dtype=np.int64)
        matrix = sparse.csr_matrix(
            (np.ones(len(cols), dtype=np.float32), cols, ptr),
            shape=(len(self.keys), max(len(self.vocab), 1)),
        )
        self.gram_key = matrix.T.tocsr()  # n-gram x key: which keys a party's n-gram reaches
        self.df = np.diff(self.gram_key.indptr)
        self.key_grams = np.diff(ptr).astype(np.float32)
        self.key_len = np.fromiter((len(k) for k in self.keys), np.int32, len(self.keys))

    def _usable(self, key: str) -> list[int]:
        """The party's known n-grams that are rare enough, or at least its rarest few."""
        known = [self.vocab[g] for g in grams(key) if g in self.vocab] if key else []
        # An n-gram found in a large share of all keys ("ing", "zh") finds nothing in particular.
        known = [g for g in known if self.df[g] <= self.max_df_hard]
        rare = [g for g in known if self.df[g] <= self.max_df]
        if len(rare) >= min(self.min_grams, len(known)):
            return rare
        return sorted(known, key=self.df.__getitem__)[: self.min_grams]

    def _party_matrix(self, keys: Sequence[str]):
        indptr, indices, used = [0], [], []
        for key in keys:
            own = self._usable(key)
            used.append(len(own))
            indices.extend(own)
            indptr.append(len(indices))
        matrix = sparse.csr_matrix(
            (np.ones(len(indices), dtype=np.float32), indices, indptr),
            shape=(len(keys), self.gram_key.shape[0]),
        )
        return matrix, np.asarray(used, dtype=np.float32)

    def candidates(self, keys: Sequence[str], threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Candidate pairs as two arrays: party positions (ascending) and key rows."""
        parties, rows = [np.empty(0, np.int64)], [np.empty(0, np.int64)]
        if len(self.keys):
            for start in range(0, len(keys), BATCH):
                found = self._batch(keys[start : start + BATCH], threshold)
                parties.append(found[0] + start)
                rows.append(found[1])
        return np.concatenate(parties), np.concatenate(rows)

    def _batch(self, keys: Sequence[str], threshold: float) -> tuple[np.ndarray, np.ndarray]:
        party, used = self._party_matrix(keys)
        shared = party @ self.gram_key
        counts = np.diff(shared.indptr)
        used = np.maximum(used, 1.0)
        # Both filters in one pass over the product: the share of the party's usable n-grams,
        # and the key lengths the party's length allows (an interval per party).
        party_len = np.fromiter((len(k) for k in keys), np.int64, len(keys))
        shortest, longest = _length_bounds(party_len, int(self.key_len.max(initial=0)), threshold)
        keep = shared.data >= np.repeat(self.min_share * used, counts)
        key_len = self.key_len[shared.indices]
        keep &= key_len >= np.repeat(shortest, counts)
        keep &= key_len <= np.repeat(longest, counts)
        keep = np.flatnonzero(keep)
        rows = np.repeat(np.arange(len(keys), dtype=np.int64), counts)[keep]
        cols, found = shared.indices[keep], shared.data[keep].astype(np.int64)
        counts = np.bincount(rows, minlength=len(keys))
        if counts.max(initial=0) > self.top_k:
            keep = _top(rows, found, counts, self.top_k)
            rows, cols = rows[keep], cols[keep]
        return rows.astype(np.int64), cols.astype(np.int64)


def _length_bounds(
    party_len: np.ndarray, longest: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per party, the shortest and longest key length that allow a `fuzz.ratio` of
    `threshold`: the shorter string must be at least t / (200 - t) of the longer (tested in
    float32 for each length, as before; an empty interval is (longest + 1, -1)). The lengths
    that fit are an interval: below the party's length the left side grows faster than the
    right, above it only the right side grows."""
    p_len = party_len.astype(np.float32)[:, None]
    k_len = np.arange(longest + 1, dtype=np.float32)[None, :]
    fits = np.minimum(p_len, k_len) * 200.0 >= threshold * (p_len + k_len)
    some = fits.any(axis=1)
    shortest = np.where(some, np.argmax(fits, axis=1), longest + 1)
    widest = np.where(some, longest - np.argmax(fits[:, ::-1], axis=1), -1)
    return shortest.astype(np.int32), widest.astype(np.int32)


def _top(rows: np.ndarray, found: np.ndarray, counts: np.ndarray, top_k: int) -> np.ndarray:
    """Positions of each row's `top_k` pairs sharing the most n-grams, the first among equals
    (`rows` ascending), without sorting: per row, a histogram gives the cut (the count of its
    top_k-th pair); pairs above it are in, and the first few pairs at it fill the rest."""
    width = int(found.max(initial=0)) + 2
    histogram = np.bincount(rows * width + found, minlength=len(counts) * width)
    at_least = np.cumsum(histogram.reshape(-1, width)[:, ::-1], axis=1)[:, ::-1]
    cut = (at_least >= top_k).sum(axis=1) - 1
    cut[counts <= top_k] = -1  # rows within top_k keep every pair
    quota = top_k - at_least[np.arange(len(counts)), cut + 1]
    row_cut = cut[rows]
    keep = found > row_cut
    tie = np.flatnonzero(found == row_cut)
    tie_rows = rows[tie]
    per_row = np.bincount(tie_rows, minlength=len(counts))
    first = np.repeat(np.cumsum(per_row) - per_row, per_row)
    keep[tie[np.arange(len(tie)) - first < quota[tie_rows]]] = True
    return np.flatnonzero(keep)
