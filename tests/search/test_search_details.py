"""Search details a user met: words by paragraph, lists without words, U.S., curly quotes,
snippet edges, marked words on the quote page and the event title's weight."""

import re

import pytest
from django.urls import reverse

from archive.importing import editing
from archive.models import Utterance
from archive.search import analysis, syntax
from archive.search.snippets import snippet

pytestmark = pytest.mark.django_db

SWITCH = "Thank you very much. Now, if you'll allow me, I will switch to Spanish."
STEP = "Today we have taken one more step in the building of a new relationship."


def results(client, **params):
    """Return the search page's rows and its outcome."""
    response = client.get(reverse("archive:search"), params)
    assert response.status_code == 200
    outcome = response.context["outcome"]
    return outcome.rows, outcome


def ids(rows):
    return [row.utterance.pk for row in rows]


def add_turn(archive, capture, text, marks=(), speaker="luis-videgaray", event="drugs-2017"):
    """Save a turn through the write path (so it is indexed) and return it."""
    first = archive["utterances"][0]
    turn = Utterance(
        event=archive["events"][event],
        sequence=100 + Utterance.objects.count(),
        speaker=archive["speakers"][speaker],
        label=first.label,
        text=text,
        interpreted_paragraphs=list(marks),
    )
    with capture(execute=True):
        editing.save_utterance(utterance=turn)
    return turn


@pytest.fixture
def switching(archive, django_capture_on_commit_callbacks):
    """Videgaray's turn: an English paragraph, then one through the interpreter."""
    return add_turn(archive, django_capture_on_commit_callbacks, f"{SWITCH}\n\n{STEP}", [1])


def test_original_words_of_a_turn_that_switches_language_are_found_as_original(client, switching):
    assert ids(results(client, q="Spanish", words="original")[0]) == [switching.pk]
    assert ids(results(client, q="Spanish", words="interpreted")[0]) == []
    assert ids(results(client, q="relationship", words="interpreted")[0]) == [switching.pk]
    assert ids(results(client, q="relationship", words="original")[0]) == []


def test_snippet_and_badge_follow_the_paragraphs_shown(client, switching):
    (row,) = results(client, q="Spanish")[0]
    assert row.words == "original" and "Via interpreter" not in str(row.snippet)
    (row,) = results(client, q="relationship")[0]
    assert row.words == "interpreted"
    body = client.get(reverse("archive:search"), {"q": "relationship"}).content.decode()
    assert "Via interpreter</span>" in body
    body = client.get(reverse("archive:search"), {"q": "Spanish"}).content.decode()
    assert "Via interpreter</span>" not in body


def test_a_scoped_snippet_shows_only_the_paragraphs_of_its_scope(
    client, archive, django_capture_on_commit_callbacks
):
    turn = add_turn(
        archive,
        django_capture_on_commit_callbacks,
        "The border matters to us, I said in English.\n\nThe border matters, said the interpreter.",
        [1],
    )
    (row,) = results(client, q="border", words="original")[0]
    assert row.utterance.pk == turn.pk and "interpreter" not in str(row.snippet)
    (row,) = results(client, q="border", words="interpreted")[0]
    assert "English" not in str(row.snippet) and row.words == "interpreted"
    data = client.get("/api/search", {"q": "border", "words": "interpreted"}).json()
    assert data["results"][0]["snippet_words"] == "interpreted"


def test_an_empty_query_with_filters_lists_newest_first(client, archive):
    rows, outcome = results(client, speaker="antony-j-blinken")
    blinken = [u for u in archive["utterances"] if u.speaker.slug == "antony-j-blinken"]
    assert outcome.searched and sorted(ids(rows)) == sorted(u.pk for u in blinken)
    dates = [row.utterance.event.date for row in rows]
    assert dates == sorted(dates, reverse=True)
    rows, _ = results(client, words="interpreted", speaker="luis-videgaray")
    assert ids(rows) == [archive["utterances"][2].pk]
    assert not results(client, q="")[1].searched  # no words and no filter: the prompt


def test_the_api_lists_an_empty_query_with_filters(client, archive):
    data = client.get("/api/search", {"words": "interpreted", "speaker": "fumio-kishida"}).json()
    assert [r["id"] for r in data["results"]] == [archive["utterances"][6].pk]
    assert client.get("/api/search", {"sort": "newest"}).status_code == 400


