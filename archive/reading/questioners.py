"""Questioner attribution: whose questions follow each introduction, checked conservatively."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.reading.caseless import Caseless
from archive.reading.introductions import (
    STOP,
    TOKEN,
    Journalist,
    find_intros,
    handed_to,
    opening,
)
from archive.reading.lexicon import COUNTRIES, HONORIFICS, ORGANISATIONS, ROLE_WORDS, fold

HANDOVER = Caseless(
    r"(?<!your )(?<!his )(?<!her )(?<!my )\b(?:next|last|final|another|one more)\s+question\b|"
    r"\bfloor to\b|\b(?:could|can|may) (?:we|I) have\b|\binvite (?:questions|a question)\b|"
    r"\bcall on (?-i:[A-Z])|\bcall on (?:one of|someone|somebody)\b",
    starts="next|last|final|another|one more|floor to|could|can|may|invite|call on",
)
MODERATOR_HANDOVER = Caseless(
    r"\b(?:let[’']?s|we[’']?ll|we will|I[’']?ll)\s+(?:now\s+|then\s+|please\s+)?"
    r"(?:go|move|turn|continue)\s+(?:on\s+|over\s+|back\s+)*to\b|\bover to\b|\binvite\b",
    starts=r"let[’']?s|we[’']?ll|we will|i[’']?ll|over to|invite",
)
ASKING = re.compile(
    r"\b(?:ask|asking|question|questions|wonder|wondering|curious|could you|can you|would you|"
    r"will you|do you|did you|are you|is there|what|how|why|whether|comment|update|respond|"
    r"react|clarify|explain|tell us|follow up|follow-up)\b",
    re.I,
)
GREETING = (
    r"(?:(?:Thanks|Thank you|Hi|Hello|Hey|Okay|Sure|Yes|Go ahead),?\s+)(?P<a>[A-Z][a-z]+)[.,!?]"
)
OPENING_VOCATIVE = re.compile(rf"{GREETING}|(?P<b>[A-Z][a-z]+), (?:thank|go ahead|please)")
VOCATIVE = re.compile(rf"[.!?]\s+{GREETING}")  # led by the punctuation, which re skips to
LINE_OPEN = Caseless(r"\bline is (?:now )?open\b", starts="line is")
SELF_NAMED = re.compile(
    r"\b(?:[Tt]his is|[Mm]y name is)\s+(?P<a>[A-Z][\w'’-]+)|"
    r"\bI(?:[’']m| am)\s+(?P<c>[A-Z][\w'’-]+)\s+[A-Z][\w'’-]+\b|"
    r"\?\s+(?P<b>[A-Z][a-z]+)\.\s*$"
)
SHORT = 25
CALL_BACK = re.compile(r"(?:(?:okay|ok|all right|and|so)[,.]?\s+)?(?P<name>[A-Z][a-z]+),\s")
CAPITALISED = re.compile(r"(?:(?:Mr|Ms|Mrs)\.?\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}")


@dataclass(frozen=True)
class Floor:
    """What attribution needs of a turn: its label, whether it asks or moderates, its words."""

    label: str
    question: bool
    moderator: bool
    text: str


@dataclass(frozen=True)
class Attribution:
    """The journalist of each turn (None when not a question or not known), and introducers."""

    journalists: tuple[Journalist | None, ...]
    introducers: frozenset[str]


def asks(text: str) -> bool:
    """Return whether a question turn reads like one: it asks, or it is short."""
    return "?" in text or len(text.split()) <= 40 or bool(ASKING.search(text))


def hands_over(text: str) -> bool:
    """Return whether a turn passes the floor on without naming whom to."""
    return HANDOVER.occurs(text)


def vocatives(text: str, known: frozenset[str]) -> list[str]:
    """Return the first names a turn addresses ("Thanks, Matt.", "Rich, thank you.")."""
    opening = OPENING_VOCATIVE.match(text)
    names = [opening["a"] or opening["b"]] if opening else []
    names += [m["a"] for m in VOCATIVE.finditer(text, opening.end() if opening else 0)]
    stop = known | STOP
    return [n for n in names if n.upper() not in ROLE_WORDS | HONORIFICS and fold(n) not in stop]


def people_named(text: str, known: frozenset[str]) -> list[str]:
    """Return capitalised phrases of a moderator's turn that may name a person."""
    found = []
    for match in CAPITALISED.finditer(text):
        words = [w.strip(".") for w in TOKEN.findall(match.group(0))]
        if match.start() == 0 or text[match.start() - 2 : match.start()] in (". ", "? ", "! "):
            words = words[1:] if not match.group(0).startswith(("Mr", "Ms")) else words
        words = [w for w in words if w.upper() not in ROLE_WORDS | HONORIFICS]
        phrase = " ".join(words)
        if not words or fold(words[0]) in STOP | known or phrase in COUNTRIES | ORGANISATIONS:
            continue
        found.append(words[0])
    return found


