"""The document every search provider yields; the index stores exactly these fields."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class SearchDocument:
    kind: str  # "profile" | "case" | "guide" | "bulletin" | "institution" | "mediation_body"
    key: str  # the object's public UUID as str
    title: str  # Chinese and English titles joined if both exist
    body: str  # plain text, no HTML
    url: str  # public page path
    jurisdictions: tuple[str, ...] = ()
    ip_types: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    published_at: datetime | None = None
