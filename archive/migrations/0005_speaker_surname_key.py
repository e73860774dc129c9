"""Each speaker's folded surname, so an import loads only the speakers who could match."""

from django.db import migrations, models

from archive.speaker_names import surname


def fill_surname_keys(apps, schema_editor):
    """Derive the key of every existing speaker from its name."""
    Speaker = apps.get_model("archive", "Speaker")
    speakers = list(Speaker.objects.only("name"))
    for speaker in speakers:
        speaker.surname_key = surname(speaker.name)
    Speaker.objects.bulk_update(speakers, ["surname_key"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0004_event_reading_metadata'),
    ]

    operations = [
        migrations.AddField(
            model_name='speaker',
            name='surname_key',
            field=models.CharField(blank=True, editable=False, help_text="The name's last word folded, so matching loads only speakers who could agree.", max_length=100),
        ),
        migrations.AddIndex(
            model_name='speaker',
            index=models.Index(fields=['surname_key'], name='speaker_surname_key_idx'),
        ),
        migrations.RunPython(fill_surname_keys, migrations.RunPython.noop),
    ]
