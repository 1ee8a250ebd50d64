"""Daily and weekly digest emails of the notifications users chose to receive that way.

`notify()` marks a notice for the digest of the cadence its recipient had chosen
(`Notification.digest_cadence`). The digest task of a cadence runs once per period (beat: daily
in the morning, weekly on Monday morning) and covers the period just ended: yesterday
("2026-11-24") or last ISO week ("2026-W48"), plus anything older still waiting. Each recipient
gets at most one digest per period (`Digest` is unique per recipient, cadence and period), so
running the task twice for the same period sends nothing more, and a recipient with nothing
waiting gets no email at all. Notices of a category whose email the user has since switched off
are dropped from the digest, not sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import preferences
from .models import Cadence, Digest, Notification


@dataclass(frozen=True)
class Period:
    """The period a digest covers: its key and the moment it ended (exclusive)."""

    key: str
    ends_at: datetime


def period_before(cadence: str, on: date) -> Period:
    """The daily or weekly period that ended last before the day `on` began (local time)."""
    if cadence == Cadence.DAILY:
        start_of_next = on
        key = (on - timedelta(days=1)).isoformat()
    elif cadence == Cadence.WEEKLY:
        start_of_next = on - timedelta(days=on.weekday())
        year, week, _day = (start_of_next - timedelta(days=7)).isocalendar()
        key = f"{year}-W{week:02d}"
    else:
        raise ValueError(f"not a digest cadence: {cadence!r}")
    ends_at = timezone.make_aware(datetime.combine(start_of_next, time.min))
    return Period(key, ends_at)


def _waiting(cadence: str, ends_at: datetime):
    return Notification.objects.filter(
        digest_cadence=cadence, emailed_at__isnull=True, created_at__lt=ends_at
    )


def send_digests(cadence: str, *, on: date | None = None) -> int:
    """Send the digests of the period ended before `on` (today by default); returns how many
    were sent now."""
    period = period_before(cadence, on or timezone.localdate())
    waiting = _waiting(cadence, period.ends_at).filter(recipient__is_active=True)
    recipients = waiting.values_list("recipient_id", flat=True).distinct()
    return sum(send_digest(user_id, cadence, period) for user_id in set(recipients))


def send_digest(user_id: int, cadence: str, period: Period) -> bool:
    """Email one user's digest for `period` unless sent already or empty; True when sent."""
    with transaction.atomic():
        items = list(
            _waiting(cadence, period.ends_at)
            .select_for_update()
            .filter(recipient_id=user_id)
            .select_related("recipient")
            .order_by("created_at", "pk")
        )
        items = _still_wanted(items)
        if not items:
            return False
        try:
            with transaction.atomic():
                Digest.objects.create(
                    recipient_id=user_id, cadence=cadence, period=period.key, items=len(items)
                )
        except IntegrityError:
            return False  # this period's digest went out already
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=timezone.now())
        _email(items, cadence)
    return True


def _still_wanted(items: list[Notification]) -> list[Notification]:
    """Drop (for good) notices of categories whose email the user switched off since."""
    if not items:
        return []
    choices = preferences.preferences_of(items[0].recipient)
    dropped = [n.pk for n in items if n.category in choices and not choices[n.category].email]
    Notification.objects.filter(pk__in=dropped).update(digest_cadence="")
    return [n for n in items if n.pk not in dropped]


def _email(items: list[Notification], cadence: str) -> None:
    from .services import send_email

    user = items[0].recipient
    site = settings.SITE_URL.rstrip("/")
    with translation.override(user.language or settings.LANGUAGE_CODE):
        title = _("Daily digest") if cadence == Cadence.DAILY else _("Weekly digest")
        subject = _("%(title)s: %(count)s notifications") % {"title": title, "count": len(items)}
        lines = [f"• {n.subject}" + (f"\n  {site}{n.url}" if n.url else "") for n in items]
    send_email(user, subject, "\n\n".join(lines), sorted({n.category for n in items}))
