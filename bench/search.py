"""Measure rebuild speed and search latency through the search page, in a throwaway database.

    python bench/search.py --synthetic 100000     # synthetic utterances of ~60 words
    python bench/search.py --corpus               # the dev corpus, read by the importer

Prints utterances/s for rebuild_index and p50/p95 of /search/ with and without filters.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = tempfile.mkdtemp(prefix="search-bench-")
os.environ.update(
    DJANGO_SETTINGS_MODULE="archive.settings",
    DATABASE_URL=f"sqlite:///{WORK}/bench.sqlite3",
    WHOOSH_INDEX_DIR=f"{WORK}/index",
    DEBUG="false",
    DJANGO_ENV="test",
)

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from archive.models import Event, EventKind, Speaker, Utterance  # noqa: E402

COMMON = "the we are of and to in a that is it for on with as this our be have not will".split()
TOPICS = (
    "market demand drug security trade tariff alliance president minister secretary peace war "
    "nuclear climate border migration economy sanctions treaty ukraine china mexico japan korea "
    "india europe nato summit cooperation investment energy health"
).split()
COUNTRIES = ["United States", "Mexico", "Japan", "Germany", "India", "Ukraine", "Kenya", ""]


def vocabulary(rnd, size=6000):
    """Return common words, topic words and made-up rarer words, most frequent first."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    made_up = {"".join(rnd.choice(letters) for _ in range(rnd.randint(3, 10))) for _ in range(size)}
    return COMMON + TOPICS + sorted(made_up)


def sentence(rnd, words, length=60):
    """Return Zipf-like text: frequent words often, a uniform tail sometimes."""
    last = len(words) - 1
    return " ".join(
        words[min(int(rnd.paretovariate(1.1)) - 1, last)]
        if rnd.random() < 0.7
        else words[rnd.randrange(len(words))]
        for _ in range(length)
    )


def make_synthetic(count, rnd, words):
    """Create events of ~150 turns over 1946-2025, 400 speakers and `count` utterances."""
    kinds = [k for k, _ in EventKind.choices]
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"Speaker {n}", slug=f"speaker-{n}", country=COUNTRIES[n % len(COUNTRIES)])
        for n in range(400)
    )
    made, number = 0, 0
    while made < count:
        day = datetime.date(1946, 1, 1) + datetime.timedelta(days=rnd.randrange(80 * 365))
        event = Event.objects.create(
            title=f"Event {number} {rnd.choice(TOPICS)}",
            slug=f"event-{number}",
            kind=rnd.choice(kinds),
            date=day,
            source_text="-",
            checksum=f"{number:064d}",
        )
        turns = min(150, count - made)
        cast = rnd.sample(speakers, 4)
        Utterance.objects.bulk_create(
            Utterance(
                event=event,
                sequence=n + 1,
                speaker=cast[n % 4],
                label="SPEAKER",
                text=sentence(rnd, words),
                paragraphs=[{"text": "-", "interpreted": rnd.random() < 0.2}],
            )
            for n in range(turns)
        )
        made, number = made + turns, number + 1


def rebuild():
    """Run rebuild_index and return utterances per second."""
    started, cpu = time.monotonic(), time.process_time()
    call_command("rebuild_index", interactive=False, verbosity=0)
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    count = Utterance.objects.count()
    print(
        f"rebuild_index: {count} utterances in {seconds:.1f} s = {count / seconds:.0f}/s "
        f"(CPU {cpu:.1f} s = {count / cpu:.0f}/s; load average {os.getloadavg()[0]:.1f})"
    )


def queries(rnd, words, count):
    """Return a mix of one-word, two-word, phrase, OR and exclusion queries."""
    texts = list(Utterance.objects.order_by("?").values_list("text", flat=True)[:count])
    mixed = []
    for n in range(count):
        pick = rnd.choice(words[:40]) if n % 3 else rnd.choice(words[40:400])
        phrase = texts[n % len(texts)].split()[:20]
        start = rnd.randrange(max(1, len(phrase) - 3))
        mixed.append(
            [
                pick,
                f"{pick} {rnd.choice(TOPICS)}",
                '"' + " ".join(phrase[start : start + 3]) + '"',
                f"{rnd.choice(TOPICS)} OR {rnd.choice(TOPICS)}",
                f"{rnd.choice(TOPICS)} -{rnd.choice(TOPICS)}",
            ][n % 5]
        )
    return mixed


def filters(rnd):
    """Return one random filter set: speaker, a five-year range, kind or original words."""
    year = rnd.randrange(1946, 2021)
    speaker = Utterance.objects.order_by("?").values_list("speaker__slug", flat=True).first()
    kind = Event.objects.order_by("?").values_list("kind", flat=True).first()
    return rnd.choice(
        [
            {"speaker": speaker},
            {"from": f"{year}-01-01", "to": f"{year + 4}-12-31"},
            {"kind": kind, "words": "original"},
        ]
    )


def measure(label, params_list):
    """Time GET /search/ for each parameter set and print p50 and p95."""
    client, timings = Client(), []
    client.get("/search/", params_list[0])
    for params in params_list:
        started = time.monotonic()
        response = client.get("/search/", params)
        timings.append((time.monotonic() - started) * 1000)
        assert response.status_code == 200
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{label}: n={len(timings)} p50={statistics.median(timings):.0f} ms p95={p95:.0f} ms")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--synthetic", type=int, default=0)
    parser.add_argument("--corpus", action="store_true")
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    rnd = random.Random(7)
    words = vocabulary(rnd)
    call_command("migrate", verbosity=0)
    if args.corpus:
        try:
            call_command("import_transcripts", str(ROOT / "fixtures" / "sources"), verbosity=0)
        except Exception as error:  # a failed file does not spoil the measurement
            print(f"import: {error}")
    if args.synthetic:
        make_synthetic(args.synthetic, rnd, words)
    rebuild()
    mixed = queries(rnd, words, args.queries)
    measure("search, no filter", [{"q": q} for q in mixed])
    measure("search, one filter", [{"q": q, **filters(rnd)} for q in mixed])
    measure("search, newest first", [{"q": q, "sort": "newest"} for q in mixed])


if __name__ == "__main__":
    main()
