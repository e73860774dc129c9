"""Set the archive up: migrate every time; load the registry, the fixtures and the index once."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from haystack.query import SearchQuerySet

from archive.models import Event, SetupStep, Speaker, Utterance
from archive.search.engines import IndexOutdated

FIXTURES = [settings.BASE_DIR / "fixtures" / "corpus.json"]


class Command(BaseCommand):
    help = (
        "Migrate, then set up a new archive once: the fixtures go only into an empty archive, "
        "and the search index is built when it is empty. An existing archive is never overwritten."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        call_command("migrate", interactive=False, verbosity=self.verbosity)
        # The first-time steps, in order; each runs once in an archive's life, recorded in its
        # database, so nothing a start did is done again over what an admin has changed since.
        steps = [("people-registry", self.load_registry), ("fixtures", self.load_fixtures)]
        for name, step in steps:
            with transaction.atomic():
                if SetupStep.objects.filter(name=name).exists():
                    continue
                step()
                SetupStep.objects.create(name=name)
        self.build_empty_index()

    def say(self, message: str) -> None:
        if self.verbosity:
            self.stdout.write(message)

    def load_registry(self) -> None:
        """Add the shipped people registry (which the fixtures' speakers are linked to)."""
        call_command("load_registry", verbosity=self.verbosity)

    def load_fixtures(self) -> None:
        """Load the fixtures into an archive that holds nothing yet; leave any other alone."""
        if Event.objects.exists() or Speaker.objects.exists():
            self.say("The archive holds events or speakers already: the fixtures were not loaded.")
            return
        for path in FIXTURES:
            call_command("loaddata", str(path), verbosity=self.verbosity)

    def build_empty_index(self) -> None:
        """Build the search index when it holds nothing while the archive has utterances."""
        # Loaded fixtures (and an index folder lost since) leave the index empty; an index
        # with documents is kept, since rebuilding a large one takes minutes.
        if not Utterance.objects.exists():
            return
        try:
            indexed = SearchQuerySet().models(Utterance).count()
        except IndexOutdated:
            self.say("The search index has an earlier version's fields: it is built anew.")
            indexed = 0
        if not indexed:
            call_command("rebuild_index", interactive=False, verbosity=self.verbosity)
