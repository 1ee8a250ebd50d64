"""Celery entry points of guidance applications."""

from __future__ import annotations

from celery import shared_task
from django.db import transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from oipa.core.runs import recorded_run

from .models import ClockKind, SlaClock
from .services._common import center_handlers, notify_event
from .sla import clocks_due_soon, today


@shared_task(name="oipa.assistance.tasks.remind_clocks_due")
def remind_clocks_due() -> int:
    """Daily: tell the case officer (or all Center staff) about clocks due by the next working
    day or overdue. Each clock is reminded at most once a day, however often this runs."""
    with recorded_run("assistance.remind_clocks_due") as counts:
        counts["reminded"] = _remind(today())
    return counts["reminded"]


def _remind(on) -> int:
    sent = 0
    for clock in clocks_due_soon(on):
        with transaction.atomic():
            claimed = (
                SlaClock.objects.filter(pk=clock.pk).exclude(reminded_on=on).update(reminded_on=on)
            )
            if not claimed:
                continue
            application = clock.application
            overdue = clock.due_on < on
            subject = (
                _("A service deadline has passed") if overdue else _("A service deadline is due")
            )
            notify_event(
                application,
                f"sla-{clock.kind}-{on:%Y%m%d}",
                center_handlers(application),
                subject,
                format_lazy("{}: {}", ClockKind(clock.kind).label, f"{clock.due_on:%Y-%m-%d}"),
            )
            sent += 1
    return sent
