"""Bounded amounts that look like figures but are not: three named look-alike rules that read the
shared Text's words and clauses (nlp/figures/lookalike.py applies them before its model).

``size_class`` (50亿元以上项目 names a class of projects, as 70岁以上老人 names a group of people),
``counted_class`` (有3个村收入低于10万元: the bound sorts out the villages counted) and
``required_bound`` (收益率原则上不低于8%: a standard, not a level reached).
"""

from __future__ import annotations

import re
from functools import cache

from nlp.figures.lookalike_features import BOUNDS, WORD_REACH, _unit_kind
from nlp.figures.neighbours import first_word
from nlp.records import Qualifier, Quantity
from nlp.resources import load_toml
from nlp.text.document import Text

# Kinds of unit whose amount, bounded and put before a noun, names a class of things rather than
# counting them (50亿元以上项目, 5000亩以上园区; 1600户以上牧户 counts the households and stays).
SIZE_CLASS_KINDS = frozenset({"money", "area", "weight", "volume", "length", "magnitude", "score"})


def is_size_class(doc: Text, q: Quantity) -> bool:
    """The named rule ``size_class``: an amount bounded by 以上/以下 right before a noun names a class
    (the figures' analogue of 70岁以上老人), not a figure.

    >>> doc = Text.from_string("力争引进20亿元以上项目3个，新增农户1600户以上。")
    >>> [is_size_class(doc, q) for q in doc.figures]
    [True, False, False]
    """
    text = doc.text
    if not text[q.norm_start : q.norm_end].endswith(BOUNDS) or _unit_kind(q) not in SIZE_CLASS_KINDS:
        return False
    clause = doc.clause_at(q.norm_start)
    end = min(clause.norm_end if clause is not None else len(text), q.norm_end + WORD_REACH)
    following = first_word(doc, q.norm_end, end) if q.norm_end < end else None
    return following is not None and following[1].startswith("n")


# The qualifiers of a bounded figure, read once: an enum member read as a class attribute costs about
# three times a global's read in Python 3.11, and every candidate figure asks twice.
_BOUNDED = (Qualifier.AT_LEAST, Qualifier.AT_MOST)
# 有N个村…, 仍有*个单元…: a count of the items a bound in the same clause sorts out.
COUNTED_ITEMS = re.compile(r"有[^，。；,;：:]{0,4}?(?:\d+|[一二两三四五六七八九十]+|[*xX×]+)(?:个|家|所|座|处|条|项|户|名|人)")
# Bounded amounts whose clause counts the items that meet the bound; a count or a rate stays a figure
# (仍有2个小区覆盖率低于80% can be either, and the gold keeps such rates).
COUNTED_CLASS_KINDS = SIZE_CLASS_KINDS | {"duration"}


def is_counted_class(doc: Text, q: Quantity) -> bool:
    """The named rule ``counted_class``: a bounded amount after a count of items in its clause is the
    bound those items meet (有3个村集体经济收入低于10万元: 3 is the figure, 10万元 the class), not a
    figure.

    >>> doc = Text.from_string("仍有3个村集体收入低于10万元，户均增收3000元以上。")
    >>> [is_counted_class(doc, q) for q in doc.figures]
    [False, True, False]
    """
    if q.qualifier not in _BOUNDED or _unit_kind(q) not in COUNTED_CLASS_KINDS:
        return False
    clause = doc.clause_at(q.norm_start)
    start = clause.norm_start if clause is not None else max(0, q.norm_start - 30)
    return COUNTED_ITEMS.search(doc.text, start, q.norm_start) is not None


@cache
def _requirement_words() -> tuple[str, ...]:
    return tuple(load_toml("not_figures.toml")["requirement_words"])


def is_required_bound(doc: Text, q: Quantity) -> bool:
    """The named rule ``required_bound``: a bounded figure after a word of requirement in its clause
    (原则上, 必须, 下达的 …: ``requirement_words`` of not_figures.toml) is a standard or a quota, not
    a level the unit reached.

    >>> doc = Text.from_string("资金回报率原则上要不低于6%，实际达到7.5%。")
    >>> [is_required_bound(doc, q) for q in doc.figures]
    [True, False]
    """
    if q.qualifier not in _BOUNDED:
        return False
    clause = doc.clause_at(q.norm_start)
    start = clause.norm_start if clause is not None else max(0, q.norm_start - 30)
    lead = doc.text[start : q.norm_start]
    return any(word in lead for word in _requirement_words())
