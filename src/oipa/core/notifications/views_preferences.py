"""Notification preferences, the enterprise webhook, and one-click unsubscribe.

Preferences are the signed-in user's own. The webhook page is for enterprise admins only (404
for everyone else). Unsubscribe needs no login: the signed token in the link is the authority.
A GET shows a one-button page (link scanners that prefetch URLs must not unsubscribe anyone);
a POST, from that button or from a mail client honouring List-Unsubscribe-Post, unsubscribes.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from oipa.core.forms import add_service_errors

from . import preferences, webhooks
from .forms import PreferencesForm, WebhookForm
from .models import Category, WebhookDelivery, WebhookEndpoint


@login_required
@require_http_methods(["GET", "POST"])
def preference_edit(request: HttpRequest) -> HttpResponse:
    current = preferences.preferences_of(request.user)
    form = PreferencesForm(request.POST or None, choices=current)
    if request.method == "POST":
        if form.is_valid():
            preferences.set_preferences(actor=request.user, choices=form.choices())
            messages.success(request, _("Your notification preferences were saved."))
            return redirect("notifications:preferences")
        return render(
            request, "notifications/preferences.html", _context(request, form), status=400
        )
    return render(request, "notifications/preferences.html", _context(request, form))


def _context(request: HttpRequest, form: PreferencesForm) -> dict:
    organization = getattr(request.user, "organization", None)
    manages = organization is not None and webhooks.may_manage_webhook(request.user, organization)
    return {"form": form, "manages_webhook": manages}


def _managed_organization(request: HttpRequest):
    organization = getattr(request.user, "organization", None)
    if organization is None or not webhooks.may_manage_webhook(request.user, organization):
        raise Http404
    return organization


@login_required
@require_http_methods(["GET", "POST"])
def webhook_edit(request: HttpRequest) -> HttpResponse:
    organization = _managed_organization(request)
    endpoint = WebhookEndpoint.objects.filter(organization=organization).first()
    initial = {"url": endpoint.url, "is_active": endpoint.is_active} if endpoint else None
    form = WebhookForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            webhooks.set_webhook(actor=request.user, organization=organization, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The webhook was saved."))
            return redirect("notifications:webhook")
    deliveries = WebhookDelivery.objects.filter(endpoint=endpoint)[:20] if endpoint else []
    context = {"form": form, "endpoint": endpoint, "deliveries": deliveries}
    status = 400 if request.method == "POST" else 200
    return render(request, "notifications/webhook.html", context, status=status)


@login_required
@require_POST
def webhook_rotate(request: HttpRequest) -> HttpResponse:
    organization = _managed_organization(request)
    try:
        webhooks.rotate_webhook_secret(actor=request.user, organization=organization)
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, _("A new signing secret was made; update your system."))
    return redirect("notifications:webhook")


@csrf_exempt  # mail clients post RFC 8058 one-click requests without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user, categories = preferences.read_unsubscribe_token(token)
    except ValidationError:
        raise Http404 from None
    done = request.method == "POST"
    if done:
        preferences.unsubscribe(token=token)
    labels = [Category(c).label for c in categories]
    context = {"token": token, "categories": labels, "done": done, "email": user.email}
    return render(request, "notifications/unsubscribe.html", context)
