"""Matching dispute parties against every monitored enterprise, through `oipa.matching`.

For each party not yet matched, the engine's candidates at or above its review threshold become
`PartyMatch` rows recording the alias, its kind, the rule and the score. A remembered staff
decision on the same (normalized party name, enterprise) decides the match at once; otherwise a
score at or above ALERT_THRESHOLD is "confident" and a lower one goes to the review queue.
Collective placeholders (the Schedule A defendants) are not matched. Running it again changes
nothing: parties are claimed by `matched_at`, and a match exists once per party and enterprise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from oipa.accounts.models import Organization

from .models import (
    ImportRun,
    MatchDecision,
    MatchStatus,
    Party,
    PartyMatch,
    Verdict,
    WatchedEnterprise,
)
from .names import enterprise_records, parse_key


class Engine(Protocol):
    def match(self, parties: list[str], *, threshold: float = ..., limit: int = ...) -> Any: ...


def build_engine() -> Engine:
    """The matching engine over today's monitored enterprises."""
    from oipa.matching import MatchingEngine

    return MatchingEngine.build(enterprise_records())


def alert_threshold() -> float:
    from oipa.matching import ALERT_THRESHOLD

    return float(ALERT_THRESHOLD)


def match_run(run: ImportRun, *, engine: Engine | None = None, threshold: float | None = None):
    """Match the parties first seen in `run`, then mark the run matched; returns the number of
    matches created."""
    parties = Party.objects.filter(run=run, matched_at__isnull=True).select_related("dispute")
    created = match_parties(list(parties), engine=engine, threshold=threshold)
    ImportRun.objects.filter(pk=run.pk).update(matched_at=timezone.now())
    return created


def match_parties(
    parties: Sequence[Party], *, engine: Engine | None = None, threshold: float | None = None
) -> int:
    """Match `parties` (those already matched are left alone); returns matches created."""
    pending = [p for p in parties if p.matched_at is None]
    if not pending:
        return 0
    named = [p for p in pending if not p.is_placeholder]
    threshold = alert_threshold() if threshold is None else threshold
    results = (engine or build_engine()).match([p.name for p in named]) if named else []
    decisions = _decisions(named)
    created = 0
    now = timezone.now()
    for party, matches in zip(named, results, strict=True):
        with transaction.atomic():
            claimed = Party.objects.filter(pk=party.pk, matched_at__isnull=True).update(
                matched_at=now
            )
            if not claimed:
                continue  # another worker got there first
            for match in matches:
                created += _store(party, match, threshold, decisions)
    Party.objects.filter(pk__in=[p.pk for p in pending if p.is_placeholder]).update(matched_at=now)
    return created


def _decisions(parties: Sequence[Party]) -> dict[tuple[str, str], str]:
    rows = MatchDecision.objects.filter(party_normalized__in={p.normalized for p in parties})
    return {(d.party_normalized, d.enterprise_key): d.verdict for d in rows}


def _status(score: float, threshold: float, verdict: str | None) -> str:
    if verdict == Verdict.CONFIRM:
        return MatchStatus.AUTO_CONFIRMED
    if verdict == Verdict.REJECT:
        return MatchStatus.AUTO_REJECTED
    return MatchStatus.CONFIDENT if score >= threshold else MatchStatus.REVIEW


def _enterprise(key: str) -> dict[str, Any] | None:
    try:
        kind, pk = parse_key(key)
    except ValueError:
        return None
    if kind == "org":
        organization = Organization.objects.filter(pk=pk).first()
        return {"organization": organization} if organization else None
    watched = WatchedEnterprise.objects.filter(pk=pk).first()
    return {"watched": watched} if watched else None


def _store(party: Party, match: Any, threshold: float, decisions: dict) -> int:
    enterprise = _enterprise(match.enterprise_id)
    if enterprise is None:
        return 0
    verdict = decisions.get((party.normalized, match.enterprise_id))
    _row, created = PartyMatch.objects.get_or_create(
        party=party,
        enterprise_key=match.enterprise_id,
        defaults={
            **enterprise,
            "alias": match.alias[:300],
            "alias_kind": match.alias_kind[:12],
            "rule": match.rule[:30],
            "score": float(match.score),
            "status": _status(float(match.score), threshold, verdict),
        },
    )
    return int(created)


def confident_matches_for_alerting(run: ImportRun):
    """The alertable matches (confident or confirmed) of the parties first seen in `run`."""
    return (
        PartyMatch.objects.alertable()
        .filter(party__run=run)
        .select_related("party__dispute", "organization", "watched")
    )
