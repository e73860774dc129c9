"""Focused rules of the reader: labels, paragraphs, notes, interpreters, speakers, questioners."""

from __future__ import annotations

from archive.reading import Metadata, read

HEADER = "Press Releases: Press Availability\nWith Foreign Minister Heiko Maas\n\n"
WH = "---\ntitle: Remarks by President Biden and President López Obrador of Mexico\n---\n\n"


def labels(text: str, **kwargs) -> list[str]:
    """Return the printed labels of the turns a text is read into."""
    return [u.label for u in read(text, **kwargs).utterances]


def test_wrapped_line_starting_with_an_acronym_and_colon_is_not_a_turn():
    """'NATO: We are' on a wrapped line continues the sentence before it."""
    text = WH + (
        "PRESIDENT BIDEN:  We stand together with the members of\n"
        "NATO: We are united and we will stay united.\n\n"
        "Q    Thank you, Mr. President.\n"
    )
    reading = read(text)
    assert [u.label for u in reading.utterances] == ["PRESIDENT BIDEN", "Q"]
    assert "members of NATO: We are united" in reading.utterances[0].text


def test_acronym_and_colon_after_a_page_break_mid_sentence_is_not_a_turn():
    """A block that starts 'NATO:' after a sentence cut off by a page break is no label."""
    text = HEADER + "SECRETARY BLINKEN: We stand with our allies in\n\nNATO: We are united.\n"
    assert labels(text) == ["SECRETARY BLINKEN"]


def test_sentence_ending_in_a_colon_is_not_a_turn():
    """A speech line such as 'Let me quote from the first statement:' stays in the speech."""
    text = "Let me quote from the first statement:\n“Peace is our goal.”\nThe third states:\nNo.\n"
    reading = read(text, metadata=Metadata(filename="BFA_78_2023.txt"))
    assert reading.format == "speech"
    assert len(reading.utterances) == 1
    assert reading.utterances[0].paragraphs[0].text == "Let me quote from the first statement:"


def test_white_house_questions_are_q_and_spaces_without_colon():
    """'Q    text' and 'Q text' start question turns; 'Q and A' does not."""
    text = WH + (
        "THE PRESIDENT:  Hello.\n\nQ    Welcome back, sir.\n\nTHE PRESIDENT:  Thanks.\n\n"
        "Q Thank you, Mr. President.\n\nTHE PRESIDENT:  We held a\nQ and A session.\n"
    )
    reading = read(text)
    assert [u.label for u in reading.utterances] == ["THE PRESIDENT", "Q"] * 2 + ["THE PRESIDENT"]
    assert reading.utterances[-1].text == "We held a Q and A session."
    assert reading.speaker("questioner").kind == "role"


def test_labels_with_and_without_periods_and_non_ascii_letters():
    """MR./MS. with periods, MR without, and PRESIDENT LÓPEZ OBRADOR are all labels."""
    text = WH + (
        "MS. JEAN-PIERRE:  Welcome.\n\nPRESIDENT LÓPEZ OBRADOR:  (As interpreted.)  Gracias.\n\n"
        "MR PRICE: Next.\n\nMR. PRICE: Thank you.\n"
    )
    reading = read(text)
    assert [u.label for u in reading.utterances] == [
        "MS. JEAN-PIERRE",
        "PRESIDENT LÓPEZ OBRADOR",
        "MR PRICE",
        "MR. PRICE",
    ]
    obrador = reading.speaker(reading.utterances[1].speaker)
    assert (obrador.name, obrador.country) == ("López Obrador", "Mexico")
    assert reading.utterances[2].speaker == reading.utterances[3].speaker


def test_numbered_officials_are_distinct_speakers():
    """SENIOR STATE DEPARTMENT OFFICIAL ONE and TWO are two speakers."""
    text = (
        "SENIOR STATE DEPARTMENT OFFICIAL ONE: Hello.\n\n"
        "SENIOR STATE DEPARTMENT OFFICIAL TWO: Hi.\n"
    )
    reading = read(text)
    assert len({u.speaker for u in reading.utterances}) == 2
    assert reading.speakers[0].name == "Senior State Department Official One"


