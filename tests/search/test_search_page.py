"""The search page: phrases, words, filters, facets, sorting, highlighting and bad input."""

import re

import pytest
from django.urls import reverse

from archive.models import Utterance

pytestmark = pytest.mark.django_db


def search(client, **params):
    """Return the response and the utterance ids on the page, in order."""
    response = client.get(reverse("archive:search"), params)
    assert response.status_code == 200
    ids = [
        int(pk)
        for pk in re.findall(
            r'<blockquote class="snippet" cite="/utterances/(\d+)/"', response.content.decode()
        )
    ]
    return response, ids


def ids_of(archive, *numbers):
    """Return the ids of the archive's utterances by their 1-based position in UTTERANCES."""
    return {archive["utterances"][n - 1].pk for n in numbers}


def test_exact_phrase_finds_only_that_quote(client, archive):
    _, ids = search(client, q='"we are the market"')
    assert set(ids) == ids_of(archive, 1)


def test_words_are_stemmed_and_all_required(client, archive):
    _, ids = search(client, q="markets demand")
    assert set(ids) == ids_of(archive, 1)


def test_or_and_exclusion(client, archive):
    _, ids = search(client, q="supply OR japan")
    assert set(ids) == ids_of(archive, 6, 7)
    _, ids = search(client, q="market -security -drugs")
    assert set(ids) == ids_of(archive, 5)


def test_speaker_filter_by_slug(client, archive):
    _, ids = search(client, q="demand", speaker="john-f-kelly")
    assert set(ids) == ids_of(archive, 2)


def test_event_filter_by_slug(client, archive):
    _, ids = search(client, q="security", event="energy-2021")
    assert set(ids) == ids_of(archive, 6)


def test_date_range(client, archive):
    _, ids = search(client, q="market", **{"from": "2021-01-01", "to": "2021-12-31"})
    assert set(ids) == ids_of(archive, 5)
    _, ids = search(client, q="market", **{"from": "2021-08-11"})
    assert set(ids) == ids_of(archive, 8)


def test_kind_country_and_interpreted_filters(client, archive):
    assert set(search(client, q="security", kind="interview")[1]) == ids_of(archive, 6)
    assert set(search(client, q="security", country="Japan")[1]) == ids_of(archive, 7)
    assert set(search(client, q="market", words="interpreted")[1]) == ids_of(archive, 3)
    assert set(search(client, q="market", words="original")[1]) == ids_of(archive, 1, 5, 8)


def test_facet_counts_equal_database_and_filter_counts(client, archive):
    response, ids = search(client, q="market")
    facets = response.context["outcome"].facets
    matched = Utterance.objects.filter(text__icontains="market").select_related("speaker", "event")
    assert set(ids) == {u.pk for u in matched}
    by_speaker = {}
    for utterance in matched:
        by_speaker[utterance.speaker.slug] = by_speaker.get(utterance.speaker.slug, 0) + 1
    assert {item["value"]: item["count"] for item in facets["speaker"]} == by_speaker
    assert {item["value"]: item["count"] for item in facets["year"]} == {
        "2017": 2,
        "2021": 1,
        "2022": 1,
    }
    for item in facets["speaker"]:
        assert response.context["outcome"].total >= item["count"]
        filtered, _ = search(client, q="market", speaker=item["value"])
        assert filtered.context["outcome"].total == item["count"]
    for item in facets["kind"]:
        filtered, _ = search(client, q="market", kind=item["value"])
        assert filtered.context["outcome"].total == item["count"]


def test_facets_of_a_single_hit_count_it_once(client, archive):
    response, ids = search(client, q="market", **{"from": "2021-01-01", "to": "2021-12-31"})
    facets = response.context["outcome"].facets
    assert len(ids) == 1
    assert [(item["value"], item["count"]) for item in facets["year"]] == [("2021", 1)]
    assert [item["count"] for item in facets["kind"]] == [1]


