"""Quantities: every figure of a normalized text as number + unit + qualifier.

Units, qualifiers and look-alikes are data (``units.toml``, ``qualifiers.toml``,
``not_figures.toml``); one regex is built from them once (nlp/figures/figure_grammar.py).
A candidate is kept when it carries a unit (or a 万/亿 magnitude) and is not a date, time,
ordinal, name, slogan, address, phone number or age limit (nlp/figures/lookalike_rules.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from nlp.figures.durations import is_marked_duration
from nlp.figures.figure_grammar import HALF_VALUE, REPEATED_JOINER, Grammar, Unit, grammar
from nlp.figures.figure_pattern import INCLUDED, SUBUNITS
from nlp.figures.lookalike_rules import is_rate_number, numeral_classes, rejection
from nlp.figures.numerals import Number, parse_number, vocab
from nlp.figures.scan import matches_from
from nlp.figures.zeros import not_one_statements, zero_statements
from nlp.records import Qualifier, Quantity


def _has_prefix(m: re.Match[str]) -> bool:
    """Whether the word before the number qualifies it (数 only before 十/百/千/万: 数十次, not 户数376户)."""
    pre = m.group("pre")
    if not pre:
        return False
    return pre not in APPROX_BEFORE_MAGNITUDE_ONLY or m.group("num")[:1] in vocab().small


HALF_TEXT = "半"  # 半年来: a half, value 0.5 (figure_pattern.HALF says where)

# Prefixes that qualify a number only when a magnitude word follows them.
APPROX_BEFORE_MAGNITUDE_ONLY = frozenset({"数", "几"})


@cache
def _approx_in_unit() -> re.Pattern[str]:
    """An approximation mark written inside a unit (1平方多公里)."""
    return re.compile("[" + re.escape("".join(sorted(vocab().approx))) + "]")


def _qualifier(m: re.Match[str], number_q: Qualifier, g: Grammar) -> Qualifier:
    pre, inner, inner2, post, unit_text = m.group("pre", "inner", "inner2", "post", "unit")
    if not (pre or inner or inner2 or post or unit_text and _approx_in_unit().search(unit_text)):
        if number_q in g.precedence:
            return number_q  # no word qualifies it: the number's own qualifier (most figures)
    found = {number_q}
    for slot, group in (("before", "pre"), ("inside", "inner"), ("inside", "inner2"), ("after", "post")):
        if group == "pre" and not _has_prefix(m):
            continue
        word = m.group(group)
        if word:
            found.add(g.qualifiers[slot][word])
    unit_text = m.group("unit") or ""
    if any(c in unit_text for c in vocab().approx):
        found.add(Qualifier.APPROX)
    return next(q for q in g.precedence if q in found)


def _range_as_number(m: re.Match[str], g: Grammar, unit: Unit | None) -> str | None:
    """The range of a match without what is written between its ends (1万元--5万 → 1万-5万).

    None when the left end names another unit than the right (3人-5户 is no range).
    """
    num, start = m.group("num"), m.start("num")
    if m.group("lunit"):
        if unit is None or g.units[m.group("lunit")] != unit:
            return None
        ls, le = m.span("lunit")
        num = num[: ls - start] + num[le - start :]
    num = INCLUDED.sub("", num)
    return REPEATED_JOINER.sub(r"\1", num)


def _cents(m: re.Match[str]) -> Decimal:
    """The 角/毛/分 written after 元/块, in 元 (六角七分 → 0.67)."""
    v, total = vocab(), Decimal(0)
    cents = m.group("cents") or ""
    for i, ch in enumerate(cents):
        if ch in SUBUNITS["tenth"]:
            total += Decimal(v.chinese[cents[i - 1]]) / 10
        elif ch in SUBUNITS["hundredth"] or (i == len(cents) - 1 and ch in v.chinese and i >= 2):
            total += Decimal(v.chinese[cents[i - 1] if ch in SUBUNITS["hundredth"] else ch]) / 100
    return total


def _approx_high(m: re.Match[str], low: Decimal) -> Decimal | None:
    """The upper bound a 几/数 implies, before the unit's magnitude: 几十 → below 100, 十几 → below 20."""
    v = vocab()
    if _has_prefix(m) and m.group("pre") in APPROX_BEFORE_MAGNITUDE_ONLY:
        return low * 10
    inner = [m.group(g) for g in ("inner", "inner2")]
    if "几" not in inner and "几" not in m.group("num"):
        return None
    place = next((v.small[c] for c in reversed(m.group("num")) if c in v.small), None)
    if place is None:
        return None
    scale = Decimal(1)
    for c in (m.group("mag") or "") if m.group("inner") == "几" else "":
        scale *= v.big[c]
    return low + Decimal(place) * scale


@dataclass(frozen=True)
class Candidate:
    """A number the figure pattern found, read as a quantity, with the look-alike rule that
    rejects it (None: a figure by the rules)."""

    quantity: Quantity
    rule: str | None


