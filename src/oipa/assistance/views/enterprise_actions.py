"""Actions on the case page (each one service) and the permission-checked file download.

Each POST view fetches through `get_application_for_user` (404 for what is hidden), validates
its form, calls one service and redirects back to the case page; invalid input re-renders the
case page with the form's errors and status 400.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from oipa.core.forms import add_service_errors

from .. import services
from ..access import can_read_content, get_application_for_user
from ..forms import AnswerForm, FeedbackForm, MessageForm, UploadForm, WithdrawForm
from ..models import Application, Attachment
from ..services.drafting import EDITABLE_STATES
from .enterprise import render_case, render_draft_with_upload_errors

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def _act(
    request: HttpRequest,
    code,
    form_class: type[Form],
    form_name: str,
    call: Callable[[Application, dict], object],
    done: StrOrPromise,
) -> HttpResponse:
    """The shared shape of a case-page action: fetch, validate, one service, PRG or 400."""
    application = get_application_for_user(request.user, code, write=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            call(application, form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("assistance:application_detail", code=application.code)
    application.refresh_from_db()
    return render_case(request, application, **{form_name: form})


@login_required
@require_POST
def application_withdraw(request: HttpRequest, code) -> HttpResponse:
    def call(application, data):
        services.withdraw_application(
            actor=request.user, application=application, reason=data["reason"]
        )

    return _act(
        request, code, WithdrawForm, "withdraw_form", call, _("The application was withdrawn.")
    )


@login_required
@require_POST
def application_answer(request: HttpRequest, code) -> HttpResponse:
    def call(application, data):
        services.answer_information_request(
            actor=request.user, application=application, answer=data["answer"]
        )

    return _act(
        request, code, AnswerForm, "answer_form", call, _("Your answer was sent to the Center.")
    )


@login_required
@require_POST
def application_feedback(request: HttpRequest, code) -> HttpResponse:
    def call(application, data):
        services.give_feedback(
            actor=request.user,
            application=application,
            satisfaction=data["satisfaction"],
            comment=data["comment"],
        )

    return _act(
        request, code, FeedbackForm, "feedback_form", call, _("Thank you for your feedback.")
    )


@login_required
@require_POST
def message_post(request: HttpRequest, code) -> HttpResponse:
    def call(application, data):
        services.post_message(actor=request.user, application=application, body=data["body"])

    return _act(request, code, MessageForm, "message_form", call, _("Your message was sent."))


@login_required
@require_POST
def attachment_upload(request: HttpRequest, code) -> HttpResponse:
    """A file for the case, from the case page or the draft form (`from=edit` returns there)."""
    application = get_application_for_user(request.user, code, write=True)
    back_to_form = request.POST.get("from") == "edit" and application.status in EDITABLE_STATES
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.upload_attachment(
                actor=request.user,
                application=application,
                upload=form.cleaned_data["upload"],
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The file was added."))
            target = "assistance:application_edit" if back_to_form else None
            return redirect(target or "assistance:application_detail", code=application.code)
    if back_to_form:
        return render_draft_with_upload_errors(request, application, form)
    return render_case(request, application, upload_form=form)


@login_required
@require_GET
def attachment_download(request: HttpRequest, code) -> FileResponse:
    """Serve a case file as a download to those who may read the case's content; everything
    else (another enterprise's file, a guessed code) answers 404. Every access is recorded."""
    attachment = Attachment.objects.filter(code=code).select_related("application").first()
    if attachment is None:
        raise Http404
    application = get_application_for_user(request.user, attachment.application.code)
    if not can_read_content(request.user, application):
        raise Http404
    attachment.application = application
    services.record_file_access(actor=request.user, attachment=attachment)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
