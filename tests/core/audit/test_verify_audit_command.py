"""manage.py verify_audit: a summary and exit code 0 when intact, non-zero naming the break."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.utils import translation

from oipa.core.audit.chain import write_checkpoint
from oipa.core.audit.models import AuditEvent


def test_it_reports_an_intact_chain(make_events):
    make_events(4)
    write_checkpoint()
    out = StringIO()
    with translation.override("en"):
        call_command("verify_audit", stdout=out)
    assert "4 events verified against 1 checkpoints" in out.getvalue()


def test_it_fails_naming_the_first_broken_event(make_events):
    make_events(4)
    AuditEvent.objects.filter(seq=2).update(action="accounts.rewritten")
    with translation.override("en"), pytest.raises(CommandError, match="BROKEN at event 2 "):
        call_command("verify_audit")


def test_it_exits_non_zero_from_the_command_line(make_events, capsys):
    make_events(3)
    AuditEvent.objects.filter(seq=3).update(target_label="someone else")
    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(["manage.py", "verify_audit", "--skip-checks"]).execute()
    assert exit_info.value.code != 0
    assert "3" in capsys.readouterr().err


def test_it_exits_zero_from_the_command_line_when_intact(make_events, capsys):
    make_events(3)
    ManagementUtility(["manage.py", "verify_audit", "--skip-checks"]).execute()
    assert "3" in capsys.readouterr().out


def test_it_can_skip_the_checkpoints(make_events, checkpoint_file):
    make_events(1)
    checkpoint_file.parent.mkdir(parents=True)
    checkpoint_file.write_text("garbage\n")
    with pytest.raises(CommandError):
        call_command("verify_audit")
    call_command("verify_audit", "--no-checkpoints", stdout=StringIO())
