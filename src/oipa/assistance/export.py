"""The workbench queue as an Excel workbook (openpyxl), one row per application.

Headers follow the active language. For a confidential case the user may not read, only the
number, status, dates and case officer are exported, as on the workbench.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from io import BytesIO
from typing import Any, Protocol

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from oipa.core.taxonomy.choices import IPType

from .models import Application
from .sla import Urgency

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"
LIST_SEPARATOR = "; "


class Row(Protocol):
    # Read-only members, so frozen dataclasses (the workbench's QueueRow) match.
    @property
    def application(self) -> Application: ...
    @property
    def readable(self) -> bool: ...
    @property
    def urgency(self) -> Urgency | None: ...


def headers() -> list[str]:
    """Column titles in the active language."""
    return [
        _("Case number"),
        _("Applicant"),
        _("USCC"),
        _("District"),
        _("Title"),
        _("Dispute type"),
        _("IP types"),
        _("Countries"),
        _("Our role"),
        _("Response deadline"),
        _("Urgency"),
        _("Status"),
        _("Submitted"),
        _("Accepted"),
        _("Case officer"),
        _("Outcome"),
    ]


def _local_date(value: datetime | None) -> date | None:
    return timezone.localdate(value) if value else None


def row_values(row: Row) -> list[Any]:
    """The cells of one application; content cells stay empty when it is not readable."""
    app = row.application
    officer = str(app.case_officer) if app.case_officer else ""
    if not row.readable:
        content: list[Any] = [_("Confidential"), "", "", "", "", "", "", "", "", None, ""]
    else:
        content = [
            app.applicant.name,
            app.applicant.uscc or "",
            app.applicant.district or app.applicant.province,
            app.title,
            app.get_dispute_type_display(),
            LIST_SEPARATOR.join(str(IPType(t).label) for t in app.ip_types if t in IPType.values),
            LIST_SEPARATOR.join(j.title for j in app.jurisdictions.all()),
            app.get_our_role_display(),
            app.response_deadline,
            row.urgency.label if row.urgency else "",
        ]
    return [
        app.number,
        *content,
        app.get_status_display(),
        _local_date(app.submitted_at),
        _local_date(app.accepted_at),
        officer,
        app.get_outcome_display() if row.readable else "",
    ]


def _cell(sheet, value: Any) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # user text is never a formula
    return cell


def build_workbook(rows: Iterable[Row]) -> bytes:
    """The .xlsx bytes of a header row and one row per application."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Applications"))
    bold = Font(bold=True)
    header_cells = []
    for title in headers():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row_values(row)])
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(rows: Iterable[Row]) -> HttpResponse:
    """The workbook as a download named after today's date."""
    response = HttpResponse(build_workbook(rows), content_type=XLSX)
    filename = f"applications-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
