"""Finding people in a real Chromium: the name box and the A–Z by family name."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def listed(page):
    return page.locator(".speaker-list li > a").all_inner_texts()


def test_a_reader_finds_a_minister_by_surname_without_its_accent(live_server, page, people):
    page.goto(live_server.url + "/speakers/")
    page.get_by_role("searchbox", name="Name").fill("lopez obrador")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/speakers/\?q=lopez\+obrador"))
    assert listed(page) == ["Andrés Manuel López Obrador"]
    expect(page).to_have_title(re.compile("^Speakers named “lopez obrador”"))
    page.get_by_role("link", name="Andrés Manuel López Obrador").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Andrés Manuel López Obrador")


def test_the_name_box_combines_with_the_country_and_says_when_nothing_matches(
    live_server, page, people
):
    page.goto(live_server.url + "/speakers/")
    page.get_by_role("searchbox", name="Name").fill("j")
    page.get_by_label("Country").select_option("United States")
    page.get_by_role("button", name="Filter").click()
    assert listed(page) == ["Joseph R. Biden Jr.", "Antony J. Blinken", "Karine Jean-Pierre"]
    expect(page.get_by_role("searchbox", name="Name")).to_have_value("j")

    page.get_by_role("searchbox", name="Name").fill("sanchez")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("status")).to_contain_text(
        "No speaker’s name matches “sanchez” with these filters."
    )
    page.get_by_role("link", name="Look for “sanchez” among all speakers").click()
    assert listed(page) == ["Pedro Sánchez"]


def test_the_a_to_z_files_people_under_their_family_name(live_server, page, people):
    page.goto(live_server.url + "/speakers/")
    headings = page.locator(".initial-group h2").all_inner_texts()
    assert headings == ["B", "C", "J", "L", "P", "S", "V"]
    letters = page.get_by_role("navigation", name="Speakers by initial")
    expect(letters.get_by_role("link", name="A", exact=True)).to_have_count(0)
    letters.get_by_role("link", name="P", exact=True).click()
    expect(page).to_have_url(re.compile(r"letter=P"))
    assert listed(page) == ["Park Jin"]
    letters.get_by_role("link", name="V", exact=True).click()
    assert listed(page) == ["Luis Videgaray Caso"]
    letters.get_by_role("link", name="B", exact=True).click()
    assert listed(page) == ["Joseph R. Biden Jr.", "Antony J. Blinken"]
    expect(letters.get_by_role("link", name="B", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
