"""Builders of monitoring sources for tests and demo data (idempotent, ORM-direct)."""

from __future__ import annotations

from typing import Any

from .models import Source, SourceKind

DEFAULT_SOURCES = [
    # slug, kind, name, url, config
    (
        "ilnd-rss",
        SourceKind.PACER_RSS,
        "PACER RSS · N.D. Illinois",
        "https://ecf.ilnd.uscourts.gov/cgi-bin/rss_outside.pl",
        {"court_id": "ilnd"},
    ),
    (
        "courtlistener-ip",
        SourceKind.COURTLISTENER,
        "CourtListener · IP dockets",
        "https://www.courtlistener.com/api/rest/v4/search/?type=r&nature_of_suit=840",
        {},
    ),
    ("itc-337", SourceKind.ITC337, "US ITC · Section 337", "", {}),
    ("staff-upload", SourceKind.SPREADSHEET, "Staff uploads and entries", "", {}),
]


def build_source(
    *, slug: str, kind: str, name: str = "", url: str = "", config: dict[str, Any] | None = None
) -> Source:
    """The source with this slug, created when missing."""
    source, _created = Source.objects.get_or_create(
        slug=slug,
        defaults={"kind": kind, "name": name or slug, "url": url, "config": config or {}},
    )
    return source


def build_default_sources() -> dict[str, Source]:
    """The usual sources (PACER N.D. Ill., CourtListener, ITC, staff uploads), by slug."""
    return {
        slug: build_source(slug=slug, kind=kind, name=name, url=url, config=config)
        for slug, kind, name, url, config in DEFAULT_SOURCES
    }
