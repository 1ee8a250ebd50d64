"""Fixtures for guidance applications."""

from __future__ import annotations

import pytest

from oipa.accounts.builders import build_member, build_organization
from oipa.accounts.models import OrgKind, Role
from oipa.assistance.builders import build_application


@pytest.fixture
def submitted(personas):
    """A submitted application of the Chaoyang enterprise."""
    return build_application(actor=personas["chaoyang"])


@pytest.fixture
def accepted(personas, submitted):
    from oipa.assistance import services

    return services.accept_application(actor=personas["staff"], application=submitted)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files land in the test's own directory, never in the working tree."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


@pytest.fixture
def other_staff(personas):
    """A second Center staff member (not the case officer of the fixtures' cases)."""
    center = personas["staff"].membership.organization
    return build_member(
        organization=center, role=Role.CENTER_STAFF, email="other-staff@test.oipa.cn"
    )


@pytest.fixture
def mediation_body(db):
    return build_organization(kind=OrgKind.MEDIATION_BODY, name="北京国际商事调解中心")


@pytest.fixture
def hebei_partner(db):
    """The Hebei partner center (the personas only include Tianjin's)."""
    return build_organization(
        kind=OrgKind.PARTNER_CENTER, name="河北省知识产权保护中心", division_code="130000"
    )


@pytest.fixture
def make_case(personas):
    """make_case(state) → a Chaoyang application brought to `state` through the services
    (staff is the case officer once accepted; the expert persona is assigned in guidance)."""
    from oipa.assistance.builders import build_case_in_state

    def make(state: str, **overrides):
        return build_case_in_state(state, personas=personas, **overrides)

    return make
