"""The read side: one open searcher that follows writes, Whoosh's own ranking, snippets, links."""

import re

import pytest
from django.core.management import call_command
from django.http import QueryDict
from haystack import connections
from whoosh.highlight import ContextFragmenter, highlight

from archive.models import Utterance
from archive.search.engines.whoosh.backend import ArchiveWhooshBackend, text_analyzer
from archive.search.forms import ArchiveSearchForm
from archive.search.present import facet_links, query_link
from archive.search.results import HitPage, page_results
from archive.search.snippets import SNIPPET_CHARS, MarkFormatter, snippet

pytestmark = pytest.mark.django_db


def found(client, **params):
    """Return the utterance ids on the search page and the total it shows."""
    response = client.get("/search/", params)
    body = response.content.decode()
    ids = [int(pk) for pk in re.findall(r'class="snippet" cite="/utterances/(\d+)/"', body)]
    return ids, response.context["outcome"].total


def backend():
    return connections["default"].get_backend()


def test_searcher_stays_open_between_searches(client, archive):
    found(client, q="market")
    first = backend().open_searcher()
    found(client, q="security")
    assert backend().open_searcher() is first


def test_search_after_a_write_sees_the_write(client, archive, django_capture_on_commit_callbacks):
    assert found(client, q="zebras") == ([], 0)
    utterance = archive["utterances"][0]
    with django_capture_on_commit_callbacks(execute=True):
        added = Utterance.objects.create(
            event=utterance.event,
            sequence=50,
            speaker=utterance.speaker,
            label=utterance.label,
            text="Zebras cross the market.",
        )
    assert found(client, q="zebras") == ([added.pk], 1)
    assert added.pk in found(client, q="market")[0]
    with django_capture_on_commit_callbacks(execute=True):
        added.delete()
    assert found(client, q="zebras") == ([], 0)
    assert added.pk not in found(client, q="market")[0]


def test_search_after_a_rebuild_sees_the_new_index(client, archive):
    found(client, q="market")
    # Changed without signals: only the rebuild, which swaps in a new index folder, sees it.
    Utterance.objects.filter(pk=archive["utterances"][4].pk).update(text="Okapis are shy.")
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert found(client, q="okapis") == ([archive["utterances"][4].pk], 1)


def test_another_process_sees_a_rebuild_of_the_same_generation(archive, settings):
    call_command("rebuild_index", interactive=False, verbosity=0)
    # Another process's backend, its searcher opened on the rebuilt index.
    other = ArchiveWhooshBackend("default", **settings.HAYSTACK_CONNECTIONS["default"])
    assert other.search("(okapis)")["hits"] == 0
    generation = other.index.latest_generation()
    Utterance.objects.filter(pk=archive["utterances"][4].pk).update(text="Okapis are shy.")
    call_command("rebuild_index", interactive=False, verbosity=0)
    assert other.index.latest_generation() == generation
    assert other.search("(okapis)")["hits"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "market",
        "market security",
        "market OR security OR japan",
        "market -security",
        '"the market"',
        '"the market" OR partners',
        "the -drugs -market",
    ],
)
def test_ranking_and_count_are_whooshs_own(archive, text):
    engine = backend()
    parsed = engine.parser.parse(ArchiveSearchForm({"q": text}).search().query.build_query())
    searcher = engine.open_searcher()
    hits = engine._hits(searcher, parsed, None)
    whoosh = searcher.search(parsed, limit=None)
    assert engine._ranked(hits, None, 100) == [(hit.score, hit.docnum) for hit in whoosh]
    assert sum(len(scores) for _, _, scores in hits) == len(whoosh)


def test_page_results_are_what_haystacks_own_processing_gives(archive):
    engine = backend()
    parsed = engine.parser.parse("market OR security")
    searcher = engine.open_searcher()
    ranked = engine._ranked(engine._hits(searcher, parsed, None), None, 20)
    ours = page_results("default", HitPage(searcher, ranked, len(ranked)))
    theirs = engine._process_results(HitPage(searcher, ranked, len(ranked)))
    assert ours["hits"] == theirs["hits"] == len(ranked) > 1
    fields = [{k: v for k, v in vars(r).items() if k != "log"} for r in ours["results"]]
    assert fields == [{k: v for k, v in vars(r).items() if k != "log"} for r in theirs["results"]]


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


