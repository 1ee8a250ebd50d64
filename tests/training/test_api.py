"""The training API: events with seats left, registering, cancelling, errors as 400/403/404."""

import pytest
from django.urls import reverse

from oipa.training.builders import build_registration
from oipa.training.models import Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


def test_an_enterprise_registers_through_the_api(client, personas, small_event):
    client.force_login(personas["chaoyang"])

    response = client.post(
        reverse("api:training-event-register", args=[small_event.code]),
        {"attendee_name": "陈朝阳", "attendee_email": "cy@xinghe.example.cn"},
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["status"] == RegistrationStatus.CONFIRMED
    listed = client.get(reverse("api:training-event-list")).json()["results"]
    assert [(e["code"], e["seats_left"]) for e in listed] == [(str(small_event.code), 0)]


def test_a_duplicate_registration_is_a_400_with_the_reason(client, personas, event):
    build_registration(actor=personas["chaoyang"], event=event)
    client.force_login(personas["chaoyang"])

    response = client.post(
        reverse("api:training-event-register", args=[event.code]),
        {"attendee_name": "陈朝阳", "attendee_email": "cy@xinghe.example.cn"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert "already registered" in str(response.json())


def test_staff_cannot_register_and_outsiders_cannot_cancel(client, personas, event):
    registration = build_registration(actor=personas["chaoyang"], event=event)
    client.force_login(personas["staff"])
    refused = client.post(
        reverse("api:training-event-register", args=[event.code]),
        {"attendee_name": "李", "attendee_email": "li@example.cn"},
        content_type="application/json",
    )
    client.force_login(personas["haidian"])
    hidden = client.post(reverse("api:training-registration-cancel", args=[registration.code]))

    assert refused.status_code == 403
    assert hidden.status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CONFIRMED
