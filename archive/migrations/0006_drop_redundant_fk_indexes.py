import django.db.models.deletion
from django.db import migrations, models

# Each of these foreign keys leads a composite index or unique constraint of its table, which
# serves lookups and cascades by that key; its own index only slowed every insert. Dropping the
# index alone keeps the tables and foreign-key constraints as they are (an AlterField would copy
# each SQLite table and re-validate each PostgreSQL constraint).
INDEXES = [
    ("archive_appearance", "event_id", "archive_appearance_event_id_55c79e36"),
    ("archive_appearance", "speaker_id", "archive_appearance_speaker_id_92db1a77"),
    ("archive_speakerlabel", "speaker_id", "archive_speakerlabel_speaker_id_74fc48b9"),
    ("archive_utterance", "event_id", "archive_utterance_event_id_86e63abc"),
    ("archive_utterance", "speaker_id", "archive_utterance_speaker_id_489afd35"),
]


def foreign_key(to, related_name, on_delete=django.db.models.deletion.CASCADE):
    return models.ForeignKey(db_index=False, on_delete=on_delete, related_name=related_name, to=to)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_speaker_surname_key"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    f"DROP INDEX IF EXISTS {name}", f"CREATE INDEX {name} ON {table} ({column})"
                )
                for table, column, name in INDEXES
            ],
            state_operations=[
                migrations.AlterField(
                    model_name="appearance",
                    name="event",
                    field=foreign_key("archive.event", "appearances"),
                ),
                migrations.AlterField(
                    model_name="appearance",
                    name="speaker",
                    field=foreign_key("archive.speaker", "appearances"),
                ),
                migrations.AlterField(
                    model_name="speakerlabel",
                    name="speaker",
                    field=foreign_key("archive.speaker", "labels"),
                ),
                migrations.AlterField(
                    model_name="utterance",
                    name="event",
                    field=foreign_key("archive.event", "utterances"),
                ),
                migrations.AlterField(
                    model_name="utterance",
                    name="speaker",
                    field=foreign_key(
                        "archive.speaker", "utterances", django.db.models.deletion.PROTECT
                    ),
                ),
            ],
        ),
    ]
