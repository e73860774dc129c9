"""Introductions: the journalist a turn hands the floor to ("Rich Edson from Fox News")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.reading.caseless import Caseless
from archive.reading.lexicon import COUNTRIES, HEAD_ROLES, ROLE_WORDS, fold

LEADS = (  # in lower case, as Caseless wants its starts; matched in any case
    r"start(?: off| first| out)? with\s+",
    r"(?:let[’']?s|we[’']?ll|we will|i[’']?ll|i will|we can|we[’']?re going to)"
    r"(?: \w+){0,2}? (?:go|turn|move|come|continue)(?: on| back| over| first| now| then)* to\s+"
    r"(?:the line of\s+)?",
    r"questions? (?:will |is going to |is |goes |comes )?(?:come |go |going to go )?"
    r"(?:from|to|by)\s+",
    r"(?:give|pass|hand) the floor to\s+",
    r"(?:could|can|may) (?:we|i) (?:have|get|go to)\s+",
    r"call on\s+",
    r"invite\s+",
    r"it will be\s+",
    r"over to\s+",
    r"take (?:the|a|our|one|another) (?:\w+ )?(?:question|one) (?:back )?(?:to|from)\s+",
)
LEAD_WAYS = "|".join(f"(?:{lead})" for lead in LEADS)
LEAD = Caseless(rf"\b(?:{LEAD_WAYS})", starts=LEAD_WAYS)
DESCRIPTOR = re.compile(
    r"(?:the |a |an )?(?:[A-Z][\w.]* )?(?:[Jj]ournalist|[Rr]eporter|[Cc]orrespondent),?\s+"
)
POSSESSIVE_LINE = re.compile(r"^((?:\S+ ){0,3}\S+?)['’]s line\b")
HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Dr|Miss|Herr|Frau|Madame|Monsieur)\.?\s+")
OUTLET_FIRST = re.compile(r"the ((?:[A-Z][\w.&'’-]*)(?: [A-Z][\w.&'’-]*){0,4}),\s+")
SECOND_PHRASE = re.compile(
    r",\s+(?P<honorific>(?:Mr|Ms|Mrs|Dr|Herr|Frau|Madame|Monsieur)\.?\s+)?(?=[A-Z])"
)
PRESS_WORDS = re.compile(
    r"\b(?:News|Times|Press|TV|Radio|Post|Journal|Agency|Television|Channel|Broadcasting|Media|"
    r"Herald|Tribune|Gazette|Daily|Network|Wire|Reuters|Bloomberg|AP|AFP|CNN|BBC|NHK|Kyodo|"
    r"Yonhap|NPR|PBS|VOA|Xinhua|Nikkei|Asahi|ANSA|Rai|CBC|CBS|ABC|NBC|CNBC|MSNBC|Fox|RFI|RFE|"
    r"Politico|Axios|Newsweek|Jazeera|Arabiya|Sky|ITV|Euronews|EFE|DPA|KBS|SBS|TBS|Globo|"
    r"Telegraph|Guardian|Economist|Bloomberg|Magazine|Newspaper|Times|Observer|Monde|Figaro|"
    r"Spiegel|Zeitung|Corriere|Repubblica|Yomiuri|Mainichi|Sankei|Chosun|Hankyoreh|Dong-A|CCTV|"
    r"CGTN|TASS|RIA|Interfax|Anadolu|ARD|ZDF|RTL|Notimex|Televisa|Reforma)\b"
)
TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
OUTLET_LEAD = re.compile(
    r",?\s+(?:from|with|of)\s+(?:the\s+)?(?:(?:newspaper|magazine|network|channel|news|agency|"
    r"wire|service|national|digital|media|public|television|radio|broadcast|broadcaster|station)"
    r"\s+){0,3}"
)
OUTLET_WORD = re.compile(r"[A-Z0-9][\w'’.&+\-]*|of|the|and|&")
END = re.compile(
    r"\s*(?:[.,;!?:]|\Z|please\b|first\b|then\b|now\b|and\b|[—–-]\s|to\b|will\b|who\b|has\b|"
    r"is going\b|with (?:a|the|our) (?:question|next)\b)"
)
# Words a turn may open with before the name: "Next, Janis Mackey Frayer with NBC", "Thanks.
# Trevor Hunnicutt, Reuters.", "My name is Shahad Al-Matrouk", "Question from Alexandra Brangeon".
LEADING = re.compile(
    r"(?:(?:next|okay|ok|all right|alright|and|now|so|yes|sure|great|thanks|thank you(?: so much)?|"
    r"hi|hello|hey|good (?:morning|afternoon|evening)(?: everyone| everybody)?)[,.!]?\s+)*"
    r"(?:my name is\s+|i[’']?m\s+|i am\s+|this is\s+|(?:a |the |our )?(?:next )?question "
    r"(?:is )?(?:from|by)\s+)?",
    re.I,
)
WHOLE_SENTENCE = re.compile(r"[^.?!,;:]+[.?!](?:\s|$)")
# Led by the punctuation, not a lookbehind, so the scan can skip to it.
SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-Z])")
PLACE_WORDS = frozenset(
    "Los Las San Santa New North South East West Saint St. Fort Port Mount Lake".split()
)
GERUND = re.compile(r"[A-Z][a-z]+ing")
NOUN_ENDING = re.compile(r"(?:tions?|sions?|ments?|ness|ities|ity)$")
WINDOW = 200  # an introduction's name and outlet fit well within this many characters
TAIL_WINDOW = 300  # a bare "Name, Outlet." sentence introduces only this near a turn's end
CORRECTED = re.compile(r"\s*[—–-]\s*[A-Z]")
CONTRACTION = re.compile(r"['’](?:m|re|s|ll|ve|d|t)$", re.I)
PARTICLES = frozenset({"de", "da", "di", "del", "van", "von", "bin", "al", "la", "le"})
STOP = frozenset(
    """i we you the this that it they he she there here yes no okay ok thank thanks let so and but
    congress god washington monday tuesday wednesday thursday friday saturday sunday yep yeah well
    sure please folks everybody everyone guys look listen now oh right alright great good sorry
    hello hi hey excuse pardon all question questions next plenty lots starting one""".split()
)


@dataclass(frozen=True)
class Journalist:
    """A journalist the text names, and their outlet when named."""

    name: str
    outlet: str = ""


def take_words(text: str, pattern: re.Pattern, allowed, limit: int) -> list[tuple[str, int]]:
    """Return the words at the start of text that pattern and test accept, each with its end."""
    words: list[tuple[str, int]] = []
    position = 0
    while len(words) < limit:
        match = pattern.match(text, position)
        if not match:
            break
        word, stop = match.group(), match.end()
        if not allowed(word):
            break
        if word.endswith(".") and len(word) > 2:
            words.append((word[:-1], stop - 1))
            break
        words.append((word, stop))
        if not text.startswith(" ", stop):
            break
        position = stop + 1
    return words


def take_name(text: str) -> tuple[str, str]:
    """Return (name, rest) for the capitalised words a text starts with."""
    words = take_words(text, TOKEN, lambda w: w[0].isupper() or w in PARTICLES, 5)
    while words and words[-1][0][0].islower():
        words.pop()
    if not words:
        return "", text
    return " ".join(w for w, _ in words), text[words[-1][1] :]


def take_outlet(text: str) -> tuple[str, str]:
    """Return (outlet, rest) for "from The Wall Street Journal" at the start of text."""
    lead = OUTLET_LEAD.match(text)
    if not lead:
        return "", text
    tail = text[lead.end() :]
    words = take_words(tail, OUTLET_WORD, lambda w: True, 8)
    while words and words[-1][0] in ("of", "the", "and", "&"):
        words.pop()
    outlet = " ".join(w for w, _ in words)
    if not words or outlet in COUNTRIES or any(w.upper() in HEAD_ROLES for w, _ in words):
        return "", text
    if fold(outlet) in STOP:
        return "", text  # "…, Well, …": no outlet
    return outlet, tail[words[-1][1] :]


def plausible(name: str, outlet: bool, known: frozenset[str], titled: bool = False) -> bool:
    """Return whether a captured name can be a journalist's (not a country, office or official)."""
    words = name.split()
    if not words or fold(words[0]) in STOP or name in COUNTRIES or fold(name) in known:
        return False
    # An outlet ("Al Jazeera"), a place ("Los Angeles") or a word like "Starting" is nobody.
    first = words[0].split("-")[0]
    if PRESS_WORDS.search(name) or first in PLACE_WORDS or GERUND.fullmatch(first):
        return False
    if len(words) == 1 and NOUN_ENDING.search(first):
        return False  # "Discussions with Congress" names nobody
    if CONTRACTION.search(words[0]):
        return False
    if any(w.upper() in ROLE_WORDS for w in words):
        return False
    return len(words) > 1 or outlet or titled


