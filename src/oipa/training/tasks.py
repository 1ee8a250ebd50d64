"""Celery entry points of training: the reminder run beat starts every half hour."""

from __future__ import annotations

from celery import shared_task

from oipa.core.runs import recorded_run

from . import services


@shared_task(name="oipa.training.tasks.send_event_reminders")
def send_event_reminders() -> int:
    """Remind registered enterprises of events starting soon; each registration once, so a
    retry or a second worker sends nothing twice. Leaves a run record with the count."""
    with recorded_run("training.send_event_reminders") as counts:
        counts["reminded"] = services.send_due_reminders()
    return counts["reminded"]
