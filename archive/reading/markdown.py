"""Markdown with YAML front matter (title, date, source_url), hard-wrapped turns."""

from __future__ import annotations

import re

import yaml

from archive.reading.draft import Draft
from archive.reading.event import as_date, event_date, kind_from_title, web_url
from archive.reading.header import read_header
from archive.reading.people import from_title, interview_kind, merge
from archive.reading.text import US_ADDRESS, US_SOURCE, narrator_of, with_lead
from archive.reading.turns import Chunk, line_chunks, segment
from archive.reading.types import EventReading, ReaderError

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>])")
# Not "!?\[": re skips to "!" or "[". A URL may hold one level of parentheses (Wikipedia's do).
LINK = re.compile(r"(?:!\[|\[)([^\]\n]*)\]\((?:[^()\n]|\([^()\n]*\))*\)")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")


def refuse_aliases(source: str) -> None:
    """Raise ReaderError if the YAML uses an alias: a few bytes of them expand to gigabytes."""
    # Metadata never needs one, and refusing them is cheaper and surer than capping the size.
    if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(source, yaml.SafeLoader)):
        raise ReaderError("front matter uses YAML aliases (*name), which the reader refuses")


def front_matter(text: str) -> tuple[dict, str, int, tuple[str, ...]]:
    """Return (front matter, body, lines before the body, warnings)."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0, ()
    offset = text.count("\n", 0, match.end())
    try:
        refuse_aliases(match.group("yaml"))
        data = yaml.safe_load(match.group("yaml"))
    except ReaderError:
        raise
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return {}, text[match.end() :], offset, ("front matter is not valid YAML; ignored",)
    if not isinstance(data, dict):
        return {}, text[match.end() :], offset, ("front matter is not a mapping; ignored",)
    return data, text[match.end() :], offset, ()


def unbroken(line: str) -> str:
    """Return a line with a backslash hard break at its end made two spaces."""
    if line.rstrip(" ").endswith("\\") and not line.rstrip(" ").endswith("\\\\"):
        return line.rstrip(" ")[:-1] + "  "
    return line


def plain_line(line: str) -> str:
    """Return a Markdown line as plain text: escapes, links and heading marks removed."""
    return ESCAPE.sub(r"\1", LINK.sub(r"\1", HEADING.sub("", unbroken(line))))


def plain_text(text: str) -> str:
    """Return Markdown text as plain_line would each of its lines, but faster."""
    lines = "\n".join(HEADING.sub("", unbroken(line)) for line in text.split("\n"))
    return ESCAPE.sub(r"\1", LINK.sub(r"\1", lines))  # neither spans lines: one pass does all


def text_field(data: dict, *names: str) -> str:
    """Return the first of the named front-matter fields as one-line text."""
    value = next((data[n] for n in names if data.get(n)), "")
    return " ".join(str(value).replace("\u00a0", " ").split())


def title_and_city(data: dict, body: str) -> tuple[str, str]:
    """Return the title (front matter, else first heading) and a city given after a bar."""
    title = text_field(data, "title")
    if not title:
        heading = next((ln for ln in body.split("\n") if HEADING.match(ln)), "")
        title = plain_line(heading).strip()
    if " | " in title:
        title, city = (part.strip() for part in title.split(" | ", 1))
        return title, city
    return title, ""


def read_markdown(text: str) -> Draft:
    """Return the draft reading of a Markdown transcript."""
    data, body, offset, warnings = front_matter(text)
    title, title_city = title_and_city(data, body)
    kind = text_field(data, "kind") or kind_from_title(title) or interview_kind(from_title(title))
    lines = plain_text(body)
    chunks = [Chunk(c.text, c.line + offset, c.new_paragraph) for c in line_chunks(lines, True)]
    preamble, turns = segment(chunks)
    header = read_header([c.text for c in preamble], kind)
    source_url = web_url(text_field(data, "source_url", "url", "link"))
    people = merge([*from_title(title), *header.people])
    published = as_date(data.get("date")) or as_date(data.get("published_time"))
    day, dated = event_date(title, header.date, published)
    event = EventReading(
        title=title,
        kind=kind,
        date=day,
        venue=header.venue,
        city=header.city or title_city,
        source_url=source_url,
        host=people[0].described() if people and not people[0].journalist else "",
    )
    us = US_SOURCE.occurs(text[:3000]) or US_ADDRESS.search(source_url)
    home = "United States" if us else ""
    turns, missing = with_lead(preamble, turns, header.lead)
    narrator = narrator_of(people) if missing else None
    return Draft("markdown", event, people, turns, warnings + dated + missing, home, narrator)
