"""Warnings: delivered once per enterprise and publication, explained, and acted on."""

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied

from oipa.core.notifications.models import Notification
from oipa.watch.models import RiskWarning
from oipa.watch.services import apply_for_guidance, mark_warning_read, match_run
from oipa.watch.services.warnings import render_warning

from .helpers import import_sample, watch_demo_marks

pytestmark = pytest.mark.django_db


@pytest.fixture
def warning(personas, django_capture_on_commit_callbacks):
    watch_demo_marks(personas)
    import_sample(personas["staff"], capture=django_capture_on_commit_callbacks)
    return RiskWarning.objects.get(organization=personas["chaoyang"].organization)


def test_the_enterprise_is_notified_in_app_and_by_email_once(personas, warning):
    notices = Notification.objects.filter(recipient=personas["chaoyang"])
    assert notices.count() == 1
    assert notices.get().category == "risk_warning"
    assert any("XIAOMI-TECH" in m.subject for m in mail.outbox)
    match_run(warning.publication.first_run_id)
    assert notices.count() == 1


def test_the_warning_says_mark_owner_classes_why_and_deadline(warning):
    subject, body = render_warning(warning)
    assert "XIAOMI-TECH" in subject
    assert "Shenzhen Sample Trading" in body
    assert "Nice classes: 9" in body
    assert "containing" in body and "xiao mi" in body
    assert "2026-11-19" in body
    assert f"/watch/warnings/{warning.code}/#apply" in body


def test_reading_marks_it_read_only_for_the_enterprise(personas, warning):
    mark_warning_read(actor=personas["staff"], warning=warning)
    warning.refresh_from_db()
    assert warning.read_at is None
    mark_warning_read(actor=personas["chaoyang"], warning=warning)
    warning.refresh_from_db()
    assert warning.read_at is not None


@time_machine.travel("2026-10-22 09:00 +0800", tick=False)
def test_applying_starts_one_prefilled_opposition_draft(personas, warning):
    application = apply_for_guidance(actor=personas["chaoyang"], warning=warning)
    again = apply_for_guidance(actor=personas["chaoyang"], warning=warning)
    assert again.pk == application.pk
    assert application.dispute_type == "opposition_invalidation"
    assert application.our_role == "opponent"
    assert application.ip_types == ["trademark"] and application.nice_classes == [9]
    assert application.response_deadline.isoformat() == "2026-11-19"
    assert [j.code for j in application.jurisdictions.all()] == ["US"]
    assert application.parties.filter(name__startswith="Shenzhen Sample").exists()
    warning.refresh_from_db()
    assert warning.acted_at is not None and warning.application == application


@pytest.mark.parametrize("who", ["haidian", "staff", "expert"])
def test_others_cannot_apply_from_the_warning(personas, warning, who):
    with pytest.raises(PermissionDenied):
        apply_for_guidance(actor=personas[who], warning=warning)


def test_an_enterprise_sees_only_its_own_warnings(personas, warning):
    assert list(RiskWarning.objects.visible_to(personas["chaoyang"])) == [warning]
    haidian = RiskWarning.objects.visible_to(personas["haidian"])
    assert warning not in haidian and haidian.count() == 1
    assert RiskWarning.objects.visible_to(personas["staff"]).count() == 2
    for who in ("expert", "partner", "district", "institution"):
        assert not RiskWarning.objects.visible_to(personas[who]).exists()
