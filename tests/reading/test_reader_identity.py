"""Who said it: each failure class the issue measured at archive scale, from its real excerpts.

The excerpts are quoted from real whitehouse.gov and state.gov transcripts (the issue's report
on ~6,000 files); each case builds the smallest transcript around one.
"""

from __future__ import annotations

import datetime

import pytest

from archive.reading import Metadata, read
from archive.reading.people import from_title
from archive.reading.registry import from_records, read_records
from tests.reading.golden_files import ROOT

REGISTRY = from_records(read_records(ROOT / "fixtures" / "registry" / "people.yaml"))
WH = "---\ntitle: {title}\ndate: '{date}'\nsource_url: https://www.whitehouse.gov/x/\n---\n\n"


def whitehouse(body: str, title: str = "Press Briefing", date: str = "2023-01-10"):
    """Return the reading, with the registry, of a whitehouse.gov page with this body."""
    return read(WH.format(title=title, date=date) + body, registry=REGISTRY)


def questioners(reading) -> list[tuple[str, str]]:
    """Return (name, outlet) of the speaker of each question turn."""
    asked = [reading.speaker(u.speaker) for u in reading.utterances if u.label in ("Q", "QUESTION")]
    return [(speaker.name, speaker.affiliation) for speaker in asked]


def by_label(reading, label: str):
    """Return the speaker of the first turn under a label."""
    return reading.speaker(next(u.speaker for u in reading.utterances if u.label == label))


# Split people: one label, one date, one publisher — one registry person.
@pytest.mark.parametrize(
    ("label", "date", "person"),
    [
        ("THE PRESIDENT", "2023-01-10", "joseph-r-biden-jr"),
        ("PRESIDENT BIDEN", "2022-03-01", "joseph-r-biden-jr"),
        ("THE PRESIDENT", "2025-03-07", "donald-j-trump"),
        ("THE PRESIDENT", "2019-06-01", "donald-j-trump"),
        ("THE VICE PRESIDENT", "2022-05-28", "kamala-d-harris"),
        ("THE PRESIDNET", "2023-01-10", "joseph-r-biden-jr"),
        ("MS. JEAN-PIERRE", "2021-09-14", "karine-jean-pierre"),
        ("MR. KIRBY", "2024-02-02", "john-kirby"),
        ("PRESIDENT OBAMA", "2022-09-08", "barack-obama"),
    ],
)
def test_a_label_on_a_day_at_a_publisher_names_one_registry_person(label, date, person):
    reading = whitehouse(f"{label}:  We are here today.\n", date=date)
    speaker = by_label(reading, label)
    assert (speaker.person, speaker.resolved) == (person, True)


def test_a_secretary_named_by_surname_at_the_state_department():
    text = (
        "Press Availability\nWith Secretary of Homeland Security John Kelly\n\n"
        "Dean Acheson Auditorium\nWashington, DC\nMay 18, 2017\n\n"
        "SECRETARY TILLERSON: Good afternoon.\n\nSECRETARY KELLY: Thank you. U.S. Department of "
        "State\n"
    )
    reading = read(text, registry=REGISTRY)
    assert by_label(reading, "SECRETARY KELLY").person == "john-f-kelly"
    assert by_label(reading, "SECRETARY TILLERSON").person == "rex-w-tillerson"


def test_a_bare_surname_nobody_holds_an_office_under_stays_unresolved():
    reading = whitehouse("MS. NABONGO:  Thank you all.\n")
    speaker = by_label(reading, "MS. NABONGO")
    assert (speaker.name, speaker.person, speaker.resolved) == ("Nabongo", "", False)


def test_an_honorific_and_a_surname_never_name_a_foreign_leader():
    # "MR. KIM" at the White House is no head of state, whatever the registry holds.
    speaker = by_label(whitehouse("MR. KIM:  Thanks.\n"), "MR. KIM")
    assert (speaker.person, speaker.resolved) == ("", False)


