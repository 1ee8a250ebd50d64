"""Demand lead pages: the list (a district's own leads, or all for the Center), reporting a
lead, a lead's page with the Center's triage actions, the monthly per-district table and its
Excel export, and the invitation page an enterprise opens from its notice or email.

Thin views: fetch through the access helpers (404 for what is hidden), validate a form, call
one service, redirect with a message or re-render with errors (400).
"""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oipa.core.forms import add_service_errors

from . import services, statistics
from .access import get_lead_for_user, is_center_staff, is_district_officer, may_see_leads
from .filters import LeadFilter
from .forms import CloseForm, ConvertForm, LeadForm, MonthForm, NoteForm
from .models import Conversion, Lead, LeadStatus
from .outcome import outcome_of

ACTIONS = {"contact": NoteForm, "convert": ConvertForm, "close": CloseForm}


@login_required
@require_GET
def lead_list(request: HttpRequest) -> HttpResponse:
    if not may_see_leads(request.user):
        raise Http404
    leads = Lead.objects.visible_to(request.user).select_related("district_office")
    filterset = LeadFilter(request.GET, queryset=leads)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filter": filterset,
        "may_report": is_district_officer(request.user),
        "center": not is_district_officer(request.user),
    }
    return render(request, "leads/lead_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def lead_create(request: HttpRequest) -> HttpResponse:
    if not is_district_officer(request.user):
        raise Http404
    form = LeadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            lead = services.report_lead(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The lead is reported to the Center."))
            return redirect("leads:lead_detail", code=lead.code)
    status = 400 if form.is_bound else 200
    return render(request, "leads/lead_form.html", {"form": form}, status=status)


@login_required
@require_GET
def lead_detail(request: HttpRequest, code) -> HttpResponse:
    lead = get_lead_for_user(request.user, code)
    return render(request, "leads/lead_detail.html", _detail_context(request, lead))


def _detail_context(request: HttpRequest, lead: Lead, **forms) -> dict:
    context = {"lead": lead, "outcome": outcome_of(lead), "staff": False}
    if is_center_staff(request.user) and lead.status in (LeadStatus.NEW, LeadStatus.CONTACTED):
        context["staff"] = True
        context["forms"] = {
            name: forms.get(name) or form_class(prefix=name)
            for name, form_class in ACTIONS.items()
            if name != "contact" or lead.status == LeadStatus.NEW
        }
    return context


@login_required
@require_POST
def lead_act(request: HttpRequest, code, action: str) -> HttpResponse:
    """One of the Center's triage actions (contact, convert, close) on a lead."""
    lead = get_lead_for_user(request.user, code, write=True)
    if action not in ACTIONS:
        raise Http404
    form = ACTIONS[action](request.POST, prefix=action)
    if form.is_valid():
        try:
            _call(action, request.user, lead, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Done."))
            return redirect("leads:lead_detail", code=lead.code)
    context = _detail_context(request, lead, **{action: form})
    return render(request, "leads/lead_detail.html", context, status=400)


def _call(action: str, actor, lead: Lead, data: dict) -> None:
    if action == "contact":
        services.record_first_contact(actor=actor, lead=lead, note=data["note"])
    elif action == "convert":
        services.convert_lead(actor=actor, lead=lead, **data)
    else:
        services.close_lead(actor=actor, lead=lead, note=data["note"])


def _month(request: HttpRequest) -> date:
    form = MonthForm(request.GET)
    if form.is_valid() and form.cleaned_data["month"]:
        return form.cleaned_data["month"]
    return timezone.localdate().replace(day=1)


@login_required
@require_GET
def monthly(request: HttpRequest) -> HttpResponse:
    """The monthly per-district table (?month=YYYY-MM); a district sees its own row."""
    if not may_see_leads(request.user):
        raise Http404
    month = _month(request)
    rows = statistics.monthly_rows(Lead.objects.visible_to(request.user), month)
    return render(request, "leads/monthly.html", {"rows": rows, "month": month})


@login_required
@require_GET
def monthly_export(request: HttpRequest) -> HttpResponse:
    if not may_see_leads(request.user):
        raise Http404
    month = _month(request)
    rows = statistics.monthly_rows(Lead.objects.visible_to(request.user), month)
    response = HttpResponse(statistics.workbook(rows, month), content_type=statistics.XLSX)
    response["Content-Disposition"] = f'attachment; filename="leads-{month:%Y-%m}.xlsx"'
    return response


@require_GET
def invitation(request: HttpRequest, code) -> HttpResponse:
    """Public page behind the link sent to the enterprise: what the Center offers, and for a
    logged-in member of that enterprise the button that opens the prefilled application."""
    lead = get_object_or_404(
        Lead.objects.select_related("district_office", "training_event"),
        invitation_code=code,
        status=LeadStatus.CONVERTED,
    )
    membership = (
        getattr(request.user, "membership", None) if request.user.is_authenticated else None
    )
    own = (
        membership is not None
        and membership.is_enterprise
        and membership.organization.uscc == lead.uscc
    )
    context = {"lead": lead, "own": own, "guidance": lead.conversion == Conversion.GUIDANCE}
    return render(request, "leads/invitation.html", context)


@login_required
@require_POST
def invitation_start(request: HttpRequest, code) -> HttpResponse:
    lead = get_object_or_404(Lead, invitation_code=code, status=LeadStatus.CONVERTED)
    try:
        application = services.start_lead_application(actor=request.user, lead=lead)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("leads:invitation", code=code)
    return redirect("assistance:application_edit", code=application.code)
