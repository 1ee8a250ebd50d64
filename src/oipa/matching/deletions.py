"""Blocking for short keys: deletion neighbourhoods, hashed and looked up with numpy.

Two strings have `fuzz.ratio` >= t exactly when deleting dq characters from one and da from
the other leaves the same string with dq + da <= (1 - t/100) * (len1 + len2). So every key of up
to `max_len` characters is indexed under the hashes of itself and of the strings obtained by
deleting one or two characters (only as many as a pair at the threshold can need), and a party
key looks up its own such variants: a shared variant, with few enough deletions in total, is a
candidate pair. For keys of up to about ten characters this finds every pair at the threshold
(pairs needing three deletions on one side remain for the n-gram index).

The variants are never built as strings: a key is a row of code points, its hash a polynomial
in them (mod 2**64, numpy's unsigned wrap-around), and the hash of the key with positions i < j
deleted is computed from prefix sums for all keys at once, one (i, j) at a time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Deletions indexed per key; a party's key may lose one more (`PARTY_DELETIONS`), which is
#: cheap for the few parties of a batch and finds a long party name against a shorter key.
MAX_DELETIONS = 2
PARTY_DELETIONS = 3
_BASE = np.uint64(1_000_003)
_BASE_INV = np.uint64(pow(1_000_003, -1, 2**64))
_LENGTH_MIX = np.uint64(0x9E3779B97F4A7C15)


def allowed_deletions(lengths: np.ndarray, threshold: float, most: int) -> np.ndarray:
    """How many deletions from a key of each length a pair at `threshold` can need (at most
    `most`)."""
    slack = 1.0 - threshold / 100.0
    needed = np.floor(2.0 * slack * lengths / (1.0 + slack) + 1e-9).astype(np.int64)
    return np.minimum(needed, most)


def code_points(keys: Sequence[str] | np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Keys as a (n, width) array of code points (zero-padded) and their lengths; keys longer
    than `width` get length 0 (they are not indexed here)."""
    lengths = np.fromiter((len(k) for k in keys), np.int64, len(keys))
    lengths[lengths > width] = 0
    joined = "".join(k if len(k) <= width else "" for k in keys)
    flat = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    grid = np.zeros((len(keys), width), dtype=np.uint64)
    if len(flat):
        rows = np.repeat(np.arange(len(keys)), lengths)
        cols = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        grid[rows, cols] = flat
    return grid, lengths


def variant_hashes(
    keys: Sequence[str] | np.ndarray, threshold: float, width: int, deletions: int = 2
):
    """(hashes, key positions, deletions) of every key and its variants with up to `deletions`
    (2 or 3) characters deleted, as far as a pair at `threshold` can need them."""
    grid, lengths = code_points(keys, width)
    # Longest keys first: the keys long enough for a deletion at position k, and allowed d
    # deletions, are then a leading slice, not a mask.
    order = np.argsort(-lengths, kind="stable")
    grid, lengths = grid[order], lengths[order]
    powers = _BASE ** np.arange(width + 1, dtype=np.uint64)
    prefix = np.zeros((len(keys), width + 1), dtype=np.uint64)
    np.cumsum(grid * powers[:width], axis=1, out=prefix[:, 1:])
    total = prefix[np.arange(len(keys)), lengths]
    most = allowed_deletions(lengths.astype(np.float64), threshold, deletions)
    longer = np.searchsorted(-lengths, -np.arange(width + 1), side="left")  # len > k: [:longer[k]]
    allowed = [int(np.count_nonzero(most >= d)) for d in range(4)]
    out_hash, out_at, out_del = [], [], []
    inv = [_BASE_INV**d for d in range(4)]

    def emit(hashes: np.ndarray, deleted: int) -> None:
        count = len(hashes)
        mixed = hashes * _LENGTH_MIX + (lengths[:count] - deleted).astype(np.uint64)
        out_hash.append(mixed)
        out_at.append(order[:count].astype(np.int32))
        out_del.append(np.full(count, deleted, dtype=np.int8))

    def rows(position: int, deleted: int) -> int:
        return min(int(longer[position]) if position < width else 0, allowed[deleted])

    with np.errstate(over="ignore"):
        emit(total[: int(np.count_nonzero(lengths))], 0)
        for i in range(width):
            n1 = rows(i, 1)
            if not n1:
                break
            head = prefix[:n1, i]
            emit(head + (total[:n1] - prefix[:n1, i + 1]) * inv[1], 1)
            for j in range(i + 1, width):
                n2 = rows(j, 2)
                if not n2:
                    break
                middle = head[:n2] + (prefix[:n2, j] - prefix[:n2, i + 1]) * inv[1]
                emit(middle + (total[:n2] - prefix[:n2, j + 1]) * inv[2], 2)
                for k in range(j + 1, width):
                    n3 = rows(k, 3)
                    if not n3:
                        break
                    inner = middle[:n3] + (prefix[:n3, k] - prefix[:n3, j + 1]) * inv[2]
                    emit(inner + (total[:n3] - prefix[:n3, k + 1]) * inv[3], 3)
    return np.concatenate(out_hash), np.concatenate(out_at), np.concatenate(out_del)


class DeletionIndex:
    """Candidate (party, key) pairs for short keys, complete at `threshold` and above.

    The variant hashes are sorted and bucketed by their top bits (about one per bucket), so a
    look-up is two array reads rather than a binary search through millions of hashes.
    """

    def __init__(
        self, keys: Sequence[str] | np.ndarray, *, threshold: float, max_len: int = 20
    ) -> None:
        self.threshold, self.max_len = threshold, max_len
        hashes, rows, deleted = variant_hashes(keys, threshold, max_len, MAX_DELETIONS)
        order = np.argsort(hashes)
        self.hashes, self.rows, self.deleted = hashes[order], rows[order], deleted[order]
        bits = min(max(int(len(hashes)).bit_length(), 1), 24)
        self.shift = np.uint64(64 - bits)
        buckets = (self.hashes >> self.shift).astype(np.int64)
        counts = np.bincount(buckets, minlength=1 << bits)
        self.bucket_ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        self.key_len = np.fromiter((len(k) for k in keys), np.float32, len(keys))
        self.size = max(len(keys), 1)

    def candidates(self, keys: Sequence[str], threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Pairs as two arrays (party positions, key rows); a pair may come more than once."""
        threshold = max(threshold, self.threshold)
        q_hash, q_at, q_del = variant_hashes(keys, threshold, self.max_len, PARTY_DELETIONS)
        bucket = (q_hash >> self.shift).astype(np.int64)
        left = self.bucket_ptr[bucket].astype(np.int64)
        counts = self.bucket_ptr[bucket + 1] - left
        total = int(counts.sum())
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        hit = np.repeat(left, counts) + offsets
        same = self.hashes[hit] == np.repeat(q_hash, counts)
        hit = hit[same]
        at = np.repeat(q_at, counts)[same].astype(np.int64)
        rows = self.rows[hit].astype(np.int64)
        deletions = np.repeat(q_del, counts)[same] + self.deleted[hit]
        lengths = np.fromiter((len(k) for k in keys), np.float32, len(keys))[at]
        lengths = lengths + self.key_len[rows]
        keep = deletions * 100.0 <= (100.0 - threshold) * lengths + 1e-6
        return at[keep], rows[keep]
