"""The durable queue of index work: utterance ids whose index entry must match the database."""

from django.db import models


class IndexTask(models.Model):
    """One utterance id to reconcile: index it if it exists, remove it from the index if not."""

    utterance_id = models.BigIntegerField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"reindex utterance {self.utterance_id}"
