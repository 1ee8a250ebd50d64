"""Mutual-aid fund pages: the Center keeps members, contributions, claims and payouts; members
see their own claims, ledger entries and annual statements; anyone reads the annual summary."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oipa.accounts.models import Organization, OrgKind
from oipa.assistance.models import Application
from oipa.core.forms import add_service_errors

from . import services
from .access import can_manage_funding, get_fund_claim_for_user, get_member_for_user
from .forms import (
    AdmitForm,
    ClaimDecisionForm,
    ClaimPaymentForm,
    ContributionForm,
    FundClaimForm,
)
from .ledger import annual_summary, balance, member_statement
from .models import Account, FundClaim, FundMember, JournalEntry, MutualAidFund
from .services.applications import FUNDABLE_CASE_STATES
from .statement import statement_workbook


def _fund_or_404(request: HttpRequest) -> MutualAidFund:
    fund = MutualAidFund.objects.order_by("pk").first()
    if fund is None:
        raise Http404
    return fund


@login_required
@require_GET
def fund_overview(request: HttpRequest) -> HttpResponse:
    """The Center's view of the fund, or a member's own memberships and claims."""
    if getattr(request.user, "membership", None) is None:
        raise Http404
    fund = MutualAidFund.objects.order_by("pk").first()
    members = FundMember.objects.visible_to(request.user).select_related("fund", "organization")
    claims = FundClaim.objects.visible_to(request.user).select_related(
        "member__organization", "case"
    )[:100]
    context: dict[str, Any] = {
        "fund": fund,
        "members": members,
        "claims": claims,
        "reserve": balance(fund, Account.RESERVE) if fund else None,
        "is_reviewer": can_manage_funding(request.user),
        "year": timezone.localdate().year,
    }
    if fund and can_manage_funding(request.user):
        joined = fund.members.values("organization_id")
        context["contribution_form"] = ContributionForm(members=members)
        context["admit_form"] = AdmitForm(
            organizations=Organization.objects.filter(kind=OrgKind.ENTERPRISE, is_active=True)
            .exclude(pk__in=joined)
            .order_by("name")
        )
    return render(request, "funding/fund_overview.html", context)


@login_required
@require_POST
def admit(request: HttpRequest) -> HttpResponse:
    fund = _fund_or_404(request)
    if not can_manage_funding(request.user):
        raise Http404
    form = AdmitForm(
        request.POST, organizations=Organization.objects.filter(kind=OrgKind.ENTERPRISE)
    )
    if form.is_valid():
        organization = Organization.objects.get(code=form.cleaned_data["organization"])
        try:
            services.admit_member(
                actor=request.user,
                fund=fund,
                organization=organization,
                joined_on=form.cleaned_data["joined_on"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("funding:fund_overview")


@login_required
@require_POST
def contribute(request: HttpRequest) -> HttpResponse:
    fund = _fund_or_404(request)
    if not can_manage_funding(request.user):
        raise Http404
    form = ContributionForm(request.POST, members=fund.members.select_related("organization"))
    if not form.is_valid():
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs))
        return redirect("funding:fund_overview")
    data = dict(form.cleaned_data)
    member = fund.members.get(code=data.pop("member"))
    try:
        services.record_contribution(actor=request.user, member=member, **data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The contribution was booked."))
    return redirect("funding:fund_overview")


@login_required
@require_GET
def ledger(request: HttpRequest) -> HttpResponse:
    """Journal entries the user may see: the whole book for the Center, a member's own."""
    entries = (
        JournalEntry.objects.visible_to(request.user)
        .select_related("member__organization")
        .prefetch_related("lines")
        .order_by("-booked_on", "-pk")
    )
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "funding/ledger.html", {"page": page})


def _own_cases(member: FundMember):
    return Application.objects.filter(
        applicant_id=member.organization_id, status__in=FUNDABLE_CASE_STATES
    ).order_by("-created_at")


@login_required
@require_http_methods(["GET", "POST"])
def claim_create(request: HttpRequest, code) -> HttpResponse:
    member = get_member_for_user(request.user, code)
    cases = _own_cases(member)
    form = FundClaimForm(request.POST or None, cases=cases)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        case = cases.get(code=data.pop("case"))
        try:
            claim = services.submit_fund_claim(actor=request.user, member=member, case=case, **data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your claim was submitted."))
            return redirect("funding:claim_detail", code=claim.code)
    status = 400 if form.errors else 200
    return render(
        request, "funding/claim_form.html", {"form": form, "member": member}, status=status
    )


@login_required
@require_GET
def claim_detail(request: HttpRequest, code) -> HttpResponse:
    claim = get_fund_claim_for_user(request.user, code)
    context = {
        "claim": claim,
        "is_reviewer": can_manage_funding(request.user),
        "decision_form": ClaimDecisionForm(),
        "payment_form": ClaimPaymentForm(),
    }
    return render(request, "funding/claim_detail.html", context)


@login_required
@require_POST
def claim_decide(request: HttpRequest, code) -> HttpResponse:
    claim = get_fund_claim_for_user(request.user, code, write=True)
    form = ClaimDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decide_fund_claim(
                actor=request.user,
                claim=claim,
                approve=form.cleaned_data["decision"] == "approve",
                approved_amount=form.cleaned_data["approved_amount"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return redirect("funding:claim_detail", code=claim.code)


@login_required
@require_POST
def claim_pay(request: HttpRequest, code) -> HttpResponse:
    claim = get_fund_claim_for_user(request.user, code, write=True)
    form = ClaimPaymentForm(request.POST)
    if form.is_valid():
        try:
            services.pay_fund_claim(actor=request.user, claim=claim, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The payout was booked."))
    return redirect("funding:claim_detail", code=claim.code)


@login_required
@require_GET
def statement(request: HttpRequest, code, year: int) -> HttpResponse:
    member = get_member_for_user(request.user, code)
    context = {"statement": member_statement(member, year)}
    return render(request, "funding/statement.html", context)


@login_required
@require_GET
def statement_xlsx(request: HttpRequest, code, year: int) -> HttpResponse:
    member = get_member_for_user(request.user, code)
    content = statement_workbook(member_statement(member, year))
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="fund-statement-{year}.xlsx"'
    return response


@require_GET
def public_summary(request: HttpRequest) -> HttpResponse:
    """Public: each fund's figures for a year (no member names)."""
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    summaries = [annual_summary(fund, year) for fund in MutualAidFund.objects.order_by("pk")]
    return render(request, "funding/public_summary.html", {"summaries": summaries, "year": year})
