"""Service institutions: the public list and pages, and maintaining a listing.

The list and the pages need no login. Center staff add and correct listings directly; an
institution's staff propose changes to their own listing, which wait for the Center's review.
Anything a user may not see or maintain answers 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oipa.core.forms import add_service_errors

from . import services
from .access import get_institution_for_user, is_center_staff, maintains_institution
from .filters import InstitutionFilter
from .forms import InstitutionForm, OrganizationLinkForm, ReasonForm, YearForm
from .listing import InstitutionDetails
from .models import ChangeStatus, Institution

PAGE_SIZE = 25


@require_GET
def institution_list(request: HttpRequest) -> HttpResponse:
    queryset = (
        Institution.objects.visible_to(request.user)
        .prefetch_related("countries", "quality_entries__edition")
        .order_by("name_zh", "pk")
    )
    filterset = InstitutionFilter(request.GET or None, queryset=queryset, request=request)
    page = Paginator(filterset.qs.distinct(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filterset": filterset, "page": page, "query": _query_without_page(request)}
    template = "directory/partials/institution_results.html"
    if not getattr(request, "htmx", False):
        template = "directory/institution_list.html"
    return render(request, template, context)


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@require_GET
def institution_detail(request: HttpRequest, code) -> HttpResponse:
    institution = get_institution_for_user(request.user, code)
    maintainer = maintains_institution(request.user, institution)
    context = {
        "institution": institution,
        "maintainer": maintainer,
        "center_staff": is_center_staff(request.user),
        "pending": institution.changes.filter(status=ChangeStatus.PENDING).first()
        if maintainer
        else None,
        "last_review": institution.changes.filter(
            status__in=[ChangeStatus.APPROVED, ChangeStatus.REJECTED]
        )
        .order_by("-reviewed_at", "-pk")
        .first()
        if maintainer
        else None,
        "quality_years": sorted(
            e.edition.year
            for e in institution.quality_entries.select_related("edition")
            if e.edition.published_on or maintainer
        ),
        "year_form": YearForm(),
        "link_form": OrganizationLinkForm(initial={"organization": institution.organization_id}),
        "reason_form": ReasonForm(),
    }
    return render(request, "directory/institution_detail.html", context)


@login_required
def my_listing(request: HttpRequest) -> HttpResponse:
    """Institution staff: their listing, or the form to propose one."""
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.is_institution:
        raise Http404
    institution = Institution.objects.filter(organization_id=membership.organization_id).first()
    if institution is None:
        return redirect("directory:institution_create")
    return redirect("directory:institution_detail", code=institution.code)


@login_required
@require_http_methods(["GET", "POST"])
def institution_create(request: HttpRequest) -> HttpResponse:
    """Center staff add a live listing; institution staff without one propose theirs."""
    membership = getattr(request.user, "membership", None)
    center = is_center_staff(request.user)
    if not center and (membership is None or not membership.is_institution):
        raise Http404
    form = InstitutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if center:
                institution = services.create_institution(
                    actor=request.user, details=form.details()
                )
                messages.success(request, _("The listing is live."))
            else:
                change = services.propose_institution(actor=request.user, details=form.details())
                institution = change.institution
                messages.success(request, _("Thank you. The Center will review your listing."))
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("directory:institution_detail", code=institution.code)
    return render(request, "directory/institution_form.html", {"form": form, "center": center})


@login_required
@require_http_methods(["GET", "POST"])
def institution_edit(request: HttpRequest, code) -> HttpResponse:
    """Center staff correct the listing; its institution's staff propose a change."""
    institution = get_institution_for_user(request.user, code, write=True)
    center = is_center_staff(request.user)
    pending = institution.changes.filter(status=ChangeStatus.PENDING).first()
    source = InstitutionDetails.from_data(pending.data) if pending and not center else None
    initial = InstitutionForm.initial_for(source or InstitutionDetails.of(institution))
    form = InstitutionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if center:
                services.update_institution(
                    actor=request.user, institution=institution, details=form.details()
                )
                messages.success(request, _("The listing has been updated."))
            else:
                services.propose_institution_change(
                    actor=request.user, institution=institution, details=form.details()
                )
                messages.success(
                    request, _("Your change is waiting for the Center's review before going live.")
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("directory:institution_detail", code=institution.code)
    context = {"form": form, "institution": institution, "center": center, "pending": pending}
    return render(request, "directory/institution_form.html", context)


def _center_action(request: HttpRequest, code, action) -> HttpResponse:
    if not is_center_staff(request.user):
        raise Http404
    institution = get_institution_for_user(request.user, code, write=True)
    try:
        action(institution)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("directory:institution_detail", code=institution.code)


@login_required
@require_POST
def institution_withdraw(request: HttpRequest, code) -> HttpResponse:
    form = ReasonForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""

    def withdraw(institution):
        services.withdraw_institution(actor=request.user, institution=institution, reason=reason)
        messages.success(request, _("The listing has been withdrawn from the directory."))

    return _center_action(request, code, withdraw)


@login_required
@require_POST
def institution_reinstate(request: HttpRequest, code) -> HttpResponse:
    def reinstate(institution):
        services.reinstate_institution(actor=request.user, institution=institution)
        messages.success(request, _("The listing is back in the directory."))

    return _center_action(request, code, reinstate)


@login_required
@require_POST
def institution_link(request: HttpRequest, code) -> HttpResponse:
    form = OrganizationLinkForm(request.POST)

    def link(institution):
        if not form.is_valid():
            raise ValidationError(_("Choose a service institution organization."))
        organization = form.cleaned_data["organization"]
        services.link_organization(
            actor=request.user, institution=institution, organization=organization
        )
        messages.success(request, _("The listing's organization has been saved."))

    return _center_action(request, code, link)


@login_required
@require_POST
def quality_entry_add(request: HttpRequest, code) -> HttpResponse:
    form = YearForm(request.POST)

    def add(institution):
        if not form.is_valid():
            raise ValidationError(_("Give a year between 2000 and 2100."))
        year = form.cleaned_data["year"]
        services.add_to_quality_directory(actor=request.user, institution=institution, year=year)
        messages.success(request, _("Entered in the %(year)d quality directory.") % {"year": year})

    return _center_action(request, code, add)
