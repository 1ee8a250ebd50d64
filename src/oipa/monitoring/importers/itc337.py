"""US ITC Section 337 investigations, from a CSV/Excel table or a JSON list.

The real ITC EDIS export is not available to us, so this is our documented layout, one
investigation per row or object:

- `inv_no` (required): "337-TA-1234";
- `title`: e.g. "Certain Wireless Earbuds and Components Thereof";
- `complainants`, `respondents`: names separated by semicolons (a JSON list in JSON);
- `filed_on`: the complaint's date; `instituted_on`: the notice of institution's date
  (both YYYY-MM-DD);
- `status`, `url`: optional.

JSON is a list of such objects or {"investigations": [...]}.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import httpx
from django.utils.translation import gettext as _

from ..models import PartyRole, Source
from .base import (
    DisputeRecord,
    ImportFileError,
    Item,
    PartyRecord,
    RecordError,
    fetch_url,
    parse_date,
)
from .tables import split_names, table_rows

FORUM = "U.S. International Trade Commission"
INV_NO = re.compile(r"^337-TA-\d{3,5}$")
SITE = "https://www.usitc.gov"


def read(data: bytes, *, options: dict[str, Any] | None = None) -> Iterator[Item]:
    """Each investigation in the file."""
    if data.lstrip()[:1] in (b"[", b"{"):
        yield from _read_json(data)
        return
    for number, row in table_rows(data, required=("inv_no",)):
        yield from _one(_("row %(n)s") % {"n": number}, row)


def _read_json(data: bytes) -> Iterator[Item]:
    try:
        payload = json.loads(data)
    except ValueError as exc:
        raise ImportFileError(_("Not valid JSON: %(error)s") % {"error": exc}) from None
    if isinstance(payload, dict):
        payload = payload.get("investigations")
    if not isinstance(payload, list):
        raise ImportFileError(_("Expected a list of investigations."))
    for index, item in enumerate(payload, start=1):
        position = _("record %(n)s") % {"n": index}
        if not isinstance(item, dict):
            yield position, RecordError(_("not a JSON object"))
            continue
        yield from _one(position, item)


def _one(position: str, item: dict[str, Any]) -> Iterator[Item]:
    try:
        yield position, _record(item)
    except RecordError as exc:
        yield position, exc


def _names(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return split_names(str(value or ""))


def _record(item: dict[str, Any]) -> DisputeRecord:
    inv_no = " ".join(str(item.get("inv_no") or "").upper().split())
    if not INV_NO.match(inv_no):
        raise RecordError(_("inv_no: expected 337-TA-<number>, got %(value)s") % {"value": inv_no})
    try:
        filed_on = parse_date(item.get("filed_on"))
        instituted_on = parse_date(item.get("instituted_on"))
    except RecordError as exc:
        raise RecordError(_("dates: %(error)s") % {"error": exc}) from None
    parties = [PartyRecord(PartyRole.COMPLAINANT, n) for n in _names(item.get("complainants"))]
    parties += [PartyRecord(PartyRole.RESPONDENT, n) for n in _names(item.get("respondents"))]
    raw = {k: v for k, v in item.items() if v not in ("", None)}
    if instituted_on:
        raw["instituted_on"] = instituted_on.isoformat()
    return DisputeRecord(
        external_id=inv_no,
        forum=FORUM,
        court_id="usitc",
        case_number=inv_no,
        title=str(item.get("title") or ""),
        nature_text="Section 337",
        cause="19 U.S.C. § 1337",
        filed_on=filed_on or instituted_on,
        url=str(item.get("url") or ""),
        parties=parties,
        raw=raw,
    )


def fetch(source: Source, *, transport: httpx.BaseTransport | None = None) -> bytes:
    """The file at the source's URL (a JSON or CSV export in the layout above)."""
    return fetch_url(source.url, transport=transport)
