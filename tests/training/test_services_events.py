"""Publishing events, changing capacity, cancelling, and the materials handed out."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from oipa.core.notifications.models import Notification
from oipa.training import services
from oipa.training.builders import build_event, build_registration, event_fields
from oipa.training.models import Event, EventStatus, RegistrationStatus

pytestmark = pytest.mark.django_db


def test_center_staff_publish_an_event_with_expert_speakers(personas):
    event = build_event(actor=personas["staff"], speakers=[personas["expert"]])

    assert event.status == EventStatus.OPEN
    assert list(event.speakers.all()) == [personas["expert"]]
    assert event.organizer == personas["staff"].membership.organization


@pytest.mark.parametrize("role", ["auditor", "chaoyang", "district", "expert"])
def test_only_center_staff_publish_events(personas, role):
    with pytest.raises(PermissionDenied):
        build_event(actor=personas[role])


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"ends_at": timezone.now() + timedelta(days=6)}, "ends_at"),
        ({"capacity": 0}, "capacity"),
        ({"venue": "", "online_url": ""}, "venue"),
        ({"kind": "webinar", "online_url": ""}, "online_url"),
        ({"audience": "district", "division_code": "120101"}, "division_code"),
        ({"audience": "industry"}, "industry"),
        ({"title": "  "}, "title"),
    ],
)
def test_an_incomplete_event_is_refused_on_the_right_field(personas, overrides, field):
    with pytest.raises(ValidationError) as info:
        services.create_event(actor=personas["staff"], **event_fields(**overrides))

    assert field in info.value.message_dict
    assert not Event.objects.exists()


def test_an_event_cannot_start_in_the_past(personas):
    start = timezone.now() - timedelta(hours=1)
    fields = event_fields(starts_at=start, ends_at=start + timedelta(hours=2))

    with pytest.raises(ValidationError) as info:
        services.create_event(actor=personas["staff"], **fields)
    assert "starts_at" in info.value.message_dict


def test_a_speaker_must_be_an_expert_of_the_pool(personas):
    with pytest.raises(ValidationError) as info:
        build_event(actor=personas["staff"], speakers=[personas["chaoyang"]])

    assert "speakers" in info.value.message_dict


def test_capacity_cannot_drop_below_the_confirmed_seats(personas, event):
    build_registration(actor=personas["chaoyang"], event=event)
    build_registration(actor=personas["haidian"], event=event)

    with pytest.raises(ValidationError) as info:
        services.change_capacity(actor=personas["staff"], event=event, capacity=1)

    assert "capacity" in info.value.message_dict
    assert Event.objects.get(pk=event.pk).capacity == 30


def test_more_seats_go_to_the_waiting_list_in_order(personas, small_event):
    build_registration(actor=personas["chaoyang"], event=small_event)
    second = build_registration(actor=personas["haidian"], event=small_event)
    third = build_registration(actor=personas["tianjin"], event=small_event)

    event = services.change_capacity(actor=personas["staff"], event=small_event, capacity=2)

    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITLISTED,
    )
    assert event.confirmed_count == 2


def test_cancelling_an_event_tells_every_registered_enterprise(personas, small_event):
    build_registration(actor=personas["chaoyang"], event=small_event)
    build_registration(actor=personas["haidian"], event=small_event)

    services.cancel_event(actor=personas["staff"], event=small_event, reason="场地检修")

    for key in ("chaoyang", "haidian"):
        assert Notification.objects.filter(
            recipient=personas[key], event_key__endswith=":event-cancelled"
        ).exists()
    with pytest.raises(ValidationError):
        services.cancel_event(actor=personas["staff"], event=small_event, reason="again")


def test_cancelling_needs_a_reason(personas, event):
    with pytest.raises(ValidationError):
        services.cancel_event(actor=personas["staff"], event=event, reason=" ")
    assert Event.objects.get(pk=event.pk).status == EventStatus.OPEN


def test_materials_are_stored_and_empty_files_refused(personas, event):
    upload = SimpleUploadedFile("slides.pdf", b"%PDF-1.4 slides", content_type="application/pdf")
    material = services.add_material(actor=personas["staff"], event=event, upload=upload)

    assert material.original_name == "slides.pdf"
    assert "slides" not in material.file.name  # stored under a random name
    with pytest.raises(ValidationError):
        services.add_material(
            actor=personas["staff"], event=event, upload=SimpleUploadedFile("empty.pdf", b"")
        )
