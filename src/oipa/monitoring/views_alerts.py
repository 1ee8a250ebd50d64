"""Dispute alert pages: an enterprise's own alerts, and every alert for the Center.

Enterprise members see their organization's alerts (opening one marks it read) and start a
guidance application from one; Center staff, admins and auditors see every alert with its
enterprise and whether it was delivered, read and acted on. Everyone else gets 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from . import deadlines, services_alerts
from .alerts import alerts_visible_to, country_guide_url, get_alert_for_user, is_own_alert
from .alerts import rule_wording as wording
from .models_alerts import Alert

PAGE_SIZE = 50
STATES = {
    "unread": (_("Unread"), Q(read_at__isnull=True, organization__isnull=False)),
    "read": (_("Read"), Q(read_at__isnull=False)),
    "acted": (_("Guidance requested"), Q(acted_at__isnull=False)),
    "undelivered": (_("Not delivered"), Q(delivered_at__isnull=True)),
}


def _member_or_center(request: HttpRequest) -> bool:
    """True for the Center, False for an enterprise member; 404 for anyone else."""
    membership = getattr(request.user, "membership", None)
    if membership is not None and membership.is_center:
        return True
    if membership is not None and membership.is_enterprise:
        return False
    raise Http404


def _filtered(request: HttpRequest, alerts: QuerySet[Alert]) -> QuerySet[Alert]:
    state = STATES.get(request.GET.get("state", ""))
    if state is not None:
        alerts = alerts.filter(state[1])
    query = request.GET.get("q", "").strip()
    if query:
        alerts = alerts.filter(
            Q(organization__name__icontains=query)
            | Q(watched__name__icontains=query)
            | Q(dispute__case_number__icontains=query)
        )
    return alerts


@login_required
@require_GET
def alert_list(request: HttpRequest) -> HttpResponse:
    center = _member_or_center(request)
    alerts = alerts_visible_to(request.user)
    if center:
        alerts = _filtered(request, alerts)
    page = Paginator(alerts, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(a, deadlines.urgency(a.deadline, rule=a.deadline_rule)) for a in page]
    context = {
        "page": page,
        "rows": rows,
        "center": center,
        "states": [(key, label) for key, (label, _q) in STATES.items()],
        "state": request.GET.get("state", ""),
        "query": request.GET.get("q", ""),
    }
    return render(request, "monitoring/alerts/alert_list.html", context)


@login_required
@require_GET
def alert_detail(request: HttpRequest, code) -> HttpResponse:
    alert = get_alert_for_user(request.user, code)
    services_alerts.mark_alert_read(actor=request.user, alert=alert)
    matches = alert.matches.select_related("party")
    context = {
        "alert": alert,
        "dispute": alert.dispute,
        "plaintiffs": alert.dispute.plaintiffs,
        "matches": [(m, wording(m.rule)) for m in matches],
        "urgency": deadlines.urgency(alert.deadline, rule=alert.deadline_rule),
        "guide_url": country_guide_url(alert.dispute.jurisdiction),
        "may_apply": is_own_alert(request.user, alert),
    }
    return render(request, "monitoring/alerts/alert_detail.html", context)


@login_required
@require_POST
def alert_apply(request: HttpRequest, code) -> HttpResponse:
    alert = get_alert_for_user(request.user, code)
    if not is_own_alert(request.user, alert):
        raise Http404
    try:
        application = services_alerts.apply_for_guidance(actor=request.user, alert=alert)
    except ValidationError as exc:
        context = {"alert": alert, "errors": exc.messages}
        return render(request, "monitoring/alerts/apply_failed.html", context, status=400)
    return redirect("assistance:application_edit", code=application.code)
