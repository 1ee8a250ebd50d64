"""The events pages over HTTP: list, detail, publishing, registering and cancelling."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.training.builders import build_event, build_registration
from oipa.training.models import Event, Registration, RegistrationStatus

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def test_the_list_shows_upcoming_events_with_constant_queries(
    client, personas, django_assert_max_num_queries
):
    for index in range(6):
        build_event(actor=personas["staff"], title=f"培训{index}")
    client.force_login(personas["chaoyang"])

    with django_assert_max_num_queries(12):
        response = client.get(reverse("training:event_list"), **EN)

    assert response.status_code == 200
    assert response.content.decode().count("培训") >= 6


def test_the_list_filters_by_kind(client, personas):
    build_event(
        actor=personas["staff"],
        title="线上直播课",
        kind="webinar",
        online_url="https://meeting.example.cn/1",
    )
    build_event(actor=personas["staff"], title="路演活动", kind="roadshow")
    client.force_login(personas["chaoyang"])

    body = client.get(reverse("training:event_list"), {"kind": "webinar"}).content.decode()

    assert "线上直播课" in body and "路演活动" not in body


def test_visitors_are_sent_to_log_in(client, event):
    response = client.get(reverse("training:event_list"))
    assert response.status_code == 302


def test_an_enterprise_registers_from_the_event_page(client, personas, event):
    client.force_login(personas["chaoyang"])
    url = reverse("training:event_detail", args=[event.code])
    assert "Register" in client.get(url, **EN).content.decode()

    response = client.post(
        reverse("training:event_register", args=[event.code]),
        {"attendee_name": "陈朝阳", "attendee_email": "cy@xinghe.example.cn"},
        **EN,
    )

    assert response.status_code == 302
    registration = Registration.objects.get(event=event)
    assert registration.status == RegistrationStatus.CONFIRMED
    page = client.get(url, **EN).content.decode()
    assert "Confirmed" in page and "Cancel my registration" in page


def test_a_full_event_says_so_and_registers_on_the_waiting_list(client, personas, small_event):
    build_registration(actor=personas["haidian"], event=small_event)
    client.force_login(personas["chaoyang"])

    page = client.get(reverse("training:event_detail", args=[small_event.code]), **EN)
    assert "waiting list" in page.content.decode()
    response = client.post(
        reverse("training:event_register", args=[small_event.code]),
        {"attendee_name": "陈朝阳", "attendee_email": "cy@xinghe.example.cn"},
        follow=True,
        **EN,
    )

    assert "you are on the waiting list" in response.content.decode()
    assert Registration.objects.get(organization=personas["chaoyang"].organization).status == (
        RegistrationStatus.WAITLISTED
    )


def test_bad_attendee_input_is_shown_on_the_form_and_nothing_is_stored(client, personas, event):
    client.force_login(personas["chaoyang"])

    response = client.post(
        reverse("training:event_register", args=[event.code]),
        {"attendee_name": "", "attendee_email": "not-an-email"},
        **EN,
    )

    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not Registration.objects.exists()


def test_cancelling_from_the_page_frees_the_seat(client, personas, small_event):
    registration = build_registration(actor=personas["chaoyang"], event=small_event)
    waiting = build_registration(actor=personas["haidian"], event=small_event)
    client.force_login(personas["chaoyang"])

    client.post(reverse("training:registration_cancel", args=[registration.code]))

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_staff_publish_an_event_from_the_form(client, personas):
    client.force_login(personas["staff"])
    start = (timezone.localtime() + timedelta(days=10)).replace(second=0, microsecond=0)
    data = {
        "kind": "clinic",
        "title": "一对一海外商标诊所",
        "starts_at": f"{start:%Y-%m-%dT%H:%M}",
        "ends_at": f"{start + timedelta(hours=2):%Y-%m-%dT%H:%M}",
        "capacity": 8,
        "venue": "朝阳区知识产权服务站",
        "audience": "district",
        "division_code": "110105",
        "speakers": [personas["expert"].pk],
    }

    response = client.post(reverse("training:event_create"), data)

    event = Event.objects.get()
    assert response.status_code == 302
    assert (event.kind, event.division_code, event.capacity) == ("clinic", "110105", 8)
    assert list(event.speakers.all()) == [personas["expert"]]


def test_an_event_that_ends_before_it_starts_is_refused_on_the_form(client, personas):
    client.force_login(personas["staff"])
    start = timezone.localtime() + timedelta(days=10)
    data = {
        "kind": "seminar",
        "title": "研讨会",
        "starts_at": f"{start:%Y-%m-%dT%H:%M}",
        "ends_at": f"{start - timedelta(hours=2):%Y-%m-%dT%H:%M}",
        "capacity": 20,
        "venue": "中心报告厅",
        "audience": "all",
    }

    response = client.post(reverse("training:event_create"), data, **EN)

    assert response.status_code == 400
    assert "The event must end after it starts." in response.content.decode()
    assert not Event.objects.exists()


@pytest.mark.parametrize("role", ["chaoyang", "district", "auditor", "expert"])
def test_only_center_staff_reach_the_publishing_form(client, personas, role):
    client.force_login(personas[role])
    assert client.get(reverse("training:event_create")).status_code == 404


def test_staff_import_attendance_from_the_page(client, personas, event):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from oipa.training.builders import move_event

    registration = build_registration(actor=personas["chaoyang"], event=event)
    move_event(event, timezone.now() - timedelta(hours=2))
    client.force_login(personas["staff"])
    sheet = SimpleUploadedFile(
        "sheet.csv", f"email,attended\n{registration.attendee_email},yes\n".encode()
    )

    response = client.post(
        reverse("training:attendance_import", args=[event.code]), {"file": sheet}
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True


def test_a_bad_attendance_sheet_is_explained_on_the_page(client, personas, event):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from oipa.training.builders import move_event

    build_registration(actor=personas["chaoyang"], event=event)
    move_event(event, timezone.now() - timedelta(hours=2))
    client.force_login(personas["staff"])
    sheet = SimpleUploadedFile("sheet.csv", b"email,attended\nwho@example.com,yes\n")

    response = client.post(
        reverse("training:attendance_import", args=[event.code]), {"file": sheet}, **EN
    )

    assert response.status_code == 400
    assert (
        "Line 2: nobody with a confirmed seat matches who@example.com." in response.content.decode()
    )
