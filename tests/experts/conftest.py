"""Fixtures for the expert pool: a small pool around the persona `expert`, and cases."""

from __future__ import annotations

import pytest

from oipa.assistance.builders import build_application
from oipa.experts import services
from oipa.experts.builders import build_expert, patent_expert_fields


@pytest.fixture
def staff(personas):
    return personas["staff"]


@pytest.fixture
def expert_profile(personas, staff):
    """The persona `expert` (钱专家) as a US wireless-patent litigator."""
    return services.create_expert_profile(
        actor=staff,
        user=personas["expert"],
        category="ip_attorney",
        **patent_expert_fields(),
    )


@pytest.fixture
def make_expert(staff):
    """make_expert(local, name, **fields) → an active expert profile created by staff."""

    def make(local: str, full_name: str, **fields):
        return build_expert(
            actor=staff, email=f"{local}@experts.test.oipa.cn", full_name=full_name, **fields
        )

    return make


@pytest.fixture
def case(personas, staff):
    """An accepted US patent case of the Chaoyang enterprise (H04W, counterparty Acme Audio)."""
    from oipa.assistance import services as assistance

    application = build_application(actor=personas["chaoyang"])
    return assistance.accept_application(actor=staff, application=application)


@pytest.fixture
def make_case(personas, staff):
    """make_case(**draft overrides) → an accepted case of the Chaoyang enterprise."""
    from oipa.assistance import services as assistance

    def make(**overrides):
        application = build_application(actor=personas["chaoyang"], **overrides)
        return assistance.accept_application(actor=staff, application=application)

    return make


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded opinions land in the test's own directory, never in the working tree."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
