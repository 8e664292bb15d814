"""Search: a GIN index on PostgreSQL, an FTS5 table on SQLite.

Existing articles enter the index with `python manage.py rebuild_search_index`.
"""

import django.contrib.postgres.search
from django.db import migrations, models

FORWARDS = {
    "postgresql": [
        "CREATE INDEX article_search_vector ON articles_article "
        "USING gin (search_vector)",
    ],
    "sqlite": [
        "CREATE VIRTUAL TABLE articles_search USING fts5("
        "headline, standfirst, body, tokenize='porter unicode61 remove_diacritics 2')",
    ],
}
BACKWARDS = {
    "postgresql": ["DROP INDEX IF EXISTS article_search_vector"],
    "sqlite": ["DROP TABLE IF EXISTS articles_search"],
}


def _run(statements):
    def run(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_desk_roles"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_text",
            field=models.TextField(
                blank=True, editable=False, verbose_name="body text"
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True
            ),
        ),
        migrations.RunPython(_run(FORWARDS), _run(BACKWARDS)),
    ]
