"""What every importer yields, and how one record is stored.

An importer module has `read(data: bytes) -> Iterator[Item]`, yielding for each record its
position ("item 3", "row 7") and either a `DisputeRecord`, a `Skip` (deliberately not imported,
e.g. a nature of suit we do not monitor) or a `RecordError` (malformed). A file that cannot be
read at all raises `ImportFileError`. Sources read over the network also have
`fetch(source, transport=None) -> bytes`.

`save_record` stores one record: a dispute is keyed by (source, external id); fields the record
leaves empty never blank stored values, parties are only added, and every change of a stored
dispute is written as one `DisputeChange`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import httpx
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.taxonomy.choices import IPType

from ..models import IP_NATURES, Dispute, DisputeChange, ImportRun, Party, PartyRole, Source
from ..names import normalize

TRACKED_FIELDS = (
    "forum",
    "court_id",
    "jurisdiction",
    "case_number",
    "title",
    "nature_code",
    "nature_text",
    "dispute_type",
    "ip_type",
    "cause",
    "filed_on",
    "is_schedule_a",
    "url",
)
MAX_LENGTHS = {
    "forum": 200,
    "court_id": 20,
    "jurisdiction": 2,
    "case_number": 100,
    "title": 500,
    "nature_code": 3,
    "nature_text": 200,
    "dispute_type": 30,
    "ip_type": 30,
    "cause": 300,
    "url": 500,
}
RAW_MAX_CHARS = 4000
SCHEDULE_A = re.compile(
    r"(partnerships?\s*(,|and)\s*unincorporated\s+associations?|"
    r"identified\s+on\s+schedule\s*[\"'“”]?\s*a\b)",
    re.IGNORECASE,
)
NATURE = re.compile(r"^\s*(\d{3})\b\s*[-:]?\s*(.*)$")
# Nature-of-suit codes of the US courts and the IP type they concern.
NATURE_IP_TYPES = {
    "820": IPType.COPYRIGHT,
    "830": IPType.PATENT,
    "835": IPType.PATENT,
    "840": IPType.TRADEMARK,
}


class ImportFileError(Exception):
    """The whole file or response cannot be read; the message says where and why."""


class RecordError(Exception):
    """One record is malformed; the run notes it with its position and goes on."""


@dataclass(frozen=True)
class Skip:
    """A well-formed record deliberately not imported, with the reason."""

    reason: str


@dataclass
class PartyRecord:
    role: str
    name: str
    placeholder: bool = False
    country: str = ""


@dataclass
class DisputeRecord:
    """A dispute as one source describes it, before it is stored."""

    external_id: str
    forum: str = ""
    court_id: str = ""
    jurisdiction: str = "US"
    case_number: str = ""
    title: str = ""
    nature_code: str = ""
    nature_text: str = ""
    dispute_type: str = ""
    ip_type: str = ""
    cause: str = ""
    filed_on: date | None = None
    is_schedule_a: bool = False
    url: str = ""
    parties: list[PartyRecord] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


Item = tuple[str, DisputeRecord | Skip | RecordError]


def is_schedule_a(text: str) -> bool:
    """Whether a party description or case name is the collective "Schedule A" defendants."""
    return bool(SCHEDULE_A.search(text or ""))


def split_nature(value: str) -> tuple[str, str]:
    """("830", "Patent") from "830 Patent" or "830 Property Rights: Patent"; ("", text) when
    there is no code."""
    match = NATURE.match(value or "")
    if match is None:
        return "", (value or "").strip()
    return match.group(1), match.group(2).strip()


def nature_skip_reason(code: str, schedule_a: bool, options: dict[str, Any]) -> str:
    """Why a district case is not monitored, or "" to keep it: kept are IP natures of suit
    (820, 830, 835, 840), Schedule A cases, and cases of unknown nature unless the source's
    `unknown_nature` option is "skip"."""
    if schedule_a or code in IP_NATURES:
        return ""
    if code:
        return _("nature of suit %(code)s is not monitored") % {"code": code}
    if options.get("unknown_nature", "keep") == "skip":
        return _("nature of suit not given")
    return ""


def parse_date(value: Any) -> date | None:
    """A date from an ISO date or datetime string (or a date); None when empty; RecordError
    when malformed."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise RecordError(_("not a date (YYYY-MM-DD): %(value)s") % {"value": text}) from None


