"""How text becomes terms, for snippets: the engine's own analyzer, or a plain one without it.

An engine backend may offer `analyzer()`, returning an object with `tokens(text)`, each token as
(start, end, term) with character offsets, and `terms(text)`, the terms alone; snippets then mark
exactly what the engine matched (stemmed and folded). Engines that offer none (haystack's
Elasticsearch backend) get the plain analyzer: words lower-cased and folded, not stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from typing import Protocol

from haystack import connections

# The engines' tokenizer pattern: words, with inner dots kept ("U.S").
WORD = re.compile(r"\w+(?:\.\w+)*")
# Capitals with dots, "U.S.", "U.N", "D.C.": indexed and searched as one word ("US"), so that
# `US` finds U.S. (engines' tokenizers split it into letters or keep its dots). A query's are
# joined whatever their case ("u.s."); a text's only in capitals ("e.g." stays two words).
INITIALISM = re.compile(r"(?<![\w.])[A-Z](?:\.[A-Z])+\.?(?![\w])")
TYPED_INITIALISM = re.compile(INITIALISM.pattern, re.IGNORECASE)
# Letters that Unicode does not decompose into a base letter and an accent.
UNDECOMPOSED = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss"}
)


class Analyzer(Protocol):
    def tokens(self, text: str) -> list[tuple[int, int, str]]: ...

    def terms(self, text: str) -> list[str]: ...


@lru_cache(maxsize=50_000)
def fold(word: str) -> str:
    """Return a word lower-cased and without accents."""
    decomposed = unicodedata.normalize("NFKD", word.translate(UNDECOMPOSED).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class PlainAnalyzer:
    """Words lower-cased and accent-folded, for engines that do not share their analyzer."""

    def tokens(self, text: str) -> list[tuple[int, int, str]]:
        return [(m.start(), m.end(), fold(m.group())) for m in WORD.finditer(text)]

    def terms(self, text: str) -> list[str]:
        return [fold(word) for word in WORD.findall(text)]


def join_initialisms(text: str, pattern: re.Pattern = INITIALISM) -> str:
    """Return the text with its initialisms' dots taken out: "the U.S. side" → "the US side"."""
    return pattern.sub(lambda match: match.group().replace(".", ""), text)


def tokens(text: str, analyzer: Analyzer) -> list[tuple[int, int, str]]:
    """Return the analyzer's tokens of the text as the index has it (initialisms joined).

    Offsets are the original text's: "U.S." is one token from the U to its last dot.
    """
    if not INITIALISM.search(text):
        return analyzer.tokens(text)
    # Where each stretch of the joined text starts, in it and in the original text: a new
    # stretch after every dot taken out.
    starts, origins, dotted = [0], [0], set()
    for match in INITIALISM.finditer(text):
        for offset, ch in enumerate(match.group()):
            if ch == ".":
                origins.append(match.start() + offset + 1)
                starts.append(origins[-1] - len(origins) + 1)
        if match.group().endswith("."):
            dotted.add(match.end() - 1)  # "U.S." is marked with its last dot

    def original(at: int) -> int:
        stretch = bisect_right(starts, at) - 1
        return origins[stretch] + at - starts[stretch]

    found = []
    for start, end, term in analyzer.tokens(join_initialisms(text)):
        end = original(end - 1) + 1
        found.append((original(start), end + (end in dotted), term))
    return found


def current() -> Analyzer:
    """Return the analyzer of the configured engine, or the plain one."""
    backend = connections["default"].get_backend()
    offered = getattr(backend, "analyzer", None)
    return offered() if offered else PlainAnalyzer()
