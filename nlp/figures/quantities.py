"""Quantities: every figure of a normalized text as number + unit + qualifier.

Units, qualifiers and look-alikes are data (``units.toml``, ``qualifiers.toml``,
``not_figures.toml``); one regex is built from them once. A candidate is kept when
it carries a unit (or a 万/亿 magnitude) and is not a date, time, ordinal, name,
slogan, address, phone number or age limit.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from nlp.figures.numerals import parse_number, vocab
from nlp.records import Qualifier, Quantity
from nlp.resources import load_toml


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    magnitude: Decimal
    not_before: tuple[str, ...]


@dataclass(frozen=True)
class Grammar:
    pattern: re.Pattern[str]
    units: dict[str, Unit]  # variant as written → unit
    qualifiers: dict[str, dict[str, Qualifier]]  # slot (before/inside/after) → word → qualifier
    precedence: tuple[Qualifier, ...]
    lookalikes: re.Pattern[str]
    quoted: re.Pattern[str]
    word_prefixes: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    id_context: tuple[str, ...]
    article_one: frozenset[str]
    article_units: frozenset[str]
    article_keep_before: tuple[str, ...]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def grammar() -> Grammar:
    """The figure grammar, built once from the resource files."""
    v = vocab()
    units: dict[str, Unit] = {}
    for entry in load_toml("units.toml")["unit"]:
        unit = Unit(entry["name"], entry["kind"], Decimal(str(entry.get("magnitude", 1))),
                    tuple(entry.get("not_before", ())))
        for variant in entry["variants"]:
            units.setdefault(variant, unit)
            if variant.startswith("平方") and len(variant) > 2:  # 1平方多公里
                for infix in v.approx:
                    units.setdefault("平方" + infix + variant[2:], unit)
    qdata = load_toml("qualifiers.toml")
    quals: dict[str, dict[str, Qualifier]] = {"before": {}, "inside": {}, "after": {}}
    for name in ("approx", "at_least", "at_most"):
        for slot, words in qdata[name].items():
            for w in words:
                quals[slot].setdefault(w, Qualifier(name))
    nf = load_toml("not_figures.toml")
    # no nested quantifiers: each repetition starts with a character the class cannot match
    digits = re.escape("".join(v.chinese))
    units_ = re.escape("".join(list(v.small) + list(v.big)))
    body = rf"(?:\d|[{units_}]|[{digits}](?!\d))"  # 队伍3支: 伍 is not 5 before an Arabic digit
    core = rf"{body}+(?:(?:\.\d|,\d{{3}}(?!\d)){body}*)*"
    mask = "[" + re.escape("".join(m for m in v.masks if m != "某")) + "]+(?:\\.[" + re.escape(
        "".join(m for m in v.masks if m != "某")) + "]+)?"
    joiners = _alt(list(v.joiners))
    rate = "|".join(rf"{re.escape(p)}{core}" for p in v.percent + v.permille)
    frac = "|".join(rf"{core}{re.escape(i)}{core}" for i in v.fraction)
    big = re.escape("".join(v.big))
    inside = _alt(list(quals["inside"]))
    pattern = re.compile(
        rf"(?P<pre>{_alt(list(quals['before']))})?"
        rf"(?P<num>{rate}|{frac}|{mask}|{core}(?:(?:{joiners}){core})?)"
        rf"(?P<inner>{inside})?(?P<mag>[{big}]+)?(?P<inner2>{inside})?"
        rf"(?:(?P<gap>[ \u3000\xa0]{{1,2}})(?=(?:{_alt(list(units))})))?"  # spaced out: 总人口 1234 人
        rf"(?P<unit>{_alt(list(units))})?"
        rf"(?P<post>{_alt(list(quals['after']))})?"
    )
    quoted = "|".join(rf"{re.escape(a)}[^{re.escape(b)}\n]{{1,{int(nf['max_quoted'])}}}{re.escape(b)}"
                      for a, b in nf["quote_marks"])
    return Grammar(
        pattern=pattern,
        units=units,
        qualifiers=quals,
        precedence=tuple(Qualifier(q) for q in qdata["precedence"]),
        lookalikes=re.compile("|".join(f"(?:{p})" for p in nf["patterns"])),
        quoted=re.compile(quoted),
        word_prefixes=tuple(nf["word_prefixes"]),
        ordinal_prefixes=tuple(nf["ordinal_prefixes"]),
        id_context=tuple(nf["id_context"]),
        article_one=frozenset(nf["article_one"]),
        article_units=frozenset(nf["article_units"]),
        article_keep_before=tuple(nf["article_keep_before"]),
    )


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _is_positional(num: str) -> bool:
    """Two or more Chinese digits without 十百千万亿 (二〇二一, 七一): a name or a year."""
    v = vocab()
    return len(num) >= 2 and all(c in v.chinese for c in num)


SPACES = " \u3000\xa0"
DURATION_MARKERS = ("连续", "坚持", "历时", "持续", "长达", "累计", "用时", "耗时")
BOUND_WORDS = frozenset({"以上", "以下", "及以上", "及以下"})
THRESHOLD_FOLLOWERS = ("的", "规模")


def _rejected(text: str, m: re.Match[str], g: Grammar, unit: Unit | None) -> bool:
    v = vocab()
    num = m.group("num")
    ns, ne = m.span("num")
    before = text[max(0, ns - 12):ns].rstrip(SPACES)  # 第 3 次 is an ordinal as much as 第3次
    prev = text[ns - 1] if ns else ""
    if m.group("gap") and (not prev or prev not in SPACES or not num[0].isdigit()):
        return True  # a space before the unit only when the figure is spaced out on both sides
    if m.group("pre") is None:
        if prev and (prev.isascii() and (prev.isalnum() or prev in "./+-_#")):
            return True
        if num[0] in v.chinese or num[0] in v.small or num[0] in v.big:
            if before.endswith(g.word_prefixes):
                return True
    if before.endswith(g.ordinal_prefixes):
        return True
    if prev in ":：" and ns >= 2 and text[ns - 2].isdigit():
        return True
    if text[ne:ne + 1] in (":", "：") and text[ne + 1:ne + 2].isdigit():
        return True
    digits = re.sub(r"\D", "", num)
    if len(digits) >= 5 and "," not in num and any(w in before for w in g.id_context):
        return True
    if len(digits) >= 11 or (len(digits) >= 7 and "," not in num and "." not in num
                             and (unit is None or unit.kind != "money")):
        return True
    if m.group("post") in BOUND_WORDS and unit is not None and unit.kind != "rate":
        if text[m.end():m.end() + 2].startswith(THRESHOLD_FOLLOWERS):
            return True  # 200头以上规模的养殖大户, 年收入10万以上的: a bound that defines a group
    if unit is not None:
        rest = text[m.end("unit"):m.end("unit") + 4]
        durable = unit.kind == "duration" and before.endswith(DURATION_MARKERS)  # 连续7年开展
        if m.group("post") is None and unit.not_before and rest.startswith(unit.not_before) and not durable:
            return True
        if unit.name == "年":
            if num[0] in v.masks or len(digits) >= 3 or _is_positional(num):
                return True
    if m.group("pre") is None and all(c in v.small or c in v.big for c in num) and v.small.get(num) != 10:
        return True  # bare 万家, 百家: a word, not a count (十人 and 近千人 stay)
    if num in g.article_one and m.group("unit") in g.article_units and m.group("post") is None:
        after = text[m.end():m.end() + 1]
        if after and after not in "。，,；;、！!）)\n" and not before.endswith(g.article_keep_before):
            return True
    if _is_positional(num) and parse_number(num).qualifier is not Qualifier.RANGE:  # type: ignore[union-attr]
        return True
    return False


def _has_prefix(m: re.Match[str]) -> bool:
    """Whether the word before the number qualifies it (数 only before 十/百/千/万: 数十次, not 户数376户)."""
    pre = m.group("pre")
    if not pre:
        return False
    return pre not in APPROX_BEFORE_MAGNITUDE_ONLY or m.group("num")[:1] in vocab().small


# Prefixes that qualify a number only when a magnitude word follows them.
APPROX_BEFORE_MAGNITUDE_ONLY = frozenset({"数", "几"})


def _qualifier(m: re.Match[str], number_q: Qualifier, g: Grammar) -> Qualifier:
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


def _candidate(text: str, m: re.Match[str], g: Grammar) -> Quantity | None:
    v = vocab()
    num, mag, unit_text = m.group("num"), m.group("mag") or "", m.group("unit") or ""
    unit = g.units.get(unit_text) if unit_text else None
    is_rate_word = any(num.startswith(p) for p in v.percent + v.permille) or any(i in num for i in v.fraction)
    stripped = num.rstrip("".join(v.big))
    if stripped and stripped != num and m.group("inner") is None:  # 1.8万人: 万 belongs to the unit
        mag, num_text = num[len(stripped):] + mag, stripped
    else:
        num_text = num
    if unit is None and not mag and not is_rate_word:
        return None
    if _rejected(text, m, g, unit):
        return None
    inner = m.group("inner") or ""
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
        low = value if qualifier in (Qualifier.APPROX, Qualifier.AT_LEAST) else None
        high = value if qualifier is Qualifier.AT_MOST else None
    if unit is not None and unit.magnitude != 1:
        value, low, high = (x * unit.magnitude if x is not None else None for x in (value, low, high))
    if is_rate_word:
        name = "‰" if any(num.startswith(p) for p in v.permille) else "%"
    else:
        name = unit.name if unit else ""
    if value is not None and value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    start = m.start("pre") if _has_prefix(m) else m.start("num")
    return Quantity(
        norm_start=start,
        norm_end=m.end(),
        number_text=num_text,
        value=value,
        low=low,
        high=high,
        unit=name,
        qualifier=qualifier,
        unit_text=mag + unit_text,
    )


def find_quantities(text: str) -> tuple[Quantity, ...]:
    """Every figure of a normalized text, in order.

    >>> [(q.number_text, str(q.value), q.unit, q.qualifier.value) for q in find_quantities("投资7.5万元，修缮20余场次")]
    [('7.5', '75000', '元', 'exact'), ('20', '20', '场次', 'approx')]
    >>> find_quantities("2021年3月5日第三批“三个代表”")
    ()
    """
    g = grammar()
    quoted = [(s + 1, e - 1) for s, e in _spans(g.quoted, text)]
    out = []
    for m in g.pattern.finditer(text):
        if not m.group("num"):
            continue
        q = _candidate(text, m, g)
        if q is None:
            continue
        ns, ne = m.span("num")
        if quoted and _overlaps(_near(quoted, ns, ne), ns, ne):
            continue
        if _vetoed(g.lookalikes, text, ns, ne):
            continue
        out.append(q)
    return tuple(out)


_WINDOW = 12


def _vetoed(lookalikes: re.Pattern[str], text: str, start: int, end: int) -> bool:
    """Whether a look-alike overlaps [start, end); searched in a window around it only (speed)."""
    for m in lookalikes.finditer(text, max(0, start - _WINDOW), min(len(text), end + _WINDOW)):
        if m.start() < end and start < m.end():
            return True
        if m.start() >= end:
            break
    return False


def _near(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans that may overlap [start, end) (spans sorted by start, each short)."""
    i = bisect.bisect_left(spans, (start - 64, 0))
    j = bisect.bisect_right(spans, (end, 10**12))
    return spans[i:j]
