"""Facts about the event: dates, kinds from titles, venue and city from location lines."""

from __future__ import annotations

import datetime
import re

from archive.reading.caseless import Caseless
from archive.reading.lexicon import COUNTRIES, US_STATES_AND_REGIONS

MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)}
MONTH = "(?P<month>" + "|".join(MONTHS) + ")"  # lower case, as Caseless wants
DATE_PATTERNS = (
    Caseless(MONTH + r"\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"),
    Caseless(r"(?P<day>\d{1,2})\s+" + MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})"),
)
DIGIT = re.compile(r"\d")
WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)
TIME = re.compile(r"^\(?\d{1,2}:\d{2}\s*[AaPp]\.?\s*[Mm]\.?(?:\s+[A-Z]{2,4})?\)?$")
KINDS = (
    "Joint Press Conference",
    "Joint Press Availability",
    "Press Conference",
    "Press Availability",
    "Background Press Call",
    "Press Call",
    "Press Gaggle",
    "Press Briefing",
    "Background Briefing",
    "Briefing",
    "Interview",
    "Roundtable",
    "Remarks",
    "Statement",
    "Speech",
    "Readout",
)
PLACE = re.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}")
VENUE_NOUNS = re.compile(
    r"^(?P<venue>.*\b(?:Auditorium|Room|Hall|Center|Centre|Building|House|Palace|Hotel|Airport|"
    r"Garden|Office|Ministry|Residence|Embassy|Presidencial|Presidency|Istana|Loop|Roma))\s+"
    r"(?P<city>\S.*)$"
)


def find_date(text: str) -> tuple[datetime.date | None, str]:
    """Return the first date written in text and the text with that date taken out."""
    if not DIGIT.search(text):
        return None, text  # every date has digits: most lines have none, and are spared 3 searches
    for pattern in DATE_PATTERNS:
        match = next(pattern.finditer(text), None)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower()]
        try:
            found = datetime.date(int(parts["year"]), month, int(parts["day"]))
        except ValueError:
            continue
        rest = (text[: match.start()] + text[match.end() :]).strip(" ,()")
        return found, rest
    return None, text


def event_date(
    title: str, printed: datetime.date | None, published: datetime.date | None
) -> tuple[datetime.date | None, tuple[str, ...]]:
    """Return the event's date and any warning: a date the title or text prints wins.

    A page's publication date is often the day after the event ("Department Press Briefing –
    February 7, 2022" published on 8 February).
    """
    found = find_date(title)[0] or printed
    if found and published and found != published:
        return found, (
            f"dated {found.isoformat()} as the transcript prints it, "
            f"not {published.isoformat()} as the page was published",
        )
    return found or published, ()


def as_date(value: object) -> datetime.date | None:
    """Return a date from a front-matter value (date, datetime or ISO string)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return find_date(value)[0]
    return None


def web_url(text: str) -> str:
    """Return the text if it is an http(s) address, else "": a javascript: link is no source."""
    text = text.strip()
    return text if WEB_ADDRESS.fullmatch(text) else ""


def is_time(text: str) -> bool:
    """Return whether a line is only a time stamp ("1:38 P.M. SST")."""
    return bool(TIME.match(text.strip()))


def kind_from_title(title: str) -> str:
    """Return the kind of event a title names ("Joint Press Availability"), or ""."""
    lowered = title.casefold()
    return next((kind for kind in KINDS if kind.casefold() in lowered), "")


def is_city(text: str) -> bool:
    """Return whether a line reads like "City, Country" or "City, State"."""
    if "," not in text or len(text) > 60:
        return False
    place, region = (part.strip() for part in text.rsplit(",", 1))
    if region in COUNTRIES or region in US_STATES_AND_REGIONS or re.fullmatch("[A-Z]{2}", region):
        return True
    return all(PLACE.fullmatch(part) for part in (place, region))


def split_location(text: str) -> tuple[str, str]:
    """Return (venue, city) from a line such as "Dean Acheson Auditorium Washington, DC"."""
    text = " ".join(text.split())
    if is_city(text) and not VENUE_NOUNS.match(text):
        return "", text
    match = VENUE_NOUNS.match(text)
    if match and is_city(match.group("city")):
        return match.group("venue"), match.group("city")
    if "," in text:
        head, region = text.rsplit(",", 1)
        words = head.split()
        if len(words) > 1 and is_city(f"{words[-1]},{region}"):
            return " ".join(words[:-1]), f"{words[-1]},{region}"
    return text, ""
