"""The form in which a Center admin enters a year's official holiday schedule."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from oipa.core.forms import PlainLabelsMixin

from .models import DayKind
from .schedule_text import format_schedule_text, parse_schedule_text
from .working_days import year_entries

_FORMAT_HELP = _(
    "One date or range per line with the festival's name, e.g. “2027-02-06..2027-02-12 春节”. "
    "Lines starting with # are ignored."
)


class ScheduleForm(PlainLabelsMixin, forms.Form):
    """Holidays and adjusted working days as text; cleaned into lists of (date, name)."""

    holidays = forms.CharField(
        label=_("Holidays"), widget=forms.Textarea(attrs={"rows": 12}), help_text=_FORMAT_HELP
    )
    working_days = forms.CharField(
        label=_("Adjusted working days"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Weekends that become working days, in the same format."),
    )
    notice = forms.CharField(
        label=_("Notice"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The State Council notice this schedule comes from (title, number or link)."),
    )

    def clean_holidays(self):
        return parse_schedule_text(self.cleaned_data["holidays"])

    def clean_working_days(self):
        return parse_schedule_text(self.cleaned_data["working_days"])


def initial_for_year(year: int, notice: str = "") -> dict[str, str]:
    """Form values listing the year's days as currently known (entered schedule or library)."""
    entries = year_entries(year)
    return {
        "holidays": format_schedule_text(
            [(e.date, e.name) for e in entries if e.kind == DayKind.HOLIDAY]
        ),
        "working_days": format_schedule_text(
            [(e.date, e.name) for e in entries if e.kind == DayKind.WORKING_DAY]
        ),
        "notice": notice,
    }
