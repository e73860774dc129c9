"""One index task per write, holding all its utterance ids, instead of one row per id."""

from django.db import migrations, models


def ids_into_lists(apps, schema_editor):
    """Carry every queued id over, so no pending index work is lost."""
    IndexTask = apps.get_model("archive_search", "IndexTask")
    for task in IndexTask.objects.all():
        task.utterance_ids = [task.utterance_id]
        task.save(update_fields=["utterance_ids"])


def lists_into_ids(apps, schema_editor):
    """Split each task back into one row per id."""
    IndexTask = apps.get_model("archive_search", "IndexTask")
    for task in IndexTask.objects.all():
        first, *rest = task.utterance_ids or [0]
        task.utterance_id = first
        task.save(update_fields=["utterance_id"])
        for pk in rest:
            IndexTask.objects.create(utterance_id=pk, utterance_ids=[])


class Migration(migrations.Migration):
    dependencies = [("archive_search", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="indextask",
            name="utterance_ids",
            field=models.JSONField(default=list),
        ),
        migrations.AlterField(
            model_name="indextask",
            name="utterance_id",
            field=models.BigIntegerField(null=True),
        ),
        migrations.RunPython(ids_into_lists, lists_into_ids),
        migrations.RemoveField(model_name="indextask", name="utterance_id"),
    ]
