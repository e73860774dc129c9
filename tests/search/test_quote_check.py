"""The quote check: a quote as remembered against the real words, on either engine."""

import datetime
import random

import pytest
from django.conf import settings
from django.core.management import call_command

from archive.benchmark import quotes
from archive.models import Utterance
from archive.search import analysis, quote_check
from archive.search.alignment import CLOSE, EXACT, NOT_FOUND, align
from archive.search.quote_check import words_of

pytestmark = pytest.mark.django_db

TILLERSON = (
    "America must also confront the reality that we are the market, but for the seemingly "
    "endless demand by addicted users and the successful recruitment of young and vulnerable "
    "new users, there would be no market."
)


def aligned(quote, real=TILLERSON):
    """Return the alignment of a quote with a real text, and its steps other than "same"."""
    analyzer = analysis.current()
    found = align(words_of(quote, analyzer), words_of(real, analyzer))
    if found is None:  # not one of the quote's words is there
        return None, []
    steps = [
        (s.kind, s.real.surface if s.real else None, s.typed.surface if s.typed else None)
        for s in found.steps
        if s.kind != "same"
    ]
    return found, steps


def passage(found, real=TILLERSON):
    words = words_of(real, analysis.current())
    return real[words[found.start].start : words[found.end - 1].end]


@pytest.mark.parametrize(
    ("quote", "verdict", "differs"),
    [
        ("we are the market", EXACT, []),
        ("We are THE market!", EXACT, []),
        ("we are a market", CLOSE, [("changed", "the", "a")]),
        (
            "America must confront the reality that we are the market",
            CLOSE,
            [("dropped", "also", None)],
        ),
        (
            "America must also really confront the reality that we are the market",
            CLOSE,
            [("added", None, "really")],
        ),
        ("we are the markets", CLOSE, [("form", "market", "markets")]),
        (
            "the reality that we are the market America must also confront",
            CLOSE,
            [("moved", w, w) for w in ("america", "must", "also", "confront")],
        ),
    ],
)
def test_each_kind_of_slip_is_found_and_named(quote, verdict, differs):
    found, steps = aligned(quote)
    assert found.verdict == verdict
    assert steps == differs


def test_a_paraphrase_of_the_sentence_is_close():
    found, _ = aligned("America has to confront the fact that we are the market")
    assert found.verdict == CLOSE
    assert passage(found) == "America must also confront the reality that we are the market"
    found, _ = aligned(
        "the successful recruitment of young new users and the endless demand of addicted users"
    )
    assert found.verdict == CLOSE


@pytest.mark.parametrize(
    "quote",
    [
        "the market decides the prices",
        "we are the champions of the world",
        "the weather in Washington was lovely this spring",
        "there would be no peace without the users",
    ],
)
def test_an_unrelated_passage_is_never_close(quote):
    found, _ = aligned(quote)
    assert found is None or found.verdict == NOT_FOUND


@pytest.mark.parametrize(
    ("quote", "real"),
    [
        # Across a paragraph break the quote does not have: words of two thoughts.
        ("we are the market", "Homes are on the market.\n\nWe will see."),
        # Two slips in four words: a passage sharing a phrase's shape, not the quote.
        ("we are the market", "Homes are on the market for a year."),
        # "plan" is no slip of "planet", and "no" is half the meaning.
        ("there is no planet B", "Is there a plan B for the talks?"),
        # A negation left out turns the statement round.
        ("we will not accept this deal", "We will accept this deal."),
    ],
)
def test_what_says_something_else_is_not_close(quote, real):
    found, _ = aligned(quote, real)
    assert found is None or found.verdict == NOT_FOUND


def test_a_negation_in_another_form_is_still_close():
    found, _ = aligned("we won't accept this deal", "We will not accept this deal.")
    assert found.verdict == CLOSE


def test_a_slip_of_a_letter_is_still_a_typo():
    found, steps = aligned(
        "Secretary Tilerson said we are the market", "Secretary Tillerson said we are the market"
    )
    assert found.verdict == CLOSE


def test_the_passage_is_only_what_the_quote_covers():
    found, _ = aligned("we are a market")
    assert passage(found) == "we are the market"
    twice = "We know that we are the market for these drugs."
    found, steps = aligned("we are a market", twice)
    assert passage(found, twice) == "we are the market" and steps == [("changed", "the", "a")]


