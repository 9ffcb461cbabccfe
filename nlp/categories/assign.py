"""The categories stage: the work category of every section, fact and activity.

- a section: from its heading and the start of its body;
- a fact: from its subject and sentence, leaning on its section's heading (``SECTION_WEIGHT``);
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
from nlp.categories.categorize import CATEGORY_ORDER, categorize, category_probabilities
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
    fact_rows = batch.add(_fact_texts(doc, parse.facts))
    typed, untyped, contexts = _activity_contexts(doc, parse.activities, parse.sections)
    activity_rows = batch.add(contexts)
    probabilities = batch.probabilities()
    sections = _with_categories(parse.sections, _best(probabilities[section_rows]))
    return dataclasses.replace(
        parse,
        sections=sections,
        facts=_facts_from(parse.facts, sections, probabilities[fact_rows], probabilities[heading_rows]),
        activities=_activities_from(parse.activities, typed, untyped, _best(probabilities[activity_rows])),
    )


class _Batch:
    """Texts of several kinds gathered for one call of the model; ``add`` gives each kind's rows."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def add(self, texts: Sequence[str]) -> slice:
        start = len(self.texts)
        self.texts += texts
        return slice(start, len(self.texts))

    def probabilities(self) -> np.ndarray:
        return category_probabilities(self.texts)


def _best(probabilities: np.ndarray) -> list[Category]:
    return [CATEGORY_ORDER[i] for i in probabilities.argmax(axis=1)]


def _with_categories(records: Sequence[_R], categories: Sequence[Category]) -> tuple[_R, ...]:
    return tuple(dataclasses.replace(r, category=c) for r, c in zip(records, categories, strict=True))


def categorize_sections(doc: Text, sections: Sequence[Section]) -> tuple[Section, ...]:
    """Each section's work category, read from its heading and the start of its body."""
    return _with_categories(sections, categorize(_section_texts(doc, sections)))


def _section_texts(doc: Text, sections: Sequence[Section]) -> list[str]:
    text = doc.text
    return [
        f"{s.heading} {text[s.norm_start : min(s.norm_end, s.norm_start + SECTION_CONTEXT_CHARS)]}"
        for s in sections
    ]


def categorize_facts(doc: Text, facts: Sequence[Fact], sections: Sequence[Section]) -> tuple[Fact, ...]:
    """The category of each figure from its subject and sentence, leaning on its section's topic."""
    if not facts:
        return tuple(facts)
    return _facts_from(
        facts,
        sections,
        category_probabilities(_fact_texts(doc, facts)),
        category_probabilities([s.heading for s in sections]),
    )


def _fact_texts(doc: Text, facts: Sequence[Fact]) -> list[str]:
    return [f"{f.subject or ''} {doc.context(f.norm_start, f.norm_end, MAX_CONTEXT)}" for f in facts]


def _facts_from(
    facts: Sequence[Fact], sections: Sequence[Section], own: np.ndarray, section_probs: np.ndarray
) -> tuple[Fact, ...]:
    """Each fact's category from its own text's probabilities (``own``), mixed with its section
    heading's (``section_probs``, one row per section)."""
    if not facts:
        return tuple(facts)
    by_id = {s.id: i for i, s in enumerate(sections)}
    mixed = own
    if sections:
        mixed = own.copy()
        for row, fact in enumerate(facts):
            if fact.section is not None and fact.section in by_id:
                mixed[row] = (1 - SECTION_WEIGHT) * own[row] + SECTION_WEIGHT * section_probs[by_id[fact.section]]
    return _with_categories(facts, _best(mixed))


def categorize_activities(
    doc: Text, activities: Sequence[Activity], sections: Sequence[Section]
) -> tuple[Activity, ...]:
    """An activity's area is its type's; a visit's, or an untyped one's, is read from its context."""
    typed, untyped, contexts = _activity_contexts(doc, activities, sections)
    return _activities_from(activities, typed, untyped, categorize(contexts) if contexts else [])


def _activity_contexts(
    doc: Text, activities: Sequence[Activity], sections: Sequence[Section]
) -> tuple[list[Category], list[int], list[str]]:
    """Each activity's category by its type, which activities the model reads, and their contexts."""
    headings = {s.id: s.heading for s in sections}
    untyped: list[int] = []
    contexts: list[str] = []
    categories: list[Category] = []
    for i, activity in enumerate(activities):
        name = doc.text[activity.norm_start : activity.norm_end]
        kind = type_of_name(name)
        categories.append(kind.category if kind is not None else Category.OTHER)
        if kind is None or kind.kind is ActivityKind.VISIT or kind.category is Category.OTHER:
            untyped.append(i)
            heading = headings.get(activity.section, "") if activity.section is not None else ""
            contexts.append(f"{heading} {name} {doc.context(activity.norm_start, activity.norm_end, MAX_CONTEXT)}")
    return categories, untyped, contexts


def _activities_from(
    activities: Sequence[Activity], typed: list[Category], untyped: Sequence[int], read: Sequence[Category]
) -> tuple[Activity, ...]:
    categories = list(typed)
    for i, category in zip(untyped, read, strict=True):
        categories[i] = category
    return _with_categories(activities, categories)
