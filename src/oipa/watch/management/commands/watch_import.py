"""`manage.py watch_import <file or source>`: import a trademark gazette now, as the system.

A path imports that file (.xml/.zip: USPTO daily XML; .csv/.xlsx: the gazette template; or
`--format`); the source `uspto-daily` fetches the USPTO daily applications file of `--date`
(default yesterday) from `WATCH_USPTO_DAILY_URL`.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oipa.watch import services, tasks
from oipa.watch.importers import FORMATS
from oipa.watch.models import ImportRun, Office, RunStatus

SOURCES = ("uspto-daily",)
SUFFIX_FORMATS = {
    ".xml": "uspto_xml",
    ".zip": "uspto_xml",
    ".csv": "spreadsheet",
    ".xlsx": "spreadsheet",
}


class Command(BaseCommand):
    help = "Import a trademark gazette file, or the USPTO daily file (source uspto-daily)."

    def add_arguments(self, parser):
        parser.add_argument("target", help="a file path, or the source uspto-daily")
        parser.add_argument("--format", choices=sorted(FORMATS), help="the file's format")
        parser.add_argument("--office", choices=Office.values, default=Office.USPTO)
        parser.add_argument("--date", help="uspto-daily: the file's day, YYYY-MM-DD")

    def handle(self, *args, target: str, **options):
        if target in SOURCES:
            run_id = tasks.import_uspto_daily(options.get("date"))
            if run_id is None:
                raise CommandError("WATCH_USPTO_DAILY_URL is not set")
            run = ImportRun.objects.get(pk=run_id)
        else:
            path = Path(target)
            if not path.is_file():
                raise CommandError(
                    f"no such file or source: {target} (sources: {', '.join(SOURCES)})"
                )
            source = options.get("format") or SUFFIX_FORMATS.get(path.suffix.lower())
            if source is None:
                raise CommandError("cannot tell the format from the file name; use --format")
            run = services.import_gazette(
                actor=None, source=source, file=path, office=options["office"]
            )
        run.refresh_from_db()
        self.stdout.write(
            f"{run.get_office_display()}: {run.status} read={run.read} new={run.new} "
            f"updated={run.updated} unchanged={run.unchanged} malformed={run.failed} "
            f"hits={run.hits} warnings={run.warnings}"
        )
        for note in run.notes:
            self.stdout.write(f"  {note['position']}: {note['reason']}")
        if run.status == RunStatus.FAILED:
            raise CommandError(run.error)
