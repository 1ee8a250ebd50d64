"""Celery entry points of dispute monitoring. They take IDs and are safe to run twice."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from oipa.core.runs import recorded_run

from . import matching_service, rematch, services, tasks_alerts
from .models import ImportRun, RunStatus, Source

# A run still "running" after this long is taken to have died with its worker.
STALE_RUN = timedelta(hours=2)


@shared_task(name="oipa.monitoring.tasks.import_source")
def import_source(source_id: int) -> int | None:
    """Import one source from its URL as the system; the run's id, or None when the source
    is disabled or already being imported."""
    source = Source.objects.filter(pk=source_id, enabled=True).first()
    if source is None or _running(source):
        return None
    return services.import_source(actor=None, source=source).pk


def _running(source: Source) -> bool:
    recent = timezone.now() - STALE_RUN
    return source.runs.filter(status=RunStatus.RUNNING, started_at__gte=recent).exists()


@shared_task(name="oipa.monitoring.tasks.match_run")
def match_run(run_id: int) -> int:
    """Match the parties first seen in the run; the number of matches created (0 on a retry)."""
    run = ImportRun.objects.filter(pk=run_id).first()
    if run is None:
        return 0
    created = matching_service.match_run(run)
    tasks_alerts.alert_run.delay(run.pk)
    return created


@shared_task(name="oipa.monitoring.tasks.run_due_sources")
def run_due_sources() -> list[int]:
    """Every few minutes (beat): queue an import of each enabled source whose schedule is due."""
    now = timezone.now()
    due = [s.pk for s in Source.objects.select_related("last_run") if s.is_due(now)]
    for source_id in due:
        import_source.delay(source_id)
    return due


@shared_task(name="oipa.monitoring.tasks.rematch_enterprise")
def rematch_enterprise(enterprise_key: str) -> dict[str, int]:
    """Match recent disputes' parties against one enterprise ("org:<pk>" or "watch:<pk>") that
    has just registered or got a new name, and alert it; safe to run twice (see `rematch`)."""
    with recorded_run("monitoring.rematch_enterprise") as counts:
        counts.update(rematch.rematch_enterprise(enterprise_key), enterprise=enterprise_key)
    return counts
