"""Dockets that translate a Chinese-only registration word by word (rule "translated")."""

import pytest

from oipa.matching import ALERT_THRESHOLD, REVIEW_THRESHOLD, EnterpriseRecord, MatchingEngine

CHINESE_ONLY = [
    EnterpriseRecord("orient", ["北京东方园林环境股份有限公司"]),
    EnterpriseRecord("newhope", ["新希望乳业股份有限公司", "新乳业"], {"新乳业": "former"}),
    EnterpriseRecord("dian", ["迪安诊断技术集团股份有限公司"]),
    EnterpriseRecord("longi", ["隆基绿能科技股份有限公司"]),
    EnterpriseRecord("raycloud", ["杭州光云科技股份有限公司"]),
    EnterpriseRecord("yuhuan", ["宇环数控机床股份有限公司"]),
    EnterpriseRecord("starfish", ["南通海星电子股份有限公司"]),
    EnterpriseRecord("tungsten", ["厦门钨业股份有限公司"]),
    EnterpriseRecord("jinling", ["金陵饭店股份有限公司"]),
]
# Registered with its English name: that name is compared, no translation is guessed.
WITH_ENGLISH = EnterpriseRecord(
    "snowsky",
    ["雪天盐业集团股份有限公司", "Hunan Salt Industry Co., Ltd."],
    {"Hunan Salt Industry Co., Ltd.": "english"},
)


@pytest.fixture(scope="module")
def engine():
    return MatchingEngine.build([*CHINESE_ONLY, WITH_ENGLISH])


def alert(engine, party: str):
    [found] = engine.match([party], threshold=ALERT_THRESHOLD, limit=1)
    return found[0] if found else None


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        ("Beijing Orient Landscape & Environment Co.,Ltd.", "orient"),
        ("NEW HOPE DAIRY CO LTD", "newhope"),
        ("DIAN DIAGNOSTICS GROUP CO., LTD.", "dian"),
        ("RAYCLOUD TECHNOLOGY (HANGZHOU) CO.,LTD", "raycloud"),
        # Pinyin for 金陵, and the trade word "Hotel" for 饭店, which the name keeps.
        ("JINLING HOTEL CORPORATION, LTD.", "jinling"),
    ],
)
def test_a_translated_name_alerts_its_chinese_only_enterprise(engine, party, expected):
    found = alert(engine, party)

    assert found is not None and found.enterprise_id == expected
    assert found.rule == "translated" and found.alias_kind == "legal"


def test_the_match_names_the_chinese_name_that_was_translated(engine):
    found = alert(engine, "NEW HOPE DAIRY CO LTD")

    assert found.alias == "新希望乳业股份有限公司"


def test_a_complete_translation_with_too_little_else_agreeing_goes_to_review(engine):
    [found] = engine.match(["Tungsten (Xiamen) Co.,Ltd."], threshold=REVIEW_THRESHOLD)

    assert [m.enterprise_id for m in found] == ["tungsten"]
    assert REVIEW_THRESHOLD <= found[0].score < ALERT_THRESHOLD


def test_a_trade_the_name_neither_states_nor_translates_goes_to_review(engine):
    [found] = engine.match(["Jinling Hotel Logistics Co., Ltd."], threshold=REVIEW_THRESHOLD)

    assert [m.enterprise_id for m in found] == ["jinling"]
    assert found[0].score < ALERT_THRESHOLD


def test_a_name_translated_only_in_part_is_not_matched(engine):
    [found] = engine.match(["Yuhuan Cnc Machine Tool Co Ltd"], threshold=REVIEW_THRESHOLD)

    assert found == []


@pytest.mark.parametrize(
    "party",
    [
        "FUJIAN STAR-NET COMMUNICATION CO.,LTD.",  # one common word for 海星, other trades
        "Orient Securities Company Limited",  # 东方, but securities is not landscaping
        "Southwest Securities Co.,Ltd.",
        "New Hope Liuhe Co., Ltd.",  # 新希望 of another group: 六和 is not explained
    ],
)
def test_near_translations_raise_no_alert(engine, party):
    assert alert(engine, party) is None


def test_enterprises_with_an_english_name_are_not_translated(engine):
    assert alert(engine, "SNOWSKY SALT INDUSTRY GROUP CO.,LTD") is None
    assert alert(engine, "Hunan Salt Industry Co., Ltd.").enterprise_id == "snowsky"


def test_a_confident_match_by_another_rule_is_not_second_guessed(engine):
    found = alert(engine, "新希望乳业股份有限公司")

    assert found.enterprise_id == "newhope" and found.rule == "exact_name"
