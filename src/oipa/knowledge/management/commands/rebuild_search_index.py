"""`manage.py rebuild_search_index`: replace the search index with every public document."""

from django.core.management.base import BaseCommand

from oipa.knowledge.tasks import rebuild_search_index


class Command(BaseCommand):
    help = "Rebuild the full-text search index from the published content and the directory."

    def handle(self, *args, **options) -> None:
        count = rebuild_search_index()
        self.stdout.write(f"indexed {count} documents")
