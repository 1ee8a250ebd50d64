"""The text form of holidays that admins type."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from oipa.core.calendar.schedule_text import format_schedule_text, parse_schedule_text


def _errors(text: str) -> list[str]:
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        parse_schedule_text(text)
    return caught.value.messages


def test_it_reads_single_days_ranges_blank_lines_and_comments():
    text = "# 2027\n\n2027-01-01 元旦\n2027-02-06..2027-02-08 春节  # three days\n"
    assert parse_schedule_text(text) == [
        (date(2027, 1, 1), "元旦"),
        (date(2027, 2, 6), "春节"),
        (date(2027, 2, 7), "春节"),
        (date(2027, 2, 8), "春节"),
    ]


def test_a_name_is_optional():
    assert parse_schedule_text("2027-05-01") == [(date(2027, 5, 1), "")]


def test_an_empty_text_is_an_empty_list():
    assert parse_schedule_text("  \n# nothing yet\n") == []


def test_an_unreadable_line_is_named_by_its_number():
    assert _errors("2027-01-01 元旦\n\nFebruary 6 春节") == [
        "Line 3: expected “YYYY-MM-DD name” or “YYYY-MM-DD..YYYY-MM-DD name”."
    ]


def test_an_impossible_date_is_named_by_its_line():
    assert _errors("2027-02-30 春节") == ["Line 1: not a valid date."]


def test_a_backwards_range_is_named_by_its_line():
    assert _errors("# x\n2027-02-12..2027-02-06 春节") == [
        "Line 2: the range ends before it starts."
    ]


def test_an_overlong_range_is_refused():
    assert _errors("2027-02-06..2027-12-31 春节") == ["Line 1: a range may span at most 31 days."]


def test_a_date_listed_twice_names_both_lines():
    assert _errors("2027-02-06..2027-02-08 春节\n2027-02-08 春节") == [
        "Line 2: 2027-02-08 is already listed on line 1."
    ]


def test_every_bad_line_is_reported():
    assert len(_errors("x\n2027-13-01 y\n2027-01-01 元旦")) == 2


def test_formatting_joins_consecutive_days_of_one_festival():
    days = parse_schedule_text("2027-02-06..2027-02-12 春节\n2027-01-01 元旦\n2027-01-02")
    assert format_schedule_text(days) == "2027-01-01 元旦\n2027-01-02\n2027-02-06..2027-02-12 春节"
    assert parse_schedule_text(format_schedule_text(days)) == sorted(days)
