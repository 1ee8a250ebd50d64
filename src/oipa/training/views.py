"""Training pages: the events list, an event's page (register, materials, the staff's
registrations table), publishing an event, and an enterprise's yearly training history.

Thin views: fetch through the access helpers (404 for what is hidden), validate a form, call
one service, redirect with a message or re-render with errors. POST actions on an event and a
registration live in `views_actions.py`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from oipa.accounts.models import Organization
from oipa.core import regions
from oipa.core.forms import add_service_errors

from . import history as yearly
from . import services
from .access import get_event_for_user, is_center_staff, is_enterprise_member
from .filters import EventFilter
from .forms import (
    AttendanceImportForm,
    CancelEventForm,
    CapacityForm,
    EventForm,
    FeedbackForm,
    MaterialForm,
    RegistrationForm,
)
from .models import ACTIVE_STATES, Event, Registration
from .services.registrations import eligibility_error


def _require_member(request: HttpRequest) -> None:
    if getattr(request.user, "membership", None) is None:
        raise Http404


@login_required
@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    """Events, upcoming first by default, filtered by kind, audience and time."""
    _require_member(request)
    data = request.GET.copy()
    data.setdefault("when", "upcoming")
    events = Event.objects.visible_to(request.user).select_related("industry")
    filterset = EventFilter(data, queryset=events)
    page = Paginator(filterset.qs, 25).get_page(request.GET.get("page"))
    context = {"page": page, "filter": filterset, "staff": is_center_staff(request.user)}
    return render(request, "training/event_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request: HttpRequest) -> HttpResponse:
    """Center staff publish an event."""
    if not is_center_staff(request.user):
        raise Http404
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The event is published."))
            return redirect("training:event_detail", code=event.code)
    status = 400 if form.is_bound else 200
    return render(request, "training/event_form.html", {"form": form}, status=status)


@login_required
@require_GET
def event_detail(request: HttpRequest, code) -> HttpResponse:
    event = get_event_for_user(request.user, code)
    return render(request, "training/event_detail.html", event_context(request, event))


def event_context(request: HttpRequest, event: Event, **forms) -> dict:
    """What the event page shows this user; `forms` replaces a form re-shown with errors."""
    user: Any = request.user
    membership = getattr(user, "membership", None)
    context: dict = {
        "event": event,
        "speakers": list(event.speakers.all()),
        "materials": list(event.materials.all()),
        "staff": is_center_staff(user),
        "enterprise": is_enterprise_member(user),
        "district": _district_label(event.division_code),
    }
    if membership is not None and membership.is_enterprise:
        context.update(_enterprise_context(user, membership.organization, event, forms))
    if membership is not None and membership.is_center:
        context["registrations"] = list(
            event.registrations.select_related("organization").order_by("status", "created_at")
        )
    if context["staff"]:
        context["capacity_form"] = forms.get("capacity_form") or CapacityForm(
            initial={"capacity": event.capacity}
        )
        context["cancel_form"] = forms.get("cancel_form") or CancelEventForm()
        context["material_form"] = forms.get("material_form") or MaterialForm()
        context["import_form"] = forms.get("import_form") or AttendanceImportForm()
        context["started"] = event.starts_at <= timezone.now()
    return context


def _district_label(code: str) -> str:
    division = regions.resolve_division(code) if code else None
    return regions.division_label(division) if division else ""


def _enterprise_context(user: Any, organization, event: Event, forms: dict) -> dict:
    registration = (
        event.registrations.filter(organization=organization).order_by("-created_at").first()
    )
    return {
        "registration": registration,
        "active": bool(registration and registration.status in ACTIVE_STATES),
        "eligibility_error": eligibility_error(event, organization),
        "register_form": forms.get("register_form")
        or RegistrationForm(
            initial={"attendee_name": user.full_name, "attendee_email": user.email}
        ),
        "feedback_form": forms.get("feedback_form") or FeedbackForm(),
    }


@login_required
@require_GET
def training_history(request: HttpRequest) -> HttpResponse:
    """An enterprise's events of one year; the Center picks the enterprise (?organization=)."""
    membership = getattr(request.user, "membership", None)
    if membership is None or not (membership.is_enterprise or membership.is_center):
        raise Http404
    organization = membership.organization
    if membership.is_center:
        code = request.GET.get("organization", "")
        organization = _enterprise_or_404(code) if code else None
    year = _year(request.GET.get("year"))
    rows: list[Registration] = []
    summary = None
    if organization is not None:
        rows = list(yearly.history(organization, year))
        summary = yearly.summarize(rows)
    context = {
        "organization": organization,
        "year": year,
        "years": range(timezone.localdate().year, timezone.localdate().year - 6, -1),
        "rows": rows,
        "summary": summary,
        "center": membership.is_center,
    }
    return render(request, "training/history.html", context)


def _enterprise_or_404(code: str) -> Organization:
    try:
        return Organization.objects.get(code=code, kind="enterprise")
    except (Organization.DoesNotExist, ValidationError, ValueError):
        raise Http404 from None


def _year(raw: str | None) -> int:
    try:
        year = int(raw or "")
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year
