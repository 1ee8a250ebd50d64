"""Sending notifications: in-app rows now, emails and webhook posts after commit, never twice per
event, each routed by the recipient's preferences (see `preferences.py`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import preferences, webhooks
from .models import Cadence, Category, Notification

Renderer = Callable[[], tuple[str, str]]


def notify(
    *,
    recipients: Iterable,
    event_key: str,
    render: Renderer,
    url: str = "",
    email: bool = True,
    category: str = Category.CASE_UPDATE,
    urgent: bool = False,
) -> list[Notification]:
    """Notify each active recipient once about `event_key`.

    `render` returns (subject, body) and is called in each recipient's language (their
    `language` when set, else the site default) so templates stay localized. Recipients
    already notified of this event are skipped: calling this again, from a retry or a second
    worker, sends nothing new. The in-app notice is always stored; beyond it, each recipient's
    preference for `category` decides: an email after the surrounding transaction commits, or
    later in their daily or weekly digest (never for `urgent` notices, which go out at once),
    and a post to their organization's webhook. `email=False` sends no email whatever the
    preference.
    """
    created = []
    for user in {u.pk: u for u in recipients if u is not None and u.is_active}.values():
        with translation.override(user.language or settings.LANGUAGE_CODE):
            subject, body = render()
            subject, body = str(subject), str(body)  # lazy strings: render them in that language
        choice = preferences.preference_for(user, category)
        wants_email = email and choice.email
        digest = "" if urgent or not wants_email else _digest_of(choice.cadence)
        try:
            with transaction.atomic():
                notice = Notification.objects.create(
                    recipient=user,
                    event_key=event_key[:200],
                    subject=str(subject)[:200],
                    body=str(body),
                    url=url,
                    category=category,
                    urgent=urgent,
                    digest_cadence=digest,
                )
        except IntegrityError:
            continue  # already notified of this event
        created.append(notice)
        if wants_email and not digest:
            transaction.on_commit(partial(send_notification_email, notice.pk))
        if choice.webhook:
            webhooks.queue_delivery(user, notice)
    return created


def _digest_of(cadence: str) -> str:
    return "" if cadence == Cadence.IMMEDIATELY else cadence


def send_notification_email(notification_id: int) -> bool:
    """Email one stored notification unless it was emailed already; True when sent now."""
    claimed = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    notice = Notification.objects.select_related("recipient").get(pk=notification_id)
    body = notice.body
    if notice.url:
        body = f"{body}\n\n{settings.SITE_URL.rstrip('/')}{notice.url}"
    send_email(notice.recipient, notice.subject, body, [notice.category])
    return True


def send_email(user: Any, subject: str, body: str, categories: list[str]) -> None:
    """Email `user` with a one-click unsubscribe from `categories`: a footer link and the
    List-Unsubscribe / List-Unsubscribe-Post headers (RFC 8058) mail clients act on."""
    link = preferences.unsubscribe_url(user, categories)
    with translation.override(user.language or settings.LANGUAGE_CODE):
        footer = _("To stop these emails, unsubscribe: %(link)s") % {"link": link}
    message = EmailMessage(
        subject,
        f"{body}\n\n--\n{footer}",
        None,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.send()


def mark_read(*, actor, notification: Notification) -> None:
    """Mark one of the actor's notifications as read (idempotent)."""
    Notification.objects.filter(pk=notification.pk, recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
