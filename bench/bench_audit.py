"""Audit trail benchmark: hash-chained appends and full verification against plain baselines.

Usage: python bench/bench_audit.py [N]   (N events, default 20000)

Appends N events through `record_event` (one transaction each, as services do), verifies the
chain, then measures in the same run a plain `bulk_create` of N rows without hashing and a loop
of hashlib.sha256 over the same canonical payloads. Runs on a throwaway SQLite database in a
temporary directory. The last line is one JSON object with the figures.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def configure(workdir: Path) -> None:
    """Point Django at a fresh SQLite database under `workdir` and migrate it quietly."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "oipa.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["OIPA_VAR_DIR"] = str(workdir)
    os.environ["AUDIT_CHECKPOINT_PATH"] = str(workdir / "checkpoints.jsonl")
    os.environ.pop("CELERY_BROKER_URL", None)
    src = Path(__file__).resolve().parents[1] / "src"
    sys.path.insert(0, str(src))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def per_second(n: int, seconds: float) -> float:
    return round(n / seconds, 1) if seconds > 0 else float("inf")


def bench_append(n: int) -> float:
    from django.db import transaction

    from oipa.accounts.models import Membership, Organization, User
    from oipa.core.audit.services import record_event

    center = Organization.objects.create(kind="center", name="维权中心")
    actor = User.objects.create_user("bench@center.cn", "long-password-123")
    Membership.objects.create(user=actor, organization=center, role="center_staff")
    started = time.perf_counter()
    for i in range(n):
        with transaction.atomic():
            record_event(
                actor=actor,
                action="assistance.application_updated",
                target=center,
                before={"status": "submitted", "i": i},
                after={"status": "accepted", "i": i},
                ip="10.0.0.1",
            )
    return time.perf_counter() - started


def bench_verify() -> tuple[float, int]:
    from oipa.core.audit.chain import verify_chain

    started = time.perf_counter()
    result = verify_chain()
    elapsed = time.perf_counter() - started
    if not result.ok:
        raise SystemExit(f"chain does not verify: {result}")
    return elapsed, result.checked


def payloads(n: int) -> list[bytes]:
    from oipa.core.audit.hashing import HASHED_FIELDS, canonical_json, canonical_payload
    from oipa.core.audit.models import AuditEvent

    rows = AuditEvent.objects.order_by("seq").values(*HASHED_FIELDS)[:n]
    return [canonical_json(canonical_payload(row)).encode() for row in rows]


def bench_hash_baseline(data: list[bytes]) -> float:
    started = time.perf_counter()
    for payload in data:
        hashlib.sha256(payload).hexdigest()
    return time.perf_counter() - started


def bench_insert_baseline(n: int) -> float:
    from django.utils import timezone

    from oipa.core.audit.models import AuditEvent

    offset = n + 1
    now = timezone.now()
    rows = [
        AuditEvent(
            seq=offset + i,
            created_at=now,
            actor_label="bench@center.cn",
            action="assistance.application_updated",
            before={"status": "submitted", "i": i},
            after={"status": "accepted", "i": i},
            ip="10.0.0.1",
            algorithm="sha256",
            prev_hash="0" * 64,
            hash="0" * 64,
        )
        for i in range(n)
    ]
    started = time.perf_counter()
    AuditEvent.objects.bulk_create(rows, batch_size=1000)
    return time.perf_counter() - started


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    with tempfile.TemporaryDirectory(prefix="bench-audit-") as tmp:
        configure(Path(tmp))
        append_s = bench_append(n)
        verify_s, checked = bench_verify()
        hash_s = bench_hash_baseline(payloads(n))
        insert_s = bench_insert_baseline(n)
    figures = {
        "n": n,
        "append_per_s": per_second(n, append_s),
        "verify_per_s": per_second(checked, verify_s),
        "baseline_insert_per_s": per_second(n, insert_s),
        "baseline_sha256_per_s": per_second(n, hash_s),
        "ratio": round(per_second(n, append_s) / per_second(n, insert_s), 4),
    }
    print(f"append (record_event, one transaction each): {figures['append_per_s']} events/s")
    print(f"verify (streamed, recompute every hash):      {figures['verify_per_s']} events/s")
    print(
        f"baseline bulk_create without hashing:         {figures['baseline_insert_per_s']} rows/s"
    )
    print(f"baseline hashlib.sha256 over the payloads:    {figures['baseline_sha256_per_s']} /s")
    print(f"ratio append / baseline insert:               {figures['ratio']}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
