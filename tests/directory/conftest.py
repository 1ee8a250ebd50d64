"""Fixtures of the directory: the persona institution's listing, another firm's, a body."""

from __future__ import annotations

import pytest
from django.utils import translation

from oipa.accounts.builders import make_uscc
from oipa.directory.builders import build_institution, build_mediation_body


@pytest.fixture(autouse=True)
def _english():
    """Labels and messages are read in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def own(personas):
    """The listing linked to the `institution` persona's organization."""
    return build_institution(
        actor=personas["staff"],
        organization=personas["institution"].organization,
        name_zh="北京华夏涉外知识产权代理有限公司",
        name_en="Huaxia Foreign-related IP Agency (Beijing)",
        kind="patent_agency",
        uscc=personas["institution"].organization.uscc,
        countries=("US", "JP"),
        services=("filing", "opposition"),
        languages=("zh", "en", "ja"),
    )


@pytest.fixture
def other(personas):
    """Another firm's listing, linked to no platform organization."""
    return build_institution(
        actor=personas["staff"],
        name_zh="北京德衡国际知识产权律师事务所",
        name_en="Deheng International IP Law Firm",
        uscc=make_uscc("110108", "MA0DH0002", prefix="31"),
        countries=("DE", "EU"),
        services=("litigation", "customs"),
        languages=("zh", "de"),
        partners=(("Hoffmann Eitle", "DE"),),
    )


@pytest.fixture
def body(personas):
    return build_mediation_body(actor=personas["staff"])
