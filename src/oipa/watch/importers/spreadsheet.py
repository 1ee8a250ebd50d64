"""The gazette template for offices whose own formats are not read yet (EUIPO, UKIPO, WIPO
Madrid): a CSV (UTF-8, comma or semicolon) or Excel (.xlsx) table, one mark per row.

Columns (row 1, any order; `office`, `serial_number` and `mark` are required):

- `office`: euipo, ukipo, wipo or uspto
- `serial_number`: the office's application, filing or international registration number
- `mark`: the word mark as published
- `filing_date`, `publication_date`: YYYY-MM-DD (the opposition period runs from publication)
- `nice_classes`: class numbers separated by commas or semicolons ("9; 35")
- `owner`, `owner_country` (ISO code), `owner_address`, `correspondent`

A row with a missing column value, an unknown office, a bad date or class is reported with its
row number and skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import IO

from django.utils.translation import gettext as _

from oipa.monitoring.importers.base import ImportFileError as TableFileError
from oipa.monitoring.importers.tables import table_rows

from .base import ImportFileError, Item, PublicationRecord, RecordError, parse_classes, parse_date

REQUIRED = ("office", "serial_number", "mark")
COLUMNS = (
    *REQUIRED,
    "filing_date",
    "publication_date",
    "nice_classes",
    "owner",
    "owner_country",
    "owner_address",
    "correspondent",
)
OFFICES = ("uspto", "euipo", "ukipo", "wipo")


def record_of(row: dict[str, str]) -> PublicationRecord:
    office = row.get("office", "").strip().lower()
    if office not in OFFICES:
        raise RecordError(_("office: must be one of %(offices)s") % {"offices": ", ".join(OFFICES)})
    serial = row.get("serial_number", "").strip()
    mark = " ".join(row.get("mark", "").split())
    if not serial or not mark:
        raise RecordError(_("serial_number and mark are required"))
    return PublicationRecord(
        serial_number=serial[:40],
        office=office,
        mark_text=mark[:500],
        filing_date=parse_date(row.get("filing_date", ""), label="filing_date"),
        publication_date=parse_date(row.get("publication_date", ""), label="publication_date"),
        nice_classes=parse_classes(
            re.split(r"[,;\s]+", row.get("nice_classes", "")), label="nice_classes"
        ),
        owner_name=row.get("owner", "")[:500],
        owner_nationality=row.get("owner_country", "")[:40].upper(),
        owner_address=row.get("owner_address", "")[:500],
        correspondent=row.get("correspondent", "")[:500],
    )


def read(stream: IO[bytes] | bytes) -> Iterator[Item]:
    """("row <n>", record or RecordError) for every filled row."""
    data = stream if isinstance(stream, bytes) else stream.read()
    try:
        for number, row in table_rows(data, required=REQUIRED):
            position = _("row %(n)s") % {"n": number}
            try:
                yield position, record_of(row)
            except RecordError as exc:
                yield position, exc
    except TableFileError as exc:
        raise ImportFileError(str(exc)) from None
