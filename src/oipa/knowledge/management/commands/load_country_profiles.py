"""`manage.py load_country_profiles`: add the shipped profiles that are missing, then reindex."""

from django.core.management.base import BaseCommand

from oipa.knowledge.content.loader import load_country_profiles
from oipa.knowledge.search.index import update_documents


class Command(BaseCommand):
    help = "Create the shipped, published country profiles that are missing (never overwrites)."

    def handle(self, *args, **options) -> None:
        from oipa.knowledge.models import CountryProfile

        created = load_country_profiles()
        keys = CountryProfile.objects.values_list("code", flat=True)
        update_documents("profile", [str(key) for key in keys])
        self.stdout.write(f"created {created} profiles")
