"""The checkpoint task through a real Celery worker and a real Redis broker."""

import pytest

from oipa.core.audit import tasks  # noqa: F401 (registers the shared task on every app)
from oipa.core.audit.services import record_event


@pytest.mark.django_db(transaction=True)
def test_a_worker_checkpoints_the_chain_once_however_often_it_runs(worker, settings):
    for n in range(3):
        record_event(actor=None, action="tests.worker_event", after={"n": n})
    first = worker.send_task("oipa.core.audit.tasks.checkpoint_audit_chain").get(timeout=20)
    second = worker.send_task("oipa.core.audit.tasks.checkpoint_audit_chain").get(timeout=20)
    assert first == 3
    assert second is None
    lines = settings.AUDIT_CHECKPOINT_PATH.read_text().splitlines()
    assert len(lines) == 1