def parties_from_title(title: str) -> list[PartyRecord]:
    """Plaintiff and defendant from a case name "A v. B" (the "et al" dropped)."""
    parts = re.split(r"\s+(?:v\.?|vs\.?)\s+", title.strip(), maxsplit=1)
    if len(parts) != 2:
        return []
    plaintiff, defendant = (re.sub(r",?\s+et\s+al\.?$", "", p.strip()) for p in parts)
    records = []
    if plaintiff:
        records.append(PartyRecord(PartyRole.PLAINTIFF, plaintiff))
    if defendant:
        records.append(PartyRecord(PartyRole.DEFENDANT, defendant, is_schedule_a(defendant)))
    return records


def small_raw(payload: dict[str, Any]) -> dict[str, Any]:
    """The source record, with long strings and lists cut so that a stored row stays small."""
    result: dict[str, Any] = {}
    budget = RAW_MAX_CHARS
    for key, value in payload.items():
        if isinstance(value, str):
            value = value[:500]
        elif isinstance(value, list):
            value = value[:20]
        elif not isinstance(value, int | float | bool | type(None) | dict):
            value = str(value)[:500]
        budget -= len(str(value))
        if budget < 0:
            break
        result[key] = value
    return result


def _clean(record: DisputeRecord) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in TRACKED_FIELDS:
        value = getattr(record, name)
        if isinstance(value, str):
            value = " ".join(value.split())[: MAX_LENGTHS[name]]
        values[name] = value
    if not values["ip_type"]:
        values["ip_type"] = str(NATURE_IP_TYPES.get(values["nature_code"], ""))
    return values


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def save_record(record: DisputeRecord, *, source: Source, run: ImportRun) -> str:
    """Store one record; "new", "updated" or "unchanged". Call inside a transaction."""
    values = _clean(record)
    dispute = Dispute.objects.filter(source=source, external_id=record.external_id).first()
    if dispute is None:
        dispute = Dispute.objects.create(
            source=source,
            external_id=record.external_id[:120],
            raw=small_raw(record.raw),
            first_run=run,
            **values,
        )
        _add_parties(dispute, record.parties, run)
        return "new"
    changes = {}
    for name, value in values.items():
        current = getattr(dispute, name)
        if value in ("", None, False) or value == current:
            continue  # an empty value in a poorer record never blanks what is stored
        changes[name] = [_json(current), _json(value)]
        setattr(dispute, name, value)
    added = _add_parties(dispute, record.parties, run)
    if added:
        changes["parties"] = added
    dispute.raw = small_raw(record.raw) or dispute.raw
    if not changes:
        dispute.save(update_fields=["raw"])
        return "unchanged"
    dispute.updated_at = timezone.now()
    dispute.save()
    DisputeChange.objects.create(dispute=dispute, run=run, changes=changes)
    return "updated"


def _add_parties(dispute: Dispute, parties: list[PartyRecord], run: ImportRun) -> list[str]:
    existing = set(dispute.parties.values_list("role", "normalized"))
    added = []
    for party in parties:
        name = " ".join(party.name.split())[:500]
        key = (party.role, normalize(name))
        if not key[1] or key in existing:
            continue
        existing.add(key)
        Party.objects.create(
            dispute=dispute,
            role=party.role,
            name=name,
            normalized=key[1],
            is_placeholder=party.placeholder,
            country=(party.country or "")[:2].upper(),
            run=run,
        )
        added.append(name)
    return added


def read_text(data: bytes) -> str:
    """Bytes as text: UTF-8 (with or without BOM), else Latin-1 as PACER feeds declare."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def numbered(items: list[Any], label: str) -> Iterator[tuple[str, Any]]:
    """("<label> 1", first), ("<label> 2", second)…"""
    for index, item in enumerate(items, start=1):
        yield f"{label} {index}", item


def fetch_url(url: str, *, transport: httpx.BaseTransport | None = None) -> bytes:
    """The body at `url`; ImportFileError when it cannot be fetched."""
    try:
        with httpx.Client(transport=transport, timeout=30, follow_redirects=True) as client:
            response = client.get(url)
            response.raise_for_status()
    except httpx.HTTPError as exc:
        message = _("The source could not be fetched: %(error)s") % {"error": exc}
        raise ImportFileError(message) from None
    return response.content
