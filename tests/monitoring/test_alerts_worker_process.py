"""The alert task in a separate Celery worker *process* on the real Redis broker (PostgreSQL
only: the worker must reach the test database over the network)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

from oipa.core.notifications.models import Notification
from oipa.monitoring.models_alerts import Alert
from tests.workers import BROKER, redis_or_skip

from .test_alerts_worker import confident_match

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker_process():
    if connection.vendor != "postgresql":
        pytest.skip("the worker process needs a database it can reach: PostgreSQL")
    redis_or_skip()
    queue = f"oipa-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        "EMAIL_URL": "console:",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "oipa",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-l",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        yield queue
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.mark.django_db(transaction=True)
def test_a_worker_process_alerts_once_however_often_the_task_runs(worker_process, personas):
    from celery import Celery

    run = confident_match(personas["chaoyang"].organization)
    sender = Celery("oipa-sender", broker=BROKER, backend=BROKER)
    results = [
        sender.send_task(
            "oipa.monitoring.tasks_alerts.alert_run", args=[run.pk], queue=worker_process
        )
        for _ in range(2)
    ]
    assert sorted(r.get(timeout=60) for r in results) == [0, 1]
    assert Alert.objects.count() == 1
    assert Notification.objects.filter(recipient=personas["chaoyang"]).count() == 1
