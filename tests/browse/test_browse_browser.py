"""A new reader in a real Chromium: from the home page to a quote, its speaker and its date."""

import datetime
import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def test_new_reader_searches_a_quote_and_follows_it(live_server, page, seed):
    call_command("rebuild_index", interactive=False, verbosity=0)
    market = seed["market"]
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Search the quotes").fill("we are the market")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/search/\?q=we\+are\+the\+market"))
    # "Read in context" leads to the quote with the words searched for marked.
    page.locator(f'a[href^="{market.get_absolute_url()}?q="]').first.click()
    expect(page.locator("figure.quote mark", has_text="market").first).to_be_visible()

    expect(page.locator("figure.quote")).to_contain_text("we are the market")
    expect(page.locator(".context .utterance")).to_have_count(3)
    page.locator("figure.quote").get_by_role("link", name="Rex W. Tillerson").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rex W. Tillerson")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dates").click()
    page.get_by_role("link", name=re.compile("^2017")).click()
    page.get_by_role("link", name=re.compile("^May")).click()
    page.get_by_role("link", name=re.compile("^18 May")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events on 18 May 2017")


def test_reader_walks_from_home_to_a_quote_its_speaker_and_its_date(live_server, page, seed):
    page.goto(live_server.url + "/")
    expect(page).to_have_title(re.compile("Diplomatic Statements Archive"))
    expect(page.get_by_role("searchbox", name="Search the quotes")).to_be_visible()
    expect(page.locator('[data-total="utterances"]')).to_have_text("7")

    page.get_by_role("link", name=re.compile("^Press Availability With Secretary")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Press Availability With")
    expect(page.get_by_text("Via interpreter").first).to_be_visible()
    page.get_by_role("link", name="Permalink to turn 1, SECRETARY TILLERSON").click()

    expect(page.locator("figure.quote")).to_contain_text("we are the market")
    expect(page.locator("#citation-text")).to_contain_text("Rex W. Tillerson (Secretary of State)")
    page.get_by_role("link", name="Read it in the full transcript →").click()
    expect(page).to_have_url(re.compile("#u1$"))
    page.go_back()

    page.locator("figure.quote").get_by_role("link", name="Rex W. Tillerson").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rex W. Tillerson")
    expect(page.get_by_role("cell", name="Secretary of State")).to_be_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dates").click()
    page.get_by_role("link", name=re.compile("^2017")).click()
    page.get_by_role("link", name=re.compile("^May")).click()
    page.get_by_role("link", name=re.compile("^18 May")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Events on 18 May 2017")
    expect(page.get_by_role("link", name=re.compile("^Press Availability With"))).to_be_visible()


def test_citation_copies_with_one_click(live_server, page, seed, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda: datetime.date(2026, 12, 6))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + seed["market"].get_absolute_url())
    page.get_by_role("button", name="Copy citation").click()
    expect(page.get_by_role("status")).to_have_text("Citation copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Rex W. Tillerson (Secretary of State), “Press Availability With")
    permalink = f"{live_server.url}{seed['market'].get_absolute_url()}"
    assert copied.endswith(
        f"Diplomatic Statements Archive, {permalink} (accessed 6 December 2026)."
    )


def test_keyboard_user_sees_the_skip_link_and_focus(live_server, page, seed):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/speakers/",
        "/speakers/rex-w-tillerson/",
        "/dates/2017/05/",
        "/events/2017-05-18-tillerson-kelly-videgaray-osorio-press-availability/",
    ],
)
def test_pages_fit_a_phone_screen(live_server, chromium, seed, path):
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