def _candidate(text: str, m: re.Match[str], g: Grammar, rejected: bool = True) -> tuple[Quantity, str | None] | None:
    """The quantity of match ``m`` and the look-alike rule that rejects it (a ``Candidate``'s fields);
    None for a bare number, and for one a look-alike rule rejects unless ``rejected``
    (find_quantities wants none of those: it skips reading their numbers)."""
    v = vocab()
    num, mag, unit_text = m.group("num", "mag", "unit")
    if not unit_text and not mag and num[-1] not in v.big and not is_rate_number(num):
        return None  # a bare number: no unit, no 万/亿, no rate (about half of what the pattern finds)
    mag, unit_text = mag or "", unit_text or ""
    unit = g.units.get(unit_text) if unit_text else None
    if m.group("cents") and unit is not None and unit.kind != "money":
        unit = g.units["元"]  # 十块三毛: 块 counts money here
    written = num
    if m.group("lunit") or INCLUDED.search(num) or REPEATED_JOINER.search(num):
        num = _range_as_number(m, g, unit)  # type: ignore[assignment]
        if num is None:
            return None
    is_rate_word = is_rate_number(num)
    stripped = num.rstrip(numeral_classes().big)
    shown = written
    if stripped and stripped != num and m.group("inner") is None:  # 1.8万人: 万 belongs to the unit
        mag, num_text = num[len(stripped):] + mag, stripped
        shown = written[: len(written) - (len(num) - len(stripped))]
    else:
        num_text = num
    if unit is None and not mag and not is_rate_word:
        return None
    rule = rejection(text, m, g, unit)
    if rule is not None and not rejected:
        return None
    inner = m.group("inner") or ""
    if num_text == HALF_TEXT:
        number = Number(HALF_TEXT, HALF_VALUE, None, None, Qualifier.EXACT)
    else:
        number = parse_number(num_text + (inner if inner in v.approx else "") + mag)
    if number is None:
        return None
    qualifier = _qualifier(m, number.qualifier, g)
    if number.qualifier is Qualifier.MASKED:
        value = low = high = None
    elif number.qualifier is Qualifier.RANGE:
        value, low, high = None, number.low, number.high
    else:
        value = number.value
        if value is not None and m.group("cents"):
            value += _cents(m)
        low = value if qualifier in (Qualifier.APPROX, Qualifier.AT_LEAST) else None
        high = value if qualifier is Qualifier.AT_MOST else None
        if qualifier is Qualifier.APPROX and value is not None:
            high = _approx_high(m, value)
    if unit is not None and unit.magnitude != 1:
        value, low, high = (x * unit.magnitude if x is not None else None for x in (value, low, high))
    if is_rate_word:
        name = "‰" if any(num.startswith(p) for p in v.permille) else "%"
    else:
        name = unit.name if unit else ""
    if value is not None and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    start = m.start("pre") if _has_prefix(m) else m.start("num")
    quantity = _new(Quantity)  # Quantity(...) without __init__'s nine object.__setattr__ calls
    quantity.__dict__.update(
        norm_start=start,
        norm_end=m.end(),
        number_text=shown,
        value=value,
        low=low,
        high=high,
        unit=name,
        qualifier=qualifier,
        unit_text=mag + unit_text,
    )
    return quantity, rule


# ``Quantity`` is a plain frozen dataclass (no slots, no ``__post_init__``): an instance whose
# ``__dict__`` holds its fields in order is the object its constructor makes (equal, equally
# hashed; tests/test_figure_shortcuts.py holds every figure of a generated text to the constructor).
_new = object.__new__


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
    """``find_candidates`` as (quantity, rule) pairs."""
    g = grammar()
    quoted = [(s + 1, e - 1) for s, e in _spans(g.quoted, text)]
    out = []
    for m in matches_from(g.pattern, g.starts, text):
        if not m.group("num"):
            continue
        found = _candidate(text, m, g, rejected)
        if found is None:
            continue
        if found[1] is None:
            ns, ne = m.span("num")
            if quoted and _overlaps(_near(quoted, ns, ne), ns, ne):
                found = (found[0], "quoted")
            elif _vetoed(g, text, ns, ne) and not is_marked_duration(text, found[0]):
                found = (found[0], "pattern")  # (a duration marked as a span stands: 过去一年，…)
        out.append(found)
    return out


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
    p = low
    while p < end:
        found = starts.search(text, p, end)
        if found is None:
            return False
        p = found.start()
        follow = seconds.get(text[p])
        if follow is not None and (p + 1 >= high or text[p + 1] not in follow):
            p += 1  # no look-alike starts with these two characters (most tries: 7500万, 的发展)
            continue
        m = at[text[p]].match(text, p, high)
        if m is None:
            p += 1
        elif start < m.end():
            return True
        else:
            p = m.end()
    return False


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _near(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans that may overlap [start, end) (spans sorted by start, each short)."""
    i = bisect.bisect_left(spans, (start - 64, 0))
    j = bisect.bisect_right(spans, (end, 10**12))
    return spans[i:j]
