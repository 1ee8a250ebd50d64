"""Re-matching: when an enterprise registers, is put on the watch list or gets a new name,
the parties of recent disputes are matched against it again, so that it is alerted to live
disputes filed before it was monitored under that name.

Recent means filed (else first seen) within `settings.MONITORING_REMATCH_DAYS` days. Only that
one enterprise is matched, so a run costs one small engine build and one pass over the recent
parties. Running it again changes nothing: a match exists once per party and enterprise and an
alert once per enterprise and dispute; remembered staff decisions apply as in the hourly import.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .matching_service import Engine, _decisions, _store, alert_threshold
from .models import Party, PartyMatch
from .names import enterprise_record, org_key, watch_key


def recent_parties(days: int | None = None) -> QuerySet[Party]:
    """Named (not placeholder) parties of disputes filed, else first seen, in the last `days`."""
    days = settings.MONITORING_REMATCH_DAYS if days is None else days
    since = timezone.now() - timedelta(days=days)
    recent = Q(dispute__filed_on__gte=since.date()) | Q(
        dispute__filed_on__isnull=True, dispute__first_seen_at__gte=since
    )
    return Party.objects.filter(recent, is_placeholder=False).select_related("dispute")


def rematch_enterprise(
    enterprise_key: str, *, days: int | None = None, engine: Engine | None = None
) -> dict[str, int]:
    """Match the recent parties against one enterprise and alert it on alertable matches;
    counts {"parties", "matches_created", "alerts_created"} (zeros for an enterprise that is
    not monitored)."""
    from oipa.matching import MatchingEngine

    from . import services_alerts

    counts = {"parties": 0, "matches_created": 0, "alerts_created": 0}
    record = enterprise_record(enterprise_key)
    if record is None:
        return counts
    parties = list(recent_parties(days))
    counts["parties"] = len(parties)
    if not parties:
        return counts
    engine = engine or MatchingEngine.build([record])
    results = engine.match([p.name for p in parties])
    decisions = _decisions(parties)
    threshold = alert_threshold()
    for party, matches in zip(parties, results, strict=True):
        for match in matches:
            if match.enterprise_id != enterprise_key:
                continue
            try:
                with transaction.atomic():
                    counts["matches_created"] += _store(party, match, threshold, decisions)
            except IntegrityError:
                continue  # a concurrent run stored the same match
    alertable = PartyMatch.objects.alertable().filter(
        enterprise_key=enterprise_key, party__in=recent_parties(days).values("pk")
    )
    counts["alerts_created"] = services_alerts.alert_matches(alertable)
    return counts


def queue_rematch(*, organization_id: int | None = None, watched_id: int | None = None) -> None:
    """After the surrounding transaction commits, re-match recent parties against the
    registered (`organization_id`) or watched (`watched_id`) enterprise."""
    from .tasks import rematch_enterprise as task

    key: Any = org_key(organization_id) if organization_id is not None else None
    if watched_id is not None:
        key = watch_key(watched_id)
    if key is None:
        raise ValueError("queue_rematch needs an organization or a watched enterprise")
    transaction.on_commit(partial(task.delay, key))
