"""Browse-test data built with the ORM from the seed transcript, and a real Chromium."""

import datetime
import hashlib
import os
from pathlib import Path

import pytest
from django.utils.text import slugify

from archive.models import Appearance, Event, Speaker, SpeakerLabel, Utterance
from archive.registry.models import Person
from tests.chromium import CHROMIUM_ARGS, chromium_path

SEED_TITLE = (
    "Press Availability With Secretary of Homeland Security John Kelly, Mexican Secretary of "
    "Foreign Relations Luis Videgaray Caso, and Mexican Secretary of Government Miguel Angel "
    "Osorio Chong"
)
MARKET_QUOTE = "America must also confront the reality that we are the market"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

SPEAKERS = {
    "tillerson": ("Rex W. Tillerson", "official", "United States", "Secretary of State"),
    "kelly": ("John Kelly", "official", "United States", "Secretary of Homeland Security"),
    "videgaray": (
        "Luis Videgaray Caso",
        "official",
        "Mexico",
        "Secretary of Foreign Relations",
    ),
    "osorio": ("Miguel Angel Osorio Chong", "official", "Mexico", "Secretary of Government"),
    "nauert": ("Heather Nauert", "moderator", "United States", "Department Spokesperson"),
    "question": ("Question", "role", "", ""),
}

# (label, speaker, [(paragraph, interpreted)], notes), in transcript order.
SEED_TURNS = [
    (
        "SECRETARY TILLERSON",
        "tillerson",
        [
            ("Morning, all, and thank you for coming.", False),
            (
                f"{MARKET_QUOTE}, but for the seemingly endless demand by addicted users and "
                "the successful recruitment of young and vulnerable new users, there would be "
                "no market.",
                False,
            ),
        ],
        [],
    ),
    (
        "FOREIGN SECRETARY VIDEGARAY",
        "videgaray",
        [
            ("Thank you very much. Now, if you'll allow me, I will switch to Spanish.", False),
            ("Today, we have taken one more step in the building of a new relationship.", True),
        ],
        [],
    ),
    (
        "SECRETARY KELLY",
        "kelly",
        [("Thank you, Mr. Secretary. We are the market for these drugs.", False)],
        [],
    ),
    (
        "GOVERNMENT SECRETARY OSORIO",
        "osorio",
        [("Good afternoon, Secretary Tillerson, Secretary Kelly.", True)],
        [],
    ),
    (
        "MS NAUERT",
        "nauert",
        [("We'll open it up to questions now.", False)],
        [],
    ),
    (
        "QUESTION",
        "question",
        [("Are the Americans negotiating in good faith?", False)],
        ["(Laughter.)"],
    ),
    (
        "SECRETARY TILLERSON",
        "tillerson",
        [("There are a broad range of issues of great importance and common concern.", False)],
        [],
    ),
]


def make_speakers():
    """Return the seed speakers by key, with their labels."""
    speakers = {}
    for key, (name, kind, country, role) in SPEAKERS.items():
        speakers[key] = Speaker.objects.create(
            name=name, slug=slugify(name), kind=kind, country=country, role=role
        )
    for label, key, _, _ in SEED_TURNS:
        SpeakerLabel.objects.get_or_create(speaker=speakers[key], label=label)
    return speakers


def make_event(slug, date, title=None, **fields):
    """Return a saved event with a unique checksum."""
    defaults = {"kind": "press-availability", "source_text": f"{slug}\n", "city": ""}
    defaults.update(fields)
    return Event.objects.create(
        title=title or slug.replace("-", " ").title(),
        slug=slug,
        date=date,
        checksum=hashlib.sha256(slug.encode()).hexdigest(),
        **defaults,
    )


