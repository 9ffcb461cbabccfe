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

from nlp.activities.vocab import type_of_name
from nlp.categories.categorize import CATEGORY_ORDER, categorize, category_probabilities
from nlp.records import Activity, ActivityKind, Category, Fact, Parse, Section
from nlp.text.document import Text

SECTION_CONTEXT_CHARS = 160
# How much the surrounding section decides a figure's category, against the figure's own sentence.
SECTION_WEIGHT = 0.2
# A sentence longer than this is read as a window of this size around the figure.
MAX_CONTEXT = 400


def categorize_parse(parse: Parse) -> Parse:
    doc = parse.text
    if doc is None:
        return parse
    sections = categorize_sections(doc, parse.sections)
    return dataclasses.replace(
        parse,
        sections=sections,
        facts=categorize_facts(doc, parse.facts, sections),
        activities=categorize_activities(doc, parse.activities, sections),
    )


def categorize_sections(doc: Text, sections: Sequence[Section]) -> tuple[Section, ...]:
    """Each section's work category, read from its heading and the start of its body."""
    text = doc.text
    texts = [
        f"{s.heading} {text[s.norm_start : min(s.norm_end, s.norm_start + SECTION_CONTEXT_CHARS)]}"
        for s in sections
    ]
    return tuple(
        dataclasses.replace(s, category=c) for s, c in zip(sections, categorize(texts), strict=True)
    )


def categorize_facts(doc: Text, facts: Sequence[Fact], sections: Sequence[Section]) -> tuple[Fact, ...]:
    """The category of each figure from its subject and sentence, leaning on its section's topic."""
    if not facts:
        return tuple(facts)
    contexts = [f"{f.subject or ''} {doc.context(f.norm_start, f.norm_end, MAX_CONTEXT)}" for f in facts]
    own = category_probabilities(contexts)
    by_id = {s.id: i for i, s in enumerate(sections)}
    mixed = own
    if sections:
        section_probs = category_probabilities([s.heading for s in sections])
        mixed = own.copy()
        for row, fact in enumerate(facts):
            if fact.section is not None and fact.section in by_id:
                mixed[row] = (1 - SECTION_WEIGHT) * own[row] + SECTION_WEIGHT * section_probs[by_id[fact.section]]
    return tuple(
        dataclasses.replace(f, category=CATEGORY_ORDER[i]) for f, i in zip(facts, mixed.argmax(axis=1), strict=True)
    )


def categorize_activities(
    doc: Text, activities: Sequence[Activity], sections: Sequence[Section]
) -> tuple[Activity, ...]:
    """An activity's area is its type's; a visit's, or an untyped one's, is read from its context."""
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
    for i, category in zip(untyped, categorize(contexts) if contexts else (), strict=True):
        categories[i] = category
    return tuple(dataclasses.replace(a, category=c) for a, c in zip(activities, categories, strict=True))
