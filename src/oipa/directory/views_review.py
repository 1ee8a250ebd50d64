"""The Center's review of proposed listing changes: the queue, one change beside the live
listing, approve and reject. Center roles see the queue (auditors read only); an institution's
staff may open their own proposals; everyone else gets 404."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import services
from .access import get_change_for_user, is_center_staff
from .forms import ReasonForm
from .listing import InstitutionDetails
from .models import ChangeStatus, Institution, InstitutionKind, Language, ListingChange, Service


@dataclass(frozen=True)
class Difference:
    label: str
    live: str
    proposed: str

    @property
    def changed(self) -> bool:
        return self.live != self.proposed


def _shown(name: str, value) -> str:
    if name == "kind":
        return str(InstitutionKind(value).label) if value in InstitutionKind.values else value
    if name == "services":
        return "; ".join(str(Service(c).label) for c in value if c in Service.values)
    if name == "languages":
        return "; ".join(str(Language(c).label) for c in value if c in Language.values)
    if name == "partners":
        return "; ".join(f"{n} ({c})" for n, c in value)
    if name == "countries":
        return ", ".join(value)
    return str(value or "")


def differences(institution: Institution, change: ListingChange) -> list[Difference]:
    """Each value of the listing, live beside proposed."""
    live = InstitutionDetails.of(institution)
    proposed = InstitutionDetails.from_data(change.data)
    rows = []
    for name in InstitutionDetails.__dataclass_fields__:
        label = str(getattr(Institution._meta.get_field(name), "verbose_name", name))
        rows.append(
            Difference(
                label, _shown(name, getattr(live, name)), _shown(name, getattr(proposed, name))
            )
        )
    return rows


@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.is_center:
        raise Http404
    pending = (
        ListingChange.objects.filter(status=ChangeStatus.PENDING)
        .select_related("institution", "proposed_by")
        .order_by("proposed_at", "pk")
    )
    return render(request, "directory/review_queue.html", {"changes": pending})


@login_required
@require_GET
def change_detail(request: HttpRequest, code) -> HttpResponse:
    change = get_change_for_user(request.user, code)
    context = {
        "change": change,
        "institution": change.institution,
        "rows": differences(change.institution, change),
        "may_review": is_center_staff(request.user) and change.status == ChangeStatus.PENDING,
        "reason_form": ReasonForm(),
    }
    return render(request, "directory/change_detail.html", context)


def _reviewable(request: HttpRequest, code) -> ListingChange:
    change = get_change_for_user(request.user, code)
    if not is_center_staff(request.user):
        raise Http404
    return change


@login_required
@require_POST
def change_approve(request: HttpRequest, code) -> HttpResponse:
    change = _reviewable(request, code)
    try:
        services.approve_change(actor=request.user, change=change)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("directory:change_detail", code=change.code)
    messages.success(request, _("The change is live."))
    return redirect("directory:review_queue")


@login_required
@require_POST
def change_reject(request: HttpRequest, code) -> HttpResponse:
    change = _reviewable(request, code)
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.reject_change(actor=request.user, change=change, reason=reason)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("directory:change_detail", code=change.code)
    messages.success(request, _("The change has been rejected; the institution is told why."))
    return redirect("directory:review_queue")
