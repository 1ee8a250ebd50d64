"""English names that translate the trade and place words of a Chinese-only registration."""

import pytest

from oipa.matching import ALERT_THRESHOLD, EnterpriseRecord, MatchingEngine

CHINESE_ONLY = [
    EnterpriseRecord("bos", ["上海银行股份有限公司"]),
    EnterpriseRecord("bob", ["北京银行股份有限公司"]),
    EnterpriseRecord("jinchun", ["安徽金春无纺布股份有限公司"]),
    EnterpriseRecord("changhong", ["四川长虹电器股份有限公司"]),
    EnterpriseRecord("hongyuan", ["北京元六鸿远电子科技股份有限公司"]),
    EnterpriseRecord("cqgas", ["重庆燃气集团股份有限公司"]),
    EnterpriseRecord("aerospace", ["航天工业发展股份有限公司"]),
]


@pytest.fixture(scope="module")
def engine():
    return MatchingEngine.build(CHINESE_ONLY)


def best(engine, party: str):
    [found] = engine.match([party], threshold=ALERT_THRESHOLD, limit=1)
    return found[0].enterprise_id if found else None


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        ("Bank of Shanghai Co., Ltd.", "bos"),
        ("JINCHUN NONWOVEN (ANHUI) CO.,LTD", "jinchun"),
        ("Sichuan Changhong Electric Co., Ltd.", "changhong"),
        ("Yuanliu Hongyuan Electronic Technology (Beijing) Co., Ltd.", "hongyuan"),
        ("Gas Group (Chongqing) Corporation Ltd.", "cqgas"),
    ],
)
def test_translated_trade_and_place_words_find_the_chinese_name(engine, party, expected):
    assert best(engine, party) == expected


def test_a_generic_name_without_a_place_raises_no_alert(engine):
    assert best(engine, "Bank Co., Ltd.") is None


def test_the_same_trade_in_another_city_raises_no_alert(engine):
    assert best(engine, "Bank of Tianjin Co., Ltd.") is None


def test_a_chinese_name_made_only_of_known_words_still_finds_itself(engine):
    assert best(engine, "航天工业发展股份有限公司") == "aerospace"


def test_a_different_trade_with_the_same_distinctive_part_raises_no_alert(engine):
    assert best(engine, "Changhong Pharmaceutical (Sichuan) Co., Ltd.") is None
