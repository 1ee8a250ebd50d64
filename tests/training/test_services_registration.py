"""Registering, the waiting list and its automatic promotion, and who may register."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from oipa.core.audit.models import AuditEvent
from oipa.core.notifications.models import Notification
from oipa.training import services
from oipa.training.builders import build_event, build_registration
from oipa.training.models import Event, Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


def test_an_enterprise_gets_a_confirmed_seat_while_seats_are_left(personas, event):
    registration = build_registration(actor=personas["chaoyang"], event=event)

    assert registration.status == RegistrationStatus.CONFIRMED
    event.refresh_from_db()
    assert event.confirmed_count == 1
    assert AuditEvent.objects.filter(action="training.registered").count() == 1
    assert Notification.objects.filter(recipient=personas["chaoyang"]).exists()


def test_a_full_event_puts_the_next_enterprise_on_the_waiting_list(personas, small_event):
    build_registration(actor=personas["chaoyang"], event=small_event)
    waiting = build_registration(actor=personas["haidian"], event=small_event)

    assert waiting.status == RegistrationStatus.WAITLISTED
    small_event.refresh_from_db()
    assert small_event.confirmed_count == 1


def test_a_second_registration_of_the_same_enterprise_is_refused_without_taking_a_seat(
    personas, event
):
    build_registration(actor=personas["chaoyang"], event=event)

    with pytest.raises(ValidationError) as info:
        build_registration(actor=personas["chaoyang"], event=event)

    assert info.value.code == "duplicate"
    event.refresh_from_db()
    assert event.confirmed_count == 1
    assert Registration.objects.filter(event=event).count() == 1


def test_cancelling_a_confirmed_seat_promotes_the_first_on_the_waiting_list(personas, small_event):
    first = build_registration(actor=personas["chaoyang"], event=small_event)
    second = build_registration(actor=personas["haidian"], event=small_event)
    third = build_registration(actor=personas["tianjin"], event=small_event)

    services.cancel_registration(actor=personas["chaoyang"], registration=first)

    second.refresh_from_db()
    third.refresh_from_db()
    assert second.status == RegistrationStatus.CONFIRMED
    assert second.promoted_at is not None
    assert third.status == RegistrationStatus.WAITLISTED
    assert Event.objects.get(pk=small_event.pk).confirmed_count == 1
    assert Notification.objects.filter(
        recipient=personas["haidian"], event_key__endswith=":promoted"
    ).exists()


def test_cancelling_a_waiting_place_frees_no_seat(personas, small_event):
    build_registration(actor=personas["chaoyang"], event=small_event)
    waiting = build_registration(actor=personas["haidian"], event=small_event)

    services.cancel_registration(actor=personas["haidian"], registration=waiting)

    assert Event.objects.get(pk=small_event.pk).confirmed_count == 1


def test_a_registration_cannot_be_cancelled_twice(personas, event):
    registration = build_registration(actor=personas["chaoyang"], event=event)
    services.cancel_registration(actor=personas["chaoyang"], registration=registration)

    with pytest.raises(ValidationError):
        services.cancel_registration(actor=personas["chaoyang"], registration=registration)
    assert Event.objects.get(pk=event.pk).confirmed_count == 0


def test_another_enterprise_cannot_cancel_a_registration(personas, event):
    registration = build_registration(actor=personas["chaoyang"], event=event)

    with pytest.raises(PermissionDenied):
        services.cancel_registration(actor=personas["haidian"], registration=registration)


def test_an_enterprise_may_register_again_after_cancelling(personas, event):
    first = build_registration(actor=personas["chaoyang"], event=event)
    services.cancel_registration(actor=personas["chaoyang"], registration=first)

    again = build_registration(actor=personas["chaoyang"], event=event)

    assert again.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize("role", ["staff", "district", "expert", "partner"])
def test_only_enterprises_register(personas, event, role):
    with pytest.raises(PermissionDenied):
        build_registration(actor=personas[role], event=event)


def test_a_district_event_refuses_enterprises_of_other_districts(personas):
    event = build_event(actor=personas["staff"], audience="district", division_code="110105")

    build_registration(actor=personas["chaoyang"], event=event)  # Chaoyang 110105
    with pytest.raises(ValidationError) as info:
        build_registration(actor=personas["haidian"], event=event)
    assert info.value.code == "not_eligible"


def test_a_jjj_event_refuses_enterprises_outside_beijing_tianjin_and_hebei(personas):
    from oipa.accounts.builders import build_member, build_organization, make_uscc

    event = build_event(actor=personas["staff"], audience="jjj")
    shanghai = build_organization(
        kind="enterprise", name="上海企业", uscc=make_uscc("310115", "MA0HU0001")
    )
    user = build_member(organization=shanghai, role="enterprise_admin", email="sh@test.oipa.cn")

    build_registration(actor=personas["hebei"], event=event)
    with pytest.raises(ValidationError):
        build_registration(actor=user, event=event)


def test_a_cancelled_event_takes_no_registration(personas, event):
    services.cancel_event(actor=personas["staff"], event=event, reason="讲师行程变更")

    with pytest.raises(ValidationError):
        build_registration(actor=personas["chaoyang"], event=event)


def test_bad_attendee_details_are_refused_field_by_field(personas, event):
    with pytest.raises(ValidationError) as info:
        build_registration(
            actor=personas["chaoyang"], event=event, attendee_name=" ", attendee_email="nope"
        )

    assert set(info.value.message_dict) == {"attendee_name", "attendee_email"}
    assert not Registration.objects.exists()
