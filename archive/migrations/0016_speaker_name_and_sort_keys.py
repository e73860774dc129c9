"""Speakers' folded name (the name box) and sort key (the A–Z by family name), filled for all."""

from django.db import migrations, models

from archive.speaker_names import fold, sort_key

BATCH = 1000


def fill_keys(apps, schema_editor):
    """Give registry people's speakers the person's sort name if they had none, then the keys."""
    Speaker = apps.get_model("archive", "Speaker")
    batch = []
    speakers = Speaker.objects.select_related("person").only(
        "pk", "name", "sort_name", "person__sort_name"
    )
    for speaker in speakers.order_by("pk").iterator(chunk_size=BATCH):
        if not speaker.sort_name and speaker.person is not None:
            speaker.sort_name = speaker.person.sort_name
        speaker.name_key = fold(speaker.name)[:200]
        speaker.sort_key = sort_key(speaker.sort_name or speaker.name)[:200]
        batch.append(speaker)
        if len(batch) == BATCH:
            Speaker.objects.bulk_update(batch, ["sort_name", "name_key", "sort_key"])
            batch = []
    Speaker.objects.bulk_update(batch, ["sort_name", "name_key", "sort_key"])


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0015_source_files_for_pdfs'),
        ('registry', '0001_people_registry'),
    ]

    operations = [
        migrations.AddField(
            model_name='speaker',
            name='name_key',
            field=models.CharField(blank=True, editable=False, help_text='The name folded (lower case, no accents or punctuation), for the name box.', max_length=200),
        ),
        migrations.AddField(
            model_name='speaker',
            name='sort_key',
            field=models.CharField(blank=True, editable=False, help_text="The sort name (else the name) folded: the A–Z's order and initial.", max_length=200),
        ),
        migrations.AddIndex(
            model_name='speaker',
            index=models.Index(fields=['sort_key'], name='speaker_sort_key_idx'),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
