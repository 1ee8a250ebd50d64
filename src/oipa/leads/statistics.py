"""The monthly per-district table of demand leads: reported, converted, and the median days
from report to the Center's first contact. The same rows feed the page and the Excel export."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from io import BytesIO

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from oipa.core.regions import division_label, resolve_division

from .models import Lead, LeadStatus

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class DistrictRow:
    district: str
    office: str
    leads: int
    converted: int
    median_days: float | None


def month_range(month: date) -> tuple[date, date]:
    """The first day of `month` and of the month after."""
    start = month.replace(day=1)
    end = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return start, end


def monthly_rows(leads: QuerySet[Lead], month: date) -> list[DistrictRow]:
    """One row per district office with leads reported in `month` (local time), by district
    code; `leads` is already scoped to the user (`visible_to`)."""
    start, end = month_range(month)
    rows = leads.filter(reported_at__date__gte=start, reported_at__date__lt=end).values_list(
        "district_office__name",
        "division_code",
        "status",
        "reported_at",
        "first_contact_at",
    )
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    for office, code, status, reported, contacted in rows:
        grouped[(code, office)].append((status, reported, contacted))
    result = []
    for (code, office), items in sorted(grouped.items()):
        delays = [
            (contacted - reported).total_seconds() / 86400
            for _s, reported, contacted in items
            if contacted is not None
        ]
        division = resolve_division(code)
        result.append(
            DistrictRow(
                district=division_label(division) if division else code,
                office=office,
                leads=len(items),
                converted=sum(1 for s, _r, _c in items if s == LeadStatus.CONVERTED),
                median_days=round(statistics.median(delays), 1) if delays else None,
            )
        )
    return result


def workbook(rows: list[DistrictRow], month: date) -> bytes:
    """The table as an .xlsx file with headers in the active language."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"{month:%Y-%m}"
    headers = [
        _("District"),
        _("District office"),
        _("Leads"),
        _("Converted"),
        _("Median days to first contact"),
    ]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.district, row.office, row.leads, row.converted, row.median_days])
    for column, width in zip("ABCDE", (24, 30, 10, 12, 28), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
