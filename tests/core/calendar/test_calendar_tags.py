"""Rendering computed dates with the provisional badge."""

from __future__ import annotations

from datetime import date

from django.template import Context, Template
from django.utils import translation

from oipa.core.calendar.working_days import WorkingDate


def _render(value) -> str:
    template = Template("{% load calendar_tags %}{{ value|working_date }}")
    with translation.override("en"):
        return template.render(Context({"value": value}))


def test_a_provisional_date_carries_a_badge_with_an_explanation():
    html = _render(WorkingDate(date(2027, 1, 6), True))
    assert '<time datetime="2027-01-06">' in html
    assert '<span class="badge badge-warn" title="No official holiday schedule' in html
    assert ">provisional</span>" in html


def test_a_settled_date_has_no_badge():
    html = _render(WorkingDate(date(2026, 10, 8), False))
    assert html == '<time datetime="2026-10-08">Oct. 8, 2026</time>'


def test_a_plain_date_renders_without_badge():
    assert "badge" not in _render(date(2026, 10, 8))


def test_nothing_renders_as_nothing():
    assert _render(None) == ""
