"""Countries by ISO 3166-1 alpha-3 code, with the names and adjectives transcripts print."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Country:
    """One country (or the EU, or a former state the UN corpus codes): code, name, adjectives."""

    code: str
    name: str
    article: bool = False
    other_names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()

    @property
    def with_article(self) -> str:
        """Return the name as a sentence prints it after "of": "the United States"."""
        return f"the {self.name}" if self.article else self.name


def key(text: str) -> str:
    """Return text folded for looking a name up: lower case, no accents, one space, no "the"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"^the\s+", "", " ".join(plain.split()).strip(" ,."))


def parse(line: str) -> Country:
    """Return the country of one line of countries.tsv."""
    code, name, article, others, adjectives = (line.split("\t") + [""] * 5)[:5]
    return Country(
        code,
        name,
        article == "the",
        tuple(o.strip() for o in others.split(";") if o.strip()),
        tuple(a.strip() for a in adjectives.split(";") if a.strip()),
    )


@cache
def all_countries() -> tuple[Country, ...]:
    """Return every country of the table, in its order."""
    text = files("archive.reading").joinpath("data/countries.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(parse(line) for line in lines)


@cache
def by_code() -> dict[str, Country]:
    """Return the countries by code."""
    return {country.code: country for country in all_countries()}


@cache
def by_name() -> dict[str, Country]:
    """Return the countries by every folded name and other name."""
    found: dict[str, Country] = {}
    for country in all_countries():
        for name in (country.name, *country.other_names):
            found.setdefault(key(name), country)
    return found


@cache
def by_adjective() -> dict[str, Country]:
    """Return the countries by folded adjective ("mexican", "u.s."); the first wins a tie."""
    found: dict[str, Country] = {}
    for country in all_countries():
        for adjective in country.adjectives:
            found.setdefault(key(adjective), country)
    return found


def country_of_code(code: str) -> Country | None:
    """Return the country of a code ("SYR", "EU"), or None."""
    return by_code().get(code.strip().upper())


def country_named(text: str) -> str:
    """Return the name of the country a phrase ("the Republic of Korea", "Japan") names, or ""."""
    country = by_name().get(key(text))
    return country.name if country else ""


def country_of_adjective(text: str) -> str:
    """Return the name of the country an adjective ("German", "U.S.") belongs to, or ""."""
    country = by_adjective().get(key(text))
    return country.name if country else ""


@cache
def names() -> frozenset[str]:
    """Return every country name and other name as printed, for telling places from people."""
    return frozenset(n for c in all_countries() for n in (c.name, *c.other_names))
