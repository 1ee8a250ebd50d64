"""Webhooks: an enterprise admin registers one; members' notices are posted once per event,
signed with the organization's secret, retried on failure, and failures are recorded."""

from __future__ import annotations

import hashlib
import hmac
import json

import httpx
import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from oipa.core.notifications import webhooks
from oipa.core.notifications.models import DeliveryStatus, WebhookDelivery
from oipa.core.notifications.preferences import Choice, set_preferences
from oipa.core.notifications.services import notify

pytestmark = pytest.mark.django_db
URL = "https://erp.example.cn/oipa-hook"


class Receiver:
    """An httpx MockTransport answering each request with the next status in `statuses`."""

    def __init__(self, *statuses: int):
        self.statuses = list(statuses)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        status = self.statuses.pop(0) if self.statuses else 200
        return httpx.Response(status)


@pytest.fixture
def receiver(monkeypatch):
    def install(*statuses):
        handler = Receiver(*statuses)
        monkeypatch.setattr(webhooks, "TRANSPORT", httpx.MockTransport(handler))
        return handler

    return install


@pytest.fixture
def endpoint(personas):
    admin = personas["chaoyang"]
    set_preferences(actor=admin, choices={"dispute_alert": Choice(webhook=True)})
    return webhooks.set_webhook(actor=admin, organization=admin.organization, url=URL)


def post_alert(personas, captured, key="alert:1:x"):
    with captured(execute=True):
        notify(
            recipients=[personas["chaoyang"]],
            event_key=key,
            render=lambda: ("诉讼预警", "正文"),
            url="/monitoring/alerts/x/",
            category="dispute_alert",
            email=False,
        )


def test_a_notice_is_posted_signed_with_the_organizations_secret(
    personas, endpoint, receiver, django_capture_on_commit_callbacks
):
    handler = receiver(200)
    post_alert(personas, django_capture_on_commit_callbacks)
    [request] = handler.requests
    assert str(request.url) == URL
    body = request.content
    payload = json.loads(body)
    assert (payload["event"], payload["subject"], payload["category"]) == (
        "alert:1:x",
        "诉讼预警",
        "dispute_alert",
    )
    assert payload["url"].endswith("/monitoring/alerts/x/")
    stamp = request.headers["X-OIPA-Timestamp"]
    expected = hmac.new(endpoint.secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256)
    assert request.headers["X-OIPA-Signature"] == f"sha256={expected.hexdigest()}"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 1)


def test_a_failed_post_is_retried_and_each_failure_recorded(
    personas, endpoint, receiver, django_capture_on_commit_callbacks
):
    handler = receiver(500, 503, 200)
    post_alert(personas, django_capture_on_commit_callbacks)
    assert len(handler.requests) == 3
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 3)
    assert "503" in delivery.last_error


def test_it_gives_up_after_the_last_attempt(
    personas, endpoint, receiver, django_capture_on_commit_callbacks
):
    handler = receiver(*[500] * 10)
    post_alert(personas, django_capture_on_commit_callbacks)
    assert len(handler.requests) == webhooks.MAX_ATTEMPTS
    assert WebhookDelivery.objects.get().status == DeliveryStatus.FAILED


def test_an_event_is_posted_once_per_organization(
    personas, endpoint, receiver, django_capture_on_commit_callbacks
):
    handler = receiver()
    post_alert(personas, django_capture_on_commit_callbacks)
    post_alert(personas, django_capture_on_commit_callbacks)
    assert len(handler.requests) == 1


def test_nothing_is_posted_for_members_who_left_the_webhook_off(
    personas, receiver, django_capture_on_commit_callbacks
):
    admin = personas["chaoyang"]
    webhooks.set_webhook(actor=admin, organization=admin.organization, url=URL)
    handler = receiver()
    post_alert(personas, django_capture_on_commit_callbacks)
    assert handler.requests == [] and not WebhookDelivery.objects.exists()


def test_only_the_enterprises_admin_keeps_its_webhook(personas):
    organization = personas["chaoyang"].organization
    for outsider in ("haidian", "staff"):
        with pytest.raises(PermissionDenied):
            webhooks.set_webhook(actor=personas[outsider], organization=organization, url=URL)


def test_the_webhook_page_saves_rotates_and_is_404_to_others(client, personas, endpoint):
    client.force_login(personas["haidian"])
    assert client.get(reverse("notifications:webhook")).status_code == 200  # their own org
    client.force_login(personas["staff"])
    assert client.get(reverse("notifications:webhook")).status_code == 404
    client.force_login(personas["chaoyang"])
    page = client.get(reverse("notifications:webhook"))
    assert endpoint.secret in page.content.decode()
    response = client.post(reverse("notifications:webhook"), {"url": "ftp://x", "is_active": "on"})
    assert response.status_code == 400
    client.post(reverse("notifications:webhook_rotate"))
    old = endpoint.secret
    endpoint.refresh_from_db()
    assert endpoint.secret != old
