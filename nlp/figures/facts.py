"""Quantity + subject + section + planned → Fact (the categories stage adds the category)."""

from __future__ import annotations

from collections.abc import Sequence

from nlp.figures.indicators import by_id, match_indicator
from nlp.figures.planned import is_planned_sentence
from nlp.figures.subjects import bare_total_indicator, find_subjects
from nlp.records import Fact, Quantity, Section
from nlp.text.document import Text
from nlp.text.outline import SectionLookup


def _as_written(doc: Text, quantity: Quantity) -> str:
    """The number text as it stands in the original (traditional script, full width …)."""
    at = doc.text.find(quantity.number_text, quantity.norm_start, quantity.norm_end)
    if at < 0 or not quantity.number_text:
        return quantity.number_text
    start, end = doc.to_original(at, at + len(quantity.number_text))
    return doc.original[start:end]


# A plan marker governs a figure from this far at most (a clause is rarely longer).
PLAN_REACH = 60


def plan_window(doc: Text, norm_start: int, norm_end: int) -> str:
    """The figure's clause and the clause before it in its sentence: where a plan marker governs
    a figure (each side at most ``PLAN_REACH`` characters).

    >>> doc = Text.from_string("今年开展活动6次,下一步,力争发展党员2名。")
    >>> plan_window(doc, 19, 21)
    '下一步,力争发展党员2名。'
    """
    clause = doc.clause_at(norm_start)
    if clause is None:
        return doc.text[max(0, norm_start - PLAN_REACH) : norm_end]
    start = clause.norm_start
    sentence = doc.sentence_at(norm_start)
    if sentence is not None and start > sentence.norm_start:
        previous = doc.clause_at(start - 1)
        if previous is not None:
            start = previous.norm_start
    start = max(start, norm_start - PLAN_REACH)
    end = min(clause.norm_end, norm_end + PLAN_REACH)
    return doc.text[start:end]


def _float(value) -> float | None:
    return None if value is None else float(value)


def build_facts(
    doc: Text,
    quantities: Sequence[Quantity],
    sections: Sequence[Section],
    plan_document: bool = False,
) -> tuple[Fact, ...]:
    """Facts with original offsets, in document order (categories are the categories stage's).

    In a plan document (doc_type plan) every figure is a target.
    """
    quantities = sorted(quantities, key=lambda q: q.norm_start)
    subjects = find_subjects(doc, quantities)
    sections_of: list[Section | None] = []
    planned: list[bool] = []
    indicators = []
    section_at = SectionLookup(sections)
    for quantity, subject in zip(quantities, subjects, strict=True):
        doc.check_time("facts")
        section = section_at(quantity.norm_start)
        sections_of.append(section)
        planned.append(
            plan_document
            or bool(section and section.planned)
            or is_planned_sentence(plan_window(doc, quantity.norm_start, quantity.norm_end))
        )
        bare_total = bare_total_indicator(doc, quantity, subject)
        indicators.append(by_id(bare_total) if bare_total else match_indicator(subject, quantity.unit))
    facts = []
    for i, quantity in enumerate(quantities):
        start, end = doc.to_original(quantity.norm_start, quantity.norm_end)
        indicator = indicators[i]
        facts.append(
            Fact(
                id=i,
                section=sections_of[i].id if sections_of[i] else None,
                start=start,
                end=end,
                text=doc.original[start:end],
                number_text=_as_written(doc, quantity),
                value=_float(quantity.value),
                low=_float(quantity.low),
                high=_float(quantity.high),
                unit=quantity.unit,
                qualifier=quantity.qualifier,
                subject=subjects[i],
                indicator=indicator.id if indicator else None,
                planned=planned[i],
                norm_start=quantity.norm_start,
                norm_end=quantity.norm_end,
            )
        )
    return tuple(facts)
