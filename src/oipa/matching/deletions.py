"""Blocking for short keys: deletion neighbourhoods, looked up with numpy in one pass.

Two strings have `fuzz.ratio` >= t exactly when deleting dq characters from one and da from
the other leaves the same string with dq + da <= (1 - t/100) * (len1 + len2). So every key of up
to `max_len` characters is indexed under the hashes of itself and of the strings obtained by
deleting one or two characters (only as many as a pair at the threshold can need), and a party
key looks up its own such variants: a shared variant, with few enough deletions in total, is a
candidate pair. For keys of up to about ten characters this finds every pair at the threshold
(pairs needing three deletions on one side remain for the n-gram index).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MAX_DELETIONS = 2


def variants(key: str, threshold: float) -> dict[str, int]:
    """The key and its deletion variants worth indexing at `threshold`, with deletion counts."""
    slack = 1.0 - threshold / 100.0
    most = min(MAX_DELETIONS, int(2.0 * slack * len(key) / (1.0 + slack) + 1e-9))
    found = {key: 0}
    frontier = [key]
    for deleted in range(1, most + 1):
        following = []
        for text in frontier:
            for i in range(len(text)):
                shorter = text[:i] + text[i + 1 :]
                if shorter not in found:
                    found[shorter] = deleted
                    following.append(shorter)
        frontier = following
    return found


def _hashed(keys: Sequence[str], threshold: float, max_len: int):
    hashes, owners, deleted = [], [], []
    for row, key in enumerate(keys):
        if 0 < len(key) <= max_len:
            for text, count in variants(key, threshold).items():
                hashes.append(hash(text))
                owners.append(row)
                deleted.append(count)
    return (
        np.asarray(hashes, dtype=np.int64),
        np.asarray(owners, dtype=np.int64),
        np.asarray(deleted, dtype=np.int8),
    )


class DeletionIndex:
    """Candidate (party, key) pairs for short keys, complete at `threshold` and above."""

    def __init__(self, keys: Sequence[str], *, threshold: float, max_len: int = 14) -> None:
        self.threshold, self.max_len = threshold, max_len
        hashes, rows, deleted = _hashed(keys, threshold, max_len)
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.rows, self.deleted = hashes[order], rows[order], deleted[order]
        self.key_len = np.fromiter((len(k) for k in keys), np.float32, len(keys))
        self.size = max(len(keys), 1)

    def candidates(self, keys: Sequence[str], threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Pairs as two arrays (party positions, key rows), each pair once."""
        threshold = max(threshold, self.threshold)
        q_hash, q_at, q_del = _hashed(keys, threshold, self.max_len)
        order = np.argsort(q_hash)  # sorted look-ups walk the index in order
        q_hash, q_at, q_del = q_hash[order], q_at[order], q_del[order]
        left = np.searchsorted(self.hashes, q_hash, side="left")
        counts = np.searchsorted(self.hashes, q_hash, side="right") - left
        total = int(counts.sum())
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        hit = np.repeat(left, counts) + offsets
        at, rows = np.repeat(q_at, counts), self.rows[hit]
        deletions = np.repeat(q_del, counts) + self.deleted[hit]
        lengths = np.fromiter((len(k) for k in keys), np.float32, len(keys))[at]
        lengths = lengths + self.key_len[rows]
        keep = deletions * 100.0 <= (100.0 - threshold) * lengths + 1e-6
        pairs = np.unique(at[keep] * self.size + rows[keep])
        return pairs // self.size, pairs % self.size
