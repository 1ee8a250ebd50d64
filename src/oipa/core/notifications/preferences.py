"""Each user's delivery choices per category, and one-click unsubscribe from emails.

In-app notifications are always on. Per category a user chooses email (on by default), the
organization's webhook (off by default; the endpoint itself is kept by the enterprise's admins,
see `webhooks.py`) and a cadence: immediately, daily digest or weekly digest. A cadence applies
to notifications created after it was chosen. Urgent notifications (e.g. a dispute alert whose
response deadline is within 10 working days) skip the digest and go out at once, but still only
through the channels the user has left on: an unsubscribed user is not emailed.

Unsubscribe links carry a signed token naming the user and the categories (no login needed, no
expiry: an old email's link must keep working); they switch the email channel of those
categories off.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import User
from oipa.core.audit.services import record_event

from .models import Cadence, Category, NotificationPreference

UNSUBSCRIBE_SALT = "oipa.notifications.unsubscribe"


@dataclass(frozen=True)
class Choice:
    """One category's delivery choice."""

    email: bool = True
    webhook: bool = False
    cadence: str = Cadence.IMMEDIATELY


DEFAULT = Choice()


def preference_for(user: Any, category: str) -> Choice:
    """The user's choice for `category`, or the default when they never chose."""
    row = NotificationPreference.objects.filter(user=user, category=category).first()
    return Choice(row.email, row.webhook, row.cadence) if row else DEFAULT


def preferences_of(user: Any) -> dict[str, Choice]:
    """Every category's choice for the user, in the order of `Category`."""
    rows = {p.category: p for p in NotificationPreference.objects.filter(user=user)}
    return {
        c: Choice(rows[c].email, rows[c].webhook, rows[c].cadence) if c in rows else DEFAULT
        for c in Category.values
    }


def _check(choices: dict[str, Choice]) -> None:
    if set(choices) - set(Category.values):
        raise ValidationError(_("Unknown notification category."))
    if any(choice.cadence not in Cadence.values for choice in choices.values()):
        raise ValidationError(_("Choose how often to be emailed."))


def set_preferences(*, actor: Any, choices: dict[str, Choice]) -> None:
    """Save the actor's own choices for the given categories (any signed-in user)."""
    if actor is None or not actor.is_authenticated:
        raise PermissionDenied
    _check(choices)
    with transaction.atomic():
        _save(actor, choices)
        record_event(
            actor=actor,
            action="notifications.preferences_changed",
            target=actor,
            after={c: vars(choice) for c, choice in choices.items()},
        )


def _save(user: Any, choices: dict[str, Choice]) -> None:
    for category, choice in choices.items():
        NotificationPreference.objects.update_or_create(
            user=user,
            category=category,
            defaults={**vars(choice), "updated_at": timezone.now()},
        )


def unsubscribe_token(user: Any, categories: list[str]) -> str:
    """A signed token that unsubscribes `user` from the email of `categories`."""
    return signing.dumps({"u": user.pk, "c": sorted(set(categories))}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(user: Any, categories: list[str]) -> str:
    """The absolute unsubscribe link for emails (SITE_URL based)."""
    path = reverse("notifications:unsubscribe", args=[unsubscribe_token(user, categories)])
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def read_unsubscribe_token(token: str) -> tuple[User, list[str]]:
    """The user and categories a token names; ValidationError when it was not signed by us or
    names nobody."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = User.objects.get(pk=data["u"])
        categories = [c for c in data["c"] if c in Category.values]
    except (signing.BadSignature, User.DoesNotExist, KeyError, TypeError):
        raise ValidationError(_("This unsubscribe link is not valid.")) from None
    return user, categories


def unsubscribe(*, token: str) -> tuple[User, list[str]]:
    """Switch off the email of the token's categories for its user; the holder of a link we
    signed needs no login. Idempotent."""
    user, categories = read_unsubscribe_token(token)
    current = preferences_of(user)
    with transaction.atomic():
        _save(user, {c: Choice(False, current[c].webhook, current[c].cadence) for c in categories})
        record_event(
            actor=None,
            action="notifications.unsubscribed",
            target=user,
            organization=user.organization,
            after={"categories": categories},
        )
    return user, categories
