"""The check cache: what `zongjie check` learned about a document, kept for the next run.

Like a linter's cache, an entry is keyed by the document's content hash (its id) under a
fingerprint of the engine: every source file, resource and model weight of the installed package.
So an edited document, an upgraded zongjie or a changed vocabulary all miss the cache, and an
unchanged archive is checked again without being parsed. An entry holds the flags of every
document rule (selection happens after), the figures counted for the summary, and the sentences
the cross-document rule compares.

The folder is ``$ZONGJIE_CACHE_DIR``, else ``$XDG_CACHE_HOME/zongjie``, else ``~/.cache/zongjie``.
A cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from nlp.records import Flag, Parse, Severity


@dataclass(frozen=True)
class SentenceKey:
    """A sentence the cross-document rule compares, in original offsets."""

    start: int
    end: int
    line: int
    key: str  # letters and digits only


@dataclass(frozen=True)
class CheckEntry:
    flags: tuple[Flag, ...]
    checked: int  # figures with a value or bounds
    unassessable: int  # masked or empty figures
    sentences: tuple[SentenceKey, ...]


def entry_of(parse: Parse, sentences: tuple[SentenceKey, ...]) -> CheckEntry:
    checked = sum(1 for f in parse.facts if not (f.value is None and f.low is None and f.high is None))
    return CheckEntry(parse.flags, checked, len(parse.facts) - checked, sentences)


@cache
def engine_fingerprint() -> str:
    """A hash of everything in the installed package that decides what a check finds."""
    root = Path(__file__).resolve().parents[2]
    digest = hashlib.sha256()
    folders = [root / "nlp", root / "corpus", root / "models"]
    for path in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file()):
        if path.suffix in {".py", ".toml", ".csv", ".txt", ".npz"} and "samples" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def default_folder() -> Path:
    if os.environ.get("ZONGJIE_CACHE_DIR"):
        return Path(os.environ["ZONGJIE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zongjie"


class CheckCache:
    """Entries on disk, one JSON file per document under the engine's fingerprint."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = (folder or default_folder()) / engine_fingerprint()

    def _path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.json"

    def get(self, doc_id: str) -> CheckEntry | None:
        try:
            data = json.loads(self._path(doc_id).read_text(encoding="utf-8"))
            return CheckEntry(
                flags=tuple(
                    Flag(**{**f, "severity": Severity(f["severity"]), "facts": tuple(f["facts"])})
                    for f in data["flags"]
                ),
                checked=data["checked"],
                unassessable=data["unassessable"],
                sentences=tuple(SentenceKey(**s) for s in data["sentences"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, doc_id: str, entry: CheckEntry) -> None:
        data = {
            "flags": [{**asdict(f), "severity": f.severity.value} for f in entry.flags],
            "checked": entry.checked,
            "unassessable": entry.unassessable,
            "sentences": [asdict(s) for s in entry.sentences],
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self._path(doc_id).with_suffix(".tmp")
            temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            temporary.replace(self._path(doc_id))
        except OSError:
            pass
