"""Celery entry points of dispute alerts. They take IDs and are safe to run twice: the second
run finds every alert already there and notifies nobody again."""

from __future__ import annotations

from celery import shared_task

from . import services_alerts
from .models import PartyMatch


@shared_task(name="oipa.monitoring.tasks_alerts.alert_run")
def alert_run(run_id: int) -> int:
    """Alert the enterprises named by the run's alertable matches; alerts created now."""
    return services_alerts.create_alerts_for_run(run_id)


@shared_task(name="oipa.monitoring.tasks_alerts.alert_match")
def alert_match(match_id: int) -> bool:
    """Alert on one match (e.g. just confirmed by staff); True when it is alertable."""
    match = PartyMatch.objects.select_related("party").filter(pk=match_id).first()
    if match is None:
        return False
    return services_alerts.create_alerts_for_match(match) is not None
