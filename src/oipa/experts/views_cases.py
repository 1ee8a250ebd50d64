"""Case-side pages: the ranked experts of a case with the invite form (staff), service hours
(assigned experts) and batch assignment proposals (staff)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oipa.assistance.access import (
    can_act_as_center,
    can_read_content,
    get_application_for_user,
    is_assigned_expert,
)
from oipa.assistance.services import guidance

from . import services
from .access import can_manage_pool, get_proposal_for_user
from .forms import ConsultationForm, HoursForm, InviteForm, OpinionForm, ProposalForm
from .models import AssignmentProposal, ExpertInvitation, ExpertProfile, ProfileStatus
from .recommend import recommend_for_case
from .views import flash_error


def _staff_case(request: HttpRequest, code):
    application = get_application_for_user(request.user, code)
    if not (can_act_as_center(request.user) and can_read_content(request.user, application)):
        raise Http404
    return application


def panel_context(request: HttpRequest, application) -> dict:
    ranking = recommend_for_case(application)
    invitations = ExpertInvitation.objects.filter(application=application).select_related(
        "expert__user"
    )
    profiles = ExpertProfile.objects.in_bulk([r.expert_id for r in ranking.recommended])
    return {
        "application": application,
        "ranking": ranking,
        "rows": [(rec, profiles[rec.expert_id]) for rec in ranking.recommended],
        "invitations": invitations,
        "assigned": application.experts.select_related("expert__expert_profile"),
    }


@login_required
@require_GET
def case_panel(request: HttpRequest, code) -> HttpResponse:
    """Ranked experts for a case with each score part and the reason, the excluded ones with
    why, and the invite form; the HTMX partial the case page loads, or a page of its own."""
    application = _staff_case(request, code)
    context = panel_context(request, application)
    if getattr(request, "htmx", False):
        return render(request, "experts/partials/case_panel.html", context)
    return render(request, "experts/case_experts.html", context)


@login_required
@require_POST
def case_invite(request: HttpRequest, code) -> HttpResponse:
    """Staff invite the chosen lead and members; scores and reasons are those ranked now."""
    application = _staff_case(request, code)
    form = InviteForm(request.POST)
    if not form.is_valid():
        for error in form.non_field_errors() or [_("Choose valid experts.")]:
            messages.error(request, str(error))
        return redirect("experts:case_panel", code=application.code)
    chosen = [str(form.cleaned_data["lead"] or "")] + form.member_codes
    pool = ExpertProfile.objects.filter(
        status=ProfileStatus.ACTIVE, code__in=[c for c in chosen if c]
    )
    by_code = {str(p.code): p for p in pool}
    ranking = recommend_for_case(application, limit=1000)
    reasons = {r.expert_id: (r.score, r.reason) for r in ranking.recommended}
    try:
        lead = by_code[chosen[0]] if chosen[0] else None
        members = [by_code[c] for c in form.member_codes if c != chosen[0]]
        services.invite_team(
            actor=request.user,
            application=application,
            lead=lead,
            members=members,
            reasons=reasons,
        )
    except KeyError:
        messages.error(request, _("One of the chosen experts is not active in the pool."))
    except ValidationError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("The invitations were sent."))
        return redirect("assistance:application_detail", code=application.code)
    return redirect("experts:case_panel", code=application.code)


@login_required
@require_POST
def log_hours(request: HttpRequest, code) -> HttpResponse:
    """An assigned expert records time spent on the case."""
    application = get_application_for_user(request.user, code)
    form = HoursForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a date and a number of hours."))
        return redirect("experts:desk")
    try:
        services.log_service_hours(actor=request.user, application=application, **form.cleaned_data)
    except PermissionDenied as exc:
        raise Http404 from exc
    except ValidationError as exc:
        flash_error(request, exc)
    else:
        messages.success(request, _("The hours were recorded."))
    return redirect("experts:desk")


def _guided_case(request: HttpRequest, code):
    """A case the signed-in expert is assigned to; 404 otherwise."""
    application = get_application_for_user(request.user, code)
    if not is_assigned_expert(request.user, application):
        raise Http404
    return application


@login_required
@require_POST
def record_consultation(request: HttpRequest, code) -> HttpResponse:
    """The assigned expert records a consultation on the case (assistance's service)."""
    application = _guided_case(request, code)
    form = ConsultationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the date and a summary of the consultation."))
        return redirect("experts:desk")
    try:
        guidance.record_consultation(
            actor=request.user, application=application, **form.cleaned_data
        )
    except ValidationError as exc:
        flash_error(request, exc)
        return redirect("experts:desk")
    messages.success(request, _("The consultation was recorded."))
    return redirect("assistance:application_detail", code=application.code)


@login_required
@require_POST
def upload_opinion(request: HttpRequest, code) -> HttpResponse:
    """The assigned expert gives a written opinion (file and summary) on the case."""
    application = _guided_case(request, code)
    form = OpinionForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose the opinion document and write a summary."))
        return redirect("experts:desk")
    try:
        guidance.upload_guidance_opinion(
            actor=request.user, application=application, **form.cleaned_data
        )
    except ValidationError as exc:
        flash_error(request, exc)
        return redirect("experts:desk")
    messages.success(request, _("The written opinion was uploaded; the enterprise can read it."))
    return redirect("assistance:application_detail", code=application.code)


@login_required
@require_http_methods(["GET", "POST"])
def batch(request: HttpRequest) -> HttpResponse:
    """Proposals of batch assignment; staff ask for a new one (reviewed before it is sent)."""
    if not can_manage_pool(request.user):
        raise Http404
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.propose_assignment(
                actor=request.user, team_size=form.cleaned_data["team_size"]
            )
        except ValidationError as exc:
            flash_error(request, exc)
        else:
            return redirect("experts:proposal_detail", code=proposal.code)
    proposals = AssignmentProposal.objects.visible_to(request.user).select_related("created_by")[
        :20
    ]
    return render(request, "experts/batch.html", {"form": form, "proposals": proposals})


@login_required
@require_GET
def proposal_detail(request: HttpRequest, code) -> HttpResponse:
    proposal = get_proposal_for_user(request.user, code)
    rows = proposal.rows.select_related("application", "expert__user")
    shortfall = proposal.objective - proposal.greedy_objective
    context = {"proposal": proposal, "rows": rows, "shortfall": round(shortfall, 1)}
    return render(request, "experts/proposal_detail.html", context)


@login_required
@require_POST
def proposal_decide(request: HttpRequest, code, decision: str) -> HttpResponse:
    """Confirm (send the invitations) or discard a proposal."""
    proposal = get_proposal_for_user(request.user, code, write=True)
    try:
        if decision == "confirm":
            sent, skipped = services.confirm_proposal(actor=request.user, proposal=proposal)
            messages.success(request, _("%(count)d invitations were sent.") % {"count": len(sent)})
            for row, reason in skipped:
                messages.warning(request, f"{row.expert} → {row.application}: {reason}")
        else:
            services.discard_proposal(actor=request.user, proposal=proposal)
            messages.success(request, _("The proposal was discarded."))
    except ValidationError as exc:
        flash_error(request, exc)
    return redirect("experts:proposal_detail", code=proposal.code)
