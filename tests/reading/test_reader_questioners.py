"""Questioner attribution: introduced journalists own the questions that follow, conservatively."""

from __future__ import annotations

import pytest

from archive.reading import read

HEADER = "Press Releases: Press Availability\nWith Foreign Minister Heiko Maas\n\n"


def questioners(text: str) -> list[tuple[str, str, str]]:
    """Return (name, affiliation, attribution) of each question turn's speaker."""
    reading = read(text)
    found = []
    for u in reading.utterances:
        if u.label in ("QUESTION", "Q", "OUESTION"):
            speaker = reading.speaker(u.speaker)
            found.append((speaker.name, speaker.affiliation, u.attribution))
    return found


UNKNOWN = ("Unidentified questioner", "", "label")


@pytest.mark.parametrize(
    ("introduction", "name", "outlet"),
    [
        ("We'll start first with Felicia Schwartz from *The Wall Street Journal*. Felicia.",
         "Felicia Schwartz", "The Wall Street Journal"),
        ("Rich Edson from Fox News.", "Rich Edson", "Fox News"),
        ("The last question by Ruben Barrera from Notimex. Go ahead, please.",
         "Ruben Barrera", "Notimex"),
        ("We give the floor to Jose Diaz Briseno from newspaper *Reforma*.",
         "Jose Diaz Briseno", "Reforma"),
        ("Let’s go to the line of Francesco Fontemaggi, please.", "Francesco Fontemaggi", ""),
        ("Let’s go to Luis Rojas’s line.", "Luis Rojas", ""),
        ("Next, we’ll go to Michelle Jamrisko with Bloomberg.", "Michelle Jamrisko", "Bloomberg"),
        ("And our last question will go to Demetri with the FT.", "Demetri", "FT"),
        ("Could we have Sarah Smith of the BBC, please.", "Sarah Smith", "BBC"),
        ("Our first question goes to the VOA, Cindy Saine.", "Cindy Saine", "VOA"),
        ("The next question from Süddeutsche Zeitung, Herr Broessler.",
         "Broessler", "Süddeutsche Zeitung"),
        ("We’ll turn to Lalit Jha, Press Trust of India.", "Lalit Jha", "Press Trust of India"),
        ("May I first invite the Singapore journalist, Ms. Dawn Tan, from national broadcast "
         "MediaCorp?", "Dawn Tan", "MediaCorp"),
        ("Our first question will come from American journalist Nandita Bose from Reuters.",
         "Nandita Bose", "Reuters"),
        ("Mr. Matsuura from Kyodo.", "Matsuura", "Kyodo"),
    ],
)  # fmt: skip
def test_introduction_forms(introduction, name, outlet):
    """Each way a moderator hands the floor names the journalist (and outlet) of the question."""
    text = HEADER + f"MODERATOR: {introduction}\n\nQUESTION: What next?\n"
    assert questioners(text) == [(name, outlet, "inferred")]


def test_questions_follow_the_latest_introduction_until_the_next():
    """Follow-ups stay with the introduced journalist; a new introduction switches."""
    text = HEADER + (
        "MS NAUERT: Rich Edson from Fox News.\n\nQUESTION: First?\n\n"
        "SECRETARY BLINKEN: Answer.\n\nQUESTION: Follow-up?\n\n"
        "MS NAUERT: Rich, thank you. Ruben Barrera from Notimex.\n\nQUESTION: Mine?\n"
    )
    assert [q[0] for q in questioners(text)] == ["Rich Edson", "Rich Edson", "Ruben Barrera"]


def test_question_without_introduction_is_unidentified():
    """No introduction, no name: the questioner stays unidentified."""
    assert questioners(HEADER + "SECRETARY BLINKEN: Hello.\n\nQUESTION: Why?\n") == [UNKNOWN]


@pytest.mark.parametrize(
    "moderator_turn",
    [
        "Next question, please.",
        "Okay, we can continue on to Christina, please.",
        "Mihaela Ursu, TVR Moldova.",
        "(Off-mike.)",
        "Thank you. Yes, in the back — Mr. Tanaka.",
    ],
)
def test_unnamed_or_unclear_handover_ends_the_attribution(moderator_turn):
    """A moderator passing the floor without a clear name ends the previous journalist's run."""
    text = HEADER + (
        "MODERATOR: Rich Edson from Fox News.\n\nQUESTION: First?\n\n"
        f"MODERATOR: {moderator_turn}\n\nQUESTION: Second?\n"
    )
    assert questioners(text) == [("Rich Edson", "Fox News", "inferred"), UNKNOWN]


