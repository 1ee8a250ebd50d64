"""Blocking finds the pairs the scorer would keep (checked against brute force)."""

import random

import numpy as np
from rapidfuzz import fuzz, process

from oipa.matching.deletions import DeletionIndex

ALPHABET = "abcdefgh小米华为"


def random_keys(rng: random.Random, count: int, longest: int = 9) -> list[str]:
    return ["".join(rng.choices(ALPHABET, k=rng.randint(1, longest))) for _ in range(count)]


def test_the_deletion_index_finds_every_short_pair_at_the_threshold():
    rng = random.Random(7)
    keys = sorted(set(random_keys(rng, 2000)))
    parties = random_keys(rng, 200) + [k[:-1] + "z" for k in keys[:200]]
    at, rows = DeletionIndex(keys, threshold=80.0).candidates(parties, 80.0)
    found = set(zip(at.tolist(), rows.tolist(), strict=True))
    scores = process.cdist(parties, keys, scorer=fuzz.ratio, score_cutoff=80.0)
    wanted = {(int(a), int(b)) for a, b in zip(*np.nonzero(scores >= 80.0), strict=True)}
    assert wanted and wanted <= found


def test_the_deletion_index_finds_nothing_for_unrelated_keys():
    at, rows = DeletionIndex(["xiaomi", "huawei"], threshold=80.0).candidates(["zzzzzz"], 80.0)
    assert len(at) == len(rows) == 0
