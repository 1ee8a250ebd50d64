"""How a run of Chinese characters can be written in Latin letters (renderings.py)."""

import pytest

from oipa.matching.renderings import (
    MEANING_OF,
    NEAR_SPELLING_OF,
    SPELLING_OF,
    UNRELATED,
    explains,
    similar,
    syllable_count,
)


@pytest.mark.parametrize(
    ("word", "meaning"),
    [("diagnostics", "diagnosis"), ("orient", "oriental"), ("electronics", "electronic")],
)
def test_words_with_the_same_stem_are_similar(word, meaning):
    assert similar(word, meaning)


@pytest.mark.parametrize(
    ("word", "meaning"),
    [("southwest", "south"), ("primeton", "prime"), ("headquarter", "head"), ("chint", "china")],
)
def test_a_word_that_merely_begins_with_another_is_not_similar(word, meaning):
    assert not similar(word, meaning)


@pytest.mark.parametrize(
    ("run", "word", "expected"),
    [
        ("迪安", "dian", SPELLING_OF),
        ("东方", "orient", MEANING_OF),
        ("丰华", "fenghwa", NEAR_SPELLING_OF),
        ("光云", "raycloud", MEANING_OF),
        ("雪天", "snowsky", MEANING_OF),
        ("海星", "orient", UNRELATED),
    ],
)
def test_a_word_spells_translates_or_says_nothing_of_a_run(run, word, expected):
    assert explains(run, word) == expected


@pytest.mark.parametrize(("token", "count"), [("jinling", 2), ("xinjiekou", 3), ("xian", 1)])
def test_a_pinyin_word_is_counted_in_its_fewest_syllables(token, count):
    assert syllable_count(token) == count
