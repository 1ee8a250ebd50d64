"""Institutions propose changes; the live listing changes only when the Center approves."""

from dataclasses import replace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from oipa.core.audit.models import AuditEvent
from oipa.core.notifications.models import Notification
from oipa.directory import services
from oipa.directory.builders import institution_details
from oipa.directory.listing import InstitutionDetails
from oipa.directory.models import ChangeStatus, Institution, ListingStatus

pytestmark = pytest.mark.django_db


def proposed(institution, **changes):
    return replace(InstitutionDetails.of(institution), **changes)


def test_a_proposed_change_leaves_the_live_listing_untouched(personas, own):
    change = services.propose_institution_change(
        actor=personas["institution"],
        institution=own,
        details=proposed(own, phone="010-8888 0000", countries=("US", "JP", "KR")),
    )
    own.refresh_from_db()
    assert change.status == ChangeStatus.PENDING
    assert own.phone == "010-6500 1234"
    assert sorted(j.code for j in own.countries.all()) == ["JP", "US"]


def test_approval_copies_the_change_onto_the_listing_and_notifies_the_institution(
    personas, own, django_capture_on_commit_callbacks
):
    change = services.propose_institution_change(
        actor=personas["institution"],
        institution=own,
        details=proposed(own, phone="010-8888 0000", countries=("US", "JP", "KR")),
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_change(actor=personas["staff"], change=change)
    own.refresh_from_db()
    change.refresh_from_db()
    assert own.phone == "010-8888 0000"
    assert sorted(j.code for j in own.countries.all()) == ["JP", "KR", "US"]
    assert change.status == ChangeStatus.APPROVED
    assert change.reviewed_by == personas["staff"]
    notice = Notification.objects.get(recipient=personas["institution"])
    assert "获批准" in notice.subject  # in the institution user's language, zh-Hans by default
    assert notice.url == reverse("directory:institution_detail", args=[own.code])


def test_rejection_keeps_the_listing_and_tells_the_reason(personas, own):
    change = services.propose_institution_change(
        actor=personas["institution"], institution=own, details=proposed(own, name_zh="改名")
    )
    services.reject_change(actor=personas["staff"], change=change, reason="名称与营业执照不符。")
    own.refresh_from_db()
    change.refresh_from_db()
    assert own.name_zh == "北京华夏涉外知识产权代理有限公司"
    assert change.status == ChangeStatus.REJECTED
    assert change.reason == "名称与营业执照不符。"
    notice = Notification.objects.get(recipient=personas["institution"])
    assert "名称与营业执照不符。" in notice.body


def test_rejection_needs_a_reason(personas, own):
    change = services.propose_institution_change(
        actor=personas["institution"], institution=own, details=proposed(own, phone="1")
    )
    with pytest.raises(ValidationError) as exc:
        services.reject_change(actor=personas["staff"], change=change, reason="  ")
    assert "reason" in exc.value.message_dict
    change.refresh_from_db()
    assert change.status == ChangeStatus.PENDING


def test_a_change_is_reviewed_only_once(personas, own):
    change = services.propose_institution_change(
        actor=personas["institution"], institution=own, details=proposed(own, phone="1")
    )
    services.approve_change(actor=personas["staff"], change=change)
    with pytest.raises(ValidationError, match="already been reviewed"):
        services.approve_change(actor=personas["admin"], change=change)
    with pytest.raises(ValidationError, match="already been reviewed"):
        services.reject_change(actor=personas["admin"], change=change, reason="late")


def test_a_newer_proposal_supersedes_the_pending_one(personas, own):
    first = services.propose_institution_change(
        actor=personas["institution"], institution=own, details=proposed(own, phone="1")
    )
    second = services.propose_institution_change(
        actor=personas["institution"], institution=own, details=proposed(own, phone="2")
    )
    first.refresh_from_db()
    assert first.status == ChangeStatus.SUPERSEDED
    assert second.status == ChangeStatus.PENDING


def test_an_unchanged_proposal_is_refused(personas, own):
    with pytest.raises(ValidationError, match="Nothing has changed"):
        services.propose_institution_change(
            actor=personas["institution"], institution=own, details=InstitutionDetails.of(own)
        )


@pytest.mark.parametrize("who", ["chaoyang", "expert", "staff", "district", "association"])
def test_only_the_institutions_own_staff_may_propose(personas, own, who):
    with pytest.raises(PermissionDenied):
        services.propose_institution_change(
            actor=personas[who], institution=own, details=proposed(own, phone="1")
        )


def test_institution_staff_cannot_propose_for_another_listing(personas, own, other):
    with pytest.raises(PermissionDenied):
        services.propose_institution_change(
            actor=personas["institution"], institution=other, details=proposed(other, phone="1")
        )


@pytest.mark.parametrize("who", ["institution", "auditor", "chaoyang"])
def test_only_center_staff_review(personas, own, who):
    change = services.propose_institution_change(
        actor=personas["institution"], institution=own, details=proposed(own, phone="1")
    )
    with pytest.raises(PermissionDenied):
        services.approve_change(actor=personas[who], change=change)
    with pytest.raises(PermissionDenied):
        services.reject_change(actor=personas[who], change=change, reason="no")


def test_a_new_listing_is_hidden_until_approved(personas):
    change = services.propose_institution(
        actor=personas["institution"],
        details=institution_details(uscc=personas["institution"].organization.uscc),
    )
    institution = change.institution
    assert institution.status == ListingStatus.NEW
    assert not Institution.objects.public().filter(pk=institution.pk).exists()
    services.approve_change(actor=personas["staff"], change=change)
    institution.refresh_from_db()
    assert institution.status == ListingStatus.LISTED
    assert institution.listed_at is not None
    assert Institution.objects.public().filter(pk=institution.pk).exists()


def test_an_institution_with_a_listing_cannot_propose_a_second(personas, own):
    with pytest.raises(ValidationError, match="already has a listing"):
        services.propose_institution(
            actor=personas["institution"], details=institution_details(uscc="")
        )


def test_every_step_is_audited(personas, own):
    change = services.propose_institution_change(
        actor=personas["institution"], institution=own, details=proposed(own, phone="1")
    )
    services.approve_change(actor=personas["staff"], change=change)
    actions = list(
        AuditEvent.objects.filter(target_id=str(own.code))
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == [
        "directory.institution_listed",
        "directory.change_proposed",
        "directory.change_approved",
    ]
    approved = AuditEvent.objects.get(action="directory.change_approved")
    assert approved.before["phone"] == "010-6500 1234"
    assert approved.after["phone"] == "1"
    assert approved.organization == personas["institution"].organization


def test_withdrawal_and_reinstatement(personas, own):
    with pytest.raises(ValidationError):
        services.withdraw_institution(actor=personas["staff"], institution=own, reason="")
    services.withdraw_institution(actor=personas["staff"], institution=own, reason="执业许可过期")
    assert own.status == ListingStatus.WITHDRAWN
    with pytest.raises(ValidationError, match="not in a state"):
        services.withdraw_institution(actor=personas["staff"], institution=own, reason="again")
    services.reinstate_institution(actor=personas["staff"], institution=own)
    assert own.status == ListingStatus.LISTED
    with pytest.raises(PermissionDenied):
        services.withdraw_institution(actor=personas["institution"], institution=own, reason="x")
