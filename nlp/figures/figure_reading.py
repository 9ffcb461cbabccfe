"""What a match of the figure pattern says, read from its groups alone: the unit, the number as
written, its value, bounds and qualifier (used by nlp/figures/quantities.py).

A reading depends only on the twelve groups of the match (``FigureGroups``) and, for a range with a
unit on its left end (1万元--5万元), where that unit stands in the number; never on the text around
the match (that is for the look-alike rules). The same figure texts recur all through a report and a
batch (3次, 2户, 10余人, 1.2万元): each reading is made once and kept in a bounded cache, so a figure
seen before costs a dictionary look-up instead of its parsing, its ``Decimal`` arithmetic and a dozen
group reads. The values are immutable (``Decimal``, ``Unit``, ``Qualifier``), so sharing them between
records changes nothing.

The reading comes in two steps because the look-alike rules run between them: the unit first (a
rule reads it), the number only for a candidate no rule rejected (most rejected ones are never read).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache, lru_cache
from typing import NamedTuple

from nlp.figures.figure_grammar import HALF_VALUE, REPEATED_JOINER, FigureGroups, Unit, grammar
from nlp.figures.figure_pattern import INCLUDED, SUBUNITS
from nlp.figures.lookalike_rules import is_rate_number, numeral_classes
from nlp.figures.numerals import Number, parse_number, vocab
from nlp.records import Qualifier

HALF_TEXT = "半"  # 半年来: a half, value 0.5 (figure_pattern.HALF says where)

# Prefixes that qualify a number only when a magnitude word follows them.
APPROX_BEFORE_MAGNITUDE_ONLY = frozenset({"数", "几"})

# Distinct figures kept (each a few hundred bytes): more than a long report has, so a batch keeps
# the ones that recur.
READINGS_KEPT = 16384


class UnitReading(NamedTuple):
    """The unit of a candidate and its number as the value will be read."""

    unit: Unit | None
    num: str  # the number, a range without what is written between its ends (1万-5万)
    num_text: str  # what parse_number reads, a trailing 万/亿 moved to the magnitude (1.8 of 1.8万人)
    mag: str  # the magnitude written after the number (万, 亿), with one moved from it
    shown: str  # the number as the record shows it
    is_rate_word: bool  # 百分之九十, 三分之一: a rate in its own unit


class NumberReading(NamedTuple):
    """The fields of a figure's ``Quantity`` its match decides, and where the figure starts."""

    starts_at_prefix: bool  # the figure starts with the qualifier word before the number (约3人)
    number_text: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str
    qualifier: Qualifier
    unit_text: str


def is_bare(num: str, mag: str | None, unit_text: str | None) -> bool:
    """Whether a match is a bare number: no unit, no 万/亿, no rate (about half the pattern finds)."""
    return not unit_text and not mag and num[-1] not in vocab().big and not is_rate_number(num)


@lru_cache(maxsize=READINGS_KEPT)
def unit_reading(groups: tuple[str | None, ...], lunit_at: int | None) -> UnitReading | None:
    """The unit reading of a match with ``groups`` (``m.groups()``) whose left-end unit, if any,
    starts ``lunit_at`` characters into the number; None when it is no candidate (a bare number,
    a range whose ends name two units)."""
    g, m = grammar(), FigureGroups._make(groups)
    num = m.num
    if num is None or is_bare(num, m.mag, m.unit):
        return None
    mag, unit_text = m.mag or "", m.unit or ""
    unit = g.units.get(unit_text) if unit_text else None
    if m.cents and unit is not None and unit.kind != "money":
        unit = g.units["元"]  # 十块三毛: 块 counts money here
    written = num
    if m.lunit or INCLUDED.search(num) or REPEATED_JOINER.search(num):
        ranged = _range_as_number(m, lunit_at, unit)
        if ranged is None:
            return None
        num = ranged
    is_rate_word = is_rate_number(num)
    stripped = num.rstrip(numeral_classes().big)
    shown = written
    if stripped and stripped != num and m.inner is None:  # 1.8万人: 万 belongs to the unit
        mag, num_text = num[len(stripped):] + mag, stripped
        shown = written[: len(written) - (len(num) - len(stripped))]
    else:
        num_text = num
    if unit is None and not mag and not is_rate_word:
        return None
    return UnitReading(unit, num, num_text, mag, shown, is_rate_word)


