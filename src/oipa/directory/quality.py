"""The quality directory of one year as a dated list: the rows the page shows and the Excel
workbook (openpyxl) with the same rows, headed by the year and the publication date.

Rows are the year's entries whose institution is still listed: a withdrawn listing leaves the
published list too, so the public never reads about a listing it cannot open.
"""

from __future__ import annotations

from io import BytesIO

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .models import Institution, InstitutionKind, ListingStatus, QualityDirectory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SEPARATOR = "; "


def editions_visible_to(user) -> QuerySet[QualityDirectory]:
    """Published editions; Center roles also see those in preparation."""
    membership = getattr(user, "membership", None) if user.is_authenticated else None
    editions = QualityDirectory.objects.all()
    if membership is not None and membership.is_center:
        return editions
    return editions.filter(published_on__isnull=False)


def institutions_of(edition: QualityDirectory) -> QuerySet[Institution]:
    """The listed institutions of the edition, by Chinese name."""
    return (
        Institution.objects.filter(quality_entries__edition=edition, status=ListingStatus.LISTED)
        .prefetch_related("countries")
        .order_by("name_zh", "pk")
    )


def headers() -> list[str]:
    return [
        _("No."),
        _("Chinese name"),
        _("English name"),
        _("USCC"),
        _("Kind"),
        _("Services offered"),
        _("Countries and offices covered"),
        _("Working languages"),
        _("Partner firms abroad"),
        _("Contact person"),
        _("Phone"),
        _("Email"),
        _("Website"),
        _("Address"),
    ]


def row(number: int, institution: Institution) -> list[str | int]:
    kind = (
        InstitutionKind(institution.kind).label
        if institution.kind in InstitutionKind.values
        else ""
    )
    return [
        number,
        institution.name_zh,
        institution.name_en,
        institution.uscc or "",
        str(kind),
        SEPARATOR.join(institution.service_labels()),
        SEPARATOR.join(j.code for j in institution.countries.all()),
        SEPARATOR.join(institution.language_labels()),
        SEPARATOR.join(f"{p['name']} ({p['country']})" for p in institution.partners),
        institution.contact_person,
        institution.phone,
        institution.email,
        institution.website,
        institution.address,
    ]


def title(edition: QualityDirectory) -> str:
    return _("Directory of quality foreign-related IP service institutions, %(year)d") % {
        "year": edition.year
    }


def workbook(edition: QualityDirectory) -> bytes:
    """The edition as an .xlsx file: a title line, the date line, headers, one row each."""
    book = Workbook()
    sheet = book.active
    sheet.title = str(edition.year)
    sheet.append([title(edition)])
    sheet["A1"].font = Font(bold=True, size=13)
    published = edition.published_on.isoformat() if edition.published_on else _("not published")
    sheet.append([_("Published on %(date)s") % {"date": published}])
    sheet.append(headers())
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for number, institution in enumerate(institutions_of(edition), start=1):
        sheet.append(row(number, institution))
    sheet.freeze_panes = "A4"
    for column, width in zip(
        "ABCDEFGHIJKLMN", (5, 34, 40, 22, 16, 40, 24, 20, 36, 12, 16, 26, 30, 40), strict=True
    ):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def excel_response(edition: QualityDirectory) -> HttpResponse:
    response = HttpResponse(workbook(edition), content_type=XLSX)
    response["Content-Disposition"] = (
        f'attachment; filename="quality-directory-{edition.year}.xlsx"'
    )
    return response
