"""Different companies that share a brand word or only generic words must not raise alerts."""

import pytest

from oipa.matching import ALERT_THRESHOLD, REVIEW_THRESHOLD, EnterpriseRecord, MatchingEngine

HUAWEI = EnterpriseRecord(
    "huawei",
    ["华为技术有限公司", "Huawei Technologies Co., Ltd."],
    {"Huawei Technologies Co., Ltd.": "english"},
)
SMART = EnterpriseRecord("smart", ["北京智能科技有限公司"])
XIAOMI = EnterpriseRecord("xiaomi", ["北京小米科技有限责任公司"])


@pytest.fixture(scope="module")
def engine():
    return MatchingEngine.build([HUAWEI, SMART, XIAOMI])


def alerts(engine, party: str) -> list[str]:
    [found] = engine.match([party], threshold=ALERT_THRESHOLD, limit=5)
    return [m.enterprise_id for m in found]


@pytest.mark.parametrize(
    "party",
    [
        "深圳市华为达电子有限公司",
        "Shenzhen Huaweida Electronics Co., Ltd.",
        "东莞华为精密模具有限公司",
        "Huawei Precision Moulds (Dongguan) Co., Ltd.",
        "Huawen Technologies Co., Ltd.",
    ],
)
def test_suppliers_sharing_the_huawei_brand_word_raise_no_alert(engine, party):
    assert "huawei" not in alerts(engine, party)


def test_a_supplier_with_the_same_brand_and_another_trade_waits_for_review(engine):
    [found] = engine.match(["东莞华为精密模具有限公司"], threshold=REVIEW_THRESHOLD)
    assert [m.enterprise_id for m in found] == ["huawei"]
    assert found[0].score < ALERT_THRESHOLD


@pytest.mark.parametrize(
    "party", ["Smart Technology Co., Ltd.", "SMART TECHNOLOGY", "智能科技有限公司", "Technology"]
)
def test_generic_words_alone_raise_no_alert(engine, party):
    assert alerts(engine, party) == []


def test_a_pinyin_word_beside_an_unknown_trade_is_only_a_review_case_without_a_place(engine):
    [found] = engine.match(["Xiaomi Waterworks Co., Ltd."], threshold=REVIEW_THRESHOLD)
    assert found and found[0].enterprise_id == "xiaomi"
    assert found[0].score < ALERT_THRESHOLD


def test_huawei_itself_still_alerts_in_both_languages(engine):
    assert alerts(engine, "HUAWEI TECHNOLOGIES CO LTD") == ["huawei"]
    assert alerts(engine, "华为技术有限公司") == ["huawei"]