def test_a_bare_title_nobody_holds_is_no_speaker_named_by_it():
    reading = read(
        "Remarks\n\nHotel Lobby\nParis, France\nJune 1, 2022\n\nTHE MINISTER: Thank you.\n",
        registry=REGISTRY,
    )
    speaker = by_label(reading, "THE MINISTER")
    assert speaker.name == "Unidentified minister" and not speaker.resolved


# Names built from page titles.
@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("Remarks by NATO Secretary General Mark Rutte Before Bilateral Meeting", ["Mark Rutte"]),
        ("Secretary Antony J. Blinken Press Availability", ["Antony J. Blinken"]),
        ("Remarks by President Biden Before Marine One Departure", ["Biden"]),
        ("Remarks by Vice President Harris During Fireside Chat", ["Harris"]),
        ("Remarks by President Biden Celebrating Labor Day and the Dignity of American Workers",
         ["Biden"]),
        ("Remarks of President Joe Biden – State of the Union Address", ["Joe Biden"]),
        ("Press Briefing by Press Secretary Karine Jean-Pierre and NSC Coordinator for Strategic "
         "Communications John\u00a0Kirby", ["Karine Jean-Pierre", "John Kirby"]),
        ("Press Gaggle by Press Secretary Karine Jean-Pierre and APNSA Jake Sullivan",
         ["Karine Jean-Pierre", "Jake Sullivan"]),
        ("Remarks by President Biden, Prime Minister Anthony Albanese of Australia, and Prime "
         "Minister Narendra Modi of India", ["Biden", "Anthony Albanese", "Narendra Modi"]),
        ("Secretary Blinken and Republic of Korea Foreign Minister Park Jin at a Joint Press "
         "Availability", ["Blinken", "Park Jin"]),
        ("Remarks by President Xi Jinping of China", ["Xi Jinping"]),
        ("Secretary Blinken’s Meeting with Kuwaiti Foreign Minister Sheikh Dr. Ahmad Nasser "
         "Al-Mohammad Al-Sabah", ["Blinken", "Ahmad Nasser Al-Mohammad Al-Sabah"]),
        ("Secretary Antony J. Blinken and Egyptian Foreign Minister Sameh Shoukry Before Their "
         "Meeting", ["Antony J. Blinken", "Sameh Shoukry"]),
        ("Secretary Antony J. Blinken and Israeli Foreign Minister Yair Lapid at a Joint Press "
         "Availability", ["Antony J. Blinken", "Yair Lapid"]),
        ("Secretary Antony J. Blinken with Moroccan Foreign Minister Nasser Bourita After Their "
         "Meeting", ["Antony J. Blinken", "Nasser Bourita"]),
        ("Press Call by White House Deputy Chief of Staff Natalie Quillian", ["Natalie Quillian"]),
    ],
)  # fmt: skip
def test_names_in_page_titles_stop_where_the_name_does(title, names):
    assert [p.name for p in from_title(title)] == names


def test_family_name_first_and_country_from_a_leading_country_name():
    [_, park] = from_title("Secretary Blinken and Republic of Korea Foreign Minister Park Jin")
    assert (park.name, park.role, park.country) == ("Park Jin", "Foreign Minister", "South Korea")


def test_a_foreign_president_keeps_their_own_country():
    # López Obrador was filed as "President (United States)": the publisher's country guessed.
    title = "Remarks by President Biden and President López Obrador in a Bilateral Meeting"
    reading = whitehouse(
        "PRESIDENT BIDEN:  Welcome.\n\nPRESIDENT LÓPEZ OBRADOR:  (As interpreted.)  Thank you.\n",
        title=title,
        date="2022-07-12",
    )
    obrador = by_label(reading, "PRESIDENT LÓPEZ OBRADOR")
    assert obrador.country == "Mexico"
    assert obrador.person == "andres-manuel-lopez-obrador"


