"""Pages of co-defendant groups, joint-response offers, incidents, trends and coverage.

Center staff, admins and auditors read the staff pages and only staff and admins act; everyone
else gets 404. The joint-response page answers only members of the enterprises it was offered
to (404 for anyone else). The coverage page is public.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oipa.accounts.models import Organization, OrgKind
from oipa.core.audit.services import events_for
from oipa.core.forms import PlainLabelsMixin, add_service_errors
from oipa.core.taxonomy.models import Industry

from . import coverage, groups, incidents, trends
from .models import (
    DEFENDANT_ROLES,
    Dispute,
    Incident,
    IncidentChecklistItem,
    IncidentEnterprise,
    JointResponseOffer,
    PartyMatch,
    WatchedEnterprise,
)
from .views import _center

ECHARTS = "vendor/echarts/echarts.min.js"
DATE_INPUT = {"type": "date"}


def _is_staff(request: HttpRequest) -> bool:
    membership = getattr(request.user, "membership", None)
    return membership is not None and membership.is_center_staff


def _messages_of(exc: Exception) -> str:
    return "; ".join(getattr(exc, "messages", None) or [str(exc)])


# Co-defendant groups and joint responses ---------------------------------------------------


@login_required
@require_GET
def group_list(request: HttpRequest) -> HttpResponse:
    _center(request)
    found = groups.co_defendant_groups()
    offers = JointResponseOffer.objects.filter(group_key__in=[g.key for g in found])
    by_key = {o.group_key: o for o in offers}
    context = {"rows": [(group, by_key.get(group.key)) for group in found]}
    return render(request, "monitoring/insights/group_list.html", context)


@login_required
@require_POST
def group_propose(request: HttpRequest, key: str) -> HttpResponse:
    _center(request, act=True)
    group = groups.find_group(key)
    if group is None:
        raise Http404
    try:
        groups.propose_joint_response(actor=request.user, group=group)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("The enterprises have been offered a joint response."))
    return redirect("monitoring:group_list")


@login_required
@require_http_methods(["GET", "POST"])
def joint_response(request: HttpRequest, code: uuid.UUID) -> HttpResponse:
    offer = get_object_or_404(JointResponseOffer, code=code)
    try:
        organization = groups.offered_organization(request.user, offer)
    except PermissionDenied:
        raise Http404 from None
    if request.method == "POST":
        application = groups.start_joint_response_draft(actor=request.user, offer=offer)
        return redirect("assistance:application_edit", code=application.code)
    context = {
        "offer": offer,
        "organization": organization,
        "disputes": offer.disputes.order_by("filed_on", "pk"),
        "others": offer.organizations.exclude(pk=organization.pk),
        "watched": offer.watched.all(),
    }
    return render(request, "monitoring/insights/joint_response.html", context)


# Incidents -----------------------------------------------------------------------------------


class IncidentForm(PlainLabelsMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    industry = forms.ModelChoiceField(
        label=_("Industry"), queryset=Industry.objects.order_by("code"), required=False
    )
    enterprises = forms.MultipleChoiceField(
        label=_("Affected enterprises"), widget=forms.CheckboxSelectMultiple, required=False
    )
    disputes = forms.MultipleChoiceField(
        label=_("Linked disputes"), widget=forms.CheckboxSelectMultiple, required=False
    )


def _prefill(origin: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(enterprises by key, disputes by code, initial) for "dispute:<code>" or "group:<key>"."""
    kind, _sep, value = origin.partition(":")
    if kind == "group":
        group = groups.find_group(value)
        if group is None:
            raise Http404
        found = {e.key: e.organization or e.watched for e in group.enterprises}
        disputes = {str(d.code): d for d in group.disputes}
        title = group.plaintiff
    elif kind == "dispute":
        try:
            dispute = get_object_or_404(Dispute, code=uuid.UUID(value))
        except ValueError:
            raise Http404 from None
        matches = PartyMatch.objects.alertable().filter(
            party__dispute=dispute, party__role__in=DEFENDANT_ROLES
        )
        found = {
            m.enterprise_key: m.enterprise
            for m in matches.select_related("organization", "watched")
        }
        disputes = {str(dispute.code): dispute}
        title = dispute.title or dispute.case_number
    else:
        return {}, {}, {}
    initial = {"title": title[:200], "enterprises": list(found), "disputes": list(disputes)}
    return found, disputes, initial


def _choices(form: forms.Form, name: str, choices: list[tuple[str, str]]) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.MultipleChoiceField)
    field.choices = choices


@login_required
@require_GET
def incident_list(request: HttpRequest) -> HttpResponse:
    _center(request)
    rows = Incident.objects.select_related("industry", "opened_by")
    return render(request, "monitoring/insights/incident_list.html", {"incidents": rows})


@login_required
@require_http_methods(["GET", "POST"])
def incident_open(request: HttpRequest) -> HttpResponse:
    _center(request, act=True)
    origin = request.POST.get("origin") or request.GET.get("from", "")
    found, disputes, initial = _prefill(origin)
    data = request.POST if request.method == "POST" else None
    form = IncidentForm(data, initial=initial)
    _choices(form, "enterprises", [(k, str(e)) for k, e in found.items()])
    _choices(form, "disputes", [(c, str(d)) for c, d in disputes.items()])
    if form.is_valid():
        try:
            incident = incidents.open_incident(
                actor=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                industry=form.cleaned_data["industry"],
                enterprises=[found[k] for k in form.cleaned_data["enterprises"]],
                disputes=[disputes[c] for c in form.cleaned_data["disputes"]],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("monitoring:incident_detail", code=incident.code)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "origin": origin}
    return render(request, "monitoring/insights/incident_open.html", context, status=status)


