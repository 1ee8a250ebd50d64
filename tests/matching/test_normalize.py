"""Normalization: width, script, case, punctuation, legal forms, places and trade words."""

from oipa.matching.normalize import fold, identifier, normalize


def test_it_folds_full_width_to_half_width_and_lower_case():
    assert fold("ＸＩＡＯＭＩ　Ｉｎｃ．") == "xiaomi inc."


def test_it_turns_traditional_characters_into_simplified_ones():
    assert normalize("小米科技有限責任公司").cjk == "小米"


def test_it_strips_chinese_legal_forms():
    for name in [
        "小米有限公司",
        "小米股份有限公司",
        "小米有限责任公司",
        "小米集团",
        "小米集团股份有限公司",
    ]:
        assert normalize(name).key == "小米", name


def test_it_strips_english_legal_forms_however_punctuated():
    names = [
        "Xiaomi Co., Ltd.",
        "XIAOMI CO.,LTD",
        "Xiaomi Company Limited",
        "Xiaomi LLC",
        "Xiaomi Inc.",
        "Xiaomi Corp.",
        "Xiaomi Corporation",
        "Xiaomi GmbH",
        "Xiaomi S.A.",
        "Xiaomi Limited",
        "Xiaomi Ltd",
    ]
    assert {normalize(n).key for n in names} == {"xiaomi"}


def test_it_sets_places_aside_wherever_they_stand():
    for name in ["Beijing Xiaomi Technology", "Xiaomi Technology (Beijing)", "北京市小米科技"]:
        normal = normalize(name)
        assert normal.places == ("beijing",), name
        assert normal.stated_places == frozenset({"beijing"})


def test_it_reads_trade_words_in_both_languages_as_one_canonical_word():
    assert normalize("小米科技").trades == normalize("Xiaomi Sci-Tech").trades == {"technology"}
    assert normalize("华为技术").trades == normalize("Huawei Technologies").trades


def test_it_reads_ampersand_as_and_inside_phrases():
    normal = normalize("Ningbo Haitian Import & Export Co., Ltd.")
    assert normal.key == "haitian"
    assert "import and export" in normal.words


def test_it_drops_punctuation_and_apostrophes():
    assert normalize("Xi'an O-Film, Inc.").key == "film o"


def test_it_marks_names_with_nothing_distinctive_as_generic():
    normal = normalize("China Electronics Co.")
    assert normal.generic
    assert normal.key == "electronics"
    assert not normalize("China Electronics Huada Technology").generic


def test_it_sorts_distinctive_tokens_so_order_does_not_matter():
    assert normalize("Great Wall Motor").key == normalize("Wall Great Motor Co").key


def test_identifiers_lose_scheme_www_path_case_and_punctuation():
    assert identifier("https://www.Mi.com/store") == identifier("MI.COM") == "micom"
    assert identifier("Xiaomi-Official Store") == "xiaomiofficialstore"
