"""USPTO "trademark-applications-daily" XML (DTD -//USPTO//DTD TRADEMARK-APPLICATIONS-DAILY V2.0
2005-04-01//EN), as in the daily bulk files apcYYMMDD.zip: one `<case-file>` per application.

Read with `iterparse` and each case file dropped once read, so a daily file of several hundred
megabytes is streamed in constant memory. Fields taken: serial-number, case-file-header/
mark-identification, filing-date and published-for-opposition-date, classifications/
classification/international-code, the current case-file-owner (party-name, nationality,
address) and the correspondent. A case file without a serial number or with a bad date or class
is reported with its position and skipped; a break in the XML itself ends the file there (the
records before it are kept) and is reported with its line and column. Python's expat parser does
not fetch external entities and limits entity expansion, so a hostile file cannot reach out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import IO
from xml.etree import ElementTree as ET

from django.utils.translation import gettext as _

from .base import ImportFileError, Item, PublicationRecord, RecordError, parse_classes, parse_date

CASE_FILE = "case-file"
# party-type codes of the DTD: 10 original applicant ... 30/31 owner after assignment/change.
OWNER_ORDER = ("30", "31", "20", "21", "10", "11")


def _text(element: ET.Element | None, path: str) -> str:
    if element is None:
        return ""
    found = element.find(path)
    return " ".join((found.text or "").split()) if found is not None else ""


def _open(stream: IO[bytes]) -> IO[bytes]:
    """The XML inside a ZIP bulk file, or the stream itself."""
    head = stream.read(4)
    stream.seek(0)
    if head[:2] != b"PK":
        return stream
    try:
        archive = zipfile.ZipFile(stream)
        name = next(n for n in archive.namelist() if n.lower().endswith(".xml"))
    except (zipfile.BadZipFile, StopIteration):
        raise ImportFileError(_("Not a ZIP file with an XML file inside.")) from None
    return archive.open(name)


def _owner(case: ET.Element) -> ET.Element | None:
    owners = case.findall("case-file-owners/case-file-owner")
    if not owners:
        return None
    rank = {code: index for index, code in enumerate(OWNER_ORDER)}
    return min(owners, key=lambda o: rank.get(_text(o, "party-type"), len(rank)))


def _address(owner: ET.Element | None) -> str:
    parts = [_text(owner, tag) for tag in ("address-1", "address-2", "city", "state", "postcode")]
    parts.append(_text(owner, "country"))
    return ", ".join(p for p in parts if p)


def _nationality(owner: ET.Element | None) -> str:
    if owner is None:
        return ""
    for tag in ("country", "state", "other"):
        value = _text(owner, f"nationality/{tag}")
        if value:
            return value
    return ""


def record_of(case: ET.Element) -> PublicationRecord:
    """One case file as a record; RecordError when it cannot be used."""
    serial = _text(case, "serial-number")
    if not serial or not serial.isdigit():
        raise RecordError(_("serial-number: missing or not a number"))
    header = case.find("case-file-header")
    owner = _owner(case)
    codes = [
        e.text or "" for e in case.findall("classifications/classification/international-code")
    ]
    correspondent = case.find("correspondent")
    lines = list(correspondent) if correspondent is not None else []
    record = PublicationRecord(
        serial_number=serial,
        mark_text=_text(header, "mark-identification"),
        filing_date=parse_date(_text(header, "filing-date"), label="filing-date"),
        publication_date=parse_date(
            _text(header, "published-for-opposition-date"), label="published-for-opposition-date"
        ),
        nice_classes=parse_classes(codes, label="international-code"),
        owner_name=_text(owner, "party-name"),
        owner_nationality=_nationality(owner),
        owner_address=_address(owner),
        correspondent=", ".join(" ".join((e.text or "").split()) for e in lines if e.text),
    )
    record.raw = {
        "status_code": _text(header, "status-code"),
        "attorney": _text(header, "attorney-name"),
        "ir_number": _text(case, "international-registration/international-registration-number"),
    }
    return record


def read(stream: IO[bytes] | bytes) -> Iterator[Item]:
    """("case-file <n> (serial <s>)", record or RecordError) for every case file."""
    if isinstance(stream, bytes):
        stream = io.BytesIO(stream)
    source = _open(stream)
    stack: list[ET.Element] = []
    number = 0
    try:
        for event, element in ET.iterparse(source, events=("start", "end")):
            if event == "start":
                stack.append(element)
                continue
            stack.pop()
            if element.tag != CASE_FILE:
                continue
            number += 1
            position = _("case-file %(n)s") % {"n": number}
            serial = _text(element, "serial-number")
            if serial:
                position += f" ({serial})"
            try:
                yield position, record_of(element)
            except RecordError as exc:
                yield position, exc
            if stack:
                stack[-1].remove(element)
            element.clear()
    except ET.ParseError as exc:
        line, column = getattr(exc, "position", (0, 0))
        if number == 0:
            raise ImportFileError(
                _("Not readable XML (line %(line)s, column %(column)s).")
                % {"line": line, "column": column}
            ) from None
        yield (
            _("line %(line)s") % {"line": line},
            RecordError(
                _(
                    "The XML breaks off here (line %(line)s, column %(column)s); the rest of the "
                    "file was not read."
                )
                % {"line": line, "column": column}
            ),
        )
