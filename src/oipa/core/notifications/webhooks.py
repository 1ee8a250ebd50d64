"""Notifications posted to an enterprise's own systems, signed so they can trust them.

An enterprise admin registers one HTTPS endpoint for the organization; members who switch the
webhook channel on for a category have those notifications posted there as JSON:

    {"event": "<event key>", "category": "...", "urgent": false, "subject": "...",
     "body": "...", "url": "<absolute link>", "created_at": "<ISO 8601>"}

Each request carries `X-OIPA-Event`, `X-OIPA-Timestamp` (Unix seconds) and
`X-OIPA-Signature: sha256=<hex>`, the HMAC-SHA256 of "<timestamp>.<body>" under the
organization's secret; receivers should recompute it and reject stale timestamps. An event is
posted once per organization, whoever it concerned; a failed post is retried by the
`deliver_webhook` task with growing delays up to MAX_ATTEMPTS, and every failure is recorded.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from functools import partial
from typing import Any

import httpx
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oipa.accounts.models import Organization, Role
from oipa.core.audit.services import record_event

from .models import (
    DeliveryStatus,
    Notification,
    WebhookDelivery,
    WebhookEndpoint,
    new_webhook_secret,
)

MAX_ATTEMPTS = 5
TIMEOUT_SECONDS = 10
# Tests replace this with an httpx.MockTransport; None means the real network.
TRANSPORT: httpx.BaseTransport | None = None


def may_manage_webhook(actor: Any, organization: Organization) -> bool:
    """Only an administrator of the enterprise itself keeps its webhook."""
    membership = getattr(actor, "membership", None)
    return (
        membership is not None
        and membership.role == Role.ENTERPRISE_ADMIN
        and membership.organization_id == organization.pk
    )


def set_webhook(
    *, actor: Any, organization: Organization, url: str, is_active: bool = True
) -> WebhookEndpoint:
    """Register or change the organization's endpoint (a new one gets a fresh secret)."""
    if not may_manage_webhook(actor, organization):
        raise PermissionDenied
    url = (url or "").strip()
    try:
        URLValidator(schemes=["https", "http"])(url)
    except ValidationError:
        raise ValidationError({"url": _("Enter a valid https:// address.")}) from None
    with transaction.atomic():
        endpoint, _created = WebhookEndpoint.objects.update_or_create(
            organization=organization,
            defaults={"url": url, "is_active": is_active, "updated_at": timezone.now()},
        )
        record_event(
            actor=actor,
            action="notifications.webhook_set",
            target=organization,
            after={"url": url, "active": is_active},
        )
    return endpoint


def rotate_webhook_secret(*, actor: Any, organization: Organization) -> WebhookEndpoint:
    """Give the organization's endpoint a new signing secret; the old one stops working."""
    if not may_manage_webhook(actor, organization):
        raise PermissionDenied
    with transaction.atomic():
        locked = WebhookEndpoint.objects.select_for_update().filter(organization=organization)
        endpoint = locked.first()
        if endpoint is None:
            raise ValidationError(_("Register the webhook address first."))
        endpoint.secret = new_webhook_secret()
        endpoint.updated_at = timezone.now()
        endpoint.save(update_fields=["secret", "updated_at"])
        record_event(
            actor=actor, action="notifications.webhook_secret_rotated", target=organization
        )
    return endpoint


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """The value of X-OIPA-Signature for a body sent at `timestamp`."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return f"sha256={mac.hexdigest()}"


def _payload(notice: Notification) -> dict[str, Any]:
    link = f"{settings.SITE_URL.rstrip('/')}{notice.url}" if notice.url else ""
    return {
        "event": notice.event_key,
        "category": notice.category,
        "urgent": notice.urgent,
        "subject": notice.subject,
        "body": notice.body,
        "url": link,
        "created_at": notice.created_at.isoformat(),
    }


def queue_delivery(user: Any, notice: Notification) -> WebhookDelivery | None:
    """Record the post of `notice` to the user's organization endpoint (once per event) and
    queue it after commit; None when the organization has no active endpoint."""
    organization = getattr(user, "organization", None)
    endpoint = WebhookEndpoint.objects.filter(organization=organization, is_active=True).first()
    if organization is None or endpoint is None:
        return None
    delivery, created = WebhookDelivery.objects.get_or_create(
        endpoint=endpoint, event_key=notice.event_key, defaults={"payload": _payload(notice)}
    )
    if created:
        from .tasks import deliver_webhook

        transaction.on_commit(partial(deliver_webhook.delay, delivery.pk))
    return delivery


def _post(endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> None:
    body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "X-OIPA-Event": delivery.event_key,
        "X-OIPA-Timestamp": timestamp,
        "X-OIPA-Signature": signature(endpoint.secret, timestamp, body),
    }
    with httpx.Client(transport=TRANSPORT, timeout=TIMEOUT_SECONDS) as client:
        client.post(endpoint.url, content=body, headers=headers).raise_for_status()


def attempt_delivery(delivery_id: int) -> bool | None:
    """Post one pending delivery once. True when delivered now, False when it failed (the
    failure is recorded; the caller retries while `retry_due` says so), None when there is
    nothing to do (already delivered, given up, or gone)."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status=DeliveryStatus.PENDING)
        .first()
    )
    if delivery is None:
        return None
    attempts = delivery.attempts + 1
    try:
        _post(delivery.endpoint, delivery)
    except httpx.HTTPError as exc:
        status = DeliveryStatus.FAILED if attempts >= MAX_ATTEMPTS else DeliveryStatus.PENDING
        WebhookDelivery.objects.filter(pk=delivery_id).update(
            attempts=attempts, status=status, last_error=str(exc)[:500] or type(exc).__name__
        )
        return False
    WebhookDelivery.objects.filter(pk=delivery_id).update(
        attempts=attempts, status=DeliveryStatus.DELIVERED, delivered_at=timezone.now()
    )
    return True


def retry_delay(delivery_id: int) -> int | None:
    """Seconds to wait before the next attempt (30 s, 2 min, 8 min, …), or None when the
    delivery is no longer pending."""
    delivery = WebhookDelivery.objects.filter(pk=delivery_id, status=DeliveryStatus.PENDING)
    attempts = delivery.values_list("attempts", flat=True).first()
    return None if attempts is None else 30 * 4 ** max(attempts - 1, 0)
