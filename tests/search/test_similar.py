"""Similar statements on a quote's page: by other speakers or on other days, through the engine."""

import datetime

import pytest

from archive.importing import editing
from archive.models import Event, Utterance
from archive.search import service

pytestmark = pytest.mark.django_db


def add_turn(archive, capture, event, speaker, text, sequence):
    turn = Utterance(
        event=event,
        sequence=sequence,
        speaker=archive["speakers"][speaker],
        label="SECRETARY",
        text=text,
    )
    with capture(execute=True):
        editing.save_utterance(utterance=turn)
    return turn


def test_similar_statements_leave_out_the_same_speaker_on_the_same_day(
    archive, django_capture_on_commit_callbacks
):
    market = archive["utterances"][0]  # Tillerson: "We are the market. Demand in the ..."
    later = Event.objects.create(
        title="Briefing", slug="briefing-2018", date=datetime.date(2018, 3, 1), checksum="c" * 64
    )
    capture = django_capture_on_commit_callbacks
    again = add_turn(
        archive,
        capture,
        later,
        "rex-w-tillerson",
        "Demand in the United States drives the market.",
        1,
    )
    same_day = add_turn(
        archive,
        capture,
        market.event,
        "rex-w-tillerson",
        "The market and the demand in the United States, again.",
        40,
    )
    found = [row.utterance.pk for row in service.similar(market)]
    assert again.pk in found  # the same speaker, another day
    assert archive["utterances"][1].pk in found  # Kelly on drug demand, the same day
    assert market.pk not in found and same_day.pk not in found


def test_at_most_two_similar_statements_come_from_the_quotes_own_event(
    archive, django_capture_on_commit_callbacks
):
    market = archive["utterances"][0]
    for number in range(4):
        add_turn(
            archive,
            django_capture_on_commit_callbacks,
            market.event,
            "john-f-kelly",
            f"We are the market; demand in the United States drives the trade ({number}).",
            30 + number,
        )
    rows = service.similar(market)
    assert sum(row.utterance.event_id == market.event_id for row in rows) == 2
    assert any(row.utterance.event_id != market.event_id for row in rows)


def test_the_quote_page_lists_similar_statements(client, archive):
    body = client.get(archive["utterances"][0].get_absolute_url()).content.decode()
    section = body.split('<section class="similar"', 1)[1].split("</section>", 1)[0]
    kelly = archive["utterances"][1]
    assert f'href="{kelly.get_absolute_url()}"' in section and "John F. Kelly" in section


def test_a_failing_engine_leaves_the_quote_page_without_similar_statements(
    client, archive, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("engine down")

    monkeypatch.setattr("haystack.query.SearchQuerySet.more_like_this", broken)
    response = client.get(archive["utterances"][0].get_absolute_url())
    assert response.status_code == 200 and 'class="similar"' not in response.content.decode()
