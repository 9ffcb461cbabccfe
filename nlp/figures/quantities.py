"""Quantities: every figure of a normalized text as number + unit + qualifier.

Units, qualifiers and look-alikes are data (``units.toml``, ``qualifiers.toml``,
``not_figures.toml``); one regex is built from them once (nlp/figures/figure_grammar.py).
A candidate is kept when it carries a unit (or a 万/亿 magnitude) and is not a date, time,
ordinal, name, slogan, address, phone number or age limit (nlp/figures/lookalike_rules.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.durations import is_marked_duration
from nlp.figures.figure_grammar import FigureGroups, Grammar, grammar
from nlp.figures.figure_reading import number_reading, unit_reading
from nlp.figures.lookalike_rules import MINUS_SIGNS, is_rate_number, minus_sign, rejection
from nlp.figures.numerals import vocab
from nlp.figures.scan import matches_from, opening_run, possessive_opening, starting_chars
from nlp.figures.zeros import not_one_statements, zero_statements
from nlp.records import Quantity
from nlp.resources import load_toml
from nlp.text.char_scan import finditer_from_chars

# The decimal digits the grammar groups the look-alikes by (``lookalikes_at``, figure_grammar.py).
_DECIMAL_DIGITS = frozenset("0123456789０１２３４５６７８９")


@dataclass(frozen=True)
class Candidate:
    """A number the figure pattern found, read as a quantity, with the look-alike rule that
    rejects it (None: a figure by the rules)."""

    quantity: Quantity
    rule: str | None


# ``Quantity`` is a plain frozen dataclass (no slots, no ``__post_init__``): an instance whose
# ``__dict__`` holds its fields in order is the object its constructor makes (equal, equally
# hashed; tests/test_figure_shortcuts.py holds every figure of a generated text to the constructor).
_new = object.__new__

# Where the groups the scan reads stand in ``m.groups()`` (FigureGroups, in the pattern's order).
_NUM, _LUNIT, _MAG, _UNIT = (FigureGroups._fields.index(name) for name in ("num", "lunit", "mag", "unit"))


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every figure of a normalized text, in order.

    >>> [(q.number_text, str(q.value), q.unit, q.qualifier.value) for q in find_quantities("投资7.5万元，修缮20余场次")]
    [('7.5', '75000', '元', 'exact'), ('20', '20', '场次', 'approx')]
    >>> find_quantities("2021年3月5日第三批“三个代表”")
    ()
    """
    found = tuple(quantity for quantity, rule in _candidates(text, rejected=False) if rule is None)
    not_one = not_one_statements(text)
    if not_one:  # 未发生一例: the scan read one case, the statement says none (its reading is replaced)
        negated = {q.norm_start for q in not_one}
        found = tuple(q for q in found if q.norm_start not in negated) + not_one
    zeros = zero_statements(text)
    if not zeros:
        return tuple(sorted(found, key=lambda q: q.norm_start)) if not_one else found
    starts = {q.norm_start for q in found}  # (a 零 the scan read as a numeral keeps that reading)
    return tuple(sorted(found + tuple(z for z in zeros if z.norm_start not in starts), key=lambda q: q.norm_start))


def find_candidates(text: str, rejected: bool = True) -> tuple[Candidate, ...]:
    """Every number of a normalized text that has a unit (or 万/亿, or is a rate), in order, each
    with the look-alike rule that rejects it: a rule of ``rejection``, ``quoted`` (inside a short
    quotation: a name or slogan) or ``pattern`` (a look-alike of not_figures.toml overlaps it).

    >>> [(c.quantity.number_text, c.rule) for c in find_candidates("第三批“三个代表”,开展活动6次")]
    [('三', 'ordinal'), ('三', 'quoted'), ('6', None)]

    With ``rejected`` False, the candidates a rule of ``rejection`` rejects are left out.
    """
    return tuple(Candidate(quantity, rule) for quantity, rule in _candidates(text, rejected))


def _candidates(text: str, rejected: bool) -> list[tuple[Quantity, str | None]]:
    """``find_candidates`` as (quantity, rule) pairs.

    What a match says is read from its groups once per distinct figure (nlp/figures/figure_reading.py);
    what the text around it says (the look-alike rules, a quotation, a look-alike pattern) per match.
    """
    g = grammar()
    quoted = _Quotations(text, g.quoted)
    out = []
    big = vocab().big
    for m in matches_from(g.pattern, g.starts, text):
        groups = m.groups()
        num = groups[_NUM]
        if not num:
            continue
        if not groups[_UNIT] and not groups[_MAG] and num[-1] not in big and not is_rate_number(num):
            continue  # a bare number (``is_bare`` written out: about half of what the pattern finds)
        lunit_at = None if groups[_LUNIT] is None else m.start(_LUNIT + 1) - m.start(_NUM + 1)
        unit = unit_reading(groups, lunit_at)
        if unit is None:
            continue
        rule = rejection(text, m, g, unit.unit, groups)
        if rule is not None and not rejected:
            continue  # (find_quantities reads no number a look-alike rule rejects)
        read = number_reading(groups, lunit_at)
        if read is None:
            continue
        quantity = _new(Quantity)  # Quantity(...) without __init__'s nine object.__setattr__ calls
        quantity.__dict__.update(
            norm_start=m.start(1) if read.starts_at_prefix else m.start(_NUM + 1),
            norm_end=m.end(),
            number_text=read.number_text,
            value=read.value,
            low=read.low,
            high=read.high,
            unit=read.unit,
            qualifier=read.qualifier,
            unit_text=read.unit_text,
        )
        ns = m.start(_NUM + 1)
        if ns and text[ns - 1] in MINUS_SIGNS and quantity.norm_start == ns and minus_sign(text, ns, unit.unit, num):
            _negate(quantity)  # 增长-0.3%: a negative rate (``minus_rate``)
        if rule is None:
            ns, ne = m.span(_NUM + 1)
            if quoted.overlap(ns, ne):
                rule = "quoted"
            elif _vetoed(g, text, ns, ne) and not is_marked_duration(text, quantity):
                rule = "pattern"  # (a duration marked as a span stands: 过去一年，…)
        out.append((quantity, rule))
    return out


