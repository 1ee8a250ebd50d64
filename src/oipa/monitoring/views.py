"""The Center's monitoring pages: sources and their runs, disputes, the review queue, and the
staff spreadsheet template.

Center staff, admins and auditors see the pages; only staff and admins act (import, decide);
everyone else gets 404, the same as for a missing object.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_POST

from . import services, tasks
from .importers import spreadsheet
from .models import Dispute, ImportRun, Party, PartyMatch, Source
from .models_matching import DECIDABLE

PAGE_SIZE = 50


def _center(request: HttpRequest, *, act: bool = False) -> None:
    """404 unless the user is Center staff (or, for reading, a Center auditor)."""
    membership = getattr(request.user, "membership", None)
    if membership is None or not (membership.is_center_staff if act else membership.is_center):
        raise Http404


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File (CSV, Excel or JSON)"))


@login_required
@require_GET
def source_list(request: HttpRequest) -> HttpResponse:
    _center(request)
    sources = Source.objects.select_related("last_run")
    return render(request, "monitoring/source_list.html", {"sources": sources})


@login_required
@require_GET
def source_detail(request: HttpRequest, slug: str) -> HttpResponse:
    _center(request)
    source = get_object_or_404(Source, slug=slug)
    runs = Paginator(source.runs.select_related("triggered_by"), PAGE_SIZE)
    context = {
        "source": source,
        "page": runs.get_page(request.GET.get("page")),
        "form": UploadForm(),
    }
    return render(request, "monitoring/source_detail.html", context)


@login_required
@require_POST
def source_import(request: HttpRequest, slug: str) -> HttpResponse:
    _center(request, act=True)
    source = get_object_or_404(Source, slug=slug)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        if not source.url:
            messages.error(request, _("Choose a file to import."))
            return redirect("monitoring:source_detail", slug=source.slug)
        tasks.import_source.delay(source.pk)
        messages.success(request, _("The import has been started."))
        return redirect("monitoring:source_detail", slug=source.slug)
    try:
        run = services.import_source(actor=request.user, source=source, file=form.files["file"])
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
        return redirect("monitoring:source_detail", slug=source.slug)
    return redirect("monitoring:run_detail", code=run.code)


@login_required
@require_GET
def run_detail(request: HttpRequest, code) -> HttpResponse:
    _center(request)
    run = get_object_or_404(ImportRun.objects.select_related("source", "triggered_by"), code=code)
    disputes = run.new_disputes.order_by("pk")[:PAGE_SIZE]
    return render(request, "monitoring/run_detail.html", {"run": run, "disputes": disputes})


@login_required
@require_GET
def dispute_list(request: HttpRequest) -> HttpResponse:
    _center(request)
    disputes = Dispute.objects.select_related("source")
    query = request.GET.get("q", "").strip()
    if query:
        disputes = disputes.filter(parties__normalized__icontains=query.casefold()).distinct()
    if request.GET.get("matched"):
        disputes = disputes.filter(parties__matches__isnull=False).distinct()
    page = Paginator(disputes, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "monitoring/dispute_list.html", {"page": page, "query": query})


@login_required
@require_GET
def dispute_detail(request: HttpRequest, code) -> HttpResponse:
    _center(request)
    matches = PartyMatch.objects.select_related("organization", "watched", "decided_by")
    parties = Party.objects.prefetch_related(Prefetch("matches", queryset=matches))
    dispute = get_object_or_404(
        Dispute.objects.select_related("source").prefetch_related(
            Prefetch("parties", queryset=parties)
        ),
        code=code,
    )
    context = {"dispute": dispute, "changes": dispute.changes.select_related("run")[:20]}
    return render(request, "monitoring/dispute_detail.html", context)


@login_required
@require_GET
def review_queue(request: HttpRequest) -> HttpResponse:
    _center(request)
    matches = (
        PartyMatch.objects.awaiting_review()
        .select_related("party__dispute", "organization", "watched")
        .order_by("-score", "created_at")
    )
    page = Paginator(matches, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "monitoring/review_queue.html", {"page": page})


@login_required
@require_POST
def match_decide(request: HttpRequest, code, verdict: str) -> HttpResponse:
    _center(request, act=True)
    match = get_object_or_404(PartyMatch.objects.select_related("party"), code=code)
    decide = {"confirm": services.confirm_match, "reject": services.reject_match}.get(verdict)
    if decide is None or match.status not in DECIDABLE:
        raise Http404
    try:
        decide(actor=request.user, match=match)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("Decision recorded; it will apply to this name again."))
    return redirect(request.POST.get("next") or "monitoring:review_queue")


@login_required
@require_GET
def template_help(request: HttpRequest) -> HttpResponse:
    _center(request)
    return render(request, "monitoring/template_help.html", {"columns": spreadsheet.COLUMNS})


@login_required
@require_GET
def template_download(request: HttpRequest, ext: str) -> HttpResponse:
    _center(request)
    if ext not in ("csv", "xlsx"):
        raise Http404
    if ext == "csv":
        body, content_type = spreadsheet.template_csv(), "text/csv; charset=utf-8"
    else:
        body = spreadsheet.template_xlsx()
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="oipa-disputes-template.{ext}"'
    return response
