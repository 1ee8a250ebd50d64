"""Public pages of the information service: no login needed, only published content.

Center users (editors and auditors) see drafts too, through the same `visible_to` rule, with the
item's status, versions and workflow buttons.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .access import can_edit, get_item_for_user
from .filters import BulletinFilter, CaseFilter, GuideFilter
from .forms import KIND_LABELS, SearchForm
from .models import Bulletin, ContentVersion, CountryProfile, Guide, TypicalCase
from .search.query import Filters, search

PAGE_SIZE = 20


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "form": SearchForm(),
        "profiles": CountryProfile.objects.visible_to(user).select_related("jurisdiction"),
        "cases": TypicalCase.objects.visible_to(user).published()[:5],
        "guides": Guide.objects.visible_to(user).published()[:5],
        "bulletins": Bulletin.objects.visible_to(user).published()[:5],
    }
    return render(request, "knowledge/home.html", context)


@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    results = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        filters = Filters(
            kind=data["kind"],
            jurisdiction=data["jurisdiction"],
            ip_type=data["ip_type"],
            industry=data["industry"],
        )
        page = _page_number(request)
        results = search(data["q"], filters=filters, limit=PAGE_SIZE, offset=page * PAGE_SIZE)
    partial = getattr(request, "htmx", False)
    template = "knowledge/partials/results.html" if partial else "knowledge/search.html"
    context = {"form": form, "results": results, "kind_labels": KIND_LABELS}
    return render(request, template, context)


def _page_number(request: HttpRequest) -> int:
    try:
        return max(0, min(int(request.GET.get("page", "1")) - 1, 50))
    except ValueError:
        return 0


def _list(request, model, filterset_class, template):
    queryset = model.objects.visible_to(request.user).published()
    filterset = filterset_class(request.GET, queryset=queryset)
    items = filterset.qs if filterset.is_valid() else queryset.none()
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "filter": filterset})


@require_GET
def country_list(request: HttpRequest) -> HttpResponse:
    profiles = CountryProfile.objects.visible_to(request.user).published()
    context = {"profiles": profiles.select_related("jurisdiction")}
    return render(request, "knowledge/country_list.html", context)


@require_GET
def case_list(request: HttpRequest) -> HttpResponse:
    return _list(request, TypicalCase, CaseFilter, "knowledge/case_list.html")


@require_GET
def guide_list(request: HttpRequest) -> HttpResponse:
    return _list(request, Guide, GuideFilter, "knowledge/guide_list.html")


@require_GET
def bulletin_list(request: HttpRequest) -> HttpResponse:
    return _list(request, Bulletin, BulletinFilter, "knowledge/bulletin_list.html")


def _detail(request, item, template, **extra):
    membership = request.user.membership if request.user.is_authenticated else None
    versions = ContentVersion.objects.none()
    if membership is not None and membership.is_center:
        versions = ContentVersion.objects.filter(item_code=item.code).select_related("changed_by")[
            :20
        ]
    context = {"item": item, "versions": versions, "can_edit": can_edit(request.user), **extra}
    return render(request, template, context)


@require_GET
def profile_detail(request: HttpRequest, code) -> HttpResponse:
    item = get_item_for_user(request.user, CountryProfile, code)
    deadlines = item.deadlines.all()
    return _detail(request, item, "knowledge/profile_detail.html", deadlines=deadlines)


@require_GET
def case_detail(request: HttpRequest, code) -> HttpResponse:
    item = get_item_for_user(request.user, TypicalCase, code)
    return _detail(request, item, "knowledge/case_detail.html")


@require_GET
def guide_detail(request: HttpRequest, code) -> HttpResponse:
    item = get_item_for_user(request.user, Guide, code)
    return _detail(request, item, "knowledge/guide_detail.html")


@require_GET
def guide_attachment(request: HttpRequest, code) -> FileResponse:
    """The guide's PDF, always as a download (never rendered inline on our origin)."""
    guide = get_item_for_user(request.user, Guide, code)
    if not guide.attachment:
        raise Http404
    name = f"{(guide.title_en or 'guide')[:60]}.pdf"
    return FileResponse(
        guide.attachment.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/pdf",
    )


@require_GET
def bulletin_detail(request: HttpRequest, code) -> HttpResponse:
    item = get_item_for_user(request.user, Bulletin, code)
    return _detail(request, item, "knowledge/bulletin_detail.html")