# Roles are not people, and their labels are turns of their own.
def test_audience_shouts_are_turns_of_their_own_not_the_speakers_words():
    reading = whitehouse(
        "THE VICE PRESIDENT:  We will not go back.\nAUDIENCE:  Hear! Hear!\n"
        "THE VICE PRESIDENT:  And we will win.\n\nAUDIENCE MEMBER:  Four more years!\n",
        date="2024-08-01",
    )
    labels = [u.label for u in reading.utterances]
    assert labels == ["THE VICE PRESIDENT", "AUDIENCE", "THE VICE PRESIDENT", "AUDIENCE MEMBER"]
    assert "Hear" not in reading.utterances[0].text
    assert {by_label(reading, "AUDIENCE").kind, by_label(reading, "AUDIENCE MEMBER").kind} == {
        "role"
    }


@pytest.mark.parametrize(
    "label",
    [
        "MODERATOR",
        "OPERATOR",
        "AUDIENCE MEMBER",
        "INTERPRETER",
        "PARTICIPANT",
        "SENIOR ADMINISTRATION OFFICIAL",
        "SENIOR STATE DEPARTMENT OFFICIAL ONE",
        "WHITE HOUSE OFFICIAL",
        "ZAMBIAN OFFICIAL",
    ],
)
def test_roles_are_a_kind_of_their_own(label):
    speaker = by_label(whitehouse(f"{label}:  Thank you.\n"), label)
    assert speaker.kind == "role"


def test_a_short_title_on_the_label_is_the_registry_post_in_full():
    """SECRETARY BLINKEN is the Secretary of State; a role the post does not hold stays."""
    reading = whitehouse("SECRETARY BLINKEN:  Thank you.\n", date="2023-01-10")
    assert by_label(reading, "SECRETARY BLINKEN").role == "Secretary of State"
    reading = whitehouse("AMBASSADOR BLINKEN:  Thank you.\n", date="2023-01-10")
    speaker = by_label(reading, "AMBASSADOR BLINKEN")
    assert speaker.role != "Secretary of State"


def test_a_plural_is_no_typo_of_a_role_word():
    """STATES is one typo from STATE, but a word of its own."""
    speaker = by_label(
        whitehouse("UNITED STATES OFFICIAL:  Thank you.\n"), "UNITED STATES OFFICIAL"
    )
    assert (speaker.name, speaker.kind) == ("United States Official", "role")


# UN speeches: the country in full, never a person from a file code.
@pytest.mark.parametrize(
    ("filename", "speaker", "country"),
    [
        ("SYR_40_1985.txt", "Representative of Syria", "Syria"),
        ("AND_60_2005.txt", "Representative of Andorra", "Andorra"),
        ("BEN_70_2015.txt", "Representative of Benin", "Benin"),
        ("EU_67_2012.txt", "Representative of the European Union", "European Union"),
        ("USA_79_2024.txt", "Representative of the United States", "United States"),
    ],
)
def test_un_speeches_name_the_country_in_full(filename, speaker, country):
    reading = read("We meet in difficult times.\n", metadata=Metadata(filename=filename))
    [found] = reading.speakers
    assert (found.name, found.country, found.kind, found.person) == (speaker, country, "role", "")
    assert reading.event.date_precision == "year"


def test_un_page_heads_and_feet_are_no_words_of_the_speech():
    """The PDF-born text of a UN record keeps its running heads (A/65/PV.13) and feet (job
    number and page) between the lines, often inside a sentence."""
    text = (
        "We also offer our best practices in\n  \n \n10-54965 24 \n \n"
        "establishing standards of good governance.\n\n"
        "A/70/PV.25 02/10/2015\nThe Assembly met.\n15-29816 37/45\n\n36/45 15-29816\n"
        "See document A/70/PV.25 for more.\n"
    )
    [turn] = read(text, metadata=Metadata(filename="EST_65_2010.txt")).utterances
    assert [p.text for p in turn.paragraphs] == [
        "We also offer our best practices in establishing standards of good governance.",
        "The Assembly met.",
        "See document A/70/PV.25 for more.",
    ]


