"""The only loader of the data files under nlp/resources/.

Each loader reads once (cached), validates, and raises ``ResourceError`` naming
``file:line`` when a file is malformed. Users may point ``ZONGJIE_RESOURCES`` at a
folder whose files of the same names extend (CSV: rows appended) or override
(TOML: tables merged) the shipped ones.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tomllib
from functools import cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from nlp.errors import ResourceError

_PACKAGE = "nlp.resources"


def _shipped_text(name: str) -> str:
    try:
        return importlib_resources.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ResourceError(name, None, "resource file is missing from the installation") from exc


def _user_file(name: str) -> Path | None:
    folder = os.environ.get("ZONGJIE_RESOURCES")
    if not folder:
        return None
    path = Path(folder) / name
    return path if path.is_file() else None


def _parse_toml(text: str, file: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise ResourceError(file, int(match.group(1)) if match else None, str(exc)) from exc


@cache
def load_toml(name: str) -> dict[str, Any]:
    """A TOML resource, with a user file of the same name merged over it."""
    data = _parse_toml(_shipped_text(name), name)
    user = _user_file(name)
    if user is not None:
        data = _merge(data, _parse_toml(user.read_text(encoding="utf-8"), str(user)))
    return data


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _parse_csv(text: str, file: str, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in required if c not in (reader.fieldnames or [])]
    if missing:
        raise ResourceError(file, 1, f"missing column(s): {', '.join(missing)}")
    rows = []
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            raise ResourceError(file, line, "wrong number of fields")
        if all(not v.strip() for v in row.values()) or next(iter(row.values()), "").startswith("#"):
            continue
        for column in required:
            if not row[column].strip():
                raise ResourceError(file, line, f"empty value in required column {column!r}")
        rows.append((line, {k: v.strip() for k, v in row.items()}))
    return rows


@cache
def load_csv(name: str, required: tuple[str, ...] = ()) -> tuple[tuple[int, dict[str, str]], ...]:
    """CSV rows as (line number, row dict); a user file of the same name adds rows."""
    rows = _parse_csv(_shipped_text(name), name, required)
    user = _user_file(name)
    if user is not None:
        rows += _parse_csv(user.read_text(encoding="utf-8"), str(user), required)
    return tuple(rows)


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """A plain word list: one entry per line, ``#`` comments and blanks skipped."""
    lines = [ln.strip() for ln in _shipped_text(name).splitlines()]
    user = _user_file(name)
    if user is not None:
        lines += [ln.strip() for ln in user.read_text(encoding="utf-8").splitlines()]
    return tuple(ln for ln in lines if ln and not ln.startswith("#"))
