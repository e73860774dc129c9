"""Rewrite every tests/data/golden/*/NAME.expected.json from the reader's current output.

Run from the project root, then review the change before committing it:

    python tests/reading/regenerate_golden.py
    git diff tests/data/golden

A golden file is only a record of a reading someone checked: read the diff and fix the reader,
not the golden file, when a speaker, an attribution or a turn is wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from golden_files import dumped, expected_path, inputs, reading_of  # noqa: E402


def main() -> None:
    """Write the expected reading beside each golden input and list what changed."""
    for source in inputs():
        target = expected_path(source)
        text = dumped(reading_of(source))
        changed = not target.exists() or target.read_text(encoding="utf-8") != text
        target.write_text(text, encoding="utf-8")
        print(("changed  " if changed else "same     ") + str(target.relative_to(ROOT)))


if __name__ == "__main__":
    main()