def test_snippet_marks_and_escapes_far_into_a_long_text():
    text = "<b>Opening</b> words. " * 200 + "The tariff & the <market> matter. " + "Filler. " * 300
    marked = str(snippet(text, ["markets", "tariffs"]))
    assert "<mark>tariff</mark> &amp; the &lt;<mark>market</mark>&gt; matter" in marked
    assert "<b>" not in marked and len(marked) < 2 * SNIPPET_CHARS


def test_snippet_is_whooshs_highlight_when_one_passage_is_best():
    text = "Trade talks. " * 30 + "We are the market, and the market decides. " + "Rain. " * 80
    analyzer = text_analyzer()
    fragmenter = ContextFragmenter(maxchars=SNIPPET_CHARS, surround=90)
    terms = {"market"}
    expected = highlight(text, terms, analyzer, fragmenter, MarkFormatter(), top=2)
    assert str(snippet(text, ["market"])) == expected


def test_snippet_without_a_match_is_the_escaped_start():
    assert str(snippet("<i>Nothing</i> here.", ["absent"])) == "&lt;i&gt;Nothing&lt;/i&gt; here."


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


def test_snippet_has_an_ellipsis_only_where_words_are_left_out():
    # The fragmenter's size limit falls between "trans-criminal" and "organized" here.
    quote = "Indeed, we must fight the trans-criminal organized crime problem. "
    text = "The crime. " * 36 + quote + "The crime. " * 10
    plain = re.sub("</?mark>", "", str(snippet(text, ["the", "crime"])))
    assert "…" not in plain and "trans-criminal organized crime problem" in plain
    assert plain in text
    text = "Crime rises. " + "Filler words here. " * 40 + "Crime falls."
    pieces = re.sub("</?mark>", "", str(snippet(text, ["crime"]))).split(" … ")
    assert len(pieces) == 2 and all(piece in text for piece in pieces)
    assert text.index(pieces[1]) > text.index(pieces[0]) + len(pieces[0]) + 1


def test_words_match_without_their_accents_both_ways(
    client, archive, django_capture_on_commit_callbacks
):
    utterance = archive["utterances"][0]
    with django_capture_on_commit_callbacks(execute=True):
        added = Utterance.objects.create(
            event=utterance.event,
            sequence=51,
            speaker=utterance.speaker,
            label=utterance.label,
            text="Minister Sánchez met Çavuşoğlu at the café in Bjørgaas's town.",
        )
    for typed in ("sanchez", "Sánchez", "cavusoglu", "CAFE", "cafés", "bjorgaas"):
        assert found(client, q=typed) == ([added.pk], 1), typed
    marked = snippet(added.text, ["sanchez", "cafe"])
    assert "<mark>Sánchez</mark>" in marked and "<mark>café</mark>" in marked


def test_snippet_stems_and_folds_as_the_index_does():
    text = "Déjà vu: the Ministers' résumés, naïvely written."
    terms = frozenset(token.text for token in text_analyzer()("ministers resumes naively deja"))
    analyzer, fragmenter = text_analyzer(), ContextFragmenter(maxchars=SNIPPET_CHARS, surround=90)
    expected = highlight(text, terms, analyzer, fragmenter, MarkFormatter(), top=2)
    assert snippet(text, ["ministers", "resumes", "naively", "deja"]) == expected
    assert expected.count("<mark>") == 4


def test_a_phrase_is_marked_where_it_occurs_and_its_words_nowhere_else():
    text = "The market is the place. We are the market, and we are glad."
    marked = str(snippet(text, [("we", "are", "the", "market")]))
    assert marked.count("<mark>") == 4
    assert "<mark>We</mark> <mark>are</mark> <mark>the</mark> <mark>market</mark>," in marked
    assert marked.startswith("The market is the place.")
    both = str(snippet(text, [("we", "are", "the", "market"), "glad"]))
    assert both.count("<mark>") == 5 and "<mark>glad</mark>" in both


def test_search_page_marks_a_phrase_query_only_as_a_phrase(client, archive):
    response = client.get("/search/", {"q": '"we are the market"'})
    rows = response.context["outcome"].rows
    assert rows
    for row in rows:
        marks = re.findall(r"<mark>(.*?)</mark>", str(row.snippet))
        words = [mark.lower() for mark in marks]
        assert len(words) % 4 == 0 and words[:4] == ["we", "are", "the", "market"], marks
