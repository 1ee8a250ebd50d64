"""Keeps Center staff and auditors behind TOTP, and privileged passwords fresh.

A Center account without an activated authenticator, or a privileged account whose password is
older than PRIVILEGED_PASSWORD_MAX_AGE_DAYS, is sent to the page that fixes it; only account pages,
language switching, static files and the health check stay reachable meanwhile.
"""

from __future__ import annotations

from datetime import timedelta

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

EXEMPT_PREFIXES = ("/accounts/", "/i18n/", "/static/", "/healthz")


class RequireMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self._redirect_for(request)
        if redirect_to is not None:
            return redirect(redirect_to)
        return self.get_response(request)

    def _redirect_for(self, request) -> str | None:
        user = request.user
        if not user.is_authenticated or request.path.startswith(EXEMPT_PREFIXES):
            return None
        membership = user.membership
        if membership is None:
            return None
        if membership.requires_mfa and not is_mfa_enabled(user, ["totp"]):
            messages.warning(
                request,
                _(
                    "Center staff and auditors must turn on two-factor authentication before "
                    "continuing."
                ),
            )
            return reverse("mfa_activate_totp")
        if membership.is_privileged and _password_expired(user):
            messages.warning(request, _("Your password has expired. Please choose a new one."))
            return reverse("account_change_password")
        return None


def _password_expired(user) -> bool:
    if user.password_changed_at is None:
        return False
    max_age = timedelta(days=settings.PRIVILEGED_PASSWORD_MAX_AGE_DAYS)
    return timezone.now() - user.password_changed_at > max_age


class RememberLanguageMiddleware:
    """Remember the interface language a user last chose, so that emails and notifications
    sent to them later (by other people's actions or by tasks) use it. One UPDATE, and only
    when the language changes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        language = getattr(request, "LANGUAGE_CODE", "")
        if user is not None and user.is_authenticated and language and user.language != language:
            get_user_model().objects.filter(pk=user.pk).update(language=language)
        return response
