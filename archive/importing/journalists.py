"""Journalists across transcripts: one reporter under the spellings and short names they get.

Transcripts print a journalist as the moderator said the name: "Jenny Hansler" and "Jennifer
Hansler", "Eunjung Cho" and "Eunjong Cho", or only "Aamer, with the AP". The registry knows no
journalists, so these rules decide alone, and only where nothing contradicts: the same family
name and outlet, first names that are one another's short form or one letter apart.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

from archive import plain_sql
from archive.importing.directory import Directory, Known, only_one
from archive.models import Speaker, SpeakerKind
from archive.reading import SpeakerReading
from archive.speaker_names import fold, is_full_name, name_tokens, surname


def first_names_agree(a: str, b: str) -> bool:
    """Return whether two first names can be one person's: Jen/Jenny/Jennifer, Eunjung/Eunjong."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return len(short) >= 5 and OSA.distance(a, b, score_cutoff=1) <= 1


# Outlets by the short forms moderators use: "Aamer with the AP" is Aamer Madhani of the
# Associated Press.
OUTLET_NAMES = {
    "ap": "associated press",
    "afp": "agence france presse",
    "voa": "voice of america",
    "ft": "financial times",
    "wsj": "wall street journal",
    "nyt": "new york times",
    "la times": "los angeles times",
    "wapo": "washington post",
    "npr": "national public radio",
    "pti": "press trust of india",
}


def outlet_key(outlet: str) -> str:
    """Return an outlet folded, without "the", its short form spelled out."""
    key = fold(outlet).removeprefix("the ")
    return OUTLET_NAMES.get(key, key)


def outlets_agree(a: str, b: str) -> bool:
    """Return whether two outlets can be one (either unknown, or the same once spelled out)."""
    return not a or not b or outlet_key(a) == outlet_key(b)


def same_journalist(name: str, outlet: str, known_name: str, known_outlet: str) -> bool:
    """Return whether a journalist's name and outlet can be a known journalist's."""
    ours, theirs = name_tokens(name), name_tokens(known_name)
    if not ours or not theirs or not outlets_agree(outlet, known_outlet):
        return False
    if len(ours) == 1 or len(theirs) == 1:
        # A first name alone ("Aamer, with the AP") is someone only with the same outlet.
        return bool(outlet and known_outlet) and first_names_agree(ours[0], theirs[0])
    return ours[-1] == theirs[-1] and first_names_agree(ours[0], theirs[0])


def by_first_name(first: str, outlet: str) -> list[tuple]:
    """Return (id, name, affiliation) of journalists of that outlet whose name starts so."""
    # name_key is the name folded (lower case, no accents), as `first` is.
    found = plain_sql.select_prefix(
        Speaker, ["id", "name", "affiliation", "kind"], "name_key", first, 200
    )
    return [
        (pk, name, affiliation)
        for pk, name, affiliation, kind in found
        if kind == SpeakerKind.JOURNALIST and outlets_agree(outlet, affiliation)
    ]


def match_journalist(reading: SpeakerReading, directory: Directory) -> Known | None:
    """Return the one known journalist the reading's journalist is, under another spelling."""
    if reading.kind != SpeakerKind.JOURNALIST or not name_tokens(reading.name):
        return None
    if is_full_name(reading.name):
        known = directory.by_surname.get(surname(reading.name), ())
    else:
        ids = [pk for pk, *_ in by_first_name(name_tokens(reading.name)[0], reading.affiliation)]
        directory.include(ids)
        known = [directory.by_id[pk] for pk in ids]
    return only_one(
        [
            s
            for s in known
            if s.kind == SpeakerKind.JOURNALIST
            and same_journalist(reading.name, reading.affiliation, s.name, s.affiliation)
        ]
    )
