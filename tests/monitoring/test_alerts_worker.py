"""The alert task through a real Celery worker on the real Redis broker, run twice."""

from __future__ import annotations

import os
from datetime import date

import pytest
from django.core import mail

from oipa.celery import app
from oipa.core.notifications.models import Notification
from oipa.monitoring import tasks_alerts  # noqa: F401 (registers the shared tasks)
from oipa.monitoring.builders import build_source
from oipa.monitoring.models import Dispute, ImportRun, Party, PartyMatch, SourceKind
from oipa.monitoring.models_alerts import Alert
from oipa.monitoring.names import org_key

BROKER = os.environ.get("OIPA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_or_skip():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("OIPA_REQUIRE_SERVICES"):
            pytest.fail(f"Redis is required at {BROKER}")
        pytest.skip(f"no Redis at {BROKER}")


@pytest.fixture
def worker():
    """A Celery app of its own on the real broker (shared tasks register on every app)."""
    redis_or_skip()
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    worker_app = Celery("oipa-alert-worker-test", broker=BROKER, backend=BROKER)
    worker_app.conf.update(task_always_eager=False, timezone=app.conf.timezone)
    try:
        with start_worker(worker_app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            yield worker_app
    finally:
        # start_worker makes its app the current one; shared tasks would then be sent to Redis
        # instead of running in-process for every later test.
        app.set_current()
        app.set_default()


def confident_match(organization) -> ImportRun:
    source = build_source(slug="staff-upload", kind=SourceKind.SPREADSHEET)
    run = ImportRun.objects.create(source=source)
    dispute = Dispute.objects.create(
        source=source, external_id="w-1", title="Acme v. Xinghe", filed_on=date(2026, 3, 2)
    )
    party = Party.objects.create(
        dispute=dispute, role="defendant", name="Xinghe", normalized="xinghe", run=run
    )
    PartyMatch.objects.create(
        party=party,
        enterprise_key=org_key(organization.pk),
        organization=organization,
        alias="Xinghe",
        alias_kind="english",
        rule="exact_name",
        score=100.0,
        status="confident",
    )
    return run


@pytest.mark.django_db(transaction=True)
def test_a_worker_alerts_once_however_often_the_task_runs(worker, personas):
    run = confident_match(personas["chaoyang"].organization)
    first = worker.send_task("oipa.monitoring.tasks_alerts.alert_run", args=[run.pk])
    second = worker.send_task("oipa.monitoring.tasks_alerts.alert_run", args=[run.pk])
    assert (first.get(timeout=20), second.get(timeout=20)) == (1, 0)
    assert Alert.objects.count() == 1
    assert Notification.objects.filter(recipient=personas["chaoyang"]).count() == 1
    assert len(mail.outbox) == 1
