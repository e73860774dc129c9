"""The read side on any engine: searches follow writes and rebuilds; snippets mark and escape."""

import re

import pytest
from django.core.management import call_command
from django.http import QueryDict
from haystack import connections
from haystack.query import SearchQuerySet

from archive.importing import editing
from archive.models import Utterance
from archive.search import analysis
from archive.search.present import facet_links, query_link
from archive.search.snippets import SNIPPET_CHARS, snippet

pytestmark = pytest.mark.django_db


def found(client, **params):
    """Return the utterance ids on the search page and the total it shows."""
    response = client.get("/search/", params)
    body = response.content.decode()
    ids = [int(pk) for pk in re.findall(r'class="snippet" cite="/utterances/(\d+)/"', body)]
    return ids, response.context["outcome"].total


def marked(text, words):
    return str(snippet(text, words, analysis.current()))


def test_search_after_a_write_sees_the_write(client, archive, django_capture_on_commit_callbacks):
    assert found(client, q="zebras") == ([], 0)
    utterance = archive["utterances"][0]
    added = Utterance(
        event=utterance.event,
        sequence=50,
        speaker=utterance.speaker,
        label=utterance.label,
        text="Zebras cross the market.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_utterance(utterance=added)
    assert found(client, q="zebras") == ([added.pk], 1)
    assert added.pk in found(client, q="market")[0]
    with django_capture_on_commit_callbacks(execute=True):
        editing.delete_utterances(utterances=Utterance.objects.filter(pk=added.pk))
    assert found(client, q="zebras") == ([], 0)
    assert added.pk not in found(client, q="market")[0]


def test_search_after_a_rebuild_sees_the_new_index(client, archive):
    found(client, q="market")
    # Changed outside the services: only the rebuild, which swaps in a new index, sees it.
    Utterance.objects.filter(pk=archive["utterances"][4].pk).update(text="Okapis are shy.")
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert found(client, q="okapis") == ([archive["utterances"][4].pk], 1)


def test_another_thread_sees_writes_and_rebuilds(archive, settings):
    import threading

    answers = []

    def search_elsewhere():
        # A thread of its own gets its own haystack connection, as a server's request does.
        answers.append(SearchQuerySet().filter(content="okapis").count())

    def elsewhere():
        thread = threading.Thread(target=search_elsewhere)
        thread.start()
        thread.join()
        return answers.pop()

    assert elsewhere() == 0
    Utterance.objects.filter(pk=archive["utterances"][4].pk).update(text="Okapis are shy.")
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert elsewhere() == 1
    Utterance.objects.filter(pk=archive["utterances"][5].pk).update(text="Okapis again.")
    call_command("update_index", verbosity=0)
    assert elsewhere() == 2


def test_the_engine_is_searched_through_haystacks_own_api(archive):
    sqs = SearchQuerySet().filter(content="market").exclude(content="security")
    assert sqs.count() == 3
    assert {r.pk for r in sqs} == {str(archive["utterances"][n].pk) for n in (0, 2, 4)}
    speakers = dict(sqs.facet("speaker").facet_counts()["fields"]["speaker"])
    assert speakers == {"rex-w-tillerson": 1, "luis-videgaray": 1, "antony-j-blinken": 1}
    newest = SearchQuerySet().filter(content="market").order_by("-day")
    assert [r.pk for r in newest][0] == str(archive["utterances"][7].pk)
    assert SearchQuerySet().auto_query('"the market" -security').count() == 3


def test_a_filter_that_lets_nothing_through_finds_nothing(client, archive):
    assert found(client, q="market", **{"from": "1990-01-01", "to": "1990-12-31"}) == ([], 0)


def test_sorting_by_date_covers_every_page(client, archive, monkeypatch):
    monkeypatch.setattr("archive.search.service.PAGE_SIZE", 2)
    monkeypatch.setattr("archive.search.service.run.__defaults__", (2,))
    pages = [found(client, q="market OR security", sort="oldest", page=n)[0] for n in (1, 2, 3)]
    dates = {u.pk: u.event.date for u in archive["utterances"]}
    ordered = [pk for page in pages for pk in page]
    assert len(ordered) == len(set(ordered)) == 6
    assert [dates[pk] for pk in ordered] == sorted(dates[pk] for pk in ordered)


def test_more_like_this_finds_the_nearest_turns_but_not_itself(archive):
    first = archive["utterances"][0]
    similar = [r.pk for r in SearchQuerySet().more_like_this(first)]
    assert similar and str(first.pk) not in similar


def test_snippet_marks_and_escapes_far_into_a_long_text(db):
    text = "<b>Opening</b> words. " * 200 + "The tariff & the <market> matter. " + "Filler. " * 300
    shown = marked(text, ["markets", "tariffs"])
    assert "<mark>tariff</mark> &amp; the &lt;<mark>market</mark>&gt; matter" in shown
    assert "<b>" not in shown and len(shown) < 2 * SNIPPET_CHARS


def test_snippet_without_a_match_is_the_escaped_start(db):
    assert marked("<i>Nothing</i> here.", ["absent"]) == "&lt;i&gt;Nothing&lt;/i&gt; here."


def test_snippet_shows_the_passage_with_most_matches_first_of_equals(db):
    text = "Rain. " * 60 + "The market. " + "Rain. " * 60 + "Market, market! " + "Rain. " * 60
    shown = marked(text, ["market"])
    assert shown.count("<mark>") == 3 and " … " in shown
    assert shown.index("The <mark>market</mark>") < shown.index("<mark>Market</mark>, <mark>")


def test_links_are_what_the_querystring_tag_writes():
    query = QueryDict("q=market&speaker=rex-w-tillerson&page=3&from=2017-01-01")
    assert query_link(query, speaker=None, page=None) == "?q=market&from=2017-01-01"
    assert query_link(query, kind="interview", page=None).endswith("&kind=interview")
    facets = {"speaker": [{"value": "rex-w-tillerson", "label": "Rex", "count": 2}]}
    facets["year"] = [{"value": "2017", "label": "2017", "count": 2}]
    linked = facet_links(facets, query)
    assert linked["speaker"][0]["chosen"] and "speaker=" not in linked["speaker"][0]["url"]
    assert linked["year"][0]["url"] == (
        "?q=market&speaker=rex-w-tillerson&from=2017-01-01&to=2017-12-31"
    )


def test_snippet_has_an_ellipsis_only_where_words_are_left_out(db):
    # The fragment's size limit falls between "trans-criminal" and "organized" here.
    quote = "Indeed, we must fight the trans-criminal organized crime problem. "
    text = "The crime. " * 36 + quote + "The crime. " * 10
    plain = re.sub("</?mark>", "", marked(text, ["the", "crime"]))
    assert plain in text and "…" not in plain
    text = "Crime rises. " + "Filler words here. " * 40 + "Crime falls."
    pieces = re.sub("</?mark>", "", marked(text, ["crime"])).split(" … ")
    assert len(pieces) == 2 and all(piece in text for piece in pieces)
    assert text.index(pieces[1]) > text.index(pieces[0]) + len(pieces[0]) + 1


def test_words_match_without_their_accents_both_ways(
    client, archive, django_capture_on_commit_callbacks
):
    utterance = archive["utterances"][0]
    added = Utterance(
        event=utterance.event,
        sequence=51,
        speaker=utterance.speaker,
        label=utterance.label,
        text="Minister Sánchez met Çavuşoğlu at the café in Bjørgaas's town.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_utterance(utterance=added)
    for typed in ("sanchez", "Sánchez", "cavusoglu", "CAFE", "cafés", "bjorgaas"):
        assert found(client, q=typed) == ([added.pk], 1), typed
    shown = marked(added.text, ["sanchez", "cafe"])
    assert "<mark>Sánchez</mark>" in shown and "<mark>café</mark>" in shown


def test_snippet_stems_and_folds_as_the_index_does(db):
    text = "Déjà vu: the Ministers' résumés, naïvely written."
    shown = marked(text, ["ministers", "resumes", "naively", "deja"])
    assert re.findall("<mark>(.*?)</mark>", shown) == ["Déjà", "Ministers", "résumés", "naïvely"]


def test_a_phrase_is_marked_where_it_occurs_and_its_words_nowhere_else(db):
    text = "The market is the place. We are the market, and we are glad."
    shown = marked(text, [("we", "are", "the", "market")])
    assert shown.count("<mark>") == 4
    assert "<mark>We</mark> <mark>are</mark> <mark>the</mark> <mark>market</mark>," in shown
    assert shown.startswith("The market is the place.")
    both = marked(text, [("we", "are", "the", "market"), "glad"])
    assert both.count("<mark>") == 5 and "<mark>glad</mark>" in both


def test_search_page_marks_a_phrase_query_only_as_a_phrase(client, archive):
    response = client.get("/search/", {"q": '"we are the market"'})
    rows = response.context["outcome"].rows
    assert rows
    for row in rows:
        marks = re.findall(r"<mark>(.*?)</mark>", str(row.snippet))
        words = [mark.lower() for mark in marks]
        assert len(words) % 4 == 0 and words[:4] == ["we", "are", "the", "market"], marks


def test_snippets_without_the_engines_analyzer_mark_folded_words(db):
    plain = analysis.PlainAnalyzer()
    shown = str(snippet("Zürich's CAFÉ <b>", ["zurich", "cafe"], plain))
    assert shown == "<mark>Zürich</mark>&#x27;s <mark>CAFÉ</mark> &lt;b&gt;"
    assert str(snippet("We are the market.", ["market"], plain)).endswith("</mark>.")


def test_the_engine_offers_its_analyzer(db):
    assert connections["default"].get_backend().analyzer().terms("Markets, Sánchez") == [
        "market",
        "sanchez",
    ]


def test_did_you_mean_knows_a_word_written_after_the_rebuild(
    client, archive, django_capture_on_commit_callbacks
):
    call_command("rebuild_index", interactive=False, verbosity=0)
    first = archive["utterances"][0]
    added = Utterance(
        event=first.event,
        sequence=52,
        speaker=first.speaker,
        label=first.label,
        text="The delegation flew on to Zanzibar.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        editing.save_utterance(utterance=added)
    outcome = client.get("/search/", {"q": "zanzibarr"}).context["outcome"]
    assert outcome.total == 0 and outcome.suggestion == "zanzibar"
