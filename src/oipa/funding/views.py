"""Funding programme and application pages: enterprises apply and itemize; Center staff review,
approve and pay. Every object is fetched through `access.py` (404 when hidden)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from oipa.assistance.models import Application
from oipa.core.forms import add_service_errors

from . import services
from .access import (
    can_manage_funding,
    get_cost_item_for_user,
    get_funding_application_for_user,
    get_programme_for_user,
    is_member_of,
)
from .filters import FundingApplicationFilter
from .forms import (
    ApplyForm,
    CostItemForm,
    ItemReviewForm,
    NoteForm,
    PaymentForm,
    ReasonForm,
)
from .models import CostType, FundingApplication, FundingStatus, Programme
from .money import currency_choices
from .services.applications import FUNDABLE_CASE_STATES


def _fail(request: HttpRequest, exc: Exception) -> None:
    """Show a refused action as a message (nothing was stored)."""
    if isinstance(exc, PermissionDenied):
        raise Http404
    messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))


def _own_cases(user):
    membership = user.membership
    if membership is None or not membership.is_enterprise:
        return Application.objects.none()
    return Application.objects.filter(
        applicant_id=membership.organization_id, status__in=FUNDABLE_CASE_STATES
    ).order_by("-created_at")


@login_required
@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    programmes = Programme.objects.visible_to(request.user)
    if getattr(request.user, "membership", None) is None:
        raise Http404
    return render(request, "funding/programme_list.html", {"programmes": programmes})


@login_required
@require_GET
def programme_detail(request: HttpRequest, code) -> HttpResponse:
    programme = get_programme_for_user(request.user, code)
    membership = getattr(request.user, "membership", None)
    context = {
        "programme": programme,
        "form": ApplyForm(cases=_own_cases(request.user)),
        "cost_type_labels": [CostType(t).label for t in programme.cost_types],
    }
    if membership is not None and membership.is_enterprise:
        context["problem"] = services.eligibility_problem(membership.organization)
    return render(request, "funding/programme_detail.html", context)


@login_required
@require_POST
def apply(request: HttpRequest, code) -> HttpResponse:
    programme = get_programme_for_user(request.user, code)
    cases = _own_cases(request.user)
    form = ApplyForm(request.POST, cases=cases)
    if form.is_valid():
        case = cases.get(code=form.cleaned_data["case"])
        try:
            application = services.create_funding_application(
                actor=request.user, programme=programme, case=case, note=form.cleaned_data["note"]
            )
        except (ValidationError, PermissionDenied) as exc:
            _fail(request, exc)
        else:
            return redirect("funding:application_detail", code=application.code)
    else:
        messages.error(request, _("Choose one of your accepted cases."))
    return redirect("funding:programme_detail", code=programme.code)


@login_required
@require_GET
def application_list(request: HttpRequest) -> HttpResponse:
    base = FundingApplication.objects.visible_to(request.user).select_related(
        "programme", "applicant", "case"
    )
    filterset = FundingApplicationFilter(request.GET, queryset=base)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(request, "funding/application_list.html", {"filter": filterset, "page": page})


def _detail_context(request, application, **forms) -> dict:
    user = request.user
    return {
        "application": application,
        "items": application.items.all(),
        "payments": application.payments.all(),
        "is_applicant": is_member_of(user, application.applicant_id),
        "is_reviewer": can_manage_funding(user),
        "item_form": forms.get("item_form") or CostItemForm(),
        "review_form": ItemReviewForm(),
        "reason_form": ReasonForm(),
        "note_form": NoteForm(),
        "payment_form": forms.get("payment_form") or PaymentForm(),
        "currencies": currency_choices(),
        "Status": FundingStatus,
    }


@login_required
@require_GET
def application_detail(request: HttpRequest, code) -> HttpResponse:
    application = get_funding_application_for_user(request.user, code)
    return render(request, "funding/application_detail.html", _detail_context(request, application))


@login_required
@require_POST
def add_item(request: HttpRequest, code) -> HttpResponse:
    application = get_funding_application_for_user(request.user, code, write=True)
    form = CostItemForm(request.POST, request.FILES)
    if form.is_valid():
        data = dict(form.cleaned_data)
        upload = data.pop("invoice_file")
        try:
            services.add_cost_item(
                actor=request.user, application=application, upload=upload, **data
            )
        except PermissionDenied as exc:
            _fail(request, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The cost item was added."))
            return redirect("funding:application_detail", code=application.code)
    context = _detail_context(request, application, item_form=form)
    return render(request, "funding/application_detail.html", context, status=400)


@login_required
@require_POST
def remove_item(request: HttpRequest, code) -> HttpResponse:
    item = get_cost_item_for_user(request.user, code)
    try:
        services.remove_cost_item(actor=request.user, item=item)
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    return redirect("funding:application_detail", code=item.application.code)


@login_required
@require_POST
def transition(request: HttpRequest, code, action: str) -> HttpResponse:
    """Submit, withdraw, complete the review, give the second approval, or reject."""
    application = get_funding_application_for_user(request.user, code, write=True)
    user = request.user
    calls = {
        "submit": lambda: services.submit_funding_application(actor=user, application=application),
        "withdraw": lambda: services.withdraw_funding_application(
            actor=user, application=application
        ),
        "complete": lambda: services.complete_review(
            actor=user, application=application, note=request.POST.get("note", "")
        ),
        "second-approval": lambda: services.give_second_approval(
            actor=user, application=application
        ),
        "reject": lambda: services.reject_funding_application(
            actor=user, application=application, reason=request.POST.get("reason", "")
        ),
    }
    if action not in calls:
        raise Http404
    try:
        calls[action]()
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Done."))
    return redirect("funding:application_detail", code=application.code)


@login_required
@require_POST
def review_item(request: HttpRequest, code) -> HttpResponse:
    item = get_cost_item_for_user(request.user, code)
    form = ItemReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("funding:application_detail", code=item.application.code)
    try:
        services.review_cost_item(actor=request.user, item=item, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as exc:
        _fail(request, exc)
    return redirect("funding:application_detail", code=item.application.code)


@login_required
@require_POST
def record_payment(request: HttpRequest, code) -> HttpResponse:
    application = get_funding_application_for_user(request.user, code, write=True)
    form = PaymentForm(request.POST)
    if form.is_valid():
        try:
            services.record_payment(
                actor=request.user, application=application, **form.cleaned_data
            )
        except PermissionDenied as exc:
            _fail(request, exc)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The payment was recorded."))
            return redirect("funding:application_detail", code=application.code)
    context = _detail_context(request, application, payment_form=form)
    return render(request, "funding/application_detail.html", context, status=400)


@login_required
@require_GET
def invoice_download(request: HttpRequest, code) -> FileResponse:
    """The invoice file, always as a download (never rendered on our origin)."""
    item = get_cost_item_for_user(request.user, code)
    return FileResponse(
        item.file.open("rb"),
        as_attachment=True,
        filename=item.original_name,
        content_type=item.content_type,
    )
