"""Checkpoints: signed lines outside the database, written by the beat task and the command."""

from __future__ import annotations

import json
import logging

from django.core.management import call_command

from oipa.core.audit.checkpoints import read_checkpoints, sign, write_checkpoint
from oipa.core.audit.tasks import checkpoint_audit_chain


def test_it_writes_nothing_before_the_first_event(db, checkpoint_file):
    assert write_checkpoint() is None
    assert not checkpoint_file.exists()


def test_it_appends_a_signed_line_for_the_newest_event(make_events, checkpoint_file):
    events = make_events(3)
    checkpoint = write_checkpoint()
    line = json.loads(checkpoint_file.read_text())
    assert line["seq"] == checkpoint.seq == 3
    assert line["hash"] == events[-1].hash
    assert line["algorithm"] == "sha256"
    assert line["sig"] == sign({k: line[k] for k in ("seq", "hash", "algorithm", "at")})


def test_it_creates_the_checkpoint_directory(make_events, settings, tmp_path):
    settings.AUDIT_CHECKPOINT_PATH = tmp_path / "deep" / "er" / "checkpoints.jsonl"
    make_events(1)
    write_checkpoint()
    assert settings.AUDIT_CHECKPOINT_PATH.exists()


def test_it_logs_the_head_as_a_second_copy(make_events, caplog):
    events = make_events(2)
    with caplog.at_level(logging.INFO, logger="oipa.audit.checkpoint"):
        write_checkpoint()
    assert events[-1].hash in caplog.text


def test_the_task_is_idempotent(make_events, checkpoint_file):
    make_events(2)
    assert checkpoint_audit_chain() == 2
    assert checkpoint_audit_chain() is None
    assert len(checkpoint_file.read_text().splitlines()) == 1
    make_events(1)
    assert checkpoint_audit_chain.delay().get() == 3
    assert [c.seq for c in read_checkpoints()] == [2, 3]


def test_it_does_not_record_a_head_older_than_the_last_checkpoint(make_events, checkpoint_file):
    from .tampering import delete_rows, move_head_to_newest

    make_events(3)
    write_checkpoint()
    delete_rows(3)
    move_head_to_newest()
    assert write_checkpoint() is None
    assert [c.seq for c in read_checkpoints()] == [3]


def test_the_command_writes_one_checkpoint(make_events, capsys):
    make_events(2)
    call_command("audit_checkpoint")
    call_command("audit_checkpoint")
    assert [c.seq for c in read_checkpoints()] == [2]
