"""Center staff set up programmes and keep the exchange-rate table."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from oipa.core.forms import add_service_errors

from . import services
from .access import can_manage_funding
from .forms import ProgrammeForm, RateForm
from .models import ExchangeRate


def _center(request: HttpRequest, *, act: bool = False) -> None:
    membership = getattr(request.user, "membership", None)
    if membership is None or not (
        can_manage_funding(request.user) if act else membership.is_center
    ):
        raise Http404


@login_required
@require_http_methods(["GET", "POST"])
def rates(request: HttpRequest) -> HttpResponse:
    _center(request, act=request.method == "POST")
    form = RateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_exchange_rate(actor=request.user, **form.cleaned_data)
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The exchange rate was recorded."))
            return redirect("funding:rates")
    rows = ExchangeRate.objects.select_related("recorded_by")[:200]
    return render(request, "funding/rates.html", {"form": form, "rates": rows})


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request: HttpRequest) -> HttpResponse:
    _center(request, act=True)
    form = ProgrammeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.create_programme(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("funding:programme_detail", code=programme.code)
    return render(request, "funding/programme_form.html", {"form": form})
