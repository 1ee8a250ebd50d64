"""Personas and helpers for the audit trail tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from oipa.accounts.models import Membership, Organization, User
from oipa.core.audit.models import AuditEvent
from oipa.core.audit.services import record_event

PASSWORD = "long-password-123"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DP"
USCC = "91110000600037341L"


@pytest.fixture(autouse=True)
def checkpoint_file(settings, tmp_path) -> Path:
    """Every test writes its checkpoints to its own temporary file."""
    path = tmp_path / "audit" / "checkpoints.jsonl"
    settings.AUDIT_CHECKPOINT_PATH = path
    return path


@pytest.fixture
def center(db) -> Organization:
    return Organization.objects.create(kind="center", name="维权中心")


@pytest.fixture
def enterprise(db) -> Organization:
    return Organization.objects.create(kind="enterprise", name="北京星河科技有限公司", uscc=USCC)


def _member(email: str, organization: Organization, role: str, *, mfa: bool = False) -> User:
    user = User.objects.create_user(email, PASSWORD)
    Membership.objects.create(user=user, organization=organization, role=role)
    if mfa:
        # Center roles must have TOTP on, or the MFA middleware sends them to set it up.
        TOTP.activate(user, TOTP_SECRET)
    return user


@pytest.fixture
def auditor(center) -> User:
    return _member("auditor@center.cn", center, "auditor", mfa=True)


@pytest.fixture
def center_admin(center) -> User:
    return _member("admin@center.cn", center, "center_admin", mfa=True)


@pytest.fixture
def center_staff(center) -> User:
    return _member("staff@center.cn", center, "center_staff", mfa=True)


@pytest.fixture
def enterprise_admin(enterprise) -> User:
    return _member("boss@xinghe.cn", enterprise, "enterprise_admin")


@pytest.fixture
def make_events(center_staff, enterprise) -> Callable[[int], list[AuditEvent]]:
    """Record `n` events by Center staff about the enterprise, numbered in their `after`."""

    def make(n: int, *, action: str = "accounts.enterprise_updated") -> list[AuditEvent]:
        return [
            record_event(
                actor=center_staff,
                action=action,
                target=enterprise,
                before={"n": i - 1},
                after={"n": i, "name": "北京星河科技有限公司"},
                ip="10.1.2.3",
            )
            for i in range(1, n + 1)
        ]

    return make
