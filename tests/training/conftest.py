"""Fixtures for training and events."""

from __future__ import annotations

import pytest

from oipa.accounts.builders import build_member, build_organization, make_uscc
from oipa.accounts.models import OrgKind, Role
from oipa.training.builders import build_event


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded materials land in the test's own directory, never in the working tree."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


def make_enterprises(count: int, *, division: str = "110108") -> list:
    """`count` enterprise admins, each of their own enterprise in `division`."""
    users = []
    for index in range(count):
        organization = build_organization(
            kind=OrgKind.ENTERPRISE,
            name=f"测试企业{index}",
            uscc=make_uscc(division, f"MA{index:07d}"),
        )
        users.append(
            build_member(
                organization=organization,
                role=Role.ENTERPRISE_ADMIN,
                email=f"enterprise{index}@test.oipa.cn",
                full_name=f"参会人{index}",
            )
        )
    return users


@pytest.fixture
def event(personas):
    """A training next week with 30 seats."""
    return build_event(actor=personas["staff"])


@pytest.fixture
def small_event(personas):
    """A seminar next week with one seat."""
    return build_event(actor=personas["staff"], kind="seminar", capacity=1, title="小型研讨会")


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the Chinese catalog changes the default text)."""
    from django.utils import translation

    with translation.override("en"):
        yield
