"""The categories stage: the work category of every section, fact and activity.

- a section: from its heading and the start of its body;
- a fact: from its subject and sentence, leaning on its section's heading (``SECTION_WEIGHT``)
  and, in a special-topic report, on the topic its title names (nlp/categories/topic.py);
- an activity: from its canonical type (nlp/resources/activity_types.csv) when the type names a
  work area, else from its section heading, name and sentence. A visit takes its context's area.

Contexts are capped in length (``MAX_CONTEXT``) so that a sentence of a megabyte costs one window
per figure, not the whole sentence per figure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

import numpy as np

from nlp.activities.vocab import type_of_name
from nlp.categories.categorize import (
    CATEGORY_ORDER,
    categorize,
    category_probabilities,
    joined_category_probabilities,
)
from nlp.categories.topic import document_topic, with_topic
from nlp.records import Activity, ActivityKind, Category, Fact, Parse, Section
from nlp.text.document import Text

SECTION_CONTEXT_CHARS = 160
# How much the surrounding section decides a figure's category, against the figure's own sentence.
SECTION_WEIGHT = 0.2
# A sentence longer than this is read as a window of this size around the figure.
MAX_CONTEXT = 400

_R = TypeVar("_R", Section, Fact, Activity)


def categorize_parse(parse: Parse) -> Parse:
    """Categories of every section, fact and activity, read in one call of the model: the texts
    of all three are gathered first, so the document's n-grams are counted and scored together."""
    doc = parse.text
    if doc is None:
        return parse
    batch = _Batch()
    section_rows = batch.add(_section_texts(doc, parse.sections))
    heading_rows = batch.add([s.heading for s in parse.sections] if parse.facts else [])
    fact_rows = batch.add(*_fact_parts(doc, parse.facts))
    typed, untyped, heads, contexts = _activity_parts(doc, parse.activities, parse.sections)
    activity_rows = batch.add(heads, contexts)
    probabilities = batch.probabilities()
    sections = _with_categories(parse.sections, _best(probabilities[section_rows]))
    return dataclasses.replace(
        parse,
        sections=sections,
        facts=_facts_from(
            parse.facts, sections, probabilities[fact_rows], probabilities[heading_rows], document_topic(parse.doc)
        ),
        activities=_activities_from(parse.activities, typed, untyped, _best(probabilities[activity_rows])),
    )


class _Batch:
    """Texts of several kinds gathered for one call of the model; ``add`` gives each kind's rows.

    A text is a head and a tail (its context sentence, often shared by many texts): the model
    reads each distinct tail once (``CategoryWeights.joined_probabilities``).
    """

    def __init__(self) -> None:
        self.heads: list[str] = []
        self.tails: list[str] = []

    def add(self, heads: Sequence[str], tails: Sequence[str] | None = None) -> slice:
        start = len(self.heads)
        self.heads += heads
        self.tails += tails if tails is not None else [""] * len(heads)
        return slice(start, len(self.heads))

    def probabilities(self) -> np.ndarray:
        return joined_category_probabilities(self.heads, self.tails)


def _best(probabilities: np.ndarray) -> list[Category]:
    return [CATEGORY_ORDER[i] for i in probabilities.argmax(axis=1)]


def _with_categories(records: Sequence[_R], categories: Sequence[Category]) -> tuple[_R, ...]:
    return tuple(map(with_category, records, categories))


def with_category(record: _R, category: Category) -> _R:
    """``dataclasses.replace(record, category=category)`` at a fraction of its cost (it re-runs
    ``__init__`` with every field; a document has thousands of records). Valid because these
    records are plain frozen dataclasses: no ``__post_init__``, no slots, every field in ``__dict__``."""
    if record.category is category:
        return record
    copy = object.__new__(type(record))
    copy.__dict__.update(record.__dict__)
    copy.__dict__["category"] = category
    return copy


def categorize_sections(doc: Text, sections: Sequence[Section]) -> tuple[Section, ...]:
    """Each section's work category, read from its heading and the start of its body."""
    return _with_categories(sections, categorize(_section_texts(doc, sections)))


def _section_texts(doc: Text, sections: Sequence[Section]) -> list[str]:
    text = doc.text
    return [
        f"{s.heading} {text[s.norm_start : min(s.norm_end, s.norm_start + SECTION_CONTEXT_CHARS)]}"
        for s in sections
    ]


def categorize_facts(
    doc: Text, facts: Sequence[Fact], sections: Sequence[Section], topic: Category | None = None
) -> tuple[Fact, ...]:
    """The category of each figure from its subject and sentence, leaning on its section's topic
    and on the document's ``topic`` (``document_topic`` of its metadata) when it has one."""
    if not facts:
        return tuple(facts)
    return _facts_from(
        facts,
        sections,
        category_probabilities(_fact_texts(doc, facts)),
        category_probabilities([s.heading for s in sections]),
        topic,
    )


