"""Load the shipped, published country profiles and their deadline facts."""

from django.db import migrations

from oipa.knowledge.content.loader import load_country_profiles


def load(apps, schema_editor):
    names = ("CountryProfile", "DeadlineFact", "ContentVersion")
    models = {name: apps.get_model("knowledge", name) for name in names}
    models["Jurisdiction"] = apps.get_model("taxonomy", "Jurisdiction")
    load_country_profiles(models=models, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_search_engine")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
