"""Fixtures for guidance applications."""

import pytest

from oipa.assistance.builders import build_application


@pytest.fixture
def submitted(personas):
    """A submitted application of the Chaoyang enterprise."""
    return build_application(actor=personas["chaoyang"])


@pytest.fixture
def accepted(personas, submitted):
    from oipa.assistance import services

    return services.accept_application(actor=personas["staff"], application=submitted)
