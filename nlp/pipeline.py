"""Stage order. ``parse`` turns one document into a ``Parse``; ``pipe`` streams many,
recording failures and going on."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from corpus.readers import iter_documents, read_path, read_text
from nlp.categories.categorize import categorize
from nlp.checks import check_document
from nlp.errors import ParseError, ReadError, ZongjieError
from nlp.figures.facts import build_facts
from nlp.figures.quantities import find_quantities
from nlp.records import DocType, Normalized, Parse, RawDoc, Section
from nlp.text import meta, normalize, outline
from nlp.text.sentences import split_sentences

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


def parse_raw(raw: RawDoc, categories: bool = True, activities: bool = True) -> Parse:
    """Run every stage on one decoded document.

    ``categories=False`` leaves every category ``other`` and ``activities=False`` finds none:
    the checks need neither, so `zongjie check` skips both (a third of the parsing time).
    """
    norm = normalize.normalize(raw.text)
    sentences = split_sentences(norm.text)
    sections = outline.build_outline(norm)
    if categories:
        sections = categorize_sections(norm, sections)
    doc = meta.extract_meta(raw, norm, sections)
    facts = build_facts(
        norm,
        find_quantities(norm.text),
        sections,
        sentences,
        plan_document=doc.doc_type == DocType.PLAN,
        categorized=categories,
        level=doc.level,
        own_name=doc.community,
    )
    found: tuple = ()
    if activities:
        from nlp.activities.extract import find_activities  # imported on first use: its vocabulary is large

        found = find_activities(norm, sentences, sections, facts, plan_document=doc.doc_type == DocType.PLAN)
    result = Parse(
        doc=doc, original=raw.text, sections=sections, facts=facts, activities=found, normalized=norm
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


def _parse_item(item: RawDoc | ReadError, **stages: bool) -> Parse | ZongjieError:
    """One step of a batch: a read error passes through; a parse failure becomes its error."""
    if isinstance(item, ReadError):
        return item
    try:
        return parse_raw(item, **stages)
    except ZongjieError as exc:
        return exc
    except Exception as exc:  # a stage bug must not end a batch of thousands
        return ParseError(f"{item.path}: internal error while parsing ({type(exc).__name__}: {exc})")


def pipe(paths: Iterable[str | Path], workers: int | None = None) -> Iterator[Parse | ZongjieError]:
    """Parse every document under ``paths`` (files, folders, zips), in order.

    A document that cannot be read or parsed is yielded as its error, and the stream goes on.
    With ``workers`` > 1 (default: one per core) documents are parsed in worker processes, which
    load the word dictionaries side by side (about 2 s each) while this process stays light.
    """
    return parse_documents(iter_documents(paths), workers)


def parse_documents(
    items: Iterable[RawDoc | ReadError], workers: int | None = None, **stages: bool
) -> Iterator[Parse | ZongjieError]:
    """Parse decoded documents in order; read errors pass through (see ``pipe``).

    ``stages`` are passed to ``parse_raw`` (``categories=False``, ``activities=False``).
    """
    step = functools.partial(_parse_item, **stages)
    workers = workers if workers is not None else (os.cpu_count() or 1)
    items = iter(items)
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(step, items)
        return
    first = next(items, None)
    if first is None:
        return
    second = next(items, None)
    if second is None:  # one document: no pool to start
        yield step(first)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        yield from pool.imap(step, itertools.chain((first, second), items), chunksize=1)
