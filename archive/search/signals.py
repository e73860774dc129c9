"""Single-row saves and deletes (the admin, the shell) go through the same queue as imports."""

from django.core.signals import setting_changed
from django.db.models.signals import post_delete, post_save, pre_save

from archive.models import Event, Speaker, SpeakerLabel, Utterance
from archive.search import queue


def utterance_saved(sender, instance, raw=False, **kwargs):
    """Queue a saved utterance; fixtures being loaded (raw) are indexed by rebuild_index."""
    if not raw:
        queue.schedule_index([instance.pk])


def utterance_deleted(sender, instance, **kwargs):
    """Queue a deleted utterance, unless the code deleting many queues them all at once."""
    # An event's delete sends this for each of its hundreds of turns; one task row suffices.
    if queue.queues_per_row():
        queue.schedule_unindex([instance.pk])


# The fields of events and speakers that their utterances' documents contain.
INDEXED_FIELDS = {Event: ("title", "slug", "date", "kind"), Speaker: ("name", "slug", "country")}


def remember_indexed_fields(sender, instance, raw=False, **kwargs):
    """Note the stored values, so a save that changes nothing indexed costs no reindexing."""
    if not raw and instance.pk:
        fields = INDEXED_FIELDS[sender]
        instance._indexed_before = sender.objects.filter(pk=instance.pk).values(*fields).first()


def parent_saved(sender, instance, raw=False, created=False, **kwargs):
    """Queue the utterances of an event or speaker whose indexed fields changed."""
    before = getattr(instance, "_indexed_before", None)
    if raw or created or before is None:
        return
    if any(before[field] != getattr(instance, field) for field in INDEXED_FIELDS[sender]):
        key = "event_id" if sender is Event else "speaker_id"
        utterances = Utterance.objects.filter(**{key: instance.pk})
        queue.schedule_index(utterances.values_list("pk", flat=True))


def label_changed(sender, instance, raw=False, **kwargs):
    """A speaker's labels are in their utterances' documents."""
    if not raw:
        utterances = Utterance.objects.filter(speaker_id=instance.speaker_id)
        queue.schedule_index(utterances.values_list("pk", flat=True))


def search_settings_changed(setting, value, **kwargs):
    """Let tests that override HAYSTACK_CONNECTIONS reach haystack, which reads it only once."""
    if setting == "HAYSTACK_CONNECTIONS":
        from haystack import connections

        connections.connections_info = value
        connections.thread_local.connections = {}


def connect():
    """Connect the receivers; called once from the app's ready()."""
    uid = "archive.search"
    post_save.connect(utterance_saved, sender=Utterance, dispatch_uid=f"{uid}.u_save")
    post_delete.connect(utterance_deleted, sender=Utterance, dispatch_uid=f"{uid}.u_delete")
    for model in INDEXED_FIELDS:
        name = model._meta.model_name
        pre_save.connect(remember_indexed_fields, sender=model, dispatch_uid=f"{uid}.{name}_pre")
        post_save.connect(parent_saved, sender=model, dispatch_uid=f"{uid}.{name}_save")
    post_save.connect(label_changed, sender=SpeakerLabel, dispatch_uid=f"{uid}.l_save")
    post_delete.connect(label_changed, sender=SpeakerLabel, dispatch_uid=f"{uid}.l_delete")
    setting_changed.connect(search_settings_changed, dispatch_uid=f"{uid}.settings")