def _negate(q: Quantity) -> None:
    """Put the minus sign before ``q``'s number into it (a Quantity still being made): the span
    starts at the sign, the number reads below zero and its bounds swap.

    >>> [(q.number_text, q.value, q.norm_start) for q in find_quantities("产值增长-0.3%")]
    [('-0.3', Decimal('-0.3'), 4)]
    """
    d = q.__dict__
    low, high = d["low"], d["high"]
    d.update(
        norm_start=d["norm_start"] - 1,
        number_text="-" + d["number_text"],
        value=None if d["value"] is None else -d["value"],
        low=None if high is None else -high,
        high=None if low is None else -low,
    )


_WINDOW = 12


def _vetoed(g: Grammar, text: str, start: int, end: int) -> bool:
    """Whether a look-alike overlaps [start, end); searched in a window around it only (speed).

    The pattern is tried only where a look-alike can start (``lookalike_starts``,
    nlp/figures/scan.py), and there only its alternatives that can start with that character
    (``lookalikes_at``), and only where the next character can follow that one in a look-alike
    (``lookalike_seconds``): the same leftmost, non-overlapping matches ``finditer`` gives, without
    trying 160 alternatives at every position.
    """
    low, high = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    starts, at, seconds = g.lookalike_starts, g.lookalikes_at, g.lookalike_seconds
    if starts is None or at is None or seconds is None:
        for m in g.lookalikes.finditer(text, low, high):
            if m.start() >= end:
                return False
            if start < m.end():
                return True
        return False
    # matches_from(g.lookalikes, starts, text, low, high, before=end) written out: one call per
    # figure, a few tries each (later matches overlap nothing)
    after_run = _after_run()
    p, run_failed = low, -2  # where the last try failed
    while p < end:
        found = starts.search(text, p, end)
        if found is None:
            return False
        p = found.start()
        follow = seconds.get(text[p])
        if follow is not None and (p + 1 >= high or text[p + 1] not in follow):
            p += 1  # no look-alike starts with these two characters (most tries: 7500万, 的发展)
            continue
        ch = text[p]
        if p == run_failed + 1 and ch in after_run and text[p - 1] in after_run:
            # a digit after a digit where every look-alike failed: those opening with a run of
            # digits fail here too (``_after_run``); only the others are tried
            pattern = after_run[ch]
            m = None if pattern is None else pattern.match(text, p, high)
        else:
            m = at[ch].match(text, p, high)
        if m is None:
            run_failed = p
            p += 1
        elif start < m.end():
            return True
        else:
            p = m.end()
    return False


@cache
def _after_run() -> dict[str, re.Pattern[str] | None]:
    """For each ASCII digit, the look-alikes of its first-character group (``lookalikes_at``) that
    do not open with an unbounded run of a class holding every ASCII digit (``opening_run``:
    ``[0-9]+周年``, ``[0-9一二三四五六七八九十]+(号|幢|单元)``), in their order; None if all do.

    Where the whole group failed at a digit, those that open with such a run fail at the digit after
    it too (they would have matched one character earlier), so the veto tries only these there:
    the digit-led look-alikes are entered once per number instead of once per digit.
    """
    digits = frozenset("0123456789")
    led_by_digit = [a for a in load_toml("not_figures.toml")["patterns"] if starting_chars(a) & _DECIMAL_DIGITS]
    others = [a for a in led_by_digit if not digits <= (opening_run(a) or frozenset())]
    pattern = re.compile("|".join(f"(?:{possessive_opening(a)})" for a in others)) if others else None
    return dict.fromkeys(digits, pattern)


class _Quotations:
    """The short quotations and titles of a text (inside their marks), asked in the order of the
    text whether they overlap a number: one pass over them for the whole scan."""

    # A quotation is looked at only if it starts at most this far before the number (``max_title``
    # is 60: a quotation that overlaps the number starts within it)
    REACH = 64

    def __init__(self, text: str, pattern: re.Pattern[str]) -> None:
        self.spans = [(m.start() + 1, m.end() - 1) for m in finditer_from_chars(pattern, text)]
        self.first = 0  # the first span that may overlap a later number

    def overlap(self, start: int, end: int) -> bool:
        """Whether a quotation starting at most REACH before ``start`` overlaps [start, end); asked
        with ``start`` never decreasing."""
        spans, i = self.spans, self.first
        while i < len(spans) and spans[i][0] < start - self.REACH:
            i += 1
        self.first = i
        while i < len(spans) and spans[i][0] < end:
            if start < spans[i][1]:
                return True
            i += 1
        return False
