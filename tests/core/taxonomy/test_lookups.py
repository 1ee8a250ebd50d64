"""IPC symbol normalization and the choice lists."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from oipa.core.taxonomy.loader import sync_reference_data
from oipa.core.taxonomy.lookups import (
    ipc_ancestors,
    ipc_level,
    jurisdiction_choices,
    nice_choices,
    normalize_ipc,
)
from oipa.core.taxonomy.models import Jurisdiction


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("H04W 4/00", "H04W"),
        ("h04w", "H04W"),
        ("H04W0004000000", "H04W"),
        ("  H04W  4 / 005 ", "H04W"),
        ("H04W 4/00 (2009.01)", "H04W"),
        ("A61K", "A61K"),
        ("a61", "A61"),
        ("G", "G"),
        ("H04Z 1/00", "H04"),
        ("H77", "H"),
    ],
)
def test_normalize_ipc_resolves_the_longest_known_prefix(raw, expected):
    assert normalize_ipc(raw) == expected


@pytest.mark.parametrize("raw", ["", "hello", "Z01", "1234", "H4W", "H04W/00", "H04W 4/00 extra"])
def test_normalize_ipc_rejects_nonsense_with_a_localized_error(raw):
    with pytest.raises(ValidationError) as excinfo, translation.override("en"):
        normalize_ipc(raw)
    assert excinfo.value.code == "invalid_ipc"
    assert "is not a valid IPC symbol" in excinfo.value.messages[0]


def test_ipc_ancestors_lists_the_section_class_and_subclass():
    assert ipc_ancestors("H04W") == ["H", "H04", "H04W"]
    assert ipc_ancestors("h04w 4/00") == ["H", "H04", "H04W"]
    assert ipc_ancestors("A61") == ["A", "A61"]
    assert ipc_ancestors("B") == ["B"]


def test_ipc_level_names_the_level_of_the_normalized_symbol():
    assert ipc_level("H") == "section"
    assert ipc_level("H04") == "class"
    assert ipc_level("H04W 4/00") == "subclass"


def test_nice_choices_number_the_classes_in_the_active_language():
    with translation.override("en"):
        choices = nice_choices()
    assert [number for number, _ in choices] == list(range(1, 46))
    assert choices[34][1].startswith("Class 35: Advertising")
    with translation.override("zh-hans"):
        assert "广告" in dict(nice_choices())[35]


def test_jurisdiction_choices_put_offices_first_and_hide_inactive_ones():
    Jurisdiction.objects.filter(code="AQ").update(is_active=False)
    with translation.override("zh-hans"):
        choices = jurisdiction_choices()
    codes = [code for code, _ in choices]
    assert codes[0] == "WO"
    assert set(codes[1:3]) == {"EU", "EP"}
    assert "AQ" not in codes
    assert dict(choices)["US"] == "美国"


def test_the_loader_clears_the_cached_symbols():
    assert normalize_ipc("H04W") == "H04W"
    sync_reference_data()
    assert normalize_ipc("H04W") == "H04W"
