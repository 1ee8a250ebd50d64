"""Test and demo data of the squatting watch, built through the services.

`case_file` writes one `<case-file>` that follows the USPTO trademark-applications-daily DTD
(v2.0) and `gazette_xml` wraps case files in the standard root, so tests and the demo import
exactly what the daily bulk files carry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from .models import WatchedMark
from .services import add_watched_mark


def build_watched_mark(actor: Any, word_mark: str, **fields: Any) -> WatchedMark:
    """A watched mark added by `actor` (an enterprise member: for their enterprise)."""
    fields.setdefault("nice_classes", [9])
    return add_watched_mark(actor=actor, word_mark=word_mark, **fields)


@dataclass
class CaseFile:
    """The fields of one USPTO case file that the watch reads."""

    serial: str
    mark: str
    classes: list[int] = field(default_factory=lambda: [9])
    filed: date | None = date(2026, 10, 1)
    published: date | None = None
    owner: str = "Shenzhen Sample Trading Co., Ltd."
    nationality: str = "CN"
    city: str = "Shenzhen"
    country: str = "CN"
    correspondent: tuple[str, ...] = ("Sample Law Office", "1 Main St", "New York, NY 10001")


def _day(value: date | None) -> str:
    return value.strftime("%Y%m%d") if value else ""


def case_file(case: CaseFile) -> str:
    """One `<case-file>` element (DTD element order kept)."""
    published = (
        f"<published-for-opposition-date>{_day(case.published)}</published-for-opposition-date>"
        if case.published
        else ""
    )
    filed = f"<filing-date>{_day(case.filed)}</filing-date>" if case.filed else ""
    classes = "".join(
        "<classification><international-code-total-no>1</international-code-total-no>"
        f"<international-code>{number:03d}</international-code>"
        f"<primary-code>{number:03d}</primary-code></classification>"
        for number in case.classes
    )
    correspondent = "".join(
        f"<address-{i}>{escape(line)}</address-{i}>"
        for i, line in enumerate(case.correspondent, start=1)
    )
    return (
        "<case-file>"
        f"<serial-number>{case.serial}</serial-number>"
        "<registration-number>0000000</registration-number>"
        f"<transaction-date>{_day(case.filed)}</transaction-date>"
        f"<case-file-header>{filed}<status-code>630</status-code>"
        f"<mark-identification>{escape(case.mark)}</mark-identification>"
        f"<mark-drawing-code>4000</mark-drawing-code>{published}</case-file-header>"
        f"<classifications>{classes}</classifications>"
        f"<correspondent>{correspondent}</correspondent>"
        "<case-file-owners><case-file-owner><entry-number>1</entry-number>"
        "<party-type>10</party-type>"
        f"<nationality><country>{case.nationality}</country></nationality>"
        "<legal-entity-type-code>03</legal-entity-type-code>"
        f"<party-name>{escape(case.owner)}</party-name>"
        f"<address-1>1 Sample Road</address-1><city>{escape(case.city)}</city>"
        f"<country>{case.country}</country></case-file-owner></case-file-owners>"
        "</case-file>"
    )


def gazette_xml(cases: list[CaseFile | str], *, created: str = "20261020000000") -> bytes:
    """A whole daily file: the standard root around the case files (objects or raw XML)."""
    body = "".join(c if isinstance(c, str) else case_file(c) for c in cases)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<trademark-applications-daily><version><version-no>2.0</version-no>"
        "<version-date>20041108</version-date></version>"
        f"<creation-datetime>{created}</creation-datetime>"
        "<application-information><file-segments><file-segment>TRMK</file-segment>"
        f"<action-keys><action-key>TX</action-key>{body}</action-keys></file-segments>"
        "</application-information></trademark-applications-daily>"
    ).encode()


def gazette_csv(rows: list[dict[str, str]]) -> bytes:
    """A gazette template file (see `importers.spreadsheet`)."""
    from .importers.spreadsheet import COLUMNS

    lines = [",".join(COLUMNS)]
    for row in rows:
        lines.append(",".join(f'"{row.get(c, "")}"' for c in COLUMNS))
    return ("\n".join(lines) + "\n").encode()
