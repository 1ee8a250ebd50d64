"""Alerts from confident matches: once per enterprise and dispute, delivered to its members."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core import mail

from oipa.core.notifications.models import Category, Notification
from oipa.monitoring import matching_service, services, tasks, tasks_alerts
from oipa.monitoring.models import PartyMatch, SourceKind, WatchedEnterprise
from oipa.monitoring.models_alerts import Alert, DeadlineRule
from oipa.monitoring.names import org_key

TODAY = date(2026, 3, 4)
HEADER = "reference,title,forum,case_number,nature_of_suit,filed_on,plaintiffs,defendants,url"


def upload(source, reference="amz-1", defendants="XingheTech Store", filed_on="2026-03-02"):
    row = (
        f"{reference},Acme Inc. v. XingheTech Store,N.D. Illinois,1:26-cv-0{reference[-1]}001,"
        f"840 Trademark,{filed_on},Acme Inc.,{defendants},https://example.org/{reference}"
    )
    return services.import_source(source=source, file=f"{HEADER}\n{row}".encode())


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(TODAY, tick=False):
        yield


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


def test_a_confident_match_alerts_the_enterprise_with_the_case_facts(
    source, xinghe, personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tasks.match_run(upload(source).pk)
    alert = Alert.objects.get()
    assert (alert.organization, alert.dispute.external_id) == (xinghe, "amz-1")
    assert (alert.deadline, alert.deadline_rule) == (date(2026, 3, 30), DeadlineRule.US_ANSWER)
    assert alert.delivered_at is not None
    notice = Notification.objects.get(recipient=personas["chaoyang"])
    assert notice.event_key == f"alert:{xinghe.pk}:{alert.dispute.code}"
    assert notice.category == Category.DISPUTE_ALERT
    assert notice.url == f"/monitoring/alerts/{alert.code}/"
    for fact in ("N.D. Illinois", "1:26-cv-01001", "Acme Inc.", "2026-03-30", "#apply"):
        assert fact in notice.body
    assert [m.to for m in mail.outbox] == [[personas["chaoyang"].email]]


def test_a_retried_task_and_a_reimport_never_alert_twice(
    source, xinghe, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run = upload(source)
        tasks.match_run(run.pk)
        tasks.match_run(run.pk)
        assert tasks_alerts.alert_run(run.pk) == 0
        again = upload(source, defendants="XingheTech Store; Xinghe Tech Store")
        tasks.match_run(again.pk)
        tasks_alerts.alert_run(again.pk)
    assert Alert.objects.count() == 1
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1


def test_two_parties_of_one_dispute_naming_the_enterprise_give_one_alert(
    source, xinghe, fake_engine
):
    run = upload(source, defendants="XingheTech Store; Xinghe Zhilian")
    key = org_key(xinghe.pk)
    engine = fake_engine({"XingheTech Store": [(key, 100.0)], "Xinghe Zhilian": [(key, 95.0)]})
    matching_service.match_run(run, engine=engine, threshold=92)
    assert tasks_alerts.alert_run(run.pk) == 1
    assert Alert.objects.get().matches.count() == 2


def test_a_match_awaiting_review_alerts_nobody_until_staff_confirm_it(
    source, personas, fake_engine, django_capture_on_commit_callbacks
):
    hebei = personas["hebei"].organization
    run = upload(source, defendants="Yanzhao Electric Co")
    engine = fake_engine({"Yanzhao Electric Co": [(org_key(hebei.pk), 85.0)]})
    matching_service.match_run(run, engine=engine, threshold=92)
    assert tasks_alerts.alert_run(run.pk) == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_match(actor=personas["staff"], match=PartyMatch.objects.get())
    alert = Alert.objects.get()
    assert alert.organization == hebei
    assert Notification.objects.filter(recipient=personas["hebei"]).count() == 1


def test_a_rejected_match_alerts_nobody(source, personas, fake_engine):
    run = upload(source, defendants="Yanzhao Electric Co")
    hebei_key = org_key(personas["hebei"].organization.pk)
    engine = fake_engine({"Yanzhao Electric Co": [(hebei_key, 85.0)]})
    matching_service.match_run(run, engine=engine, threshold=92)
    services.reject_match(actor=personas["staff"], match=PartyMatch.objects.get())
    assert not Alert.objects.exists()


def test_a_watched_enterprise_gets_an_alert_for_staff_but_no_delivery(source, fake_engine):
    watched = WatchedEnterprise.objects.create(name="天津某某科技有限公司", province_code="12")
    run = upload(source, defendants="Moumou Tech")
    engine = fake_engine({"Moumou Tech": [(watched.key, 99.0)]})
    matching_service.match_run(run, engine=engine, threshold=92)
    tasks_alerts.alert_run(run.pk)
    alert = Alert.objects.get()
    assert (alert.watched, alert.delivered_at) == (watched, None)
    assert not Notification.objects.exists()


def test_a_schedule_a_alert_is_urgent_and_skips_the_digest(
    source, xinghe, personas, django_capture_on_commit_callbacks
):
    from oipa.core.notifications.preferences import Choice, set_preferences

    set_preferences(actor=personas["chaoyang"], choices={"dispute_alert": Choice(cadence="weekly")})
    with django_capture_on_commit_callbacks(execute=True):
        run = upload(
            source,
            defendants="The Partnerships and Unincorporated Associations Identified on "
            "Schedule A; XingheTech Store",
        )
        tasks.match_run(run.pk)
    alert = Alert.objects.get()
    assert alert.deadline_rule == DeadlineRule.SCHEDULE_A
    notice = Notification.objects.get()
    assert (notice.urgent, notice.digest_cadence) == (True, "")
    assert "【紧急】" in notice.body
    assert len(mail.outbox) == 1


def test_a_later_alert_waits_for_the_chosen_digest(source, xinghe, personas):
    from oipa.core.notifications.preferences import Choice, set_preferences

    set_preferences(actor=personas["chaoyang"], choices={"dispute_alert": Choice(cadence="daily")})
    run = upload(source, filed_on="2026-03-03")
    tasks.match_run(run.pk)
    notice = Notification.objects.get()
    assert (notice.urgent, notice.digest_cadence) == (False, "daily")
