"""Trademark similarity (pure Python): pinyin, sound, containment, generic words, classes, and
the index finding what scoring every pair finds."""

import random

import pytest

from oipa.matching.marks import (
    CONTAINMENT,
    IDENTICAL,
    PINYIN,
    SOUND,
    SPELLING,
    TOKEN_OVERLAP,
    MarkIndex,
    brute_force,
    looks_chinese,
    pinyin_forms,
    published_mark,
    related,
    score_pair,
    watched_mark,
)

XIAOMI = watched_mark("xiaomi", "小米", classes=[9])
HUAWEI = watched_mark("huawei", "华为", english=["Huawei"], classes=[9, 38])
OPPO = watched_mark("oppo", "OPPO", classes=[9])
LENOVO = watched_mark("lenovo", "联想 LENOVO", classes=[9])
PERFECT = watched_mark("pw", "Perfect World", classes=[41])


def hit(watched, text, classes=(9,), jurisdiction="US"):
    return score_pair(
        watched, published_mark("p", text, classes=classes, jurisdiction=jurisdiction)
    )


def test_pinyin_forms_are_derived_with_and_without_spaces():
    assert pinyin_forms("小米") == ("xiao mi", "xiaomi")
    assert pinyin_forms("XIAOMI") == ("", "")


@pytest.mark.parametrize(
    ("watched", "text", "rule"),
    [
        (XIAOMI, "XIAOMI", PINYIN),
        (XIAOMI, "Xiao Mi", PINYIN),
        (HUAWEI, "HUAWEI", PINYIN),
        (XIAOMI, "XIAOMY", PINYIN),
        (XIAOMI, "晓米", PINYIN),
        (XIAOMI, "小米", IDENTICAL),
        (XIAOMI, "XIAOMI-TECH", CONTAINMENT),
        (XIAOMI, "XIAOMITECH", CONTAINMENT),
        (XIAOMI, "小米科技", CONTAINMENT),
        (LENOVO, "LENOVVO", SPELLING),
        (OPPO, "OPO", SOUND),
        (HUAWEI, "HUAWAY", SOUND),
        (PERFECT, "WORLD PERFECT", TOKEN_OVERLAP),
    ],
)
def test_similar_marks_fire_with_the_rule_that_explains_them(watched, text, rule):
    found = hit(watched, text, classes=(watched.classes and min(watched.classes),))
    assert found is not None, text
    assert found.rule == rule
    assert found.score >= 80


@pytest.mark.parametrize("text", ["SMART", "TECH", "PRO MAX", "SMART TECH PRO", "GO", "MAX PLUS"])
def test_generic_words_alone_never_fire(text):
    generic = watched_mark("g", "SMART", classes=[9])
    assert generic.forms == ()
    for watched in (XIAOMI, HUAWEI, OPPO, LENOVO, generic):
        assert hit(watched, text) is None


@pytest.mark.parametrize("text", ["PLANTATION", "XIANGMAO", "MIAO", "OPERA", "HAIRDRYER"])
def test_near_misses_do_not_fire(text):
    anta = watched_mark("anta", "安踏 ANTA", classes=[9])
    for watched in (XIAOMI, HUAWEI, OPPO, anta):
        assert hit(watched, text) is None, (watched.key, text)


def test_related_classes_lower_the_score_and_unrelated_ones_stop_it():
    same = hit(XIAOMI, "XIAOMI", classes=(9,))
    near = hit(XIAOMI, "XIAOMI", classes=(35,))
    assert same.classes_in_common == (9,) and same.score == 100
    assert near.related_classes == (35,) and near.classes_in_common == () and near.score == 90
    assert hit(XIAOMI, "XIAOMI", classes=(31,)) is None


@pytest.mark.parametrize(("a", "b"), [(9, 35), (9, 38), (9, 42), (3, 5), (25, 18), (25, 35)])
def test_the_relatedness_table_is_symmetric(a, b):
    assert related(a, b) and related(b, a)
    assert related(a, a)
    assert not related(9, 31)


def test_marks_watched_only_in_some_jurisdictions_ignore_others():
    eu_only = watched_mark("x", "小米", classes=[9], jurisdictions=["EU"])
    assert hit(eu_only, "XIAOMI", jurisdiction="US") is None
    assert hit(eu_only, "XIAOMI", jurisdiction="EU") is not None


def test_the_index_finds_what_scoring_every_pair_finds():
    rng = random.Random(7)
    syllables = ["xiao", "mi", "hua", "wei", "li", "ning", "an", "ta", "bai", "du", "jing", "dong"]
    chinese = "小米华为李宁安踏百度京东美团海尔格力长城比亚迪"
    marks = [
        watched_mark(str(i), "".join(rng.sample(chinese, 2)), classes=[rng.choice([9, 25, 35])])
        for i in range(300)
    ] + [watched_mark("L" + str(i), "".join(rng.sample(syllables, 2)).upper()) for i in range(200)]
    published = [
        published_mark(
            str(i),
            rng.choice(["", "SMART ", "MY "]) + "".join(rng.sample(syllables, rng.randint(1, 3))),
            classes=[rng.choice([9, 25, 35, 18])],
        )
        for i in range(300)
    ]
    found, scored = MarkIndex(marks).match(published)
    expected, total = brute_force(marks, published)
    pairs = {(h.watched_key, h.published_key) for h in found}
    assert {(h.watched_key, h.published_key) for h in expected} <= pairs
    assert len(pairs) == len(expected) > 0
    assert scored < total / 5


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("XIAOMI", True),
        ("HAIGANG TECH", True),
        ("小米", True),
        ("SUVENEER", False),
        ("NITRO GLISSERIN", False),
        ("SMART TECH", False),
        ("A1", False),
    ],
)
def test_marks_that_read_as_pinyin_look_chinese(text, chinese):
    assert looks_chinese(text) is chinese
