"""The home page shows each role what it can do."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_invites_anonymous_visitors_to_register_or_log_in(client):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert reverse("accounts:register") in response.content.decode()


@pytest.mark.parametrize(
    "persona",
    [
        "admin",
        "staff",
        "auditor",
        "chaoyang",
        "tianjin",
        "partner",
        "district",
        "association",
        "institution",
        "expert",
    ],
)
def test_every_role_sees_its_own_home(client, personas, persona):
    client.force_login(personas[persona])
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert response.context["role_summary"]
    assert response.context["cards"]


def test_only_admins_and_auditors_see_the_audit_trail_card(client, personas):
    audit_url = reverse("audit:event_list")
    for persona, visible in [
        ("auditor", True),
        ("admin", True),
        ("staff", False),
        ("chaoyang", False),
    ]:
        client.force_login(personas[persona])
        urls = [card.url for card in client.get(reverse("home")).context["cards"]]
        assert (audit_url in urls) is visible, persona


def test_it_speaks_chinese_by_default_and_english_on_request(client):
    assert "海外知识产权" in client.get(reverse("home")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Overseas IP Protection" in client.get(reverse("home")).content.decode()
