"""Division resolution, district search, domicile and labels, with literal values only."""

from __future__ import annotations

import pytest
from django.utils import translation

from oipa.core.regions import (
    JJJ_PROVINCES,
    beijing_districts,
    division_label,
    find_district,
    find_districts,
    is_beijing_domicile,
    jjj_province,
    province_of,
    resolve_division,
)
from oipa.core.regions.tables import current, history, provinces

BEIJING_DISTRICTS = [
    ("110101", "东城区", "Dongcheng"),
    ("110102", "西城区", "Xicheng"),
    ("110105", "朝阳区", "Chaoyang"),
    ("110106", "丰台区", "Fengtai"),
    ("110107", "石景山区", "Shijingshan"),
    ("110108", "海淀区", "Haidian"),
    ("110109", "门头沟区", "Mentougou"),
    ("110111", "房山区", "Fangshan"),
    ("110112", "通州区", "Tongzhou"),
    ("110113", "顺义区", "Shunyi"),
    ("110114", "昌平区", "Changping"),
    ("110115", "大兴区", "Daxing"),
    ("110116", "怀柔区", "Huairou"),
    ("110117", "平谷区", "Pinggu"),
    ("110118", "密云区", "Miyun"),
    ("110119", "延庆区", "Yanqing"),
]


def resolved(code: str):
    division = resolve_division(code)
    assert division is not None, code
    return division


def test_beijing_has_its_sixteen_current_districts():
    districts = beijing_districts()
    assert [(d.code, d.name) for d in districts] == [(c, n) for c, n, _ in BEIJING_DISTRICTS]
    assert all(d.city_name == "北京市" and not d.retired for d in districts)


@pytest.mark.parametrize(("code", "zh", "en"), BEIJING_DISTRICTS)
def test_it_finds_each_beijing_district_by_chinese_and_english_name(code, zh, en):
    for query in (zh, zh[:-1], f"北京市{zh}", en, en.upper(), f"{en} District", f"{en} Qu"):
        found = find_district(query)
        assert found is not None and found.code == code, query


def test_it_finds_districts_by_loose_english_spellings():
    assert resolved("110105") == find_district("chaoyang district")
    assert resolved("110108") == find_district(" Haidian  Qu ")
    assert find_district("Binhai New Area", "12") == resolved("120116")
    assert find_district("Chang'an", "13") == resolved("130102")


def test_an_ambiguous_name_finds_no_single_district():
    assert find_district("桥西区", "13") is None
    assert [d.code for d in find_districts("桥西区", "13")] == ["130104", "130703"]


def test_an_unknown_name_finds_nothing():
    assert find_district("Atlantis") is None
    assert find_district("") is None
    assert find_districts("朝阳区", "12") == []


def test_it_resolves_province_and_prefecture_level_codes():
    assert resolved("110000").name == "北京市" and resolved("110000").level == "province"
    beijing_city = resolved("110100")
    assert (beijing_city.name, beijing_city.city_name, beijing_city.district_name) == (
        "北京市",
        "北京市",
        None,
    )
    shijiazhuang = resolved("130100")
    assert (shijiazhuang.name, shijiazhuang.province_name) == ("石家庄市", "河北省")
    assert resolved("130000").city_name is None


def test_it_resolves_a_county_under_a_prefecture():
    division = resolved("130123")
    assert (division.province_name, division.city_name, division.district_name) == (
        "河北省",
        "石家庄市",
        "正定县",
    )


def test_it_resolves_qiantang_district_created_in_2021():
    assert resolved("330114").name == "钱塘区"


def test_it_resolves_retired_codes_to_their_successors():
    yanqing = resolved("110229")
    assert (yanqing.name, yanqing.retired, yanqing.successor_code) == ("延庆县", True, "110119")
    chongwen = resolved("110103")
    assert (chongwen.name, chongwen.district_name) == ("崇文区", "东城区")
    assert resolved("120107").district_name == "滨海新区"


def test_an_unknown_county_code_keeps_its_province_and_city():
    tangshan = resolved("130293")
    assert (tangshan.known, tangshan.province_code, tangshan.city_name) == (False, "13", "唐山市")
    assert resolved("210231").province_code == "21"
    assert resolved("119999").province_name == "北京市"


def test_malformed_codes_and_unknown_provinces_resolve_to_none():
    for code in ("", "1101", "11010x", "1101011", "990101", "１１０１０５"):
        assert resolve_division(code) is None, code


def test_beijing_domicile_depends_on_the_province_prefix_only():
    assert is_beijing_domicile("91110000600037341L")
    assert is_beijing_domicile("91110229MA01R14F61")
    assert is_beijing_domicile("119999")
    assert is_beijing_domicile("９１１１００００６０００３７３４１ｌ")
    assert not is_beijing_domicile("91120224064012553U")
    assert not is_beijing_domicile("91130293MA0G03BG0Q")
    assert not is_beijing_domicile("91110000600037341N")  # wrong check character
    assert not is_beijing_domicile("not a code")


def test_it_names_the_jjj_province_of_a_code():
    assert JJJ_PROVINCES == {"11": "Beijing", "12": "Tianjin", "13": "Hebei"}
    assert jjj_province("91120224064012553U") == "12"
    assert jjj_province("130293") == "13"
    assert jjj_province("91210231MA107A346U") is None


def test_it_gives_the_province_with_its_english_name():
    province = province_of("91150000MA0000000X")
    assert province is None  # invalid check character
    inner_mongolia = province_of("150100")
    assert inner_mongolia is not None
    assert (inner_mongolia.name_zh, inner_mongolia.name_en) == ("内蒙古自治区", "Inner Mongolia")
    assert province_of("45") is not None and province_of("45").name_en == "Guangxi"


def test_it_labels_divisions_in_chinese_and_english():
    chaoyang = resolved("110105")
    assert division_label(chaoyang, "zh-hans") == "北京市 朝阳区"
    assert division_label(chaoyang, "en") == "Chaoyang District, Beijing"
    zhengding = resolved("130123")
    assert division_label(zhengding, "zh-hans") == "河北省 石家庄市 正定县"
    assert division_label(zhengding, "en") == "Zhengding County, Shijiazhuang, Hebei"
    assert division_label(resolved("110229"), "en") == "Yanqing District, Beijing"
    assert division_label(resolved("130293"), "en") == "Tangshan, Hebei"


def test_the_label_follows_the_active_language_by_default():
    with translation.override("en"):
        assert division_label(resolved("120116")) == "Binhai New Area, Tianjin"
    with translation.override("zh-hans"):
        assert division_label(resolved("120116")) == "天津市 滨海新区"


def test_the_shipped_tables_are_consistent():
    rows = current()
    assert set(provinces()) == {code[:2] for code, row in rows.items() if row.level == "province"}
    assert all(row.parent in rows for row in rows.values() if row.parent)
    assert not set(rows) & set(history())
    successors = {code for row in history().values() for code in row.successors}
    assert successors <= set(rows)
