"""USCC normalization, validation messages and parsing, with literal values only."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.functional import Promise
from stdnum.cn.uscc import calc_check_digit

from oipa.core.regions import normalize_uscc, parse_uscc


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked by their English source text."""
    with translation.override("en"):
        yield


def with_check(first17: str) -> str:
    """A code whose check character is right, so only the part under test varies."""
    return first17 + calc_check_digit(first17)


def error_of(value: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        parse_uscc(value)
    return caught.value


def test_it_normalizes_spaces_hyphens_lower_case_and_full_width():
    assert normalize_uscc(" 9111 0000-6000 3734 1l ") == "91110000600037341L"
    assert normalize_uscc("９１１１００００６０００３７３４１Ｌ") == "91110000600037341L"


def test_it_parses_a_beijing_enterprise_into_its_parts():
    uscc = parse_uscc("91110000600037341l")
    assert uscc.code == "91110000600037341L"
    assert (uscc.registration_authority, uscc.entity_type) == ("9", "1")
    assert (uscc.division_code, uscc.org_code) == ("110000", "600037341")
    assert uscc.province_code == "11"
    assert uscc.division is not None and uscc.division.province_name == "北京市"


def test_it_labels_the_registration_authority_and_entity_type():
    uscc = parse_uscc(with_check("92110105MA0000000"))
    assert str(uscc.registration_authority_label) == "Market regulation (industry and commerce)"
    assert str(uscc.entity_type_label) == "Individual business"
    assert parse_uscc("121200004013590816").entity_type_label == "Public institution"


def test_it_rejects_a_wrong_length_with_uscc_length():
    error = error_of("12345")
    assert error.code == "uscc_length"
    assert "5" in error.messages[0]


def test_it_rejects_a_letter_in_the_first_eight_characters_with_uscc_format():
    error = error_of("A1110000600037341L")
    assert error.code == "uscc_format"
    assert "first eight" in error.messages[0]


def test_it_names_the_forbidden_letters_it_found():
    error = error_of("9111000060003IOZSV")
    assert error.code == "uscc_format"
    assert "I, O, Z, S, V" in error.messages[0]


def test_it_rejects_other_foreign_characters_with_uscc_format():
    error = error_of("91110000600037341#")
    assert error.code == "uscc_format"
    assert "#" in error.messages[0]


def test_it_rejects_a_wrong_check_character_with_uscc_checksum():
    assert error_of("91110000600037341N").code == "uscc_checksum"


def test_each_kind_of_mistake_has_its_own_translatable_message():
    errors = [
        error_of(value)
        for value in ("12345", "9111000060003IOZSV", "A1110000600037341L", "91110000600037341N")
    ]
    assert len({e.messages[0] for e in errors}) == 4
    assert all(isinstance(e.message, Promise) for e in errors)


def test_an_unknown_division_code_never_rejects_a_valid_code():
    for code in ("91130293MA0G03BG0Q", "91210231MA107A346U", with_check("91130199MA0000000")):
        uscc = parse_uscc(code)
        assert uscc.division is not None
        assert uscc.division.known is False
        assert uscc.division.province_code == code[2:4]


def test_an_unknown_province_prefix_still_parses_without_a_division():
    uscc = parse_uscc(with_check("91990000MA0000000"))
    assert uscc.division is None
    assert uscc.province_code == "99"


def test_the_retired_yanqing_county_code_resolves_through_history():
    division = parse_uscc("91110229MA01R14F61").division
    assert division is not None
    assert division.retired and division.name == "延庆县"
    assert (division.successor_code, division.district_name) == ("110119", "延庆区")