def test_paragraph_split_by_a_page_break_is_joined():
    """A paragraph that ends mid-sentence and resumes in lower case is one paragraph."""
    text = (
        HEADER
        + "SECRETARY BLINKEN: We as Americans,\n\nparents, and friends must act.\n\nNext one.\n"
    )
    paragraphs = read(text).utterances[0].paragraphs
    assert [p.text for p in paragraphs] == [
        "We as Americans, parents, and friends must act.",
        "Next one.",
    ]


def test_footer_boilerplate_and_italic_markers_are_removed():
    """The website footer is dropped and *italic* markers disappear."""
    text = HEADER + (
        "MS NAUERT: Felicia from *The Wall Street Journal*.\n\n"
        "The Office of Website Management, Bureau of Public Affairs, manages this site.\n"
    )
    assert read(text).utterances[0].text == "Felicia from The Wall Street Journal."


def test_interpreter_marks_the_paragraphs_that_follow_until_in_english():
    """'(Via interpreter)' switches interpretation on for the turn; '(In English)' off."""
    text = HEADER + (
        "FOREIGN MINISTER MAAS: Good morning.\n\n(Via interpreter) Guten Tag.\n\nMore.\n\n"
        "(In English) Thank you.\n\nSECRETARY BLINKEN: Thanks.\n"
    )
    first, second = read(text).utterances
    assert [(p.text, p.interpreted) for p in first.paragraphs] == [
        ("Good morning.", False),
        ("Guten Tag.", True),
        ("More.", True),
        ("Thank you.", False),
    ]
    assert not second.paragraphs[0].interpreted


def test_interpreter_mark_inside_a_paragraph_splits_it():
    """'Muchas gracias. (Via interpreter) Regarding…' is two paragraphs, the second interpreted."""
    text = HEADER + "FOREIGN MINISTER MAAS: Muchas gracias. (Via intrerpreter) Regarding trade.\n"
    paragraphs = read(text).utterances[0].paragraphs
    assert [(p.text, p.interpreted) for p in paragraphs] == [
        ("Muchas gracias.", False),
        ("Regarding trade.", True),
    ]


def test_stage_directions_are_notes_not_words():
    """(Laughter.) and (inaudible) are notes; a gap inside a sentence stays, in brackets."""
    text = HEADER + (
        "SECRETARY BLINKEN: That is right. (Laughter.) And is the domestic (inaudible)?\n\n"
        "(In progress)\n\nQUESTION: (Off-mike.)\n"
    )
    first, second = read(text).utterances
    assert first.text == "That is right. And is the domestic [inaudible]?"
    assert first.notes == ("(Laughter.)", "(inaudible)", "(In progress)")
    assert second.paragraphs == ()
    assert second.notes == ("(Off-mike.)",)


def test_non_breaking_spaces_in_bold_labels():
    """'<strong>SECRETARY BLINKEN:&nbsp;</strong>' and a label split over two tags are labels."""
    page = (
        "<html><body><article><h1>Secretary Antony J. Blinken and Foreign Minister Heiko Maas</h1>"
        "<div class='entry-content'><p><strong>SECRETARY&nbsp;BLINKEN:&nbsp;</strong>Hello.</p>"
        "<p><b>MR SWIFT</b><b>: </b> Next.</p><p><b>FOREIGN MINISTER MAAS:  </b>Hi.</p>"
        "</div></article></body></html>"
    )
    reading = read(page)
    assert reading.format == "html"
    assert [u.label for u in reading.utterances] == [
        "SECRETARY BLINKEN",
        "MR SWIFT",
        "FOREIGN MINISTER MAAS",
    ]
    assert reading.speaker("maas").name == "Heiko Maas"


