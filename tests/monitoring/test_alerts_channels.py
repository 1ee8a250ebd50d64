"""Alerts through the channels the enterprise chose: its webhook (once per alert) and digests,
which are never sent empty."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail

from oipa.core.notifications.digests import send_digests
from oipa.core.notifications.models import WebhookDelivery
from oipa.core.notifications.preferences import Choice, set_preferences
from oipa.core.notifications.webhooks import set_webhook
from oipa.monitoring import services, tasks, tasks_alerts
from oipa.monitoring.models import SourceKind
from oipa.monitoring.models_alerts import Alert

from .test_alerts_services import _today, upload  # noqa: F401 - the autouse fixture


@pytest.fixture
def source(make_source):
    return make_source(SourceKind.SPREADSHEET, "staff-upload")


@pytest.fixture
def xinghe(personas):
    org = personas["chaoyang"].organization
    services.add_alias(
        actor=personas["chaoyang"], organization=org, name="XingheTech Store", kind="store"
    )
    return org


def test_an_alert_is_posted_once_to_the_enterprises_webhook(source, xinghe, personas):
    chaoyang = personas["chaoyang"]
    set_webhook(actor=chaoyang, organization=xinghe, url="https://erp.example.com/oipa")
    set_preferences(actor=chaoyang, choices={"dispute_alert": Choice(webhook=True)})
    run = upload(source)
    tasks.match_run(run.pk)
    tasks_alerts.alert_run(run.pk)  # a retry
    delivery = WebhookDelivery.objects.get()
    alert = Alert.objects.get()
    assert delivery.payload["category"] == "dispute_alert"
    assert delivery.payload["url"].endswith(f"/monitoring/alerts/{alert.code}/")
    assert "1:26-cv-01001" in delivery.payload["body"]


def test_a_daily_digest_carries_the_alert_once_and_is_never_sent_empty(source, xinghe, personas):
    set_preferences(actor=personas["chaoyang"], choices={"dispute_alert": Choice(cadence="daily")})
    assert send_digests("daily", on=date(2026, 3, 5)) == 0  # nothing waiting: no email
    run = upload(source, filed_on="2026-03-03")
    tasks.match_run(run.pk)
    assert len(mail.outbox) == 0
    with time_machine.travel(date(2026, 3, 5), tick=False):
        assert send_digests("daily", on=date(2026, 3, 5)) == 1
        assert send_digests("daily", on=date(2026, 3, 5)) == 0
    [email] = mail.outbox
    assert personas["chaoyang"].email in email.to
    assert f"/monitoring/alerts/{Alert.objects.get().code}/" in email.body
