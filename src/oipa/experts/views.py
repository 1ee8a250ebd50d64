"""Pages of the expert pool: the pool and profiles (Center staff, and each expert's own), the
expert's desk (invitations and assigned cases) and their answers. Case-side pages (ranking,
invitations, batch assignment) are in `views_cases.py`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oipa.assistance.models import CaseExpert
from oipa.core.forms import add_service_errors

from . import services
from .access import (
    can_manage_pool,
    get_invitation_for_user,
    get_own_profile,
    get_profile_for_user,
)
from .filters import ExpertProfileFilter
from .forms import (
    AcceptForm,
    ConflictForm,
    ConsultationForm,
    DeclineForm,
    HoursForm,
    OpinionForm,
    ProfileForm,
    StatusForm,
    UnavailabilityForm,
)
from .models import ExpertInvitation, ExpertProfile, InvitationStatus, ServiceHours
from .recommend import expert_loads

PAGE_SIZE = 50


def flash_error(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _require_center(request: HttpRequest) -> None:
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.is_center:
        raise Http404


@login_required
@require_GET
def pool(request: HttpRequest) -> HttpResponse:
    """The pool, filtered (Center staff and auditors)."""
    _require_center(request)
    profiles = (
        ExpertProfile.objects.visible_to(request.user)
        .select_related("user")
        .prefetch_related("jurisdictions", "ipc_entries")
    )
    filters = ExpertProfileFilter(request.GET, queryset=profiles)
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    loads = expert_loads(page.object_list)
    rows = [(profile, loads.get(profile.pk, 0)) for profile in page.object_list]
    context = {"filter": filters, "page": page, "rows": rows}
    return render(request, "experts/pool.html", context)


@login_required
@require_GET
def hours_report(request: HttpRequest) -> HttpResponse:
    """Service hours per expert and year (volunteers' hours are reported yearly)."""
    _require_center(request)
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    rows = (
        ServiceHours.objects.filter(worked_on__year=year)
        .values("expert__code", "expert__user__full_name", "expert__category")
        .annotate(total=Sum("hours"), cases=Count("application", distinct=True))
        .order_by("-total")
    )
    return render(request, "experts/hours_report.html", {"rows": rows, "year": year})


@login_required
@require_GET
def own_profile(request: HttpRequest) -> HttpResponse:
    """The signed-in expert's profile page."""
    return redirect("experts:profile_detail", code=get_own_profile(request.user).code)


@login_required
@require_GET
def profile_detail(request: HttpRequest, code) -> HttpResponse:
    """A profile with its expertise, conflicts (withdrawn ones too), periods and invitations."""
    profile = get_profile_for_user(request.user, code)
    context = {
        "profile": profile,
        "conflicts": profile.conflicts.all(),
        "periods": profile.unavailability.all(),
        "invitations": profile.invitations.select_related("application")[:20],
        "load": expert_loads([profile]).get(profile.pk, 0),
        "can_edit": profile.user_id == request.user.pk or can_manage_pool(request.user),
        "can_manage": can_manage_pool(request.user),
        "is_self": profile.user_id == request.user.pk,
        "conflict_form": ConflictForm(),
        "period_form": UnavailabilityForm(),
        "status_form": StatusForm(),
    }
    return render(request, "experts/profile_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, code) -> HttpResponse:
    """The expert (or staff) edits the expertise; refused input keeps what is stored."""
    profile = get_profile_for_user(request.user, code, write=True)
    form = ProfileForm(request.POST or None, initial=ProfileForm.initial_for(profile))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_expert_profile(
                actor=request.user, profile=profile, **form.service_fields()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The profile was saved."))
            return redirect("experts:profile_detail", code=profile.code)
    status = 400 if form.errors else 200
    context = {"profile": profile, "form": form}
    return render(request, "experts/profile_edit.html", context, status=status)


@login_required
@require_POST
def conflict_declare(request: HttpRequest, code) -> HttpResponse:
    profile = get_profile_for_user(request.user, code, write=True)
    form = ConflictForm(request.POST)
    if form.is_valid():
        try:
            services.declare_conflict(actor=request.user, profile=profile, **form.cleaned_data)
            messages.success(request, _("The conflict was declared."))
        except ValidationError as exc:
            flash_error(request, exc)
    else:
        messages.error(request, _("Enter the kind and the organization's name."))
    return redirect("experts:profile_detail", code=profile.code)


@login_required
@require_POST
def conflict_withdraw(request: HttpRequest, code, pk: int) -> HttpResponse:
    profile = get_profile_for_user(request.user, code, write=True)
    declaration = get_object_or_404(profile.conflicts, pk=pk)
    try:
        services.withdraw_conflict(actor=request.user, declaration=declaration)
        messages.success(request, _("The declaration was withdrawn; it stays on record."))
    except ValidationError as exc:
        flash_error(request, exc)
    return redirect("experts:profile_detail", code=profile.code)


@login_required
@require_POST
def unavailability_add(request: HttpRequest, code) -> HttpResponse:
    profile = get_profile_for_user(request.user, code, write=True)
    form = UnavailabilityForm(request.POST)
    if form.is_valid():
        try:
            services.add_unavailability(actor=request.user, profile=profile, **form.cleaned_data)
            messages.success(request, _("The period was added."))
        except ValidationError as exc:
            flash_error(request, exc)
    else:
        messages.error(request, _("Enter both dates."))
    return redirect("experts:profile_detail", code=profile.code)


@login_required
@require_POST
def profile_status(request: HttpRequest, code) -> HttpResponse:
    """Staff suspend, reinstate or retire; an invited expert joins (status "active")."""
    profile = get_profile_for_user(request.user, code, write=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.change_expert_status(
                actor=request.user, profile=profile, status=form.cleaned_data["status"]
            )
            messages.success(request, _("The status was changed."))
        except ValidationError as exc:
            flash_error(request, exc)
    return redirect("experts:profile_detail", code=profile.code)


@login_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    """The expert's desk: their pending invitations and the cases they are assigned to."""
    profile = get_own_profile(request.user)
    invitations = (
        ExpertInvitation.objects.visible_to(request.user)
        .filter(status=InvitationStatus.PENDING)
        .select_related("application__applicant")
    )
    cases = (
        CaseExpert.objects.filter(expert_id=request.user.pk)
        .select_related("application__applicant")
        .order_by("-assigned_at")
    )
    year = timezone.localdate().year
    hours = profile.hours.filter(worked_on__year=year).aggregate(total=Sum("hours"))["total"]
    context = {
        "profile": profile,
        "invitations": invitations,
        "cases": cases,
        "hours_total": hours or 0,
        "year": year,
        "accept_form": AcceptForm(),
        "decline_form": DeclineForm(),
        "hours_form": HoursForm(initial={"worked_on": timezone.localdate()}),
        "consultation_form": ConsultationForm(initial={"held_on": timezone.localdate()}),
        "opinion_form": OpinionForm(),
    }
    return render(request, "experts/desk.html", context)


@login_required
@require_POST
def invitation_accept(request: HttpRequest, code) -> HttpResponse:
    """The invited expert accepts, confirming no conflict; they land on the case page."""
    invitation = get_invitation_for_user(request.user, code, answer=True)
    form = AcceptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Confirm that you have no conflict of interest first."))
        return redirect("experts:desk")
    try:
        services.accept_invitation(actor=request.user, invitation=invitation, no_conflict=True)
    except ValidationError as exc:
        flash_error(request, exc)
        return redirect("experts:desk")
    messages.success(request, _("You joined the case."))
    return redirect("assistance:application_detail", code=invitation.application.code)


@login_required
@require_POST
def invitation_decline(request: HttpRequest, code) -> HttpResponse:
    invitation = get_invitation_for_user(request.user, code, answer=True)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tell the Center why you decline."))
        return redirect("experts:desk")
    try:
        services.decline_invitation(
            actor=request.user, invitation=invitation, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("You declined the invitation."))
    except ValidationError as exc:
        flash_error(request, exc)
    return redirect("experts:desk")
