"""Synthetic transcripts with the vocabulary, turn lengths and cast of fixtures/corpus.json."""

from __future__ import annotations

import datetime
import itertools
import json
import random
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from archive.models import EventKind
from archive.reading import (
    PARAGRAPH_BREAK,
    SPEAKER_OFFICIAL,
    SPEAKER_ROLE,
    EventReading,
    Paragraph,
    Reading,
    SpeakerReading,
    UtteranceReading,
)
from archive.speaker_names import is_full_name

FIRST_DAY, YEARS = datetime.date(2005, 1, 1), 20
TURNS = (50, 300)
SPEAKERS = 300
QUESTION = SpeakerReading(key="question", name="Question", kind=SPEAKER_ROLE, labels=("QUESTION",))
TITLES = ("Secretary", "Minister", "Ambassador", "President", "Spokesperson")


@dataclass
class Shape:
    """What the real corpus looks like: its tokens with counts, turn shapes, names and titles."""

    tokens: list[str]
    cumulative: list[int]
    ranked: list[str]
    turns: list[tuple[tuple[int, bool], ...]]
    first_names: list[str]
    last_names: list[str]
    countries: list[str]
    titles: list[str]

    def words(self, rnd: random.Random, count: int) -> str:
        """Return `count` tokens drawn by their frequency in the real corpus."""
        return " ".join(rnd.choices(self.tokens, cum_weights=self.cumulative, k=count))

    def content_words(self, skip: int, count: int) -> list[str]:
        """Return plain lower-case words by falling frequency, after the `skip` most common."""
        plain = [t for t in self.ranked if t.isalpha() and t.islower() and len(t) > 3]
        return plain[skip : skip + count]


def load_shape(fixture: Path) -> Shape:
    """Read the shape of the corpus from a fixture, leaving out one-turn speeches."""
    rows = json.loads(fixture.read_text())
    utterances = [r["fields"] for r in rows if r["model"] == "archive.utterance"]
    per_event = Counter(u["event"][0] for u in utterances)
    dialogue = [u for u in utterances if per_event[u["event"][0]] >= 10]
    counts = Counter(token for u in dialogue for token in u["text"].split())
    tokens = sorted(counts)
    speakers = [r["fields"] for r in rows if r["model"] == "archive.speaker"]
    names = [s["name"].split() for s in speakers if is_full_name(s["name"])]
    return Shape(
        tokens=tokens,
        cumulative=list(itertools.accumulate(counts[t] for t in tokens)),
        ranked=[t for t, _ in counts.most_common()],
        turns=[_turn_shape(u["text"], u["interpreted_paragraphs"]) for u in dialogue],
        first_names=sorted({n[0] for n in names}),
        last_names=sorted({n[-1] for n in names}),
        countries=sorted({s["country"] for s in speakers if s["country"]}),
        titles=sorted({r["fields"]["title"] for r in rows if r["model"] == "archive.event"}),
    )


def _turn_shape(text: str, interpreted: list[int]) -> tuple[tuple[int, bool], ...]:
    paragraphs = text.split(PARAGRAPH_BREAK) if text else []
    return tuple((len(p.split()), i in interpreted) for i, p in enumerate(paragraphs))


def cast(shape: Shape, rnd: random.Random, size: int = SPEAKERS) -> list[SpeakerReading]:
    """Return `size` officials with distinct full names built from the corpus's names."""
    pairs = list(itertools.product(shape.first_names, shape.last_names))
    rnd.shuffle(pairs)
    people = []
    for number, (first, last) in enumerate(pairs[:size]):
        title = TITLES[number % len(TITLES)]
        people.append(
            SpeakerReading(
                key=f"p{number}",
                name=f"{first} {last}",
                role=title,
                country=shape.countries[number % len(shape.countries)],
                kind=SPEAKER_OFFICIAL,
                labels=(f"{title} {first} {last}".upper(),),
            )
        )
    return people


def readings(shape: Shape, total: int, seed: int = 8) -> Iterator[tuple[Reading, str]]:
    """Yield (reading, source text) for events of 50-300 turns until `total` utterances."""
    rnd = random.Random(seed)
    people, kinds = cast(shape, rnd), [k for k, _ in EventKind.choices]
    made, number = 0, 0
    while made < total:
        turns = min(rnd.randint(*TURNS), total - made)
        speakers = (*rnd.sample(people, rnd.randint(1, 4)), QUESTION)
        day = FIRST_DAY + datetime.timedelta(days=rnd.randrange(YEARS * 365))
        event = EventReading(
            title=f"{rnd.choice(shape.titles)} ({number})", kind=rnd.choice(kinds), date=day
        )
        utterances = tuple(_turn(shape, rnd, n, speakers) for n in range(1, turns + 1))
        reading = Reading("synthetic", event, speakers, utterances)
        yield reading, source_text(reading, number)
        made, number = made + turns, number + 1


def _turn(shape, rnd, sequence, speakers) -> UtteranceReading:
    # Questions and answers alternate, as in a press availability.
    speaker = speakers[-1] if sequence % 2 == 0 else rnd.choice(speakers[:-1])
    paragraphs = tuple(
        Paragraph(shape.words(rnd, max(length, 1)), interpreted)
        for length, interpreted in rnd.choice(shape.turns)
    )
    return UtteranceReading(sequence, speaker.labels[0], speaker.key, paragraphs)


def source_text(reading: Reading, number: int) -> str:
    """Return a transcript the reading could have come from, unique per event."""
    lines = [reading.event.title, f"[synthetic event {number}]"]
    lines += [f"{u.label}: {u.text}" for u in reading.utterances]
    return "\n\n".join(lines)
