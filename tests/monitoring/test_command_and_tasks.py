"""`manage.py monitor_import` and the scheduled tasks."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from oipa.monitoring import tasks
from oipa.monitoring.importers import runner
from oipa.monitoring.models import Dispute, ImportRun, RunStatus, SourceKind

ITC = b"inv_no,title,respondents\n337-TA-1401,Certain Earbuds,Shenzhen Soundwave Co. Ltd.\n"


def test_the_command_imports_a_file_and_prints_the_counts(make_source, tmp_path, capsys):
    make_source(SourceKind.ITC337, "itc")
    path = tmp_path / "itc.csv"
    path.write_bytes(ITC + b"TA-1,bad,x\n")
    call_command("monitor_import", "itc", "--file", str(path))
    out = capsys.readouterr().out
    assert "itc: partial read=2 new=1" in out
    assert "row 3:" in out
    assert Dispute.objects.count() == 1


def test_the_command_names_the_known_sources_when_one_is_missing(make_source):
    make_source(SourceKind.ITC337, "itc")
    with pytest.raises(CommandError, match="known: itc"):
        call_command("monitor_import", "nope")


def test_the_command_fails_when_the_source_cannot_be_read(make_source, tmp_path):
    make_source(SourceKind.ITC337, "itc")
    path = tmp_path / "itc.json"
    path.write_bytes(b"{not json")
    with pytest.raises(CommandError, match="JSON"):
        call_command("monitor_import", "itc", "--file", str(path))


class TestRunDueSources:
    @pytest.fixture
    def fetched(self, monkeypatch):
        calls = []

        def fetch(source, *, transport=None):
            calls.append(source.slug)
            return ITC

        monkeypatch.setattr(runner, "fetch_data", fetch)
        return calls

    def test_it_imports_sources_never_run_and_those_whose_time_has_come(self, make_source, fetched):
        due = make_source(SourceKind.ITC337, "itc", url="https://example.org/337.csv")
        recent = make_source(SourceKind.ITC337, "itc-recent", url="https://example.org/r.csv")
        make_source(SourceKind.SPREADSHEET, "uploads")  # no URL: never scheduled
        make_source(SourceKind.ITC337, "off", url="https://example.org/o.csv", enabled=False)
        recent.last_run = ImportRun.objects.create(source=recent, started_at=timezone.now())
        recent.save()
        assert tasks.run_due_sources() == [due.pk]
        assert fetched == ["itc"]

    def test_a_source_is_due_again_after_its_schedule(self, make_source, fetched):
        source = make_source(SourceKind.ITC337, "itc", url="https://example.org/337.csv")
        tasks.run_due_sources()
        assert tasks.run_due_sources() == []
        ImportRun.objects.update(started_at=timezone.now() - timedelta(minutes=61))
        assert tasks.run_due_sources() == [source.pk]
        assert source.runs.count() == 2

    def test_a_source_being_imported_is_not_imported_twice(self, make_source, fetched):
        source = make_source(SourceKind.ITC337, "itc", url="https://example.org/337.csv")
        ImportRun.objects.create(source=source, status=RunStatus.RUNNING)
        assert tasks.import_source(source.pk) is None
        assert fetched == []
