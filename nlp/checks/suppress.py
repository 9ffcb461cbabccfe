"""Accepted findings: the ``.zongjie-ignore`` file.

A reviewer who has looked at a finding and accepts it records its fingerprint, one per line,
with a comment saying what it was. The fingerprint hashes the rule code, the flagged text and a
normalized context (a few characters on each side, spaces removed), never the line number or the
path, so it survives lines added above and a renamed file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from nlp.records import Flag

DEFAULT_FILE = ".zongjie-ignore"
CONTEXT_CHARS = 12
_SPACE = re.compile(r"\s+")


def _squeeze(text: str) -> str:
    """Text without whitespace.

    >>> _squeeze("共 走访\\n 120户")
    '共走访120户'
    """
    return _SPACE.sub("", text)


def fingerprint(flag: Flag, original: str) -> str:
    """A stable 16-hex-digit id of a finding: code, flagged text and squeezed context.

    >>> from nlp.records import Severity
    >>> f = Flag("duplicated_unit", "ZJ401", Severity.WARNING, 3, 7, 1, 4, "m")
    >>> fingerprint(f, "调解了31起起纠纷") == fingerprint(
    ...     Flag("duplicated_unit", "ZJ401", Severity.WARNING, 5, 9, 2, 3, "m"), "\\n\\n调解了31起起纠纷")
    True
    """
    text = original[flag.start : flag.end]
    before = _squeeze(original[max(0, flag.start - CONTEXT_CHARS * 2) : flag.start])[-CONTEXT_CHARS:]
    after = _squeeze(original[flag.end : flag.end + CONTEXT_CHARS * 2])[:CONTEXT_CHARS]
    key = "\x1f".join((flag.code, _squeeze(text), before, after))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def parse_ignore(text: str) -> frozenset[str]:
    """The fingerprints of an ignore file: first word of each line, ``#`` starts a comment.

    >>> sorted(parse_ignore("# accepted\\n0123abcd0123abcd  # ZJ401 a.txt:3\\n\\n"))
    ['0123abcd0123abcd']
    """
    found = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            found.add(line.split()[0].lower())
    return frozenset(found)


def load_ignore(path: Path) -> frozenset[str]:
    """Fingerprints in ``path``; none when the file does not exist."""
    if not path.is_file():
        return frozenset()
    return parse_ignore(path.read_text(encoding="utf-8"))


def ignore_line(fp: str, flag: Flag, path: str) -> str:
    """One line of the ignore file: the fingerprint, then what it was as a comment."""
    message = _SPACE.sub(" ", flag.message)
    return f"{fp}  # {flag.code} {path}:{flag.line}:{flag.col} {message}"


def append_ignore(path: Path, entries: Iterable[tuple[str, Flag, str]]) -> int:
    """Append (fingerprint, flag, document path) entries not yet in the file; returns how many."""
    known = set(load_ignore(path))
    lines = []
    for fp, flag, doc_path in entries:
        if fp not in known:
            known.add(fp)
            lines.append(ignore_line(fp, flag, doc_path))
    if lines:
        existing = path.read_text(encoding="utf-8") if path.is_file() else (
            "# zongjie: accepted findings, one fingerprint per line (zongjie check --accept)\n")
        if existing and not existing.endswith("\n"):
            existing += "\n"
        path.write_text(existing + "\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)
