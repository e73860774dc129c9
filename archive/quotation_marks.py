"""Curly quotation marks around a text that may hold its own, never doubled (“"…"”)."""

from __future__ import annotations

import re

from django.utils.text import Truncator

# A text wholly inside one pair of double (or single curly) quotes: a searched phrase.
ENCLOSED = re.compile(r'^\s*(?:"([^"“”]*)"|“([^"“”]*)”|‘([^‘’]*)’)\s*$')
DOUBLE = re.compile(r'["“”]')


def quoted(text: str, length: int | None = None) -> str:
    """Return text in curly double quotes, cut to `length` characters if given.

    A text already in quotes ('"we are the market"') keeps one pair; double quotes inside
    become single ones (“He said ‘no’”), as quotations nest.
    """
    enclosed = ENCLOSED.match(text)
    if enclosed:
        inner = next(part for part in enclosed.groups() if part is not None)
    else:
        inner = DOUBLE.sub(_single, text)
    inner = " ".join(inner.split())
    if length is not None:
        inner = Truncator(inner).chars(length)
    return f"“{inner}”"


def _single(mark: re.Match) -> str:
    """Return the single quote for a double one: opening at a word's start, else closing."""
    text, at = mark.string, mark.start()
    if mark.group() == "“" or (mark.group() == '"' and (at == 0 or text[at - 1].isspace())):
        return "‘"
    return "’"
