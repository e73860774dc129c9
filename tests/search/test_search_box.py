"""What the search box makes of odd input: control characters, quotes, long and wordy queries."""

import pytest
from django.urls import reverse

from archive.search.engines.whoosh.backend import ArchiveWhooshBackend
from archive.search.forms import ArchiveSearchForm
from archive.search.service import MAX_SUGGEST_LENGTH, MAX_SUGGEST_WORDS
from archive.search.syntax import MAX_CLAUSES, MAX_WORDS, parse

pytestmark = pytest.mark.django_db


def search_outcome(client, text):
    response = client.get(reverse("archive:search"), {"q": text})
    assert response.status_code == 200
    return response.context["outcome"]


def cleaned_query(text):
    form = ArchiveSearchForm({"q": text})
    assert form.is_valid(), form.errors
    return form.cleaned_data["q"]


def test_query_reads_control_characters_and_non_characters_as_spaces(db):
    typed = "\x00we\x01are\ufffe\t the \ufdd0\U0010ffff\x7f\x85 market\u200b \r\n"
    assert cleaned_query(typed) == "we are the market\u200b"


def test_query_is_composed_so_combining_accents_fold_like_precomposed_ones(db):
    assert cleaned_query("Nu\u0308rnberg Erdog\u0306an") == "N\u00fcrnberg Erdo\u011fan"
    assert cleaned_query("\x00") == ""


def test_search_page_shows_and_searches_the_clean_query(client, archive):
    response = client.get(reverse("archive:search"), {"q": "market\x00\ufffe  demand\x1b"})
    body = response.content.decode()
    assert response.context["outcome"].total == 1
    assert 'value="market demand"' in body and "“market demand” · Search" in body


@pytest.fixture
def corrected(monkeypatch):
    """Return the list of words the engine is asked to correct, filled as searches run."""
    asked = []
    original = ArchiveWhooshBackend.create_spelling_suggestion

    def recording(self, query_string):
        asked.append(query_string)
        return original(self, query_string)

    monkeypatch.setattr(ArchiveWhooshBackend, "create_spelling_suggestion", recording)
    return asked


def test_no_word_longer_than_a_word_is_corrected(client, archive, corrected):
    assert search_outcome(client, "x" * 1000).suggestion is None
    long_word = "y" * (MAX_SUGGEST_LENGTH + 1)
    assert search_outcome(client, f"markte {long_word}").suggestion == f"market {long_word}"
    assert not [asked for asked in corrected if "x" in asked or "y" in asked]


def test_no_suggestion_for_a_wordy_query(client, archive, corrected):
    assert search_outcome(client, "markte secutiry").suggestion == "market security"
    wordy = "markte secutiry marcket tarrif demmand"
    assert len(wordy.split()) > MAX_SUGGEST_WORDS
    corrected.clear()
    assert search_outcome(client, wordy).suggestion is None and corrected == []


def test_a_long_phrase_is_cut_to_the_words_searched(client, archive):
    words = [f"w{n}" for n in range(MAX_WORDS + 8)]
    parsed = parse(f'"{" ".join(words)}" OR demand -market')
    assert str(parsed) == f'"{" ".join(words[:MAX_WORDS])}"'
    outcome = search_outcome(client, '"' + "we are the market " * 10 + '" OR demand')
    assert parsed.notes == outcome.notes == [f"Only the first {MAX_WORDS} words were searched."]


def test_clauses_past_the_limit_are_left_out_with_their_alternatives():
    parsed = parse(
        " ".join(f"w{n}" for n in range(20)) + " " + " ".join(f"-x{n}" for n in range(9))
    )
    assert len(parsed.groups) + len(parsed.excluded) == MAX_CLAUSES
    parsed = parse(" ".join(f"w{n}" for n in range(MAX_CLAUSES)) + " extra OR alternative")
    assert parsed.words == [f"w{n}" for n in range(MAX_CLAUSES)]
    assert parsed.notes == [f"Only the first {MAX_CLAUSES} words or phrases were searched."]


@pytest.mark.parametrize(
    "typed",
    ["“we are the market”", "„we are the market‟", "« we are the market »", "″we are the market″"],
)
def test_typographic_quotes_make_a_phrase(client, archive, typed):
    response = client.get(reverse("archive:search"), {"q": typed})
    assert response.context["outcome"].total == 1
    assert str(parse(typed)) == '"we are the market"'
    title = response.content.decode().split("<title>", 1)[1].split("</title>", 1)[0]
    # One pair of quotes, not “"we are the market"”.
    assert title.startswith("“we are the market” · Search")


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ('"we are the markett"', '"we are the market"'),
        ("markett -tariff", "market -tariff"),
        ("Markte OR secutiry", "Market OR security"),
        ("-drugs SECUTIRY", "-drugs SECURITY"),
        ("ma?ket", None),
        ("[a TO z]", None),
    ],
)
def test_suggestion_corrects_the_words_of_the_query_as_typed(client, archive, typed, suggested):
    outcome = search_outcome(client, typed)
    assert outcome.total == 0 and outcome.suggestion == suggested
