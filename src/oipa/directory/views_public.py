"""The quality directory by year (page and Excel) and mediation/arbitration bodies.

Published years and listed bodies are public; Center roles also see years in preparation and
withdrawn bodies, and Center staff publish years and maintain bodies. Otherwise 404.
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

from . import quality, services
from .access import get_mediation_body_for_user, is_center_staff
from .filters import MediationBodyFilter
from .forms import MediationBodyForm
from .models import MediationBody

PAGE_SIZE = 25


@require_GET
def quality_list(request: HttpRequest) -> HttpResponse:
    editions = quality.editions_visible_to(request.user)
    return render(request, "directory/quality_list.html", {"editions": editions})


def _edition(request: HttpRequest, year: int):
    edition = quality.editions_visible_to(request.user).filter(year=year).first()
    if edition is None:
        raise Http404
    return edition


@require_GET
def quality_year(request: HttpRequest, year: int) -> HttpResponse:
    edition = _edition(request, year)
    context = {
        "edition": edition,
        "title": quality.title(edition),
        "institutions": quality.institutions_of(edition),
        "may_publish": is_center_staff(request.user) and edition.published_on is None,
    }
    return render(request, "directory/quality_year.html", context)


@require_GET
def quality_excel(request: HttpRequest, year: int) -> HttpResponse:
    return quality.excel_response(_edition(request, year))


@login_required
@require_POST
def quality_publish(request: HttpRequest, year: int) -> HttpResponse:
    if not is_center_staff(request.user):
        raise Http404
    edition = _edition(request, year)
    try:
        services.publish_quality_directory(actor=request.user, year=edition.year)
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
    else:
        messages.success(request, _("The %(year)d directory is published.") % {"year": year})
    return redirect("directory:quality_year", year=edition.year)


@require_GET
def mediation_list(request: HttpRequest) -> HttpResponse:
    queryset = (
        MediationBody.objects.visible_to(request.user)
        .prefetch_related("jurisdictions")
        .order_by("name_zh", "pk")
    )
    filterset = MediationBodyFilter(request.GET or None, queryset=queryset, request=request)
    page = Paginator(filterset.qs.distinct(), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"filterset": filterset, "page": page, "center_staff": is_center_staff(request.user)}
    template = "directory/partials/mediation_results.html"
    if not getattr(request, "htmx", False):
        template = "directory/mediation_list.html"
    return render(request, template, context)


@require_GET
def mediation_body_detail(request: HttpRequest, code) -> HttpResponse:
    body = get_mediation_body_for_user(request.user, code)
    context = {"body": body, "center_staff": is_center_staff(request.user)}
    return render(request, "directory/mediation_body_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mediation_body_form(request: HttpRequest, code=None) -> HttpResponse:
    """Center staff add a body (no code) or change one."""
    if not is_center_staff(request.user):
        raise Http404
    body = get_mediation_body_for_user(request.user, code, write=True) if code else None
    initial = MediationBodyForm.initial_for(body) if body else None
    form = MediationBodyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if body is None:
                body = services.create_mediation_body(actor=request.user, details=form.details())
            else:
                services.update_mediation_body(
                    actor=request.user, body=body, details=form.details()
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The listing has been saved."))
            return redirect("directory:mediation_body_detail", code=body.code)
    return render(request, "directory/mediation_body_form.html", {"form": form, "body": body})


@login_required
@require_POST
def mediation_body_withdraw(request: HttpRequest, code) -> HttpResponse:
    body = get_mediation_body_for_user(request.user, code, write=True)
    try:
        services.withdraw_mediation_body(actor=request.user, body=body)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The body has been withdrawn from the directory."))
    return redirect("directory:mediation_body_detail", code=body.code)
