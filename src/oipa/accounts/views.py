"""Registration and organization pages. Thin: fetch through access helpers, call a service."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from oipa.core.forms import add_service_errors

from . import services
from .access import can_manage_organization, get_membership_for_user, get_organization_for_user
from .filters import OrganizationFilter
from .forms import EnterpriseRegistrationForm, InviteMemberForm, OrganizationForm
from .models import Organization


@require_http_methods(["GET", "POST"])
def register(request):
    if request.user.is_authenticated:
        return redirect("home")
    form = EnterpriseRegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.register_enterprise(
                organization_name=data["organization_name"],
                organization_name_en=data["organization_name_en"],
                uscc=data["uscc"],
                email=data["email"],
                password=data["password1"],
                full_name=data["full_name"],
                phone=data["phone"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return render(request, "accounts/register_done.html", {"email": data["email"]})
    return render(request, "accounts/register.html", {"form": form})


@login_required
def organization_list(request):
    queryset = Organization.objects.visible_to(request.user).order_by("kind", "name")
    filterset = OrganizationFilter(request.GET or None, queryset=queryset)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    context = {"filter": filterset, "page": page}
    if request.htmx:
        return render(request, "accounts/partials/organization_rows.html", context)
    return render(request, "accounts/organization_list.html", context)


@login_required
def organization_detail(request, code):
    organization = get_organization_for_user(request.user, code)
    can_manage = can_manage_organization(request.user, organization)
    members = organization.memberships.select_related("user").order_by("-is_active", "created_at")
    form = None
    if can_manage:
        form = InviteMemberForm(
            organization=organization, center_admin=request.user.membership.is_center_admin
        )
    context = {
        "organization": organization,
        "members": members,
        "can_manage": can_manage,
        "form": form,
    }
    return render(request, "accounts/organization_detail.html", context)


@login_required
@require_POST
def member_invite(request, code):
    organization = get_organization_for_user(request.user, code, write=True)
    form = InviteMemberForm(
        request.POST,
        organization=organization,
        center_admin=request.user.membership.is_center_admin,
    )
    if form.is_valid():
        try:
            services.invite_member(
                actor=request.user, organization=organization, request=request, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % form.cleaned_data)
            return redirect("accounts:organization_detail", code=organization.code)
    members = organization.memberships.select_related("user")
    context = {"organization": organization, "members": members, "can_manage": True, "form": form}
    return render(request, "accounts/organization_detail.html", context, status=400)


@login_required
@require_POST
def member_deactivate(request, code, pk):
    organization = get_organization_for_user(request.user, code, write=True)
    membership = get_membership_for_user(request.user, organization, pk)
    try:
        services.deactivate_member(actor=request.user, membership=membership, request=request)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(user)s can no longer act for this organization.") % {"user": membership.user},
        )
    return redirect("accounts:organization_detail", code=organization.code)


@login_required
@require_http_methods(["GET", "POST"])
def organization_create(request):
    membership = request.user.membership
    if membership is None or not membership.is_center_admin:
        raise Http404
    form = OrganizationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organization = services.create_organization(
                actor=request.user,
                kind=data["kind"],
                name=data["name"],
                name_en=data["name_en"],
                uscc=data["uscc"],
                division_code=data["division_code"],
                request=request,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("accounts:organization_detail", code=organization.code)
    return render(request, "accounts/organization_form.html", {"form": form})
