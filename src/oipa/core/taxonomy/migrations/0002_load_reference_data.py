"""Load the shipped jurisdictions, Nice classes, IPC entries and industries."""

from django.db import migrations

from oipa.core.taxonomy.loader import MODEL_NAMES, sync_reference_data


def load_reference_data(apps, schema_editor):
    models = {name: apps.get_model("taxonomy", name) for name in MODEL_NAMES}
    sync_reference_data(models=models, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]

    operations = [migrations.RunPython(load_reference_data, migrations.RunPython.noop)]
