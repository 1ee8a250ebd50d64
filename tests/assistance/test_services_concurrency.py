"""Two people acting on one case at once: only one wins, the other gets a clear error."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from oipa.assistance import services
from oipa.assistance.builders import build_application
from oipa.assistance.models import Application
from oipa.assistance.services._common import transition
from oipa.assistance.workflow import Action, Status
from oipa.core.audit.models import AuditEvent
from oipa.core.taxonomy.models import Jurisdiction

LOSING_CODES = {"stale", "invalid_transition"}
DECISIONS = ["assistance.application_accepted", "assistance.application_declined"]


@pytest.mark.django_db
def test_the_second_of_two_staff_deciding_on_a_stale_page_is_refused(
    personas, submitted, other_staff
):
    first_view = Application.objects.get(pk=submitted.pk)
    second_view = Application.objects.get(pk=submitted.pk)

    services.accept_application(actor=personas["staff"], application=first_view)
    with pytest.raises(ValidationError) as info:
        services.decline_application(actor=other_staff, application=second_view, reason="r")

    assert info.value.code in LOSING_CODES
    submitted.refresh_from_db()
    assert submitted.status == Status.ACCEPTED
    assert AuditEvent.objects.filter(action__in=DECISIONS).count() == 1


@pytest.mark.django_db
def test_the_conditional_update_refuses_a_state_read_before_someone_else_changed_it(
    personas, submitted
):
    stale = Application.objects.get(pk=submitted.pk)
    services.accept_application(actor=personas["staff"], application=submitted)

    with pytest.raises(ValidationError) as info:
        transition(
            stale,
            Action.DECLINE,
            actor=personas["staff"],
            audit_action="assistance.application_declined",
        )

    assert info.value.code == "stale"


def _race(calls):
    """Run the calls in threads released together; the outcome of each (None or the error)."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

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


@pytest.fixture
def us():
    """The US jurisdiction (a transactional test may run after another flushed the reference
    data the migrations loaded)."""
    jurisdiction, _created = Jurisdiction.objects.get_or_create(
        code="US", defaults={"kind": "country", "title_en": "United States"}
    )
    return [jurisdiction]


postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_staff_deciding_at_once_on_postgresql_cannot_both_win(personas, other_staff, us):
    application = build_application(actor=personas["chaoyang"], jurisdictions=us)
    outcomes = _race(
        [
            lambda: services.accept_application(actor=personas["staff"], application=application),
            lambda: services.decline_application(
                actor=other_staff, application=application, reason="r"
            ),
        ]
    )

    losers = [o for o in outcomes if o is not None]
    assert len(losers) == 1, outcomes
    assert isinstance(losers[0], ValidationError) and losers[0].code in LOSING_CODES
    assert AuditEvent.objects.filter(action__in=DECISIONS).count() == 1


@postgres_only
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_on_postgresql_get_distinct_numbers(personas, us):
    drafts = [
        build_application(actor=personas[name], submit=False, jurisdictions=us)
        for name in ["chaoyang", "haidian"]
    ]
    outcomes = _race(
        [
            lambda d=draft, n=name: services.submit_application(actor=personas[n], application=d)
            for draft, name in zip(drafts, ["chaoyang", "haidian"], strict=True)
        ]
    )

    assert outcomes == [None, None]
    numbers = set(Application.objects.values_list("number", flat=True))
    year = timezone.localdate().year
    assert numbers == {f"京海援〔{year}〕0001号", f"京海援〔{year}〕0002号"}
