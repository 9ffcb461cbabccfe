"""Stage order. ``parse_text`` and ``parse_file`` turn one document into a ``Parse``; ``pipe``
streams many, recording failures and going on.

The stages are declared once, in ``STAGES``, each with what it reads (``requires``) and what it
sets (``assigns``), the way spaCy components declare theirs. Every stage reads the one ``Text``
made for the document; ``disable=[...]`` skips stages by name, leaving what they assign empty
(sections, facts, activities, flags) or at its default (categories ``other``, metadata unread).
"""

from __future__ import annotations

import dataclasses
import functools
import gc
import itertools
import multiprocessing
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from corpus.readers import iter_documents, read_path, read_text
from nlp.collector import fewer_young_collections, older_objects_left_alone, process_frozen
from nlp.errors import ParseError, ReadError, ZongjieError
from nlp.figures.quantities import find_quantities
from nlp.records import DocMeta, DocType, Parse, RawDoc
from nlp.text.deadline import Deadline
from nlp.text.document import Text
from nlp.text.normalize import normalize

# A document that takes longer than this is recorded as a ParseError instead of stalling a batch.
# Parsing runs at about 1 MB/s, so only a pathological input comes near it.
DEFAULT_TIME_BUDGET = 60.0

StageRun = Callable[[Parse, RawDoc], Parse]
# Called with a stage's name and its seconds (evaluation/bench_speed.py), as parse_raw runs it.
StageTimer = Callable[[str, float], None]
# The name a timer gets for making the Text (normalize, find the figures) before the stages.
TEXT_STEP = "normalize + figures + Text"


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: StageRun
    doc: str


def _outline(parse: Parse, raw: RawDoc) -> Parse:
    from nlp.text.outline import build_outline

    text = _text(parse)
    return dataclasses.replace(parse, sections=build_outline(text.normalized, words=text.words))


def _meta(parse: Parse, raw: RawDoc) -> Parse:
    from nlp.text.meta import extract_meta

    return dataclasses.replace(parse, doc=extract_meta(raw, _text(parse), parse.sections))


def _facts(parse: Parse, raw: RawDoc) -> Parse:
    from nlp.figures.facts import build_facts

    doc = _text(parse)
    facts = build_facts(
        doc,
        doc.figures,
        parse.sections,
        plan_document=parse.doc.doc_type == DocType.PLAN,
        level=parse.doc.level,
        own_name=parse.doc.community,
        plan_year=parse.doc.year,
    )
    return dataclasses.replace(parse, facts=facts)


def _activities(parse: Parse, raw: RawDoc) -> Parse:
    from nlp.activities.extract import find_activities

    found = find_activities(
        _text(parse),
        parse.sections,
        parse.facts,
        plan_document=parse.doc.doc_type == DocType.PLAN,
        plan_year=parse.doc.year,
    )
    return dataclasses.replace(parse, activities=found)


def _categories(parse: Parse, raw: RawDoc) -> Parse:
    from nlp.categories.assign import categorize_parse

    return categorize_parse(parse)


def _checks(parse: Parse, raw: RawDoc) -> Parse:
    from nlp.checks import check_document

    return dataclasses.replace(parse, flags=check_document(parse))


def _text(parse: Parse) -> Text:
    assert parse.text is not None, "every stage runs after the Text is made"
    return parse.text


STAGES: tuple[Stage, ...] = (
    Stage("outline", ("text",), ("sections",), _outline, "headings 一、/（一）/1、/（1） → the section tree"),
    Stage("meta", ("text", "sections"), ("doc",), _meta, "title, community, street, year, period, doc_type"),
    Stage(
        "facts",
        ("text", "sections", "doc.doc_type"),
        ("facts",),
        _facts,
        "figures with value, unit, qualifier, subject, indicator, planned",
    ),
    Stage(
        "activities",
        ("text", "sections", "facts"),
        ("activities",),
        _activities,
        "what the community did: name, verb, kind, the facts that count it",
    ),
    Stage(
        "categories",
        ("text", "sections", "facts", "activities"),
        ("sections.category", "facts.category", "activities.category"),
        _categories,
        "the work category of every section, fact and activity (the shipped model)",
    ),
    Stage("checks", ("text", "facts"), ("flags",), _checks, "the linter's document rules"),
)
STAGE_NAMES = tuple(stage.name for stage in STAGES)


def _validated(disable: Collection[str]) -> frozenset[str]:
    unknown = sorted(set(disable) - set(STAGE_NAMES))
    if unknown:
        raise ValueError(f"unknown stage {', '.join(unknown)}; the stages are {', '.join(STAGE_NAMES)}")
    return frozenset(disable)


def parse_raw(
    raw: RawDoc,
    disable: Collection[str] = (),
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    on_stage: StageTimer | None = None,
) -> Parse:
    """Run every stage not in ``disable`` on one decoded document; ``on_stage`` is told the seconds
    of each step as it runs here (with the collector's freezing between stages and its rarer young
    collections, nlp/collector.py).

    Raises ``ParseError`` when the document takes longer than ``time_budget`` seconds.
    """
    skipped = _validated(disable)
    deadline = Deadline(time_budget)
    with fewer_young_collections(), older_objects_left_alone() as set_aside:
        started = time.perf_counter()
        normalized = normalize(raw.text)
        text = Text(normalized, find_quantities(normalized.text), deadline)
        result = Parse(doc=_unread_meta(raw), original=raw.text, text=text)
        if on_stage is not None:
            on_stage(TEXT_STEP, time.perf_counter() - started)
        for stage in STAGES:
            if stage.name in skipped:
                continue
            deadline.check(f"before {stage.name}")
            set_aside()  # what the earlier stages made lives to the end of the parse
            started = time.perf_counter()
            result = stage.run(result, raw)
            if on_stage is not None:
                on_stage(stage.name, time.perf_counter() - started)
        deadline.check("after the last stage")
    return result


