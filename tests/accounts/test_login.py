"""Login with allauth: verification first, throttling that expires, idle sessions, reset links."""

import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse

from oipa.accounts.builders import make_uscc

pytestmark = pytest.mark.django_db
PASSWORD = "a-Long-passphrase-2026"


@pytest.fixture
def registered(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:register"),
            {
                "organization_name": "北京登录测试有限公司",
                "uscc": make_uscc("110108", "MA0LGNKL1"),
                "full_name": "测试",
                "email": "login@example.cn",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "consent": "on",
            },
        )
    return mail.outbox[-1]


def login(client, password=PASSWORD):
    return client.post(
        reverse("account_login"), {"login": "login@example.cn", "password": password}
    )


def test_it_does_not_log_in_before_the_email_is_verified(client, registered):
    login(client)
    assert "_auth_user_id" not in client.session


def test_it_logs_in_after_verification(client, registered):
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", registered.body).group(1)
    client.post(link)
    login(client)
    assert "_auth_user_id" in client.session
    assert client.get(reverse("home")).status_code == 200


def test_it_throttles_a_burst_of_wrong_passwords_then_lets_the_owner_in(client, registered):
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", registered.body).group(1)
    client.post(link)
    with time_machine.travel("2026-12-01 10:00", tick=False):
        for _ in range(5):
            login(client, "wrong-password-123")
        throttled = login(client)
        assert "_auth_user_id" not in client.session
        assert throttled.status_code in (200, 429)
    with time_machine.travel("2026-12-01 10:06", tick=False):
        login(client)
        assert "_auth_user_id" in client.session


def test_sessions_expire_after_a_working_day_of_inactivity():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_password_reset_links_last_one_hour():
    assert settings.PASSWORD_RESET_TIMEOUT == 3600


def test_the_generic_signup_page_points_to_enterprise_registration(client):
    response = client.get(reverse("account_signup"))
    assert "account/signup_closed.html" in [t.name for t in response.templates]
    assert reverse("accounts:register") in response.content.decode()


def test_a_password_reset_link_expires_after_an_hour(client, personas):
    with time_machine.travel("2026-12-01 09:00", tick=False):
        client.post(reverse("account_reset_password"), {"email": personas["chaoyang"].email})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    with time_machine.travel("2026-12-01 09:59", tick=False):
        fresh = client.get(link.group(1), follow=True)
        assert not fresh.context.get("token_fail")
        assert "password1" in fresh.context["form"].fields
    client.cookies.clear()
    with time_machine.travel("2026-12-01 10:01", tick=False):
        stale = client.get(link.group(1), follow=True)
        assert stale.context["token_fail"] is True
