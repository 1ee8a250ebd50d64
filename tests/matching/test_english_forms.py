"""English forms of Chinese-only registrations: polyphones, postal spellings, learned words,
and the brand part of a name whose trade the word tables do not know."""

import pytest

from oipa.matching import ALERT_THRESHOLD, REVIEW_THRESHOLD, EnterpriseRecord, MatchingEngine
from oipa.matching.expand import is_pinyin, pinyin_variants, translated
from oipa.matching.normalize import normalize

RECORDS = [
    EnterpriseRecord("changhai", ["江苏长海复合材料股份有限公司"]),
    EnterpriseRecord("hongcheng", ["江西洪城水业股份有限公司"]),
    EnterpriseRecord("huajin", ["北方华锦化学工业股份有限公司"]),
    EnterpriseRecord("moutai", ["贵州茅台酒股份有限公司"]),
]


@pytest.fixture(scope="module")
def engine():
    return MatchingEngine.build(RECORDS)


def best(engine, party: str, threshold: float = ALERT_THRESHOLD):
    [found] = engine.match([party], threshold=threshold, limit=1)
    return found[0] if found else None


def test_a_polyphone_is_also_read_its_other_way():
    assert ["chang", "hai"] in pinyin_variants("长海")


def test_the_company_reading_of_a_polyphone_finds_the_chinese_name(engine):
    match = best(engine, "Jiangsu Changhai Composite Materials Co.,Ltd")
    assert (match.enterprise_id, match.rule) == ("changhai", "pinyin")


def test_postal_spellings_of_places_are_places():
    assert normalize("Kweichow Moutai Co., Ltd.").stated_places == {"guizhou"}
    assert normalize("Tientsin Trading Co.").stated_places == {"tianjin"}


def test_learned_words_are_translated_and_the_rest_spelt_in_pinyin():
    assert translated("北方华锦") == ["north", "huajin"]
    assert translated("华锦") == []


def test_a_learned_translation_finds_the_chinese_name(engine):
    assert best(engine, "North Huajin Chemical Industries Co.,Ltd").enterprise_id == "huajin"


def test_pinyin_words_are_told_from_english_ones():
    assert is_pinyin("hongcheng") and is_pinyin("xian")
    assert not is_pinyin("waterworks") and not is_pinyin("capacitor")


def test_the_brand_part_with_the_same_place_alerts(engine):
    match = best(engine, "Jiangxi Hongcheng Waterworks Ltd.")
    assert match.enterprise_id == "hongcheng"
    assert match.rule in {"pinyin_head", "pinyin"}


def test_the_brand_part_without_a_place_is_a_review_case(engine):
    assert best(engine, "Hongcheng Waterworks Ltd.") is None
    match = best(engine, "Hongcheng Waterworks Ltd.", threshold=REVIEW_THRESHOLD)
    assert match.enterprise_id == "hongcheng"
