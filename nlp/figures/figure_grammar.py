"""The figure grammar: one regex of number + unit + qualifier built once from the resource files
(``units.toml``, ``qualifiers.toml``, ``not_figures.toml``), with the units and qualifier words it
reads. Used by nlp/figures/quantities.py to find figures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from nlp.figures.numerals import vocab
from nlp.figures.scan import char_class, starting_chars
from nlp.records import Qualifier
from nlp.resources import load_toml

# Money sub-units after 元/块: the tenth (角, 毛) and the hundredth (分) of a 元.
SUBUNITS = {"tenth": "角毛", "hundredth": "分"}
# 50万元（含）以上, 1万(含)-5万元: an inclusive bound
INCLUDED = re.compile(r"[(（]含[)）]")
# 1万元--5万元: a doubled range joiner
REPEATED_JOINER = re.compile(r"([-－—–~～〜])\1+")
# 半 before a duration unit: half a year, month, day or hour (半年来, 仅用半个月); not a half of the
# calendar (上半年, 下半年), a frequency (每半年) or a part of another number (一年半, 多半).
HALF = re.compile(r"(?<![上下每前后这那近多大小一二两三四五六七八九十年月天])半(?=年|个月|個月|天|小时|小時|个小时)")
HALF_VALUE = Decimal("0.5")
# A count unit that is money when 角/毛/分 follow it (十块三毛).
MONEY_COUNT_UNITS = frozenset({"块", "塊"})


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    magnitude: Decimal
    not_before: tuple[str, ...]
    only_after: tuple[str, ...] = ()  # words one of which must precede the number (市县两级)
    digits_only: bool = False  # read only after Arabic digits (96.5分; 十分 is "very")
    not_after: tuple[str, ...] = ()  # characters before the number that make it a clock (8点30分)


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
                    tuple(entry.get("not_before", ())), tuple(entry.get("only_after", ())),
                    bool(entry.get("digits_only", False)), tuple(entry.get("not_after", ())))
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
    # 队伍3支: 伍 is not 5 before an Arabic digit; 20:00两个时段: 两 after an Arabic digit starts a number of its own
    body = rf"(?:\d(?![{digits}])|{not_a_unit}[{units_}]|{not_a_unit}[{digits}](?!\d))"
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
        rf"(?P<num>{rate}|{frac}|{mask}|{HALF.pattern}|{core}(?:(?P<lunit>{unit_alt})?(?:{included})?(?:{joiners}){{1,2}}{core})?)"
        rf"(?:(?P<gap0>[ \u3000\xa0]{{1,2}})(?=[{big}]+(?:{unit_alt})))?"  # spaced before 万: 共计 16.2 万元
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
    first_chars |= {p[0] for p in v.percent + v.permille} | set(v.masks) - {"某"} | {"半"}
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
