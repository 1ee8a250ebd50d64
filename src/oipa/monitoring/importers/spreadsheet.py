"""The staff template (CSV or Excel) for disputes learned by other channels: customs seizures,
platform complaints, letters.

Row 1 names the columns (any order; unknown columns are ignored). `COLUMNS` documents each one;
only `reference` is required, plus a title or at least one defendant. One row is one dispute; a
bad row is reported with its row number and the others are imported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pycountry
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from oipa.core.taxonomy.choices import DisputeType

from ..models import PartyRole
from .base import (
    DisputeRecord,
    Item,
    PartyRecord,
    RecordError,
    is_schedule_a,
    parse_date,
    split_nature,
)
from .tables import split_names, table_rows, yes

OFFICE_CODES = {"EU", "EP", "WO"}
COLUMNS: list[tuple[str, bool, Any, str]] = [
    # name, required, meaning, example
    (
        "reference",
        True,
        gettext_lazy(
            "Your own unique reference for the dispute; a later row with the same "
            "reference updates it."
        ),
        "customs-2026-0012",
    ),
    ("title", False, gettext_lazy("Case name or short description."), "Acme Inc. v. Example"),
    ("forum", False, gettext_lazy("Court, customs office or platform."), "Amazon.com"),
    (
        "jurisdiction",
        False,
        gettext_lazy("Two-letter country code (ISO 3166-1), or EU, EP, WO; default US."),
        "US",
    ),
    ("case_number", False, gettext_lazy("The forum's case or complaint number."), "1:26-cv-01234"),
    (
        "nature_of_suit",
        False,
        gettext_lazy("US nature-of-suit code and text, or the kind of right."),
        "840 Trademark",
    ),
    (
        "dispute_type",
        False,
        gettext_lazy(
            "Kind of dispute: litigation, itc_337, opposition_invalidation, customs_seizure, "
            "platform_complaint, warning_letter, arbitration or criminal; default litigation."
        ),
        "platform_complaint",
    ),
    ("cause", False, gettext_lazy("Cause of action or legal basis."), "15:1114"),
    ("filed_on", False, gettext_lazy("Date filed or learned, YYYY-MM-DD."), "2026-03-02"),
    (
        "plaintiffs",
        False,
        gettext_lazy("Right holders or complainants, separated by semicolons."),
        "Acme Inc.",
    ),
    (
        "defendants",
        False,
        gettext_lazy("Accused enterprises, stores or seller IDs, separated by semicolons."),
        "北京星河智联科技有限公司; XingheTech Store",
    ),
    ("schedule_a", False, gettext_lazy("yes if the defendants are a Schedule A list."), "no"),
    ("url", False, gettext_lazy("Link to the record, if any."), "https://example.com/case/1"),
    (
        "channel",
        False,
        gettext_lazy("How the Center learned of it: customs, platform, letter, other."),
        "platform",
    ),
    ("note", False, gettext_lazy("Anything else staff should know."), ""),
]
HEADER = [name for name, *_rest in COLUMNS]


def read(data: bytes, *, options: dict[str, Any] | None = None) -> Iterator[Item]:
    """Each row of the template, as a record or a RecordError naming the bad cell."""
    for number, row in table_rows(data, required=("reference",)):
        position = _("row %(n)s") % {"n": number}
        try:
            yield position, record_from_row(row)
        except RecordError as exc:
            yield position, exc


def _jurisdiction(value: str) -> str:
    code = (value or "US").strip().upper()
    if code in OFFICE_CODES or pycountry.countries.get(alpha_2=code) is not None:
        return code
    raise RecordError(_("jurisdiction: unknown code %(code)s") % {"code": value})


def _dispute_type(value: str) -> str:
    code = (value or DisputeType.LITIGATION).strip().lower()
    if code not in DisputeType.values:
        raise RecordError(_("dispute_type: unknown kind %(value)s") % {"value": value})
    return code


def record_from_row(row: dict[str, str]) -> DisputeRecord:
    """The dispute one row (or one staff entry) describes; RecordError naming the bad cell."""
    reference = row.get("reference", "")
    if not reference:
        raise RecordError(_("reference: this column is required"))
    plaintiffs = split_names(row.get("plaintiffs", ""))
    defendants = split_names(row.get("defendants", ""))
    if not row.get("title") and not defendants:
        raise RecordError(_("give a title or at least one defendant"))
    try:
        filed_on = parse_date(row.get("filed_on"))
    except RecordError as exc:
        raise RecordError(_("filed_on: %(error)s") % {"error": exc}) from None
    code, text = split_nature(row.get("nature_of_suit", ""))
    parties = [PartyRecord(PartyRole.PLAINTIFF, name) for name in plaintiffs]
    parties += [PartyRecord(PartyRole.DEFENDANT, n, is_schedule_a(n)) for n in defendants]
    return DisputeRecord(
        external_id=reference,
        forum=row.get("forum", ""),
        jurisdiction=_jurisdiction(row.get("jurisdiction", "")),
        case_number=row.get("case_number", ""),
        title=row.get("title", ""),
        nature_code=code,
        nature_text=text,
        dispute_type=_dispute_type(row.get("dispute_type", "")),
        cause=row.get("cause", ""),
        filed_on=filed_on,
        is_schedule_a=yes(row.get("schedule_a", "")) or any(p.placeholder for p in parties),
        url=row.get("url", ""),
        parties=parties,
        raw={k: v for k, v in row.items() if v},
    )


def _examples() -> list[list[str]]:
    second = {
        "reference": "letter-2026-0003",
        "title": "Cease-and-desist letter from Example GmbH",
        "forum": "Landgericht München I",
        "jurisdiction": "DE",
        "filed_on": "2026-02-14",
        "plaintiffs": "Example GmbH",
        "defendants": "Hebei Yanzhao Electric Appliance Co., Ltd.",
        "channel": "letter",
    }
    return [[example for *_rest, example in COLUMNS], [second.get(n, "") for n in HEADER]]


def template_csv() -> bytes:
    """The template as CSV (UTF-8 with BOM so that Excel shows Chinese correctly)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    writer.writerows(_examples())
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx() -> bytes:
    """The template as an Excel workbook with the same header and example rows."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "disputes"
    sheet.append(HEADER)
    for row in _examples():
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
