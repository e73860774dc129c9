"""Speaker labels: recognise `LABEL:` and `Q` at the start of a line and split them into parts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from archive.reading.lexicon import (
    HEAD_ROLES,
    HONORIFICS,
    MODERATOR_LABELS,
    NUMBER_WORDS,
    QUESTION_LABELS,
    ROLE_HEADS,
    ROLE_WORDS,
    SINGLE_LABELS,
    UNIDENTIFIED_LABELS,
    near,
)

LABEL_LINE = re.compile(r"\s*([^:\n]{1,70}?)\s*:(?:\s+|$)(.*)\Z", re.S)
Q_LINE = re.compile(r"\s*Q(?:\s*:\s*|\s+)(?=[^\s\W\da-z_]|[(“\"'‘—–-])(.*)\Z", re.S)
LABEL_CHARS = frozenset(".'’-")


@dataclass(frozen=True)
class Label:
    """A printed speaker label and what its words say: role words, name words, honorific."""

    printed: str
    role: tuple[str, ...] = ()
    name: tuple[str, ...] = ()
    honorific: bool = False
    canonical: str = ""
    corrected: bool = False

    @property
    def is_question(self) -> bool:
        """Return whether the label marks a question from the floor."""
        return self.canonical in QUESTION_LABELS

    @property
    def is_moderator(self) -> bool:
        """Return whether the label names the moderating role itself."""
        return self.canonical in MODERATOR_LABELS

    @property
    def is_unidentified(self) -> bool:
        """Return whether the label names nobody in particular (PARTICIPANT, AUDIENCE MEMBER)."""
        return self.canonical in UNIDENTIFIED_LABELS or not self.printed

    @property
    def is_role(self) -> bool:
        """Return whether the label names a role, not a person (MODERATOR, AUDIENCE MEMBER)."""
        if self.name and self.honorific:
            return False
        words = [w for w in self.canonical.split() if w not in NUMBER_WORDS]
        return self.is_moderator or self.is_unidentified or bool(words and words[-1] in ROLE_HEADS)

    @property
    def strong(self) -> bool:
        """Return whether the label's words alone make it a speaker label."""
        if self.honorific or self.canonical in SINGLE_LABELS | QUESTION_LABELS or self.is_role:
            return True  # a role's label too: "AUDIENCE: Hear! Hear!" is never the speaker's words
        return any(word in HEAD_ROLES for word in self.role)


NO_LABEL = Label(printed="")


def is_label_token(token: str) -> bool:
    """Return whether a word can be part of an upper-case label (letters, dots, hyphens)."""
    if not token[0].isalpha() or token != token.upper():
        return False  # the quick test first: few words are in capitals
    return all(c.isalpha() or c in LABEL_CHARS for c in token)


def split_label(line: str) -> tuple[str, str] | None:
    """Return (printed label, rest of line) when the line starts with a speaker label."""
    q = Q_LINE.match(line)
    if q:
        return "Q", q.group(1).strip()
    if ":" not in line:
        return None  # as most lines: spares the pattern trying all 70 lengths of a label
    match = LABEL_LINE.match(line)
    if not match:
        return None
    printed = " ".join(match.group(1).split())
    tokens = printed.split()
    if not 1 <= len(tokens) <= 7 or not all(is_label_token(t) for t in tokens):
        return None
    if sum(c.isalpha() for c in printed) < 2:
        return None
    return printed, match.group(2).strip()


def canonical_words(printed: str) -> list[str]:
    """Return the label's words without dots, typos in role words corrected."""
    words = [w.strip(".") for w in printed.replace(".", ". ").split() if w.strip(".")]
    # The last word is mostly a name, kept as printed, unless an honorific-less label would
    # otherwise name nobody: "THE PRESIDNET" is the President.
    titled = any(w in HONORIFICS for w in words)
    corrected = []
    for i, word in enumerate(words):
        last = i == len(words) - 1
        if word in ROLE_WORDS or (last and (titled or i == 0)):
            fixed = word
        elif last:
            fixed = near(word, HEAD_ROLES) if all(w in ROLE_WORDS for w in words[:-1]) else ""
        else:
            fixed = near(word, ROLE_WORDS)
        corrected.append(fixed or word)
    return corrected


@lru_cache(maxsize=1024)  # a label recurs with every turn it opens
def parse_label(printed: str) -> Label:
    """Return the parts of a printed label: role words, name words, honorific, canonical form."""
    words = canonical_words(printed)
    raw = [w.strip(".") for w in printed.replace(".", ". ").split() if w.strip(".")]
    if len(words) == 1:
        single = near(words[0], SINGLE_LABELS | QUESTION_LABELS) or words[0]
        return Label(printed, (single,), canonical=single, corrected=single != raw[0])
    honorific = any(w in HONORIFICS for w in words)
    rest = [w for w in words if w not in HONORIFICS]
    role = [w for w in rest if w in ROLE_WORDS and w != "THE"]
    name = [w for w in rest if w not in ROLE_WORDS]
    if not name and honorific and rest and rest[-1] not in HEAD_ROLES:
        role, name = role[:-1], [rest[-1]]  # "MS. MAJOR"; but "MR. PRESIDENT" is the office
    canonical = " ".join(w for w in words if w != "THE")
    return Label(printed, tuple(role), tuple(name), honorific, canonical, words != raw)
