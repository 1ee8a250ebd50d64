"""The shipped reference data: counts, bilingual titles and agreement with the public sources."""

import json

import pytest

from oipa.core.taxonomy.choices import IPCLevel, JurisdictionKind, NiceKind
from oipa.core.taxonomy.models import Industry, IPCEntry, Jurisdiction, NiceClass


def test_it_ships_the_45_nice_classes_split_into_goods_and_services():
    assert NiceClass.objects.count() == 45
    assert NiceClass.objects.filter(kind=NiceKind.GOODS).count() == 34
    services = NiceClass.objects.filter(kind=NiceKind.SERVICES)
    assert set(services.values_list("number", flat=True)) == set(range(35, 46))


def test_it_ships_ipc_sections_classes_and_subclasses():
    counts = {level: IPCEntry.objects.filter(level=level).count() for level in IPCLevel.values}
    assert counts == {"section": 8, "class": 131, "subclass": 645}


def test_it_ships_the_20_industry_sections_a_to_t():
    assert "".join(Industry.objects.values_list("code", flat=True)) == "ABCDEFGHIJKLMNOPQRST"
    assert not Industry.objects.filter(title_zh="").exists()
    assert not Industry.objects.filter(title_en="").exists()


def test_it_ships_every_iso_country_plus_the_offices():
    assert Jurisdiction.objects.filter(kind=JurisdictionKind.COUNTRY).count() >= 249
    offices = Jurisdiction.objects.exclude(kind=JurisdictionKind.COUNTRY)
    kinds = dict(offices.values_list("code", "kind"))
    assert kinds["EU"] == JurisdictionKind.REGIONAL_OFFICE
    assert kinds["WO"] == JurisdictionKind.INTERNATIONAL_OFFICE


def test_every_country_has_a_chinese_title():
    assert not Jurisdiction.objects.filter(title_zh="").exists()


def test_china_and_the_united_states_have_their_chinese_names():
    assert Jurisdiction.objects.get(code="CN").title_zh == "中国"
    assert Jurisdiction.objects.get(code="US").title_zh == "美国"
    assert Jurisdiction.objects.get(code="US").alpha3 == "USA"


def test_every_nice_class_and_ipc_section_and_class_has_both_titles():
    for model, entries in (
        (NiceClass, NiceClass.objects.all()),
        (IPCEntry, IPCEntry.objects.exclude(level=IPCLevel.SUBCLASS)),
    ):
        assert not entries.filter(title_en="").exists(), model
        assert not entries.filter(title_zh="").exists(), model


def test_every_ipc_entry_below_a_section_points_at_its_parent():
    for entry in IPCEntry.objects.select_related("parent"):
        if entry.level == IPCLevel.SECTION:
            assert entry.parent is None
        else:
            assert entry.parent.symbol == entry.symbol[: 1 if entry.level == IPCLevel.CLASS else 3]


def test_the_english_nice_headings_agree_with_the_published_ones(shared_data):
    published = json.loads((shared_data / "nice" / "classes.json").read_text(encoding="utf-8"))
    shipped = dict(NiceClass.objects.values_list("number", "title_en"))
    assert shipped == {entry["number"]: entry["heading"] for entry in published}


def test_the_english_ipc_titles_agree_with_wipo(shared_data):
    path = shared_data / "ipc" / "all_ipc_sections_classes_subclasses.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    published = dict(line.split("\t", 1) for line in lines)
    assert dict(IPCEntry.objects.values_list("symbol", "title_en")) == published


@pytest.mark.parametrize(
    ("symbol", "title_zh"), [("H", "电学"), ("H04", "电通信技术"), ("A61", "医学或兽医学；卫生学")]
)
def test_ipc_chinese_titles_use_the_standard_names(symbol, title_zh):
    assert IPCEntry.objects.get(symbol=symbol).title_zh == title_zh
