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
#: Bucket entries compared one slot at a time before the rest of a bucket is expanded.
_SLOTS = 3


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
    keys: Sequence[str] | np.ndarray,
    threshold: float,
    width: int,
    deletions: int = 2,
    *,
    least: int = 0,
):
    """(hashes, key positions, deletions) of every key and its variants with `least` to
    `deletions` (at most 3) characters deleted, as far as a pair at `threshold` can need them."""
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
        if deleted < least:
            return
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
    if not out_hash:  # no keys, or none with `least` deletions
        return np.empty(0, np.uint64), np.empty(0, np.int32), np.empty(0, np.int8)
    return np.concatenate(out_hash), np.concatenate(out_at), np.concatenate(out_del)


class _Variants:
    """The variant hashes of one deletion count, sorted and bucketed by their top bits (about
    one per bucket), so that a look-up is two array reads rather than a binary search."""

    def __init__(self, hashes: np.ndarray, rows: np.ndarray) -> None:
        order = np.argsort(hashes)
        hashes.sort()  # in place, as `hashes[order]` would be but without a second copy
        self.hashes, self.rows = hashes, rows[order]
        bits = min(max(int(len(hashes)).bit_length(), 1), 24)
        self.shift = np.uint64(64 - bits)
        buckets = (self.hashes >> self.shift).astype(np.int64)
        counts = np.bincount(buckets, minlength=1 << bits)
        self.bucket_ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)

    def find(self, q_hash: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(position in `q_hash`, key row) of every indexed variant equal to one of `q_hash`.

        Most buckets hold a few hashes: their first `_SLOTS` are compared slot by slot (no
        index arrays the size of all probes); only longer buckets are expanded in full."""
        bucket = (q_hash >> self.shift).astype(np.int64)
        start, stop = self.bucket_ptr[bucket], self.bucket_ptr[bucket + 1]
        probe = np.flatnonzero(stop > start)
        slot, stop, wanted = start[probe], stop[probe], q_hash[probe]
        found_at, found_slot = [], []
        for _ in range(_SLOTS):
            same = self.hashes[slot] == wanted
            found_at.append(probe[same])
            found_slot.append(slot[same])
            slot += 1
            more = np.flatnonzero(slot < stop)
            probe, slot, stop, wanted = probe[more], slot[more], stop[more], wanted[more]
        counts = (stop - slot).astype(np.int64)
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        hit = np.repeat(slot, counts) + offsets
        same = self.hashes[hit] == np.repeat(wanted, counts)
        found_at.append(np.repeat(probe, counts)[same])
        found_slot.append(hit[same])
        return np.concatenate(found_at), self.rows[np.concatenate(found_slot)]


class DeletionIndex:
    """Candidate (party, key) pairs for short keys, complete at `threshold` and above.

    The variants are held per deletion count: a party's variant is looked up only among the
    keys' variants whose deletions, added to its own, a pair at the threshold can afford.
    """

    def __init__(
        self, keys: Sequence[str] | np.ndarray, *, threshold: float, max_len: int = 20
    ) -> None:
        self.threshold, self.max_len = threshold, max_len
        # One deletion count at a time: the variants of all counts at once would double the
        # memory this takes at its peak.
        self.variants = []
        for count in range(MAX_DELETIONS + 1):
            hashes, rows, _ = variant_hashes(keys, threshold, max_len, count, least=count)
            self.variants.append(_Variants(hashes, rows))
        self.key_len = np.fromiter((len(k) for k in keys), np.float32, len(keys))
        self.size = max(len(keys), 1)

    def candidates(self, keys: Sequence[str], threshold: float) -> tuple[np.ndarray, np.ndarray]:
        """Pairs as two arrays (party positions, key rows); a pair may come more than once."""
        threshold = max(threshold, self.threshold)
        q_hash, q_at, q_del = variant_hashes(keys, threshold, self.max_len, PARTY_DELETIONS)
        lengths = np.fromiter((len(k) for k in keys), np.float32, len(keys))
        q_len = lengths[q_at].astype(np.float64)
        slack = (100.0 - threshold) / 100.0
        found_at, found_rows, found_del = [], [], []
        for count, variants in enumerate(self.variants):
            # A variant of q_del deletions meets a key of q_len - q_del + count characters; the
            # exact test below decides, this one (with a margin) only skips hopeless look-ups.
            needed = q_del + count
            wanted = np.flatnonzero(needed <= slack * (2 * q_len - q_del + count) + 0.01)
            pos, rows = variants.find(q_hash[wanted])
            found_at.append(q_at[wanted][pos])
            found_rows.append(rows)
            found_del.append(q_del[wanted][pos] + np.int8(count))
        at = np.concatenate(found_at).astype(np.int64)
        rows = np.concatenate(found_rows).astype(np.int64)
        deletions = np.concatenate(found_del)
        total = lengths[at] + self.key_len[rows]
        keep = deletions * 100.0 <= (100.0 - threshold) * total + 1e-6
        return at[keep], rows[keep]
