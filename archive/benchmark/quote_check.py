"""The quote check's benchmark: the dev corpus, less a tenth of its events, grown to N
utterances with synthetic events, then mutated real sentences checked against it.

`import` loads fixtures/corpus.json without the events kept out (every tenth, by checksum) and
adds synthetic events until N utterances; `engine` rebuilds the index and times the check on
sentences of the corpus (are they found, first?) and of the events kept out (is anything called
close?). Each phase runs in a process of its own, as `manage.py benchmark` runs its phases.
"""

from __future__ import annotations

import json
import time

from django.core.management import call_command
from django.db import connection

from archive.benchmark import quotes
from archive.benchmark.corpus import load_shape, readings
from archive.benchmark.report import NAMES
from archive.benchmark.run import FIXTURE, NotScratch, counts, peak_mb, setting, timed
from archive.importing import checkpoints, import_reading
from archive.models import Event, Utterance
from archive.search import queue, quote_check

HELD_OUT_EVERY = 10
SEED = 23


def held_out_checksums() -> set[str]:
    """Return the checksums of the corpus events kept out of the index: every tenth."""
    rows = json.loads(FIXTURE.read_text())
    checksums = sorted(r["fields"]["checksum"] for r in rows if r["model"] == "archive.event")
    return set(checksums[::HELD_OUT_EVERY])


def import_phase(total: int) -> dict:
    """Load the corpus without the events kept out, then synthetic events up to `total`."""
    if Utterance.objects.exists():
        raise NotScratch("the database already holds utterances; give an empty scratch database")
    call_command("load_registry", verbosity=0)
    call_command("loaddata", str(FIXTURE), verbosity=0)
    Event.objects.filter(checksum__in=held_out_checksums()).delete()
    wall, cpu = time.perf_counter(), time.process_time()
    missing = total - Utterance.objects.count()
    with queue.writer_lock(wait=True), checkpoints.in_background(connection):
        for reading, source in readings(load_shape(FIXTURE), missing) if missing > 0 else ():
            import_reading(reading=reading, source_text=source, source_name="synthetic.txt")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"import": (wall, cpu), **counts(), "setting": setting()}


def engine_phase(cases: int) -> dict:
    """Rebuild the index, then check mutated sentences of the corpus and of the events left out."""
    rebuild = timed(lambda: call_command("rebuild_index", interactive=False, verbosity=0))
    corpus = Utterance.objects.exclude(event__source_name="synthetic.txt")
    texts = dict(corpus.values_list("pk", "text"))
    words = quotes.vocabulary(texts.values())
    found = quotes.cases(quotes.unique_sentences(texts), cases, words, SEED)
    held_out = quotes.cases(held_out_sentences(texts), cases // 2, words, SEED + 1)
    measured = quotes.measure(quote_check.check, found, held_out)
    short = quotes.short_cases(quotes.unique_sentences(texts), cases, words, texts.values(), SEED)
    phase = {"rebuild": rebuild, "measured": measured, "peak_mb": peak_mb(), **counts()}
    return {**phase, "short": quotes.measure(quote_check.check, short, []) if short else None}


def held_out_sentences(kept: dict[int, str]) -> list[tuple[None, str]]:
    """Return the sentences of the events kept out that no utterance in the index holds."""
    rows = json.loads(FIXTURE.read_text())
    out = held_out_checksums()
    texts = {
        n: r["fields"]["text"]
        for n, r in enumerate(rows)
        if r["model"] == "archive.utterance" and r["fields"]["event"][0] in out
    }
    everything = "\n".join(kept.values())
    return [(None, s) for _, s in quotes.unique_sentences(texts) if s not in everything]


def report(imported: dict, engines: dict[str, dict]) -> str:
    """Return the Markdown report of the import and each engine's checks."""
    lines = [
        *imported["setting"],
        f"- data: {imported['utterances']:,} utterances ({imported['events']:,} events): the dev "
        f"corpus less every {HELD_OUT_EVERY}th event, and synthetic events",
        "",
        "| engine | cases | right utterance first | in the top 3 | called close | held-out "
        "sentences | held-out called close | p50 ms (CPU) | p95 ms | rebuild s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, phase in engines.items():
        for label, m in (
            (NAMES[name], phase["measured"]),
            (f"{NAMES[name]}, five words", phase.get("short")),
        ):
            if not m:
                continue
            wrong = (
                "–" if m["held_out_called_close"] is None else f"{m['held_out_called_close']:.1%}"
            )
            lines.append(
                f"| {label} | {m['cases']} | {m['first']:.1%} | {m['top3']:.1%} | "
                f"{m['called_close']:.1%} | {m['held_out']} | {wrong} | {m['p50']:.0f} "
                f"({m['cpu50']:.0f}) | {m['p95']:.0f} | {phase['rebuild'][0]:.1f} |"
            )
    for name, phase in engines.items():
        short = phase.get("short") or {"misses": []}
        for mutation, quote in phase["measured"]["misses"] + short["misses"]:
            lines.append(f"- {NAMES[name]}, not first ({mutation}): “{quote}”")
        for quote, passage in phase["measured"]["held_out_close"]:
            lines.append(f"- {NAMES[name]}, held out but called close: “{quote}” → “{passage}”")
    return "\n".join(lines) + "\n"