def strip_honorific(text: str) -> tuple[str, bool]:
    """Return text without a leading Mr./Ms./Herr, and whether there was one."""
    match = HONORIFIC.match(text)
    return (text[match.end() :], True) if match else (text, False)


def outlet_then_name(outlet: str, text: str, known: frozenset[str]) -> Journalist | None:
    """Return the journalist of "the VOA, Cindy Saine" once the outlet is read."""
    text, _ = strip_honorific(text)
    name, rest = take_name(text)
    if not END.match(rest) or not plausible(name, True, known):
        return None
    return Journalist(name, outlet)


def two_phrases(first: str, rest: str, known: frozenset[str]) -> Journalist | None:
    """Return the journalist of "Name, Outlet" or "Outlet, Herr Name", when it can be told."""
    second = SECOND_PHRASE.match(rest)
    if second.group("honorific"):
        return outlet_then_name(first, rest[second.end() :], known)
    tail = rest[second.end() :]
    words = take_words(tail, OUTLET_WORD, lambda w: True, 8)
    while words and words[-1][0] in ("of", "the", "and", "&"):
        words.pop()
    phrase = " ".join(w for w, _ in words)
    after = tail[words[-1][1] :] if words else tail
    if PRESS_WORDS.search(phrase) and END.match(after) and plausible(first, True, known):
        return Journalist(first, phrase)
    if PRESS_WORDS.search(first):
        return outlet_then_name(first, tail, known)
    return None


