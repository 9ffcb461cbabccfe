"""Quantities: every figure of a normalized text as number + unit + qualifier.

Units, qualifiers and look-alikes are data (``units.toml``, ``qualifiers.toml``,
``not_figures.toml``); one regex is built from them once. A candidate is kept when
it carries a unit (or a 万/亿 magnitude) and is not a date, time, ordinal, name,
slogan, address, phone number or age limit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from nlp.figures.numerals import parse_number, vocab
from nlp.figures.scan import char_class, matches_from, starting_chars
from nlp.figures.zeros import zero_statements
from nlp.records import Qualifier, Quantity
from nlp.resources import load_toml

# Money sub-units after 元/块: the tenth (角, 毛) and the hundredth (分) of a 元.
SUBUNITS = {"tenth": "角毛", "hundredth": "分"}
# 50万元（含）以上, 1万(含)-5万元: an inclusive bound
INCLUDED = re.compile(r"[(（]含[)）]")
# 1万元--5万元: a doubled range joiner
REPEATED_JOINER = re.compile(r"([-－—–~～〜])\1+")
# A count unit that is money when 角/毛/分 follow it (十块三毛).
MONEY_COUNT_UNITS = frozenset({"块", "塊"})


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
    starts: re.Pattern[str]  # the characters a figure can start with (nlp/figures/scan.py)
    lookalikes: re.Pattern[str]
    lookalike_starts: re.Pattern[str] | None  # the characters a look-alike can start with, if known
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
    # A numeral character that begins a unit word belongs to the unit (600万千瓦, 5千克, 3千米)
    numeral_led = [u for u in units if len(u) > 1 and u[0] in v.small | v.big | v.chinese]
    not_a_unit = rf"(?!{_alt(numeral_led)})" if numeral_led else ""
    body = rf"(?:\d|{not_a_unit}[{units_}]|{not_a_unit}[{digits}](?!\d))"  # 队伍3支: 伍 is not 5 before an Arabic digit
    points = re.escape("".join(x for x in v.points if x not in ".．"))
    # thousands: 1,200; a full-width comma groups digits only in a number with a fraction
    # (82，225.00元), since elsewhere it separates two figures of a list
    thousands = r",\d{3}(?!\d)|，\d{3}(?=(?:[,，]\d{3})*\.\d)"
    core = rf"{body}+(?:(?:\.\d|{thousands}|[{points}][{digits}]){body}*)*"
    mask = "[" + re.escape("".join(m for m in v.masks if m != "某")) + "]+(?:\\.[" + re.escape(
        "".join(m for m in v.masks if m != "某")) + "]+)?"
    joiners = _alt(list(v.joiners))
    rate = "|".join(rf"{re.escape(p)}{core}" for p in v.percent + v.permille)
    frac = "|".join(rf"{core}{re.escape(i)}{core}" for i in v.fraction)
    big = re.escape("".join(v.big))
    inside = _alt(list(quals["inside"]))
    unit_alt = _alt(list(units))
    post_alt = _alt(list(quals["after"]))
    included = INCLUDED.pattern
    money_units = [u for u, e in units.items() if e.name == "元" or u in MONEY_COUNT_UNITS]
    yuan = re.escape("".join(sorted({u[-1] for u in money_units})))
    # 角/毛 (tenths) and 分 (hundredths) after 元/块: 十块三毛, 一百三十五块六角七分钱
    cents = rf"[{digits}][{SUBUNITS['tenth']}](?:[{digits}]{SUBUNITS['hundredth']}?(?!钟))?|[{digits}]{SUBUNITS['hundredth']}(?!钟)"
    pattern = re.compile(
        rf"(?P<pre>{_alt(list(quals['before']))})?"
        rf"(?P<num>{rate}|{frac}|{mask}|{core}(?:(?P<lunit>{unit_alt})?(?:{included})?(?:{joiners}){{1,2}}{core})?)"
        rf"(?P<inner>{inside})?(?P<mag>[{big}]+)?(?P<inner2>{inside})?"
        rf"(?:(?P<gap>[ \u3000\xa0]{{1,2}})(?=(?:{unit_alt})))?"  # spaced out: 总人口 1234 人
        rf"(?P<unit>{unit_alt})?"
        rf"(?:(?<=[{yuan}])(?P<cents>{cents})(?P<qian>钱)?)?"
        rf"(?:{included}(?={post_alt}))?"
        rf"(?P<post>{post_alt})?"
    )
    quoted = "|".join(rf"{re.escape(a)}[^{re.escape(b)}\n]{{1,{int(nf['max_quoted'])}}}{re.escape(b)}"
                      for a, b in nf["quote_marks"])
    quoted += "".join(rf"|{re.escape(a)}[^{re.escape(b)}\n]{{1,{int(nf['max_title'])}}}{re.escape(b)}"
                      for a, b in nf["title_marks"])
    lookalikes = re.compile("|".join(f"(?:{p})" for p in nf["patterns"]))
    lookalike_starts = starting_chars(lookalikes.pattern)
    # A figure starts with a qualifier before it, a digit (any \d), a Chinese numeral, 十百千万亿, a
    # rate's prefix (百分之) or a mask: the first characters of the alternatives of ``pattern``.
    first_chars = {w[0] for w in quals["before"]} | set(v.chinese) | set(v.small) | set(v.big)
    first_chars |= {p[0] for p in v.percent + v.permille} | set(v.masks) - {"某"}
    return Grammar(
        pattern=pattern,
        starts=char_class(first_chars, digits=True),
        units=units,
        qualifiers=quals,
        precedence=tuple(Qualifier(q) for q in qdata["precedence"]),
        lookalikes=lookalikes,
        lookalike_starts=None if lookalike_starts is None else char_class(lookalike_starts),
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


@lru_cache(maxsize=4096)  # the same few hundred numbers recur (1, 2, 三, 10 …); asked twice a candidate
def _is_rate_word(num: str) -> bool:
    """Whether a number is written as a rate (百分之九十, 千分之三, 三分之一)."""
    prefixes, infixes = _rate_marks()
    return num.startswith(prefixes) or any(i in num for i in infixes)


@cache
def _rate_marks() -> tuple[tuple[str, ...], tuple[str, ...]]:
    v = vocab()
    return v.percent + v.permille, v.fraction


@lru_cache(maxsize=4096)
def _is_positional(num: str) -> bool:
    """Two or more Chinese digits without 十百千万亿 (二〇二一, 七一): a name or a year."""
    return len(num) >= 2 and _numeral_classes().digits_only.fullmatch(num) is not None


@dataclass(frozen=True)
class _NumeralClasses:
    """Character classes of the numeral vocabulary, for tests on every candidate."""

    big: str  # 万亿, to strip from a number's end
    digits_only: re.Pattern[str]  # Chinese digits only (〇一二…)
    magnitudes_only: re.Pattern[str]  # 十百千万亿 only


@cache
def _numeral_classes() -> _NumeralClasses:
    v = vocab()

    def only(chars: Iterable[str]) -> re.Pattern[str]:
        return re.compile("[" + re.escape("".join(sorted(c for c in chars if len(c) == 1))) + "]+")

    return _NumeralClasses("".join(v.big), only(v.chinese), only([*v.small, *v.big]))


SPACES = " \u3000\xa0\t"  # a tab separates the cells of a table pasted as text: 总户数\t1538 户
NOT_A_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=4096)
def _digit_count(num: str) -> int:
    """How many decimal digits ``num`` holds."""
    return len(NOT_A_DIGIT.sub("", num))


@lru_cache(maxsize=4096)
def _bare_magnitude(num: str) -> bool:
    """Whether ``num`` is magnitudes only (十百千万亿) and not a ten (万, 百万; 十 and 十万 are not)."""
    classes = _numeral_classes()
    return classes.magnitudes_only.fullmatch(num) is not None and vocab().small.get(num.rstrip(classes.big)) != 10
DURATION_MARKERS = ("连续", "坚持", "历时", "持续", "长达", "累计", "用时", "耗时")
BOUND_WORDS = frozenset({"以上", "以下", "及以上", "及以下"})
THRESHOLD_FOLLOWERS = ("的", "规模")


def _rejected(text: str, m: re.Match[str], g: Grammar, unit: Unit | None) -> str | None:
    """The name of the look-alike rule that rejects the candidate ``m``, or None when none does."""
    v = vocab()
    num = m.group("num")
    ns, ne = m.span("num")
    before = text[max(0, ns - 12):ns].rstrip(SPACES)  # 第 3 次 is an ordinal as much as 第3次
    prev = text[ns - 1] if ns else ""
    if m.group("gap") and (not prev or prev not in SPACES or not num[0].isdigit()):
        return "spaced_unit"  # a space before the unit only when the figure is spaced out on both sides
    if m.group("pre") is None:
        if prev and (prev.isascii() and (prev.isalnum() or prev in "./+-_#")):
            return "inside_code"
        if num[0] in v.chinese or num[0] in v.small or num[0] in v.big:
            if before.endswith(g.word_prefixes):
                return "word_prefix"
    if before.endswith(g.ordinal_prefixes):
        return "ordinal"
    if prev in ":：" and ns >= 2 and text[ns - 2].isdigit():
        return "clock_or_ratio"
    if text[ne:ne + 1] in (":", "：") and text[ne + 1:ne + 2].isdigit():
        return "clock_or_ratio"
    digits = _digit_count(num)
    if digits >= 5 and "," not in num and any(w in before for w in g.id_context):
        return "id_number"
    if (digits >= 11 and "," not in num) or (digits >= 7 and "," not in num and "." not in num
                             and (unit is None or unit.kind != "money")):
        return "long_digits"
    if m.group("post") in BOUND_WORDS and (unit.kind != "rate" if unit is not None else not _is_rate_word(num)):
        if text[m.end():m.end() + 2].startswith(THRESHOLD_FOLLOWERS):
            # 200头以上规模的养殖大户, 年收入10万元以上的, 10万以上的 (a magnitude alone): a bound that defines a group
            return "threshold"
    if unit is not None:
        rest = text[m.end("unit"):m.end("unit") + 4]
        durable = unit.kind == "duration" and before.endswith(DURATION_MARKERS)  # 连续7年开展
        if m.group("post") is None and unit.not_before and rest.startswith(unit.not_before) and not durable:
            return "unit_not_before"
        if unit.name == "年":
            if num[0] in v.masks or digits >= 3 or _is_positional(num):
                return "year"
    if m.group("pre") is None and _bare_magnitude(num):
        return "bare_magnitude"  # bare 万家, 百家: a word, not a count (十人 and 近千人 stay)
    if num in g.article_one and m.group("unit") in g.article_units and m.group("post") is None:
        after = text[m.end():m.end() + 1]
        if after and after not in "。，,；;、！!）)\n" and not before.endswith(g.article_keep_before):
            return "article_one"
    if _is_positional(num) and parse_number(num).qualifier is not Qualifier.RANGE:  # type: ignore[union-attr]
        # 一七二零人 reads digit by digit; 二〇二一年, 七一 and 一一 (one by one) do not count
        return None if len(num) >= 3 and unit is not None and unit.kind == "count" else "positional"
    return None


def _has_prefix(m: re.Match[str]) -> bool:
    """Whether the word before the number qualifies it (数 only before 十/百/千/万: 数十次, not 户数376户)."""
    pre = m.group("pre")
    if not pre:
        return False
    return pre not in APPROX_BEFORE_MAGNITUDE_ONLY or m.group("num")[:1] in vocab().small


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
    if not unit_text and not mag and num[-1] not in v.big and not _is_rate_word(num):
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
    is_rate_word = _is_rate_word(num)
    stripped = num.rstrip(_numeral_classes().big)
    shown = written
    if stripped and stripped != num and m.group("inner") is None:  # 1.8万人: 万 belongs to the unit
        mag, num_text = num[len(stripped):] + mag, stripped
        shown = written[: len(written) - (len(num) - len(stripped))]
    else:
        num_text = num
    if unit is None and not mag and not is_rate_word:
        return None
    rule = _rejected(text, m, g, unit)
    if rule is not None and not rejected:
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
    zeros = zero_statements(text)
    if not zeros:
        return found
    starts = {q.norm_start for q in found}  # (a 零 the scan read as a numeral keeps that reading)
    return tuple(sorted(found + tuple(z for z in zeros if z.norm_start not in starts), key=lambda q: q.norm_start))


def find_candidates(text: str, rejected: bool = True) -> tuple[Candidate, ...]:
    """Every number of a normalized text that has a unit (or 万/亿, or is a rate), in order, each
    with the look-alike rule that rejects it: a rule of ``_rejected``, ``quoted`` (inside a short
    quotation: a name or slogan) or ``pattern`` (a look-alike of not_figures.toml overlaps it).

    >>> [(c.quantity.number_text, c.rule) for c in find_candidates("第三批“三个代表”,开展活动6次")]
    [('三', 'ordinal'), ('三', 'quoted'), ('6', None)]

    With ``rejected`` False, the candidates a rule of ``_rejected`` rejects are left out.
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
            elif _vetoed(g, text, ns, ne):
                found = (found[0], "pattern")
        out.append(found)
    return out


