"""Small word lists the reader needs: role words, honorifics, organisations, places."""

from __future__ import annotations

import unicodedata

from rapidfuzz.distance import OSA

from archive.reading import countries

HONORIFICS = frozenset(
    {"MR", "MS", "MRS", "MISS", "DR", "SIR", "MADAM", "MADAME", "HE", "HER", "SHEIKH", "SHEIKHA"}
)

ROLE_WORDS = frozenset(
    """
    SECRETARY MINISTER PRIME PRESIDENT VICE PREMIER GENERAL DEPUTY UNDER ASSISTANT PRINCIPAL
    SPOKESPERSON SPOKESMAN SPOKESWOMAN AMBASSADOR CHANCELLOR STATE DEFENSE DEFENCE HOMELAND
    SECURITY RELATIONS GOVERNMENT EXTERNAL AFFAIRS FOREIGN COMMERCE ECONOMY ECONOMIC TRADE
    INDUSTRY INTERIOR FINANCE TREASURY JUSTICE ENERGY NATIONAL ADVISOR ADVISER DIRECTOR SPECIAL
    ENVOY REPRESENTATIVE HIGH SENIOR OFFICIAL ADMINISTRATION ADMINISTRATOR COMMISSIONER CHAIRMAN
    CHAIR CHAIRWOMAN LEADER KING QUEEN EMIR CROWN PRINCE PRINCESS SENATOR GOVERNOR MAYOR
    COUNSELOR COUNSELLOR DEPARTMENT OFFICE HEALTH LABOR AGRICULTURE TRANSPORTATION EDUCATION
    ENVIRONMENT CLIMATE INTELLIGENCE MILITARY ADMIRAL COLONEL CAPTAIN MAJOR LIEUTENANT COORDINATOR
    PRESS SPEAKER STAFF CHIEF OFFICER COMMANDER DIPLOMAT CONSUL MODERATOR OPERATOR INTERPRETER
    AIDE PARTICIPANT AUDIENCE MEMBER ANNOUNCER THE ONE TWO THREE FOUR FIVE FIRST SECOND THIRD
    LADY GENTLEMAN ACTING COACH SURGEON REVEREND BISHOP RABBI MAJORITY MINORITY WHIP
    CONGRESSMAN CONGRESSWOMAN ATTORNEY JUDGE SERGEANT STRATEGIC COMMUNICATIONS
    APNSA CABINET POLICY GLOBAL PUBLIC DEVELOPMENT MANAGEMENT ARMS CONTROL HUMAN RIGHTS COUNCIL
    """.split()
)

QUESTION_LABELS = frozenset({"QUESTION", "Q", "REPORTER", "JOURNALIST"})
MODERATOR_LABELS = frozenset({"MODERATOR", "OPERATOR", "ANNOUNCER", "MASTER OF CEREMONIES"})
UNIDENTIFIED_LABELS = frozenset(
    {"PARTICIPANT", "AUDIENCE MEMBER", "AUDIENCE", "UNIDENTIFIED", "UNIDENTIFIED SPEAKER"}
)
# A label whose last word is one of these names nobody in particular ("SENIOR ADMINISTRATION
# OFFICIAL", "ZAMBIAN OFFICIAL", "AUDIENCE MEMBERS"): a role, not a person.
ROLE_HEADS = frozenset(
    """
    OFFICIAL OFFICIALS AIDE AIDES STAFF STAFFER PARTICIPANT PARTICIPANTS AUDIENCE MEMBER MEMBERS
    CROWD MODERATOR OPERATOR INTERPRETER ANNOUNCER NARRATOR CUSTOMER CUSTOMERS STUDENT STUDENTS
    VOICE VOICES UNIDENTIFIED SPEAKERS PARTICIPANTS CHILDREN CHILD WORKER WORKERS ATTENDEE
    ATTENDEES RESIDENT RESIDENTS DELEGATE PANELIST EMPLOYEE EMPLOYEES GUEST GUESTS
    """.split()
)
NUMBER_WORDS = frozenset("ONE TWO THREE FOUR FIVE SIX 1 2 3 4 5 6 #1 #2 #3".split())
HEAD_ROLES = frozenset(
    """
    SECRETARY MINISTER PRESIDENT PREMIER CHANCELLOR AMBASSADOR SPOKESPERSON SPOKESMAN SPOKESWOMAN
    ADVISOR ADVISER ENVOY DIRECTOR SENATOR GOVERNOR KING QUEEN EMIR PRINCE PRINCESS SHEIKH OFFICIAL
    REPRESENTATIVE COMMISSIONER CHAIRMAN CHAIRWOMAN CHAIR LEADER MAYOR ADMINISTRATOR COORDINATOR
    CHIEF OFFICER COMMANDER ADMIRAL GENERAL COLONEL CAPTAIN DIPLOMAT CONSUL COUNSELOR COUNSELLOR
    MODERATOR OPERATOR INTERPRETER AIDE PARTICIPANT ANNOUNCER SPEAKER APNSA LADY GENTLEMAN
    REVEREND COACH SURGEON CONGRESSMAN CONGRESSWOMAN JUDGE RABBI BISHOP WHIP
    """.split()
)
SINGLE_LABELS = frozenset(
    {"QUESTION", "MODERATOR", "OPERATOR", "INTERPRETER", "AIDE", "PARTICIPANT", "ANNOUNCER"}
)

# Country names as printed ("Japan", "the Republic of Korea"), from the one country table.
COUNTRIES = countries.names()

ORGANISATIONS = frozenset(
    {"NATO", "EU", "European Union", "UN", "United Nations", "OSCE", "ASEAN", "African Union"}
    | {"White House", "State Department", "Department of State", "National Security Council"}
    | {"NSC", "Pentagon", "Department of Defense", "Treasury", "G7", "G20"}
)

US_STATES_AND_REGIONS = frozenset(
    """
    DC D.C. Maryland Virginia Florida California New York Texas Delaware Pennsylvania Georgia
    Hawaii Massachusetts Illinois Michigan Ohio Washington Colorado Arizona Nevada
    """.split()
)


LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "ł": "l", "Ł": "L"}
)


def fold(text: str) -> str:
    """Return text lower-cased and stripped of accents, for comparing names."""
    if text.isascii():
        return text.lower()  # no accents, no special letters: the same, much faster
    decomposed = unicodedata.normalize("NFKD", text.translate(LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Return the edit distance of a and b (swapped letters: one edit), capped at limit + 1."""
    return OSA.distance(a, b, score_cutoff=limit)


def near(word: str, vocabulary: frozenset[str]) -> str:
    """Return the vocabulary word one typo away from a long enough word, or ""."""
    if word in vocabulary or len(word) < 5:
        return word if word in vocabulary else ""
    matches = [
        v
        for v in vocabulary
        if len(v) >= 5 and edit_distance(word, v, 1) <= 1 and not plural_of(word, v)
    ]
    return matches[0] if len(matches) == 1 else ""


def plural_of(word: str, other: str) -> bool:
    """Return whether one word is the other with an S: a word of its own, not a typo (STATES)."""
    return word == other + "S" or other == word + "S"