def test_a_phrase_near_allows_that_many_words_between_on_either_engine(archive):
    from haystack.query import SearchQuerySet

    from archive.search.inputs import Near

    def found(text, gaps):
        return {int(r.pk) for r in SearchQuerySet().models(Utterance).filter(text=Near(text, gaps))}

    tillerson = archive["utterances"][0].pk  # "… that we are the market, but …"
    assert tillerson in found("we are market", 1)
    assert tillerson not in found("we market", 1)  # two words between
    assert tillerson in found("we market", 2)
    assert tillerson in found("we are the market", 1)


def test_the_check_finds_the_utterance_first_with_its_differences(archive):
    answer = quote_check.check("we are a market")
    first = answer.matches[0]
    assert first.utterance == archive["utterances"][0] and answer.verdict == CLOSE
    assert [s.kind for s in first.alignment.steps] == ["same", "same", "changed", "same"]
    assert quote_check.check("We are the market.").verdict == EXACT


def test_the_check_keeps_to_the_speaker_and_period_asked(archive):
    kelly = quote_check.check("we must reduce drug demand", speaker="john-f-kelly")
    assert {m.utterance.speaker.slug for m in kelly.matches} == {"john-f-kelly"}
    assert kelly.verdict == EXACT
    assert not quote_check.check("we must reduce drug demand", speaker="fumio-kishida").matches
    later = quote_check.check("we are a market", start=datetime.date(2018, 1, 1))
    assert archive["utterances"][0] not in [m.utterance for m in later.matches]
    assert later.verdict == NOT_FOUND


def test_a_quote_of_no_words_or_of_unknown_words_finds_nothing(archive):
    assert quote_check.check("… — !").matches == []
    assert quote_check.check("zyxxy quolp").verdict == NOT_FOUND


def test_a_failing_engine_is_an_error_not_an_exception(archive, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("engine down")

    monkeypatch.setattr(quote_check, "candidates", broken)
    answer = quote_check.check("we are a market")
    assert answer.error == quote_check.FAILED and answer.verdict == NOT_FOUND


def test_mutated_sentences_of_the_dev_corpus_are_found_first(db):
    """A fixed set: 60 real sentences of the dev corpus, one to three words off."""
    call_command("loaddata", str(settings.BASE_DIR / "fixtures" / "corpus.json"), verbosity=0)
    call_command("rebuild_index", interactive=False, verbosity=0)
    texts = dict(Utterance.objects.values_list("pk", "text"))
    words = quotes.vocabulary(texts.values())
    cases = quotes.cases(quotes.unique_sentences(texts), 60, words, seed=19)
    rnd = random.Random(4)
    made_up = [
        quotes.Case(quotes.mutate(s, rnd, words)[0], s, None, "made up")
        for s in (
            "The committee will publish its report on fisheries in the spring of next year.",
            "Our football team played very well in the final match against the visitors.",
            "The bakery on the corner sells the best bread and cakes in the whole town.",
            "Rain is expected over the mountains tomorrow, with snow above two thousand metres.",
        )
    ]
    measured = quotes.measure(quote_check.check, cases, made_up)
    assert measured["first"] >= 0.9, measured["misses"]
    assert measured["top3"] >= 0.95, measured["misses"]
    assert measured["called_close"] >= 0.85
    assert measured["held_out_called_close"] == 0


def test_a_short_quote_of_common_words_is_found_among_many_turns_using_them(archive):
    """A short quote ("we are a market"): every turn with its words, and every "we are a",
    is a likelier candidate than a long speech holding "we are the market" once."""
    tillerson, event = archive["utterances"][0], archive["utterances"][0].event
    made = [
        Utterance(
            event=event,
            sequence=100 + n,
            speaker=tillerson.speaker,
            label=tillerson.label,
            text=f"We are a partner, number {n}, and the market is open.",
        )
        for n in range(60)
    ]
    Utterance.objects.bulk_create(made)
    long = "Thank you all for coming today to this meeting. " * 40
    # "We" twice before the words: the passage is only what the quote covers.
    tillerson.text = long + "We know that we are the market for these drugs. " + long
    tillerson.save()
    call_command("rebuild_index", interactive=False, verbosity=0)
    answer = quote_check.check("we are a market")
    first = answer.matches[0]
    assert first.utterance == tillerson and answer.verdict == CLOSE
    assert tillerson.text[slice(*first.span)] == "we are the market"
