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
    assert "(files read, imported and indexed) | 848 |" in report
