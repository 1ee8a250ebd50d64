"""Showing computed working dates the same way everywhere.

{% load calendar_tags %}
{{ deadline|working_date }}        {# a WorkingDate, a WorkingCount's date or a plain date #}
{% provisional_badge %}            {# the badge alone #}
"""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def provisional_badge() -> SafeString:
    """A "provisional" badge whose title explains why the date may still change."""
    return format_html(
        '<span class="badge badge-warn" title="{}">{}</span>',
        _(
            "No official holiday schedule is known yet for this year: only weekends were "
            "skipped. The date may change once the Center enters the year's schedule."
        ),
        _("provisional"),
    )


@register.filter
def working_date(value, fmt: str = "DATE_FORMAT") -> SafeString | str:
    """`value` (a WorkingDate or a date) as a <time> element, with the provisional badge when
    the computation consulted a year without a known schedule."""
    if value is None or value == "":
        return ""
    day: date = getattr(value, "date", value)
    html = format_html('<time datetime="{}">{}</time>', day.isoformat(), date_format(day, fmt))
    if getattr(value, "provisional", False):
        return format_html("{} {}", html, provisional_badge())
    return html
