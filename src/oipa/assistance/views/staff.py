"""The Center's side: the workbench (queues, filters, SLA clocks), its Excel export, and the
staff actions on a case page.

Center staff, admins and auditors see the workbench; everyone else gets 404. Each action view
calls one service and redirects to the case page (PRG); the service's refusals (a transition the
table does not allow, someone else acting first) come back as messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, F, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from oipa.core.calendar.working_days import add_working_days
from oipa.core.forms import add_service_errors

from .. import services
from ..access import get_application_for_user, with_readable
from ..export import export_response
from ..filters import ApplicationFilter
from ..forms_staff import ACTION_FORMS, StaffActionForm, may_act
from ..models import Application, SlaClock
from ..sla import Urgency, today, urgency_of
from ..workflow import OPEN_STATES, Status

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    class HtmxHttpRequest(HttpRequest):
        htmx: HtmxDetails


PAGE_SIZE = 50
QUEUES = [
    Status.SUBMITTED,
    Status.INFO_REQUESTED,
    Status.ACCEPTED,
    Status.IN_GUIDANCE,
    Status.CONCLUDED,
    Status.DECLINED,
    Status.CLOSED,
    Status.WITHDRAWN,
]
STATISTICS_TEMPLATES = (
    "assistance/partials/statistics_panel.html",
    "assistance/partials/staff_statistics.html",
)


def _center_only(request: HttpRequest) -> None:
    assert request.user.is_authenticated  # behind login_required
    membership = request.user.membership
    if membership is None or not membership.is_center:
        raise Http404


@dataclass(frozen=True)
class Queue:
    """The filtered applications, the chosen status tab, and the count of every tab."""

    filterset: ApplicationFilter
    applications: QuerySet[Application]
    status: str
    tabs: list[tuple[str, Any, int]]


def filtered_queue(request: HttpRequest) -> Queue:
    """Apply the workbench filters to what the user may see; the status tab applies last so
    that every tab shows its count under the other filters."""
    data = request.GET.copy()
    status = data.pop("status", [""])[-1]
    status = status if status in QUEUES else ""
    base = (
        Application.objects.visible_to(request.user)
        .select_related("applicant", "case_officer")
        .prefetch_related("jurisdictions", "clocks")
    )
    filterset = ApplicationFilter(data, queryset=base, request=request)
    applications = filterset.qs
    counts = dict(
        applications.prefetch_related(None)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk", distinct=True))
    )
    tabs = [(s.value, s.label, counts.get(s, 0)) for s in QUEUES]
    tabs.append(("", _("All"), sum(counts.values())))
    if status:
        applications = applications.filter(status=status)
    return Queue(
        filterset, _ordered(with_readable(applications, request.user), status), status, tabs
    )


def _ordered(applications: QuerySet[Application], status: str) -> QuerySet[Application]:
    if status in OPEN_STATES:
        return applications.order_by(F("response_deadline").asc(nulls_last=True), "submitted_at")
    return applications.order_by(F("submitted_at").desc(nulls_last=True), "-pk")


@dataclass(frozen=True)
class QueueRow:
    """One line of the workbench table (content fields are blank when not `readable`)."""

    application: Application
    readable: bool
    urgency: Urgency | None
    clock: SlaClock | None
    clock_state: str


def open_urgency(application: Application, *, on: date | None = None) -> Urgency | None:
    """The urgency of an open case's response deadline; None once the case is decided or over."""
    if application.status not in OPEN_STATES:
        return None
    return urgency_of(application.response_deadline, on=on)


def pending_clock(application: Application) -> SlaClock | None:
    """The clock that is running or paused (from the prefetched clocks), if any."""
    clocks = [c for c in application.clocks.all() if c.stopped_on is None]
    return min(clocks, key=lambda c: c.due_on, default=None)


def clock_state(clock: SlaClock | None, *, on: date, next_working_day: date) -> str:
    """ "paused", "breached", "today", "next" (due by the next working day), "ok" or ""."""
    if clock is None:
        return ""
    if clock.paused_on is not None:
        return "paused"
    if clock.due_on < on:
        return "breached"
    if clock.due_on == on:
        return "today"
    return "next" if clock.due_on <= next_working_day else "ok"


def queue_rows(applications) -> list[QueueRow]:
    """The table rows of a page of applications (annotated with `readable`)."""
    on = today()
    next_day = add_working_days(on, 1).date
    rows = []
    for application in applications:
        readable = bool(getattr(application, "readable", not application.confidential))
        clock = pending_clock(application)
        rows.append(
            QueueRow(
                application=application,
                readable=readable,
                urgency=open_urgency(application, on=on) if readable else None,
                clock=clock,
                clock_state=clock_state(clock, on=on, next_working_day=next_day),
            )
        )
    return rows


