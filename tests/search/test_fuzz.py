"""Hypothesis: whatever a reader or a script sends, search never answers with a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
NASTY = st.sampled_from(
    ['"', "OR", "-", "AND", "NOT", "*", ":", "(", ")", "[", "]", "~", "^", "\\", "\x00", "'", " "]
)
QUERY = st.one_of(
    TEXT,
    st.lists(st.one_of(NASTY, st.sampled_from(["market", "we", "security"])), max_size=12).map(
        " ".join
    ),
)
PARAMS = st.fixed_dictionaries(
    {"q": QUERY},
    optional={
        "speaker": st.one_of(st.just("antony-j-blinken"), TEXT),
        "event": st.one_of(st.just("tokyo-2022"), TEXT),
        "kind": st.one_of(st.just("interview"), TEXT),
        "country": st.one_of(st.just("Japan"), TEXT),
        "from": st.one_of(st.dates().map(str), TEXT),
        "to": st.one_of(st.dates().map(str), TEXT),
        "words": st.sampled_from(["", "original", "interpreted", "both"]),
        "sort": st.sampled_from(["relevance", "newest", "oldest", "random"]),
        "page": st.one_of(st.integers(-5, 10**6).map(str), TEXT),
    },
)
FAST = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FAST
@given(params=PARAMS)
def test_search_page_never_fails(client, archive, params):
    response = client.get("/search/", params)
    # The service turns an engine's exception into a polite page: that must not happen either.
    assert response.status_code == 200 and response.context["outcome"].error is None


@FAST
@given(params=PARAMS)
def test_search_feed_never_fails(client, archive, params):
    assert client.get("/feeds/search/", params).status_code in {200, 404}


@FAST
@given(params=PARAMS)
def test_search_api_never_fails(client, archive, params):
    assert client.get("/api/search", params).status_code in {200, 400}