# Event metadata.
@pytest.mark.parametrize("dateline", ["March 3, 2021", "2021-03-03", "Wednesday, March 3, 2021"])
def test_a_date_on_the_line_under_a_plain_text_title_is_the_date_not_the_title(dateline):
    text = f"Press Briefing by Secretary Blinken\n{dateline}\n\nSECRETARY BLINKEN: Good morning.\n"
    reading = read(text, registry=REGISTRY)
    assert reading.event.title == "Press Briefing by Secretary Blinken"
    assert reading.event.date == datetime.date(2021, 3, 3)


def test_a_date_within_a_title_line_stays_in_the_title():
    text = "Department Press Briefing – February 7, 2022\n\nMR PRICE: Good afternoon.\n"
    reading = read(text, registry=REGISTRY)
    assert reading.event.title == "Department Press Briefing – February 7, 2022"
    assert reading.event.date == datetime.date(2022, 2, 7)


def test_the_date_the_title_prints_wins_over_the_publication_date():
    page = (
        "<html><head><title>Department Press Briefing – February 7, 2022</title></head><body>"
        "<h1>Department Press Briefing – February 7, 2022</h1>"
        "<p class='article-meta__publish-date'>February 8, 2022</p>"
        "<div class='entry-content'><p><strong>MR PRICE:</strong> Good afternoon.</p></div>"
        "</body></html>"
    )
    reading = read(page, registry=REGISTRY)
    assert reading.event.date == datetime.date(2022, 2, 7)
    assert any("2022-02-07" in w and "2022-02-08" in w for w in reading.warnings)


def test_a_line_naming_an_office_is_no_venue():
    text = (
        "Joint Press Availability\n\nFrench Foreign Minister Jean-Yves Le Drian\nParis, France\n"
        "June 25, 2021\n\nSECRETARY BLINKEN: Bonjour.\n"
    )
    assert read(text).event.venue == ""


@pytest.mark.parametrize(
    ("title", "body", "kind"),
    [
        ("Press Conference by President Biden", "THE PRESIDENT:  Hello.\n", "Press Conference"),
        (
            "Remarks by President Biden and Prime Minister Kishida of Japan in Press Conference",
            "PRESIDENT BIDEN:  Hello.\n\nPRIME MINISTER KISHIDA:  Hello.\n",
            "Joint Press Conference",
        ),
    ],
)
def test_a_press_conference_is_joint_only_with_two_principals(title, body, kind):
    assert whitehouse(body, title=title).event.kind == kind


# Questioners.
def test_a_credit_carries_to_follow_ups_until_a_question_names_another_asker():
    reading = whitehouse(
        "MODERATOR:  Next, Janis Mackey Frayer with NBC.\n\nQ    Thank you. What about tariffs?\n\n"
        "THE PRESIDENT:  We will see.\n\nQ    And a follow-up: when?\n\n"
        "THE PRESIDENT:  Soon.\n\nQ    Thanks. Trevor Hunnicutt, Reuters. On China, what next?\n\n"
        "THE PRESIDENT:  Talks.\n\nQ    Evelyn Cheng from CNBC. A question on trade?\n\n"
        "THE PRESIDENT:  Good.\n"
    )
    assert questioners(reading) == [
        ("Janis Mackey Frayer", "NBC"),
        ("Janis Mackey Frayer", "NBC"),
        ("Trevor Hunnicutt", "Reuters"),
        ("Evelyn Cheng", "CNBC"),
    ]


@pytest.mark.parametrize(
    "handover",
    [
        "Okay, let’s go to Al Jazeera first.",
        "We have one from Los Angeles.",
        "Starting over here, please.",
        "Plenty of time. Go ahead.",
    ],
)
def test_outlets_places_and_adverbs_are_no_journalists(handover):
    reading = whitehouse(f"MODERATOR:  {handover}\n\nQ    What is the plan?\n")
    [(name, _)] = questioners(reading)
    assert name == "Unidentified questioner"


