"""The quote permalink: the quote, its context, its citation, and redirects after a re-read."""

import pytest

from archive.models import UtteranceRedirect

pytestmark = pytest.mark.django_db


def test_permalink_shows_the_quote_who_when_where(client, seed):
    market = seed["market"]
    response = client.get(f"/utterances/{market.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "America must also confront the reality that we are the market" in html
    for fact in ("Rex W. Tillerson", "Secretary of State", "Dean Acheson", "18 May 2017"):
        assert fact in html


def test_permalink_shows_two_turns_of_context_each_side(client, seed):
    utterances = seed["utterances"]
    response = client.get(f"/utterances/{utterances[3].pk}/")
    assert [turn.sequence for turn in response.context["before"]] == [2, 3]
    assert [turn.sequence for turn in response.context["after"]] == [5, 6]
    first = client.get(f"/utterances/{utterances[0].pk}/")
    assert first.context["before"] == []
    assert [turn.sequence for turn in first.context["after"]] == [2, 3]


def test_permalink_links_to_its_place_in_the_transcript(client, seed):
    html = client.get(f"/utterances/{seed['utterances'][2].pk}/").content.decode()
    assert f'href="{seed["event"].get_absolute_url()}#u3"' in html


def test_citation_has_role_event_venue_date_and_absolute_permalink(client, seed):
    market = seed["market"]
    response = client.get(f"/utterances/{market.pk}/")
    html = response.content.decode()
    start = html.index('id="citation-text"')
    citation = html[start : html.index("</p>", start)]
    assert "Rex W. Tillerson (Secretary of State)" in citation
    assert "Press Availability With Secretary of Homeland Security" in citation
    assert "Dean Acheson Auditorium, Washington, DC, 18 May 2017" in citation
    assert f"http://testserver/utterances/{market.pk}/" in citation
    assert 'data-copy-target="citation-text"' in html
    assert "archive/copy.js" in html


def test_removed_permalink_redirects_permanently(client, seed):
    market = seed["market"]
    UtteranceRedirect.objects.create(old_id=market.pk + 1000, utterance=market)
    response = client.get(f"/utterances/{market.pk + 1000}/")
    assert response.status_code == 301
    assert response["Location"] == f"/utterances/{market.pk}/"


def test_unknown_permalink_is_404(client, seed):
    assert client.get("/utterances/999999/").status_code == 404


def test_permalink_query_count_is_fixed(django_assert_max_num_queries, client, seed):
    with django_assert_max_num_queries(5):
        assert client.get(f"/utterances/{seed['market'].pk}/").status_code == 200


def citation_of(client, utterance):
    html = client.get(utterance.get_absolute_url()).content.decode()
    start = html.index('id="citation-text"')
    return html[start : html.index("</p>", start)]


def test_citation_names_the_original_publication(client, seed):
    citation = citation_of(client, seed["market"])
    url = "https://2017-2021.state.gov/press-availability-with-secretary-kelly/"
    assert f'Published at <a href="{url}" rel="noopener external">{url}</a>.' in citation


def test_citation_does_not_repeat_a_role_the_name_holds(client, seed):
    from archive.models import Appearance

    market = seed["market"]
    market.speaker.name = "Representative of Russia"
    market.speaker.save()
    Appearance.objects.filter(speaker=market.speaker).update(role="Representative")
    assert "Representative of Russia," in citation_of(client, market)


def test_citation_of_original_words_carries_no_interpreter_note(client, seed):
    assert "interpreter" not in citation_of(client, seed["market"])


def test_citation_of_an_interpreters_words_says_so(client, seed):
    osorio = seed["utterances"][3]  # every paragraph interpreted
    assert "18 May 2017 (via interpreter)." in citation_of(client, osorio)


def test_citation_of_a_turn_partly_interpreted_says_so(client, seed):
    videgaray = seed["utterances"][1]  # English, then the interpreter's words
    assert "18 May 2017 (partly via interpreter)." in citation_of(client, videgaray)


def test_citation_carries_the_date_it_was_accessed(client, seed, monkeypatch):
    import datetime

    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 6))
    citation = citation_of(client, seed["market"])
    url = f"http://testserver/utterances/{seed['market'].pk}/"
    assert citation.endswith(
        f'<a href="{url}">{url}</a> (accessed <time datetime="2026-12-06">6 December 2026</time>).'
    )


def test_citation_quotes_an_event_title_holding_quotes_once(client, seed):
    event = seed["event"]
    event.title = 'Remarks on "Fentanyl"'
    event.save()
    assert "“Remarks on ‘Fentanyl’”," in citation_of(client, seed["market"])


def page_title(response):
    return response.content.decode().split("<title>", 1)[1].split("</title>", 1)[0]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('"We are the market."', "“We are the market.”"),
        ("“We are the market.”", "“We are the market.”"),
        ('He said "we are the market" twice.', "“He said ‘we are the market’ twice.”"),
    ],
)
def test_a_quote_pages_title_does_not_nest_quotes(client, seed, text, shown):
    market = seed["market"]
    market.text = text
    market.save()
    title = page_title(client.get(market.get_absolute_url()))
    assert title == f"Rex W. Tillerson, 18 May 2017: {shown} · Diplomatic Statements Archive"
