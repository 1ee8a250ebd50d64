"""Enterprise-side pages: the list of applications, the guided form and the case page.

Thin views: fetch through the access helpers (404 for what is hidden), validate a form, call the
services, redirect or re-render with errors (400). The case page's actions are in
`enterprise_actions.py`; they re-render the case page through `case_context`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from oipa.core.audit.services import events_for
from oipa.core.forms import add_service_errors
from oipa.core.taxonomy.choices import IPType

from .. import services
from ..access import (
    can_act_as_center,
    can_read_content,
    get_application_for_user,
    is_applicant,
    is_assigned_expert,
)
from ..forms import (
    AnswerForm,
    ApplicationForm,
    FeedbackForm,
    MessageForm,
    UploadForm,
    WithdrawForm,
    application_initial,
    dispute_initial,
    party_formset,
)
from ..models import Application, ClockKind, FileAccess
from ..services.drafting import EDITABLE_STATES
from ..services.submission import check_eligibility
from ..sla import Urgency, urgency_of
from ..workflow import OPEN_STATES, Status

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

WITHDRAWABLE = {Status.SUBMITTED, Status.INFO_REQUESTED, Status.ACCEPTED, Status.IN_GUIDANCE}
FILES_CLOSED = {Status.CLOSED, Status.WITHDRAWN}


@dataclass(frozen=True)
class Expected:
    """What happens next on a case, by whom, and by when (a running SLA clock's due date)."""

    text: str
    due: date | None = None
    provisional: bool = False


APPLICANT_STEPS: dict[str, StrOrPromise] = {
    Status.DRAFT: _("Complete your application and submit it."),
    Status.SUBMITTED: _("Nothing for now: the Center decides whether to accept your application."),
    Status.INFO_REQUESTED: _("The Center needs more information: please answer its request."),
    Status.ACCEPTED: _("Nothing for now: the Center assigns experts to your case."),
    Status.IN_GUIDANCE: _(
        "Follow the experts' guidance and tell the Center about any new development."
    ),
    Status.CONCLUDED: _("Tell the Center how satisfied you are with the guidance."),
    Status.DECLINED: _("Nothing: the Center did not accept the application (reason below)."),
}
OBSERVER_STEPS: dict[str, StrOrPromise] = {
    Status.SUBMITTED: _("The Center decides on acceptance."),
    Status.INFO_REQUESTED: _("The enterprise answers the request for more information."),
    Status.ACCEPTED: _("The Center assigns experts."),
    Status.IN_GUIDANCE: _("The experts give guidance."),
    Status.CONCLUDED: _("The enterprise gives feedback, then the Center closes the case."),
}
STEP_CLOCKS: dict[str, str] = {
    Status.SUBMITTED: ClockKind.ACCEPTANCE,
    Status.ACCEPTED: ClockKind.ASSIGNMENT,
    Status.IN_GUIDANCE: ClockKind.FIRST_GUIDANCE,
}


def expected_step(application: Application, *, applicant: bool) -> Expected:
    """The next step of the case as the applicant (or an observer) should read it; uses the
    prefetched `clocks` so lists stay at constant queries."""
    steps = APPLICANT_STEPS if applicant else OBSERVER_STEPS
    text = steps.get(application.status, _("No further step."))
    if application.status == Status.CONCLUDED and application.feedback_at:
        text = _("Nothing more: the Center will close the case.")
    clock = next(
        (
            c
            for c in application.clocks.all()
            if c.kind == STEP_CLOCKS.get(application.status) and c.running
        ),
        None,
    )
    if clock is None:
        return Expected(str(text))
    return Expected(str(text), clock.due_on, clock.provisional)


def urgency_for(application: Application) -> Urgency | None:
    """The urgency badge of an open case or a draft; None once the case is over."""
    if application.status not in OPEN_STATES and application.status != Status.DRAFT:
        return None
    return urgency_of(application.response_deadline)


@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    """The user's applications (enterprise) or the cases they take part in (others), newest
    first; read-only for roles other than the applicant."""
    assert request.user.is_authenticated  # behind login_required
    membership = request.user.membership
    queryset = (
        Application.objects.visible_to(request.user)
        .select_related("applicant")
        .prefetch_related("clocks")
        .order_by("-created_at")
    )
    page = Paginator(queryset, 25).get_page(request.GET.get("page"))
    applicant = membership is not None and membership.is_enterprise
    rows = [(app, urgency_for(app), expected_step(app, applicant=applicant)) for app in page]
    context = {"page": page, "rows": rows, "can_apply": applicant}
    return render(request, "assistance/application_list.html", context)


def _eligibility_problem(request: HttpRequest) -> str | None:
    """The Art. 12 explanation (with the partner center to go to) for a non-Beijing applicant."""
    assert request.user.is_authenticated  # behind login_required
    membership = request.user.membership
    assert membership is not None  # the form's views let only the applicant's members in
    try:
        check_eligibility(membership.organization)
    except ValidationError as exc:
        return " ".join(exc.messages)
    return None


def _enterprise_only(request: HttpRequest) -> None:
    assert request.user.is_authenticated  # behind login_required
    membership = request.user.membership
    if membership is None or not membership.is_enterprise:
        raise Http404


def _render_form(request, form, parties, *, application=None, status=200, **extra):
    context = {
        "form": form,
        "parties": parties,
        "application": application,
        "eligibility_problem": _eligibility_problem(request),
        "upload_form": (extra.pop("upload_form", None) or UploadForm()).attach_to(
            "attachment-upload"
        ),
        **extra,
    }
    if application is not None:
        context["attachments"] = application.attachments.select_related("uploaded_by")
    return render(request, "assistance/application_form.html", context, status=status)


def _save(request, form, parties, application: Application | None) -> Application | None:
    """Save every valid field through the services. Fields the service refuses (unknown IPC
    codes…) get their error on the form and are left out, so nothing else typed is lost."""
    fields: dict[str, Any] = form.draft_fields()
    if parties.is_valid():
        fields["parties"] = parties.rows()
    for _attempt in range(3):
        try:
            if application is None:
                key = _posted_key(request)
                return services.create_draft(actor=request.user, idempotency_key=key, **fields)
            return services.save_draft(actor=request.user, application=application, **fields)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict") or not set(exc.error_dict) & set(fields):
                add_service_errors(form, exc)
                return application
            add_service_errors(form, exc)
            for name in exc.error_dict:
                fields.pop(name, None)
    return application


def _posted_key(request) -> uuid.UUID | None:
    try:
        return uuid.UUID(request.POST.get("idempotency_key", ""))
    except ValueError:
        return None


def _existing_for_key(request: HttpRequest) -> Application | None:
    """The application an earlier post with the same idempotency key created, if any."""
    key = _posted_key(request)
    if key is None:
        return None
    assert request.user.is_authenticated  # behind login_required
    membership = request.user.membership
    assert membership is not None  # enterprise pages only (_enterprise_only)
    organization_id = membership.organization_id
    return Application.objects.filter(applicant_id=organization_id, idempotency_key=key).first()


def _submit(request, form, parties, application: Application) -> Application:
    try:
        return services.submit_application(actor=request.user, application=application)
    except ValidationError as exc:
        if hasattr(exc, "error_dict") and "parties" in exc.error_dict:
            parties.service_errors = ValidationError(exc.error_dict.pop("parties")).messages
        add_service_errors(form, exc)
        return application


def _handle_post(request, form, parties, application: Application | None) -> HttpResponse:
    """Save (and submit when asked); redirect when everything went through, else 400."""
    form.is_valid()
    parties.is_valid()
    application = _save(request, form, parties, application)
    if application is not None and application.status not in EDITABLE_STATES:
        return redirect("assistance:application_detail", code=application.code)
    clean = not form.errors and parties.is_valid()
    submitting = request.POST.get("action") == "submit"
    if clean and submitting and application is not None and application.status == Status.DRAFT:
        application = _submit(request, form, parties, application)
        clean = application.status != Status.DRAFT
    if clean and application is not None:
        if submitting:
            messages.success(request, _("Your application was submitted to the Center."))
            return redirect("assistance:application_detail", code=application.code)
        if application.status == Status.INFO_REQUESTED:
            messages.success(request, _("Your changes were saved."))
            return redirect("assistance:application_detail", code=application.code)
        messages.success(request, _("Draft saved."))
        return redirect("assistance:application_edit", code=application.code)
    return _render_form(request, form, parties, application=application, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def application_create(request: HttpRequest) -> HttpResponse:
    """A new application: the hidden idempotency key makes a double submit create one draft."""
    _enterprise_only(request)
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        existing = _existing_for_key(request)  # a retry, or the form reopened with "Back"
        return _handle_post(request, form, party_formset(request.POST), existing)
    form = ApplicationForm(initial={"idempotency_key": uuid.uuid4(), "currency": "USD"})
    return _render_form(request, form, party_formset())


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request: HttpRequest, code) -> HttpResponse:
    """Resume a draft (or complete it while the Center waits for more information)."""
    application = get_application_for_user(request.user, code, write=True)
    if not is_applicant(request.user, application):
        raise Http404
    if application.status not in EDITABLE_STATES:
        return redirect("assistance:application_detail", code=application.code)
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        parties = party_formset(request.POST, application=application)
        return _handle_post(request, form, parties, application)
    form = ApplicationForm(initial=application_initial(application))
    return _render_form(
        request, form, party_formset(application=application), application=application
    )


def render_draft_with_upload_errors(
    request: HttpRequest, application: Application, upload_form: UploadForm
) -> HttpResponse:
    """The draft form as saved, with a refused upload's errors (status 400)."""
    form = ApplicationForm(initial=application_initial(application))
    parties = party_formset(application=application)
    return _render_form(
        request, form, parties, application=application, status=400, upload_form=upload_form
    )


@login_required
@require_GET
def application_dispute_fields(request: HttpRequest) -> HttpResponse:
    """HTMX: the dispute-specific fieldset for the chosen dispute type (the full form includes
    the same partial), keeping the values already typed."""
    form = ApplicationForm(initial=dispute_initial(request.GET))
    return render(request, "assistance/partials/dispute_fields.html", {"form": form})


def _records(application: Application, *, applicant: bool) -> dict[str, Any]:
    """Everything the case page lists, each in one query whatever its length."""
    records: dict[str, Any] = {
        "ip_type_labels": [IPType(v).label for v in application.ip_types if v in IPType.values],
        "jurisdictions": list(application.jurisdictions.all()),
        "parties": list(application.parties.all()),
        "experts": list(application.experts.select_related("expert")),
        "guidance": list(application.guidance.select_related("attachment")),
        "referrals": list(application.referrals.select_related("body")),
        "case_messages": list(application.messages.select_related("author")),
        "attachments": list(application.attachments.select_related("uploaded_by")),
        "events": list(events_for(application)),
    }
    if application.confidential and applicant:
        records["file_accesses"] = list(
            FileAccess.objects.filter(attachment__application=application)
            .select_related("user", "attachment")
            .order_by("-accessed_at")[:500]
        )
    return records


def _action_forms(user, application: Application, given: dict[str, Any]) -> dict[str, Any]:
    """The forms of the actions this user may take now (bound ones passed in keep errors)."""
    applicant = is_applicant(user, application)
    guide = can_act_as_center(user) or is_assigned_expert(user, application)
    status = application.status
    wanted = {
        "answer_form": (AnswerForm, applicant and status == Status.INFO_REQUESTED),
        "feedback_form": (
            FeedbackForm,
            applicant
            and status in (Status.CONCLUDED, Status.CLOSED)
            and application.feedback_at is None,
        ),
        "withdraw_form": (WithdrawForm, applicant and status in WITHDRAWABLE),
        "message_form": (MessageForm, (applicant or guide) and status != Status.DRAFT),
        "upload_form": (UploadForm, (applicant or guide) and status not in FILES_CLOSED),
    }
    return {name: given.get(name) or cls() for name, (cls, show) in wanted.items() if show}


def case_context(request: HttpRequest, application: Application, **forms: Any) -> dict[str, Any]:
    """The case page's context; `forms` are bound forms to show with their errors."""
    user = request.user
    readable = can_read_content(user, application)
    applicant = is_applicant(user, application)
    context: dict[str, Any] = {
        "application": application,
        "can_read_content": readable,
        "can_act": readable and can_act_as_center(user),
        "is_applicant": applicant,
        "urgency": urgency_for(application),
    }
    if not readable:
        return context
    context.update(_records(application, applicant=applicant))
    context["expected"] = expected_step(application, applicant=applicant)
    context.update(_action_forms(user, application, forms))
    # A refused action whose form is no longer offered (the state moved on) still says why.
    context["action_errors"] = [
        message
        for name, form in forms.items()
        if name not in context
        for errors in form.errors.values()
        for message in errors
    ]
    return context


@login_required
@require_GET
def application_detail(request: HttpRequest, code) -> HttpResponse:
    """The case page: header, what is expected and by when, facts, guidance, messages, files,
    timeline. A confidential case seen by other staff shows only that it exists."""
    application = get_application_for_user(request.user, code)
    prefetch_related_objects([application], "clocks")
    return render(request, "assistance/application_detail.html", case_context(request, application))


def render_case(request: HttpRequest, application: Application, **forms: Any) -> HttpResponse:
    """Re-render the case page with an action's bound form and its errors (status 400)."""
    context = case_context(request, application, **forms)
    return render(request, "assistance/application_detail.html", context, status=400)
