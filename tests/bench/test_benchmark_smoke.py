"""The benchmark command runs end to end at a tiny size, so it cannot rot; timings go unchecked."""

from io import StringIO

from django.core.management import call_command

from archive.benchmark.queries import KINDS
from archive.benchmark.run import FRESH_THREADS

ROWS = (
    "import (import_reading, index work queued)",
    "index rebuild (rebuild_index), tantivy",
    "index rebuild (rebuild_index), Whoosh",
    "peak memory (ru_maxrss), tantivy process",
    "peak memory (ru_maxrss), Whoosh process",
    *KINDS,
    FRESH_THREADS,
)


def test_benchmark_prints_every_row_and_both_engines_side_by_side():
    out = StringIO()
    call_command("benchmark", utterances=300, queries=2, stdout=out)
    report = out.getvalue()
    assert "300 utterances" in report
    for row in ROWS:
        assert f"| {row} |" in report
    head = next(line for line in report.splitlines() if line.startswith("| query (ms)"))
    assert head.startswith("| query (ms) | tantivy p50 |") and "| Whoosh : tantivy (p50) |" in head
    row = next(line for line in report.splitlines() if line.startswith("| one word |"))
    assert len(row.split("|")) == len(head.split("|"))


def test_one_engine_alone():
    out = StringIO()
    call_command("benchmark", utterances=300, queries=2, engine=["whoosh"], stdout=out)
    assert "index rebuild (rebuild_index), Whoosh" in out.getvalue()
    assert "tantivy" not in out.getvalue()


def test_corpus_copies_prints_both_import_rows():
    out = StringIO()
    call_command("benchmark", corpus_copies=1, stdout=out)
    report = out.getvalue()
    assert "imported 1 times over" in report
    assert "| import_reading, files read beforehand | 848 |" in report
    assert "(files read, imported and indexed) | 848 |" in report


def test_speakers_prints_the_pages_and_both_ways_of_folding():
    out = StringIO()
    call_command("benchmark", speakers=300, stdout=out)
    report = out.getvalue()
    assert "300 speakers created" in report
    for row in ("A–Z, first page", "name box “sanchez”", "API /api/speakers/?q=cho"):
        assert f"| {row} |" in report
    assert "| named_like(“sanchez”), folded in Python |" in report


def test_the_quote_check_benchmark_prints_its_figures():
    out = StringIO()
    call_command("benchmark", quote_check=True, utterances=1200, cases=6, stdout=out)
    report = out.getvalue()
    assert "--quote-check --utterances=1200 --cases=6" in report
    assert "| engine | cases | right utterance first | in the top 3 |" in report
    row = next(line for line in report.splitlines() if line.startswith("| tantivy |"))
    assert row.split("|")[2].strip() == "6" and row.count("%") >= 4
    short = next(line for line in report.splitlines() if line.startswith("| tantivy, five words |"))
    assert short.split("|")[2].strip() == "6" and short.count("%") >= 3
