"""The inputs of a run: files, folders and .zip archives → documents read and hashed, not yet parsed.

The parent process only reads bytes and hashes them (fast), so a document already in the store is
skipped without being decoded or parsed; decoding and parsing happen in the workers.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from corpus.archives import walk_zip
from corpus.readers import MAX_FILE_BYTES, format_of
from nlp.errors import ReadError


@dataclass(frozen=True)
class Source:
    """One file named by the user or found in a folder: a document or a .zip archive."""

    path: Path
    size: int
    named: bool  # given on the command line (then an unsupported type is an error, not skipped)


@dataclass(frozen=True)
class Held:
    """A document's bytes, read and hashed, waiting to be decoded and parsed."""

    doc_id: str
    path: str  # as reported: a file path, or archive.zip!member
    name: str  # the file or member name, whose suffix gives the format
    data: bytes = field(repr=False)
    cells: dict = field(default_factory=dict)  # its manifest cells
    seq: int = 0
    replaces: bool = False  # an older engine's rows for this doc_id are replaced


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(folder) / name


def sources(paths: Iterable[str | Path]) -> Iterator[Source | ReadError]:
    """Every input file under ``paths``, folders walked in sorted order; missing paths as errors."""
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                if file.suffix.lower() == ".zip" or format_of(file.name):
                    yield Source(file, _size(file), named=False)
        elif path.is_file():
            yield Source(path, _size(path), named=True)
        else:
            yield ReadError(str(path), "no such file or folder")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _hold(data: bytes, name: str, where: str) -> Held:
    return Held(hashlib.sha256(data).hexdigest(), where, name, data)


def documents(source: Source) -> Iterator[Held | ReadError]:
    """The documents of one source file: itself, or the members of a .zip (walked safely)."""
    where = str(source.path)
    if source.path.suffix.lower() == ".zip":
        yield from walk_zip(where, where, _hold, lambda name: format_of(name) is not None)  # type: ignore[arg-type]
        return
    if source.size > MAX_FILE_BYTES:
        yield ReadError(where, f"file is too large ({source.size} bytes; the limit is {MAX_FILE_BYTES})")
        return
    try:
        data = source.path.read_bytes()
    except PermissionError:
        yield ReadError(where, "permission denied")
        return
    except OSError as exc:
        yield ReadError(where, f"cannot read the file: {exc.strerror or exc}")
        return
    yield _hold(data, source.path.name, where)
