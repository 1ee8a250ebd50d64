"""The alert task through a real Celery worker on the real Redis broker, run twice."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail

from oipa.core.notifications.models import Notification
from oipa.monitoring import tasks_alerts  # noqa: F401 (registers the shared tasks)
from oipa.monitoring.builders import build_source
from oipa.monitoring.models import Dispute, ImportRun, Party, PartyMatch, SourceKind
from oipa.monitoring.models_alerts import Alert
from oipa.monitoring.names import org_key


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
