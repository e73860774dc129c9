"""The Content-Security-Policy in a real Chromium: no page of the site or its admin breaks it."""

import pytest
from django.core.management import call_command

from tests.admin_upload.helpers import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-for-csp-tests"


def violations(page) -> list[str]:
    """Start collecting the console's reports of anything the policy refused."""
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return refused


def test_public_pages_break_no_policy(live_server, page, seed):
    call_command("rebuild_index", interactive=False, verbosity=0)
    refused = violations(page)
    market = seed["market"]
    for path in [
        "/",
        "/search/?q=market",
        seed["event"].get_absolute_url(),
        market.get_absolute_url(),
        market.speaker.get_absolute_url(),
        "/speakers/",
        "/dates/2017/",
    ]:
        response = page.goto(live_server.url + path)
        assert response.status == 200 and "content-security-policy" in response.headers
        page.wait_for_load_state("load")
    # The quote page's copy button is the site's one script: it must still run.
    page.goto(live_server.url + market.get_absolute_url())
    assert page.locator("button").count() >= 1
    assert refused == []


def test_admin_upload_and_preview_break_no_policy(live_server, page, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.com", PASSWORD)
    refused = violations(page)
    page.goto(live_server.url + "/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Upload transcript").first.click()
    page.get_by_label("File").set_input_files(str(SEED))
    page.get_by_role("button", name="Preview").click()
    page.locator("#transcript-preview").wait_for()
    # The stylesheet that replaced the inline styles applies.
    weight = page.locator(".transcript-preview .interpreted").first.evaluate(
        "element => getComputedStyle(element).fontStyle"
    )
    assert weight == "italic"
    page.locator(".speaker-table .select2").first.click()
    page.keyboard.press("Escape")
    page.goto(live_server.url + "/admin/archive/speaker/")
    page.goto(live_server.url + "/admin/archive/event/")
    assert refused == []
