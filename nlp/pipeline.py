"""Stage order. ``parse`` turns one document into a ``Parse``; ``pipe`` streams many,
recording failures and going on."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from corpus.readers import iter_documents, read_path, read_text
from nlp import meta, normalize, outline
from nlp.errors import ReadError
from nlp.records import Parse, RawDoc


def parse_raw(raw: RawDoc) -> Parse:
    """Run every stage on one decoded document."""
    norm = normalize.normalize(raw.text)
    sections = outline.build_outline(norm)
    doc = meta.extract_meta(raw, norm, sections)
    return Parse(doc=doc, original=raw.text, sections=sections, normalized=norm)


def parse(source: str | Path | RawDoc) -> Parse:
    """Parse a path, a ``RawDoc``, or a text given as a string.

    A ``str`` naming an existing file is read as a file; any other string is the text.
    """
    if isinstance(source, RawDoc):
        return parse_raw(source)
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and _is_file(source)):
        return parse_raw(read_path(Path(source)))
    return parse_raw(read_text(str(source)))


def _is_file(text: str) -> bool:
    try:
        return len(text) < 4096 and Path(text).is_file()
    except OSError:
        return False


def pipe(paths: Iterable[str | Path]) -> Iterator[Parse | ReadError]:
    """Parse every document under ``paths`` (files, folders, zips); failures are yielded, not raised."""
    for item in iter_documents(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        yield parse_raw(item)
