"""Read many transcript files, in worker processes when there are several cores."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from archive.reading.detect import decode
from archive.reading.pdf import is_pdf
from archive.reading.reader import read
from archive.reading.registry import EMPTY, Registry
from archive.reading.types import Metadata, ReaderError, Reading

# The registry a worker process reads with, handed over once when the process starts.
_registry = EMPTY


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


def use_registry(registry: Registry) -> None:
    """Read with this registry from now on (in a worker process: its initializer)."""
    global _registry
    _registry = registry


def read_file(path: Path) -> FileReading:
    """Return the reading of one file; a missing file or unreadable text becomes `error`."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return FileReading(path, error=str(error))
    try:
        # Stored and checksummed as the reader decodes it, so a re-read sees the same text.
        source_text, _warnings = decode(data)
        reading = read(data, metadata=Metadata(filename=path.name), registry=_registry)
    except ReaderError as error:
        return FileReading(path, error=str(error))
    except Exception as error:  # noqa: BLE001 - MemoryError and the like fail this file alone
        return FileReading(path, error=f"could not be read: {error!r}")
    return FileReading(path, source_text, reading, source_file=data if is_pdf(data) else b"")


def finished(path: Path, future) -> FileReading:
    """Return a worker's reading of a file; a worker that died leaves that file unread."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - e.g. BrokenProcessPool: a worker was killed
        return FileReading(path, error=f"not read, the reading process failed: {error!r}")


def read_files(
    paths: Iterable[Path], jobs: int = 1, registry: Registry = EMPTY
) -> Iterator[FileReading]:
    """Yield the reading of each file in order, read by `jobs` processes a few files ahead."""
    use_registry(registry)
    if jobs <= 1:
        yield from map(read_file, paths)
        return
    # Spawned, not forked: a forked child would share the parent's database connection.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=use_registry, initargs=(registry,)
    ) as pool:
        ahead: deque = deque()
        for path in paths:
            ahead.append((path, submitted(pool, path)))
            # A bounded window keeps memory flat however many files the batch holds.
            if len(ahead) >= jobs * 4:
                yield finished(*ahead.popleft())
        while ahead:
            yield finished(*ahead.popleft())


def submitted(pool: ProcessPoolExecutor, path: Path) -> Future:
    """Return the future reading of a file; a pool broken by a killed worker reads it here."""
    try:
        return pool.submit(read_file, path)
    except BrokenProcessPool:
        future: Future = Future()
        future.set_result(read_file(path))
        return future
