from django.db import migrations, models

# SQLite stores a row's columns in order, and a long value overflows into a chain of pages, so
# reading any column after an event's source walks the whole chain: at 130 kB a source, the
# events of a search page cost ~1.7 ms of page reads for columns no page shows. The source goes
# last, in the migration state too, so that later table rebuilds keep it there. PostgreSQL keeps
# long values out of line (TOAST), where column order costs nothing.
SOURCE_TEXT = models.TextField(help_text="The transcript exactly as uploaded, to read again.")


def rebuild_with_source_last(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    # The rebuild Django's SQLite backend runs for its own table changes, in the field order of
    # the migration state, where the source is now last.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = 'archive_event'")
        counter = cursor.fetchone()
    schema_editor._remake_table(apps.get_model("archive", "Event"))
    if counter:
        # The copy restarts AUTOINCREMENT at the highest id left; ids of deleted events, which
        # old links and search documents may still name, must not be given out again.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = 'archive_event'",
                [counter[0]],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0006_drop_redundant_fk_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="event", name="source_text"),
                migrations.AddField(model_name="event", name="source_text", field=SOURCE_TEXT),
            ],
        ),
        migrations.RunPython(rebuild_with_source_last, migrations.RunPython.noop, elidable=True),
    ]
