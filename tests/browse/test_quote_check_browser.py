"""A journalist checks a half-remembered quote in a real Chromium and follows the line."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_mistyped_quote_leads_to_the_real_words_their_permalink_and_a_similar_one(
    live_server, page, seed
):
    call_command("rebuild_index", interactive=False, verbosity=0)
    market, kelly = seed["market"], seed["utterances"][2]
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Check whether they said it →").click()
    # Did Tillerson say "we are a market"? (Kelly said "we are the market" too.)
    page.get_by_label("The quote as you remember it").fill("we are a market")
    page.get_by_label("Who said it (optional)").fill("Tillerson")
    page.get_by_role("button", name="Check the quote").click()

    expect(page.get_by_role("heading", level=2)).to_have_text("Close: the real words differ")
    first = page.locator(".quote-match").first
    expect(first.locator(".verdict")).to_contain_text("“a” for “the”")
    expect(first.locator("del.changed")).to_have_text("a")
    expect(first.locator("ins.changed")).to_have_text("the")
    expect(first.locator(".passage")).to_contain_text("America must also confront the reality")
    expect(first.locator(".citation-text")).to_contain_text("Rex W. Tillerson (Secretary of State)")

    first.get_by_role("link", name=re.compile("^Permalink")).click()
    expect(page).to_have_url(re.compile(rf"{market.get_absolute_url()}\?q="))
    marks = page.locator("figure.quote mark")
    expect(marks).to_have_text(["we", "are", "the", "market"])

    similar = page.locator("section.similar")
    expect(similar).to_contain_text("John Kelly")
    similar.get_by_role(
        "link", name=re.compile("^Permalink to this similar statement by John Kelly")
    ).click()
    expect(page).to_have_url(re.compile(rf"{kelly.get_absolute_url()}$"))
    expect(page.locator("figure.quote")).to_contain_text("We are the market for these drugs.")


def test_the_check_fits_a_phone_screen(live_server, chromium, seed):
    call_command("rebuild_index", interactive=False, verbosity=0)
    context = chromium.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + "/check/?q=we+are+a+market")
    expect(page.locator(".quote-match").first).to_be_visible()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0, f"the quote check scrolls sideways by {overflow}px on a phone"
