"""Re-resolve every speaker against the people registry; merge what is one person."""

from django.core.management.base import BaseCommand

from archive.importing.healing import apply, plan


class Command(BaseCommand):
    help = (
        "Read every event's source again with the people registry and make each person one "
        "speaker: merge duplicates (their old pages redirect), link speakers to registry "
        "people, split a speaker who is several people, mark roles. Turns keep their text."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="print what would change, change nothing"
        )

    def handle(self, *args, dry_run=False, **options):
        steps = plan()
        for step in steps:
            self.stdout.write(str(step))
        if not dry_run:
            apply(steps)
        verb = "would take" if dry_run else "took"
        self.stdout.write(f"{verb} {len(steps)} steps")