@login_required
@require_GET
def incident_detail(request: HttpRequest, code: uuid.UUID) -> HttpResponse:
    _center(request)
    incident = get_object_or_404(
        Incident.objects.select_related("industry", "opened_by"), code=code
    )
    context = {
        "incident": incident,
        "enterprises": incident.enterprises.select_related("organization", "watched"),
        "disputes": incident.disputes.select_related("dispute"),
        "associations": incident.associations.select_related("organization"),
        "checklist": incident.checklist.select_related("done_by"),
        "notices": incident.notices.select_related("sent_by"),
        "all_associations": Organization.objects.filter(kind=OrgKind.ASSOCIATION, is_active=True),
        "events": events_for(incident),
        "can_act": _is_staff(request) and incident.is_open,
    }
    return render(request, "monitoring/insights/incident_detail.html", context)


def _enterprise_by_uscc(value: str) -> Organization | WatchedEnterprise:
    uscc = value.strip().upper()
    found: Organization | WatchedEnterprise | None = Organization.objects.filter(
        kind=OrgKind.ENTERPRISE, uscc=uscc
    ).first()
    found = found or WatchedEnterprise.objects.filter(uscc=uscc).first()
    if not uscc or found is None:
        raise ValidationError(_("No monitored enterprise has this unified social credit code."))
    return found


def _dispute_by_reference(value: str) -> Dispute:
    value = value.strip()
    try:
        return Dispute.objects.get(code=uuid.UUID(value))
    except (ValueError, Dispute.DoesNotExist):
        pass
    found = list(Dispute.objects.filter(case_number=value)[:2]) if value else []
    if len(found) != 1:
        raise ValidationError(_("Give the dispute's code or a case number that names one dispute."))
    return found[0]


def _act(action: str, actor: Any, incident: Incident, post: Any) -> None:
    """Run the service behind one of the incident page's forms."""
    if action == "add-enterprise":
        enterprise = _enterprise_by_uscc(post.get("uscc", ""))
        incidents.add_incident_enterprise(actor=actor, incident=incident, enterprise=enterprise)
    elif action == "remove-enterprise":
        row = get_object_or_404(IncidentEnterprise, pk=post.get("row") or 0, incident=incident)
        incidents.remove_incident_enterprise(actor=actor, incident=incident, row=row)
    elif action == "link-dispute":
        dispute = _dispute_by_reference(post.get("reference", ""))
        incidents.link_incident_dispute(actor=actor, incident=incident, dispute=dispute)
    elif action == "add-association":
        org = get_object_or_404(Organization, pk=post.get("association") or 0)
        incidents.add_incident_association(actor=actor, incident=incident, association=org)
    elif action == "add-step":
        incidents.add_checklist_item(actor=actor, incident=incident, text=post.get("text", ""))
    elif action == "tick-step":
        item = get_object_or_404(IncidentChecklistItem, pk=post.get("item") or 0, incident=incident)
        incidents.tick_checklist_item(actor=actor, item=item)
    elif action == "notice":
        incidents.broadcast_notice(actor=actor, incident=incident, text=post.get("text", ""))
    elif action == "close":
        incidents.close_incident(actor=actor, incident=incident)
    else:
        raise Http404


@login_required
@require_POST
def incident_action(request: HttpRequest, code: uuid.UUID, action: str) -> HttpResponse:
    _center(request, act=True)
    incident = get_object_or_404(Incident, code=code)
    try:
        _act(action, request.user, incident, request.POST)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("Saved."))
    return redirect("monitoring:incident_detail", code=incident.code)


# Trends and coverage ---------------------------------------------------------------------------


class TrendsForm(PlainLabelsMixin, forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))


def _period(request: HttpRequest) -> tuple[TrendsForm, date | None, date | None]:
    form = TrendsForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["start"], form.cleaned_data["end"]
    return form, None, None


@login_required
@require_GET
def trends_page(request: HttpRequest) -> HttpResponse:
    _center(request)
    form, start, end = _period(request)
    result = trends.compute_trends(start, end)
    titles = trends.dimension_titles()
    context = {
        "form": form,
        "trends": result,
        "tables": [(name, titles[name], rows) for name, rows in result.tables.items()],
        "chart_data": {"titles": titles, "series": result.chart_data()},
        "echarts": finders.find(ECHARTS) is not None,
        "echarts_path": ECHARTS,
        "query": request.GET.urlencode(),
    }
    return render(request, "monitoring/insights/trends.html", context)


@login_required
@require_GET
def trends_export(request: HttpRequest) -> HttpResponse:
    _center(request)
    _form, start, end = _period(request)
    body = trends.trends_xlsx(trends.compute_trends(start, end))
    content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = 'attachment; filename="oipa-dispute-trends.xlsx"'
    return response


@require_GET
def coverage_page(request: HttpRequest) -> HttpResponse:
    membership = getattr(request.user, "membership", None)
    context = {
        "sources": coverage.source_coverage(),
        "general_gaps": coverage.GENERAL_GAPS,
        "is_center": membership is not None and membership.is_center,
    }
    return render(request, "monitoring/insights/coverage.html", context)
