"""Fixtures of the information service: Center staff as editor, search index on commit."""

from __future__ import annotations

import pytest


@pytest.fixture
def editor(personas):
    return personas["staff"]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the on_commit callbacks (index updates, pushes) of the block it wraps."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Guide attachments are written under the test's own directory."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
