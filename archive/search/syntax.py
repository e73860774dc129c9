"""Read the search box: words, "exact phrases", OR between alternatives and -excluded words.

Whatever is typed becomes a safe haystack query: only word characters reach the engine, so no
input can produce a syntax error there; what cannot be understood is dropped with a note.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass, field
from functools import reduce

from haystack.inputs import Clean, Exact
from haystack.query import SQ

from archive.search.analysis import TYPED_INITIALISM, join_initialisms

MAX_LENGTH = 500
MAX_CLAUSES = 24
# Whoosh's phrase matcher took seconds over a phrase of a hundred common words.
MAX_WORDS = 32
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+(?:[.'’\-]\w+)*")
PLAIN_WORD = re.compile(r"\w+")
# A word standing alone in the query: between spaces or quotes, perhaps after a minus.
STANDALONE = re.compile(r'(?<![^\s"])(-?)(\w+)(?![^\s"])')
# What people paste for a phrase's quotes: typographic, German, French, and the double prime.
QUOTES = str.maketrans(dict.fromkeys("“”„‟«»″", '"'))
# Single curly quotes around words: ‘we are the market’. The closing one is the apostrophe too,
# so it closes only where no letter follows it (‘we don’t know’ is one phrase).
SINGLE_QUOTED = re.compile(r"‘([^‘]*?)’(?!\w)")


@dataclass(frozen=True)
class Clause:
    """A word or a phrase of the query."""

    text: str
    phrase: bool

    def as_input(self):
        """Return the haystack input: an exact phrase or a cleaned word."""
        return Exact(self.text) if self.phrase else Clean(self.text)

    def __str__(self):
        return f'"{self.text}"' if self.phrase else self.text


@dataclass
class UserQuery:
    """A parsed query: every group must match (one of its clauses), no excluded clause may."""

    groups: list[list[Clause]] = field(default_factory=list)
    excluded: list[Clause] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def words(self) -> list[str]:
        """Return the words the results should contain, for highlighting and spelling."""
        return [word for group in self.groups for clause in group for word in clause.text.split()]

    @property
    def highlights(self) -> list[str | tuple[str, ...]]:
        """Return what a snippet marks: each word, and each phrase as the tuple of its words."""
        return [
            tuple(clause.text.split()) if clause.phrase else clause.text
            for group in self.groups
            for clause in group
        ]

    def apply(self, sqs, fields: tuple[str, ...] = ("content",)):
        """Return the SearchQuerySet narrowed to this query, its words sought in `fields`."""
        for group in self.groups:
            alternatives = (SQ(**{f: c.as_input()}) for c in group for f in fields)
            sqs = sqs.filter(reduce(operator.or_, alternatives))
        for clause in self.excluded:
            sqs = sqs.exclude(content=clause.as_input())
        return sqs

    def __str__(self):
        parts = [" OR ".join(str(clause) for clause in group) for group in self.groups]
        return " ".join(parts + [f"-{clause}" for clause in self.excluded])


def straight_quotes(text: str) -> str:
    """Return the text with every kind of double quote, and single curly ones, made straight."""
    return SINGLE_QUOTED.sub(r'"\1"', text).translate(QUOTES)


def parse(raw: str) -> UserQuery:
    """Parse what a reader typed; never raises."""
    query = UserQuery()
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in raw or "")
    text = join_initialisms(straight_quotes(text), TYPED_INITIALISM)
    if len(text) > MAX_LENGTH:
        text = text[:MAX_LENGTH]
        query.notes.append(f"Your search was shortened to its first {MAX_LENGTH} characters.")
    room, notes, dropped = MAX_WORDS, {}, False
    for clause, excluded, join in _clauses(text):
        if join and not excluded and dropped:
            continue  # an alternative to a clause left out goes with it
        opens = excluded or not (join and query.groups)
        if opens and len(query.groups) + len(query.excluded) >= MAX_CLAUSES:
            notes[f"Only the first {MAX_CLAUSES} words or phrases were searched."] = None
            dropped = True
            continue
        fitted = _within(clause, room)
        if fitted != clause:
            notes[f"Only the first {MAX_WORDS} words were searched."] = None
        if fitted is not None:
            _add(query, fitted, excluded, join)
            room -= len(fitted.text.split())
        dropped = fitted is None
    query.notes.extend(notes)
    return query


def _clauses(text: str):
    """Yield (clause, excluded, joined by OR to the one before) for each clause typed."""
    join_next, exclude_next = False, False
    for match in TOKEN.finditer(text):
        minus, phrase, bare = match.groups()
        if bare in {"OR", "AND", "NOT"}:
            join_next, exclude_next = bare == "OR", bare == "NOT"
            continue
        excluded = exclude_next or bool(minus) or bool(bare and bare.startswith("-"))
        clause = _clause(phrase if phrase is not None else bare.lstrip("-"))
        if clause is not None:
            yield clause, excluded, join_next
        join_next, exclude_next = False, False


def _within(clause: Clause, room: int) -> Clause | None:
    """Return the clause cut to its first `room` words, or None when there is no room left."""
    words = clause.text.split()
    if len(words) <= room:
        return clause
    return _clause(" ".join(words[:room])) if room else None


def _clause(text: str) -> Clause | None:
    words = WORD.findall(text)
    if not words:
        return None
    if len(words) == 1 and PLAIN_WORD.fullmatch(words[0]):
        return Clause(words[0], phrase=False)
    return Clause(" ".join(words), phrase=True)


def _add(query: UserQuery, clause: Clause, excluded: bool, join: bool) -> None:
    if excluded:
        query.excluded.append(clause)
    elif join and query.groups:
        query.groups[-1].append(clause)
    else:
        query.groups.append([clause])


def standalone_words(text: str) -> list[str]:
    """Return the words of the query that stand alone, not run into other characters."""
    return [match.group(2) for match in STANDALONE.finditer(text)]


def replace_words(text: str, replacements: dict[str, str]) -> str:
    """Return the query with standalone words replaced (keyed lower-case), all else as typed."""

    def replace(match):
        minus, word = match.groups()
        new = replacements.get(word.lower())
        if new is None:
            return match.group()
        return minus + _cased(new, word)

    return STANDALONE.sub(replace, text)


def _cased(new: str, typed: str) -> str:
    if typed.isupper():
        return new.upper()
    return new.capitalize() if typed.istitle() else new