@pytest.mark.parametrize(
    ("turn", "name", "outlet"),
    [
        ("(As interpreted.)  David Cochrane, CBC, from Canada, will be asking.", "David Cochrane",
         "CBC"),
        ("Sara Pablo of the Formula Group will pose a question.", "Sara Pablo", "Formula Group"),
        ("We’ll take the first one from Fadwa Mrabti, Al Ghad TV.", "Fadwa Mrabti", "Al Ghad TV"),
        ("Let’s go to Jenny Hansler to start us off.", "Jenny Hansler", ""),
    ],
)  # fmt: skip
def test_introduction_forms_at_scale(turn, name, outlet):
    reading = whitehouse(f"MODERATOR:  {turn}\n\nQ    What is the plan?\n")
    assert questioners(reading) == [(name, outlet)]


@pytest.mark.parametrize(
    ("question", "name", "outlet"),
    [
        ("My name is Shahad Al-Matrouk from Al Arabiya. What is the plan?", "Shahad Al-Matrouk",
         "Al Arabiya"),
        ("Marc Stewart from CNN. What is the plan?", "Marc Stewart", "CNN"),
        ("Hi, Marc Stewart from CNN. What is the plan?", "Marc Stewart", "CNN"),
        ("Question from Alexandra Brangeon, RFI. What is the plan?", "Alexandra Brangeon", "RFI"),
    ],
)  # fmt: skip
def test_self_introductions(question, name, outlet):
    reading = whitehouse(f"MODERATOR:  Next question.\n\nQ    {question}\n")
    assert questioners(reading) == [(name, outlet)]


def test_a_first_name_call_back_is_the_journalist_introduced_before():
    reading = whitehouse(
        "MODERATOR:  We’ll go to Rene Marsh from CNN.\n\nQ    What is the plan?\n\n"
        "THE PRESIDENT:  A good one.\n\nMODERATOR:  Next, Matt Lee with AP.\n\n"
        "Q    And the budget?\n\nTHE PRESIDENT:  Passed.\n\n"
        "MODERATOR:  Rene, we have time for a final question.\n\nQ    One more: when?\n"
    )
    assert questioners(reading) == [
        ("Rene Marsh", "CNN"),
        ("Matt Lee", "AP"),
        ("Rene Marsh", "CNN"),
    ]


def test_a_foreign_minister_by_surname_beside_their_president():
    title = (
        "Remarks by President Biden and President López Obrador of Mexico Before Bilateral Meeting"
    )
    reading = whitehouse("MR. EBRARD:  Yeah, it’s working.\n", title=title, date="2022-07-12")
    assert by_label(reading, "MR. EBRARD").person == "marcelo-ebrard-casaubon"


def test_mister_president_is_the_office():
    reading = whitehouse("MR. PRESIDENT:  We’ve got a bet going.\n", date="2023-05-26")
    assert by_label(reading, "MR. PRESIDENT").person == "joseph-r-biden-jr"


@pytest.mark.parametrize(
    ("body", "label", "name"),
    [
        ("MR. FENTON:  Thank you. I’m Bob Fenton, and I lead the response.\n", "MR. FENTON",
         "Bob Fenton"),
        ("MR. CAMERON WINKLEVOSS:  Thank you.\n", "MR. CAMERON WINKLEVOSS", "Cameron Winklevoss"),
    ],
)  # fmt: skip
def test_a_full_name_the_transcript_gives_is_resolved(body, label, name):
    speaker = by_label(whitehouse(body), label)
    assert (speaker.name, speaker.resolved) == (name, True)


@pytest.mark.parametrize("label", ["THE FIRST LADY", "THE SECOND GENTLEMAN", "REVEREND GRAHAM"])
def test_offices_without_a_minister_word_still_open_turns(label):
    # Found inside the President's turns at scale: "… impressive child.  THE FIRST LADY: Yes."
    reading = whitehouse(f"THE PRESIDENT:  You’re a very impressive child.\n{label}:  Yes.\n")
    assert [u.label for u in reading.utterances] == ["THE PRESIDENT", label]
