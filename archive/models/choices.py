"""Fixed vocabularies: kinds of event and of speaker, date precision, attribution."""

from django.db import models


class EventKind(models.TextChoices):
    PRESS_AVAILABILITY = "press-availability", "Press availability"
    PRESS_BRIEFING = "press-briefing", "Press briefing"
    JOINT_PRESS_CONFERENCE = "joint-press-conference", "Joint press conference"
    PRESS_CONFERENCE = "press-conference", "Press conference"
    PRESS_CALL = "press-call", "Press call"
    PRESS_GAGGLE = "press-gaggle", "Press gaggle"
    INTERVIEW = "interview", "Interview"
    REMARKS = "remarks", "Remarks"
    SPEECH = "speech", "Speech"
    STATEMENT = "statement", "Statement"
    OTHER = "other", "Other"


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    YEAR = "year", "Year only"


class SpeakerKind(models.TextChoices):
    OFFICIAL = "official", "Official"
    JOURNALIST = "journalist", "Journalist"
    MODERATOR = "moderator", "Moderator or spokesperson"
    # Not a person: an unnamed moderator or operator, an audience, an unidentified questioner,
    # officials on background, a country's representative whom the text does not name.
    ROLE = "role", "Role (not a person)"


class Attribution(models.TextChoices):
    LABEL = "label", "From the printed label"
    INFERRED = "inferred", "Inferred: no speaker label printed"
