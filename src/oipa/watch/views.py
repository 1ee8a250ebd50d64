"""Pages of enterprises (and the Center) for the section's front page, watched marks and risk
warnings.

An enterprise's members manage their own watched marks and read their own warnings, from which
they start an opposition guidance application in one click; the Center sees all. Everyone else
gets 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from oipa.knowledge.facts import country_guide_url

from . import services
from .access import (
    enterprise_of,
    get_mark_for_user,
    get_warning_for_user,
    is_center,
    is_center_staff,
    is_own_warning,
)
from .forms import WatchedMarkForm, WatchListUploadForm
from .models import Hit, HitStatus, RiskWarning, WatchedMark
from .services.warnings import explain_hit, is_urgent

PAGE_SIZE = 50


def _center_or_enterprise(request: HttpRequest) -> bool:
    """True for the Center, False for an enterprise member; 404 for anyone else."""
    if is_center(request.user):
        return True
    if enterprise_of(request.user) is not None:
        return False
    raise Http404


@login_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The section's front page (risk warning on foreign gazettes, Art. 2(1) and 21): what it is
    for, the pages this user may open, and what waits for them: for an enterprise its warnings
    not yet acted on and its active watched marks, for the Center the hits waiting for review."""
    center = _center_or_enterprise(request)
    user = request.user
    if center:
        counts = {"open_hits": Hit.objects.visible_to(user).filter(status=HitStatus.OPEN).count()}
    else:
        warnings = RiskWarning.objects.visible_to(user).filter(acted_at__isnull=True)
        counts = {
            "open_warnings": warnings.count(),
            "watched_marks": WatchedMark.objects.visible_to(user).active().count(),
        }
    return render(request, "watch/index.html", {"center": center, **counts})


@login_required
@require_http_methods(["GET", "POST"])
def mark_list(request: HttpRequest) -> HttpResponse:
    center = _center_or_enterprise(request)
    form = WatchedMarkForm(request.POST or None)
    if request.method == "POST" and not center and form.is_valid():
        try:
            services.add_watched_mark(actor=request.user, **form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The mark is now watched."))
            return redirect("watch:mark_list")
    marks = WatchedMark.objects.visible_to(request.user).select_related("organization", "watched")
    page = Paginator(marks.order_by("-is_active", "word_mark", "pk"), PAGE_SIZE)
    context = {
        "page": page.get_page(request.GET.get("page")),
        "form": form,
        "center": center,
        "upload_form": WatchListUploadForm(),
        "auditor": center and not is_center_staff(request.user),
    }
    return render(request, "watch/mark_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mark_edit(request: HttpRequest, code) -> HttpResponse:
    mark = get_mark_for_user(request.user, code, write=True)
    initial = {
        "word_mark": mark.word_mark,
        "english_forms": "; ".join(mark.english_forms),
        "nice_classes": ", ".join(str(c) for c in mark.nice_classes),
        "jurisdictions": ", ".join(mark.jurisdictions),
    }
    form = WatchedMarkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_watched_mark(actor=request.user, mark=mark, **form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The watched mark was saved."))
            return redirect("watch:mark_list")
    return render(request, "watch/mark_edit.html", {"mark": mark, "form": form})


@login_required
@require_POST
def mark_remove(request: HttpRequest, code) -> HttpResponse:
    mark = get_mark_for_user(request.user, code, write=True)
    try:
        services.remove_watched_mark(actor=request.user, mark=mark)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The mark is no longer watched."))
    return redirect("watch:mark_list")


@login_required
@require_GET
def warning_list(request: HttpRequest) -> HttpResponse:
    center = _center_or_enterprise(request)
    warnings = RiskWarning.objects.visible_to(request.user).select_related(
        "publication", "organization", "watched"
    )
    if center and request.GET.get("acted") == "1":
        warnings = warnings.filter(acted_at__isnull=False)
    page = Paginator(warnings, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(w, is_urgent(w)) for w in page]
    context = {"page": page, "rows": rows, "center": center, "acted": request.GET.get("acted")}
    return render(request, "watch/warning_list.html", context)


@login_required
@require_GET
def warning_detail(request: HttpRequest, code) -> HttpResponse:
    warning = get_warning_for_user(request.user, code)
    services.mark_warning_read(actor=request.user, warning=warning)
    hits = warning.hits.select_related("watched_mark")
    context = {
        "warning": warning,
        "publication": warning.publication,
        "explanations": [explain_hit(h) for h in hits],
        "basis": next((h.deadline_basis for h in hits if h.deadline_basis), ""),
        "urgent": is_urgent(warning),
        "guide_url": country_guide_url(warning.publication.jurisdiction),
        "may_apply": is_own_warning(request.user, warning),
    }
    return render(request, "watch/warning_detail.html", context)


@login_required
@require_POST
def warning_apply(request: HttpRequest, code) -> HttpResponse:
    warning = get_warning_for_user(request.user, code)
    if not is_own_warning(request.user, warning):
        raise Http404
    try:
        application = services.apply_for_guidance(actor=request.user, warning=warning)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("watch:warning_detail", code=warning.code)
    return redirect("assistance:application_edit", code=application.code)
