"""Center pages of the squatting watch: gazette imports and their runs, all hits (dismissing
false positives), watch-list uploads, serial squatters and an owner's portfolio. Center staff,
admins and auditors read; staff and admins write. Everyone else gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import owners, services
from .access import get_hit_for_user, get_run_for_user, is_center, is_center_staff
from .filters import HitFilter
from .forms import GazetteUploadForm, WatchListUploadForm
from .models import Hit, HitStatus, ImportRun, Publication

PAGE_SIZE = 50


def _require_center(request: HttpRequest, *, write: bool = False) -> None:
    if not (is_center_staff(request.user) if write else is_center(request.user)):
        raise Http404


@login_required
@require_GET
def hit_list(request: HttpRequest) -> HttpResponse:
    _require_center(request)
    hits = Hit.objects.visible_to(request.user).select_related(
        "publication", "watched_mark__organization", "watched_mark__watched"
    )
    params = request.GET.copy()
    params.setdefault("status", HitStatus.OPEN)
    status = params["status"]
    if status == "all":
        params["status"] = ""
    hits = HitFilter(params, queryset=hits).qs
    page = Paginator(hits, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "statuses": HitStatus.choices,
        "squatters": owners.squatter_keys(),
        "may_write": is_center_staff(request.user),
    }
    return render(request, "watch/hit_list.html", context)


@login_required
@require_POST
def hit_dismiss(request: HttpRequest, code) -> HttpResponse:
    _require_center(request, write=True)
    hit = get_hit_for_user(request.user, code)
    try:
        services.dismiss_hit(actor=request.user, hit=hit)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Dismissed; this mark and owner will not be flagged again."))
    return redirect("watch:hit_list")


@login_required
@require_GET
def run_list(request: HttpRequest) -> HttpResponse:
    _require_center(request)
    page = Paginator(ImportRun.objects.select_related("triggered_by"), PAGE_SIZE)
    context = {
        "page": page.get_page(request.GET.get("page")),
        "form": GazetteUploadForm(),
        "may_write": is_center_staff(request.user),
    }
    return render(request, "watch/run_list.html", context)


@login_required
@require_POST
def run_import(request: HttpRequest) -> HttpResponse:
    _require_center(request, write=True)
    form = GazetteUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        context = {"page": None, "form": form, "may_write": True}
        return render(request, "watch/run_list.html", context, status=400)
    data = form.cleaned_data
    run = services.import_gazette(
        actor=request.user, source=data["source"], file=data["file"], office=data["office"]
    )
    messages.success(request, _("Imported: %(n)s records read.") % {"n": run.read})
    return redirect("watch:run_detail", code=run.code)


@login_required
@require_GET
def run_detail(request: HttpRequest, code) -> HttpResponse:
    run = get_run_for_user(request.user, code)
    hits = Hit.objects.filter(publication__first_run=run).select_related(
        "publication", "watched_mark"
    )
    return render(request, "watch/run_detail.html", {"run": run, "hits": hits[:200]})


@login_required
@require_POST
def watch_list_upload(request: HttpRequest) -> HttpResponse:
    _require_center(request, write=True)
    form = WatchListUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a CSV or Excel file."))
        return redirect("watch:mark_list")
    upload = form.cleaned_data["file"]
    try:
        result = services.load_watch_list(
            actor=request.user, data=upload.read(), file_name=upload.name
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("watch:mark_list")
    messages.success(
        request,
        _(
            "Watch list loaded: %(created)s marks added, %(updated)s updated, %(errors)s rows "
            "with errors."
        )
        % {"created": result.created, "updated": result.updated, "errors": len(result.errors)},
    )
    for row, reason in result.errors[:20]:
        messages.warning(request, _("Row %(row)s: %(reason)s") % {"row": row, "reason": reason})
    return redirect("watch:mark_list")


@login_required
@require_GET
def squatter_list(request: HttpRequest) -> HttpResponse:
    _require_center(request)
    squatters = owners.serial_squatters()
    firsts = dict(
        Publication.objects.filter(owner_normalized__in=[s.owner_normalized for s in squatters])
        .order_by("owner_normalized", "-pk")
        .values_list("owner_normalized", "code")
    )
    rows = [(s, firsts.get(s.owner_normalized)) for s in squatters]
    return render(request, "watch/squatter_list.html", {"rows": rows})


@login_required
@require_GET
def owner_portfolio(request: HttpRequest, code) -> HttpResponse:
    _require_center(request)
    publication = Publication.objects.visible_to(request.user).filter(code=code).first()
    if publication is None or not publication.owner_normalized:
        raise Http404
    context = {
        "publication": publication,
        "publications": owners.portfolio(publication.owner_normalized)[:500],
        "brands": owners.brands_hit_by(publication.owner_normalized),
        "chinese": owners.chinese_marks_of(publication.owner_normalized),
    }
    return render(request, "watch/portfolio.html", context)
