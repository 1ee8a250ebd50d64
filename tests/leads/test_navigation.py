"""The "Demand leads" link and home card go to district officers and the Center only."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("district", True),
        ("staff", True),
        ("auditor", True),
        ("chaoyang", False),
        ("expert", False),
    ],
)
def test_the_leads_card_is_shown_to_districts_and_the_center(client, personas, role, shown):
    client.force_login(personas[role])

    body = client.get(reverse("home"), **EN).content.decode()

    assert ('href="/leads/"' in body) is shown
    assert ("Demand leads" in body) is shown
