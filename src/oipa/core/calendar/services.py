"""Writes of the working-day calendar: publishing a year's official holiday schedule."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.core.audit.services import record_event

from .models import MAX_YEAR, MIN_YEAR, DayKind, HolidaySchedule, ScheduleDay
from .schedule_text import NAME_MAX_LENGTH
from .working_days import clear_cache


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            _("The year must lie between %(min)d and %(max)d."),
            code="year",
            params={"min": MIN_YEAR, "max": MAX_YEAR},
        )


def _day_errors(
    year: int, holidays: list[tuple[date, str]], adjusted: list[tuple[date, str]]
) -> list[ValidationError]:
    errors = []
    seen: set[date] = set()
    for day, name in [*holidays, *adjusted]:
        params = {"date": day.isoformat(), "year": year}
        if day.year != year:
            errors.append(ValidationError(_("%(date)s is not in %(year)d."), params=params))
        if day in seen:
            errors.append(ValidationError(_("%(date)s is listed more than once."), params=params))
        if len(name) > NAME_MAX_LENGTH:
            errors.append(ValidationError(_("The name of %(date)s is too long."), params=params))
        seen.add(day)
    for day, _name in adjusted:
        if day.weekday() < 5:
            errors.append(
                ValidationError(
                    _("%(date)s is a weekday: an adjusted working day is a Saturday or Sunday."),
                    params={"date": day.isoformat()},
                )
            )
    return errors


def _validate(
    year: int, holidays: list[tuple[date, str]], adjusted: list[tuple[date, str]]
) -> None:
    _check_year(year)
    if not holidays:
        raise ValidationError(_("A schedule lists at least one holiday."), code="no_holidays")
    errors = _day_errors(year, holidays, adjusted)
    if errors:
        raise ValidationError(errors)


def _summary(schedule: HolidaySchedule) -> dict:
    days = schedule.days.order_by("date")
    return {
        "year": schedule.year,
        "notice": schedule.notice,
        "holidays": [
            f"{d.date.isoformat()} {d.name}".rstrip() for d in days if d.kind == DayKind.HOLIDAY
        ],
        "working_days": [
            f"{d.date.isoformat()} {d.name}".rstrip() for d in days if d.kind == DayKind.WORKING_DAY
        ],
    }


def publish_holiday_schedule(
    *,
    actor,
    year: int,
    holidays: list[tuple[date, str]],
    working_days: list[tuple[date, str]],
    notice: str = "",
) -> HolidaySchedule:
    """Make the given holidays and adjusted working days the official schedule of `year`.

    For Center admins only (PermissionDenied otherwise). The previous current schedule of the
    year, if any, is superseded and kept. Raises ValidationError when a date lies outside the
    year or is listed twice, an adjusted working day is not a weekend, or no holiday is given.
    Audited as "calendar.schedule_published"; working-day lookups see the new schedule once
    the transaction commits.
    """
    membership = actor.membership
    if membership is None or not membership.can_manage_reference_data:
        raise PermissionDenied
    _validate(year, holidays, working_days)
    with transaction.atomic():
        now = timezone.now()
        previous = HolidaySchedule.objects.filter(year=year, superseded_at__isnull=True).first()
        before = _summary(previous) if previous else None
        if previous is not None:
            updated = HolidaySchedule.objects.filter(
                pk=previous.pk, superseded_at__isnull=True
            ).update(superseded_at=now)
            if not updated:
                raise _concurrent_error()
        schedule = _create(actor, year, holidays, working_days, notice.strip(), now)
        record_event(
            actor=actor,
            action="calendar.schedule_published",
            target=schedule,
            before=before,
            after=_summary(schedule),
        )
        transaction.on_commit(lambda: clear_cache(year))
    return schedule


def _concurrent_error() -> ValidationError:
    return ValidationError(
        _("Someone else published a schedule for this year at the same time. Reload and retry."),
        code="concurrent",
    )


def _create(
    actor,
    year: int,
    holidays: list[tuple[date, str]],
    adjusted: list[tuple[date, str]],
    notice: str,
    now: datetime,
) -> HolidaySchedule:
    try:
        with transaction.atomic():
            schedule = HolidaySchedule.objects.create(
                year=year, notice=notice, entered_by=actor, created_at=now
            )
    except IntegrityError:
        raise _concurrent_error() from None
    ScheduleDay.objects.bulk_create(
        [ScheduleDay(schedule=schedule, date=d, kind=DayKind.HOLIDAY, name=n) for d, n in holidays]
        + [
            ScheduleDay(schedule=schedule, date=d, kind=DayKind.WORKING_DAY, name=n)
            for d, n in adjusted
        ]
    )
    return schedule
