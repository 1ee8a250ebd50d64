"""Service-level clocks in Chinese working days, and the urgency of a response deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from oipa.core.calendar.working_days import add_working_days, count_working_days

from .models import Application, ClockKind, SlaClock


def sla_days(kind: str) -> int:
    """The configured working days for a clock kind (settings SLA_*_DAYS)."""
    days: dict[str, int] = {
        ClockKind.ACCEPTANCE: settings.SLA_ACCEPTANCE_DAYS,
        ClockKind.ASSIGNMENT: settings.SLA_ASSIGNMENT_DAYS,
        ClockKind.FIRST_GUIDANCE: settings.SLA_FIRST_GUIDANCE_DAYS,
    }
    return days[kind]


def today() -> date:
    """Today in Beijing (the clocks count Chinese working days)."""
    return timezone.localdate()


def start_clock(application: Application, kind: str, *, on: date | None = None) -> SlaClock:
    """Start (or restart, after a reopening) the clock of this kind from `on`."""
    on = on or today()
    due = add_working_days(on, sla_days(kind))
    clock, _created = SlaClock.objects.update_or_create(
        application=application,
        kind=kind,
        defaults={
            "started_on": on,
            "due_on": due.date,
            "provisional": due.provisional,
            "paused_on": None,
            "stopped_on": None,
            "reminded_on": None,
        },
    )
    return clock


def stop_clock(application: Application, kind: str, *, on: date | None = None) -> None:
    """Stop a running or paused clock; stopping twice keeps the first stop. A paused clock is
    resumed first, so time spent waiting for the enterprise never counts as a breach."""
    on = on or today()
    resume_clock(application, kind, on=on)
    SlaClock.objects.filter(application=application, kind=kind, stopped_on__isnull=True).update(
        stopped_on=on, paused_on=None
    )


def pause_clock(application: Application, kind: str, *, on: date | None = None) -> None:
    """Pause a running clock (the Center waits for the enterprise); no effect otherwise."""
    SlaClock.objects.filter(
        application=application, kind=kind, stopped_on__isnull=True, paused_on__isnull=True
    ).update(paused_on=on or today())


def resume_clock(application: Application, kind: str, *, on: date | None = None) -> None:
    """Resume a paused clock with the working days that were left when it was paused (at least
    one, so an answer never arrives already overdue). A clock paused after its due date stays
    breached: its due date does not move."""
    on = on or today()
    clock = SlaClock.objects.filter(
        application=application, kind=kind, stopped_on__isnull=True, paused_on__isnull=False
    ).first()
    if clock is None:
        return
    assert clock.paused_on is not None  # filtered on paused_on__isnull=False
    if clock.paused_on <= clock.due_on:
        left = count_working_days(clock.paused_on, clock.due_on)
        due = add_working_days(on, max(left.days, 1))
        clock.due_on = due.date
        clock.provisional = clock.provisional or due.provisional or left.provisional
    clock.paused_on = None
    clock.save(update_fields=["due_on", "paused_on", "provisional"])


def clocks_due_soon(on: date | None = None) -> QuerySet[SlaClock]:
    """Running clocks due by the next working day (or already overdue) not yet reminded today."""
    on = on or today()
    horizon = add_working_days(on, 1).date
    return (
        SlaClock.objects.filter(
            stopped_on__isnull=True, paused_on__isnull=True, due_on__lte=horizon
        )
        .exclude(reminded_on=on)
        .select_related("application", "application__case_officer")
    )


@dataclass(frozen=True)
class Urgency:
    """How pressing a case is, from its response deadline counted in working days."""

    level: str  # "overdue", "urgent", "high", "normal" or "none"
    working_days_left: int | None
    provisional: bool

    @property
    def label(self) -> str:
        return str(URGENCY_LABELS[self.level])


URGENCY_LABELS = {
    "overdue": _("Deadline passed"),
    "urgent": _("Urgent"),
    "high": _("High"),
    "normal": _("Normal"),
    "none": _("No deadline"),
}
URGENT_WITHIN = 5  # working days: a TRO hearing next week is urgent
HIGH_WITHIN = 15  # about three weeks
ONE_DAY = timedelta(days=1)


def urgency_of(deadline: date | None, *, on: date | None = None) -> Urgency:
    """Urgent within 5 working days, high within 15, normal beyond, overdue when passed."""
    if deadline is None:
        return Urgency("none", None, False)
    on = on or today()
    if deadline < on:
        return Urgency("overdue", 0, False)
    left = count_working_days(on, deadline)
    level = (
        "urgent" if left.days <= URGENT_WITHIN else "high" if left.days <= HIGH_WITHIN else "normal"
    )
    return Urgency(level, left.days, left.provisional)


def deadline_range_for(level: str, *, on: date | None = None) -> tuple[date | None, date | None]:
    """The response-deadline range (inclusive) that `urgency_of` calls `level`, for filters."""
    on = on or today()
    # The last day still counted as N working days away is the day before the (N+1)-th.
    urgent_until = add_working_days(on, URGENT_WITHIN + 1).date - ONE_DAY
    high_until = add_working_days(on, HIGH_WITHIN + 1).date - ONE_DAY
    ranges = {
        "overdue": (None, on - ONE_DAY),
        "urgent": (on, urgent_until),
        "high": (urgent_until + ONE_DAY, high_until),
        "normal": (high_until + ONE_DAY, None),
    }
    return ranges.get(level, (None, None))
