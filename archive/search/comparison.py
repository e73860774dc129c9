"""What a quote check shows of a match: the real passage with the quote's differences marked,
what differs in words, the passage's context and its citation.

The passage is the real text, escaped here piece by piece (only our own tags are HTML): the
statement's words the quote left out, changed or moved are <ins>, the quote's words that are
not in the statement are <del>, a word in another form is a dotted <span>.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from archive.search.quote_check import Match

CONTEXT_WORDS = 30
MARKS = {
    "same": "{word}",
    "form": '<span class="form" title="You wrote “{typed}”">{word}</span>',
    "changed": (
        # A thin space between them, so "fact" and "reality" do not read as one word.
        '<del class="changed">{typed}</del>\u2009'
        '<ins class="changed" title="You wrote “{typed}”">{word}</ins>'
    ),
    "dropped": '<ins class="dropped" title="Not in your quote">{word}</ins>',
    "moved": '<ins class="moved" title="In another place in your quote">{word}</ins>',
    "added": ' <del class="added" title="Not in the statement">{typed}</del>',
}


def marked_passage(match: Match, quote: str) -> SafeString:
    """Return the real passage as HTML, the quote's differences marked."""
    text, pieces = match.utterance.text, []
    cursor = match.span[0]
    for step in match.alignment.steps:
        typed = quote[step.typed.start : step.typed.end] if step.typed else ""
        word = ""
        if step.real is not None:
            pieces.append(escape(text[cursor : step.real.start]))  # the spaces, the commas
            word, cursor = text[step.real.start : step.real.end], step.real.end
        pieces.append(format_html(MARKS[step.kind], word=word, typed=typed))
    return mark_safe("".join(pieces))  # every piece escaped


def differences(match: Match, quote: str) -> list[str]:
    """Return what differs, in words: “a” for “the”, “also” left out, “really” added, …"""
    text, said = match.utterance.text, []

    def real(step):
        return text[step.real.start : step.real.end]

    def typed(step):
        return quote[step.typed.start : step.typed.end]

    for kind, run in groupby(match.alignment.steps, key=lambda step: step.kind):
        steps = list(run)
        if kind in {"changed", "form"}:
            said += [f"“{typed(s)}” for “{real(s)}”" for s in steps]
        elif kind == "dropped":
            said.append(f"“{' '.join(map(real, steps))}” left out")
        elif kind == "added":
            said.append(f"“{' '.join(map(typed, steps))}” added")
        elif kind == "moved":
            said.append(f"“{' '.join(map(real, steps))}” in another place")
    return said


def context(match: Match) -> tuple[str, str]:
    """Return the words of the paragraph before and after the passage (30 at most, "…" cut)."""
    text, (start, end), (opening, closing) = match.utterance.text, match.span, match.paragraph
    before, after = text[opening:start].split(), text[end:closing].split()
    head = " ".join(before[-CONTEXT_WORDS:])
    tail = " ".join(after[:CONTEXT_WORDS])
    if len(before) > CONTEXT_WORDS:
        head = f"… {head}"
    if len(after) > CONTEXT_WORDS:
        tail = f"{tail} …"
    # The passage's first word may follow its sentence's without a space: keep what is there.
    return head + (" " if start > opening and text[start - 1].isspace() else ""), (
        (" " if end < closing and text[end].isspace() else "") + tail
    )


def interpreted(match: Match) -> bool:
    """Return whether the passage lies in paragraphs of the interpreter's."""
    text, (start, _end) = match.utterance.text, match.span
    index = text.count("\n\n", 0, start)
    return index in set(match.utterance.interpreted_paragraphs)


def citation(match: Match, permalink: str) -> str:
    """Return the citation of the matched utterance as text: the quote's own page's, from the
    one template that writes it, so the two never differ."""
    cited = render_to_string(
        "archive/includes/citation.html",
        {
            "id": "citation",
            "utterance": match.utterance,
            "role": match.utterance.speaker.role_beside_name(match.role),
            "permalink": permalink,
            "accessed": timezone.localdate(),
        },
    )
    return html.unescape(strip_tags(cited)).strip()


@dataclass
class Shown:
    """A match as the check's page and the API show it."""

    match: Match
    passage: SafeString
    differences: list[str]
    before: str
    after: str
    citation: str
    url: str
    marked_url: str
    interpreted: bool
    steps: list[dict]  # the comparison word by word, as data


def show(match: Match, quote: str, absolute=str) -> Shown:
    """Return what is shown of a match; `absolute` makes the permalink absolute for citing."""
    url = match.utterance.get_absolute_url()
    start, end = match.span
    phrase = " ".join(match.utterance.text[start:end].split())
    before, after = context(match)
    return Shown(
        match,
        marked_passage(match, quote),
        differences(match, quote),
        before,
        after,
        citation(match, absolute(url)),
        url,
        f"{url}?{urlencode({'q': f'“{phrase}”'})}",
        interpreted(match),
        steps_json(match, quote),
    )


def steps_json(match: Match, quote: str) -> list[dict]:
    """Return the comparison word by word: each real word (or the quote's added one), its kind
    and what the quote has there."""
    text = match.utterance.text
    return [
        {
            "kind": step.kind,
            "word": text[step.real.start : step.real.end] if step.real else None,
            "typed": quote[step.typed.start : step.typed.end] if step.typed else None,
        }
        for step in match.alignment.steps
    ]
