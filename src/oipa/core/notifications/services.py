"""Sending notifications: in-app rows now, emails after commit, never twice per event."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from .models import Notification

Renderer = Callable[[], tuple[str, str]]


def notify(
    *, recipients: Iterable, event_key: str, render: Renderer, url: str = "", email: bool = True
) -> list[Notification]:
    """Notify each active recipient once about `event_key`.

    `render` returns (subject, body) and is called in each recipient's language (their
    `language` when set, else the site default) so templates stay localized. Recipients
    already notified of this event are skipped: calling this again, from a retry or a second
    worker, sends nothing new. Emails go out after the surrounding transaction commits.
    """
    created = []
    for user in {u.pk: u for u in recipients if u is not None and u.is_active}.values():
        with translation.override(user.language or settings.LANGUAGE_CODE):
            subject, body = render()
            subject, body = str(subject), str(body)  # lazy strings: render them in that language
        try:
            with transaction.atomic():
                notice = Notification.objects.create(
                    recipient=user,
                    event_key=event_key[:200],
                    subject=str(subject)[:200],
                    body=str(body),
                    url=url,
                )
        except IntegrityError:
            continue  # already notified of this event
        created.append(notice)
        if email:
            transaction.on_commit(partial(send_notification_email, notice.pk))
    return created


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
    send_mail(notice.subject, body, None, [notice.recipient.email])
    return True


def mark_read(*, actor, notification: Notification) -> None:
    """Mark one of the actor's notifications as read (idempotent)."""
    Notification.objects.filter(pk=notification.pk, recipient=actor, read_at__isnull=True).update(
        read_at=timezone.now()
    )
