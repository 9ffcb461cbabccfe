"""The figure grammar: one regex of number + unit + qualifier built once from the resource files
(``units.toml``, ``qualifiers.toml``, ``not_figures.toml``), with the units and qualifier words it
reads. Used by nlp/figures/quantities.py to find figures."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from nlp.figures.figure_pattern import figure_regex
from nlp.figures.numerals import vocab
from nlp.figures.scan import char_class, patterns_by_first_char, second_chars, starting_chars
from nlp.records import Qualifier
from nlp.resources import load_toml

# 1万元--5万元: a doubled range joiner
REPEATED_JOINER = re.compile(r"([-－—–~～〜])\1+")
HALF_VALUE = Decimal("0.5")
_DECIMAL_DIGITS = "0123456789０１２３４５６７８９"


class FigureGroups(NamedTuple):
    """The groups of a match of the figure pattern, in the pattern's order (``m.groups()``): the
    qualifier word before the number, the number (with a range), the unit on a range's left end,
    a space before a magnitude, a qualifier inside, the magnitude (万, 亿), a second qualifier
    inside, a space before the unit, the unit, cents after 元/块 and their 钱, a qualifier after."""

    pre: str | None
    num: str | None
    lunit: str | None
    gap0: str | None
    inner: str | None
    mag: str | None
    inner2: str | None
    gap: str | None
    unit: str | None
    cents: str | None
    qian: str | None
    post: str | None


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
    # For each of those characters, the look-alikes that can start with it (or with a character of
    # its group: digits, Chinese numerals, the others): ``lookalikes`` where it starts
    lookalikes_at: dict[str, re.Pattern[str]] | None
    quoted: re.Pattern[str]
    word_prefixes: tuple[str, ...]
    ordinal_prefixes: tuple[str, ...]
    id_context: tuple[str, ...]
    article_one: frozenset[str]
    article_units: frozenset[str]
    article_keep_before: tuple[str, ...]
    # For each character a look-alike can start with, the characters that can follow it in one
    # (None: any): the veto tries the pattern only where the next character is one of them
    lookalike_seconds: dict[str, frozenset[str] | None] | None = None


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
    pattern = re.compile(figure_regex(v, {variant: unit.name for variant, unit in units.items()}, quals))
    if tuple(pattern.groupindex) != FigureGroups._fields or pattern.groups != len(FigureGroups._fields):
        raise ValueError(f"the figure pattern's groups {tuple(pattern.groupindex)} are not FigureGroups' fields")
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
        lookalikes_at=patterns_by_first_char(nf["patterns"], [_DECIMAL_DIGITS, {*v.chinese, *v.small, *v.big}]),
        quoted=re.compile(quoted),
        word_prefixes=tuple(nf["word_prefixes"]),
        ordinal_prefixes=tuple(nf["ordinal_prefixes"]),
        id_context=tuple(nf["id_context"]),
        article_one=frozenset(nf["article_one"]),
        article_units=frozenset(nf["article_units"]),
        article_keep_before=tuple(nf["article_keep_before"]),
        lookalike_seconds=second_chars(lookalikes.pattern),
    )
