"""The one write path from readings of transcripts to the archive's tables."""

from archive.importing.maintenance import MergeResult, delete_events, merge_speakers
from archive.importing.rereading import RereadResult, reread_event
from archive.importing.service import (
    ImportRefused,
    ImportResult,
    Vanished,
    checksum,
    import_reading,
    import_source,
    source_checksum,
)

__all__ = [
    "ImportRefused",
    "ImportResult",
    "MergeResult",
    "RereadResult",
    "Vanished",
    "checksum",
    "delete_events",
    "import_reading",
    "import_source",
    "merge_speakers",
    "reread_event",
    "source_checksum",
]
