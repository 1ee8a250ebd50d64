"""Reading CSV and Excel (.xlsx) tables as rows of {column: text}, with row numbers as the
spreadsheet shows them (the header is row 1)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from .base import ImportFileError, read_text

Row = tuple[int, dict[str, str]]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(cells: list[Any], required: tuple[str, ...]) -> list[str]:
    header = [_cell(c).lower().replace(" ", "_") for c in cells]
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFileError(
            _("Row 1 must name the columns; missing: %(columns)s") % {"columns": ", ".join(missing)}
        )
    return header


def _rows(lines: Iterator[list[Any]], required: tuple[str, ...]) -> Iterator[Row]:
    try:
        header = _header(next(lines), required)
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    for number, cells in enumerate(lines, start=2):
        values = [_cell(c) for c in cells]
        if not any(values):
            continue
        yield number, dict(zip(header, values + [""] * (len(header) - len(values)), strict=False))


def csv_rows(data: bytes, *, required: tuple[str, ...]) -> Iterator[Row]:
    """Rows of a UTF-8 (or Latin-1) CSV file; comma or semicolon separated."""
    text = read_text(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    try:
        yield from _rows(iter(csv.reader(io.StringIO(text), dialect)), required)
    except csv.Error as exc:
        raise ImportFileError(_("Not a readable CSV file: %(error)s") % {"error": exc}) from None


def xlsx_rows(data: bytes, *, required: tuple[str, ...]) -> Iterator[Row]:
    """Rows of the first sheet of an Excel workbook."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(_("Not a readable Excel file: %(error)s") % {"error": exc}) from None
    try:
        sheet = workbook.worksheets[0]
        yield from _rows((list(r) for r in sheet.iter_rows(values_only=True)), required)
    finally:
        workbook.close()


def table_rows(data: bytes, *, required: tuple[str, ...]) -> Iterator[Row]:
    """Rows of an .xlsx workbook (recognised by its ZIP signature) or else of a CSV file."""
    if data[:2] == b"PK":
        return xlsx_rows(data, required=required)
    return csv_rows(data, required=required)


def split_names(value: str) -> list[str]:
    """Names separated by semicolons or line breaks."""
    return [n.strip() for n in value.replace("\n", ";").split(";") if n.strip()]


def yes(value: str) -> bool:
    return value.strip().lower() in ("yes", "y", "true", "1", "x", "是")
