"""Fixtures for demand leads."""

from __future__ import annotations

import pytest

from oipa.accounts.builders import build_member, build_organization
from oipa.accounts.models import OrgKind, Role
from oipa.leads.builders import build_lead


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English (the Chinese catalog changes the default text)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def haidian_officer(db):
    """An officer of the Haidian district office (the personas only include Chaoyang's)."""
    office = build_organization(
        kind=OrgKind.DISTRICT_OFFICE,
        name="北京市海淀区知识产权局",
        name_en="Haidian District IP Office",
        division_code="110108",
    )
    return build_member(
        organization=office,
        role=Role.DISTRICT_OFFICER,
        email="haidian-officer@test.oipa.cn",
        full_name="海淀区局",
    )


@pytest.fixture
def lead(personas):
    """A new lead of the Chaoyang office about an enterprise not registered on the platform."""
    return build_lead(actor=personas["district"])


@pytest.fixture
def registered_lead(personas):
    """A new lead of the Chaoyang office about the registered Chaoyang enterprise."""
    return build_lead(
        actor=personas["district"],
        enterprise_name="",
        uscc=personas["chaoyang"].organization.uscc,
        contact_email="",
    )
