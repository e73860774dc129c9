"""Small word lists the reader needs: role words, honorifics, demonyms, countries, outlets."""

from __future__ import annotations

import re
import unicodedata

HONORIFICS = frozenset({"MR", "MS", "MRS", "MISS", "DR", "SIR", "MADAM", "MADAME", "HE", "HER"})

ROLE_WORDS = frozenset(
    """
    SECRETARY MINISTER PRIME PRESIDENT VICE PREMIER GENERAL DEPUTY UNDER ASSISTANT PRINCIPAL
    SPOKESPERSON SPOKESMAN SPOKESWOMAN AMBASSADOR CHANCELLOR STATE DEFENSE DEFENCE HOMELAND
    SECURITY RELATIONS GOVERNMENT EXTERNAL AFFAIRS FOREIGN COMMERCE ECONOMY ECONOMIC TRADE
    INDUSTRY INTERIOR FINANCE TREASURY JUSTICE ENERGY NATIONAL ADVISOR ADVISER DIRECTOR SPECIAL
    ENVOY REPRESENTATIVE HIGH SENIOR OFFICIAL ADMINISTRATION ADMINISTRATOR COMMISSIONER CHAIRMAN
    CHAIR CHAIRWOMAN LEADER KING QUEEN EMIR CROWN PRINCE PRINCESS SHEIKH SENATOR GOVERNOR MAYOR
    COUNSELOR COUNSELLOR DEPARTMENT OFFICE HEALTH LABOR AGRICULTURE TRANSPORTATION EDUCATION
    ENVIRONMENT CLIMATE INTELLIGENCE MILITARY ADMIRAL COLONEL CAPTAIN MAJOR LIEUTENANT COORDINATOR
    PRESS SPEAKER STAFF CHIEF OFFICER COMMANDER DIPLOMAT CONSUL MODERATOR OPERATOR INTERPRETER
    AIDE PARTICIPANT AUDIENCE MEMBER ANNOUNCER THE ONE TWO THREE FOUR FIVE FIRST SECOND THIRD
    APNSA CABINET POLICY GLOBAL PUBLIC DEVELOPMENT MANAGEMENT ARMS CONTROL HUMAN RIGHTS COUNCIL
    """.split()
)

QUESTION_LABELS = frozenset({"QUESTION", "Q", "REPORTER", "JOURNALIST"})
MODERATOR_LABELS = frozenset({"MODERATOR", "OPERATOR", "ANNOUNCER", "MASTER OF CEREMONIES"})
UNIDENTIFIED_LABELS = frozenset(
    {"PARTICIPANT", "AUDIENCE MEMBER", "AUDIENCE", "UNIDENTIFIED", "UNIDENTIFIED SPEAKER"}
)
HEAD_ROLES = frozenset(
    """
    SECRETARY MINISTER PRESIDENT PREMIER CHANCELLOR AMBASSADOR SPOKESPERSON SPOKESMAN SPOKESWOMAN
    ADVISOR ADVISER ENVOY DIRECTOR SENATOR GOVERNOR KING QUEEN EMIR PRINCE PRINCESS SHEIKH OFFICIAL
    REPRESENTATIVE COMMISSIONER CHAIRMAN CHAIRWOMAN CHAIR LEADER MAYOR ADMINISTRATOR COORDINATOR
    CHIEF OFFICER COMMANDER ADMIRAL GENERAL COLONEL CAPTAIN DIPLOMAT CONSUL COUNSELOR COUNSELLOR
    MODERATOR OPERATOR INTERPRETER AIDE PARTICIPANT ANNOUNCER SPEAKER APNSA
    """.split()
)
SINGLE_LABELS = frozenset(
    {"QUESTION", "MODERATOR", "OPERATOR", "INTERPRETER", "AIDE", "PARTICIPANT", "ANNOUNCER"}
)

