"""Center staff create programmes; others cannot."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.funding.models import Programme

pytestmark = pytest.mark.django_db


def programme_post(**overrides):
    today = timezone.localdate()
    data = {
        "name": "337调查应诉资助",
        "budget": "500000.00",
        "cost_types": ["attorney", "expert"],
        "dispute_types": ["itc_337"],
        "share_percent": "60",
        "cap_per_applicant": "100000.00",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=90)).isoformat(),
    }
    data.update(overrides)
    return data


def test_staff_create_a_programme(client, personas):
    client.force_login(personas["staff"])
    assert client.get(reverse("funding:programme_create")).status_code == 200
    response = client.post(reverse("funding:programme_create"), programme_post())
    programme = Programme.objects.get()
    assert response.url == reverse("funding:programme_detail", args=[programme.code])
    assert programme.cost_types == ["attorney", "expert"]


def test_a_share_above_100_percent_or_a_reversed_window_is_refused(client, personas):
    client.force_login(personas["staff"])
    today = timezone.localdate()
    response = client.post(
        reverse("funding:programme_create"),
        programme_post(share_percent="120", closes_on=(today - timedelta(days=1)).isoformat()),
        HTTP_ACCEPT_LANGUAGE="en",
    )
    body = response.content.decode()
    assert "The share covered is at most 100 %." in body
    assert "The window closes before it opens." in body
    assert not Programme.objects.exists()


@pytest.mark.parametrize("who", ["auditor", "chaoyang", "district"])
def test_only_staff_reach_the_programme_form(client, personas, who):
    client.force_login(personas[who])
    assert client.get(reverse("funding:programme_create")).status_code == 404
