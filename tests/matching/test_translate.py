"""Aligning an English party name with the characters of a Chinese name (translate.py)."""

import pytest

from oipa.matching.normalize import normalize
from oipa.matching.translate import FULL_SCORE, REVIEW_SCORE, ChineseName, align, score


def chinese(name: str) -> ChineseName:
    normal = normalize(name)
    return ChineseName(
        0,
        0,
        0,
        normal.cjk,
        frozenset(normal.words),
        normal.trades,
        normal.stated_places,
        normal.place_closure,
    )


def test_tokens_explain_the_characters_in_their_own_order():
    in_order = align("新希望", ("new", "hope"))
    reversed_ = align("新希望", ("hope", "new"))

    assert in_order.explained == 3 and in_order.used == 0b11
    assert reversed_.explained < 3


def test_two_words_of_one_meaning_explain_one_run():
    found = align("数控机床", ("cnc", "machine", "tool"))

    assert found.explained == 2 and found.uses(1) and found.uses(2) and not found.uses(0)


@pytest.mark.parametrize(
    ("party", "name"),
    [
        ("Beijing Orient Landscape & Environment Co.,Ltd.", "北京东方园林环境股份有限公司"),
        ("NEW HOPE DAIRY CO LTD", "新希望乳业股份有限公司"),
        ("DIAN DIAGNOSTICS GROUP CO., LTD.", "迪安诊断技术集团股份有限公司"),
        ("LONGI GREEN ENERGY TECHNOLOGY CO., LTD.", "隆基绿能科技股份有限公司"),
        ("RAYCLOUD TECHNOLOGY (HANGZHOU) CO.,LTD", "杭州光云科技股份有限公司"),
        ("SNOWSKY SALT INDUSTRY GROUP CO.,LTD", "雪天盐业集团股份有限公司"),
    ],
)
def test_a_name_explained_completely_with_enough_agreeing_scores_an_alert(party, name):
    assert score(normalize(party), chinese(name)) >= FULL_SCORE - 2


@pytest.mark.parametrize(
    ("party", "name"),
    [
        # One common English word for one character's name, nothing else agreeing.
        ("FUJIAN STAR-NET COMMUNICATION CO.,LTD.", "南通海星电子股份有限公司"),
        # A spelling within a slip and nothing else.
        ("Hailiang (Zhejiang) Co., Ltd", "浙江海翔药业股份有限公司"),
        # Explained, but the trades differ.
        ("Orient Securities Company Limited", "北京东方园林环境股份有限公司"),
    ],
)
def test_weak_or_contradicted_alignments_raise_no_alert(party, name):
    assert score(normalize(party), chinese(name)) < FULL_SCORE - 2


def test_a_final_industry_character_need_not_be_translated():
    value = score(normalize("Tungsten (Xiamen) Co.,Ltd."), chinese("厦门钨业股份有限公司"))

    # Explained (钨 is tungsten), but one word for one character is too little for an alert.
    assert value == REVIEW_SCORE


def test_a_name_explained_only_in_part_scores_nothing():
    party = normalize("Yuhuan Cnc Machine Tool Co Ltd")

    assert score(party, chinese("宇环数控机床股份有限公司")) == 0.0


def test_unrelated_and_generic_parties_score_nothing():
    assert score(normalize("Bank of Changsha CO.,LTD"), chinese("滨化集团股份有限公司")) == 0.0
    assert score(normalize("Acme Widgets Inc."), chinese("新希望乳业股份有限公司")) == 0.0
