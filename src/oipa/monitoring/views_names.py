"""Pages for the names monitoring watches and for disputes staff enter by hand.

Center staff upload the watch list (enterprises not registered on the platform) and lists of
other names of registered enterprises, and enter single disputes; auditors may read the upload
pages, everyone else gets 404. An enterprise's members see their own organization's monitored
names on a page of their own, where its administrators add brands, stores, seller IDs, domains
and English names; nobody else reaches that page.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from oipa.accounts.models import Role
from oipa.core.forms import add_service_errors

from . import alias_list, services, services_entry, watch_list
from .forms import AliasForm, DisputeEntryForm, NamesUploadForm
from .models import EnterpriseAlias, WatchedEnterprise
from .views import _center

LISTS = {
    "watch-list": {
        "title": _("Watch list of unregistered enterprises"),
        "intro": _(
            "Enterprises of Beijing, Tianjin and Hebei that the Center monitors although they "
            "have not registered on the platform. Row 1 names the columns, in any order; names "
            "are only added, a row with a known code or name updates that entry, and a bad row "
            "is reported with its row number while the other rows are stored."
        ),
        "columns": watch_list.COLUMN_HELP,
        "load": services.load_watch_list,
        "template": watch_list.template_csv,
    },
    "aliases": {
        "title": _("Other names of registered enterprises"),
        "intro": _(
            "Brand names, online store names, seller IDs, web domains, English and former "
            "names under which disputes against registered enterprises are watched. Row 1 names "
            "the columns, in any order; names are only added, and a bad row is reported with "
            "its row number while the other rows are stored."
        ),
        "columns": alias_list.COLUMNS,
        "load": services.load_aliases,
        "template": alias_list.template_csv,
    },
}


def _list_or_404(kind: str) -> dict:
    found = LISTS.get(kind)
    if found is None:
        raise Http404
    return found


@login_required
@require_http_methods(["GET", "POST"])
def names_upload(request: HttpRequest, kind: str) -> HttpResponse:
    _center(request, act=request.method == "POST")
    spec = _list_or_404(kind)
    posted = request.method == "POST"
    form = NamesUploadForm(request.POST if posted else None, request.FILES if posted else None)
    result = None
    if form.is_valid():
        try:
            result = spec["load"](actor=request.user, file=form.cleaned_data["file"])
        except ValidationError as exc:
            add_service_errors(form, exc)
    status = 400 if form.errors else 200
    context = {"kind": kind, "spec": spec, "form": form, "result": result}
    if kind == "watch-list":
        context["watched_count"] = WatchedEnterprise.objects.filter(is_active=True).count()
    return render(request, "monitoring/names/upload.html", context, status=status)


@login_required
@require_GET
def names_template(request: HttpRequest, kind: str) -> HttpResponse:
    _center(request)
    spec = _list_or_404(kind)
    response = HttpResponse(spec["template"](), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="oipa-{kind}-template.csv"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def dispute_enter(request: HttpRequest) -> HttpResponse:
    _center(request, act=True)
    data = request.POST if request.method == "POST" else None
    form = DisputeEntryForm(data, initial={"jurisdiction": "US"})
    if form.is_valid():
        try:
            dispute, _run = services_entry.enter_dispute(
                actor=request.user, **form.service_arguments()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The dispute has been recorded; its parties are matched."))
            return redirect("monitoring:dispute_detail", code=dispute.code)
    status = 400 if form.errors else 200
    return render(request, "monitoring/dispute_enter.html", {"form": form}, status=status)


def _own_enterprise(request: HttpRequest):
    membership = getattr(request.user, "membership", None)
    if membership is None or not membership.is_enterprise:
        raise Http404
    return membership


@login_required
@require_http_methods(["GET", "POST"])
def my_names(request: HttpRequest) -> HttpResponse:
    membership = _own_enterprise(request)
    organization = membership.organization
    may_add = membership.role == Role.ENTERPRISE_ADMIN
    form = AliasForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            services.add_alias(actor=request.user, organization=organization, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The name has been added; recent disputes are checked."))
            return redirect("monitoring:my_names")
    context = {
        "organization": organization,
        "aliases": EnterpriseAlias.objects.filter(organization=organization),
        "form": form,
        "may_add": may_add,
    }
    return render(
        request, "monitoring/names/my_names.html", context, status=400 if form.errors else 200
    )
