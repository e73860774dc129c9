"""The archive's data: events, speakers with their labels and roles, and utterances."""

from archive.models.choices import Attribution, DatePrecision, EventKind, SpeakerKind
from archive.models.events import Event
from archive.models.setup import SetupStep
from archive.models.sources import SourceFile
from archive.models.speakers import Appearance, Speaker, SpeakerLabel
from archive.models.utterances import Utterance, UtteranceRedirect

# The admin upload's models live in their own module; importing them here registers them.
from archive.upload.models import PendingUpload, SpeakerRedirect  # noqa: E402

__all__ = [
    "Appearance",
    "Attribution",
    "DatePrecision",
    "Event",
    "EventKind",
    "PendingUpload",
    "Speaker",
    "SourceFile",
    "SpeakerKind",
    "SpeakerLabel",
    "SetupStep",
    "SpeakerRedirect",
    "Utterance",
    "UtteranceRedirect",
]
