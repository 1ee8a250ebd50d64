"""`manage.py load_taxonomy`: sync the taxonomy tables with the shipped reference data."""

from django.core.management.base import BaseCommand

from oipa.core.taxonomy.loader import sync_reference_data


class Command(BaseCommand):
    help = "Insert or update jurisdictions, Nice classes, IPC entries and industries."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--database", default="default", help="Database alias to load into.")

    def handle(self, *args, **options) -> None:
        counts = sync_reference_data(using=options["database"])
        for key, value in counts.items():
            self.stdout.write(f"{key}: {value}")
