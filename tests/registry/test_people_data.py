"""Checks of the people registry's data (fixtures/registry/people.yaml), without Django."""

import datetime
import html
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = ROOT / "fixtures" / "registry" / "people.yaml"
COUNTRIES = ROOT / "archive" / "reading" / "data" / "countries.tsv"
# The registry's own selection, and the corpus the project already keeps (not copied twice).
TRANSCRIPTS = [ROOT / "tests" / "data" / "registry", ROOT / "fixtures" / "sources"]

PERSON_KEYS = {"name", "given", "family", "sort", "also", "posts"}
POST_KEYS = {"title", "country", "org", "from", "to"}
# Offices one person holds at a time, per country (and organisation); U.S. acting holders count.
EXCLUSIVE = {
    "President", "Vice President", "Prime Minister", "Chancellor", "Premier", "Taoiseach",
    "Head of Government", "King", "Queen", "Emir", "Foreign Minister", "Foreign Secretary",
    "Minister of Foreign Affairs", "Minister for Foreign Affairs", "Minister of External Affairs",
    "Secretary of Foreign Relations", "Secretary of State", "Secretary of Defense",
    "Secretary of the Treasury", "Secretary of Homeland Security", "Press Secretary",
    "National Security Advisor", "Chief of Staff", "First Lady", "Department Spokesperson",
    "Ambassador to the United Nations", "Secretary-General", "Secretary General",
    "President of the European Commission", "President of the European Council",
}  # fmt: skip
# Spelling variants and acronyms transcripts print for words of post titles.
WORD_FORMS = {
    "defence": "defense", "adviser": "advisor", "advisers": "advisor", "advisors": "advisor",
    "economics": "economic", "secretary-general": "secretary general",
    "apnsa": "national security advisor", "dnsa": "deputy national security advisor",
}  # fmt: skip
FILLER = {
    "of", "the", "for", "to", "white", "house", "u.s.", "us", "nato", "un", "dr.", "mr.", "ms.",
}  # fmt: skip
STOP = {"and", "by", "with", "on", "at", "from", "before", "after", "during", "in", "|"}


def fold(text):
    """Lower case without accents, no-break spaces or typographic apostrophes."""
    text = unicodedata.normalize("NFKD", text.replace("\u2060", "").replace("\u00a0", " "))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2013", "-").lower()


def words(text):
    """Folded words, possessives and trailing commas dropped; a comma is a word of its own."""
    out = []
    for token in fold(text).split():
        comma = token.endswith(",")
        token = re.sub(r"'s$", "", token.rstrip(",;:"))
        if token:
            out.append(token)
        if comma:
            out.append(",")
    return out


def load_people():
    with PEOPLE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_countries():
    """Code -> folded names and adjectives from countries.tsv."""
    countries = {}
    for line in COUNTRIES.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 5)[:5]
        names = [cols[1]] + cols[3].split(";") + cols[4].split(";")
        countries.setdefault(cols[0], set()).update(" ".join(words(n)) for n in names if n.strip())
    return countries


PEOPLE_DATA = load_people()
COUNTRY_NAMES = load_countries()
NAME_TO_CODE = {name: code for code, names in COUNTRY_NAMES.items() for name in names}


def every_post():
    for person in PEOPLE_DATA:
        for post in person["posts"]:
            yield person, post


def held_on(post, day):
    return post["from"] <= day and ("to" not in post or day <= post["to"])


def office_words(title):
    """The significant words of an office title, spelling variants unified."""
    out = set()
    for word in words(title):
        out.update(WORD_FORMS.get(word, word).split())
    return out - FILLER - {","}


def test_the_registry_is_a_list_of_people():
    assert isinstance(PEOPLE_DATA, list) and len(PEOPLE_DATA) > 300


@pytest.mark.parametrize("person", PEOPLE_DATA, ids=lambda p: p.get("name", "?"))
def test_each_entry_is_complete(person):
    assert set(person) <= PERSON_KEYS, set(person) - PERSON_KEYS
    for key in ("name", "given", "family"):
        assert isinstance(person.get(key), str) and person[key].strip(), key
    assert fold(person["family"]) in fold(person["name"]), "family name not in the name"
    assert isinstance(person.get("also", []), list)
    assert person["posts"], "no posts"
    for post in person["posts"]:
        assert set(post) <= POST_KEYS, set(post) - POST_KEYS
        assert post.get("title") and (post.get("country") or post.get("org")), post
        assert isinstance(post["from"], datetime.date), f"from is not a date: {post}"
        if "to" in post:
            assert isinstance(post["to"], datetime.date), f"to is not a date: {post}"
            assert post["from"] <= post["to"], post
        if "country" in post:
            assert post["country"] in COUNTRY_NAMES, post["country"]
        if post.get("org") in ("United Nations", "NATO") and "country" not in post:
            continue
        assert "country" in post or post.get("org"), post


