"""The figure regex of the grammar (nlp/figures/figure_grammar.py), in two forms that match the same.

The plain form (``fast=False``) reads as the grammar is meant: an optional qualifier word, the
number (a rate, a fraction, a masked number, a half, or a number with an optional range after it),
then optional parts (a magnitude, a unit, cents, a qualifier after). The scan uses the fast form,
written the way Python's ``re`` engine runs quickest; it gives the same match, span and groups at
every position (tests/test_figure_pattern.py holds it to the plain form on generated and corpus
text). It differs in four ways, each exact for the reason given:

1. **Possessive repeats in a number** (``++``, ``*+``). After the number every part of the pattern
   is optional, so the engine never backs into a number to try a shorter one, except before a
   fraction's infix (分之): and a shorter number ends before a digit, a numeral or a separator,
   never before the infix's first character (checked when the pattern is built).
2. **The fraction read after the number** (``number(?:分之number|range)?`` instead of
   ``number分之number|mask|half|number(range)?``): the same first number either way (point 1),
   and a mask or a half cannot start where a number does (checked).
3. **The not-a-unit assertion only where it can fail**: before the few numerals that open a unit
   word (千 of 千米, 百 of 百分点), not before every digit.
4. **Guards**: the unit alternation (about 190 words) and the run of optional parts after the
   number are entered only when the next character can start them (one character class), instead
   of failing word by word after every bare number.
5. **Word alternations as tries** (units, qualifiers before, inside and after the number): the
   engine follows the one branch of the next character instead of testing every word's first
   character, and tries the words that match at a place longest first, as the plain alternation does.

Measured (callgrind, the pattern tried at the 5,639 possible starts of 4 long reports): 100 M
instructions in the plain form, 61 M in the fast one (60.5 M before point 5, 55.9 M with it, of
which 8.4 M is the harness's calls).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from nlp.figures.numerals import Vocab
from nlp.figures.scan import starting_chars
from nlp.text.divisions import trie_alternation

# 50万元（含）以上, 1万(含)-5万元: an inclusive bound
INCLUDED = re.compile(r"[(（]含[)）]")
# 半 before a duration unit: half a year, month, day or hour (半年来, 仅用半个月); not a half of the
# calendar (上半年, 下半年), a frequency (每半年) or a part of another number (一年半, 多半).
HALF = re.compile(r"(?<![上下每前后这那近多大小一二两三四五六七八九十年月天])半(?=年|个月|個月|天|小时|小時|个小时)")
# Money sub-units after 元/块: the tenth (角, 毛) and the hundredth (分) of a 元.
SUBUNITS = {"tenth": "角毛", "hundredth": "分"}
# A count unit that is money when 角/毛/分 follow it (十块三毛).
MONEY_COUNT_UNITS = frozenset({"块", "塊"})
SPACES = " \u3000\xa0"


def alternation(words: Iterable[str]) -> str:
    """The words as one alternation, longest first (the longest word at a place wins)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _chars(chars: Iterable[str]) -> str:
    return re.escape("".join(sorted(set(chars))))


