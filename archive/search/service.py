"""Run a search form into one page of results with facets, shared by the page and the API."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from haystack import connections
from haystack.inputs import Exact
from haystack.query import SQ, EmptySearchQuerySet, SearchQuerySet

from archive.search import analysis, comparison, people, quote_check, syntax
from archive.search.documents import day_number
from archive.search.present import Row, facet_lists, result_rows
from archive.search.snippets import marked

log = logging.getLogger(__name__)
PAGE_SIZE = 20
MAX_PAGE = 500
# Whoosh's corrector takes 0.1-0.3 s a word it does not know, longer the longer the word.
MAX_SUGGEST_WORDS, MAX_SUGGEST_LENGTH = 4, 30
FAILED = "The search could not be run just now. Please try again, or simplify the query."


@dataclass
class Outcome:
    """What one search produced; `searched` is False when there was nothing to search for."""

    searched: bool = False
    page: Page | None = None
    rows: list[Row] = field(default_factory=list)
    speakers: list = field(default_factory=list)  # the people the search's words name
    # A phrase that matched nothing, checked as a quote: the phrase and its exact or close matches.
    checked: str = ""
    closest: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)
    suggestion: str | None = None
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def total(self) -> int:
        return self.page.paginator.count if self.page else 0


def run(form, page_param, page_size: int = PAGE_SIZE) -> Outcome:
    """Search with a bound form and return the requested page; never raises."""
    outcome = Outcome(notes=list(form.parsed.notes) if form.is_valid() else [])
    sqs = form.search()
    if isinstance(sqs, EmptySearchQuerySet):
        return outcome
    outcome.searched = True
    if not form.parsed.is_empty and not form.cleaned_data.get("speaker"):
        outcome.speakers = people.speakers_named(form.cleaned_data["q"])
    requested = page_number(page_param, outcome.notes)
    try:
        outcome.page = paginate(sqs, requested, page_size, outcome.notes)
        outcome.facets = facet_lists(sqs.facet_counts())
        if outcome.total == 0 and not form.parsed.is_empty:
            outcome.suggestion = suggest(form.cleaned_data["q"], form.parsed.words)
            outcome.checked, outcome.closest = closest_to_phrase(form)
        outcome.rows = result_rows(
            outcome.page.object_list,
            form.parsed.highlights,
            analysis.current(),
            form.scope,
            form.cleaned_data.get("q") or "",
        )
    except Exception:
        # A broken index or engine must never turn into a server error for a reader.
        log.exception("Search failed for %r", form.cleaned_data.get("q"))
        outcome.page, outcome.error = None, FAILED
    return outcome


def page_number(value, notes: list[str]) -> int:
    """Return the requested page as an int of at least 1, noting any correction."""
    try:
        number = int(value or 1)
    except (TypeError, ValueError):
        notes.append("That page number is not a number; showing the first page.")
        return 1
    if number < 1:
        notes.append("Pages start at 1; showing the first page.")
        return 1
    return number


def paginate(sqs, requested: int, page_size: int, notes: list[str]) -> Page:
    """Run the query once for the page (and its count and facets), falling back to the last page."""
    number = min(requested, MAX_PAGE)
    list(sqs[(number - 1) * page_size : number * page_size])
    last = max(1, math.ceil(sqs.count() / page_size))
    if requested > last:
        notes.append(f"There is no page {requested}; this is the last page, {last}.")
        number = last
    elif requested > number:
        notes.append(f"Only the first {MAX_PAGE} pages can be shown; this is page {number}.")
    return Paginator(sqs, page_size).page(number)


def suggest(text: str, words: list[str]) -> str | None:
    """Return the query as typed with the engine's corrections of its words, if it has any."""
    backend = connections["default"].get_backend()
    if not words or len(words) > MAX_SUGGEST_WORDS:
        return None
    if not hasattr(backend, "create_spelling_suggestion"):
        return None
    # Only words standing alone are corrected: "ma?ket" searched "ma" and "ket", which the
    # reader did not type as words.
    searched, corrections = {word.lower() for word in words}, {}
    for word in dict.fromkeys(map(str.lower, syntax.standalone_words(text))):
        if word in searched and len(word) <= MAX_SUGGEST_LENGTH:
            fixed = (backend.create_spelling_suggestion(word) or word).lower()
            if fixed != word and syntax.PLAIN_WORD.fullmatch(fixed):
                corrections[word] = fixed
    return syntax.replace_words(text, corrections) if corrections else None


def marked_paragraphs(utterance, query: str) -> list[dict]:
    """Return the utterance's paragraphs, escaped, with the words of a search marked."""
    words = syntax.parse(query).highlights if query else []
    if not words:
        return utterance.paragraphs
    analyzer = analysis.current()
    return [
        {**paragraph, "text": marked(paragraph["text"], words, analyzer)}
        for paragraph in utterance.paragraphs
    ]


SIMILAR, SAME_EVENT = 5, 2


def similar(utterance, limit: int = SIMILAR) -> list[Row]:
    """Return the statements most like an utterance's words ("more like this", by the engine).

    Only other speakers' or other days' statements, and at most SAME_EVENT from its own event,
    so that other occasions show. Never raises: a broken engine gives none.
    """
    same = SQ(speaker=Exact(utterance.speaker.slug)) & SQ(day=day_number(utterance.event.date))
    try:
        sqs = SearchQuerySet().more_like_this(utterance).exclude(same).load_all()
        found, at_event = [], 0
        for result in sqs[: limit * 4]:
            if result.object is None or (
                result.object.event_id == utterance.event_id and at_event == SAME_EVENT
            ):
                continue
            at_event += result.object.event_id == utterance.event_id
            found.append(result)
            if len(found) == limit:
                break
        return result_rows(found, [], analysis.current())
    except Exception:
        log.exception("Similar statements failed for utterance %s", utterance.pk)
        return []


CLOSEST = 3


def check_quote(form, absolute=str, limit: int = quote_check.RESULTS):
    """Check the quote of a valid QuoteCheckForm: the Check and each match as shown, ranked."""
    data = form.cleaned_data
    answer = quote_check.check(
        data["q"], speaker=data["speaker"], start=data.get("from"), end=data.get("to"), limit=limit
    )
    return answer, [comparison.show(match, data["q"], absolute) for match in answer.matches]


def closest_to_phrase(form) -> tuple[str, list]:
    """Return the longest phrase searched (which matched nothing) and its close statements."""
    phrases = [c.text for group in form.parsed.groups for c in group if c.phrase]
    if not phrases:
        return "", []
    data = form.cleaned_data
    quote = max(phrases, key=len)
    answer = quote_check.check(
        quote, speaker=data.get("speaker") or "", start=data.get("from"), end=data.get("to")
    )
    found = [m for m in answer.matches if m.verdict != quote_check.NOT_FOUND][:CLOSEST]
    return quote, [comparison.show(match, quote) for match in found]