def test_answer_addressing_someone_else_revokes_the_attribution():
    """'Thank you, Simon' after 'Let’s go to Tony Lewis' means the questions were not Tony’s."""
    text = HEADER + (
        "MS PORTER: Let’s go to Tony Lewis, please.\n\nQUESTION: Can you hear me?\n\n"
        "MS PORTER: Thank you, Simon, for the question.\n"
    )
    assert questioners(text) == [UNKNOWN]


def test_questioner_introducing_themselves_takes_the_floor_from_the_one_called():
    """'Hi, I’m Jongjin Park of Money Today' after Aamer was called is his question, not Aamer’s."""
    text = HEADER + (
        "MODERATOR: Aamer with the AP.\n\nQUESTION: Thank you?\n\n"
        "SECRETARY BLINKEN: Sure.\n\nQUESTION: Hi, I’m Jongjin Park of Money Today. And?\n"
    )
    assert questioners(text) == [
        ("Aamer", "AP", "inferred"),
        ("Jongjin Park", "Money Today", "inferred"),
    ]


def test_questioner_naming_someone_else_as_themselves_revokes_the_attribution():
    """'Hi, this is Park' (no outlet) after Aamer was called cannot be Aamer’s question."""
    text = HEADER + (
        "MODERATOR: Aamer with the AP.\n\nQUESTION: Thank you?\n\n"
        "SECRETARY BLINKEN: Sure.\n\nQUESTION: Hi, this is Park. And?\n"
    )
    assert questioners(text) == [UNKNOWN, UNKNOWN]


def test_journalist_introducing_themselves():
    """A question that opens 'Andreas Rinke from Reuters.' is Andreas Rinke's."""
    text = HEADER + "MODERATOR: Please.\n\nQUESTION: Andreas Rinke from Reuters. Why?\n"
    assert questioners(text) == [("Andreas Rinke", "Reuters", "inferred")]


def test_long_statement_labelled_question_is_not_given_to_the_journalist():
    """A long QUESTION turn that asks nothing (a mislabelled answer) is not attributed."""
    answer = "We are very proud of our partnership across the board. " * 8
    text = HEADER + (
        "MODERATOR: Marco Marin from El Observador.\n\nQUESTION: Is it true?\n\n"
        f"QUESTION: {answer}\n"
    )
    assert questioners(text) == [("Marco Marin", "El Observador", "inferred"), UNKNOWN]


def test_mislabelled_introduction_in_a_question_turn_passes_the_floor():
    """'QUESTION: Final question, we’ll go to Cristina Smit of VOA.' is no question of Marco's."""
    text = HEADER + (
        "MODERATOR: Marco Marin from El Observador.\n\nQUESTION: Is it true?\n\n"
        "QUESTION: Final question, we’ll go to Cristina Smit of VOA.\n\nQUESTION: Why?\n"
    )
    assert questioners(text) == [("Marco Marin", "El Observador", "inferred"), UNKNOWN, UNKNOWN]


def test_officials_and_countries_are_not_taken_for_journalists():
    """'Let’s go to Foreign Minister Maas' or 'a question from Costa Rica' names no journalist."""
    text = HEADER + (
        "MODERATOR: We will continue with a question from Costa Rica.\n\nQUESTION: Why?\n\n"
        "MODERATOR: Let’s go to Foreign Minister Maas.\n\nQUESTION: And?\n"
    )
    assert questioners(text) == [UNKNOWN, UNKNOWN]


def test_interview_title_names_the_interviewer():
    """'Secretary Blinken with Osman Ayfarah of Al Jazeera': the questions are Osman Ayfarah's."""
    page = (
        "<html><body><h1>Secretary Antony J. Blinken with Osman Ayfarah of Al Jazeera</h1>"
        "<div class='entry-content'><p><strong>QUESTION:</strong> Welcome.</p>"
        "<p><strong>SECRETARY BLINKEN:</strong> Thanks.</p></div></body></html>"
    )
    reading = read(page)
    assert reading.event.kind == "Interview"
    assert questioners(page) == [("Osman Ayfarah", "Al Jazeera", "inferred")]
