"""Interval arithmetic on facts, and the context the figure rules read around a fact.

A printed figure stands for every value it could honestly be: 20余 is anything in [20, 30),
约1.2万 is about [11500, 12500], 95% is [94.5, 95.5]. A sum or a rate is wrong only when NO
reading of the stated figures makes it right (the lesson of XBRL Calculations 1.1), so every
check compares intervals, never bare numbers. Intervals here are closed: the open ends of
[20, 30) only make the checks a hair more lenient.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.records import Fact, Qualifier
from nlp.resources import load_toml

INF = math.inf
_EPS = 1e-9

_NEAR = ("将近", "接近", "近")
_MORE = ("余", "多", "几")
_PERSONS = frozenset({"人", "名", "口人", "位", "个人"})
_HOUSEHOLDS = frozenset({"户", "家庭"})


@dataclass(frozen=True)
class Interval:
    """A closed interval of possible values.

    >>> Interval(1, 2) + Interval(10, 20)
    Interval(low=11, high=22)
    >>> Interval(10, 20).overlaps(Interval(20, 30)), Interval(10, 20).overlaps(Interval(21, 30))
    (True, False)
    """

    low: float
    high: float

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def overlaps(self, other: Interval) -> bool:
        tol = _EPS * max(1.0, abs(self.high), abs(other.high))
        return self.low <= other.high + tol and other.low <= self.high + tol

    def contains(self, value: float) -> bool:
        return self.low - _EPS <= value <= self.high + _EPS

    @property
    def exact(self) -> bool:
        return self.low == self.high


def last_digit_step(number_text: str, value: float) -> float:
    """The place value of the last printed digit: the rounding unit of the figure.

    >>> last_digit_step("95", 95), last_digit_step("95.0", 95), last_digit_step("1.2", 12000)
    (1.0, 0.1, 1000.0)
    >>> last_digit_step("300", 300), last_digit_step("十五", 15), last_digit_step("三千", 3000)
    (100.0, 1.0, 1000.0)
    >>> last_digit_step("-0.3", -0.3)
    0.1
    """
    digits = number_text.strip().replace(",", "").replace("，", "").lstrip("-\u2212－")  # (a minus: -0.3%)
    if re.fullmatch(r"\d+(\.\d+)?", digits) and float(digits) != 0:
        scale = abs(value) / float(digits) if value else 1.0
        if "." in digits:
            step = 10.0 ** -len(digits.split(".")[1])
        else:
            stripped = digits.rstrip("0")
            step = 10.0 ** (len(digits) - len(stripped))
        return step * scale
    if value and float(value).is_integer():
        v, step = int(abs(value)), 1.0
        while v and v % 10 == 0:
            v //= 10
            step *= 10
        return step
    return 1.0


def _marker(fact: Fact) -> str:
    text = fact.text
    if any(w in text for w in _NEAR):
        return "near"
    if any(w in text.replace(fact.number_text, "", 1) for w in _MORE):
        return "more"
    return "about"


# The qualifiers, read once: an enum member read from its class costs about three globals' reads in
# Python 3.11, and every figure's interval asks for up to five.
_MASKED, _RANGE, _EXACT = Qualifier.MASKED, Qualifier.RANGE, Qualifier.EXACT
_AT_LEAST, _AT_MOST = Qualifier.AT_LEAST, Qualifier.AT_MOST


def fact_interval(fact: Fact) -> Interval | None:
    """Every value a count or amount could stand for; None when it cannot be known.

    Exact figures written with 万/亿 carry half their last printed digit (1.2万 → [11500, 12500]).
    """
    q = fact.qualifier
    if q == _MASKED:
        return None
    if q == _RANGE:
        if fact.low is None or fact.high is None:
            return None
        return Interval(fact.low, fact.high)
    v = fact.value
    if v is None:
        return None
    step = last_digit_step(fact.number_text, v)
    if q == _EXACT:
        if any(m in fact.text for m in ("万", "亿")) and step > 1:
            return Interval(v - step / 2, v + step / 2)
        return Interval(v, v)
    if q == _AT_LEAST:
        return Interval(v, INF)
    if q == _AT_MOST:
        return Interval(0.0, v)
    kind = _marker(fact)
    if kind == "more":
        return Interval(v, v + step)
    if kind == "near":
        return Interval(v * 0.9, v)
    spread = max(abs(v) * 0.05, step / 2)
    return Interval(v - spread, v + spread)


def rate_interval(fact: Fact) -> Interval | None:
    """Every value a printed percentage could stand for, from its printed precision.

    95% → [94.5, 95.5]; 95.0% → [94.95, 95.05]; 95%以上 → [95, inf).
    """
    v = fact.value
    if fact.qualifier in (_MASKED, _RANGE) or v is None:
        return fact_interval(fact)
    half = last_digit_step(fact.number_text, v) / 2
    if re.fullmatch(r"\d+", fact.number_text.strip()):
        half = 0.5 if v != 0 else 0.0
    if fact.qualifier == _EXACT:
        return Interval(v - half, v + half)
    if fact.qualifier == _AT_LEAST:
        return Interval(v - half, INF)
    if fact.qualifier == _AT_MOST:
        return Interval(0.0, v + half)
    kind = _marker(fact)
    if kind == "more":
        return Interval(v, v + 2 * half * 10)
    if kind == "near":
        return Interval(v * 0.9, v + half)
    return Interval(v - max(2 * half, v * 0.05), v + max(2 * half, v * 0.05))


def unit_family(unit: str) -> str:
    """Units that count the same things: 人/名/位 are persons, 户/家庭 households (家 counts shops and units).

    >>> unit_family("名"), unit_family("人次"), unit_family("户")
    ('persons', '人次', 'households')
    """
    if unit in _PERSONS:
        return "persons"
    if unit in _HOUSEHOLDS:
        return "households"
    return unit


def fmt(value: float) -> str:
    """A figure for a message, without a useless .0.

    >>> fmt(3200.0), fmt(94.5), fmt(math.inf)
    ('3200', '94.5', '∞')
    """
    if math.isinf(value):
        return "∞"
    return str(int(value)) if float(value).is_integer() else f"{value:.4g}"


def fmt_interval(iv: Interval) -> str:
    return fmt(iv.low) if iv.exact else f"[{fmt(iv.low)}, {fmt(iv.high)}]"


@cache
def vocab() -> dict:
    """partitions.toml: partitions, markers and rate words."""
    return load_toml("partitions.toml")


def has_any(text: str, words: Sequence[str]) -> bool:
    """Whether any of ``words`` occurs in ``text``: ``any(w in text for w in words)``, as one search
    of a pattern compiled once per word list (the rules ask it about ten times a figure, of lists of
    up to fifty words).

    >>> has_any("其中女党员", ["共有", "其中"]), has_any("党员", ["共有"]), has_any("党员", [])
    (True, False, False)
    """
    found = _BY_LIST.get(id(words))
    if found is None or found[0] is not words or (found[1] is not None and found[1] != words):
        found = _remember(words)
    return found[2].search(text) is not None


# The pattern of each word list asked about, by the list's identity: most lists are the vocabulary's,
# asked of every figure, and an identity look-up spares the tuple ``_any_of`` is keyed by (a copy of
# the list and its hash, every call). An entry holds the list (so its id is not reused while kept)
# and, for a list, a copy of its words compared on every use: a list changed since is read again.
_BY_LIST: dict[int, tuple[Sequence[str], list[str] | None, re.Pattern[str]]] = {}
_BY_LIST_LIMIT = 512  # lists made for one call (a + b) are kept too: the table starts again when full


def _remember(words: Sequence[str]) -> tuple[Sequence[str], list[str] | None, re.Pattern[str]]:
    if len(_BY_LIST) >= _BY_LIST_LIMIT:
        _BY_LIST.clear()
    snapshot = list(words) if isinstance(words, list) else None  # (a tuple cannot change)
    found = _BY_LIST[id(words)] = (words, snapshot, _any_of(tuple(words)))
    return found


@lru_cache(maxsize=1024)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words))) if words else _NEVER


_NEVER = re.compile(r"(?!)")
