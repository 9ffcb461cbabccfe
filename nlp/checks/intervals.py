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
from functools import cache

from nlp.records import Fact, Parse, Qualifier
from nlp.resources import load_toml
from nlp.text.document import Text

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
    """
    digits = number_text.strip().replace(",", "").replace("，", "")
    if re.fullmatch(r"\d+(\.\d+)?", digits) and float(digits) != 0:
        scale = value / float(digits) if value else 1.0
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


def fact_interval(fact: Fact) -> Interval | None:
    """Every value a count or amount could stand for; None when it cannot be known.

    Exact figures written with 万/亿 carry half their last printed digit (1.2万 → [11500, 12500]).
    """
    q = fact.qualifier
    if q == Qualifier.MASKED:
        return None
    if q == Qualifier.RANGE:
        if fact.low is None or fact.high is None:
            return None
        return Interval(fact.low, fact.high)
    v = fact.value
    if v is None:
        return None
    step = last_digit_step(fact.number_text, v)
    if q == Qualifier.EXACT:
        if any(m in fact.text for m in ("万", "亿")) and step > 1:
            return Interval(v - step / 2, v + step / 2)
        return Interval(v, v)
    if q == Qualifier.AT_LEAST:
        return Interval(v, INF)
    if q == Qualifier.AT_MOST:
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
    if fact.qualifier in (Qualifier.MASKED, Qualifier.RANGE) or v is None:
        return fact_interval(fact)
    half = last_digit_step(fact.number_text, v) / 2
    if re.fullmatch(r"\d+", fact.number_text.strip()):
        half = 0.5 if v != 0 else 0.0
    if fact.qualifier == Qualifier.EXACT:
        return Interval(v - half, v + half)
    if fact.qualifier == Qualifier.AT_LEAST:
        return Interval(v - half, INF)
    if fact.qualifier == Qualifier.AT_MOST:
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


@dataclass(frozen=True)
class Context:
    """Where a fact sits: its sentence, and the words that name it.

    ``label`` is the clause text between the previous figure (or the clause start) and this
    figure, in normalized text: 其中男1600人、女1500人 gives 其中男 and 、女.
    """

    fact: Fact
    sentence: int
    sent_start: int
    sent_end: int
    label: str
    after: str  # the clause text right after the figure, up to the next figure
    paren: int = -1  # normalized offset of the parenthesis the figure is inside, -1 outside
    aside: bool = False  # inside a parenthesis that restates another period or area


_OPEN, _CLOSE = "（(", "）)"
_PAREN = re.compile(f"[{re.escape(_OPEN + _CLOSE)}]")
_CLAUSE_END = re.compile("[，,：:。；;！？!?\n]")
_YEAR_IN = re.compile(r"(?:19|20)\d\d年")


def paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The (open, close) offsets of the parentheses of ``text[start:end]``, innermost last.

    >>> paren_groups("总人口3200人（上年3100人）。", 0, 18)
    [(8, 16)]
    """
    stack: list[int] = []
    groups: list[tuple[int, int]] = []
    for m in _PAREN.finditer(text, start, end):
        i = m.start()
        if text[i] in _OPEN:
            stack.append(i)
        elif stack:
            groups.append((stack.pop(), i))
    groups += [(o, end) for o in stack]  # an unclosed parenthesis runs to the sentence end
    return sorted(groups)


def is_aside(inner: str) -> bool:
    """A parenthesis that restates another period's or area's figures (上年为…, 2021年…, 全街道…).

    >>> is_aside("上年为3100人"), is_aside("2021年男1500人"), is_aside("其中女党员12名")
    (True, True, False)
    """
    return bool(_YEAR_IN.search(inner)) or has_any(inner, vocab()["markers"]["aside"])


def contexts(parse: Parse) -> tuple[Context, ...]:
    """A ``Context`` for every fact with a normalized span, in text order.

    Every rule asks for the same document's contexts in turn: they are kept on its ``Text``,
    for as long as the facts they were read from are the parse's.
    """
    doc = parse.text
    if doc is None:
        return ()
    kept = doc.derived.get("check_contexts")
    if kept is not None and kept[0] is parse.facts:
        return kept[1]
    found = _contexts(parse, doc)
    doc.derived["check_contexts"] = (parse.facts, found)
    return found


def _contexts(parse: Parse, doc: Text) -> tuple[Context, ...]:
    text = doc.text
    facts = sorted((f for f in parse.facts if f.norm_end > f.norm_start), key=lambda f: f.norm_start)
    out: list[Context] = []
    groups_of: dict[int, list[tuple[int, int]]] = {}
    for i, f in enumerate(facts):
        sent = doc.sentence_at(f.norm_start)
        si = doc.sentence_index(f.norm_start)
        s0, s1 = (sent.norm_start, sent.norm_end) if sent else (0, len(text))
        if si not in groups_of:
            groups_of[si] = paren_groups(text, s0, s1)
        inside = [(o, c) for o, c in groups_of[si] if o < f.norm_start < c]
        paren = max(inside)[0] if inside else -1
        aside = any(is_aside(text[o + 1 : c]) for o, c in inside)
        clause = doc.clause_at(f.norm_start)
        clause_start = clause.norm_start if clause is not None else s0
        prev_end = facts[i - 1].norm_end if i and facts[i - 1].norm_end > clause_start else clause_start
        prev_end = min(prev_end, f.norm_start)
        next_start = facts[i + 1].norm_start if i + 1 < len(facts) else s1
        limit = min(s1, next_start)
        stop = _CLAUSE_END.search(text, f.norm_end, limit) if f.norm_end < limit else None
        clause_end = stop.start() if stop else max(f.norm_end, limit)
        out.append(
            Context(
                fact=f,
                sentence=si,
                sent_start=s0,
                sent_end=s1,
                label=text[prev_end : f.norm_start].strip(" 、，,：:（(）)\t"),
                after=text[f.norm_end : max(f.norm_end, min(next_start, clause_end))],
                paren=paren,
                aside=aside,
            )
        )
    return tuple(out)


def has_any(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)
