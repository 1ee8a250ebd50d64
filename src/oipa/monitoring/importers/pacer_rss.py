"""PACER court RSS feeds ("Recent Entries"), parsed with juriscraper's `PacerRssFeed`.

Options (`Source.config`): `court_id` (juriscraper's court id, e.g. "ilnd", "sdny", "cafc";
default: taken from the feed's ECF host) and `unknown_nature` ("keep" by default, or "skip").

A feed has one item per docket entry, so items of the same case are merged into one record keyed
"<court_id>:<pacer case id>" (appellate feeds have no case id: the docket number instead). District
feeds keep civil cases only, and of those patent (830, 835), trademark (840) and copyright (820)
cases and Schedule A cases;
PACER RSS items never carry the nature of suit, so by default a district case whose nature is
unknown is kept (its parties still go through matching) unless the option says "skip".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
from django.utils.translation import gettext as _

from oipa.core.taxonomy.choices import DisputeType

from ..models import Source
from .base import (
    DisputeRecord,
    ImportFileError,
    Item,
    RecordError,
    Skip,
    fetch_url,
    is_schedule_a,
    nature_skip_reason,
    parties_from_title,
    read_text,
)

HOST = re.compile(r"ecf\.([a-z0-9]+)\.uscourts\.gov", re.IGNORECASE)
# PACER host names that differ from juriscraper's court ids.
HOST_TO_COURT = {"nysd": "sdny", "nynd": "ndny", "nywd": "wdny"}
COURT_NAMES = {
    "cafc": "U.S. Court of Appeals for the Federal Circuit",
    "cacd": "U.S. District Court, C.D. California",
    "cand": "U.S. District Court, N.D. California",
    "ded": "U.S. District Court, D. Delaware",
    "flsd": "U.S. District Court, S.D. Florida",
    "ilnd": "U.S. District Court, N.D. Illinois",
    "njd": "U.S. District Court, D. New Jersey",
    "nyed": "U.S. District Court, E.D. New York",
    "sdny": "U.S. District Court, S.D. New York",
    "txed": "U.S. District Court, E.D. Texas",
    "txwd": "U.S. District Court, W.D. Texas",
    "wawd": "U.S. District Court, W.D. Washington",
}
UNKNOWN_TITLE = "Unknown Case Title"


def court_name(court_id: str) -> str:
    """A readable court name for the id, or the id itself."""
    return COURT_NAMES.get(court_id, court_id.upper())


def _court_id(options: dict[str, Any], text: str) -> str:
    if options.get("court_id"):
        return str(options["court_id"])
    match = HOST.search(text[:3000])
    if match is None:
        raise ImportFileError(_("The feed names no court; set the source's court_id option."))
    host = match.group(1).lower()
    return HOST_TO_COURT.get(host, host)


def _parse(text: str, court_id: str):
    from juriscraper.pacer import PacerRssFeed

    feed = PacerRssFeed(court_id)
    feed._parse_text(text)
    if feed.feed.bozo and not any("title" in e for e in feed.feed.entries):
        problem = feed.feed.get("bozo_exception")
        raise ImportFileError(_("Not a readable RSS feed: %(problem)s") % {"problem": problem})
    return feed


def _broken_at(feed: Any) -> Item | None:
    """A note for a feed cut short or malformed after some readable items."""
    problem = feed.feed.get("bozo_exception") if feed.feed.bozo else None
    if problem is None or "encoding" in type(problem).__name__.lower():
        return None  # a declared-encoding mismatch is harmless
    line = getattr(problem, "getLineNumber", lambda: "?")()
    message = _("the feed is malformed from here on: %(problem)s") % {"problem": problem}
    return _("line %(n)s") % {"n": line}, RecordError(message)


def read(data: bytes, *, options: dict[str, Any] | None = None) -> Iterator[Item]:
    """The feed's cases, one record per case (items merged), in feed order."""
    options = options or {}
    text = read_text(data)
    court_id = _court_id(options, text)
    feed = _parse(text, court_id)
    cases: dict[str, tuple[str, dict[str, Any], list[dict[str, Any]], str]] = {}
    for index, entry in enumerate(feed.feed.entries, start=1):
        position = _("item %(n)s") % {"n": index}
        try:
            meta = feed.metadata(entry)
            entries = feed.docket_entries(entry)
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            yield position, RecordError(_("malformed item: %(error)s") % {"error": exc})
            continue
        if not meta.get("docket_number"):
            yield position, RecordError(_("no docket number in the item title"))
            continue
        key = f"{court_id}:{meta.get('pacer_case_id') or meta['docket_number']}"
        if key in cases:
            cases[key][2].extend(entries)
        else:
            cases[key] = (position, meta, list(entries), entry.get("link", ""))
    for key, (position, meta, entries, link) in cases.items():
        yield position, _record(key, meta, entries, link, feed, options)
    broken = _broken_at(feed)
    if broken is not None:
        yield broken


def _record(
    key: str,
    meta: dict[str, Any],
    entries: list[dict[str, Any]],
    link: str,
    feed: Any,
    options: dict[str, Any],
) -> DisputeRecord | Skip:
    title = meta.get("case_name") or ""
    title = "" if title == UNKNOWN_TITLE else title
    schedule_a = is_schedule_a(title)
    district = not feed.is_appellate and not feed.is_bankruptcy
    if district and meta.get("federal_dn_case_type") not in (None, "", "cv"):
        return Skip(_("not a civil case"))
    if district:
        reason = nature_skip_reason("", schedule_a, options)
        if reason:
            return Skip(reason)
    return DisputeRecord(
        external_id=key,
        forum=court_name(meta["court_id"]),
        court_id=meta["court_id"],
        case_number=meta["docket_number"],
        title=title,
        filed_on=_complaint_date(entries),
        dispute_type=DisputeType.LITIGATION,
        is_schedule_a=schedule_a,
        url=link,
        parties=parties_from_title(title),
        raw={**meta, "docket_entries": [_entry_json(e) for e in entries[:20]]},
    )


def _complaint_date(entries: list[dict[str, Any]]):
    dates = [
        e["date_filed"].date()
        for e in entries
        if "complaint" in (e.get("short_description") or "").lower() and e.get("date_filed")
    ]
    return min(dates) if dates else None


def _entry_json(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in entry.items()}


def fetch(source: Source, *, transport: httpx.BaseTransport | None = None) -> bytes:
    """The feed at the source's URL (PACER RSS needs no login)."""
    return fetch_url(source.url, transport=transport)
