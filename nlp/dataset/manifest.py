"""The ``--manifest`` CSV: what a user knows about their files, overriding what the text says.

Header ``path,community,street,district,year,period``; any cell may be empty. ``path`` is a file,
a folder, an archive member (``a.zip!dir/x.txt``) or a glob, relative to the manifest's folder:
``*`` and ``?`` stay within one folder, ``**`` crosses folders. When several rows match a
document, each later row's non-empty cells override the earlier ones (so put general rows first).
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path

from nlp.errors import ZongjieError
from nlp.records import PERIODS

HEADER = ("path", "community", "street", "district", "year", "period")


class ManifestError(ZongjieError):
    """The manifest file is malformed; the message names file:line."""


@dataclass(frozen=True)
class ManifestRow:
    path: str  # absolute, forward slashes; a glob when it holds * or ?
    pattern: re.Pattern[str]
    cells: dict[str, str | int]  # the non-empty cells but path

    @property
    def is_glob(self) -> bool:
        return any(ch in self.path for ch in "*?")


def ancestors(path: str) -> list[str]:
    """A document path and every folder or archive that holds it: what a plain row may name.

    >>> ancestors("/d/r.zip!x/a.txt")
    ['/d/r.zip!x/a.txt', '/d/r.zip!x', '/d/r.zip', '/d']
    """
    found = [path]
    for i in range(len(path) - 1, 0, -1):
        if path[i] in "/!":
            found.append(path[:i])
    return found


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A path glob as a regex: ``*``/``?`` within a folder, ``**`` across; a folder matches what it holds.

    >>> bool(glob_regex("/d/*.txt").fullmatch("/d/a.txt")), bool(glob_regex("/d/*.txt").fullmatch("/d/x/a.txt"))
    (True, False)
    >>> bool(glob_regex("/d/**/*.txt").fullmatch("/d/x/y/a.txt")), bool(glob_regex("/d").fullmatch("/d/x/a.txt"))
    (True, True)
    """
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/!]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/!]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + "(?:[/!].*)?")


def absolute(path: str) -> str:
    """A document path (``a.zip!x.txt`` included) made absolute, with forward slashes."""
    outer, bang, inner = path.partition("!")
    return os.path.abspath(outer).replace(os.sep, "/") + bang + inner


class Manifest:
    """The rows of one manifest file, ready to match document paths."""

    def __init__(self, rows: tuple[ManifestRow, ...] = ()) -> None:
        self.rows = rows
        # Plain paths are looked up (a manifest may have a row per file); globs are matched in turn.
        self.plain: dict[str, list[int]] = {}
        for index, row in enumerate(rows):
            if not row.is_glob:
                self.plain.setdefault(row.path, []).append(index)
        self.globs = [index for index, row in enumerate(rows) if row.is_glob]

    @classmethod
    def read(cls, file: Path) -> Manifest:
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ManifestError(f"{file}: cannot read the manifest ({exc}).") from None
        reader = csv.DictReader(text.splitlines())
        missing = [h for h in HEADER if h not in (reader.fieldnames or ())]
        if missing:
            raise ManifestError(f"{file}:1: the header lacks {', '.join(missing)}; expected {','.join(HEADER)}.")
        base = os.path.abspath(file.parent)
        rows = []
        for number, record in enumerate(reader, start=2):
            rows.append(_row(record, base, f"{file}:{number}"))
        return cls(tuple(rows))

    def cells_for(self, path: str | None) -> dict[str, str | int]:
        """The manifest's cells for one document path, later rows overriding earlier ones."""
        if not path or not self.rows:
            return {}
        where = absolute(path)
        matched = [i for place in ancestors(where) for i in self.plain.get(place, ())]
        matched += [i for i in self.globs if self.rows[i].pattern.fullmatch(where)]
        merged: dict[str, str | int] = {}
        for index in sorted(matched):
            merged.update(self.rows[index].cells)
        return merged


def _row(record: dict[str, str | None], base: str, where: str) -> ManifestRow:
    path = (record.get("path") or "").strip()
    if not path:
        raise ManifestError(f"{where}: the path cell is empty.")
    cells: dict[str, str | int] = {}
    for key in HEADER[1:]:
        value = (record.get(key) or "").strip()
        if value:
            cells[key] = value
    if "year" in cells:
        if not str(cells["year"]).isdigit() or not 1900 <= int(cells["year"]) <= 2100:
            raise ManifestError(f"{where}: year {cells['year']!r} is not a year like 2023.")
        cells["year"] = int(cells["year"])
    if "period" in cells:
        period = str(cells["period"])
        period = period if period == "year" else period.upper()
        if period not in PERIODS:
            raise ManifestError(f"{where}: period {cells['period']!r} is not one of {', '.join(PERIODS)}.")
        cells["period"] = period
    pattern = absolute(path if os.path.isabs(path.partition("!")[0]) else os.path.join(base, path))
    return ManifestRow(pattern, glob_regex(pattern), cells)
