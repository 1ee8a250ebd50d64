"""Pushing a published bulletin to the enterprises subscribed to its jurisdictions or industries."""

from __future__ import annotations

from functools import partial

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from oipa.accounts.models import User
from oipa.core.notifications.models import Category
from oipa.core.notifications.services import notify

from .models import Bulletin, BulletinSubscription, EditorialStatus


def subscribers(bulletin: Bulletin):
    """Active users of enterprises whose subscription matches the bulletin.

    A subscription matches when each of its lists is empty or shares a code with the bulletin.
    """
    jurisdictions = list(bulletin.jurisdictions.values_list("pk", flat=True))
    industries = list(bulletin.industries.values_list("pk", flat=True))
    subscriptions = BulletinSubscription.objects.annotate(
        n_jurisdictions=Count("jurisdictions", distinct=True),
        n_industries=Count("industries", distinct=True),
    )
    matching = subscriptions.filter(
        Q(n_jurisdictions=0) | Q(jurisdictions__in=jurisdictions),
        Q(n_industries=0) | Q(industries__in=industries),
    ).values("organization")
    return User.objects.filter(
        is_active=True,
        memberships__is_active=True,
        memberships__organization__in=matching,
    ).distinct()


def push_bulletin(bulletin_id: int) -> int:
    """Notify the subscribers of one published bulletin marked for push; idempotent.

    Each recipient is notified once per bulletin (notify() is keyed by the bulletin), and the
    bulletin remembers when it was pushed.
    """
    bulletin = Bulletin.objects.filter(
        pk=bulletin_id, status=EditorialStatus.PUBLISHED, push_to_subscribers=True
    ).first()
    if bulletin is None:
        return 0
    sent = notify(
        recipients=subscribers(bulletin),
        event_key=f"knowledge.bulletin:{bulletin.code}",
        render=partial(render_bulletin, bulletin),
        url=reverse("knowledge:bulletin_detail", kwargs={"code": bulletin.code}),
        category=Category.BULLETIN,
    )
    Bulletin.objects.filter(pk=bulletin.pk, pushed_at__isnull=True).update(pushed_at=timezone.now())
    return len(sent)


def render_bulletin(bulletin: Bulletin) -> tuple[str, str]:
    """Subject and body in the active language (notify() chooses the recipient's)."""
    subject = _("Bulletin: %(title)s") % {"title": bulletin.title}
    body = Truncator(bulletin.localized("body")).chars(600, html=False)
    return subject[:200], body
