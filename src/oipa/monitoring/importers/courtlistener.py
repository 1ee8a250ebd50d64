"""CourtListener REST API v4: dockets (`/api/rest/v4/dockets/`) and RECAP search results
(`/api/rest/v4/search/?type=r`).

A file or response is one docket object, a list of them, or a page {"count", "next", "results"}.
Docket objects carry `id`, `case_name`, `docket_number`, `court_id`, `date_filed`,
`nature_of_suit`, `cause`, `absolute_url` and, where the caller embedded them from the parties
endpoint, `parties` [{"name", "party_types": [{"name": "Defendant"}]}]. Search results carry
`docket_id`, `caseName`, `docketNumber`, `court_id`, `court`, `dateFiled`, `suitNature`, `cause`,
`docket_absolute_url` and `party` (names without roles). Kept: natures of suit 820/830/835/840,
Schedule A cases, and cases of unknown nature unless the source option `unknown_nature` is "skip".

The source URL is fetched with the token from settings.COURTLISTENER_TOKEN, following `next`
for at most `max_pages` pages (option, default 5).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from oipa.core.taxonomy.choices import DisputeType

from ..models import PartyRole, Source
from .base import (
    DisputeRecord,
    ImportFileError,
    Item,
    PartyRecord,
    RecordError,
    Skip,
    is_schedule_a,
    nature_skip_reason,
    parse_date,
    parties_from_title,
    split_nature,
)
from .pacer_rss import court_name

SITE = "https://www.courtlistener.com"
ROLES = {
    "plaintiff": PartyRole.PLAINTIFF,
    "petitioner": PartyRole.PLAINTIFF,
    "counter-defendant": PartyRole.PLAINTIFF,
    "defendant": PartyRole.DEFENDANT,
    "respondent": PartyRole.RESPONDENT,
    "counter-claimant": PartyRole.DEFENDANT,
}


def _records(payload: Any) -> list[Any]:
    if isinstance(payload, dict) and isinstance(payload.get("results"), list):
        return payload["results"]
    if isinstance(payload, dict):
        return [payload]
    if isinstance(payload, list):
        return payload
    raise ImportFileError(_("Expected a docket, a list of dockets or a page of results."))


def read(data: bytes, *, options: dict[str, Any] | None = None) -> Iterator[Item]:
    """Each docket or search result of the file."""
    options = options or {}
    try:
        payload = json.loads(data)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise ImportFileError(_("Not valid JSON: %(error)s") % {"error": exc}) from None
    for index, item in enumerate(_records(payload), start=1):
        position = _("record %(n)s") % {"n": index}
        try:
            yield position, _record(item, options)
        except RecordError as exc:
            yield position, exc


def _get(item: dict[str, Any], *names: str) -> Any:
    for name in names:
        if item.get(name) not in (None, ""):
            return item[name]
    return ""


def _record(item: Any, options: dict[str, Any]) -> DisputeRecord | Skip:
    if not isinstance(item, dict):
        raise RecordError(_("not a JSON object"))
    docket_id = _get(item, "id", "docket_id")
    if not docket_id:
        raise RecordError(_("no docket id"))
    title = str(_get(item, "case_name", "caseName", "case_name_full"))
    code, text = split_nature(str(_get(item, "nature_of_suit", "suitNature")))
    parties = _parties(item, title)
    schedule_a = is_schedule_a(title) or any(p.placeholder for p in parties)
    court_id = str(_get(item, "court_id"))
    if not court_id.endswith("b") and not court_id[-1:].isdigit():
        reason = nature_skip_reason(code, schedule_a, options)
        if reason:
            return Skip(reason)
    path = str(_get(item, "absolute_url", "docket_absolute_url"))
    court = item.get("court")
    forum = court if isinstance(court, str) and not court.startswith("http") else ""
    return DisputeRecord(
        external_id=str(docket_id),
        forum=forum or court_name(court_id),
        court_id=court_id,
        case_number=str(_get(item, "docket_number", "docketNumber")),
        title=title,
        nature_code=code,
        nature_text=text,
        dispute_type=DisputeType.LITIGATION,
        cause=str(_get(item, "cause")),
        filed_on=parse_date(_get(item, "date_filed", "dateFiled")),
        is_schedule_a=schedule_a,
        url=f"{SITE}{path}" if path.startswith("/") else path,
        parties=parties,
        raw={k: v for k, v in item.items() if k not in ("parties", "party")},
    )


def _parties(item: dict[str, Any], title: str) -> list[PartyRecord]:
    parties = item.get("parties")
    if isinstance(parties, list) and parties:
        return [_party(p) for p in parties if isinstance(p, dict) and p.get("name")]
    names = item.get("party")
    from_title = parties_from_title(title)
    if isinstance(names, list) and names:
        known = {p.name.casefold() for p in from_title}
        extra = [
            PartyRecord(PartyRole.OTHER, str(n), is_schedule_a(str(n)))
            for n in names
            if str(n).casefold() not in known
        ]
        return from_title + extra
    return from_title


def _party(party: dict[str, Any]) -> PartyRecord:
    types = party.get("party_types") or [{}]
    label = str((types[0] or {}).get("name", "")).strip().lower()
    name = str(party["name"])
    return PartyRecord(ROLES.get(label, PartyRole.OTHER), name, is_schedule_a(name))


def fetch(source: Source, *, transport: httpx.BaseTransport | None = None) -> bytes:
    """Every page of results at the source's URL, as one JSON page {"results": [...]}."""
    token = getattr(settings, "COURTLISTENER_TOKEN", "")
    headers = {"Authorization": f"Token {token}"} if token else {}
    max_pages = int(source.config.get("max_pages", 5))
    results: list[Any] = []
    url: str | None = source.url
    try:
        with httpx.Client(transport=transport, headers=headers, timeout=30) as client:
            for _page in range(max_pages):
                if not url:
                    break
                response = client.get(url)
                response.raise_for_status()
                page = response.json()
                results.extend(_records(page))
                url = page.get("next") if isinstance(page, dict) else None
    except (httpx.HTTPError, ValueError) as exc:
        raise ImportFileError(
            _("CourtListener could not be read: %(error)s") % {"error": exc}
        ) from None
    return json.dumps({"results": results}).encode()
