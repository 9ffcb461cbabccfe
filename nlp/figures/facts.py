"""Quantity + subject + section + planned + category → Fact."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from nlp.categories.categorize import CATEGORY_ORDER, category_probabilities
from nlp.figures.planned import continues_figure_list, is_planned_sentence
from nlp.figures.resolve import Figure, resolve_figures
from nlp.figures.subjects import bare_total_indicator, find_subjects
from nlp.records import Category, Fact, Normalized, Quantity, Section, Sentence


def innermost_section(sections: Sequence[Section], norm_start: int) -> Section | None:
    """The deepest section whose normalized span contains ``norm_start``."""
    best: Section | None = None
    for section in sections:
        if section.norm_start <= norm_start < section.norm_end and (best is None or section.level >= best.level):
            best = section
    return best


def sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], norm_start: int) -> Sentence | None:
    i = bisect.bisect_right(starts, norm_start) - 1
    if i >= 0 and sentences[i].norm_start <= norm_start < sentences[i].norm_end:
        return sentences[i]
    return None


def _as_written(norm: Normalized, quantity: Quantity) -> str:
    """The number text as it stands in the original (traditional script, full width …)."""
    at = norm.text.find(quantity.number_text, quantity.norm_start, quantity.norm_end)
    if at < 0 or not quantity.number_text:
        return quantity.number_text
    start, end = norm.to_original(at, at + len(quantity.number_text))
    return norm.original[start:end]


_CLAUSE_BREAKS = frozenset("，,；;。！!？?\n")


def plan_window(text: str, norm_start: int, norm_end: int) -> str:
    """The figure's clause and the clause before it: where a plan marker governs a figure.

    The window reaches further back over a list of figures that continues one statement
    (``全年计划改造楼院23个,总面积11.6万㎡,37栋楼``): while its first clause holds a figure and
    no word of things done (``nlp.figures.planned.continues_figure_list``).

    >>> plan_window("今年开展活动6次,下一步,力争发展党员2名。", 19, 21)
    '下一步,力争发展党员2名'
    >>> t = "我县结合实际,全年计划改造楼院23个,总面积11.6万㎡,37栋楼。"
    >>> plan_window(t, t.index("37"), t.index("37") + 4)
    '我县结合实际,全年计划改造楼院23个,总面积11.6万㎡,37栋楼'
    """
    start = norm_start
    breaks = 0
    while start > 0:
        if text[start - 1] in _CLAUSE_BREAKS:
            breaks += 1
            if breaks == 2 or text[start - 1] in "。！!？?\n":
                break
        start -= 1
    while start > 0 and text[start - 1] in "，,；;":
        first_end = start
        while first_end < norm_start and text[first_end] not in _CLAUSE_BREAKS:
            first_end += 1
        if not continues_figure_list(text[start:first_end]):
            break
        start -= 1
        while start > 0 and text[start - 1] not in _CLAUSE_BREAKS:
            start -= 1
    end = norm_end
    while end < len(text) and text[end] not in _CLAUSE_BREAKS:
        end += 1
    return text[start:end]


def _float(value) -> float | None:
    return None if value is None else float(value)


# How much the surrounding section decides a figure's category, against the figure's own sentence.
SECTION_WEIGHT = 0.2


def _mixed_categories(contexts, sections_of, sections) -> list:
    """The category of each figure from its sentence, leaning on its section's topic."""
    own = category_probabilities(contexts)
    if not sections:
        return [CATEGORY_ORDER[i] for i in own.argmax(axis=1)]
    section_index = {s.id: i for i, s in enumerate(sections)}
    section_probs = category_probabilities([s.heading for s in sections])
    mixed = own.copy()
    for row, section in enumerate(sections_of):
        if section is not None:
            mixed[row] = (1 - SECTION_WEIGHT) * own[row] + SECTION_WEIGHT * section_probs[section_index[section.id]]
    return [CATEGORY_ORDER[i] for i in mixed.argmax(axis=1)]


def build_facts(
    norm: Normalized,
    quantities: Sequence[Quantity],
    sections: Sequence[Section],
    sentences: Sequence[Sentence],
    plan_document: bool = False,
    categorized: bool = True,
    level: str | None = None,
    own_name: str | None = None,
) -> tuple[Fact, ...]:
    """Facts with original offsets, in document order.

    In a plan document (doc_type plan) every figure is a target. ``level`` (community, township,
    county, city) and ``own_name`` (the reporting unit's name) decide whose figure each one is.
    """
    quantities = sorted(quantities, key=lambda q: q.norm_start)
    subjects = find_subjects(norm.text, quantities)
    starts = [s.norm_start for s in sentences]
    contexts: list[str] = []
    sections_of: list[Section | None] = []
    planned: list[bool] = []
    figures = []
    for quantity, subject in zip(quantities, subjects, strict=True):
        sentence = sentence_at(sentences, starts, quantity.norm_start)
        context = norm.text[sentence.norm_start : sentence.norm_end] if sentence else norm.text[
            max(0, quantity.norm_start - 30) : quantity.norm_end + 10
        ]
        section = innermost_section(sections, quantity.norm_start)
        contexts.append(f"{subject or ''} {context}")
        sections_of.append(section)
        planned.append(
            plan_document
            or bool(section and section.planned)
            or is_planned_sentence(plan_window(norm.text, quantity.norm_start, quantity.norm_end))
        )
        figures.append(
            Figure(quantity.norm_start, quantity.norm_end, subject, quantity.unit, bare_total_indicator(norm.text, quantity, subject))
        )
    resolved = resolve_figures(norm.text, figures, level, own_name)
    predicted = (
        _mixed_categories(contexts, sections_of, sections) if categorized else [Category.OTHER] * len(quantities)
    )
    facts = []
    for i, quantity in enumerate(quantities):
        start, end = norm.to_original(quantity.norm_start, quantity.norm_end)
        resolution = resolved[i]
        facts.append(
            Fact(
                id=i,
                section=sections_of[i].id if sections_of[i] else None,
                start=start,
                end=end,
                text=norm.original[start:end],
                number_text=_as_written(norm, quantity),
                value=_float(quantity.value),
                low=_float(quantity.low),
                high=_float(quantity.high),
                unit=quantity.unit,
                qualifier=quantity.qualifier,
                subject=subjects[i],
                indicator=resolution.indicator,
                breakdown=resolution.breakdown,
                scope=resolution.scope,
                category=predicted[i],
                planned=planned[i],
                norm_start=quantity.norm_start,
                norm_end=quantity.norm_end,
            )
        )
    return tuple(facts)
