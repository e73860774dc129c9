"""The PDF upload in a real Chromium: print the seed to PDF, upload it, import it, find a quote."""

import pytest

from archive.models import Event, SourceFile
from tests.chromium import chromium_path
from tests.pdf_samples import page_of_text, print_to_pdf

from .helpers import SEED
from .test_browser import KELLY_WORD, PASSWORD, browser, log_in_and_upload  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUOTE = "merchants of death"


def upload_and_import(page, base_url, pdf_path):
    """Log in, upload the PDF, check its preview and import it; return the page landed on."""
    from playwright.sync_api import expect

    log_in_and_upload(page, base_url, pdf_path)
    expect(page.get_by_text("Read as pdf: 10 speakers, 35 turns.")).to_be_visible()
    expect(page.locator("#transcript-preview")).to_contain_text(KELLY_WORD)
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Imported “")).to_be_visible()
    return page.url


def find_the_quote(page, base_url):
    """Search the quote as a phrase; return the result's event link and the PDF's link."""
    from playwright.sync_api import expect

    page.goto(f'{base_url}/search/?q="{QUOTE}"')
    results = page.locator("li.search-result")
    expect(results).to_have_count(1)
    expect(results.locator(".snippet")).to_contain_text(QUOTE)
    event_link = results.get_by_role("link", name="Press Availability").first
    event_link.click()
    download = page.get_by_role("link", name="Download the source PDF")
    expect(download).to_be_visible()
    return page.url, download.get_attribute("href")


def test_admin_uploads_a_printed_pdf_and_finds_a_quote_from_it(
    live_server,
    browser,  # noqa: F811 - the fixture imported above
    django_user_model,
    tmp_path,
):
    """The seed printed by this machine's Chromium now, not a stored PDF."""
    pdf = tmp_path / "tillerson-press-availability.pdf"
    pdf.write_bytes(
        print_to_pdf(page_of_text(SEED.read_text(), SEED.name), "seed", chromium_path())
    )
    django_user_model.objects.create_superuser("admin", "admin@example.com", PASSWORD)
    landed = browser.run(upload_and_import, browser.page, live_server.url, pdf)
    event = Event.objects.get()
    assert landed == live_server.url + event.get_absolute_url()
    assert bytes(SourceFile.objects.get(event=event).data) == pdf.read_bytes()
    page_url, pdf_link = browser.run(find_the_quote, browser.page, live_server.url)
    assert page_url.startswith(live_server.url + event.get_absolute_url())
    assert pdf_link == f"/events/{event.slug}/source/"
