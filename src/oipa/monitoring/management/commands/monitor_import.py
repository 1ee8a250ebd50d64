"""`manage.py monitor_import <source> [--file PATH]`: import one source now, as the system."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oipa.monitoring import services
from oipa.monitoring.models import RunStatus, Source


class Command(BaseCommand):
    help = "Import one monitoring source (by short name or id) from its URL or from a file."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the source's short name (slug) or id")
        parser.add_argument("--file", type=Path, help="read this file instead of the source URL")

    def handle(self, *args, source: str, file: Path | None = None, **options):
        found = Source.objects.filter(slug=source).first()
        if found is None and source.isdigit():
            found = Source.objects.filter(pk=int(source)).first()
        if found is None:
            raise CommandError(f"no source {source!r}; known: {self._known()}")
        if file is not None and not file.is_file():
            raise CommandError(f"no such file: {file}")
        run = services.import_source(actor=None, source=found, file=file)
        self.stdout.write(
            f"{found.slug}: {run.status} read={run.read} new={run.new} updated={run.updated} "
            f"unchanged={run.unchanged} skipped={run.skipped} failed={run.failed}"
        )
        for note in run.notes:
            if note["outcome"] == "failed":
                self.stdout.write(f"  {note['position']}: {note['reason']}")
        if run.status == RunStatus.FAILED:
            raise CommandError(run.error)

    def _known(self) -> str:
        return ", ".join(Source.objects.values_list("slug", flat=True)) or "none"