@lru_cache(maxsize=READINGS_KEPT)
def number_reading(groups: tuple[str | None, ...], lunit_at: int | None) -> NumberReading | None:
    """The number of a candidate (``unit_reading`` not None for the same arguments) read with its
    unit and qualifiers; None when the number does not parse."""
    v, m = vocab(), FigureGroups._make(groups)
    read = unit_reading(groups, lunit_at)
    if read is None:
        raise ValueError(f"number_reading of a match that is no candidate: {groups}")
    unit, mag = read.unit, read.mag
    inner = m.inner or ""
    if read.num_text == HALF_TEXT:
        number: Number | None = Number(HALF_TEXT, HALF_VALUE, None, None, Qualifier.EXACT)
    else:
        number = parse_number(read.num_text + (inner if inner in v.approx else "") + mag)
    if number is None:
        return None
    qualifier = _qualifier(m, number.qualifier)
    if number.qualifier is Qualifier.MASKED:
        value = low = high = None
    elif number.qualifier is Qualifier.RANGE:
        value, low, high = None, number.low, number.high
    else:
        value = number.value
        if value is not None and m.cents:
            value += _cents(m.cents)
        low = value if qualifier in (Qualifier.APPROX, Qualifier.AT_LEAST) else None
        high = value if qualifier is Qualifier.AT_MOST else None
        if qualifier is Qualifier.APPROX and value is not None:
            high = _approx_high(m, value)
    if unit is not None and unit.magnitude != 1:
        value, low, high = (x * unit.magnitude if x is not None else None for x in (value, low, high))
    if read.is_rate_word:
        name = "‰" if any(read.num.startswith(p) for p in v.permille) else "%"
    else:
        name = unit.name if unit else ""
    if value is not None and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return NumberReading(_has_prefix(m), read.shown, value, low, high, name, qualifier, mag + (m.unit or ""))


def _has_prefix(m: FigureGroups) -> bool:
    """Whether the word before the number qualifies it (数 only before 十/百/千/万: 数十次, not 户数376户)."""
    if not m.pre:
        return False
    return m.pre not in APPROX_BEFORE_MAGNITUDE_ONLY or m.num[:1] in vocab().small  # type: ignore[index]


@cache
def _approx_chars() -> frozenset[str]:
    """The characters of the approximation marks, which can be written inside a unit (1平方多公里)."""
    return frozenset("".join(vocab().approx))


def _qualifier(m: FigureGroups, number_q: Qualifier) -> Qualifier:
    g = grammar()
    unit_text = m.unit or ""
    marked_unit = not _approx_chars().isdisjoint(unit_text)
    if not (m.pre or m.inner or m.inner2 or m.post or marked_unit) and number_q in g.precedence:
        return number_q  # no word qualifies it: the number's own qualifier (most figures)
    found = {number_q}
    if _has_prefix(m):
        found.add(g.qualifiers["before"][m.pre])  # type: ignore[index]
    for slot, word in (("inside", m.inner), ("inside", m.inner2), ("after", m.post)):
        if word:
            found.add(g.qualifiers[slot][word])
    if any(mark in unit_text for mark in vocab().approx):
        found.add(Qualifier.APPROX)
    return next(q for q in g.precedence if q in found)


def _range_as_number(m: FigureGroups, lunit_at: int | None, unit: Unit | None) -> str | None:
    """The range of a match without what is written between its ends (1万元--5万 → 1万-5万).

    None when the left end names another unit than the right (3人-5户 is no range).
    """
    num = m.num or ""
    if m.lunit:
        if unit is None or grammar().units[m.lunit] != unit or lunit_at is None:
            return None
        num = num[:lunit_at] + num[lunit_at + len(m.lunit):]
    num = INCLUDED.sub("", num)
    return REPEATED_JOINER.sub(r"\1", num)


def _cents(cents: str) -> Decimal:
    """The 角/毛/分 written after 元/块, in 元 (六角七分 → 0.67)."""
    v, total = vocab(), Decimal(0)
    for i, ch in enumerate(cents):
        if ch in SUBUNITS["tenth"]:
            total += Decimal(v.chinese[cents[i - 1]]) / 10
        elif ch in SUBUNITS["hundredth"] or (i == len(cents) - 1 and ch in v.chinese and i >= 2):
            total += Decimal(v.chinese[cents[i - 1] if ch in SUBUNITS["hundredth"] else ch]) / 100
    return total


def _approx_high(m: FigureGroups, low: Decimal) -> Decimal | None:
    """The upper bound a 几/数 implies, before the unit's magnitude: 几十 → below 100, 十几 → below 20."""
    v = vocab()
    if _has_prefix(m) and m.pre in APPROX_BEFORE_MAGNITUDE_ONLY:
        return low * 10
    num = m.num or ""
    if "几" not in (m.inner, m.inner2) and "几" not in num:
        return None
    place = next((v.small[c] for c in reversed(num) if c in v.small), None)
    if place is None:
        return None
    scale = Decimal(1)
    for c in (m.mag or "") if m.inner == "几" else "":
        scale *= v.big[c]
    return low + Decimal(place) * scale
