"""Compliance self-check pages: the section's front page; an enterprise answers once a year and
sees its scores, advice and trend; the Center sees aggregates by industry and district."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from . import questionnaire, services
from .access import can_fill_in, can_see_aggregates, get_self_check_for_user
from .aggregates import aggregate
from .forms import SelfCheckForm
from .models import SelfCheck


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The section's front page (the yearly compliance self-check, Art. 10): what it is for and
    the pages this user may open: an enterprise its questionnaire and its latest results, the
    Center the aggregates. Everyone else gets 404, as on those pages."""
    fill_in, aggregates = can_fill_in(request.user), can_see_aggregates(request.user)
    if not (fill_in or aggregates):
        raise Http404
    latest = None
    if fill_in:
        latest = SelfCheck.objects.visible_to(request.user).order_by("-year").first()
    context = {"fill_in": fill_in, "aggregates": aggregates, "latest": latest}
    return render(request, "enterprises/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def self_check(request: HttpRequest) -> HttpResponse:
    """This year's questionnaire (prefilled when answered already) and the yearly trend."""
    if not can_fill_in(request.user):
        raise Http404
    history = list(SelfCheck.objects.visible_to(request.user).select_related("industry"))
    current = next((c for c in history if c.year == timezone.localdate().year), None)
    initial = {**current.answers, "industry": current.industry.code} if current else None
    form = SelfCheckForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            check = services.submit_self_check(
                actor=request.user, industry=form.cleaned_data["industry"], answers=form.answers()
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Your self-check was scored."))
            return redirect("enterprises:self_check_detail", code=check.code)
    context = {"form": form, "trend": _trend(history), "current": current}
    return render(
        request, "enterprises/self_check.html", context, status=400 if form.errors else 200
    )


def _trend(history: list[SelfCheck]) -> list[dict]:
    """Oldest first, each year with its change against the year before."""
    rows: list[dict] = []
    previous: int | None = None
    for check in sorted(history, key=lambda c: c.year):
        score = check.total_score
        change = score - previous if score is not None and previous is not None else None
        rows.append({"check": check, "change": change})
        previous = score
    return rows


@login_required
@require_GET
def self_check_detail(request: HttpRequest, code) -> HttpResponse:
    check = get_self_check_for_user(request.user, code)
    sections = [
        (section, check.section_scores.get(section.key))
        for section in questionnaire.sections(check.version)
    ]
    context = {
        "check": check,
        "sections": sections,
        "recommendations": questionnaire.recommendations(check.answers, check.version),
    }
    return render(request, "enterprises/self_check_detail.html", context)


@login_required
@require_GET
def self_check_overview(request: HttpRequest) -> HttpResponse:
    """The Center's aggregates for a year, by industry and by district."""
    if not can_see_aggregates(request.user):
        raise Http404
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    context = {
        "year": year,
        "sections": questionnaire.sections(),
        "by_industry": aggregate(year, "industry"),
        "by_district": aggregate(year, "district"),
    }
    return render(request, "enterprises/self_check_overview.html", context)
