"""PostgreSQL: a title-only tsvector with its own GIN index.

Title matches are ranked first. Asking the combined vector for title-weighted lexemes makes the
GIN index return every body match for a recheck; a title vector answers exactly.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE knowledge_searchentry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS ("
    "to_tsvector('simple'::regconfig, coalesce(title_tokens, ''))) STORED",
    "CREATE INDEX knowledge_search_title_gin ON knowledge_searchentry USING GIN (title_vector)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS knowledge_search_title_gin",
    "ALTER TABLE knowledge_searchentry DROP COLUMN IF EXISTS title_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_load_country_profiles")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
