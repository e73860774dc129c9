"""Finding people: the speakers page's name box, and its A–Z by family name."""

import pytest

from tests.browse.conftest import speaker

pytestmark = pytest.mark.django_db

A_TO_Z = [
    "Joseph R. Biden Jr.",
    "Antony J. Blinken",
    "Eunjong Cho",
    "Karine Jean-Pierre",
    "Andrés Manuel López Obrador",
    "Park Jin",
    "Pedro Sánchez",
    "Luis Videgaray Caso",
]


def names(response):
    assert response.status_code == 200
    return [s.name for s in response.context["speakers"]]


def groups(response):
    """Return the A–Z's headings with the names under each, as the page prints them."""
    html = response.content.decode()
    found = {}
    for section in html.split('<section class="initial-group"')[1:]:
        heading = section.split('class="initial">', 1)[1].split("<", 1)[0]
        items = section.split("</ul>", 1)[0].split("<li>")[1:]
        found[heading] = [item.split('">', 1)[1].split("</a>", 1)[0] for item in items]
    return found


def test_the_a_to_z_files_people_under_their_family_name(client, people):
    response = client.get("/speakers/")
    assert names(response) == A_TO_Z  # the moderator, a role, is not among the people
    assert groups(response) == {
        "B": ["Joseph R. Biden Jr.", "Antony J. Blinken"],
        "C": ["Eunjong Cho"],
        "J": ["Karine Jean-Pierre"],
        "L": ["Andrés Manuel López Obrador"],
        "P": ["Park Jin"],
        "S": ["Pedro Sánchez"],
        "V": ["Luis Videgaray Caso"],
    }


@pytest.mark.parametrize(
    ("letter", "expected"),
    [
        ("p", ["Park Jin"]),
        ("V", ["Luis Videgaray Caso"]),
        ("B", ["Joseph R. Biden Jr.", "Antony J. Blinken"]),
        ("L", ["Andrés Manuel López Obrador"]),
        ("A", []),
        ("J", ["Karine Jean-Pierre"]),
    ],
)
def test_the_letter_filter_uses_the_family_names_initial(client, people, letter, expected):
    assert names(client.get("/speakers/", {"letter": letter})) == expected


def test_only_family_name_initials_are_offered(client, people):
    letters = dict(client.get("/speakers/").context["letters"])
    assert letters["P"] and letters["V"] and letters["B"]
    assert not letters["A"] and not letters["R"]  # Antony, Andrés; Rex is not here


def test_a_family_name_family_and_given_names_sort_word_by_word(client, db):
    speaker("Yessenia Alvarado", "Alvarado, Yessenia")
    speaker("Carlos Alvarado Quesada", "Alvarado Quesada, Carlos")
    speaker("Ann Parker", "Parker, Ann")
    speaker("Jin Park", "Park, Jin")
    speaker("Ángel Gurría", "Gurría, Ángel")
    speaker("Ana Guevara", "Guevara, Ana")
    assert names(client.get("/speakers/")) == [
        "Yessenia Alvarado",
        "Carlos Alvarado Quesada",
        "Ana Guevara",
        "Ángel Gurría",
        "Jin Park",
        "Ann Parker",
    ]