def test_us_finds_u_s_and_marks_it(client, archive, django_capture_on_commit_callbacks):
    turn = add_turn(archive, django_capture_on_commit_callbacks, "The U.S. stands with Mexico.", [])
    for typed in ("US", "U.S.", "u.s."):
        rows, _ = results(client, q=f"{typed} Mexico")
        assert ids(rows) == [turn.pk], typed
    assert "<mark>U.S.</mark>" in str(results(client, q="US stands")[0][0].snippet)


def test_single_curly_quotes_make_a_phrase():
    assert syntax.parse("‘demand drives’").groups == [[syntax.Clause("demand drives", True)]]
    inner = syntax.parse("‘we don’t know’ market")
    assert inner.groups[0] == [syntax.Clause("we don’t know", True)]
    assert inner.groups[1] == [syntax.Clause("market", False)]
    assert syntax.parse("don’t").groups == [[syntax.Clause("don’t", True)]]


def test_single_curly_quotes_search_the_phrase(client, archive):
    assert results(client, q="demand drives")[1].total == 1
    assert results(client, q="‘demand drives’")[1].total == 0
    assert results(client, q="‘the market’")[1].total == results(client, q='"the market"')[1].total


@pytest.mark.parametrize("pad", range(0, 24))
def test_snippets_start_and_end_at_word_boundaries(db, pad):
    text = (
        "Mr. O’Neill’s U.S.-Mexico well-known talks can’t end. " * 6
        + "x" * pad
        + " The market opens. "
        + "Mr. O’Neill’s U.S.-Mexico well-known talks can’t end. " * 6
    )
    shown = re.sub("</?mark>", "", str(snippet(text, ["market"], analysis.current())))
    for piece in shown.split(" … "):
        start = text.index(piece)
        assert start == 0 or text[start - 1].isspace(), piece[:20]
        end = start + len(piece)
        assert end == len(text) or text[end].isspace(), piece[-20:]


def test_a_snippet_without_matches_ends_at_a_word_boundary(db):
    text = "Interdependence " * 40
    shown = str(snippet(text, ["absent"], analysis.current()))
    assert shown.endswith("Interdependence …")


def test_the_quote_page_reached_from_a_result_marks_the_words(client, archive):
    rows, _ = results(client, q="markets demand")
    assert rows[0].marked_url.endswith("?q=markets+demand")
    body = client.get(rows[0].marked_url).content.decode()
    quote = body.split('<figure class="quote">', 1)[1].split("</figure>", 1)[0]
    assert "<mark>market</mark>" in quote and "<mark>Demand</mark>" in quote
    plain = client.get(archive["utterances"][0].get_absolute_url()).content.decode()
    assert "<mark>" not in plain


def test_the_quote_page_marks_a_phrase_only_where_it_runs(client, archive):
    url = archive["utterances"][0].get_absolute_url()
    body = client.get(url, {"q": '"the market"'}).content.decode()
    quote = body.split('<figure class="quote">', 1)[1].split("</figure>", 1)[0]
    assert re.findall("<mark>(.*?)</mark>", quote) == ["the", "market"]


def test_the_event_title_does_not_outrank_the_words_of_the_turn(
    client, archive, django_capture_on_commit_callbacks
):
    event = archive["events"]["drugs-2017"]
    event.title = "Press Availability With Secretary of Homeland Security John Kelly"
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_event(event=event)
    mention = add_turn(
        archive,
        django_capture_on_commit_callbacks,
        "I spoke with Kelly about the wall and about many other matters of the border, "
        "the ports of entry, the budget and the officers who serve there every day.",
        speaker="rex-w-tillerson",
    )
    add_turn(archive, django_capture_on_commit_callbacks, "Can I go first?", [], "rex-w-tillerson")
    rows, _ = results(client, q="Kelly")
    assert rows[0].utterance.pk == mention.pk, [row.utterance.text[:30] for row in rows]
    # Kelly's own turns come next; those only the title names him come last.
    own = [row.utterance.speaker.slug == "john-f-kelly" for row in rows[1:]]
    assert own[0] and False in own, "the title still finds the event's other turns"
    assert own == sorted(own, reverse=True), [row.utterance.text[:30] for row in rows]
