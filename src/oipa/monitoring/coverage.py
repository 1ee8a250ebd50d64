"""What the public coverage page says about each monitored source (no internal details).

For every enabled source: its name and kind, how often it is read, when it last ran
successfully, its lag, and the known gaps of its kind. The lag is the median, over the disputes
first seen in the last 30 days that carry a filing date, of the whole days between the filing
date the source publishes and the day we first saw the dispute (filing dates have no time of
day, so whole days are the honest unit). URLs, options, run counts and errors are not shown.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Source, SourceKind

LAG_WINDOW = timedelta(days=30)

KNOWN_GAPS: dict[str, list[Promise]] = {
    SourceKind.PACER_RSS: [
        _(
            "The court RSS feed lists only recent docket entries (about the last day); "
            "cases filed while the feed was not read for longer than that are missed."
        ),
        _("Many RSS items carry no nature of suit, so some IP cases cannot be recognised."),
        _(
            "Defendants listed only on a sealed Schedule A are not named until the list is "
            "unsealed."
        ),
    ],
    SourceKind.COURTLISTENER: [
        _(
            "CourtListener holds only the dockets its users have retrieved from PACER, so "
            "coverage is incomplete and may lag by days."
        ),
    ],
    SourceKind.ITC337: [
        _(
            "Section 337 investigations are read from the USITC 337Info export, which the "
            "Commission updates after institution; a complaint is seen only once the "
            "investigation is instituted (usually about 30 days after filing)."
        ),
    ],
    SourceKind.SPREADSHEET: [
        _(
            "Entered by Center staff from other channels (customs seizures, platform "
            "complaints, letters); not scheduled."
        ),
    ],
}

GENERAL_GAPS: list[Promise] = [
    _(
        "Only United States courts and the US ITC are read automatically; disputes elsewhere "
        "are entered by Center staff when they learn of them."
    ),
    _("Sealed cases and cases not yet published by the court cannot be seen."),
]


@dataclass
class SourceCoverage:
    """What the public may know of one source."""

    slug: str
    name: str
    kind: str
    scheduled: bool
    schedule_minutes: int
    last_success_at: datetime | None
    lag_days: float | None
    lag_sample: int
    gaps: list[Promise] = field(default_factory=list)


def lag_days(source: Source, now: datetime | None = None) -> tuple[float | None, int]:
    """(median lag in days, disputes measured) over the last 30 days; (None, 0) without data."""
    now = now or timezone.now()
    rows = source.disputes.filter(
        first_seen_at__gte=now - LAG_WINDOW, filed_on__isnull=False
    ).values_list("filed_on", "first_seen_at")
    lags = [max(0, (timezone.localdate(seen) - filed).days) for filed, seen in rows if filed]
    if not lags:
        return None, 0
    return float(statistics.median(lags)), len(lags)


def source_coverage(now: datetime | None = None) -> list[SourceCoverage]:
    """The enabled sources as shown on the public coverage page, by name."""
    result = []
    for source in Source.objects.filter(enabled=True).order_by("name"):
        lag, sample = lag_days(source, now)
        result.append(
            SourceCoverage(
                slug=source.slug,
                name=source.name,
                kind=source.get_kind_display(),
                scheduled=bool(source.url),
                schedule_minutes=source.schedule_minutes,
                last_success_at=source.last_success_at,
                lag_days=lag,
                lag_sample=sample,
                gaps=KNOWN_GAPS.get(source.kind, []),
            )
        )
    return result