def test_no_two_entries_share_a_name_or_alias():
    seen = {}
    for person in PEOPLE_DATA:
        for name in [fold(n) for n in [person["name"], *person.get("also", [])]]:
            assert name not in seen, f"{name!r}: {seen.get(name)} and {person['name']}"
            seen[name] = person["name"]


def exclusive_key(post):
    title = post["title"]
    if post.get("country") == "USA" and title.startswith("Acting "):
        title = title.removeprefix("Acting ")
    if title not in EXCLUSIVE:
        return None
    return title, post.get("country", ""), post.get("org", "") if "country" not in post else ""


def overlaps(people):
    """Exclusive offices held by two people for more than the one handover day."""
    holders = defaultdict(list)
    for person in people:
        for post in person["posts"]:
            key = exclusive_key(post)
            if key:
                end = post.get("to", datetime.date.max)
                holders[key].append((post["from"], end, person["name"]))
    found = []
    for key, terms in holders.items():
        terms.sort()
        for (_, end, name), (start, _, next_name) in zip(terms, terms[1:], strict=False):
            if (end - start).days > 0:
                found.append(f"{key}: {name} until {end}, {next_name} from {start}")
    return found


def test_exclusive_offices_have_one_holder_at_a_time():
    found = overlaps(PEOPLE_DATA)
    assert not found, "\n".join(found)


def test_the_exclusivity_check_can_fail():
    def president(name, start, end):
        post = {"title": "President", "country": "USA", "from": start, "to": end}
        return {"name": name, "posts": [post]}

    handover = [
        president("A", datetime.date(2001, 1, 20), datetime.date(2009, 1, 20)),
        president("B", datetime.date(2009, 1, 20), datetime.date(2017, 1, 20)),
    ]
    assert overlaps(handover) == []
    handover[1]["posts"][0]["from"] = datetime.date(2009, 1, 19)
    assert len(overlaps(handover)) == 1


# --- the transcripts that name registry people with their office ---------------------------


def transcript_header(path):
    """(date, [title-like lines]) of a copied corpus file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        meta = yaml.safe_load(text.split("---")[1])
        return datetime.date.fromisoformat(str(meta["date"])), [meta["title"]]
    if path.suffix == ".html":
        printed = re.search(r'publish-date">([^<]+)<', text).group(1)
        day = datetime.datetime.strptime(printed.strip(), "%B %d, %Y").date()
        h1 = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", text, re.S).group(1))
        bar = html.unescape(re.search(r'author-bar">([^<]+)<', text).group(1))
        return day, [h1, author_bar_as_title(bar)]
    day = datetime.date.fromisoformat(path.name[:10])
    return day, [" ".join(text.split("\n\n")[0].split())]


def author_bar_as_title(bar):
    """ "Antony J. Blinken, Secretary of State" -> "Secretary of State Antony J. Blinken"."""
    parts = [p.strip() for p in bar.split(",")]
    pairs = zip(parts[::2], parts[1::2], strict=False)
    return " and ".join(f"{office} {name}" for name, office in pairs)


NAME_FORMS = defaultdict(list)  # folded words of a name -> people it names
for _person in PEOPLE_DATA:
    for _form in {_person["name"], _person["family"], *_person.get("also", [])}:
        NAME_FORMS[tuple(words(_form))].append(_person)
VOCABULARY = {w for _, post in every_post() for w in words(post["title"])}
VOCABULARY |= set(WORD_FORMS) | FILLER | {"director", "nec", "nsc", "fema", "former"}
VOCABULARY -= STOP | {","}


def name_matches(tokens):
    """Longest registry names in the tokens: (start, end, people named so)."""
    found, i = [], 0
    while i < len(tokens):
        if " ".join(tokens[i : i + 2]) in NAME_TO_CODE:
            i += 2  # "Costa Rican" is a country, not António Costa
            continue
        for size in range(min(6, len(tokens) - i), 0, -1):
            people = NAME_FORMS.get(tuple(tokens[i : i + size]))
            if people:
                found.append((i, i + size, people))
                i += size
                break
        else:
            i += 1
    return found


def offices_before(tokens, start, floor):
    """The office phrases right before a name (several when joined by "and"), the country
    adjective printed with them, and whether the office is a former one."""
    phrases, country, former, j = [], None, False, start
    while j > floor:
        k = j
        while k > floor:
            if tokens[k - 1] in VOCABULARY | set(NAME_TO_CODE):
                k -= 1
            elif k - 1 > floor and " ".join(tokens[k - 2 : k]) in NAME_TO_CODE:
                k -= 2  # a two-word adjective: "Costa Rican"
            else:
                break
        phrase = tokens[k:j]
        for size in (2, 1):
            if len(phrase) >= size and " ".join(phrase[:size]) in NAME_TO_CODE:
                country = NAME_TO_CODE[" ".join(phrase[:size])]
                phrase = phrase[size:]
                break
        if phrase and phrase[0] == "former":
            former, phrase = True, phrase[1:]
        if office_words(" ".join(phrase)):
            phrases.append(" ".join(phrase))
        if k > floor + 1 and tokens[k - 1] == "and" and tokens[k - 2] in VOCABULARY:
            j = k - 1
            continue
        break
    return phrases, country, former


def country_after(tokens, end):
    """The country of "... of (the) <Country>" right after a name."""
    if end < len(tokens) and tokens[end] == "of":
        rest = tokens[end + 1 :]
        rest = rest[1:] if rest[:1] == ["the"] else rest
        for size in range(min(8, len(rest)), 0, -1):
            name = " ".join(rest[:size])
            if name in NAME_TO_CODE:
                return NAME_TO_CODE[name]
    return None


def compatible(phrase, post):
    printed, title = office_words(phrase), office_words(post["title"])
    return bool(printed) and (printed <= title or title <= printed)


def claims(path):
    """Every "<Office> <Name>" a transcript's title lines print, with its date and country."""
    day, lines = transcript_header(path)
    for line in lines:
        tokens = words(line)
        floor = 0
        for start, end, people in name_matches(tokens):
            phrases, country, former = offices_before(tokens, start, floor)
            floor = end
            if phrases and not former:
                country = country or country_after(tokens, end)
                yield day, phrases, " ".join(tokens[start:end]), people, country


