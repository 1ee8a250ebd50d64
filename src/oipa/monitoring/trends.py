"""Dispute trends against JJJ enterprises (Art. 15): counts by month, jurisdiction, IP type,
nature of suit and industry, and their Excel export.

Counted are disputes with at least one alertable match on a defendant or respondent, each once
per bucket. A dispute's date is its filing date, else the day it was first seen. Organizations
carry no industry yet, so a dispute's industries are those of the guidance applications its
matched registered enterprises filed (their latest application with an industry); a dispute
with none is counted under "Unknown". A dispute naming enterprises of two industries counts in
both, so the industry table may sum to more than the total.
"""

from __future__ import annotations

import io
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from oipa.assistance.models import Application
from oipa.core.taxonomy.choices import IPType
from oipa.core.taxonomy.models import Industry, Jurisdiction

from .models import DEFENDANT_ROLES, IP_NATURES, Dispute, PartyMatch

NATURE_IP_TYPES = {
    "820": IPType.COPYRIGHT,
    "830": IPType.PATENT,
    "835": IPType.PATENT,
    "840": IPType.TRADEMARK,
}
UNKNOWN = ""
DIMENSIONS = ("month", "jurisdiction", "ip_type", "nature", "industry")


def ip_type_of(nature_code: str) -> str:
    """The IP type (taxonomy IPType value) of a US nature-of-suit code, or "" when not IP."""
    return str(NATURE_IP_TYPES.get(nature_code, ""))


@dataclass(frozen=True)
class Row:
    """One bucket of one dimension: its stable value, its label, the number of disputes."""

    value: str
    label: str
    count: int


@dataclass
class Trends:
    """The total and, per dimension, the buckets in display order."""

    total: int
    tables: dict[str, list[Row]]

    def chart_data(self) -> dict[str, Any]:
        """The JSON handed to the page's charts: {dimension: {labels, values}}."""
        return {
            name: {"labels": [r.label for r in rows], "values": [r.count for r in rows]}
            for name, rows in self.tables.items()
        }


def dimension_titles() -> dict[str, str]:
    return {
        "month": _("Month"),
        "jurisdiction": _("Jurisdiction"),
        "ip_type": _("IP type"),
        "nature": _("Nature of suit"),
        "industry": _("Industry"),
    }


def _date(dispute: Dispute) -> date:
    return dispute.filed_on or dispute.first_seen_at.date()


def disputes_against_jjj(start: date | None = None, end: date | None = None) -> list[Dispute]:
    """Disputes with an alertable defendant-side match, dated within [start, end]."""
    ids = (
        PartyMatch.objects.alertable()
        .filter(party__role__in=DEFENDANT_ROLES)
        .values_list("party__dispute_id", flat=True)
    )
    disputes = Dispute.objects.filter(pk__in=ids).order_by("pk")
    return [
        d
        for d in disputes
        if (start is None or _date(d) >= start) and (end is None or _date(d) <= end)
    ]


def _months(dates: list[date]) -> list[str]:
    """Every month from the earliest to the latest date, as YYYY-MM (zero months included)."""
    if not dates:
        return []
    year, month = min(dates).year, min(dates).month
    last = (max(dates).year, max(dates).month)
    months = []
    while (year, month) <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _industries(disputes: list[Dispute]) -> dict[int, set[str]]:
    """Industry codes per dispute, from the matched organizations' latest applications."""
    matches = (
        PartyMatch.objects.alertable()
        .filter(party__role__in=DEFENDANT_ROLES, party__dispute__in=disputes)
        .exclude(organization=None)
        .values_list("party__dispute_id", "organization_id")
    )
    latest: dict[int, str] = {}
    applications = (
        Application.objects.filter(applicant_id__in={org for _d, org in matches})
        .exclude(industry=None)
        .order_by("created_at", "pk")
        .values_list("applicant_id", "industry__code")
    )
    for org, code in applications:
        latest[org] = code  # the last one wins: the latest application
    result: dict[int, set[str]] = {}
    for dispute_id, org in matches:
        if org in latest:
            result.setdefault(dispute_id, set()).add(latest[org])
    return result


def _rows(counter: Counter, labels: dict[str, str], order: list[str] | None = None) -> list[Row]:
    values = order if order is not None else sorted(counter, key=lambda v: (-counter[v], v))
    if order is None and UNKNOWN in values:
        values = [v for v in values if v != UNKNOWN] + [UNKNOWN]
    unknown = _("Unknown")
    return [Row(v, labels.get(v) or v or unknown, counter[v]) for v in values]


def compute_trends(start: date | None = None, end: date | None = None) -> Trends:
    """Counts of disputes against JJJ enterprises in [start, end] by every dimension."""
    disputes = disputes_against_jjj(start, end)
    industries = _industries(disputes)
    counters: dict[str, Counter] = {name: Counter() for name in DIMENSIONS}
    for dispute in disputes:
        counters["month"][_date(dispute).strftime("%Y-%m")] += 1
        counters["jurisdiction"][dispute.jurisdiction or UNKNOWN] += 1
        counters["ip_type"][dispute.ip_type or ip_type_of(dispute.nature_code)] += 1
        counters["nature"][dispute.nature_code or UNKNOWN] += 1
        for code in industries.get(dispute.pk) or {UNKNOWN}:
            counters["industry"][code] += 1
    jurisdictions = {
        j.code: j.title for j in Jurisdiction.objects.filter(code__in=counters["jurisdiction"])
    }
    natures = {code: f"{code} {label}" for code, label in IP_NATURES.items()}
    sectors = {i.code: i.title for i in Industry.objects.filter(code__in=counters["industry"])}
    ip_types = {str(k): str(v) for k, v in IPType.choices}
    return Trends(
        total=len(disputes),
        tables={
            "month": _rows(counters["month"], {}, _months([_date(d) for d in disputes])),
            "jurisdiction": _rows(counters["jurisdiction"], jurisdictions),
            "ip_type": _rows(counters["ip_type"], ip_types),
            "nature": _rows(counters["nature"], natures),
            "industry": _rows(counters["industry"], sectors),
        },
    )


def trends_xlsx(trends: Trends) -> bytes:
    """An Excel workbook: a summary sheet, then one sheet per dimension (label, disputes)."""
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    summary.title = _("Summary")[:31]
    summary.append([_("Disputes against JJJ enterprises"), trends.total])
    titles = dimension_titles()
    for name, rows in trends.tables.items():
        sheet = book.create_sheet(titles[name][:31])
        sheet.append([titles[name], _("Disputes")])
        for row in rows:
            sheet.append([row.label, row.count])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
