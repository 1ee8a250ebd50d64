"""Expansion of registered names into pinyin and English forms."""

from oipa.matching.expand import PINYIN, english_forms, name_aliases, pinyin_of


def test_pinyin_has_no_tones():
    assert pinyin_of("小米") == ["xiao", "mi"]


def test_a_chinese_name_gives_pinyin_with_and_without_spaces():
    aliases = name_aliases("北京小米科技有限责任公司", "legal")
    assert {a.text for a in aliases if a.origin == PINYIN} == {"xiao mi", "xiaomi"}
    assert {a.key for a in aliases} >= {"小米", "mi xiao", "xiaomi"}


def test_english_forms_put_the_city_first_and_in_parentheses():
    assert english_forms("北京小米科技有限责任公司") == [
        "Xiaomi Technology Co., Ltd.",
        "Beijing Xiaomi Technology Co., Ltd.",
        "Xiaomi Technology (Beijing) Co., Ltd.",
    ]


def test_english_forms_translate_every_trade_word():
    assert english_forms("深圳市华强电子网络集团股份有限公司")[0] == (
        "Huaqiang Electronics Network Co., Ltd."
    )


def test_english_names_give_no_english_forms():
    assert english_forms("Xiaomi Inc.") == []


def test_seller_ids_and_domains_are_not_fuzzy_aliases():
    assert name_aliases("A1B2C3D4E5F6G7", "seller_id") == []
    assert name_aliases("mi.com", "domain") == []
