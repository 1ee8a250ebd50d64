"""Canonical form and hash of an audit event.

The hash of an event is `digest(canonical_json(canonical_payload(fields)), algorithm)`. The
canonical JSON has sorted keys, no whitespace, raw UTF-8 (ensure_ascii=False); datetimes are ISO
8601 in UTC with microseconds, foreign ids are strings. Values are normalized the same way when
recording and when verifying, so what the database hands back hashes exactly as what was written
(JSON floats with an integral value become integers, IPv4-mapped IPv6 addresses become IPv4).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import math
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives import hashes
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.ipv6 import clean_ipv6_address

ALGORITHMS = ("sha256", "sm3")

# Every stored field of AuditEvent except `hash` itself.
HASHED_FIELDS = (
    "seq",
    "created_at",
    "actor_id",
    "actor_label",
    "organization_id",
    "organization_label",
    "action",
    "target_type",
    "target_id",
    "target_label",
    "before",
    "after",
    "ip",
    "algorithm",
    "prev_hash",
)


def digest(data: bytes, algorithm: str) -> str:
    """Hex digest of `data` with "sha256" or "sm3" (GM/T 0004); ValueError for anything else."""
    if algorithm == "sha256":
        return hashlib.sha256(data).hexdigest()
    if algorithm == "sm3":
        hasher = hashes.Hash(hashes.SM3())
        hasher.update(data)
        return hasher.finalize().hex()
    raise ValueError(f"unknown audit hash algorithm {algorithm!r}")


def canonical_json(value: Any) -> str:
    """The one JSON text of `value` used for hashing and signing."""
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def to_json_value(value: Any) -> Any:
    """Plain JSON data for a before/after summary (dates, UUIDs, Decimals become strings)."""
    if value is None:
        return None
    return _clean(json.loads(json.dumps(value, cls=DjangoJSONEncoder)))


def normalize_ip(ip: str | None) -> str | None:
    """The address as the database returns it; ValueError when it is not an IP address."""
    if not ip:
        return None
    address = ipaddress.ip_address(ip.strip())
    if address.version == 6:
        return clean_ipv6_address(str(address), unpack_ipv4=True)
    return str(address)


def canonical_payload(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The hashed form of an event given its field values (by attribute name, e.g. `actor_id`)."""
    return {
        "seq": int(fields["seq"]),
        "created_at": _iso_utc(fields["created_at"]),
        "actor_id": _id(fields["actor_id"]),
        "actor_label": fields["actor_label"],
        "organization_id": _id(fields["organization_id"]),
        "organization_label": fields["organization_label"],
        "action": fields["action"],
        "target_type": fields["target_type"],
        "target_id": fields["target_id"],
        "target_label": fields["target_label"],
        "before": _clean(fields["before"]),
        "after": _clean(fields["after"]),
        "ip": normalize_ip(fields["ip"]),
        "algorithm": fields["algorithm"],
        "prev_hash": fields["prev_hash"],
    }


def event_hash(fields: Mapping[str, Any]) -> str:
    """The hash an event with these field values must carry."""
    payload = canonical_json(canonical_payload(fields)).encode("utf-8")
    return digest(payload, fields["algorithm"])


def _iso_utc(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _id(value: Any) -> str | None:
    return None if value is None else str(value)


def _clean(value: Any) -> Any:
    # Databases may hand back 1e20 or 2.0 as integers; make both sides agree on the integer form.
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return int(value) if value.is_integer() else value
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
