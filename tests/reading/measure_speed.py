"""Print how long the reader takes per transcript (a measurement, not a test).

    python tests/reading/measure_speed.py [folder ...]

Reads every transcript under the given folders (default: the shared corpus, else
tests/data) a few times and prints the best time per file, the slowest file and the total.

Measured on fixtures/sources (31 transcripts, 848 utterances) on a busy 2-core machine, best
CPU time of several runs: 0.67 s (1,270 utterances/s) before the reader's regexes and loops
were reworked, 0.22 s (3,900 utterances/s) after. Valgrind, steadier than time on a shared
machine, counts 4,990 M instructions before and 1,280 M after for one reading of all 31.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from archive.reading import Metadata, read  # noqa: E402

try:  # read as the archive reads, with the shipped people registry (none before it existed)
    from archive.reading.registry import from_records, read_records

    REGISTRY = {"registry": from_records(read_records(ROOT / "fixtures/registry/people.yaml"))}
except ImportError:
    REGISTRY = {}

DEFAULT = [ROOT.parent / "shared" / "corpus", ROOT / "tests" / "data"]
REPEATS = 5


def transcripts(folders: list[Path]) -> list[Path]:
    """Return the transcript files under the folders (expected readings and READMEs left out)."""
    found = []
    for folder in folders:
        found += [
            p
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix in (".txt", ".md", ".html") and p.name != "README.md"
        ]
    return found


def best_time(path: Path) -> float:
    """Return the fastest of a few readings of one file, in seconds."""
    data = path.read_bytes()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        read(data, metadata=Metadata(filename=path.name), **REGISTRY)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    """Measure and print."""
    folders = [Path(a) for a in sys.argv[1:]] or [next(f for f in DEFAULT if f.exists())]
    files = transcripts(folders)
    read(files[0].read_bytes())  # the first reading pays for imports and compiled patterns
    results = [(best_time(p), p) for p in files]
    for seconds, path in results:
        print(f"{seconds * 1000:8.1f} ms  {path.stat().st_size / 1024:6.1f} KiB  {path.name[:70]}")
    total = sum(s for s, _ in results)
    slowest = max(results)
    print(
        f"{len(results)} transcripts, {total:.2f} s in all, {total / len(results) * 1000:.1f} ms "
        f"on average, slowest {slowest[0] * 1000:.1f} ms ({slowest[1].name[:50]})"
    )


if __name__ == "__main__":
    main()
