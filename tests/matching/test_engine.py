"""The engine through its entry point: matches, rules, explanations and near-misses."""

import pytest

from oipa.matching import (
    ALERT_THRESHOLD,
    REVIEW_THRESHOLD,
    EnterpriseRecord,
    Match,
    MatchingEngine,
    match_parties,
)

XIAOMI = EnterpriseRecord(
    "xiaomi",
    [
        "小米科技有限责任公司",
        "Xiaomi Inc.",
        "Mi",
        "Xiaomi Official Store",
        "A2XKJ9QWERTY1",
        "mi.com",
    ],
    {
        "Xiaomi Inc.": "english",
        "Mi": "brand",
        "Xiaomi Official Store": "store",
        "A2XKJ9QWERTY1": "seller_id",
        "mi.com": "domain",
    },
)
ONEPLUS = EnterpriseRecord(
    "oneplus",
    ["深圳市万普拔克科技有限公司", "OnePlus Technology (Shenzhen) Co., Ltd."],
    {"OnePlus Technology (Shenzhen) Co., Ltd.": "english"},
)
XIAOMA = EnterpriseRecord("xiaoma", ["北京小马科技有限公司"])
HUAWEI = EnterpriseRecord(
    "huawei",
    ["华为技术有限公司", "Huawei Technologies Co., Ltd."],
    {"Huawei Technologies Co., Ltd.": "english"},
)
HUADA = EnterpriseRecord("huada", ["北京中电华大电子设计有限责任公司"])


@pytest.fixture(scope="module")
def engine():
    return MatchingEngine.build([XIAOMI, ONEPLUS, XIAOMA, HUAWEI, HUADA])


def best(engine, party):
    found = engine.match([party])[0]
    return found[0] if found else None


@pytest.mark.parametrize(
    "party",
    [
        "小米科技有限责任公司",
        "Xiaomi Inc.",
        "Beijing Xiaomi Technology Co., Ltd.",
        "XIAOMI TECHNOLOGY (BEIJING) CO LTD",
        "小米科技有限責任公司",
        "Xiao Mi Tech Co",
    ],
)
def test_it_recognises_xiaomi_in_every_language(engine, party):
    match = best(engine, party)
    assert match.enterprise_id == "xiaomi"
    assert match.score >= ALERT_THRESHOLD


def test_it_matches_the_chinese_name_to_the_generated_english_form(engine):
    match = best(engine, "Wanpubake Technology (Shenzhen) Co., Ltd.")
    assert (match.enterprise_id, match.rule) == ("oneplus", "english_form")
    assert match.alias == "Wanpubake Technology (Shenzhen) Co., Ltd."


def test_it_matches_oneplus_by_its_registered_english_name(engine):
    match = best(engine, "OnePlus Technology (Shenzhen) Co., Ltd.")
    assert match == Match(
        "oneplus",
        "OnePlus Technology (Shenzhen) Co., Ltd.",
        "OnePlus Technology (Shenzhen) Co., Ltd.",
        "english",
        "exact_name",
        100.0,
    )


def test_it_matches_bare_pinyin_with_the_pinyin_rule(engine):
    match = best(engine, "XIAOMA")
    assert (match.enterprise_id, match.rule, match.alias_kind) == ("xiaoma", "pinyin", "legal")


def test_it_matches_reordered_names(engine):
    assert best(engine, "Technologies Huawei Co., Ltd.").enterprise_id == "huawei"
    assert best(engine, "Xiaomi Technology Co., Ltd., Beijing, China").enterprise_id == "xiaomi"


@pytest.mark.parametrize(
    ("party", "kind"),
    [
        ("XIAOMI OFFICIAL STORE", "store"),
        ("a2xkj9qwerty1", "seller_id"),
        ("https://www.mi.com/", "domain"),
        ("MI", "brand"),
    ],
)
def test_it_matches_identifiers_exactly(engine, party, kind):
    match = best(engine, party)
    assert (match.enterprise_id, match.rule, match.alias_kind, match.score) == (
        "xiaomi",
        "exact_id",
        kind,
        100.0,
    )


@pytest.mark.parametrize(
    "party",
    [
        "Beijing Xiaoma Technology Co., Ltd.",
        "Huawen Technologies Co., Ltd.",
        "China Electronics Co.",
        "Xiaomi Pharmaceutical Co., Ltd.",
        "A2XKJ9QWERTY2",
    ],
)
def test_near_misses_stay_below_the_alert_threshold(engine, party):
    wrong = {"Beijing Xiaoma Technology Co., Ltd.": "xiaomi"}.get(party)
    for match in engine.match([party], threshold=0.0, limit=10)[0]:
        if match.enterprise_id != wrong or wrong is None:
            assert match.enterprise_id == "xiaoma" or match.score < ALERT_THRESHOLD, match


def test_a_generic_name_is_at_most_a_review_case():
    engine = MatchingEngine.build([EnterpriseRecord("cec", ["中国电子信息产业集团有限公司"])])
    match = best(engine, "China Electronics Information Industry Group")
    assert match is not None and REVIEW_THRESHOLD <= match.score < ALERT_THRESHOLD


def test_it_returns_the_best_match_per_enterprise_best_first_within_the_limit(engine):
    found = engine.match(["Xiaomi Technology Co., Ltd."], limit=2)[0]
    assert [m.enterprise_id for m in found] == ["xiaomi", "xiaoma"]
    assert found[0].score > found[1].score
    assert engine.match(["Xiaomi Technology Co., Ltd."], limit=1)[0][0].enterprise_id == "xiaomi"


def test_it_explains_every_match(engine):
    match = best(engine, "Xiaomi Technology (Beijing) Co., Ltd.")
    assert match.party == "Xiaomi Technology (Beijing) Co., Ltd."
    assert match.alias in {"Xiaomi Inc.", "Xiaomi Technology Co., Ltd."}
    assert match.alias_kind in {"english", "legal"}
    assert match.rule in {"exact_name", "english_form"}


def test_it_returns_one_list_per_party_even_when_nothing_matches(engine):
    assert engine.match(["Acme Widgets LLC", "", "Xiaomi"])[:2] == [[], []]


def test_an_empty_engine_matches_nothing():
    assert MatchingEngine.build([]).match(["Xiaomi Inc.", "小米"]) == [[], []]


def test_match_parties_builds_and_matches_in_one_call():
    [[match]] = match_parties([ONEPLUS], ["OnePlus Technology (Shenzhen) Co., Ltd."])
    assert match.enterprise_id == "oneplus"


def test_a_lower_threshold_still_finds_longer_fuzzy_names():
    engine = MatchingEngine.build(
        [
            EnterpriseRecord(
                "e", ["Zhongguancun Shuzi Keji Co."], {"Zhongguancun Shuzi Keji Co.": "english"}
            )
        ]
    )
    found = engine.match(["Zhonguancun Shuzhi Keji"], threshold=60.0)[0]
    assert found and found[0].rule == "fuzzy"
