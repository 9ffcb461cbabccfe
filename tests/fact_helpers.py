"""The fact a figure of one sentence becomes, the sentence parsed under a report's title line (the
indicator-reach tests)."""

from __future__ import annotations

import nlp
from nlp.records import Fact


def fact_at(title: str, sentence: str, figure: str) -> Fact:
    """The fact covering ``figure`` (its first occurrence in ``sentence``), parsed as ``title + sentence``."""
    doc = nlp.parse_text(title + sentence)
    start = len(title) + sentence.index(figure)
    return next(f for f in doc.facts if f.start <= start < f.end)
