"""Normalize speaker names and labels so the same person matches across transcripts."""

from __future__ import annotations

import functools
import re
import unicodedata

HONORIFICS = frozenset(
    """mr mrs ms miss dr prof sir dame madam madame the his her excellency honorable hon
    secretary minister foreign prime deputy vice president premier chancellor ambassador
    general spokesperson spokesman spokeswoman senator governor mayor king queen prince
    sheikh under assistant acting chief of state government senior official""".split()
)
GENERIC_LABELS = frozenset(
    """QUESTION OUESTION Q MODERATOR OPERATOR PARTICIPANT STAFF INTERPRETER AUDIENCE
    REPORTER PRESS""".split()
) | {"AUDIENCE MEMBER", "UNIDENTIFIED SPEAKER", "SENIOR ADMINISTRATION OFFICIAL"}


def fold(text: str) -> str:
    """Return text lower-cased with accents and punctuation removed, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).split())


@functools.lru_cache(maxsize=65536)
def name_tokens(name: str) -> tuple[str, ...]:
    """Return the words of a name without honorifics, titles or single-letter initials."""
    return tuple(t for t in fold(name).split() if t not in HONORIFICS and len(t) > 1)


def is_full_name(name: str) -> bool:
    """Return whether a name has at least a given name and a surname."""
    return len(name_tokens(name)) >= 2


def same_person_name(a: str, b: str) -> bool:
    """Return whether two full names agree on their first and last words."""
    ta, tb = name_tokens(a), name_tokens(b)
    if len(ta) < 2 or len(tb) < 2:
        return False
    return ta == tb or (ta[0], ta[-1]) == (tb[0], tb[-1])


def is_generic_label(label: str) -> bool:
    """Return whether a label names a role many people share (QUESTION, MODERATOR)."""
    words = " ".join(label.upper().replace(".", " ").split())
    return words in GENERIC_LABELS or bool(re.match(r"^SENIOR .*OFFICIAL( [A-Z]+)?$", words))


def surname(name: str) -> str:
    """Return a name's last folded word: every name match needs it to agree ("" for none)."""
    tokens = name_tokens(name)
    return tokens[-1][:100] if tokens else ""


def sort_key(sort_name: str) -> str:
    """Return the A–Z key of a sort name ("Videgaray Caso, Luis" → "videgaray0caso00luis").

    Folded words are joined by "0" and the family name ends in "00": locale collations ignore
    spaces and commas, not digits, so the key sorts the same (family name, then given names,
    word by word) on SQLite and under any PostgreSQL collation.
    """
    family, _, given = sort_name.partition(",")
    key = "0".join(fold(family).split())
    given_words = fold(given).split()
    return f"{key}00{'0'.join(given_words)}" if given_words else key
