"""Fixtures for the taxonomy tests (`shared_data` comes from tests/conftest.py)."""

import pytest

from oipa.core.taxonomy.loader import sync_reference_data
from oipa.core.taxonomy.models import NiceClass


@pytest.fixture(autouse=True)
def reference_data(db) -> None:
    """Migration 0002 loads the data; a transactional test elsewhere may have flushed it."""
    if not NiceClass.objects.exists():
        sync_reference_data()
