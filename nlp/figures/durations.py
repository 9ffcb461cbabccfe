"""Durations written as a span of time (一年来, 连续三年, 经过一年的努力, 过去一年，): figures by GUIDELINES
(indicator null), named rule ``marked_duration``.

The words are data (nlp/resources/durations.toml): a marker before the number (连续, 经过), one after
the unit (来, 下来, 里), or a review's opening (过去/这 before, a comma after). The look-alike rules
(nlp/figures/lookalike_rules.py) let a duration unit after a marker stand where its ``not_before``
words or the article reading of 一 would reject it, and the learned look-alike filter does not
overrule them (nlp/figures/lookalike.py): it learned from few of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.records import Quantity
from nlp.resources import load_toml


@dataclass(frozen=True)
class DurationWords:
    before: tuple[str, ...]  # markers right before the number, longest first
    after: tuple[str, ...]  # markers right after the unit, longest first
    opening: tuple[str, ...]  # a review's opening words before the number, longest first


@cache
def duration_words() -> DurationWords:
    data = load_toml("durations.toml")

    def longest_first(table: str) -> tuple[str, ...]:
        return tuple(sorted(data[table], key=len, reverse=True))

    return DurationWords(longest_first("before"), longest_first("after"), longest_first("opening"))


_OPENING_TAIL = re.compile(r"(?:里|来)?[，,]")


def is_marked(before: str, after: str) -> bool:
    """Whether a duration with ``before`` (the text before its number) and ``after`` (the text after
    its unit) is marked as a span of time.

    >>> is_marked("社区连续", "被评为"), is_marked("", "来，社区"), is_marked("过去", "，在街道")
    (True, True, True)
    >>> is_marked("这", "的情况"), is_marked("新的", "，我们将"), is_marked("", "是极不平凡的")
    (False, False, False)
    """
    w = duration_words()
    if before.endswith(w.before) or after.startswith(w.after):
        return True
    return before.endswith(w.opening) and _OPENING_TAIL.match(after) is not None


@cache
def _duration_units() -> frozenset[str]:
    from nlp.figures.figure_grammar import grammar

    return frozenset(u.name for u in grammar().units.values() if u.kind == "duration")


def is_marked_duration(text: str, q: Quantity) -> bool:
    """Whether figure ``q`` of normalized ``text`` is a duration marked as a span of time.

    >>> from nlp.figures.quantities import find_quantities
    >>> text = "过去一年，社区连续三年被评为文明社区。"
    >>> [is_marked_duration(text, q) for q in find_quantities(text)]
    [True, True]
    """
    if q.unit not in _duration_units():
        return False
    return is_marked(text[max(0, q.norm_start - 4) : q.norm_start], text[q.norm_end : q.norm_end + 3])


def is_time_covered(text: str, q: Quantity) -> bool:
    """Whether figure ``q`` is the time a report or its review covers, marked after its unit or as an
    opening (一年来, 一年以来, 一年下来, 过去一年，): it counts time, and no noun is its subject (GUIDELINES'
    duration calls: subject null); a streak or a span of work (连续三年, 经过一年) keeps the subject
    its clause gives.

    >>> from nlp.figures.quantities import find_quantities
    >>> text = "一年来，社区连续三年被评为文明社区。"
    >>> [is_time_covered(text, q) for q in find_quantities(text)]
    [True, False]
    """
    if q.unit not in _duration_units():
        return False
    w = duration_words()
    after = text[q.norm_end : q.norm_end + 3]
    if after.startswith(w.after):
        return True
    return text[max(0, q.norm_start - 4) : q.norm_start].endswith(w.opening) and _OPENING_TAIL.match(after) is not None
