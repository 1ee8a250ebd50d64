import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Tests assert English text (the Chinese catalog changes the default)."""
    with translation.override("en"):
        yield
