"""Capacity is never exceeded, even when many enterprises register for the last seats at once.

The race needs real concurrent transactions, so it runs on PostgreSQL (DATABASE_URL); on the
embedded SQLite writers are serialized anyway and the test is skipped.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from oipa.core.taxonomy.loader import sync_reference_data
from oipa.training import services
from oipa.training.builders import build_event, build_registration
from oipa.training.models import Event, Registration, RegistrationStatus

from .conftest import make_enterprises

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL"
)
RACERS = 12
SEATS = 5


def _race(calls) -> list:
    """Run the calls in threads released together; each outcome is None or the error."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
        except Exception as exc:  # noqa: BLE001 — the test inspects what each thread got
            outcomes[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_many_simultaneous_registrations_never_overfill_the_event(personas):
    sync_reference_data()
    event = build_event(actor=personas["staff"], capacity=SEATS)
    users = make_enterprises(RACERS)

    outcomes = _race([lambda u=user: build_registration(actor=u, event=event) for user in users])

    assert outcomes == [None] * RACERS
    event.refresh_from_db()
    statuses = list(Registration.objects.filter(event=event).values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == SEATS == event.confirmed_count
    assert statuses.count(RegistrationStatus.WAITLISTED) == RACERS - SEATS


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_cancellations_and_registrations_keep_the_count_exact(personas):
    sync_reference_data()
    event = build_event(actor=personas["staff"], capacity=SEATS)
    users = make_enterprises(RACERS)
    first = [build_registration(actor=u, event=event) for u in users[:8]]  # 5 seats, 3 waiting
    cancels = [
        lambda r=r, u=u: services.cancel_registration(actor=u, registration=r)
        for r, u in zip(first[:4], users[:4], strict=True)
    ]
    joins = [lambda u=u: build_registration(actor=u, event=event) for u in users[8:]]

    outcomes = _race(cancels + joins)

    assert outcomes == [None] * len(outcomes)
    event = Event.objects.get(pk=event.pk)
    confirmed = Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == event.confirmed_count <= event.capacity
    assert event.confirmed_count == SEATS  # 8 still registered, so every seat is taken