def figure_regex(
    v: Vocab, unit_names: Mapping[str, str], quals: Mapping[str, Iterable[str]], fast: bool = True
) -> str:
    """The figure pattern's text, from the numerals, the units (each variant with its unit's name)
    and the qualifier words by slot (before, inside, after): the fast form, or the plain one."""
    chinese, numerals = set("".join(v.chinese)), set("".join(v.small)) | set("".join(v.big))
    digits = _chars(chinese)
    points = [x for x in v.points if x not in ".．"]
    # A numeral character that begins a unit word belongs to the unit (600万千瓦, 5千克, 3千米)
    numeral_led = [u for u in unit_names if len(u) > 1 and u[0] in numerals | chinese]
    masks = [m for m in v.masks if m != "某"]
    fast = fast and _fast_form_is_exact(v, chinese | numerals, points, masks)
    # 队伍3支: 伍 is not 5 before an Arabic digit; 20:00两个时段: 两 after an Arabic digit starts a number of its own
    body = _fast_body(digits, numerals, chinese, numeral_led) if fast else _plain_body(digits, numerals, numeral_led)
    plus, star = ("++", "*+") if fast else ("+", "*")
    # thousands: 1,200; a full-width comma groups digits only in a number with a fraction
    # (82，225.00元), since elsewhere it separates two figures of a list
    thousands = r",\d{3}(?!\d)|，\d{3}(?=(?:[,，]\d{3})*\.\d)"
    core = rf"{body}{plus}(?:(?:\.\d|{thousands}|[{re.escape(''.join(points))}][{digits}]){body}{star}){star}"
    mask = f"[{re.escape(''.join(masks))}]+(?:\\.[{re.escape(''.join(masks))}]+)?"
    rate = "|".join(rf"{re.escape(p)}{core}" for p in v.percent + v.permille)
    big = re.escape("".join(v.big))
    words = _trie if fast else alternation
    inside = words(quals["inside"])
    unit_alt = words(unit_names)
    if fast:
        unit_alt = rf"(?=[{_chars(u[0] for u in unit_names)}])(?:{unit_alt})"
    post_alt = words(quals["after"])
    yuan = _chars(u[-1] for u, name in unit_names.items() if name == "元" or u in MONEY_COUNT_UNITS)
    # 角/毛 (tenths) and 分 (hundredths) after 元/块: 十块三毛, 一百三十五块六角七分钱
    cents = rf"[{digits}][{SUBUNITS['tenth']}](?:[{digits}]{SUBUNITS['hundredth']}?(?!钟))?|[{digits}]{SUBUNITS['hundredth']}(?!钟)"
    range_ = rf"(?P<lunit>{unit_alt})?(?:{INCLUDED.pattern})?(?:{alternation(v.joiners)}){{1,2}}{core}"
    if fast:
        infixes = "|".join(re.escape(i) for i in v.fraction)
        number = rf"{rate}|{mask}|{HALF.pattern}|{core}(?:(?:{infixes}){core}|{range_})?"
    else:
        fraction = "|".join(rf"{core}{re.escape(i)}{core}" for i in v.fraction)
        number = rf"{rate}|{fraction}|{mask}|{HALF.pattern}|{core}(?:{range_})?"
    after = [  # each optional, in this order
        rf"(?P<gap0>[{SPACES}]{{1,2}})(?=[{big}]+(?:{unit_alt}))",  # spaced before 万: 共计 16.2 万元
        rf"(?P<inner>{inside})",
        rf"(?P<mag>[{big}]+)",
        rf"(?P<inner2>{inside})",
        rf"(?P<gap>[{SPACES}]{{1,2}})(?=(?:{unit_alt}))",  # spaced out: 总人口 1234 人
        rf"(?P<unit>{unit_alt})",
        rf"(?<=[{yuan}])(?P<cents>{cents})(?P<qian>钱)?",
        rf"{INCLUDED.pattern}(?={post_alt})",
        rf"(?P<post>{post_alt})",
    ]
    tail = "".join(f"(?:{part})?" for part in after)
    if fast:
        firsts = [starting_chars(part) for part in after]
        if all(first is not None for first in firsts):
            tail = rf"(?:(?=[{_chars(set().union(*firsts))}]){tail})?"  # type: ignore[arg-type]
    return rf"(?P<pre>{words(quals['before'])})?(?P<num>{number}){tail}"


def _trie(items: Iterable[str]) -> str:
    """``alternation`` written as a trie (the same match, the longest word first, and the same
    shorter ones after it where the rest of the pattern fails): the engine follows one branch at
    each character instead of trying every word."""
    return trie_alternation(sorted(set(items)))


def _fast_form_is_exact(v: Vocab, number_chars: set[str], points: list[str], masks: list[str]) -> bool:
    """Whether the vocabulary lets points 1 and 2 of the module's docstring hold: no fraction infix
    starts with a character a number can hold, and no mask or half starts where a number can."""
    inside_numbers = number_chars | {".", ",", "，", *points}
    return not any(i[:1] in inside_numbers or i[:1].isdecimal() for i in v.fraction) and not any(
        c in number_chars or c.isdecimal() for c in [*masks, "半"]
    )


def _plain_body(digits: str, numerals: set[str], numeral_led: list[str]) -> str:
    """One character of a number: an Arabic digit, a magnitude, or a Chinese digit."""
    not_a_unit = rf"(?!{alternation(numeral_led)})" if numeral_led else ""
    return rf"(?:\d(?![{digits}])|{not_a_unit}[{_chars(numerals)}]|{not_a_unit}[{digits}](?!\d))"


def _fast_body(digits: str, numerals: set[str], chinese: set[str], numeral_led: list[str]) -> str:
    """``_plain_body`` with the not-a-unit assertion only before the characters a numeral-led unit
    starts with (every branch takes one character, so their order does not matter in a possessive
    repeat)."""
    led = {u[0] for u in numeral_led}
    not_a_unit = rf"(?!{alternation(numeral_led)})" if numeral_led else ""
    branches = [rf"\d(?![{digits}])"]
    for chars, after in ((numerals, ""), (chinese - numerals, r"(?!\d)")):
        if chars - led:
            branches.append(f"[{_chars(chars - led)}]{after}")
        if chars & led:
            branches.append(f"{not_a_unit}[{_chars(chars & led)}]{after}")
    return "(?:" + "|".join(branches) + ")"
