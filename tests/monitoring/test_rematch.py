"""Re-matching: an enterprise that registers, is put on the watch list or gets a new name is
alerted to recent disputes filed before that, once, however often the task runs."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from oipa.accounts.builders import make_uscc
from oipa.accounts.services import register_enterprise
from oipa.core.models import TaskRun
from oipa.monitoring import services, tasks
from oipa.monitoring.models import Alert, PartyMatch, SourceKind
from oipa.monitoring.names import org_key

HEADER = "reference,title,filed_on,plaintiffs,defendants"


@pytest.fixture
def source(make_source):
    return make_source(SourceKind.SPREADSHEET, "staff-upload")


def import_disputes(source, *rows: tuple[str, int, str]) -> None:
    """(reference, days ago, defendant) rows, imported without matching them."""
    today = timezone.localdate()
    lines = [
        f'{ref},"Acme v. {defendant}",{(today - timedelta(days=ago)).isoformat()},Acme LLC,'
        f'"{defendant}"'
        for ref, ago, defendant in rows
    ]
    services.import_source(source=source, file="\n".join([HEADER, *lines]).encode())


def register(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        membership = register_enterprise(
            organization_name="北京云杉光电科技有限公司",
            organization_name_en="Beijing Yunshan Optoelectronics Technology Co., Ltd.",
            uscc=make_uscc("110108", "MA0YN0001"),
            email="yunshan@test.oipa.cn",
            password="Yunshan-pass-2026!",
            full_name="云杉管理员",
        )
    return membership.organization


def test_an_enterprise_that_registers_is_alerted_to_recent_disputes(
    source, django_capture_on_commit_callbacks
):
    yunshan = "Yunshan Optoelectronics Technology (Beijing) Co., Ltd."
    import_disputes(source, ("recent", 40, yunshan), ("old", 400, yunshan))
    organization = register(django_capture_on_commit_callbacks)
    alert = Alert.objects.get()
    assert alert.organization == organization
    assert alert.dispute.external_id == "recent"
    run = TaskRun.objects.get(task="monitoring.rematch_enterprise")
    assert run.status == "succeeded"
    assert run.counts["alerts_created"] == 1 and run.counts["enterprise"] == org_key(
        organization.pk
    )


def test_running_the_task_again_changes_nothing(source, django_capture_on_commit_callbacks):
    import_disputes(source, ("recent", 10, "Yunshan Optoelectronics Technology Co., Ltd."))
    organization = register(django_capture_on_commit_callbacks)
    again = tasks.rematch_enterprise(org_key(organization.pk))
    assert (again["matches_created"], again["alerts_created"]) == (0, 0)
    assert PartyMatch.objects.count() == 1 and Alert.objects.count() == 1


def test_a_new_store_name_finds_a_dispute_filed_before_it_was_added(
    source, personas, django_capture_on_commit_callbacks
):
    import_disputes(source, ("amz-7", 5, "Starlink Gadget Shop"))
    chaoyang = personas["chaoyang"].organization
    with django_capture_on_commit_callbacks(execute=True):
        services.add_alias(
            actor=personas["chaoyang"],
            organization=chaoyang,
            name="Starlink Gadget Shop",
            kind="store",
        )
    match = PartyMatch.objects.get()
    assert (match.organization, match.rule, match.status) == (chaoyang, "exact_id", "confident")
    assert Alert.objects.get().organization == chaoyang


def test_a_watch_list_entry_gets_an_alert_for_staff(
    source, personas, django_capture_on_commit_callbacks
):
    import_disputes(source, ("amz-8", 3, "Yunfan Official Store"))
    watch_list = "name,stores\n北京云帆智造科技有限公司,Yunfan Official Store\n"
    with django_capture_on_commit_callbacks(execute=True):
        services.load_watch_list(actor=personas["staff"], file=watch_list.encode())
    alert = Alert.objects.get()
    assert alert.watched.name == "北京云帆智造科技有限公司"
    assert alert.delivered_at is None


def test_an_enterprise_outside_beijing_tianjin_and_hebei_is_not_matched(source):
    import_disputes(source, ("x", 3, "Anything Co."))
    counts = tasks.rematch_enterprise("org:999999")
    assert counts["parties"] == 0 and not PartyMatch.objects.exists()
