"""The yearly training history page, and the training link and home card."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from oipa.training import services
from oipa.training.builders import build_event, build_registration, move_event

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


@pytest.fixture
def attended(personas):
    event = build_event(actor=personas["staff"], title="欧盟知识产权保护研讨会")
    registration = build_registration(actor=personas["chaoyang"], event=event)
    move_event(event, timezone.now() - timedelta(hours=5))
    services.record_attendance(actor=personas["staff"], registration=registration, attended=True)
    return registration


def test_an_enterprise_sees_its_own_year_with_the_certificate_link(client, personas, attended):
    client.force_login(personas["chaoyang"])

    body = client.get(reverse("training:history"), **EN).content.decode()

    assert "欧盟知识产权保护研讨会" in body
    assert reverse("training:certificate", args=[attended.code]) in body
    assert "1 registrations, 1 attended, 3.0 hours of training." in body


def test_another_enterprise_sees_nothing_of_it(client, personas, attended):
    client.force_login(personas["haidian"])
    assert "欧盟知识产权保护研讨会" not in client.get(reverse("training:history")).content.decode()


def test_the_center_picks_the_enterprise_and_a_bad_code_answers_404(client, personas, attended):
    client.force_login(personas["auditor"])
    organization = personas["chaoyang"].organization

    found = client.get(reverse("training:history"), {"organization": str(organization.code)})
    missing = client.get(reverse("training:history"), {"organization": "not-a-code"})

    assert "欧盟知识产权保护研讨会" in found.content.decode()
    assert missing.status_code == 404


@pytest.mark.parametrize("role", ["district", "expert", "partner"])
def test_other_roles_have_no_history_page(client, personas, role):
    client.force_login(personas[role])
    assert client.get(reverse("training:history")).status_code == 404


@pytest.mark.parametrize("role", ["chaoyang", "staff", "district", "expert"])
def test_everyone_with_a_membership_has_the_training_link_and_card(client, personas, role):
    client.force_login(personas[role])

    body = client.get(reverse("home"), **EN).content.decode()

    assert 'href="/training/"' in body and "Training and events" in body
