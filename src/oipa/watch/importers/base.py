"""What every gazette importer yields, and the helpers they share."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

#: Import formats: key -> (importer module, label).
FORMATS = {
    "uspto_xml": ("oipa.watch.importers.uspto_xml", gettext_lazy("USPTO daily applications XML")),
    "spreadsheet": (
        "oipa.watch.importers.spreadsheet",
        gettext_lazy("Gazette template (CSV or Excel)"),
    ),
}


class ImportFileError(Exception):
    """The whole file cannot be read; the message says where and why."""


class RecordError(Exception):
    """One record is malformed; the run notes it with its position and goes on."""


@dataclass
class PublicationRecord:
    """A published or applied-for mark as one office's file describes it."""

    serial_number: str
    mark_text: str = ""
    office: str = ""
    filing_date: date | None = None
    publication_date: date | None = None
    nice_classes: list[int] = field(default_factory=list)
    owner_name: str = ""
    owner_nationality: str = ""
    owner_address: str = ""
    correspondent: str = ""
    raw: dict[str, Any] = field(default_factory=dict)


Item = tuple[str, PublicationRecord | RecordError]
Reader = Callable[[IO[bytes]], Iterator[Item]]


def reader_for(source: str) -> Reader:
    """The `read` function of a format key; ValueError for an unknown key."""
    if source not in FORMATS:
        raise ValueError(f"unknown gazette format: {source}")
    return importlib.import_module(FORMATS[source][0]).read  # type: ignore[no-any-return]


def parse_date(value: str, *, label: str) -> date | None:
    """A date written YYYYMMDD (USPTO) or YYYY-MM-DD; None when empty."""
    value = (value or "").strip()
    if not value:
        return None
    for pattern in ("%Y%m%d", "%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise RecordError(_("%(field)s: not a date: %(value)s") % {"field": label, "value": value})


def parse_classes(values: list[str], *, label: str) -> list[int]:
    """Nice class numbers ("009", "35") as sorted distinct integers 1-45; USPTO's "A", "B",
    "200" (US-only classes) are not Nice classes and are left out."""
    numbers = set()
    for value in values:
        value = value.strip()
        if not value:
            continue
        if not value.isdigit():
            if value.isalpha() and len(value) == 1:
                continue
            raise RecordError(
                _("%(field)s: not a class number: %(value)s") % {"field": label, "value": value}
            )
        number = int(value)
        if 1 <= number <= 45:
            numbers.add(number)
        elif number < 100:
            raise RecordError(
                _("%(field)s: Nice classes are numbered 1 to 45, not %(value)s")
                % {"field": label, "value": value}
            )
    return sorted(numbers)
