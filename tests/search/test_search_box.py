"""What the search box makes of odd input: control characters, quotes, long and wordy queries."""

import pytest
from django.urls import reverse

from archive.search.forms import ArchiveSearchForm

pytestmark = pytest.mark.django_db


def cleaned_query(text):
    form = ArchiveSearchForm({"q": text})
    assert form.is_valid(), form.errors
    return form.cleaned_data["q"]


def test_query_drops_control_characters_and_non_characters(db):
    typed = "\x00we\x01 are\ufffe\t the \ufdd0\U0010ffff\x7f\x85 market\u200b \r\n"
    assert cleaned_query(typed) == "we are the market\u200b"
    assert cleaned_query("\x00") == ""


def test_search_page_shows_and_searches_the_clean_query(client, archive):
    response = client.get(reverse("archive:search"), {"q": "mar\x00ket\ufffe  demand\x1b"})
    body = response.content.decode()
    assert response.context["outcome"].total == 1
    assert 'value="market demand"' in body and "“market demand” · Search" in body