DEMONYMS = {
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "mexican": "Mexico",
    "german": "Germany",
    "italian": "Italy",
    "costa rican": "Costa Rica",
    "moldovan": "Moldova",
    "uk": "United Kingdom",
    "british": "United Kingdom",
    "ukrainian": "Ukraine",
    "greenlandic": "Greenland",
    "danish": "Denmark",
    "kosovo": "Kosovo",
    "indian": "India",
    "japanese": "Japan",
    "korean": "South Korea",
    "south korean": "South Korea",
    "chinese": "China",
    "russian": "Russia",
    "french": "France",
    "canadian": "Canada",
    "singaporean": "Singapore",
    "israeli": "Israel",
    "saudi": "Saudi Arabia",
    "turkish": "Turkey",
    "polish": "Poland",
    "australian": "Australia",
    "brazilian": "Brazil",
    "egyptian": "Egypt",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "finnish": "Finland",
    "greek": "Greece",
    "jordanian": "Jordan",
    "qatari": "Qatar",
    "emirati": "United Arab Emirates",
    "philippine": "Philippines",
    "indonesian": "Indonesia",
    "vietnamese": "Vietnam",
    "pakistani": "Pakistan",
    "afghan": "Afghanistan",
    "iraqi": "Iraq",
    "iranian": "Iran",
    "kenyan": "Kenya",
    "nigerian": "Nigeria",
    "south african": "South Africa",
    "colombian": "Colombia",
    "guatemalan": "Guatemala",
    "honduran": "Honduras",
    "salvadoran": "El Salvador",
    "panamanian": "Panama",
    "venezuelan": "Venezuela",
    "cuban": "Cuba",
    "argentine": "Argentina",
    "chilean": "Chile",
    "peruvian": "Peru",
    "belgian": "Belgium",
    "austrian": "Austria",
    "swiss": "Switzerland",
    "irish": "Ireland",
    "lithuanian": "Lithuania",
    "latvian": "Latvia",
    "estonian": "Estonia",
    "romanian": "Romania",
    "hungarian": "Hungary",
    "czech": "Czech Republic",
    "slovak": "Slovakia",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "kazakh": "Kazakhstan",
    "mongolian": "Mongolia",
    "thai": "Thailand",
    "malaysian": "Malaysia",
    "new zealand": "New Zealand",
}

COUNTRY_ALIASES = {
    "republic of korea": "South Korea",
    "the republic of korea": "South Korea",
    "republic of india": "India",
    "the republic of india": "India",
    "people's republic of china": "China",
    "the people's republic of china": "China",
    "people’s republic of china": "China",
    "the people’s republic of china": "China",
    "russian federation": "Russia",
    "the russian federation": "Russia",
    "united states of america": "United States",
    "the united states": "United States",
    "the united states of america": "United States",
    "the united kingdom": "United Kingdom",
    "the philippines": "Philippines",
    "the netherlands": "Netherlands",
}

COUNTRIES = frozenset(DEMONYMS.values()) | frozenset(COUNTRY_ALIASES.values())

ISO3 = {
    "BFA": "Burkina Faso",
    "CHN": "China",
    "RUS": "Russia",
    "USA": "United States",
    "GBR": "United Kingdom",
    "FRA": "France",
    "DEU": "Germany",
    "IND": "India",
    "JPN": "Japan",
    "BRA": "Brazil",
    "MEX": "Mexico",
    "UKR": "Ukraine",
    "ZAF": "South Africa",
    "KOR": "South Korea",
    "CAN": "Canada",
}

ORGANISATIONS = frozenset(
    {"NATO", "EU", "European Union", "UN", "United Nations", "OSCE", "ASEAN", "African Union"}
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


def country_named(text: str) -> str:
    """Return the country a phrase ("the Republic of Korea", "Japan") names, or ""."""
    cleaned = re.sub(r"\s+", " ", text).strip().strip(",.")
    key = cleaned.casefold()
    if key in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[key]
    bare = key.removeprefix("the ")
    return next((c for c in COUNTRIES if c.casefold() == bare), "")


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Return the Levenshtein distance of a and b, capped at limit + 1."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def near(word: str, vocabulary: frozenset[str]) -> str:
    """Return the vocabulary word one typo away from a long enough word, or ""."""
    if word in vocabulary or len(word) < 5:
        return word if word in vocabulary else ""
    matches = [v for v in vocabulary if len(v) >= 5 and edit_distance(word, v, 1) <= 1]
    return matches[0] if len(matches) == 1 else ""