def named_after(text: str, known: frozenset[str]) -> tuple[Journalist | None, bool]:
    """Return the journalist named at the start of text, and whether an outlet came with them."""
    text = text[LEADING.match(text).end() :][:WINDOW]
    described = DESCRIPTOR.match(text)
    text = text[described.end() :] if described else text
    possessive = POSSESSIVE_LINE.match(text) if "s line" in text else None  # skip a slow failure
    if possessive:
        text = possessive.group(1) + text[possessive.end() :]
    first = OUTLET_FIRST.match(text)
    if first:
        return outlet_then_name(first.group(1), text[first.end() :], known), True
    text, titled = strip_honorific(text)
    name, rest = take_name(text)
    outlet, rest = take_outlet(rest)
    if not outlet and SECOND_PHRASE.match(rest):
        found = two_phrases(name, rest, known)
        return found, bool(found and found.outlet)
    if not END.match(rest):
        return None, False
    named = bool(outlet)
    if CORRECTED.match(rest):
        outlet = ""  # "with NBC — CBS": the speaker corrected the outlet; trust neither.
    found = Journalist(name, outlet) if plausible(name, named, known, titled) else None
    return found, named or (titled and found is not None)


def opening(text: str, known: frozenset[str]) -> Journalist | None:
    """Return the journalist a turn opens by naming with an outlet ("Rich Edson from Fox News.")."""
    found, named = named_after(text, known)
    return found if found and named else None


def handed_to(text: str, known: frozenset[str]) -> list[tuple[int, Journalist]]:
    """Return the journalists a turn hands the floor to, each with where that starts."""
    found = (
        (m.start(), named_after(text[m.end() : m.end() + WINDOW], known)[0])
        for m in LEAD.finditer(text)
    )
    return [(start, journalist) for start, journalist in found if journalist]


def sentence_intros(text: str, known: frozenset[str]) -> list[tuple[int, Journalist]]:
    """Return journalists a whole sentence names with an outlet ("Ruben Barrera from Notimex.")."""
    # Only near the turn's end, where a moderator names the next asker: in a speech, "Jim Farley
    # of Ford." thanks a guest and hands nobody the floor.
    found = []
    for match in SENTENCE_START.finditer(text, max(0, len(text) - TAIL_WINDOW)):
        start, end = match.end(), match.end() + WINDOW
        if not WHOLE_SENTENCE.match(text, start, end):
            continue  # cheap, and most sentences fail it: no need to look for a name
        journalist, named = named_after(text[start:end], known)
        if journalist and named and journalist.outlet and " " in journalist.name:
            found.append((start, journalist))
    return found


def find_intros(text: str, known: frozenset[str]) -> list[tuple[int, Journalist]]:
    """Return the journalists a turn introduces, each with where its introduction starts."""
    first = opening(text, known)
    found = ([(0, first)] if first else []) + handed_to(text, known) + sentence_intros(text, known)
    return sorted(set(found), key=lambda item: item[0])
