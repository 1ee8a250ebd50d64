"""CC-CEDICT read as English meanings of Chinese words."""

import io

from oipa.matching import glossary
from oipa.matching.glossary import meaning_words, meanings, read_definitions

SAMPLE = """# CC-CEDICT
#! version=1
東方 东方 [Dong1 fang1] /the East/the Orient/two-character surname Dongfang/
東方 东方 [dong1 fang1] /east/
萬科 万科 [Wan4 ke1] /Vanke, large Chinese real estate company, founded in 1984/
園林 园林 [yuan2 lin2] /gardens/park/landscape garden/
中華人民共和國 中华人民共和国 [Zhong1 hua2 Ren2 min2 Gong4 he2 guo2] /People's Republic of China/
"""


def test_definitions_are_read_by_simplified_word_and_joined_across_entries():
    found = read_definitions(io.StringIO(SAMPLE))

    assert set(found) == {"东方", "万科", "园林"}
    assert "Orient" in found["东方"] and "east" in found["东方"]


def test_short_meanings_give_their_words():
    assert meaning_words("(physics) energy") == {"energy"}
    assert meaning_words("landscape garden") == {"landscape", "garden"}
    assert meaning_words("to wish for") == {"wish"}


def test_long_explanations_and_cross_references_give_nothing():
    assert meaning_words("Vanke, large Chinese real estate company, founded in 1984") == {
        "vanke",
        "founded",
    }
    assert meaning_words("surname Neng") == set()
    assert meaning_words("two-character surname Dongfang") == set()
    assert meaning_words("variant of 乾[gan1]") == set()
    assert meaning_words("CL:個|个[ge4]") == set()


def test_the_installed_dictionary_knows_company_words_and_brands():
    assert {"orient", "east"} <= meanings("东方")
    assert "landscape" in meanings("园林")
    assert "vanke" in meanings("万科")
    assert "midea" in meanings("美的")
    assert meanings("不是一个词") == frozenset()


def test_without_the_dictionary_package_there_are_no_meanings(monkeypatch):
    monkeypatch.setattr(glossary, "PACKAGE", "no_such_dictionary_package")
    glossary.definitions.cache_clear()
    glossary.meanings.cache_clear()
    try:
        assert glossary.dictionary_path() is None
        assert meanings("东方") == frozenset()
    finally:
        monkeypatch.undo()
        glossary.definitions.cache_clear()
        glossary.meanings.cache_clear()
    assert "orient" in meanings("东方")
