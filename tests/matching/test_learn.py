"""Learning renderings of Chinese words from (Chinese name, English name) pairs."""

from oipa.matching.learn import TRADE, WORD, align, chinese_run, is_tuning, learned, spells


def test_pinyin_spellings_accept_any_reading_of_a_polyphone():
    assert spells("长海", "changhai") and spells("长海", "zhanghai")
    assert not spells("长海", "changhe")


def test_a_legal_name_loses_its_place_and_legal_form():
    assert chinese_run("深圳市华强电子网络集团股份有限公司") == "华强电子网络"


def test_alignment_pairs_unexplained_characters_with_unexplained_words():
    assert align("北方华锦化学", ("north", "huajin", "chemical")) == [
        ("北方", ("north",)),
        ("化学", ("chemical",)),
    ]


def test_words_seen_twice_are_learned_and_a_final_one_is_a_trade():
    pairs = [
        ("北方华锦化学股份有限公司", "North Huajin Chemical Co., Ltd."),
        ("北方长城化学股份有限公司", "North Changcheng Chemical Co., Ltd."),
        ("红星美凯龙家居股份有限公司", "Red Star Macalline Home Furnishing Co., Ltd."),
    ]
    rows = {run: (english, cls) for run, english, cls, _ in learned(pairs)}
    assert rows["北方"] == ("north", WORD)
    assert rows["化学"] == ("chemical", TRADE)
    assert "红星美凯龙" not in rows  # seen once


def test_the_split_into_tuning_and_held_out_parts_is_stable_and_about_half():
    codes = [f"{n:06d}.SZ" for n in range(1000)]
    tuning = [c for c in codes if is_tuning(c)]
    assert 400 < len(tuning) < 600
    assert tuning == [c for c in codes if is_tuning(c)]


def test_the_shipped_renderings_are_those_learned_from_the_tuning_half_only(shared_data):
    from oipa.matching.learn import tuning_pairs
    from oipa.matching.words import DATA_DIR

    pairs = tuning_pairs(str(shared_data / "cn_companies" / "Astock.csv"))
    shipped = [
        line.split("\t")
        for line in (DATA_DIR / "learned.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    expected = [[run, english, cls, str(count)] for run, english, cls, count in learned(pairs)]
    assert shipped == expected
