"""How text becomes terms, for snippets: the engine's own analyzer, or a plain one without it.

An engine backend may offer `analyzer()`, returning an object with `tokens(text)`, each token as
(start, end, term) with character offsets, and `terms(text)`, the terms alone; snippets then mark
exactly what the engine matched (stemmed and folded). Engines that offer none (haystack's
Elasticsearch backend) get the plain analyzer: words lower-cased and folded, not stemmed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Protocol

from haystack import connections

# The engines' tokenizer pattern: words, with inner dots kept ("U.S").
WORD = re.compile(r"\w+(?:\.\w+)*")
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


def current() -> Analyzer:
    """Return the analyzer of the configured engine, or the plain one."""
    backend = connections["default"].get_backend()
    offered = getattr(backend, "analyzer", None)
    return offered() if offered else PlainAnalyzer()
