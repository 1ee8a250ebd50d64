"""US ITC Section 337 investigations, as the USITC's 337Info system exports them.

337Info (the Unfair Import Investigations Information System) publishes each investigation as a
JSON object; the export is a list of them (or {"investigations": [...]}). The fields read here,
under their 337Info names:

- `investigationNo` (required): "337-TA-1234"; `id`: 337Info's own record id (for the link);
- `title`: "Certain Wireless Earbuds and Components Thereof";
- `investigationType` ("Violation", "Enforcement", ...), `currentStatus` ("Active", ...),
  `docketNo` (the EDIS docket number);
- `dateComplaintFiled` and `dateOfPublicationFrNotice` (the Federal Register notice of
  institution), as ISO dates or datetimes, or MM/DD/YYYY;
- `complainant` and `respondent`: lists of {"outsideParty": {"partyName", "city", "state",
  "country"}, "inactiveDate"};
- `invUnfairAct`: list of {"unfairActInNotice": "Patent Infringement"}; `patentNumbers`,
  `trademarkNumbers`, `copyrightNumbers`: lists of {"patentNumber": ...} etc.

A CSV or Excel table (e.g. a spreadsheet staff keep from 337Info's search results) may use the
same names as columns, or their display names ("Investigation No.", "Title", "Date Complaint
Filed", "Date of Publication of FR Notice", "Complainant(s)", "Respondent(s)", "Unfair Act(s)",
"Status"); there several parties are separated by semicolons and a party's country may follow
its name in parentheses: "Shenzhen Soundwave Co., Ltd. (China)".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import httpx
import pycountry
from django.utils.translation import gettext as _

from oipa.core.taxonomy.choices import DisputeType, IPType

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
INV_NO = re.compile(r"^337-TA-\d{3,5}\b")
RECORD_URL = "https://pubapps2.usitc.gov/337external/{id}"
# Display names of 337Info's columns (letters and digits only, lower case) → field names.
COLUMN_NAMES = {
    "investigationno": "investigationNo",
    "invno": "investigationNo",
    "investigationnumber": "investigationNo",
    "title": "title",
    "investigationtype": "investigationType",
    "type": "investigationType",
    "currentstatus": "currentStatus",
    "status": "currentStatus",
    "docketno": "docketNo",
    "datecomplaintfiled": "dateComplaintFiled",
    "complaintfiled": "dateComplaintFiled",
    "filedon": "dateComplaintFiled",
    "dateofpublicationfrnotice": "dateOfPublicationFrNotice",
    "dateofpublicationoffrnotice": "dateOfPublicationFrNotice",
    "frnoticepublished": "dateOfPublicationFrNotice",
    "institutiondate": "dateOfPublicationFrNotice",
    "institutedon": "dateOfPublicationFrNotice",
    "complainant": "complainant",
    "complainants": "complainant",
    "respondent": "respondent",
    "respondents": "respondent",
    "invunfairact": "invUnfairAct",
    "unfairact": "invUnfairAct",
    "unfairacts": "invUnfairAct",
    "url": "url",
    "id": "id",
}
# Unfair acts named in notices of investigation, and the IP type they concern (first wins).
UNFAIR_ACT_IP_TYPES = [
    ("patent", IPType.PATENT),
    ("trademark", IPType.TRADEMARK),
    ("trade dress", IPType.TRADEMARK),
    ("copyright", IPType.COPYRIGHT),
    ("mask work", IPType.COPYRIGHT),
    ("trade secret", IPType.TRADE_SECRET),
]
COUNTRY_SUFFIX = re.compile(r"^(.*\S)\s*\(([^()]+)\)\s*$")


def read(data: bytes, *, options: dict[str, Any] | None = None) -> Iterator[Item]:
    """Each investigation of a 337Info JSON export, or of a table with its columns."""
    if data.lstrip()[:1] in (b"[", b"{"):
        yield from _read_json(data)
        return
    for number, row in table_rows(data, required=()):
        yield from _one(_("row %(n)s") % {"n": number}, _canonical(row))


def _canonical(row: dict[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for header, value in row.items():
        name = COLUMN_NAMES.get(re.sub(r"[^a-z0-9]", "", header.lower()))
        if name and value and name not in result:
            result[name] = value
    return result


def _read_json(data: bytes) -> Iterator[Item]:
    try:
        payload = json.loads(data)
    except ValueError as exc:
        raise ImportFileError(_("Not valid JSON: %(error)s") % {"error": exc}) from None
    if isinstance(payload, dict):
        payload = next(
            (payload[k] for k in ("investigations", "results", "data") if k in payload),
            [payload] if "investigationNo" in payload else None,
        )
    if not isinstance(payload, list):
        raise ImportFileError(_("Expected a list of 337Info investigations."))
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


def country_code(name: str) -> str:
    """ISO 3166-1 alpha-2 code of a country name or code ("China" → "CN"); "" when unknown."""
    name = (name or "").strip()
    if not name:
        return ""
    if name.upper() in ("USA", "U.S.", "U.S.A.", "UNITED STATES OF AMERICA"):
        return "US"
    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return ""


def _parties(value: Any, role: str) -> list[PartyRecord]:
    """Parties from 337Info objects, plain strings, or a semicolon-separated cell."""
    if isinstance(value, list):
        entries = value
    elif isinstance(value, str):
        entries = split_names(value)
    else:
        entries = []
    parties = []
    for entry in entries:
        if isinstance(entry, dict):
            outside = entry.get("outsideParty")
            party: dict[str, Any] = outside if isinstance(outside, dict) else entry
            name = str(party.get("partyName") or party.get("name") or "").strip()
            country = country_code(str(party.get("country") or ""))
        else:
            name, country = _name_and_country(str(entry))
        if name:
            parties.append(PartyRecord(role, name, country=country))
    return parties


def _name_and_country(text: str) -> tuple[str, str]:
    match = COUNTRY_SUFFIX.match(text.strip())
    if match is not None:
        code = country_code(match.group(2))
        if code:
            return match.group(1).rstrip(" ,"), code
    return text.strip(), ""


def _texts(value: Any, key: str) -> list[str]:
    if isinstance(value, list):
        found = [str(v.get(key) or "") if isinstance(v, dict) else str(v) for v in value]
        return [v.strip() for v in found if v.strip()]
    return split_names(str(value or ""))


def _ip_type(unfair_acts: list[str]) -> str:
    text = " ".join(unfair_acts).lower()
    return next((str(ip) for word, ip in UNFAIR_ACT_IP_TYPES if word in text), "")


def _date(item: dict[str, Any], field: str) -> date | None:
    value = item.get(field)
    text = str(value or "").strip()
    if re.match(r"^\d{1,2}/\d{1,2}/\d{4}$", text):
        try:
            return datetime.strptime(text, "%m/%d/%Y").date()
        except ValueError:
            pass
    try:
        return parse_date(value)
    except RecordError as exc:
        raise RecordError(f"{field}: {exc}") from None


def _record(item: dict[str, Any]) -> DisputeRecord:
    inv_no = " ".join(str(item.get("investigationNo") or "").upper().split())
    if not INV_NO.match(inv_no):
        message = _("investigationNo: expected 337-TA-<number>, got %(value)s")
        raise RecordError(message % {"value": inv_no or "—"})
    filed_on = _date(item, "dateComplaintFiled")
    noticed_on = _date(item, "dateOfPublicationFrNotice")
    unfair_acts = _texts(item.get("invUnfairAct"), "unfairActInNotice")
    parties = _parties(item.get("complainant"), PartyRole.COMPLAINANT)
    parties += _parties(item.get("respondent"), PartyRole.RESPONDENT)
    record_id = str(item.get("id") or "").strip()
    url = str(item.get("url") or "") or (RECORD_URL.format(id=record_id) if record_id else "")
    raw = {
        "investigationType": str(item.get("investigationType") or ""),
        "currentStatus": str(item.get("currentStatus") or ""),
        "docketNo": str(item.get("docketNo") or ""),
        "unfair_acts": unfair_acts,
        "patents": _texts(item.get("patentNumbers"), "patentNumber")[:20],
        "trademarks": _texts(item.get("trademarkNumbers"), "trademarkNumber")[:20],
        "copyrights": _texts(item.get("copyrightNumbers"), "copyrightNumber")[:20],
        "respondent_countries": sorted({p.country for p in parties if p.country}),
    }
    if noticed_on:
        raw["instituted_on"] = noticed_on.isoformat()
    return DisputeRecord(
        external_id=inv_no,
        forum=FORUM,
        court_id="usitc",
        case_number=inv_no,
        title=str(item.get("title") or ""),
        nature_text="; ".join(["Section 337", *unfair_acts]),
        dispute_type=DisputeType.ITC_337,
        ip_type=_ip_type(unfair_acts),
        cause="19 U.S.C. § 1337",
        filed_on=filed_on or noticed_on,
        url=url,
        parties=parties,
        raw={k: v for k, v in raw.items() if v},
    )


def fetch(source: Source, *, transport: httpx.BaseTransport | None = None) -> bytes:
    """The 337Info export (JSON) at the source's URL."""
    return fetch_url(source.url, transport=transport)
