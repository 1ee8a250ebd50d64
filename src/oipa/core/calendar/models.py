"""Official holiday schedules entered by Center admins.

The State Council publishes each autumn the next year's statutory holidays and the weekends that
become working days to make up for them. The chinese-calendar library ships past years; a schedule
entered here takes precedence over it for its year, and covers years the library does not know yet.
Schedules are never deleted: re-entering a year supersedes the current schedule and keeps the old
one, so a deadline computed earlier can still be explained.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_YEAR = 2000
MAX_YEAR = 2100


class HolidaySchedule(models.Model):
    """One year's official schedule as entered by a Center admin.

    At most one schedule per year is current (`superseded_at` is null); older ones stay as history.
    Written only by `services.publish_holiday_schedule`.
    """

    year = models.PositiveSmallIntegerField(_("year"))
    notice = models.TextField(
        _("notice"),
        blank=True,
        help_text=_("The State Council notice this schedule comes from (title, number or link)."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("holiday schedule")
        verbose_name_plural = _("holiday schedules")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(superseded_at__isnull=True),
                name="calendar_one_current_schedule_per_year",
            ),
            models.CheckConstraint(
                condition=Q(year__gte=MIN_YEAR, year__lte=MAX_YEAR),
                name="calendar_schedule_year_in_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", _("Holiday")
    WORKING_DAY = "working_day", _("Adjusted working day")


class ScheduleDay(models.Model):
    """A date of a schedule that differs from the plain weekday/weekend rule, or is a holiday.

    Its date lies in the schedule's year (checked by `clean()` and by the service: a database
    check cannot reach across the foreign key).
    """

    schedule = models.ForeignKey(
        HolidaySchedule,
        on_delete=models.CASCADE,
        related_name="days",
        verbose_name=_("schedule"),
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=16, choices=DayKind.choices)
    name = models.CharField(
        _("name"), max_length=40, blank=True, help_text=_("The festival, e.g. 春节.")
    )

    class Meta:
        verbose_name = _("schedule day")
        verbose_name_plural = _("schedule days")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "date"], name="calendar_one_entry_per_date"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.get_kind_display()} {self.name}".strip()

    def clean(self) -> None:
        if self.schedule_id and self.date and self.date.year != self.schedule.year:
            raise ValidationError({"date": _("The date must lie in the schedule's year.")})