def _fact_texts(doc: Text, facts: Sequence[Fact]) -> list[str]:
    return [head + tail for head, tail in zip(*_fact_parts(doc, facts), strict=True)]


def _fact_parts(doc: Text, facts: Sequence[Fact]) -> tuple[list[str], list[str]]:
    """Each fact's text as its subject and its sentence (the model reads subject + sentence)."""
    heads = [f"{f.subject or ''} " for f in facts]
    return heads, contexts(doc, [f.norm_start for f in facts], [f.norm_end for f in facts], MAX_CONTEXT)


def contexts(doc: Text, starts: Sequence[int], ends: Sequence[int], limit: int) -> list[str]:
    """``[doc.context(start, end, limit) for start, end in zip(starts, ends)]``, the sentences found
    for all spans at once, and one string per sentence shared by the spans inside it (so the
    model's dictionaries hash each sentence once).
    """
    text = doc.text
    sentences = doc.sentences
    first = np.searchsorted(np.array([s.norm_start for s in sentences], dtype=np.intp), starts, side="right") - 1
    whole: dict[int, str] = {}
    found: list[str] = []
    for start, end, i in zip(starts, ends, first.tolist(), strict=True):
        sentence = sentences[i] if i >= 0 else None
        if sentence is None or start >= sentence.norm_end:  # between sentences: a plain window
            found.append(text[max(0, start - 30) : end + 10])
        elif sentence.norm_end - sentence.norm_start > limit:
            half = limit // 2
            found.append(text[max(sentence.norm_start, start - half) : min(sentence.norm_end, end + half)])
        else:
            read = whole.get(i)
            if read is None:
                read = whole[i] = text[sentence.norm_start : sentence.norm_end]
            found.append(read)
    return found


def _facts_from(
    facts: Sequence[Fact],
    sections: Sequence[Section],
    own: np.ndarray,
    section_probs: np.ndarray,
    topic: Category | None = None,
) -> tuple[Fact, ...]:
    """Each fact's category from its own text's probabilities (``own``), mixed with its section
    heading's (``section_probs``, one row per section), then with the document's ``topic``."""
    if not facts:
        return tuple(facts)
    by_id = {s.id: i for i, s in enumerate(sections)}
    mixed = own
    in_section = [(row, by_id[f.section]) for row, f in enumerate(facts) if f.section is not None and f.section in by_id]
    if in_section:
        rows, section_rows = np.array(in_section).T
        mixed = own.copy()
        mixed[rows] = (1 - SECTION_WEIGHT) * own[rows] + SECTION_WEIGHT * section_probs[section_rows]
    if topic is not None:
        mixed = with_topic(mixed, CATEGORY_ORDER.index(topic))
    return _with_categories(facts, _best(mixed))


def categorize_activities(
    doc: Text, activities: Sequence[Activity], sections: Sequence[Section]
) -> tuple[Activity, ...]:
    """An activity's area is its type's; a visit's, or an untyped one's, is read from its context."""
    typed, untyped, heads, contexts = _activity_parts(doc, activities, sections)
    texts = [head + context for head, context in zip(heads, contexts, strict=True)]
    return _activities_from(activities, typed, untyped, categorize(texts) if texts else [])


def _activity_parts(
    doc: Text, activities: Sequence[Activity], sections: Sequence[Section]
) -> tuple[list[Category], list[int], list[str], list[str]]:
    """Each activity's category by its type, which activities the model reads, and their texts
    as heads (section heading and name) and contexts (the sentence)."""
    headings = {s.id: s.heading for s in sections}
    untyped: list[int] = []
    heads: list[str] = []
    categories: list[Category] = []
    spans: list[tuple[int, int]] = []
    for i, activity in enumerate(activities):
        name = doc.text[activity.norm_start : activity.norm_end]
        kind = type_of_name(name)
        categories.append(kind.category if kind is not None else Category.OTHER)
        if kind is None or kind.kind is ActivityKind.VISIT or kind.category is Category.OTHER:
            untyped.append(i)
            heading = headings.get(activity.section, "") if activity.section is not None else ""
            heads.append(f"{heading} {name} ")
            spans.append((activity.norm_start, activity.norm_end))
    contexts_read = contexts(doc, [a for a, _ in spans], [b for _, b in spans], MAX_CONTEXT)
    return categories, untyped, heads, contexts_read


def _activities_from(
    activities: Sequence[Activity], typed: list[Category], untyped: Sequence[int], read: Sequence[Category]
) -> tuple[Activity, ...]:
    categories = list(typed)
    for i, category in zip(untyped, read, strict=True):
        categories[i] = category
    return _with_categories(activities, categories)
