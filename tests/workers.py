"""A real Celery worker (in a thread) on the real Redis broker, for tests where tasks matter."""

from __future__ import annotations

import os

import pytest

from oipa.celery import app

BROKER = os.environ.get("OIPA_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_or_skip() -> None:
    """Skip without Redis, or fail when CI says the service must be there."""
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
