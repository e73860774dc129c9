"""Read many transcript files, in worker processes when there are several cores."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from archive.reading.detect import decode
from archive.reading.pdf import is_pdf
from archive.reading.reader import read
from archive.reading.types import Metadata, ReaderError, Reading


@dataclass(frozen=True)
class FileReading:
    """One file's source text and reading, or the reason it could not be read."""

    path: Path
    source_text: str = ""
    reading: Reading | None = None
    error: str = ""
    source_file: bytes = b""  # the PDF the text was read out of, kept beside it

    @property
    def metadata(self) -> Metadata:
        return Metadata(filename=self.path.name)


def read_file(path: Path) -> FileReading:
    """Return the reading of one file; a missing file or unreadable text becomes `error`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return FileReading(path, error=str(error))
    try:
        # Stored and checksummed as the reader decodes it, so a re-read sees the same text.
        source_text, _warnings = decode(data)
        reading = read(data, metadata=Metadata(filename=path.name))
    except ReaderError as error:
        return FileReading(path, error=str(error))
    return FileReading(path, source_text, reading, source_file=data if is_pdf(data) else b"")


def read_files(paths: Iterable[Path], jobs: int = 1) -> Iterator[FileReading]:
    """Yield the reading of each file in order, read by `jobs` processes a few files ahead."""
    if jobs <= 1:
        yield from map(read_file, paths)
        return
    # Spawned, not forked: a forked child would share the parent's database connection.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        ahead: deque = deque()
        for path in paths:
            ahead.append(pool.submit(read_file, path))
            # A bounded window keeps memory flat however many files the batch holds.
            if len(ahead) >= jobs * 4:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()