def test_without_a_sort_name_a_speaker_is_filed_under_their_name(client, db):
    speaker("Heather Nauert")
    speaker("Ned Price", "Price, Ned")
    response = client.get("/speakers/")
    assert names(response) == ["Heather Nauert", "Ned Price"]
    assert groups(response) == {"H": ["Heather Nauert"], "P": ["Ned Price"]}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sanchez", ["Pedro Sánchez"]),
        ("SÁNCHEZ", ["Pedro Sánchez"]),
        ("pedro", ["Pedro Sánchez"]),
        ("lopez obrador", ["Andrés Manuel López Obrador"]),
        ("Andres Lopez", ["Andrés Manuel López Obrador"]),
        ("jean-pierre", ["Karine Jean-Pierre"]),
        ("jean pierre", ["Karine Jean-Pierre"]),
        ("pierre", ["Karine Jean-Pierre"]),
        ("cho", ["Eunjong Cho"]),
        ("vide", ["Luis Videgaray Caso"]),
        ("  park   jin ", ["Park Jin"]),
        ("joseph biden", ["Joseph R. Biden Jr."]),
        # The registry's other names of a person: "Joe" is no start of "Joseph".
        ("joe biden", ["Joseph R. Biden Jr."]),
        ("tony", ["Antony J. Blinken"]),
        ("Tony Blinken", ["Antony J. Blinken"]),
        ("tony biden", []),
        ("b", ["Joseph R. Biden Jr.", "Antony J. Blinken"]),
        ("obama", []),
        ("dega", []),  # a name's words are matched from their start
    ],
)
def test_the_name_box_finds_surnames_first_names_and_parts(client, people, typed, expected):
    assert names(client.get("/speakers/", {"q": typed})) == expected


def test_the_name_box_combines_with_kind_country_and_letter(client, people):
    assert names(client.get("/speakers/", {"q": "j", "country": "United States"})) == [
        "Joseph R. Biden Jr.",
        "Antony J. Blinken",
        "Karine Jean-Pierre",
    ]
    assert names(client.get("/speakers/", {"q": "j", "country": "United States", "letter": "B"}))
    assert names(
        client.get("/speakers/", {"q": "j", "country": "United States", "letter": "J"})
    ) == ["Karine Jean-Pierre"]
    assert names(client.get("/speakers/", {"q": "cho", "kind": "journalist"})) == ["Eunjong Cho"]
    assert names(client.get("/speakers/", {"q": "cho", "kind": "official"})) == []
    assert names(client.get("/speakers/", {"q": "moderator"})) == []
    assert names(client.get("/speakers/", {"q": "moderator", "kind": "role"})) == ["Moderator"]


def test_the_letters_offered_are_those_of_the_names_found(client, people):
    letters = dict(client.get("/speakers/", {"q": "lopez"}).context["letters"])
    assert [letter for letter, present in letters.items() if present] == ["L"]


def test_the_name_box_keeps_what_was_typed_and_the_letters_keep_it(client, people):
    html = client.get("/speakers/", {"q": "Sánchez"}).content.decode()
    assert 'name="q" value="Sánchez"' in html
    assert 'href="?q=S%C3%A1nchez&amp;letter=S"' in html
    assert "<title>Speakers named “Sánchez” · " in html


def test_nothing_matching_says_so_and_offers_a_way_on(client, people):
    response = client.get("/speakers/", {"q": "Zelenskyy"})
    html = response.content.decode()
    assert names(response) == []
    assert "No speaker’s name matches “Zelenskyy”." in html
    assert 'href="/search/?q=Zelenskyy"' in html
    filtered = client.get("/speakers/", {"q": "cho", "country": "Mexico"}).content.decode()
    assert "No speaker’s name matches “cho” with these filters." in filtered
    assert 'href="?q=cho">Look for “cho” among all speakers' in filtered


def test_the_name_box_is_escaped_and_bounded(client, people):
    html = client.get("/speakers/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    response = client.get("/speakers/", {"q": "cho " * 1000})
    assert names(response) == ["Eunjong Cho"]


def test_a_name_in_another_script_is_found_as_typed(client, db):
    speaker("王毅", "王毅", slug="wang-yi")
    speaker("Sergey Lavrov", "Lavrov, Sergey")
    assert names(client.get("/speakers/", {"q": "王毅"})) == ["王毅"]
    response = client.get("/speakers/")
    assert groups(response) == {"#": ["王毅"], "L": ["Sergey Lavrov"]}
    assert names(client.get("/speakers/", {"letter": "#"})) == ["王毅"]


def test_the_name_box_costs_no_extra_query(count_queries, people):
    assert count_queries("/speakers/?q=cho") <= count_queries("/speakers/")
