"""The quote check's page, its API endpoint and its offer on the search page."""

import html
import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get(reverse("archive:quote-check"), params)
    assert response.status_code == 200
    return response, response.content.decode()


def test_the_page_shows_the_right_utterance_with_its_differences_marked(client, archive):
    response, body = page(client, q="we are a market")
    market = archive["utterances"][0]
    first = response.context["found"][0]
    assert first.match.utterance == market
    item = body.split('<li class="quote-match verdict-close">', 1)[1].split("</li>", 1)[0]
    changed = '<del class="changed">a</del>\u2009<ins class="changed" title="You wrote “a”">'
    assert f"{changed}the</ins>" in item
    assert "“a” for “the”" in item
    # The passage in context, the citation and the permalink that marks the passage.
    assert "Demand in the United States drives the trade." in item
    assert "Rex W. Tillerson (Secretary of State), “Press Availability on Drugs”" in item
    assert f'href="{market.get_absolute_url()}?q=%E2%80%9CWe+are+the+market%E2%80%9D"' in item


def test_the_permalink_from_a_check_marks_the_real_passage(client, archive):
    response, _ = page(client, q="we are a market")
    body = client.get(response.context["found"][0].marked_url).content.decode()
    quote = body.split('<figure class="quote">', 1)[1].split("</figure>", 1)[0]
    assert re.findall("<mark>(.*?)</mark>", quote) == ["We", "are", "the", "market"]


def test_an_unrelated_quote_is_not_found(client, archive):
    response, body = page(client, q="the weather in Tokyo was lovely this spring")
    assert response.context["answer"].verdict == "not-found" and not response.context["found"]
    assert "Not found: nothing in the archive is close" in body


def test_the_speaker_can_be_given_by_name_and_the_period_by_dates(client, archive):
    response, body = page(client, q="we must reduce drug demand", speaker="Kelly")
    assert response.context["answer"].verdict == "exact"
    assert "Within the words of" in body and "John F. Kelly" in body
    response, _ = page(client, q="we are a market", **{"from": "2021-01-01"})
    assert not response.context["found"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "— … !"},
        {"q": "market", "speaker": "Nobody Atall"},
        {"q": "market", "from": "2020-01-01", "to": "2019-01-01"},
        {"q": "market", "from": "2017-02-30"},
        {"q": "x" * 5000},
    ],
)
def test_bad_input_gets_a_message(client, archive, params):
    response, body = page(client, **params)
    assert "answer" not in response.context and 'class="field-error"' in body


def test_the_home_and_search_pages_link_to_the_check(client, archive):
    for url in ("/", "/search/?q=market"):
        assert 'href="/check/"' in client.get(url).content.decode()


def test_a_phrase_without_results_offers_the_closest_real_statements(client, archive):
    body = client.get("/search/", {"q": '"we are a market"'}).content.decode()
    assert "No exact match. Closest real statements:" in body
    assert "/check/?q=we%20are%20a%20market" in body and "“a” for “the”" in body
    assert "No exact match" not in client.get("/search/", {"q": "we are a market"}).content.decode()


def test_the_api_answers_the_check(client, archive):
    data = client.get("/api/check", {"q": "we are a market"}).json()
    assert data["verdict"] == "close" and data["quote"] == "we are a market"
    first = data["results"][0]
    assert first["id"] == archive["utterances"][0].pk and first["verdict"] == "close"
    assert first["differences"] == ["“a” for “the”"]
    assert {"kind": "changed", "word": "the", "typed": "a"} in first["comparison"]
    assert first["passage"]["text"] == "We are the market"
    assert first["passage"]["after"].startswith(". Demand")
    assert first["citation"] == permalink_citation(client, archive["utterances"][0])
    assert data["pagination"]["page"] == 1 and data["pagination"]["next"] is None


def permalink_citation(client, utterance) -> str:
    """Return the citation the quote's own page gives, as text."""
    body = client.get(utterance.get_absolute_url()).content.decode()
    cited = body.split('id="citation-text"', 1)[1].split(">", 1)[1].split("</p>", 1)[0]
    return html.unescape(re.sub(r"<[^>]+>", "", cited))


def test_the_check_cites_as_the_quotes_own_page_does(client, archive):
    response, _ = page(client, q="we are a market")
    cited = response.context["found"][0].citation
    assert cited == permalink_citation(client, archive["utterances"][0])
    assert "(accessed " in cited


def test_the_api_keeps_its_conventions(client, archive):
    assert client.get("/api/check").status_code == 400
    bad = client.get("/api/check", {"q": "market", "speaker": "nobody-at-all"}).json()
    assert "speaker" in bad["fields"]
    unknown = client.get("/api/check", {"q": "market", "words": "original"}).json()
    assert "words" in unknown["error"] and "q" in unknown["accepted"]
    past = client.get("/api/check", {"q": "market", "page": "9"})
    assert past.status_code == 400 and past.json()["pages"] == 1
    filtered = client.get("/api/check", {"q": "demand", "speaker": "john-f-kelly"}).json()
    assert filtered["filters"] == {"speaker": "john-f-kelly"}
    assert client.post("/api/check", {"q": "market"}).status_code == 405
    assert "/api/check?q=…" in client.get("/api/nowhere").json()["endpoints"]
