"""Audit trail pages: a filtered list and one event's detail, for those who may view audit."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from oipa.core.audit.filters import AuditEventFilter
from oipa.core.audit.models import AuditEvent

PAGE_SIZE = 50


def _require_audit_viewer(user) -> None:
    """Center admins and auditors only; everyone else is told the page does not exist."""
    membership = getattr(user, "membership", None)
    if membership is None or not membership.can_view_audit:
        raise Http404


@require_GET
@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    """The trail, newest first, 50 a page, filtered by the GET form."""
    _require_audit_viewer(request.user)
    events = AuditEvent.objects.select_related("actor", "organization").order_by("-seq")
    filterset = AuditEventFilter(request.GET or None, queryset=events)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/event_list.html", {"filter": filterset, "page_obj": page})


@require_GET
@login_required
def event_detail(request: HttpRequest, seq: int) -> HttpResponse:
    """One event with its before/after summaries and its place in the chain."""
    _require_audit_viewer(request.user)
    event = get_object_or_404(AuditEvent.objects.select_related("actor", "organization"), seq=seq)
    return render(request, "audit/event_detail.html", {"event": event})
