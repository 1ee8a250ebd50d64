"""Owners of foreign publications: the key that groups one owner's filings, and serial squatters
(owners whose marks hit several different watched brands within a period).

A serial squatter (several different watched brands hit, or many marks that look like Chinese
brands: Chinese characters or pinyin) is strong evidence of bad faith in an opposition; no
commercial watch service shows it to the victims. Center only (see `access.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from oipa.matching.normalize import fold

from .models import Hit, HitStatus, Publication

_JUNK = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_LEGAL = re.compile(
    r"\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|l\s?l\s?c|gmbh|sarl|"
    r"s\s?a|pty|plc|trading)\b"
)


def normalize_owner(name: str) -> str:
    """An owner's grouping key: folded, legal forms and punctuation dropped
    ("Shenzhen XYZ Trading Co., Ltd." and "SHENZHEN XYZ" give the same key)."""
    text = _LEGAL.sub(" ", fold(name or ""))
    return " ".join(_JUNK.sub(" ", text).split())[:500]


@dataclass(frozen=True)
class Squatter:
    """An owner whose publications hit `brands` different watched marks, or who filed
    `chinese_marks` marks that look like Chinese brands, within the window."""

    owner_normalized: str
    owner_name: str
    brands: int
    publications: int
    chinese_marks: int = 0


def _since():
    return timezone.now() - timedelta(days=settings.WATCH_SERIAL_WINDOW_DAYS)


def _window_hits() -> QuerySet[Hit]:
    return Hit.objects.filter(created_at__gte=_since()).exclude(status=HitStatus.DISMISSED)


def serial_squatters() -> list[Squatter]:
    """Owners with hits on at least `WATCH_SERIAL_MIN_BRANDS` different watched marks, or with
    at least `WATCH_SERIAL_MIN_CHINESE_MARKS` marks that look like Chinese brands (Chinese
    characters or pinyin), first seen within `WATCH_SERIAL_WINDOW_DAYS`; most brands first."""
    hits = {
        row["publication__owner_normalized"]: row
        for row in _window_hits()
        .exclude(publication__owner_normalized="")
        .values("publication__owner_normalized")
        .annotate(
            brands=Count("watched_mark", distinct=True),
            publications=Count("publication", distinct=True),
        )
    }
    chinese = dict(
        Publication.objects.filter(looks_chinese=True, first_seen_at__gte=_since())
        .exclude(owner_normalized="")
        .values("owner_normalized")
        .annotate(marks=Count("pk"))
        .filter(marks__gte=settings.WATCH_SERIAL_MIN_CHINESE_MARKS)
        .values_list("owner_normalized", "marks")
    )
    keys = {k for k, row in hits.items() if row["brands"] >= settings.WATCH_SERIAL_MIN_BRANDS}
    keys |= set(chinese)
    names = dict(
        Publication.objects.filter(owner_normalized__in=keys).values_list(
            "owner_normalized", "owner_name"
        )
    )
    found = [
        Squatter(
            key,
            names.get(key, ""),
            hits[key]["brands"] if key in hits else 0,
            hits[key]["publications"] if key in hits else 0,
            chinese.get(key, 0),
        )
        for key in keys
    ]
    return sorted(found, key=lambda s: (-s.brands, -s.chinese_marks, s.owner_normalized))


def squatter_keys() -> set[str]:
    return {s.owner_normalized for s in serial_squatters()}


def chinese_marks_of(owner_normalized: str) -> int:
    """How many marks that look like Chinese brands this owner filed in the window."""
    if not owner_normalized:
        return 0
    return Publication.objects.filter(
        owner_normalized=owner_normalized, looks_chinese=True, first_seen_at__gte=_since()
    ).count()


def brands_hit_by(owner_normalized: str) -> int:
    """How many different watched marks this owner's publications hit in the window."""
    if not owner_normalized:
        return 0
    return (
        _window_hits()
        .filter(Q(publication__owner_normalized=owner_normalized))
        .values("watched_mark")
        .distinct()
        .count()
    )


def portfolio(owner_normalized: str) -> QuerySet[Publication]:
    """Every publication of this owner, newest first, with its hits."""
    return (
        Publication.objects.filter(owner_normalized=owner_normalized)
        .prefetch_related("hits__watched_mark")
        .order_by("-publication_date", "-filing_date", "-pk")
    )
