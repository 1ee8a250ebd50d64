"""Concurrent writers on PostgreSQL append one after the other: the chain never forks."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from oipa.core.audit.chain import verify_chain
from oipa.core.audit.models import AuditEvent
from oipa.core.audit.services import record_event

WRITERS = 6
EVENTS_EACH = 15


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_produce_one_unbroken_chain():
    if connection.vendor != "postgresql":
        pytest.skip("row locks serialize writers on PostgreSQL; SQLite is single-writer")
    start = threading.Barrier(WRITERS)
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        try:
            start.wait()
            for i in range(EVENTS_EACH):
                with transaction.atomic():
                    record_event(
                        actor=None, action="core.concurrency_probe", after={"w": writer, "i": i}
                    )
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    total = WRITERS * EVENTS_EACH
    assert list(AuditEvent.objects.values_list("seq", flat=True)) == list(range(1, total + 1))
    result = verify_chain()
    assert (result.ok, result.checked) == (True, total)
