"""Chinese working days: is a date a working day, add N working days, count them.

Where a day's status comes from, in order of precedence:

1. the current `HolidaySchedule` a Center admin entered for that year ("entered");
2. the chinese-calendar library, which knows the statutory holidays and adjusted working weekends
   of past years up to the one it was released for ("library");
3. neither: Monday to Friday are working days, weekends are not, and every result that consulted
   such a day is marked *provisional* ("weekends"), so the page showing it can say so. A year
   nobody has entered yet never makes a computation fail.

Deadlines "within N working days" (N 个工作日内) are counted in the Chinese way: the day of the
triggering event does not count, counting starts the next day, and days off in between are
skipped. So `add_working_days(start, n)` returns the n-th working day *after* `start`.

Each year's entered schedule costs one database query, then is cached in-process for
`CACHE_SECONDS`. The publishing service clears the year's entry after commit; other processes
pick up a new schedule when their entry expires.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

import chinese_calendar
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DayKind, HolidaySchedule

YearSource = Literal["entered", "library", "weekends"]

CACHE_SECONDS = 300
ONE_DAY = timedelta(days=1)

# The library names holidays in English; these make them translatable.
LIBRARY_HOLIDAY_NAMES = {
    "New Year's Day": _("New Year's Day"),
    "Spring Festival": _("Spring Festival"),
    "Tomb-sweeping Day": _("Tomb-sweeping Day"),
    "Labour Day": _("Labour Day"),
    "Dragon Boat Festival": _("Dragon Boat Festival"),
    "National Day": _("National Day"),
    "Mid-autumn Festival": _("Mid-autumn Festival"),
    "Anti-Fascist 70th Day": _("Anti-Fascist War Victory Day"),
}


@dataclass(frozen=True)
class DayStatus:
    """Whether a date is a working day; `holiday_name` names the festival of a day off or of an
    adjusted working day ("" for ordinary days)."""

    working: bool
    provisional: bool
    holiday_name: str = ""


@dataclass(frozen=True)
class WorkingDate:
    """A computed date; provisional when a day in a year with no known schedule was consulted."""

    date: date
    provisional: bool


@dataclass(frozen=True)
class WorkingCount:
    """A number of working days; provisional as for `WorkingDate`."""

    days: int
    provisional: bool


@dataclass(frozen=True)
class ScheduleEntry:
    """One holiday or adjusted working day of a year, for display."""

    date: date
    kind: str
    name: str


@dataclass(frozen=True)
class _YearDays:
    """The days of one year that break the Monday-to-Friday rule, with their festivals' names."""

    holidays: dict[date, str]
    working_days: dict[date, str]


_WEEKENDS_ONLY = _YearDays({}, {})
_cache: dict[int, tuple[float, _YearDays | None]] = {}


def clear_cache(year: int | None = None) -> None:
    """Forget the cached entered schedule of `year` (of every year when None)."""
    if year is None:
        _cache.clear()
    else:
        _cache.pop(year, None)


def _load_entered(year: int) -> _YearDays | None:
    rows = list(
        HolidaySchedule.objects.filter(year=year, superseded_at__isnull=True).values_list(
            "days__date", "days__kind", "days__name"
        )
    )
    if not rows:
        return None
    holidays: dict[date, str] = {}
    working_days: dict[date, str] = {}
    for day, kind, name in rows:
        if day is None:  # a schedule without days (the LEFT JOIN's empty row)
            continue
        (holidays if kind == DayKind.HOLIDAY else working_days)[day] = name
    return _YearDays(holidays, working_days)


def _entered(year: int) -> _YearDays | None:
    now = time.monotonic()
    hit = _cache.get(year)
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    value = _load_entered(year)
    _cache[year] = (now, value)
    return value


@functools.cache
def _library_year(year: int) -> _YearDays | None:
    """The library's days of `year`, None when it has no data for it (its data never changes)."""
    holidays: dict[date, str] = {}
    working_days: dict[date, str] = {}
    day = date(year, 1, 1)
    try:
        while day.year == year:
            working = chinese_calendar.is_workday(day)
            _, name = chinese_calendar.get_holiday_detail(day)
            if not working and (name or day.weekday() < 5):
                holidays[day] = name or ""
            elif working and day.weekday() >= 5:
                working_days[day] = name or ""
            day += ONE_DAY
    except NotImplementedError:
        return None
    return _YearDays(holidays, working_days)


def _year_days(year: int) -> tuple[_YearDays, bool]:
    """The year's days by precedence, and whether they are provisional (weekends only)."""
    entered = _entered(year)
    if entered is not None:
        return entered, False
    library = _library_year(year)
    if library is not None:
        return library, False
    return _WEEKENDS_ONLY, True


def _display_name(name: str) -> str:
    return str(LIBRARY_HOLIDAY_NAMES.get(name, name))


def _as_date(value: date) -> date:
    if isinstance(value, datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def year_source(year: int) -> YearSource:
    """Where the days of `year` come from: "entered", "library" or "weekends" (provisional)."""
    if _entered(year) is not None:
        return "entered"
    return "library" if _library_year(year) is not None else "weekends"


def is_working_day(day: date) -> DayStatus:
    """The status of `day` by the precedence described in the module docstring."""
    day = _as_date(day)
    days, provisional = _year_days(day.year)
    if day in days.holidays:
        return DayStatus(False, provisional, _display_name(days.holidays[day]))
    if day in days.working_days:
        return DayStatus(True, provisional, _display_name(days.working_days[day]))
    return DayStatus(day.weekday() < 5, provisional)


def add_working_days(start: date, days: int) -> WorkingDate:
    """The `days`-th working day after `start` (the day of `start` itself is not counted).

    `days` = 0 gives `start` when it is a working day, else the next working day. Raises
    ValueError for negative `days`.
    """
    if days < 0:
        raise ValueError("days must be zero or more")
    current = _as_date(start)
    provisional = False
    if days == 0:
        status = is_working_day(current)
        provisional = status.provisional
        while not status.working:
            current += ONE_DAY
            status = is_working_day(current)
            provisional = provisional or status.provisional
        return WorkingDate(current, provisional)
    remaining = days
    while remaining:
        current += ONE_DAY
        status = is_working_day(current)
        provisional = provisional or status.provisional
        remaining -= status.working
    return WorkingDate(current, provisional)


def count_working_days(start: date, end: date) -> WorkingCount:
    """The number of working days in (start, end]: after `start`, up to and including `end`.

    0 (not provisional) when `end` is not after `start`.
    """
    current, end = _as_date(start), _as_date(end)
    days = 0
    provisional = False
    while current < end:
        current += ONE_DAY
        status = is_working_day(current)
        provisional = provisional or status.provisional
        days += status.working
    return WorkingCount(days, provisional)


def year_entries(year: int) -> list[ScheduleEntry]:
    """The holidays and adjusted working days of `year` from its source, by date ([] for a
    weekends-only year)."""
    days, _provisional = _year_days(year)
    entries = [ScheduleEntry(d, DayKind.HOLIDAY, n) for d, n in days.holidays.items()]
    entries += [ScheduleEntry(d, DayKind.WORKING_DAY, n) for d, n in days.working_days.items()]
    entries = [ScheduleEntry(e.date, e.kind, _display_name(e.name)) for e in entries]
    return sorted(entries, key=lambda entry: entry.date)