# A short report in the genre (written for this purpose), parsed once by ``prepare_process`` so that
# every stage loads the models and vocabularies it reads on first use: a title, headings, a heading
# that runs on into its paragraph, figures, activities, a plan section.
WARM_UP_TEXT = (
    "和平社区2023年度工作总结\n一、加强党的建设\n"
    "社区现有党员41名，其中女党员16名。全年召开支部委员会12次，开展主题党日活动8次，走访慰问困难党员15户，"
    "发放慰问金3000元。\n（一）服务居民。组织志愿者开展环境卫生整治活动20余场，参与群众达600人次；"
    "举办健康讲座、义诊等活动5场。\n二、存在的问题\n部分居民参与度不高。\n"
    "三、2024年工作计划\n计划新建文化活动室1个，培训网格员30名。"
)


def prepare_process(disable: Collection[str] = ()) -> None:
    """Load every stage's models now and exempt them from the garbage collector (``gc.freeze``).

    For a process that parses many documents and belongs to the library (the CLI's batch commands,
    the workers ``pipe`` and ``extract`` start); ``parse_*`` never call it, as it changes a setting
    of the whole process (they set the older objects aside only for their own length:
    ``older_objects_left_alone``). The models and vocabularies are about 70,000 long-lived
    objects: without this every full collection walks all of them, about 0.1 s of CPU per 0.68 MB
    parsed (a tenth of the pipeline; evaluation/README.md). New objects are collected as before.
    """
    parse_text(WARM_UP_TEXT, disable)
    gc.collect()  # (what the warm-up left behind is not frozen)
    gc.freeze()
    process_frozen()  # (each parse then skips counting the frozen objects: nlp/collector.py)


def prepare_worker(disable: Collection[str] = ()) -> None:
    """``prepare_process`` in a worker process (a pool's initializer): a failure is left for the
    documents to report, each as its own error, as without the preparation (an initializer that
    raises would break the pool)."""
    try:
        prepare_process(disable)
    except Exception:  # noqa: BLE001 - reported by the first document instead
        gc.freeze()


def _unread_meta(raw: RawDoc) -> DocMeta:
    return DocMeta(
        id=raw.id,
        path=raw.path,
        encoding=raw.encoding,
        title=None,
        community=None,
        street=None,
        year=None,
        period=None,
        doc_type=DocType.SUMMARY,
        chars=len(raw.text),
    )


def parse_text(text: str, disable: Collection[str] = (), time_budget: float | None = DEFAULT_TIME_BUDGET) -> Parse:
    """Parse a document given as its text.

    >>> [f.text for f in parse_text("社区现有党员41名，开展活动6次。", disable=["activities"]).facts]
    ['41名', '6次']
    """
    return parse_raw(read_text(text), disable, time_budget)


def parse_file(
    path: str | Path, disable: Collection[str] = (), time_budget: float | None = DEFAULT_TIME_BUDGET
) -> Parse:
    """Parse the document in a file (.txt in any Chinese encoding, .docx, .pdf, .html).

    Raises ``ReadError`` when the file cannot be read.
    """
    return parse_raw(read_path(Path(path)), disable, time_budget)


def parse(source: Path | RawDoc, disable: Collection[str] = ()) -> Parse:
    """Parse a ``Path`` or a ``RawDoc``. A ``str`` is refused as ambiguous: use ``parse_text``
    for a text and ``parse_file`` for a path."""
    if isinstance(source, RawDoc):
        return parse_raw(source, disable)
    if isinstance(source, Path):
        return parse_file(source, disable)
    raise TypeError("parse() takes a Path or a RawDoc; for a str use parse_text(text) or parse_file(path)")


def _parse_item(
    item: RawDoc | ReadError, disable: Collection[str], time_budget: float | None
) -> Parse | ZongjieError:
    """One step of a batch: a read error passes through; a parse failure becomes its error."""
    if isinstance(item, ReadError):
        return item
    try:
        return parse_raw(item, disable, time_budget)
    except ParseError as exc:
        return ParseError(f"{item.path or '<text>'}: {exc}")
    except ZongjieError as exc:
        return exc
    except Exception as exc:  # a stage bug must not end a batch of thousands
        return ParseError(f"{item.path}: internal error while parsing ({type(exc).__name__}: {exc})")


def pipe(
    paths: Iterable[str | Path],
    workers: int = 1,
    disable: Collection[str] = (),
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Iterator[Parse | ZongjieError]:
    """Parse every document under ``paths`` (files, folders, zips), in order.

    A document that cannot be read or parsed is yielded as its error, and the stream goes on.
    With ``workers`` > 1 documents are parsed in that many worker processes.
    """
    return parse_documents(iter_documents(paths), workers, disable, time_budget)


def parse_documents(
    items: Iterable[RawDoc | ReadError],
    workers: int = 1,
    disable: Collection[str] = (),
    time_budget: float | None = DEFAULT_TIME_BUDGET,
) -> Iterator[Parse | ZongjieError]:
    """Parse decoded documents in order; read errors pass through (see ``pipe``)."""
    step = functools.partial(_parse_item, disable=_validated(disable), time_budget=time_budget)
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
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=prepare_worker, initargs=(tuple(disable),)) as pool:
        yield from pool.imap(step, itertools.chain((first, second), items), chunksize=1)
