"""The search page's title: the search in one pair of quotes, never “"…"”."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def page(client, **params):
    response = client.get(reverse("archive:search"), params)
    assert response.status_code == 200
    return response.content.decode()


def title(html):
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ('"we are the market"', "“we are the market”"),
        ("market", "“market”"),
        ('"we are the market" demand', "“‘we are the market’ demand”"),
    ],
)
def test_the_title_quotes_the_search_once(client, archive, typed, shown):
    html = page(client, q=typed)
    assert title(html) == f"{shown} · Search · Diplomatic Statements Archive"
    assert f'title="Quotes matching {shown}"' in html


def test_the_title_cuts_a_long_search_inside_its_quotes(client, archive):
    shown = title(page(client, q='"' + "market " * 30 + '"'))
    assert shown.startswith("“market market") and "…” · Search" in shown
    assert '"' not in shown and "&quot;" not in shown
