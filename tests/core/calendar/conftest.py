"""Personas and builders for the calendar tests.

Users are built here, in one place, so that account-level changes need adapting only in these
fixtures: Center accounts get an active TOTP authenticator, as the MFA middleware demands.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from oipa.accounts.models import Membership, Organization, User
from oipa.core.calendar import working_days
from oipa.core.calendar.models import HolidaySchedule
from oipa.core.calendar.services import publish_holiday_schedule

PASSWORD = "long-password-123"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"
CENTER_ROLES = {"center_admin", "center_staff", "auditor"}


@pytest.fixture(autouse=True)
def _fresh_calendar_cache():
    """Each test starts and ends with an empty per-year cache (rolled-back rows must not leak)."""
    working_days.clear_cache()
    yield
    working_days.clear_cache()


@pytest.fixture
def center(db) -> Organization:
    return Organization.objects.create(kind="center", name="维权中心")


def _member(email: str, organization: Organization, role: str) -> User:
    user = User.objects.create_user(email, PASSWORD)
    Membership.objects.create(user=user, organization=organization, role=role)
    if role in CENTER_ROLES:
        TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture
def center_admin(center) -> User:
    return _member("admin@center.example.cn", center, "center_admin")


@pytest.fixture
def center_staff(center) -> User:
    return _member("staff@center.example.cn", center, "center_staff")


@pytest.fixture
def auditor(center) -> User:
    return _member("auditor@center.example.cn", center, "auditor")


@pytest.fixture
def enterprise_admin(db) -> User:
    enterprise = Organization.objects.create(
        kind="enterprise", name="北京示例科技有限公司", uscc="91110000600037341L"
    )
    return _member("admin@enterprise.example.cn", enterprise, "enterprise_admin")


@pytest.fixture
def user_without_membership(db) -> User:
    return User.objects.create_user("nobody@example.cn", PASSWORD)


# A made-up 2027 schedule (the real one is published by the State Council in late 2026).
SPRING_FESTIVAL_2027 = [(date(2027, 2, d), "春节") for d in range(6, 13)]
ADJUSTED_2027 = [(date(2027, 2, 14), "春节"), (date(2027, 2, 20), "春节")]


@pytest.fixture
def publish(center_admin, django_capture_on_commit_callbacks) -> Callable[..., HolidaySchedule]:
    """Publishes a schedule as the Center admin, running the on-commit hooks as a commit would."""

    def _publish(year: int = 2027, holidays=None, adjusted=None, notice: str = ""):
        with django_capture_on_commit_callbacks(execute=True):
            return publish_holiday_schedule(
                actor=center_admin,
                year=year,
                holidays=SPRING_FESTIVAL_2027 if holidays is None else holidays,
                working_days=ADJUSTED_2027 if adjusted is None else adjusted,
                notice=notice,
            )

    return _publish
