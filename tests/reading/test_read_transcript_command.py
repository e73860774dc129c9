"""`manage.py read_transcript` prints the reading as JSON and writes nothing."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = (
    ROOT
    / "tests"
    / "data"
    / "seed"
    / "2017-05-18-tillerson-kelly-videgaray-osorio-press-availability.txt"
)


def run(*args):
    return subprocess.run(
        [sys.executable, "manage.py", "read_transcript", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DJANGO_ENV": "test", "DATABASE_URL": "sqlite:////nonexistent/dir/db.sqlite3"},
    )


def test_prints_the_reading_contract_as_json():
    result = run(str(SEED))
    assert result.returncode == 0, result.stderr
    reading = json.loads(result.stdout)
    assert set(reading) >= {"event", "speakers", "utterances", "warnings"}
    assert reading["event"]["date"] == "2017-05-18"
    assert len(reading["utterances"]) == 35
    first = reading["utterances"][0]
    assert first["speaker"] == "Rex W. Tillerson" and first["attribution"] == "label"
    assert {"text", "paragraphs", "notes", "sequence", "label"} <= set(first)


def test_overrides_from_the_command_line(tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("Mr President, distinguished delegates, peace is our aim.\n")
    result = run(str(speech), "--speaker", "Jane Doe", "--date", "2020-09-22", "--title", "A")
    assert result.returncode == 0, result.stderr
    reading = json.loads(result.stdout)
    assert reading["event"]["date"] == "2020-09-22" and reading["event"]["title"] == "A"
    assert reading["utterances"][0]["speaker"] == "Jane Doe"


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\xff" * 100])
def test_unreadable_input_is_one_line_and_non_zero(tmp_path, content):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = run(str(bad))
    assert result.returncode != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "bad.txt" in result.stderr


def test_bad_date_and_missing_file():
    assert "YYYY-MM-DD" in run(str(SEED), "--date", "18/05/2017").stderr
    assert run("/no/such/file.txt").returncode != 0
