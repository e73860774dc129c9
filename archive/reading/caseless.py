"""Case-insensitive patterns searched fast: case-sensitively, in the lower-cased text."""

from __future__ import annotations

import re
from collections.abc import Iterator


def lowers_badly(text: str) -> bool:
    """Return whether text holds a character that str.lower() does not lower as re.I matches it."""
    # lower() keeps every other character in its place, a letter, digit or space as before, and
    # matching a lower-case pattern as re.I would; but "İ" lowers to two characters, and re.I
    # also matches "ı" to "i" and "ſ" to "s". Three `in` tests are quicker than one regex.
    return "İ" in text or "ı" in text or "ſ" in text


class Caseless:
    """A case-insensitive pattern, searched several times faster than re.I searches it."""

    # re.I makes re try every alternative at every position; case-sensitive, it skips ahead.
    # Without `starts`, the pattern is written in lower case and searched for in the lower-cased
    # text. With it, every match begins a word, in one of the lower-case ways `starts` gives: re
    # skips from one character that ends a word (or the text's start) to the next, and the
    # pattern, as written, is tried only where one of those ways follows.

    def __init__(self, pattern: str, starts: str = ""):
        """Compile the pattern, and what to search the lower-cased text with."""
        self.exact = re.compile(pattern, re.I)
        self.lower = re.compile(rf"[^a-z0-9_](?:{starts})" if starts else pattern)
        self.anchored = bool(starts)

    def finditer(self, text: str) -> Iterator[re.Match]:
        """Yield the matches re.I finds in text; without `starts`, their groups are lower case."""
        if lowers_badly(text):
            return self.exact.finditer(text)  # the slow way, but right
        if not self.anchored:
            return self.lower.finditer(text.lower())
        return self.tried_at_starts(text)

    def tried_at_starts(self, text: str) -> Iterator[re.Match]:
        """Yield the pattern's matches in text, trying it only where a word starts as it can."""
        padded, position = " " + text.lower(), 0  # a hit at i in padded: a start at i in text
        while hit := self.lower.search(padded, position):
            start = hit.start()
            match = self.exact.match(text, start)
            if match:
                yield match
            position = max(match.end(), start + 1) if match else start + 1

    def occurs(self, text: str) -> bool:
        """Return whether the pattern matches anywhere in text."""
        return next(self.finditer(text), None) is not None
