"""The staff statistics panel and the number formats statistics pages share.

{% load statistics_tags %}
{% statistics_panel queryset %}     {# the panel for a (filtered) queryset of applications #}
{{ share|percent }}  {{ median|days }}  {{ "2026-02"|month_label }}   {# None shows as "—" #}
"""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext_lazy as _

from ..statistics import summarize

register = template.Library()
DASH = "—"


@register.inclusion_tag("assistance/partials/statistics_panel.html")
def statistics_panel(queryset) -> dict:
    """Counts, medians and SLA compliance of `queryset` (a few constant queries)."""
    stats = summarize(queryset)
    groups = [
        (_("By status"), stats.by_status),
        (_("By IP type"), stats.by_ip_type),
        (_("By dispute type"), stats.by_dispute_type),
        (_("By country or office"), stats.by_country),
        (_("By district"), stats.by_district),
    ]
    return {"stats": stats, "groups": groups}


@register.filter
def percent(value: float | None) -> str:
    """A share in [0, 1] as a percentage with one decimal ("98.8%"), "—" when unknown."""
    if value is None:
        return DASH
    return f"{number_format(value * 100, 1)}%"


@register.filter
def days(value: float | None) -> str:
    """A median of working days: whole numbers without decimals, halves with one."""
    if value is None:
        return DASH
    return number_format(value, 0 if float(value).is_integer() else 1)


@register.filter
def count_or_dash(value: int | None) -> str:
    return DASH if value is None else str(value)


@register.filter
def month_label(value: str) -> str:
    """ "2026-02" as the localized year and month (2026年2月 / February 2026)."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return date_format(date(year, month, 1), "YEAR_MONTH_FORMAT")
    except (ValueError, AttributeError):
        return value
