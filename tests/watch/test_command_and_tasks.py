"""`manage.py watch_import` and the scheduled tasks."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from oipa.core.models import TaskRun
from oipa.watch import tasks
from oipa.watch.builders import gazette_xml
from oipa.watch.models import Hit, Publication

from .helpers import GAZETTE, watch_demo_marks

pytestmark = pytest.mark.django_db


def test_the_command_imports_a_file_and_reports_its_counts(personas, tmp_path):
    watch_demo_marks(personas)
    path = tmp_path / "apc261020.xml"
    path.write_bytes(gazette_xml(GAZETTE))
    out = StringIO()
    call_command("watch_import", str(path), stdout=out)
    assert "read=4 new=4" in out.getvalue()
    assert Publication.objects.count() == 4


def test_the_command_refuses_an_unknown_target(tmp_path):
    with pytest.raises(CommandError):
        call_command("watch_import", str(tmp_path / "missing.xml"))
    with pytest.raises(CommandError):
        call_command("watch_import", "uspto-daily")  # no URL configured


def test_the_pending_task_matches_what_a_lost_task_left(personas, tmp_path):
    watch_demo_marks(personas)
    path = tmp_path / "apc.xml"
    path.write_bytes(gazette_xml(GAZETTE))
    call_command("watch_import", str(path), stdout=StringIO())  # on_commit not run in tests
    assert not Hit.objects.exists()
    assert tasks.match_pending() == 2
    assert tasks.match_pending() == 0
    assert TaskRun.objects.filter(task="watch.match_pending").count() == 2


def test_the_daily_url_is_filled_from_the_setting(settings):
    from datetime import date

    settings.WATCH_USPTO_DAILY_URL = "https://example.test/apc{date:%y%m%d}.zip"
    assert tasks.daily_url(date(2026, 10, 20)) == "https://example.test/apc261020.zip"
