"""The .ics invitation and the certificate of attendance."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from oipa.assistance.documents import fonts
from oipa.training import services
from oipa.training.builders import build_event, build_registration, move_event
from oipa.training.certificate import certificate_pdf

pytestmark = pytest.mark.django_db


def test_the_ics_invitation_is_one_event_with_a_stable_uid(client, personas, event):
    build_registration(actor=personas["chaoyang"], event=event)
    client.force_login(personas["chaoyang"])

    response = client.get(reverse("training:event_invitation", args=[event.code]))

    assert response["Content-Type"] == "text/calendar"
    calendar = Calendar.from_ical(b"".join(response.streaming_content))
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["uid"]) == f"{event.code}@oipa"
    assert str(vevent["summary"]) == event.title
    assert vevent.decoded("dtstart") == event.starts_at
    assert str(vevent["location"]) == event.venue
    assert personas["chaoyang"].email in str(vevent["description"]) or "陈朝阳" in str(
        vevent["description"]
    )


def test_a_cancelled_event_is_cancelled_in_the_calendar_too(client, personas, event):
    services.cancel_event(actor=personas["staff"], event=event, reason="改期")
    client.force_login(personas["chaoyang"])

    response = client.get(reverse("training:event_invitation", args=[event.code]))

    [vevent] = Calendar.from_ical(b"".join(response.streaming_content)).walk("VEVENT")
    assert str(vevent["status"]) == "CANCELLED"


def test_the_certificate_is_a_pdf_for_attendees_only(client, personas):
    event = build_event(actor=personas["staff"])
    came = build_registration(actor=personas["chaoyang"], event=event)
    absent = build_registration(actor=personas["haidian"], event=event)
    move_event(event, timezone.now() - timedelta(days=1))
    services.record_attendance(actor=personas["staff"], registration=came, attended=True)
    services.record_attendance(actor=personas["staff"], registration=absent, attended=False)

    client.force_login(personas["chaoyang"])
    response = client.get(reverse("training:certificate", args=[came.code]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    client.force_login(personas["haidian"])
    assert client.get(reverse("training:certificate", args=[absent.code])).status_code == 404


def test_the_certificate_embeds_the_cjk_font(personas):
    event = build_event(actor=personas["staff"])
    registration = build_registration(actor=personas["chaoyang"], event=event)
    move_event(event, timezone.now() - timedelta(days=1))
    services.record_attendance(actor=personas["staff"], registration=registration, attended=True)

    pdf = certificate_pdf(registration)

    assert pdf.startswith(b"%PDF")
    expected = b"WenQuanYiMicroHei" if fonts.FONT_PATH.is_file() else b"STSong-Light"
    assert expected in pdf
