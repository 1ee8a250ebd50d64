"""Fixtures for funding support and the mutual-aid fund."""

from __future__ import annotations

import pytest

from oipa.accounts.builders import build_member
from oipa.accounts.models import Role
from oipa.assistance.builders import build_case_in_state
from oipa.funding.builders import build_programme, build_rate


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Invoice files land in the test's own directory."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


@pytest.fixture
def concluded(personas):
    """A concluded guidance case of the Chaoyang enterprise."""
    return build_case_in_state("concluded", personas=personas)


@pytest.fixture
def programme(personas):
    return build_programme(actor=personas["staff"])


@pytest.fixture
def usd(personas):
    return build_rate(actor=personas["staff"])


@pytest.fixture
def other_staff(personas):
    center = personas["staff"].membership.organization
    return build_member(
        organization=center, role=Role.CENTER_STAFF, email="second-reviewer@test.oipa.cn"
    )
