"""A small archive built with the ORM and queued for the index, for the search tests."""

import datetime
import uuid

import pytest
from django.conf import settings

from archive.models import Appearance, Event, Speaker, SpeakerLabel, Utterance
from archive.search import queue

EVENTS = [
    ("Press Availability on Drugs", "drugs-2017", "press-availability", datetime.date(2017, 5, 18)),
    ("Interview on Energy", "energy-2021", "interview", datetime.date(2021, 8, 10)),
    (
        "Joint Press Conference in Tokyo",
        "tokyo-2022",
        "joint-press-conference",
        datetime.date(2022, 5, 23),
    ),
]
SPEAKERS = [
    (
        "Rex W. Tillerson",
        "rex-w-tillerson",
        "Secretary of State",
        "United States",
        "SECRETARY TILLERSON",
    ),
    (
        "John F. Kelly",
        "john-f-kelly",
        "Secretary of Homeland Security",
        "United States",
        "SECRETARY KELLY",
    ),
    (
        "Luis Videgaray",
        "luis-videgaray",
        "Foreign Secretary",
        "Mexico",
        "FOREIGN SECRETARY VIDEGARAY",
    ),
    (
        "Antony J. Blinken",
        "antony-j-blinken",
        "Secretary of State",
        "United States",
        "SECRETARY BLINKEN",
    ),
    ("Fumio Kishida", "fumio-kishida", "Prime Minister", "Japan", "PRIME MINISTER KISHIDA"),
]
# (event slug, speaker slug, text, interpreted)
UTTERANCES = [
    (
        "drugs-2017",
        "rex-w-tillerson",
        "We are the market. Demand in the United States drives the trade.",
        False,
    ),
    (
        "drugs-2017",
        "john-f-kelly",
        "The drug demand in the United States is the problem; we must reduce drug demand.",
        False,
    ),
    ("drugs-2017", "luis-videgaray", "Mexico shares responsibility for the market of drugs.", True),
    (
        "drugs-2017",
        "rex-w-tillerson",
        "<script>alert('owned')</script> Thank you all for coming today.",
        False,
    ),
    (
        "energy-2021",
        "antony-j-blinken",
        "The market for energy is changing, and partners are ready.",
        False,
    ),
    ("energy-2021", "antony-j-blinken", "Security of supply matters to every partner.", False),
    (
        "tokyo-2022",
        "fumio-kishida",
        "Japan and the United States stand together on security.",
        True,
    ),
    ("tokyo-2022", "antony-j-blinken", "The market decides prices; security is our task.", False),
]


def build_archive():
    """Create the events, speakers and utterances above; return {name: object}."""
    events = {
        slug: Event.objects.create(
            title=t, slug=slug, kind=k, date=d, source_text=t, checksum=slug.ljust(64, "0")
        )
        for t, slug, k, d in EVENTS
    }
    speakers = {}
    for name, slug, role, country, label in SPEAKERS:
        speakers[slug] = Speaker.objects.create(name=name, slug=slug, role=role, country=country)
        SpeakerLabel.objects.create(speaker=speakers[slug], label=label)
    utterances = []
    for number, (event, speaker, text, interpreted) in enumerate(UTTERANCES, start=1):
        Appearance.objects.get_or_create(
            event=events[event],
            speaker=speakers[speaker],
            defaults={"role": speakers[speaker].role},
        )
        utterances.append(
            Utterance.objects.create(
                event=events[event],
                sequence=number,
                speaker=speakers[speaker],
                label={s[1]: s[4] for s in SPEAKERS}[speaker],
                text=text,
                interpreted_paragraphs=[0] if interpreted else [],
            )
        )
    queue.enqueue(u.pk for u in utterances)
    return {"events": events, "speakers": speakers, "utterances": utterances}


@pytest.fixture
def archive(db, django_capture_on_commit_callbacks):
    """Return the small archive, indexed as a committed transaction would index it."""
    with django_capture_on_commit_callbacks(execute=True):
        data = build_archive()
    return data


@pytest.fixture
def scratch_database(tmp_path):
    """Yield a DATABASE_URL of an empty database the worker processes share."""
    default = settings.DATABASES["default"]
    if "postgresql" not in default["ENGINE"]:
        yield f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
        return
    import psycopg2

    name = f"scratch_{uuid.uuid4().hex[:8]}"
    params = {
        "host": default["HOST"],
        "port": default["PORT"],
        "user": default["USER"],
        "dbname": "postgres",
    }
    admin = psycopg2.connect(password=default["PASSWORD"], **params)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    password = f":{default['PASSWORD']}" if default["PASSWORD"] else ""
    yield f"postgres://{default['USER']}{password}@{default['HOST']}:{default['PORT']}/{name}"
    admin.cursor().execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    admin.close()
