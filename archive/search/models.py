"""The durable queue of index work: utterance ids whose index entry must match the database."""

from django.db import models


class IndexTask(models.Model):
    """Utterance ids to reconcile, one row per write: index those that exist, drop the others."""

    utterance_ids = models.JSONField(default=list)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"reindex {len(self.utterance_ids)} utterances"
