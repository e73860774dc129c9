"""The upload in a real Chromium: log in, upload the seed, check the preview, import, search."""

from concurrent.futures import ThreadPoolExecutor

import pytest

from archive.models import Event, Speaker, SpeakerLabel
from tests.chromium import CHROMIUM_ARGS, chromium_path

from .helpers import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
KELLY_WORD = "coresponsibility"
PASSWORD = "pw-for-tests"


class BrowserThread:
    """A Chromium page driven from one worker thread of its own."""

    # Playwright's sync API owns an event loop in its thread: a thread of our own keeps it away
    # from the ORM calls of the test and from any other Playwright the session has started.

    def __init__(self, executable: str):
        self.executor = ThreadPoolExecutor(max_workers=1)
        self.playwright = self.browser = self.page = None
        self.run(self.launch, executable)

    def run(self, function, *args):
        """Run `function(*args)` in the browser's thread and return its result."""
        return self.executor.submit(function, *args).result(timeout=120)

    def launch(self, executable: str) -> None:
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        self.page = self.browser.new_context(viewport={"width": 1280, "height": 900}).new_page()

    def close(self) -> None:
        """Close the browser and stop its thread."""

        def stop():
            self.browser.close()
            self.playwright.stop()

        self.run(stop)
        self.executor.shutdown()


@pytest.fixture
def browser():
    """Return a headless Debian Chromium in its own thread; skip when it is not installed."""
    executable = chromium_path()
    driven = BrowserThread(executable)
    yield driven
    driven.close()


@pytest.fixture
def known_kelly(db):
    speaker = Speaker.objects.create(name="John Kelly", slug="john-kelly")
    SpeakerLabel.objects.create(speaker=speaker, label="SECRETARY KELLY")
    return speaker


def log_in_and_upload(page, base_url, path):
    """Log in as the admin, upload a file and press Preview."""
    page.goto(base_url + "/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Upload transcript").first.click()
    page.get_by_label("File").set_input_files(str(path))
    page.get_by_role("button", name="Preview").click()


def upload_the_seed(page, base_url):
    """Log in, upload the seed and check its preview resolves SECRETARY KELLY to John Kelly."""
    from playwright.sync_api import expect

    log_in_and_upload(page, base_url, SEED)
    kelly_row = page.locator("tr.speaker-row", has_text="SECRETARY KELLY")
    expect(kelly_row.locator("td.match")).to_have_text("John Kelly")
    expect(page.locator("#transcript-preview")).to_contain_text(KELLY_WORD)


def confirm_the_import(page):
    """Press Import and return the URL the browser lands on."""
    from playwright.sync_api import expect

    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Imported “")).to_be_visible()
    return page.url


def search_for_kelly(page, base_url, speaker_url):
    """Search one of Kelly's words; return the HTTP status of the search page."""
    from playwright.sync_api import expect

    response = page.goto(f"{base_url}/search/?q={KELLY_WORD}")
    if response.status == 404:
        return 404
    results = page.locator("li.search-result")
    expect(results).to_have_count(1)
    expect(results.locator(".snippet")).to_contain_text(KELLY_WORD)
    kelly = results.get_by_role("link", name="John Kelly", exact=True)
    expect(kelly).to_have_attribute("href", speaker_url)
    return response.status


def test_admin_uploads_the_seed_and_finds_a_kelly_quote(
    live_server, browser, django_user_model, known_kelly
):
    django_user_model.objects.create_superuser("admin", "admin@example.com", PASSWORD)
    browser.run(upload_the_seed, browser.page, live_server.url)
    assert not Event.objects.exists()

    landed = browser.run(confirm_the_import, browser.page)
    event = Event.objects.get()
    assert landed == live_server.url + event.get_absolute_url()
    assert known_kelly.utterances.filter(text__contains=KELLY_WORD).exists()

    speaker_url = known_kelly.get_absolute_url()
    status = browser.run(search_for_kelly, browser.page, live_server.url, speaker_url)
    assert status == 200
