"""POST actions on an event and its registrations, the .ics invitation, materials and the
certificate of attendance. Each fetches through the access helpers (404 for what is hidden),
validates a form, calls one service and redirects to the event page with a message; invalid
input re-renders the event page with the errors (400)."""

from __future__ import annotations

from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from oipa.core.forms import add_service_errors

from . import services
from .access import get_event_for_user, get_registration_for_user
from .certificate import certificate_pdf
from .forms import (
    AttendanceForm,
    AttendanceImportForm,
    CancelEventForm,
    CapacityForm,
    FeedbackForm,
    MaterialForm,
    RegistrationForm,
)
from .invitation import event_ics
from .models import ACTIVE_STATES, Material, RegistrationStatus
from .views import event_context


def _back(event) -> HttpResponse:
    return redirect("training:event_detail", code=event.code)


def _invalid(request, event, name: str, form) -> HttpResponse:
    context = event_context(request, event, **{name: form})
    return render(request, "training/event_detail.html", context, status=400)


def _run(request, event, name: str, form, call, success: str) -> HttpResponse:
    """Validate `form`, call the service with its data, redirect or re-render with errors."""
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, success)
            return _back(event)
    return _invalid(request, event, name, form)


@login_required
@require_POST
def event_register(request: HttpRequest, code) -> HttpResponse:
    event = get_event_for_user(request.user, code)
    form = RegistrationForm(request.POST)
    result: dict = {}

    def call(data):
        result["registration"] = services.register_for_event(
            actor=request.user, event=event, **data
        )

    response = _run(request, event, "register_form", form, call, _("You are registered."))
    registration = result.get("registration")
    if registration is not None and registration.status == RegistrationStatus.WAITLISTED:
        messages.info(request, _("The event is full: you are on the waiting list."))
    return response


@login_required
@require_POST
def event_capacity(request: HttpRequest, code) -> HttpResponse:
    event = get_event_for_user(request.user, code, write=True)
    return _run(
        request,
        event,
        "capacity_form",
        CapacityForm(request.POST),
        lambda d: services.change_capacity(actor=request.user, event=event, **d),
        _("The capacity is changed."),
    )


@login_required
@require_POST
def event_cancel(request: HttpRequest, code) -> HttpResponse:
    event = get_event_for_user(request.user, code, write=True)
    return _run(
        request,
        event,
        "cancel_form",
        CancelEventForm(request.POST),
        lambda d: services.cancel_event(actor=request.user, event=event, **d),
        _("The event is cancelled and the registered enterprises are told."),
    )


@login_required
@require_POST
def material_upload(request: HttpRequest, code) -> HttpResponse:
    event = get_event_for_user(request.user, code, write=True)
    form = MaterialForm(request.POST, request.FILES)
    return _run(
        request,
        event,
        "material_form",
        form,
        lambda d: services.add_material(
            actor=request.user, event=event, upload=d["file"], title=d["title"]
        ),
        _("The material is added."),
    )


@login_required
@require_POST
def attendance_import(request: HttpRequest, code) -> HttpResponse:
    event = get_event_for_user(request.user, code, write=True)
    form = AttendanceImportForm(request.POST, request.FILES)
    result: dict = {}

    def call(data):
        result["count"] = services.import_attendance(
            actor=request.user, event=event, content=data["file"].read()
        )

    response = _run(request, event, "import_form", form, call, _("Attendance imported."))
    return response


@login_required
@require_POST
def registration_cancel(request: HttpRequest, code) -> HttpResponse:
    registration = get_registration_for_user(request.user, code, write=True)
    try:
        services.cancel_registration(actor=request.user, registration=registration)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The registration is cancelled."))
    return _back(registration.event)


@login_required
@require_POST
def registration_attendance(request: HttpRequest, code) -> HttpResponse:
    registration = get_registration_for_user(request.user, code, write=True)
    form = AttendanceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose attended or absent."))
        return _back(registration.event)
    try:
        services.record_attendance(
            actor=request.user, registration=registration, **form.cleaned_data
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return _back(registration.event)


@login_required
@require_POST
def registration_feedback(request: HttpRequest, code) -> HttpResponse:
    registration = get_registration_for_user(request.user, code, write=True)
    return _run(
        request,
        registration.event,
        "feedback_form",
        FeedbackForm(request.POST),
        lambda d: services.give_feedback(actor=request.user, registration=registration, **d),
        _("Thank you for your feedback."),
    )


def _download(content: bytes, filename: str, content_type: str) -> FileResponse:
    response = FileResponse(
        BytesIO(content), as_attachment=True, filename=filename, content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def event_invitation(request: HttpRequest, code) -> FileResponse:
    """The .ics file; with the enterprise's active registration, its attendee is named."""
    event = get_event_for_user(request.user, code)
    membership = getattr(request.user, "membership", None)
    registration = (
        event.registrations.filter(
            organization_id=membership.organization_id, status__in=ACTIVE_STATES
        ).first()
        if membership is not None
        else None
    )
    return _download(event_ics(event, registration), f"event-{event.code}.ics", "text/calendar")


@login_required
@require_safe
def material_download(request: HttpRequest, code) -> FileResponse:
    material = Material.objects.filter(code=code).select_related("event").first()
    if material is None:
        raise Http404
    get_event_for_user(request.user, material.event.code)
    response = FileResponse(
        material.file.open("rb"),
        as_attachment=True,
        filename=material.original_name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def certificate(request: HttpRequest, code) -> FileResponse:
    """The certificate of attendance; 404 unless the attendee came."""
    registration = get_registration_for_user(request.user, code)
    if registration.attended is not True:
        raise Http404
    return _download(
        certificate_pdf(registration), f"certificate-{registration.code}.pdf", "application/pdf"
    )