def _statistics_available() -> bool:
    """Whether the statistics panel is installed (another part of the app provides it)."""
    try:
        for name in STATISTICS_TEMPLATES:
            get_template(name)
    except (TemplateDoesNotExist, TemplateSyntaxError):
        return False
    return True


@login_required
@require_GET
def workbench(request: HtmxHttpRequest) -> HttpResponse:
    """Queues by status with counts, filters, SLA clocks; HTMX filter changes get the queue
    partial only."""
    _center_only(request)
    queue = filtered_queue(request)
    page = Paginator(queue.applications, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "filter": queue.filterset,
        "queue": queue,
        "page": page,
        "rows": queue_rows(page),
    }
    if request.htmx:
        return render(request, "assistance/partials/staff_queue.html", context)
    context["stats_panel"] = _statistics_available()
    context["stats_queryset"] = queue.filterset.qs
    return render(request, "assistance/workbench.html", context)


@login_required
@require_GET
def workbench_export(request: HttpRequest) -> HttpResponse:
    """The filtered queue (current tab) as an Excel workbook download."""
    _center_only(request)
    queue = filtered_queue(request)
    return export_response(queue_rows(queue.applications.iterator(chunk_size=500)))


Runner = Callable[[Any, Application, dict[str, Any]], object]

RUNNERS: dict[str, Runner] = {
    "accept": lambda user, app, data: services.accept_application(
        actor=user, application=app, case_officer=data["case_officer"]
    ),
    "decline": lambda user, app, data: services.decline_application(
        actor=user, application=app, reason=data["reason"]
    ),
    "request-info": lambda user, app, data: services.request_more_information(
        actor=user, application=app, request=data["request"]
    ),
    "assign-officer": lambda user, app, data: services.assign_case_officer(
        actor=user, application=app, officer=data["officer"]
    ),
    "assign-expert": lambda user, app, data: services.assign_expert(
        actor=user, application=app, expert=data["expert"], role=data["role"]
    ),
    "propose-joint": lambda user, app, data: services.propose_joint_guidance(
        actor=user,
        application=app,
        partner_centers=data["partner_centers"],
        major_impact=data["major_impact"],
    ),
    "confirm-joint": lambda user, app, data: services.confirm_joint_guidance(
        actor=user, application=app
    ),
    "consultation": lambda user, app, data: services.record_consultation(
        actor=user,
        application=app,
        held_on=data["held_on"],
        summary=data["summary"],
        attendees=data["attendees"],
    ),
    "opinion": lambda user, app, data: services.upload_guidance_opinion(
        actor=user,
        application=app,
        upload=data["upload"],
        summary=data["summary"],
        held_on=data["held_on"],
    ),
    "refer": lambda user, app, data: services.refer_to_mediation(
        actor=user, application=app, body=data["body"], kind=data["kind"], note=data["note"]
    ),
    "referral-outcome": lambda user, app, data: services.record_referral_outcome(
        actor=user, referral=data["referral"], outcome=data["outcome"]
    ),
    "conclude": lambda user, app, data: services.conclude_application(
        actor=user, application=app, outcome=data["outcome"], note=data["note"]
    ),
    "close": lambda user, app, data: services.close_application(actor=user, application=app),
    "reopen": lambda user, app, data: services.reopen_application(
        actor=user, application=app, reason=data["reason"]
    ),
    "confidentiality": lambda user, app, data: services.set_confidentiality(
        actor=user,
        application=app,
        confidential=data["confidential"],
        supervisors=list(data["supervisors"]),
    ),
}


@login_required
@require_POST
def staff_act(request: HttpRequest, code, action: str) -> HttpResponse:
    """Run one staff action on a case through its service, then back to the case page.

    404 for an unknown action, a hidden case, or a user who may not act on it (auditors, other
    roles). Invalid input re-renders the action's form (400); a refusal by the service that is
    not about a field (invalid transition, stale state) becomes an error message.
    """
    form_class = ACTION_FORMS.get(action)
    application = get_application_for_user(request.user, code, write=True)
    if form_class is None or not may_act(request.user, application):
        raise Http404
    form = form_class(request.POST, request.FILES, application=application, user=request.user)
    if form.is_valid():
        try:
            RUNNERS[action](request.user, application, form.cleaned_data)
        except PermissionDenied as exc:
            raise Http404 from exc
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, form.done)
            return redirect("assistance:application_detail", code=application.code)
    return _refused(request, application, form)


def _refused(request: HttpRequest, application: Application, form: StaffActionForm):
    if any(name != NON_FIELD_ERRORS for name in form.errors):
        context = {"application": application, "form": form}
        return render(request, "assistance/partials/staff_action_page.html", context, status=400)
    for error in form.non_field_errors():
        assert not isinstance(error, ValidationError)  # ErrorList yields the messages
        messages.error(request, error)
    return redirect("assistance:application_detail", code=application.code)
