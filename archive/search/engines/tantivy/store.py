"""The index folder: generations of the index, the one in use named by a `current` link.

    PATH/current -> gen-…        swapped atomically when a rebuild completes
    PATH/gen-…/utterances/       the documents
    PATH/gen-…/words/            the word list of "did you mean"

A rebuild fills a fresh generation and then replaces the link, so searches never see a half-built
index; every process notices the new link at its next search and opens it. Open generations are
shared by all threads of a process (each request thread opening its own cost Whoosh ~0.5 s).
"""

from __future__ import annotations

import os
import shutil
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import tantivy

from archive.search.engines import IndexOutdated
from archive.search.engines.tantivy import schema

LINK = "current"
_open: dict[str, Generation] = {}
_lock = threading.Lock()


@dataclass
class Generation:
    """One generation of the index, opened: the documents and the word list."""

    folder: Path
    utterances: tantivy.Index
    words: tantivy.Index


def create(root: Path) -> Path:
    """Create an empty generation folder under `root` (not yet in use) and return it."""
    folder = root / f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
    for name, made in (("utterances", schema.build()), ("words", schema.words_schema())):
        (folder / name).mkdir(parents=True)
        tantivy.Index(made, path=str(folder / name), reuse=False)
    return folder


def current_folder(root: Path) -> Path:
    """Return the generation in use, making an empty one first if the folder has none."""
    link = root / LINK
    try:
        return root / os.readlink(link)
    except FileNotFoundError:
        root.mkdir(parents=True, exist_ok=True)
        swap(root, create(root))
        return root / os.readlink(link)


def swap(root: Path, folder: Path) -> None:
    """Put a complete generation in use and delete the older ones."""
    staged = root / f"{LINK}.{uuid.uuid4().hex[:8]}"
    os.symlink(folder.name, staged)
    os.replace(staged, root / LINK)
    # Searchers still open on an older generation keep reading its unlinked files.
    for other in root.glob("gen-*"):
        if other.name != folder.name:
            shutil.rmtree(other, ignore_errors=True)


def opened(root: Path) -> Generation:
    """Return the generation in use, opened once per process and reloaded to its last commit."""
    folder = current_folder(root)
    key = str(folder)
    with _lock:
        generation = _open.get(key)
        if generation is None:
            for stale in [k for k in _open if Path(k).parent == root]:
                del _open[stale]
            generation = Generation(
                folder, open_index(folder / "utterances"), open_index(folder / "words")
            )
            # tantivy numbers fields in schema order: an older schema's index would answer a
            # query on one field from another, so it is refused until rebuilt.
            if generation.utterances.schema != schema.build():
                raise IndexOutdated(
                    f"The search index in {root} has the fields of an earlier version: "
                    "run `python manage.py rebuild_index`."
                )
            _open[key] = generation
    return generation


def open_index(path: Path) -> tantivy.Index:
    """Return an index folder opened, its analyzers registered and its reader reloaded by hand."""
    index = schema.register(tantivy.Index.open(str(path)))
    # Reloaded explicitly before each search, so a search after any commit sees it.
    index.config_reader("manual")
    return index


def forget(root: Path) -> None:
    """Close this process's generations of the folder (a test's index folder goes away)."""
    with _lock:
        for key in [k for k in _open if Path(k).parent == root]:
            del _open[key]
