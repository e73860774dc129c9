"""read(): bytes or text in, a Reading out; the format readers and speaker resolution joined."""

from __future__ import annotations

from dataclasses import fields, replace

from archive.reading.cast import Cast
from archive.reading.detect import check, decode, detect
from archive.reading.draft import Draft
from archive.reading.html import read_html
from archive.reading.introductions import Journalist
from archive.reading.lexicon import fold
from archive.reading.markdown import read_markdown
from archive.reading.notes import build
from archive.reading.pdf import PdfText, is_pdf, pdf_text
from archive.reading.people import Person
from archive.reading.questioners import Floor, attribute
from archive.reading.registry import EMPTY, Registry
from archive.reading.speech import read_speech
from archive.reading.text import NO_TITLE, US_ADDRESS, US_SOURCE, read_text
from archive.reading.turns import RawTurn
from archive.reading.types import (
    ATTRIBUTION_INFERRED,
    ATTRIBUTION_LABEL,
    DATE_DAY,
    EventReading,
    Metadata,
    Reading,
    UtteranceReading,
)


def draft_of(text: str, metadata: Metadata, pdf: bool = False) -> Draft:
    """Return the format reader's draft; unlabelled plain text is read as a speech."""
    # A PDF's text is plain text, whatever marks (# or <p>) its words hold.
    kind = "text" if pdf else detect(text)
    if kind == "html":
        return read_html(text)
    if kind == "markdown":
        return read_markdown(text)
    draft = read_text(text)
    if any(t.label.printed for t in draft.turns):
        return draft
    return read_speech(text, metadata)


def with_given_speaker(draft: Draft, metadata: Metadata) -> Draft:
    """Return the draft with the given speaker (and country) speaking its unlabelled text."""
    if not metadata.speaker:
        return draft
    country = metadata.country or (draft.narrator.country if draft.narrator else "")
    return replace(draft, narrator=Person(metadata.speaker, country=country))


def with_running_heads(draft: Draft, pdf: PdfText) -> Draft:
    """Return a PDF's draft with what its running heads and feet say: its address, publisher."""
    # A browser prints the page's title ("… | The White House") and address on every page.
    event = draft.event
    if pdf.source_url and not event.source_url:
        event = replace(event, source_url=pdf.source_url)
    us = US_ADDRESS.search(event.source_url) or US_SOURCE.occurs(pdf.running)
    return replace(draft, event=event, home=draft.home or ("United States" if us else ""))


def overridden(event: EventReading, metadata: Metadata) -> EventReading:
    """Return the event with every field the metadata sets taking its value."""
    names = {f.name for f in fields(EventReading)} & {f.name for f in fields(Metadata)}
    given = {n: getattr(metadata, n) for n in names if getattr(metadata, n)}
    if metadata.date:
        given["date_precision"] = DATE_DAY
    return replace(event, **given)


def joint_or_not(event: EventReading, people: tuple[Person, ...]) -> EventReading:
    """Return the event with a press conference joint only when two principals hold it."""
    kind = event.kind.casefold()
    if "press conference" not in kind or "joint" in event.title.casefold():
        return event
    principals = sum(1 for p in people if not p.journalist)
    kind = "Joint Press Conference" if principals > 1 else "Press Conference"
    return replace(event, kind=kind)


def known_names(draft: Draft) -> frozenset[str]:
    """Return folded names and name words of the people and labels, which are not journalists."""
    names = {fold(p.name) for p in draft.people}
    names |= {fold(w) for p in draft.people for w in p.name.split()}
    names |= {fold(w) for t in draft.turns for w in t.label.name}
    return frozenset(names)


def title_journalist(draft: Draft) -> Journalist | None:
    """Return the one journalist a title names ("with Osman Ayfarah of Al Jazeera"), if one."""
    found = [p for p in draft.people if p.journalist]
    return Journalist(found[0].name, found[0].affiliation) if len(found) == 1 else None


def floors(draft: Draft, built: list, cast: Cast) -> list[Floor]:
    """Return what attribution needs of each turn; unnamed-by-the-header labels moderate."""
    return [
        Floor(
            turn.label.printed,
            turn.label.is_question,
            turn.label.is_moderator or cast.label_only(turn.label),
            " ".join(p.text for p in paragraphs),
        )
        for turn, (paragraphs, _) in zip(draft.turns, built, strict=True)
    ]


def speaker_key(cast: Cast, turn: RawTurn, journalist: Journalist | None, draft: Draft) -> str:
    """Return the key of the speaker of one turn."""
    if turn.label.is_question:
        return cast.question(turn.label, journalist)
    if turn.label.printed:
        return cast.labelled(turn.label)
    return cast.narrated(draft.narrator)


def utterances(
    draft: Draft, metadata: Metadata, registry: Registry, event: EventReading
) -> tuple[tuple[UtteranceReading, ...], Cast]:
    """Return the utterances of a draft and the cast their speakers belong to."""
    built = [build(list(t.paragraphs)) for t in draft.turns]
    body = " ".join(p.text for paragraphs, _ in built for p in paragraphs)
    day = event.date if event.date_precision == DATE_DAY else None
    cast = Cast(draft.people, draft.home, body, registry, day)
    cast.prepare([t.label for t in draft.turns if t.label.printed and not t.label.is_question])
    attribution = attribute(floors(draft, built, cast), known_names(draft), title_journalist(draft))
    cast.introducers = attribution.introducers
    result = []
    for i, (turn, (paragraphs, notes)) in enumerate(zip(draft.turns, built, strict=True)):
        journalist = attribution.journalists[i]
        key = speaker_key(cast, turn, journalist, draft)
        inferred = journalist is not None or (not turn.label.printed and not metadata.speaker)
        how = ATTRIBUTION_INFERRED if inferred else ATTRIBUTION_LABEL
        result.append(
            UtteranceReading(i + 1, turn.label.printed, key, paragraphs, how, notes, turn.line)
        )
    return tuple(result), cast


NO_METADATA = Metadata()


def misprints(draft: Draft) -> list[str]:
    """Return a warning for each label read despite a misprint (OUESTION, MINISTESR)."""
    labels = dict.fromkeys(t.label for t in draft.turns if t.label.corrected)
    return [f"label {label.printed!r} read as {label.canonical!r}" for label in labels]


def read(
    data: bytes | str, *, metadata: Metadata = NO_METADATA, registry: Registry = EMPTY
) -> Reading:
    """Return the reading of a transcript; raise ReaderError when the input is none.

    The registry, when given, names the people its posts and names identify.
    """
    pdf = pdf_text(data) if is_pdf(data) else None
    text, warnings = (pdf.text, pdf.warnings) if pdf else decode(data)
    draft = with_given_speaker(draft_of(check(text), metadata, bool(pdf)), metadata)
    draft = with_running_heads(draft, pdf) if pdf else draft
    # A title given beside the text answers the missing one.
    found_notes = [w for w in draft.warnings if not (metadata.title and w == NO_TITLE)]
    notes = [*warnings, *found_notes, *misprints(draft)]
    event = overridden(joint_or_not(draft.event, draft.people), metadata)
    found, cast = utterances(draft, metadata, registry, event)
    if not any(u.paragraphs for u in found) and draft.format != "speech":
        notes.append("no spoken text found")
    speakers = cast.speakers([u.speaker for u in found])
    found_format = "pdf" if pdf else draft.format
    return Reading(found_format, event, speakers, found, tuple(notes + cast.warnings))
