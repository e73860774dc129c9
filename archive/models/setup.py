"""What the first `make run` did to this archive, so that no later start does it again."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class SetupStep(models.Model):
    """A first-time step (loading the fixtures, say) done once to this archive, and when."""

    name = models.SlugField(max_length=50, unique=True)
    done = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done", "name"]

    def __str__(self):
        return f"{self.name} ({self.done:%Y-%m-%d %H:%M})"

    def get_absolute_url(self):
        return reverse("archive:home")
