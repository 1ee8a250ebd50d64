"""Celery entry points of notifications: webhook posts with retries, and digests. They take IDs
and are safe to run twice."""

from __future__ import annotations

from celery import shared_task

from . import digests, webhooks
from .models import Cadence


@shared_task(name="oipa.core.notifications.tasks.deliver_webhook")
def deliver_webhook(delivery_id: int) -> bool | None:
    """Post one webhook delivery; on failure queue the next attempt with a growing delay until
    `webhooks.MAX_ATTEMPTS`. True when delivered by this attempt."""
    delivered = webhooks.attempt_delivery(delivery_id)
    if delivered is False:
        delay = webhooks.retry_delay(delivery_id)
        if delay is not None:
            deliver_webhook.apply_async((delivery_id,), countdown=delay)
    return delivered


@shared_task(name="oipa.core.notifications.tasks.send_daily_digests")
def send_daily_digests() -> int:
    """Every morning (beat): yesterday's daily digests; the number sent."""
    return digests.send_digests(Cadence.DAILY)


@shared_task(name="oipa.core.notifications.tasks.send_weekly_digests")
def send_weekly_digests() -> int:
    """Every Monday morning (beat): last week's weekly digests; the number sent."""
    return digests.send_digests(Cadence.WEEKLY)
