"""The fixed queries of the benchmark and their timing through the search page."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from django.test import Client

from archive.benchmark.corpus import FIRST_DAY, YEARS, Shape
from archive.models import Speaker, SpeakerKind, Utterance
from archive.search.service import FAILED
from archive.search.syntax import WORD

# Common words PostgreSQL's English configuration drops as stopwords, unlike Whoosh here.
STOPWORDS = frozenset(
    "about after again against because been before being between both could does doing down "
    "during each from further have having here into itself just more most once only other over "
    "same should some such than that their theirs them then there these they this those through "
    "under until very were what when where which while whom will with would your yours".split()
)
KINDS = (
    "one word",
    "two words",
    "a phrase",
    "word + speaker filter",
    "word + date range",
    "common word (facets + highlights over most hits)",
)


def query_set(shape: Shape, per_kind: int, seed: int = 9) -> dict[str, list[dict]]:
    """Return `per_kind` search page parameters for each kind, the same for every engine."""
    rnd = random.Random(seed)
    words = [w for w in shape.content_words(0, 400) if w not in STOPWORDS]
    mid, common = words[30:230], words[:8]
    slugs = list(
        Speaker.objects.filter(kind=SpeakerKind.OFFICIAL).order_by("pk").values_list("slug", flat=1)
    )
    sets = {kind: [] for kind in KINDS}
    for n in range(per_kind):
        year = FIRST_DAY.year + rnd.randrange(YEARS - 2)
        sets[KINDS[0]].append({"q": rnd.choice(mid)})
        sets[KINDS[1]].append({"q": " ".join(rnd.sample(mid[:60], 2))})
        sets[KINDS[2]].append({"q": f'"{phrase(rnd)}"'})
        sets[KINDS[3]].append({"q": rnd.choice(mid), "speaker": slugs[n % len(slugs)]})
        span = {"from": f"{year}-01-01", "to": f"{year + 1}-12-31"}
        sets[KINDS[4]].append({"q": rnd.choice(mid), **span})
        sets[KINDS[5]].append({"q": common[n % len(common)]})
    return sets


def phrase(rnd: random.Random, length: int = 4) -> str:
    """Return consecutive words of a stored utterance, stopwords and all."""
    last = Utterance.objects.order_by("-pk").values_list("pk", flat=True).first()
    while True:
        text = Utterance.objects.filter(pk__gte=rnd.randint(1, last)).values_list("text", flat=1)
        words = WORD.findall(text.order_by("pk").first() or "")
        if len(words) > length:
            start = rnd.randrange(len(words) - length)
            return " ".join(words[start : start + length])


def time_page(params: dict) -> tuple[float, float]:
    """Return wall and CPU milliseconds of one GET /search/ through the test client."""
    client = Client()
    wall, cpu = time.perf_counter(), time.process_time()
    response = client.get("/search/", params)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if response.status_code != 200 or FAILED.encode() in response.content:
        raise RuntimeError(f"the search page failed for {params}")
    return wall * 1000, cpu * 1000


def measure(run_one: Callable[[dict], tuple[float, float]], params: list[dict]) -> dict:
    """Run each query once after one warm-up; return p50 and p95 wall and p50 CPU in ms."""
    run_one(params[0])
    timings = [run_one(p) for p in params]
    wall = sorted(w for w, _ in timings)
    return {
        "p50": statistics.median(wall),
        "p95": wall[min(len(wall) - 1, round(0.95 * len(wall)) - 1)],
        "cpu50": statistics.median(c for _, c in timings),
    }
