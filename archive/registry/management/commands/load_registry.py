"""Add the reviewed people registry (fixtures/registry/people.yaml) to the registry tables."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.reading.registry import read_records
from archive.registry.loading import default_path, load


class Command(BaseCommand):
    help = (
        "Add the people, other names and posts of a registry file that the tables lack; rows "
        "already there (an admin's corrections among them) are never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", type=Path, help="default: the shipped registry")

    def handle(self, *args, path=None, **options):
        path = path or default_path()
        try:
            loaded = load(read_records(path))
        except (OSError, ValueError, KeyError) as error:
            raise CommandError(f"cannot load {path}: {error}") from error
        self.stdout.write(
            f"added {loaded.people} people, {loaded.names} other names, {loaded.posts} posts "
            f"from {path}"
        )
