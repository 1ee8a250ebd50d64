"""The plain-text form in which admins type a year's holidays or adjusted working days.

One date or date range per line, followed by the festival's name::

    # 2027 schedule (State Council notice)
    2027-01-01 元旦
    2027-02-06..2027-02-12 春节

Blank lines and `#` comments are ignored.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_RANGE_DAYS = 31
NAME_MAX_LENGTH = 40

_LINE = re.compile(
    r"^(?P<start>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:\s*\.\.\s*(?P<end>\d{4}-\d{1,2}-\d{1,2}))?"
    r"(?:\s+(?P<name>.*))?$"
)


def _parse_date(text: str) -> date:
    year, month, day = (int(part) for part in text.split("-"))
    return date(year, month, day)


def _parse_line(number: int, line: str) -> list[tuple[date, str]]:
    match = _LINE.match(line)
    if match is None:
        raise ValidationError(
            _("Line %(line)d: expected “YYYY-MM-DD name” or “YYYY-MM-DD..YYYY-MM-DD name”."),
            code="format",
            params={"line": number},
        )
    try:
        start = _parse_date(match["start"])
        end = _parse_date(match["end"]) if match["end"] else start
    except ValueError:
        raise ValidationError(
            _("Line %(line)d: not a valid date."), code="date", params={"line": number}
        ) from None
    name = (match["name"] or "").strip()
    if end < start:
        raise ValidationError(
            _("Line %(line)d: the range ends before it starts."),
            code="range",
            params={"line": number},
        )
    if (end - start).days >= MAX_RANGE_DAYS:
        raise ValidationError(
            _("Line %(line)d: a range may span at most %(max)d days."),
            code="range",
            params={"line": number, "max": MAX_RANGE_DAYS},
        )
    if len(name) > NAME_MAX_LENGTH:
        raise ValidationError(
            _("Line %(line)d: the name may have at most %(max)d characters."),
            code="name",
            params={"line": number, "max": NAME_MAX_LENGTH},
        )
    return [(start + timedelta(days=i), name) for i in range((end - start).days + 1)]


def parse_schedule_text(text: str) -> list[tuple[date, str]]:
    """The (date, name) pairs listed in `text`, in order.

    Raises ValidationError listing every bad line by its number, including a date listed twice.
    """
    days: list[tuple[date, str]] = []
    seen: dict[date, int] = {}
    errors: list[ValidationError] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            parsed = _parse_line(number, line)
        except ValidationError as error:
            errors.append(error)
            continue
        for day, name in parsed:
            if day in seen:
                errors.append(
                    ValidationError(
                        _("Line %(line)d: %(date)s is already listed on line %(first)d."),
                        code="duplicate",
                        params={"line": number, "date": day.isoformat(), "first": seen[day]},
                    )
                )
                break
            seen[day] = number
            days.append((day, name))
    if errors:
        raise ValidationError(errors)
    return days


def format_schedule_text(days: list[tuple[date, str]]) -> str:
    """The text form of `days`, runs of consecutive dates with the same name joined as ranges."""
    lines: list[str] = []
    runs: list[list] = []
    for day, name in sorted(days):
        if runs and runs[-1][2] == name and runs[-1][1] + timedelta(days=1) == day:
            runs[-1][1] = day
        else:
            runs.append([day, day, name])
    for start, end, name in runs:
        span = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
        lines.append(f"{span} {name}".rstrip())
    return "\n".join(lines)
