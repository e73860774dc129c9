"""The benchmark command runs end to end at a tiny size, so it cannot rot; timings go unchecked."""

from io import StringIO

from django.core.management import call_command

from archive.benchmark.queries import KINDS

ROWS = (
    "import (import_reading, index work queued)",
    "index rebuild (rebuild_index)",
    "peak memory (ru_maxrss)",
    *KINDS,
)


def test_benchmark_prints_every_row():
    out = StringIO()
    call_command("benchmark", utterances=300, queries=2, stdout=out)
    report = out.getvalue()
    assert "300 utterances" in report
    for row in ROWS:
        assert f"| {row} |" in report


def test_corpus_copies_prints_both_import_rows():
    out = StringIO()
    call_command("benchmark", corpus_copies=1, stdout=out)
    report = out.getvalue()
    assert "imported 1 times over" in report
    assert "| import_reading, files read beforehand | 848 |" in report
    assert "(files read and imported) | 848 |" in report


def test_speakers_prints_the_pages_and_both_ways_of_folding():
    out = StringIO()
    call_command("benchmark", speakers=300, stdout=out)
    report = out.getvalue()
    assert "300 speakers created" in report
    for row in ("A–Z, first page", "name box “sanchez”", "API /api/speakers/?q=cho"):
        assert f"| {row} |" in report
    assert "| named_like(“sanchez”), folded in Python |" in report
