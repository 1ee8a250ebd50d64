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
        self.key_len = np.fromiter((len(k) for k in self.keys), np.float32, len(self.keys))

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
        rows = np.repeat(np.arange(len(keys), dtype=np.int32), np.diff(shared.indptr))
        # The share filter first, on the raw product: it drops most pairs in one pass.
        used = np.maximum(used, 1.0)
        keep = shared.data >= (self.min_share * used)[rows]
        rows, cols, found = rows[keep], shared.indices[keep], shared.data[keep]
        party_len = np.fromiter((len(k) for k in keys), np.float32, len(keys))
        p_len, k_len = party_len[rows], self.key_len[cols]
        # A `fuzz.ratio` of t needs the shorter string to be at least t / (200 - t) of the longer.
        keep = np.minimum(p_len, k_len) * 200.0 >= threshold * (p_len + k_len)
        rows, cols = rows[keep], cols[keep]
        share = found[keep] / used[rows]  # share of the party's usable n-grams in the key
        counts = np.bincount(rows, minlength=len(keys))
        if counts.max(initial=0) > self.top_k:
            order = np.lexsort((-share, rows))
            rows, cols = rows[order], cols[order]
            first = np.repeat(np.cumsum(counts) - counts, counts)
            keep = np.arange(len(rows)) - first < self.top_k
            rows, cols = rows[keep], cols[keep]
        return rows.astype(np.int64), cols.astype(np.int64)