def agrees(journalist: Journalist, name: str) -> bool:
    """Return whether an addressed first name can be the journalist's ("Nance" for Nancy)."""
    words = [fold(w) for w in journalist.name.split()]
    return fold(name)[:3] == words[0][:3] or fold(name) in words


def self_named(text: str, known: frozenset[str]) -> list[str]:
    """Return the names a questioner gives as their own ("This is Matsuura.", "… Simon.")."""
    names = (m.group("a") or m.group("b") or m.group("c") for m in SELF_NAMED.finditer(text))
    return [n for n in names if fold(n) not in known | STOP and n.upper() not in ROLE_WORDS]


def resets(
    turn: Floor, current: Journalist | None, fresh: bool, known: frozenset[str], introducer: bool
) -> bool:
    """Return whether a turn without an introduction passes the floor to someone else."""
    if hands_over(turn.text):
        return True
    if not (turn.moderator or introducer):
        return False
    if MODERATOR_HANDOVER.occurs(turn.text) or not turn.text.strip():
        return True
    if LINE_OPEN.occurs(turn.text) and not fresh:
        return True
    if not current or len(turn.text.split()) > SHORT:
        return False
    return any(not agrees(current, name) for name in people_named(turn.text, known))


def restates(introduced: Journalist, current: Journalist) -> bool:
    """Return whether a self-introduction names the journalist already called, more briefly."""
    words = introduced.name.split()
    return len(words) == 1 and agrees(current, words[0])


def called_back(text: str, seen: list[Journalist]) -> Journalist | None:
    """Return the one journalist introduced before whom a handover calls back by first name."""
    match = CALL_BACK.match(text)
    if not match or not hands_over(text):
        return None
    found = {j.name: j for j in seen if " " in j.name and agrees(j, match["name"])}
    return next(iter(found.values())) if len(found) == 1 else None


def attribute(
    turns: list[Floor], known: frozenset[str], fallback: Journalist | None
) -> Attribution:
    """Return, for each question turn, the journalist it belongs to (None when unknown)."""
    intros = [[] if t.question else find_intros(t.text, known) for t in turns]
    introducers = frozenset(t.label for t, found in zip(turns, intros, strict=True) if found)
    current = None if any(intros) else fallback
    block, doubted, fresh, seen = 0, set(), False, []
    assigned: list[tuple[int, Journalist, bool] | None] = [None] * len(turns)
    for i, turn in enumerate(turns):
        introduced = opening(turn.text, known) if turn.question else None
        if turn.question and not introduced and handed_to(turn.text, known):
            current, block = None, block + 1  # a mislabelled moderator turn passes the floor
        elif turn.question:
            if introduced and current and restates(introduced, current):
                introduced = current  # "Michelle from Bloomberg" after "Michelle Jamrisko with…"
            if introduced and introduced.outlet:
                current, block = introduced, block + 1
            elif current and any(not agrees(current, n) for n in self_named(turn.text, known)):
                doubted.add(block)
            certain = introduced is current and current is not None
            assigned[i] = (block, current, certain) if current and asks(turn.text) else None
            fresh = False
        else:
            start = intros[i][-1][0] if intros[i] else len(turn.text)
            back = None if intros[i] else called_back(turn.text, seen)
            vocative = vocatives(turn.text[:start], known)
            if current and not back and any(not agrees(current, n) for n in vocative):
                doubted.add(block)
            if intros[i] or back:
                current, block, fresh = back or intros[i][-1][1], block + 1, True
            elif resets(turn, current, fresh, known, turn.label in introducers):
                current, block = None, block + 1
        if current and current.name not in {j.name for j in seen}:
            seen.append(current)
    # A questioner who named themselves is kept even when later turns cast doubt on the rest.
    who = tuple(a[1] if a and (a[2] or a[0] not in doubted) else None for a in assigned)
    return Attribution(who, introducers)