def test_sort_orders(client, archive):
    dates = {u.pk: u.event.date for u in archive["utterances"]}
    _, newest = search(client, q="market OR security", sort="newest")
    _, oldest = search(client, q="market OR security", sort="oldest")
    assert len(newest) == 6
    assert [dates[pk] for pk in newest] == sorted((dates[pk] for pk in newest), reverse=True)
    assert [dates[pk] for pk in oldest] == sorted(dates[pk] for pk in oldest)


def test_pagination_and_count(client, archive, settings):
    response, ids = search(client, q="the")
    outcome = response.context["outcome"]
    assert outcome.total == len(ids) == 6
    response, _ = search(client, q="the", page="99999")
    assert "There is no page 99999" in response.content.decode()


def test_snippet_is_escaped_and_marked(client, archive):
    response, ids = search(client, q="script owned")
    body = response.content.decode()
    assert ids == [archive["utterances"][3].pk]
    assert "<script>" not in body.split("<main", 1)[1]
    assert "&lt;" in body and "<mark>owned</mark>" in body


def test_result_shows_speaker_role_event_and_interpreter_mark(client, archive):
    response, _ = search(client, q="responsibility")
    body = response.content.decode()
    assert "Luis Videgaray</a>, Foreign Secretary" in body
    assert 'class="interpreted-mark"' in body
    assert "/speakers/luis-videgaray/" in body and "/events/drugs-2017/" in body


def test_spelling_suggestion_only_without_results(client, archive):
    response, ids = search(client, q="markte")
    assert ids == [] and response.context["outcome"].suggestion == "market"
    assert "Did you mean" in response.content.decode()
    response, _ = search(client, q="market")
    assert response.context["outcome"].suggestion is None


def test_chart_of_matches_per_year(client, archive):
    response, _ = search(client, q="market")
    body = response.content.decode()
    assert body.count('<rect class="bar"') == 3
    assert "Matches per year" in body


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": '"unbalanced quote'},
        {"q": "OR"},
        {"q": "- - OR AND NOT"},
        {"q": "x" * 10000},
        {"q": "market\x00\x1b\x07"},
        {"q": "market", "speaker": "no-such-speaker"},
        {"q": "market", "kind": "tea-party"},
        {"q": "market", "from": "2017-02-30"},
        {"q": "market", "from": "2020-01-01", "to": "2019-01-01"},
        {"q": "market", "page": "abc"},
        {"q": "market", "page": "-3"},
        {"q": "market", "page": "99999"},
        {"q": "*:* OR [a TO z] {} ^2 ~ \\"},
    ],
)
def test_bad_queries_are_friendly(client, archive, params):
    response = client.get(reverse("archive:search"), params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "search-problem" in body or "search-prompt" in body or "result-count" in body


def test_search_within_speaker_from_speaker_page_link(client, archive):
    response, ids = search(client, q="security", speaker="antony-j-blinken")
    assert set(ids) == ids_of(archive, 6, 8)
    assert "Within the words of" in response.content.decode()


def test_every_form_field_has_a_label(client, archive):
    body = client.get(reverse("archive:search"), {"q": "market"}).content.decode()
    form = body.split('<form class="search-filters"', 1)[1].split("</form>", 1)[0]
    for field_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', form):
        assert f'for="{field_id}"' in form, field_id


def test_fields_with_errors_point_at_their_error_messages(client, archive):
    params = {"q": "market", "from": "2021-13-45", "kind": "bogus", "country": "Atlantis"}
    body = client.get(reverse("archive:search"), params).content.decode()
    described = {}
    for tag in re.findall(r"<(?:input|select)\b[^>]*>", body):
        refs = re.search(r'aria-describedby="([^"]+)"', tag)
        if refs:
            described[re.search(r'name="([^"]+)"', tag).group(1)] = refs.group(1).split()
    assert set(described) >= {"from", "kind", "country"}
    for refs in described.values():
        for ref in refs:
            assert re.search(rf'<[^>]+\bid="{ref}"', body), ref