_WINDOW = 12


def _vetoed(g: Grammar, text: str, start: int, end: int) -> bool:
    """Whether a look-alike overlaps [start, end); searched in a window around it only (speed).

    The pattern is tried only where a look-alike can start (``lookalike_starts``,
    nlp/figures/scan.py): the same leftmost, non-overlapping matches ``finditer`` gives, without
    trying 140 alternatives at every position.
    """
    low, high = max(0, start - _WINDOW), min(len(text), end + _WINDOW)
    starts = g.lookalike_starts
    if starts is None:
        for m in g.lookalikes.finditer(text, low, high):
            if m.start() >= end:
                return False
            if start < m.end():
                return True
        return False
    # matches_from(g.lookalikes, starts, text, low, high, before=end) written out: one call per
    # figure, a few tries each (later matches overlap nothing)
    p, pattern = low, g.lookalikes
    while p < end:
        found = starts.search(text, p, end)
        if found is None:
            return False
        p = found.start()
        m = pattern.match(text, p, high)
        if m is None:
            p += 1
        elif start < m.end():
            return True
        else:
            p = m.end()
    return False


def _near(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans that may overlap [start, end) (spans sorted by start, each short)."""
    i = bisect.bisect_left(spans, (start - 64, 0))
    j = bisect.bisect_right(spans, (end, 10**12))
    return spans[i:j]