@pytest.fixture
def seed(db):
    """Return the seed event, its speakers and utterances, plus two other dated events."""
    speakers = make_speakers()
    event = make_event(
        "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability",
        datetime.date(2017, 5, 18),
        title=SEED_TITLE,
        venue="Dean Acheson Auditorium",
        city="Washington, DC",
        source_url="https://2017-2021.state.gov/press-availability-with-secretary-kelly/",
        source_text="SECRETARY TILLERSON: Morning, all.\n",
        source_name="2017-05-18-press-availability.txt",
    )
    for key, speaker in speakers.items():
        Appearance.objects.create(event=event, speaker=speaker, role=SPEAKERS[key][3])
    utterances = [
        Utterance.objects.create(
            event=event,
            sequence=number,
            speaker=speakers[key],
            label=label,
            text="\n\n".join(text for text, _ in paragraphs),
            interpreted_paragraphs=[i for i, (_, flag) in enumerate(paragraphs) if flag],
            notes=notes,
        )
        for number, (label, key, paragraphs, notes) in enumerate(SEED_TURNS, start=1)
    ]
    earlier = make_event("briefing-2017-02-14", datetime.date(2017, 2, 14), kind="press-briefing")
    later = make_event("interview-2018-01-10", datetime.date(2018, 1, 10), kind="interview")
    Appearance.objects.create(event=later, speaker=speakers["tillerson"], role="Secretary")
    return {
        "event": event,
        "speakers": speakers,
        "utterances": utterances,
        "market": utterances[0],
        "others": [earlier, later],
    }


@pytest.fixture(scope="session")
def chromium():
    """Return a headless Debian Chromium driven by Playwright; skip when it is not installed."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop open in this thread; the ORM calls the tests
    # make between page actions are still plain synchronous code.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item so fixtures can see whether the test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(chromium, request):
    """Return a fresh desktop-sized page; a failing test leaves a screenshot in test-artifacts/."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.fixture
def count_queries(client):
    """Return a function that GETs a URL, checks it answers 200 and returns its query count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        return len(queries)

    return count


def add_events(count, start=datetime.date(2017, 5, 18), speaker=None):
    """Add `count` events on `start`, each with one utterance and appearance of `speaker`."""
    for number in range(count):
        event = make_event(f"extra-{start:%Y%m%d}-{number}", start, city="Mexico City")
        if speaker is not None:
            Appearance.objects.create(event=event, speaker=speaker, role=f"Role {number}")
            Utterance.objects.create(
                event=event,
                sequence=1,
                speaker=speaker,
                label="SECRETARY TILLERSON",
                text=f"Extra quote {number}.",
            )


@pytest.fixture
def more_events(db):
    """Return the function that adds extra events, for query counts at two sizes."""
    return add_events


def registry_speaker(slug, **fields):
    """Return a speaker of a registry person, named and sorted as the importer names them."""
    person = Person.objects.get(slug=slug)
    return Speaker.objects.create(
        name=person.name, slug=person.slug, person=person, sort_name=person.sort_name, **fields
    )


def speaker(name, sort_name="", **fields):
    """Return a new speaker, slugged from the name unless a slug is given."""
    fields.setdefault("slug", slugify(name))
    return Speaker.objects.create(name=name, sort_name=sort_name, **fields)


@pytest.fixture
def people(db):
    """Return speakers with the names that trip an A–Z or a name box up, by key."""
    return {
        "park": registry_speaker("park-jin", country="South Korea"),
        "videgaray": registry_speaker("luis-videgaray-caso", country="Mexico"),
        "biden": registry_speaker("joseph-r-biden-jr", country="United States"),
        "amlo": registry_speaker("andres-manuel-lopez-obrador", country="Mexico"),
        "kjp": registry_speaker("karine-jean-pierre", country="United States"),
        "blinken": registry_speaker("antony-j-blinken", country="United States"),
        "sanchez": speaker("Pedro Sánchez", "Sánchez, Pedro", country="Spain"),
        "cho": speaker("Eunjong Cho", "Cho, Eunjong", kind="journalist"),
        "moderator": speaker("Moderator", "Moderator", kind="role"),
    }
