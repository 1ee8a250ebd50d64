"""Editors' pages (Center staff; auditors read the list) and the enterprises' subscription page.

Everyone else gets 404 for these pages, the same as for a missing object.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import services
from .access import can_edit, get_item_for_user
from .forms import FORMS, KIND_LABELS, DeadlineFactFormSet, SubscriptionForm
from .models import (
    Bulletin,
    BulletinSubscription,
    CountryProfile,
    EditorialStatus,
    Guide,
    TypicalCase,
)

MODELS = {"profile": CountryProfile, "case": TypicalCase, "guide": Guide, "bulletin": Bulletin}
DETAIL = {k: f"knowledge:{k}_detail" for k in MODELS}
TRANSITIONS = {
    "submit": services.submit_for_review,
    "publish": services.publish_item,
    "return": services.return_to_draft,
    "archive": services.archive_item,
}


def _bound(request: HttpRequest) -> tuple[Any, Any]:
    """(data, files) for a POST, (None, None) otherwise: an empty POST still gets validated."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _model(kind: str):
    if kind not in MODELS:
        raise Http404
    return MODELS[kind]


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.is_center:
        raise Http404
    status = request.GET.get("status", "")
    sections = []
    for kind, model in MODELS.items():
        items = model.objects.visible_to(request.user).order_by("-updated_at")
        if status in EditorialStatus.values:
            items = items.filter(status=status)
        sections.append((kind, KIND_LABELS[kind], items[:100]))
    context = {
        "sections": sections,
        "statuses": EditorialStatus.choices,
        "status": status,
        "can_edit": can_edit(request.user),
    }
    return render(request, "knowledge/manage.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request: HttpRequest, kind: str) -> HttpResponse:
    model = _model(kind)
    if not can_edit(request.user):
        raise Http404
    data, files = _bound(request)
    form = FORMS[kind](data, files)
    if request.method == "POST" and form.is_valid():
        fields, many = form.split()
        try:
            item = services.create_item(actor=request.user, model=model, fields=fields, many=many)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Draft saved."))
            return redirect(DETAIL[kind], code=item.code)
    return render(request, "knowledge/item_form.html", {"form": form, "kind": kind})


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request: HttpRequest, kind: str, code) -> HttpResponse:
    item = get_item_for_user(request.user, _model(kind), code, write=True)
    if item.status not in services.EDITABLE:
        messages.info(request, _("Return the item to draft to edit it."))
        return redirect(DETAIL[kind], code=item.code)
    data, files = _bound(request)
    form = FORMS[kind](data, files, instance=item)
    if request.method == "POST" and form.is_valid():
        fields, many = form.split()
        try:
            services.update_item(actor=request.user, item=item, fields=fields, many=many)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect(DETAIL[kind], code=item.code)
    context = {"form": form, "kind": kind, "item": item}
    return render(request, "knowledge/item_form.html", context)


@login_required
@require_POST
def item_transition(request: HttpRequest, kind: str, code, action: str) -> HttpResponse:
    item = get_item_for_user(request.user, _model(kind), code, write=True)
    if action not in TRANSITIONS:
        raise Http404
    try:
        TRANSITIONS[action](actor=request.user, item=item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Status changed."))
    return redirect(DETAIL[kind], code=item.code)


@login_required
@require_http_methods(["GET", "POST"])
def profile_deadlines(request: HttpRequest, code) -> HttpResponse:
    profile = get_item_for_user(request.user, CountryProfile, code, write=True)
    if profile.status not in services.EDITABLE:
        messages.info(request, _("Return the item to draft to edit it."))
        return redirect("knowledge:profile_detail", code=profile.code)
    initial = list(profile.deadlines.values(*DeadlineFactFormSet.form.Meta.fields))
    formset = DeadlineFactFormSet(_bound(request)[0], initial=initial)
    if request.method == "POST" and formset.is_valid():
        facts = [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in formset
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            services.set_deadline_facts(actor=request.user, profile=profile, facts=facts)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Deadlines saved."))
            return redirect("knowledge:profile_detail", code=profile.code)
    context = {"formset": formset, "item": profile}
    return render(request, "knowledge/profile_deadlines.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def subscription(request: HttpRequest) -> HttpResponse:
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.is_enterprise:
        raise Http404
    current = BulletinSubscription.objects.filter(organization=membership.organization).first()
    initial = (
        {"jurisdictions": current.jurisdictions.all(), "industries": current.industries.all()}
        if current
        else {}
    )
    form = SubscriptionForm(_bound(request)[0], initial=initial)
    if request.method == "POST" and "unsubscribe" in request.POST:
        services.unsubscribe_from_bulletins(actor=request.user)
        messages.success(request, _("You will no longer receive bulletins."))
        return redirect("knowledge:subscription")
    if request.method == "POST" and form.is_valid():
        services.subscribe_to_bulletins(
            actor=request.user,
            jurisdictions=list(form.cleaned_data["jurisdictions"]),
            industries=list(form.cleaned_data["industries"]),
        )
        messages.success(request, _("Subscription saved."))
        return redirect("knowledge:subscription")
    context = {"form": form, "subscribed": current is not None}
    return render(request, "knowledge/subscription.html", context)
