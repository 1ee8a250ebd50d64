"""The checkpoint task through a real Celery worker and a real Redis broker."""

import os

import pytest

from oipa.celery import app
from oipa.core.audit import tasks  # noqa: F401 (registers the shared task on every app)
from oipa.core.audit.services import record_event

BROKER = os.environ.get("OIPA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_or_skip():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("OIPA_REQUIRE_SERVICES"):
            pytest.fail(f"Redis is required at {BROKER}")
        pytest.skip(f"no Redis at {BROKER}")


@pytest.fixture
def worker():
    """A Celery app of its own on the real broker (shared tasks register on every app), so the
    project's eager in-process app is left untouched."""
    redis_or_skip()
    from celery import Celery
    from celery.contrib.testing.worker import start_worker

    worker_app = Celery("oipa-worker-test", broker=BROKER, backend=BROKER)
    worker_app.conf.update(task_always_eager=False, timezone=app.conf.timezone)
    try:
        with start_worker(worker_app, perform_ping_check=False, pool="solo", shutdown_timeout=10):
            yield worker_app
    finally:
        # start_worker makes its app the current one; shared tasks would then be sent to Redis
        # instead of running in-process for every later test.
        app.set_current()
        app.set_default()


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
