from django.db import migrations

# PostgreSQL compresses long values with pglz by default, which took ~1 ms of an import's event
# insert for its ~26 KB source; lz4 (PostgreSQL 14 and later, when built with it) compresses
# and decompresses several times faster, at a slightly lower ratio. Values already stored keep
# their compression until rewritten. Other databases have no such setting.
COLUMNS = [("archive_event", "source_text"), ("archive_utterance", "text")]


def has_lz4(connection) -> bool:
    """Return whether the PostgreSQL server can compress column values with lz4."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_settings "
            "WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)"
        )
        return cursor.fetchone() is not None


def compression(method: str):
    """Return a migration function that sets the long columns' compression on PostgreSQL."""

    def set_compression(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql" or not has_lz4(connection):
            return
        for table, column in COLUMNS:
            schema_editor.execute(
                f"ALTER TABLE {schema_editor.quote_name(table)} ALTER COLUMN "
                f"{schema_editor.quote_name(column)} SET COMPRESSION {method}"
            )

    return set_compression


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0008_utterance_interpreted_paragraphs"),
    ]

    operations = [
        migrations.RunPython(compression("lz4"), compression("default"), elidable=False),
    ]
