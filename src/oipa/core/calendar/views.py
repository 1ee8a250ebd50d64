"""Center admins' pages: which years have an official schedule, and entering one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .forms import ScheduleForm, initial_for_year
from .models import MAX_YEAR, MIN_YEAR, HolidaySchedule
from .services import publish_holiday_schedule
from .working_days import year_entries, year_source


def _require_admin(request: HttpRequest, year: int | None = None) -> None:
    """404 unless the user manages reference data (and the year is one we accept)."""
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.can_manage_reference_data:
        raise Http404
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404


@login_required
@require_GET
def year_list(request: HttpRequest) -> HttpResponse:
    _require_admin(request)
    this_year = timezone.localdate().year
    years = [(year, year_source(year)) for year in range(this_year - 1, this_year + 3)]
    return render(request, "calendar/year_list.html", {"years": years})


@login_required
@require_GET
def year_detail(request: HttpRequest, year: int) -> HttpResponse:
    _require_admin(request, year)
    history = HolidaySchedule.objects.filter(year=year).select_related("entered_by")
    context = {
        "year": year,
        "source": year_source(year),
        "entries": year_entries(year),
        "history": history,
    }
    return render(request, "calendar/year_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def year_edit(request: HttpRequest, year: int) -> HttpResponse:
    _require_admin(request, year)
    current = HolidaySchedule.objects.filter(year=year, superseded_at__isnull=True).first()
    initial = initial_for_year(year, current.notice if current else "")
    form = ScheduleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            publish_holiday_schedule(actor=request.user, year=year, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The %(year)d schedule is published.") % {"year": year})
            return redirect("calendar:year_detail", year=year)
    return render(
        request, "calendar/year_edit.html", {"year": year, "form": form, "current": current}
    )