def test_misspelled_labels_resolve_to_the_right_speaker():
    """FOREIGN MINISTESR KOFOD, FOREIGN MINISTER DE MAIO and OUESTION are read despite typos."""
    text = (
        "Press Releases: Press Availability\nWith Danish Foreign Minister Jeppe Kofod and "
        "Italian Foreign Minister Luigi Di Maio\n\n"
        "FOREIGN MINISTER KOFOD: One.\n\nFOREIGN MINISTESR KOFOD: Two.\n\n"
        "FOREIGN MINISTER DE MAIO: Three.\n\nMODERATOR: Anna Bell from Reuters.\n\n"
        "OUESTION: Why?\n"
    )
    reading = read(text)
    kofod = reading.speaker("kofod")
    assert kofod.labels == ("FOREIGN MINISTER KOFOD", "FOREIGN MINISTESR KOFOD")
    assert (kofod.name, kofod.country) == ("Jeppe Kofod", "Denmark")
    assert reading.speaker(reading.utterances[2].speaker).name == "Luigi Di Maio"
    assert reading.speaker(reading.utterances[4].speaker).name == "Anna Bell"
    assert any("DE MAIO" in w for w in reading.warnings)


def test_two_ministers_with_the_same_surname_are_not_merged():
    """Header-named and label-only ministers sharing a surname stay two speakers."""
    named = (
        "Press Releases: Press Availability\nWith Korean Foreign Minister Kim Sung and "
        "Korean Defense Minister Kim Yong\n\n"
        "FOREIGN MINISTER KIM: One.\n\nDEFENSE MINISTER KIM: Two.\n\nFOREIGN MINISTER KIM: Three.\n"
    )
    reading = read(named)
    first, second, third = (reading.speaker(u.speaker) for u in reading.utterances)
    assert (first.name, second.name) == ("Kim Sung", "Kim Yong")
    assert third == first
    unnamed = "FOREIGN MINISTER PARK: One.\n\nDEFENSE MINISTER PARK: Two.\n\nMR PARK: Three.\n"
    reading = read(unnamed)
    assert len({u.speaker for u in reading.utterances}) == 3


def test_full_names_roles_and_countries_come_from_the_header():
    """The header's 'Mexican Secretary of Foreign Relations Luis Videgaray Caso' names the label.

    US offices get United States because the footer says the State Department published it.
    """
    text = (
        "Press Releases: Press Availability\nWith Secretary of Homeland Security\nJohn Kelly, "
        "Mexican Secretary of\nForeign Relations Luis Videgaray Caso\n\n"
        "Press Availability Rex W. Tillerson\n\nSecretary of State\n\n"
        "Dean Acheson Auditorium Washington, DC May 18, 2017\n\n"
        "SECRETARY TILLERSON: Hello.\n\nFOREIGN SECRETARY VIDEGARAY: Hola.\n\n"
        "MR VIDEGARAY: Yes.\n\nSECRETARY KELLY: Right.\n\n"
        "The Office of Website Management manages this site for the U.S. State Department.\n"
    )
    reading = read(text)
    tillerson, videgaray, _, kelly = (reading.speaker(u.speaker) for u in reading.utterances)
    assert (tillerson.name, tillerson.role, tillerson.country) == (
        "Rex W. Tillerson",
        "Secretary of State",
        "United States",
    )
    assert (videgaray.name, videgaray.country) == ("Luis Videgaray Caso", "Mexico")
    assert videgaray.labels == ("FOREIGN SECRETARY VIDEGARAY", "MR VIDEGARAY")
    assert (kelly.name, kelly.role) == ("John Kelly", "Secretary of Homeland Security")
    assert reading.event.host == "Rex W. Tillerson, Secretary of State"
    assert (reading.event.venue, reading.event.city) == (
        "Dean Acheson Auditorium",
        "Washington, DC",
    )
