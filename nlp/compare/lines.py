"""Line numbers for the provenance sheet, when the store does not keep them.

The SPEC ``facts`` table gives offsets (``start``), not lines. When a source has no line, the
document it came from is read again (only read and decoded, not parsed) from its recorded path, and
the line is counted in its original text; a file that has changed since (its sha256 is no longer the
``doc_id``) or is gone leaves the line blank rather than give a wrong one.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from nlp.compare.model import Comparison


def line_of(text: str, offset: int) -> int:
    """1-based line of a code-point offset.

    >>> line_of("第一行\\n第二行", 4)
    2
    """
    return text.count("\n", 0, max(0, min(offset, len(text)))) + 1


def fill_lines(comparison: Comparison, original_text: Callable[[str, str | None], str | None]) -> Comparison:
    """The comparison with each source's line filled from ``original_text(doc_id, path)``."""
    texts: dict[str, str | None] = {}
    cells = {}
    for key, cell in comparison.cells.items():
        sources = []
        for source in cell.sources:
            if source.line is None and source.start is not None and source.doc_id:
                if source.doc_id not in texts:
                    texts[source.doc_id] = original_text(source.doc_id, source.path)
                text = texts[source.doc_id]
                if text is not None:
                    source = replace(source, line=line_of(text, source.start))
            sources.append(source)
        cells[key] = replace(cell, sources=tuple(sources))
    return replace(comparison, cells=cells)


def read_original(roots: tuple[Path, ...]) -> Callable[[str, str | None], str | None]:
    """A reader of documents by recorded path (``a.zip!dir/x.txt`` for archive members), tried
    as given and under each root; the text only when its bytes still hash to the doc_id."""
    from corpus.readers import read_bytes

    def read(doc_id: str, path: str | None) -> str | None:
        if not path:
            return None
        archive, _, member = path.partition("!")
        for root in ("", *roots):
            file = Path(root) / archive if root else Path(archive)
            try:
                if member:
                    with zipfile.ZipFile(file) as bundle:
                        data = bundle.read(member)
                else:
                    data = file.read_bytes()
                raw = read_bytes(data, Path(member or archive).name, path)
            except Exception:  # any unreadable file just leaves the line blank
                continue
            if raw.id == doc_id:
                return raw.text
        return None

    return read
