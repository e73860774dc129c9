from django.db import migrations, models

# A turn's paragraphs were stored twice: in `text`, joined by blank lines, and again in the
# `paragraphs` JSON beside their interpreter marks. Only the marks are kept now, as the indexes of
# the interpreted paragraphs; the paragraphs are `text` split at its blank lines.
BREAK = "\n\n"
CHUNK = 2000


def in_chunks(rows, fields):
    """Yield the rows a chunk at a time in key order, reading each chunk after the last is saved."""
    last = 0
    while chunk := list(rows.filter(pk__gt=last).order_by("pk").only("pk", *fields)[:CHUNK]):
        yield chunk
        last = chunk[-1].pk


def marks_from_paragraphs(apps, schema_editor):
    """Store each turn's interpreter marks as indexes, and its text as its paragraphs joined."""
    rows = apps.get_model("archive", "Utterance").objects.using(schema_editor.connection.alias)
    for chunk in in_chunks(rows, ["text", "paragraphs"]):
        changed = []
        for row in chunk:
            marks = [i for i, p in enumerate(row.paragraphs) if p.get("interpreted")]
            # An admin may have edited `text` alone; the paragraphs are what the pages showed.
            joined = BREAK.join(" ".join(p.get("text", "").split()) for p in row.paragraphs)
            if marks or joined != row.text:
                row.interpreted_paragraphs, row.text = marks, joined
                changed.append(row)
        rows.bulk_update(changed, ["interpreted_paragraphs", "text"])


def paragraphs_from_marks(apps, schema_editor):
    """Store each turn's paragraphs again as text with its interpreter mark."""
    rows = apps.get_model("archive", "Utterance").objects.using(schema_editor.connection.alias)
    for chunk in in_chunks(rows, ["text", "interpreted_paragraphs"]):
        for row in chunk:
            marks = set(row.interpreted_paragraphs)
            texts = row.text.split(BREAK) if row.text else []
            row.paragraphs = [{"text": t, "interpreted": i in marks} for i, t in enumerate(texts)]
        rows.bulk_update(chunk, ["paragraphs"])


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0007_event_source_text_last"),
    ]

    operations = [
        migrations.AddField(
            model_name="utterance",
            name="interpreted_paragraphs",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Indexes (from 0) of the paragraphs that are the interpreter's words.",
            ),
        ),
        migrations.AlterField(
            model_name="utterance",
            name="text",
            field=models.TextField(
                help_text="The paragraphs, one line each, joined by blank lines."
            ),
        ),
        migrations.RunPython(marks_from_paragraphs, paragraphs_from_marks, elidable=False),
        migrations.RemoveField(model_name="utterance", name="paragraphs"),
    ]