def holders(day, phrases, people, country):
    """The people among the candidates who hold an office the title prints on that day."""
    return [
        person
        for person in people
        for post in person["posts"]
        if held_on(post, day)
        and any(compatible(p, post) for p in phrases)
        and (country is None or post.get("country") == country)
    ]


TRANSCRIPT_FILES = sorted(
    {
        p.name: p
        for folder in TRANSCRIPTS
        for p in folder.rglob("*")
        if p.suffix in {".md", ".html", ".txt"} and p.stem != "README" and "_" not in p.stem
    }.values()
)


def test_the_transcripts_are_there():
    assert len(TRANSCRIPT_FILES) >= 20


# The registry's selection names someone in every title; of the wider corpus, those that do.
CLAIMING = [p for p in TRANSCRIPT_FILES if TRANSCRIPTS[0] in p.parents or list(claims(p))]


@pytest.mark.parametrize("path", CLAIMING, ids=lambda p: p.name[:60])
def test_each_office_a_transcript_names_is_held_on_its_date(path):
    found = list(claims(path))
    assert found, "the title names no registry person with an office"
    for day, phrases, name, people, country in found:
        match = holders(day, phrases, people, country)
        assert match, f"{day}: no {phrases} {name!r} ({country}) in the registry"
        assert len({p["name"] for p in match}) == 1, f"{day}: {name!r} is ambiguous: {match}"


def test_a_wrong_date_or_office_is_caught():
    # The transcript check must fail for a title whose office or date the registry contradicts.
    obama = NAME_FORMS[("obama",)]
    assert not holders(datetime.date(2021, 1, 26), ["President"], obama, None)
    blinken = NAME_FORMS[("blinken",)]
    assert holders(datetime.date(2021, 6, 23), ["Secretary"], blinken, None)
    assert not holders(datetime.date(2021, 6, 23), ["Prime Minister"], blinken, None)
    rice = NAME_FORMS[("rice",)]
    picked = holders(datetime.date(2021, 1, 26), ["Domestic Policy Advisor"], rice, None)
    assert [p["name"] for p in picked] == ["Susan E. Rice"]
    tokens = words("Remarks by President Biden and Former President Obama")
    assert [m[2][0]["family"] for m in name_matches(tokens)] == ["Biden", "Obama"]
    assert offices_before(tokens, tokens.index("obama"), 5)[2] is True
