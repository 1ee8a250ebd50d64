"""Shared test configuration: fast hashing, personas per role, shared data location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from oipa.accounts.builders import build_personas

pytest_plugins = ["tests.workers"]  # the real-Celery-worker fixture

PERSONA_PASSWORD = "Persona-pass-2026!"
PERSONA_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"


def pytest_configure(config):
    from django.conf import settings

    # Hashing is not under test; PBKDF2 would make every persona cost a tenth of a second.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def personas(db):
    """One user per role (see oipa.accounts.builders.PERSONAS), keyed by email local part:
    admin, staff, auditor, chaoyang, haidian, tianjin, hebei, partner, district, association,
    institution, expert. Center roles have TOTP active, as they must."""
    return build_personas(
        domain="test.oipa.cn", password=PERSONA_PASSWORD, totp_secret=PERSONA_TOTP_SECRET
    )


@pytest.fixture(autouse=True)
def _audit_checkpoints_in_tmp(settings, tmp_path):
    settings.AUDIT_CHECKPOINT_PATH = tmp_path / "audit" / "checkpoints.jsonl"


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Rate limits, used TOTP codes and cached calendar years must not leak between tests."""
    from django.core.cache import cache

    from oipa.core.calendar.working_days import clear_cache

    cache.clear()
    clear_cache()
    yield
    cache.clear()
    clear_cache()


def shared_data_dir() -> Path | None:
    """The read-only real sample data next to the repository, or None where it is absent."""
    path = Path(
        os.environ.get(
            "OIPA_SHARED_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"
        )
    )
    return path if path.is_dir() else None


@pytest.fixture
def shared_data() -> Path:
    path = shared_data_dir()
    if path is None:
        pytest.skip("../shared/data is not present on this machine")
    return path
