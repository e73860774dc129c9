"""Re-reading an event replaces its utterances and keeps every permalink valid."""

import dataclasses

import pytest

from archive.importing import ImportRefused, import_reading, import_source, reread_event
from archive.models import Speaker, Utterance, UtteranceRedirect
from archive.reading import read

pytestmark = pytest.mark.django_db


def test_reread_of_unchanged_source_keeps_every_row(seed_bytes):
    event = import_source(data=seed_bytes).event
    before = dict(event.utterances.values_list("sequence", "pk"))
    result = reread_event(event=event)
    assert (result.kept, result.added, result.removed) == (35, 0, 0)
    assert dict(event.utterances.values_list("sequence", "pk")) == before


def test_reread_queries_do_not_grow_with_the_turns(seed_bytes, django_assert_max_num_queries):
    event = import_source(data=seed_bytes).event
    before = list(event.utterances.values_list("sequence", "speaker_id"))
    # 35 turns and 10 speakers: a query per turn or per speaker would pass 30.
    with django_assert_max_num_queries(22):
        reread_event(event=event)
    assert list(event.utterances.values_list("sequence", "speaker_id")) == before


def test_reread_with_a_turn_dropped_keeps_permalinks_and_redirects(seed_bytes):
    event = import_source(data=seed_bytes).event
    before = {u.text: u.pk for u in event.utterances.all()}
    dropped = event.utterances.get(sequence=5)
    text = seed_bytes.decode()
    edited = text.replace("KELLY: Well, thank you for that.", "KELLY: Well, thanks.")
    reading = read(edited.replace("MR VIDEGARAY: I want to say something.\n", ""))
    result = reread_event(event=event, reading=reading)
    assert result.removed >= 1 and event.utterances.count() == len(reading.utterances)
    after = {u.text: u.pk for u in event.utterances.all()}
    unchanged = set(before) & set(after)
    assert len(unchanged) >= 32
    assert all(before[t] == after[t] for t in unchanged)
    assert list(event.utterances.values_list("sequence", flat=True)) == list(
        range(1, len(reading.utterances) + 1)
    )
    if not Utterance.objects.filter(pk=dropped.pk).exists():
        assert UtteranceRedirect.objects.get(old_id=dropped.pk).utterance.event == event


def test_redirects_follow_a_second_reread(seed_bytes):
    event = import_source(data=seed_bytes).event
    kelly = event.utterances.get(sequence=3)
    changed = seed_bytes.decode().replace("Well, thank you for that.", "Well, thanks.")
    reread_event(event=event, reading=read(changed))
    redirect = UtteranceRedirect.objects.get(old_id=kelly.pk)
    target = redirect.utterance
    changed_again = changed.replace("Well, thanks.", "Well, many thanks.")
    reread_event(event=event, reading=read(changed_again))
    assert not Utterance.objects.filter(pk=target.pk).exists()
    redirect.refresh_from_db()
    assert redirect.utterance.sequence == 3
    assert UtteranceRedirect.objects.get(old_id=target.pk).utterance == redirect.utterance


def test_reread_gives_the_reader_the_same_metadata_as_the_import():
    import datetime

    from archive.reading import Metadata

    speech = "Mr President, distinguished delegates, peace is our common aim.\n"
    given = Metadata(
        title="Address", speaker="Jane Doe", country="Ruritania", date=datetime.date(2020, 9, 22)
    )
    event = import_source(data=speech, metadata=given).event
    assert event.reading_metadata["speaker"] == "Jane Doe"
    reread_event(event=event)
    only = event.utterances.get()
    assert only.speaker.name == "Jane Doe"
    event.refresh_from_db()
    assert event.date == datetime.date(2020, 9, 22)


def test_a_reading_without_turns_is_refused_and_keeps_the_transcript(seed_bytes):
    event = import_source(data=seed_bytes).event
    before = list(event.utterances.values_list("pk", "text"))
    with pytest.raises(ImportRefused, match="no turns"):
        reread_event(event=event, reading=dataclasses.replace(read(seed_bytes), utterances=()))
    assert list(event.utterances.values_list("pk", "text")) == before


def test_reread_keeps_the_speaker_an_admin_chose_at_upload(seed_bytes):
    reading = read(seed_bytes)
    tillerson = next(s for s in reading.speakers if s.name == "Rex W. Tillerson")
    chosen = Speaker.objects.create(name="Rex Tillerson (State)", slug="rex-tillerson-state")
    event = import_reading(
        reading=reading,
        source_text=seed_bytes.decode(),
        speaker_choices={tillerson.key: chosen},
    ).event
    said = list(event.utterances.filter(speaker=chosen).values_list("pk", flat=True))
    assert said
    speakers_before = Speaker.objects.count()
    reread_event(event=event)
    assert list(event.utterances.filter(speaker=chosen).values_list("pk", flat=True)) == said
    assert Speaker.objects.count() == speakers_before
    assert not Speaker.objects.filter(name="Rex W. Tillerson").exists()


def test_reread_keeps_the_journalist_an_admin_chose_behind_a_q_label(settings):
    """ "Alex of Yahoo News" asks under the label Q, which many share: the archivist's choice of
    Alex Leary for those turns is what the rows say, and a re-read keeps it."""
    source = (settings.BASE_DIR / "tests" / "data" / "reread" / "questioners.txt").read_text()
    reading = read(source)
    alex = next(s for s in reading.speakers if s.name == "Alex")
    leary = Speaker.objects.create(name="Alex Leary", slug="alex-leary", kind="journalist")
    # The Alex of Yahoo News of other transcripts, whom matching afresh would pick.
    Speaker.objects.create(name="Alex", slug="alex", kind="journalist", affiliation="Yahoo News")
    event = import_reading(
        reading=reading, source_text=source, speaker_choices={alex.key: leary}
    ).event
    asked = list(event.utterances.filter(speaker=leary).values_list("pk", flat=True))
    assert len(asked) == 1
    speakers_before = Speaker.objects.count()
    reread_event(event=event)
    assert list(event.utterances.filter(speaker=leary).values_list("pk", flat=True)) == asked
    assert Speaker.objects.count() == speakers_before
    # The turn of the questioner no one named stays with the unidentified questioner.
    assert event.utterances.get(sequence=4).speaker.name == "Unidentified questioner"
