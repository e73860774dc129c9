"""The one write path from readings of transcripts to the archive's tables."""

from archive.importing.rereading import RereadResult, reread_event
from archive.importing.service import (
    ImportRefused,
    ImportResult,
    checksum,
    import_reading,
    import_source,
)

__all__ = [
    "ImportRefused",
    "ImportResult",
    "RereadResult",
    "checksum",
    "import_reading",
    "import_source",
    "reread_event",
]
