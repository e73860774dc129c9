"""Finding people at scale: the speakers page's name box and A–Z over N synthetic speakers."""

from __future__ import annotations

import random
import statistics
import time

from django.test import Client

from archive.benchmark.run import NotScratch, setting
from archive.models import Speaker, SpeakerKind
from archive.models.speakers import name_keys
from archive.speaker_names import fold

GIVEN = """José María Luis Jin Karine Andrés Manuel Joseph Pedro Eunjong Ángel Zoë Søren François
    Heather John Antony Rex Miguel Ngozi Olaf Sergey Wang Yoshimasa Fumio Humeyra Jalina Ned
    Matthew Kristina Said Abdullah Ebru Çağlar Ewa Jürgen Marta Lía Dmytro Oksana""".split()
FAMILY = """Sánchez López Obrador Park Jean-Pierre Videgaray Caso Cho Müller Øvergaard Çelik Nguyễn
    Biden Blinken Tillerson Kelly Osorio Chong Ebrard Okonjo-Iweala Scholz Lavrov Hayashi Kishida
    Pamuk Porter Price Lee Anderson Arikat Gül Kowalska Baerbock Ruiz García Kuleba Stefanishyna
    Ramírez Núñez Peña Ibáñez""".split()
SYLLABLES = "ka lo mi ne ra so tu vi ze ba do fe gi ha ju ki lu ma no pe".split()
QUERIES = ["sanchez", "lopez obrador", "jean-pierre", "cho", "park jin", "nobody-like-this", "ma"]
PAGES = [
    ("A–Z, first page", "/speakers/"),
    ("A–Z, letter P", "/speakers/?letter=P"),
    ("name box “sanchez”", "/speakers/?q=sanchez"),
    ("name box “lopez obrador” + country", "/speakers/?q=lopez+obrador&country=Mexico"),
    ("name box “ma” (a third of all match)", "/speakers/?q=ma"),
    ("name box, no match", "/speakers/?q=nobody-like-this"),
    ("API /api/speakers/?q=cho", "/api/speakers/?q=cho"),
]


def make_speakers(count: int) -> None:
    """Create `count` speakers with accented, compound and family-first names, keys filled."""
    chance = random.Random(19)
    batch = []
    for number in range(count):
        family = chance.choice(FAMILY)
        if chance.random() < 0.6:  # most names are unique, as an archive's journalists are
            family = "".join(chance.choices(SYLLABLES, k=3)).title() + " " + family
        given = chance.choice(GIVEN)
        name, sort_name = f"{given} {family}", f"{family}, {given}"
        # Roles (QUESTION, MODERATOR) are few: one speaker in a hundred.
        kinds = [SpeakerKind.OFFICIAL, SpeakerKind.JOURNALIST, SpeakerKind.ROLE]
        kind = chance.choices(kinds, weights=[70, 29, 1])[0]
        surname_key, name_key, sort_key = name_keys(name, sort_name)
        batch.append(
            Speaker(
                name=name,
                slug=f"s-{number}",
                sort_name=sort_name,
                kind=kind,
                country=chance.choice(["Mexico", "United States", "Spain", ""]),
                surname_key=surname_key,
                name_key=name_key,
                sort_key=sort_key,
            )
        )
        if len(batch) == 5000:
            Speaker.objects.bulk_create(batch)
            batch = []
    Speaker.objects.bulk_create(batch)


def timed(work, repeats: int) -> tuple[float, float]:
    """Return the median wall and CPU milliseconds of `repeats` runs of `work`."""
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def python_fold(text: str) -> list[int]:
    """The alternative: load every speaker's name and fold it in Python for each search."""
    words = fold(text).split()
    found = []
    for pk, name in Speaker.objects.values_list("pk", "name").iterator(chunk_size=5000):
        folded = f" {fold(name)}"
        if all(f" {word}" in folded for word in words):
            found.append(pk)
    return found


def report(count: int, repeats: int = 9) -> str:
    """Create the speakers, time the pages and the two ways of folding, return Markdown."""
    if Speaker.objects.exists():
        raise NotScratch("the database already holds speakers; give an empty scratch database")
    started = time.perf_counter()
    make_speakers(count)
    lines = [*setting(), f"- {count:,} speakers created in {time.perf_counter() - started:.1f} s"]
    lines += ["", f"| what (median of {repeats}) | wall ms | CPU ms (this process) |"]
    lines.append("|---|---:|---:|")
    client = Client()
    for label, url in PAGES:
        assert client.get(url).status_code == 200, url
        wall, cpu = timed(lambda u=url: client.get(u), repeats)
        lines.append(f"| {label} | {wall:.1f} | {cpu:.1f} |")
    for text in QUERIES[:3]:
        stored = list(Speaker.objects.named_like(text).values_list("pk", flat=True))
        assert sorted(stored) == sorted(python_fold(text)), text
        # Alternated, so the shared machine's load falls on both alike.
        ways = (lambda t: list(Speaker.objects.named_like(t).values_list("pk")), python_fold)
        figures = [[], []]
        for _ in range(5):
            for way, kept in zip(ways, figures, strict=True):
                kept.append(timed(lambda w=way, t=text: w(t), 1))
        for label, kept in zip(("stored folded column", "folded in Python"), figures, strict=True):
            wall, cpu = (statistics.median(f[i] for f in kept) for i in (0, 1))
            lines.append(f"| named_like(“{text}”), {label} | {wall:.1f} | {cpu:.1f} |")
    return "\n".join(lines) + "\n"
