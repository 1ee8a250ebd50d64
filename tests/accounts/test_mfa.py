"""Center staff and auditors must use TOTP; privileged passwords expire."""

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["admin", "staff", "auditor"])
def test_it_sends_center_accounts_without_totp_to_set_it_up(client, personas, persona):
    Authenticator.objects.filter(user=personas[persona]).delete()
    client.force_login(personas[persona])
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_it_lets_center_accounts_with_totp_through(client, personas):
    client.force_login(personas["staff"])
    assert client.get(reverse("home")).status_code == 200


def test_it_does_not_require_totp_of_enterprises(client, personas):
    client.force_login(personas["chaoyang"])
    assert client.get(reverse("home")).status_code == 200


def test_it_offers_totp_to_enterprises_too(client, personas):
    client.force_login(personas["chaoyang"])
    assert client.get(reverse("mfa_activate_totp")).status_code in (200, 302)
    assert client.get(reverse("mfa_index")).status_code == 200


def test_it_asks_privileged_accounts_to_change_an_old_password(client, personas, settings):
    auditor = personas["auditor"]
    auditor.password_changed_at = timezone.now() - timedelta(
        days=settings.PRIVILEGED_PASSWORD_MAX_AGE_DAYS + 1
    )
    auditor.save(update_fields=["password_changed_at"])
    client.force_login(auditor)
    response = client.get(reverse("home"))
    assert response["Location"] == reverse("account_change_password")


def test_it_never_expires_ordinary_passwords(client, personas):
    staff = personas["staff"]
    staff.password_changed_at = timezone.now() - timedelta(days=3650)
    staff.save(update_fields=["password_changed_at"])
    client.force_login(staff)
    assert client.get(reverse("home")).status_code == 200
