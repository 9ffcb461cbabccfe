"""Stage order. ``parse`` turns one document into a ``Parse``; ``pipe`` streams many,
recording failures and going on."""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from corpus.readers import iter_documents, read_path, read_text
from nlp import meta, normalize, outline
from nlp.activities import find_activities
from nlp.categorize import categorize
from nlp.checks import check_document
from nlp.errors import ParseError, ReadError, ZongjieError
from nlp.facts import build_facts
from nlp.quantities import find_quantities
from nlp.records import DocType, Normalized, Parse, RawDoc, Section
from nlp.sentences import split_sentences

SECTION_CONTEXT_CHARS = 160


def categorize_sections(norm: Normalized, sections: Sequence[Section]) -> tuple[Section, ...]:
    """Each section's work category, read from its heading and the start of its body."""
    texts = [
        f"{s.heading} {norm.text[s.norm_start : min(s.norm_end, s.norm_start + SECTION_CONTEXT_CHARS)]}"
        for s in sections
    ]
    return tuple(
        dataclasses.replace(s, category=c) for s, c in zip(sections, categorize(texts), strict=True)
    )


def parse_raw(raw: RawDoc) -> Parse:
    """Run every stage on one decoded document."""
    norm = normalize.normalize(raw.text)
    sentences = split_sentences(norm.text)
    sections = categorize_sections(norm, outline.build_outline(norm))
    doc = meta.extract_meta(raw, norm, sections)
    facts = build_facts(
        norm, find_quantities(norm.text), sections, sentences, plan_document=doc.doc_type == DocType.PLAN
    )
    activities = find_activities(norm, sentences, sections, facts)
    result = Parse(
        doc=doc, original=raw.text, sections=sections, facts=facts, activities=activities, normalized=norm
    )
    return dataclasses.replace(result, flags=check_document(result))


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


def _parse_item(item: RawDoc | ReadError) -> Parse | ZongjieError:
    """One step of a batch: a read error passes through; a parse failure becomes its error."""
    if isinstance(item, ReadError):
        return item
    try:
        return parse_raw(item)
    except ZongjieError as exc:
        return exc
    except Exception as exc:  # a stage bug must not end a batch of thousands
        return ParseError(f"{item.path}: internal error while parsing ({type(exc).__name__}: {exc})")


_WARM_UP_TEXT = "2023年社区工作总结\n一、党建工作\n（一）组织建设\n社区现有党员41名,开展主题党日活动6次,满意率95%。\n"


def _warm_up() -> None:
    """Run every stage once on a small text, so dictionaries, the model and compiled patterns
    are loaded by this process and shared with the worker processes forked from it."""
    parse_raw(read_text(_WARM_UP_TEXT))


def pipe(paths: Iterable[str | Path], workers: int | None = None) -> Iterator[Parse | ZongjieError]:
    """Parse every document under ``paths`` (files, folders, zips), in order.

    A document that cannot be read or parsed is yielded as its error, and the stream goes on.
    With ``workers`` > 1 (default: one per core) documents are parsed in forked processes that
    share the dictionaries loaded once by this one.
    """
    return parse_documents(iter_documents(paths), workers)


def parse_documents(
    items: Iterable[RawDoc | ReadError], workers: int | None = None
) -> Iterator[Parse | ZongjieError]:
    """Parse decoded documents in order; read errors pass through (see ``pipe``)."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    items = iter(items)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_parse_item, items)
        return
    first = next(items, None)
    if first is None:
        return
    second = next(items, None)
    if second is None:  # one document: no pool to start
        yield _parse_item(first)
        return
    _warm_up()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(_parse_item, itertools.chain((first, second), items), chunksize=1)
