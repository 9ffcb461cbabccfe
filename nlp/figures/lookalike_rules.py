"""The look-alike rules of the figure grammar: which candidate number is not a figure (an ordinal,
a clock time, an id or phone number, a year, a threshold, a bare magnitude …), by rule name. Used by
nlp/figures/quantities.py."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.figures.durations import is_marked
from nlp.figures.figure_grammar import FigureGroups, Grammar, Unit
from nlp.figures.numerals import parse_number, vocab
from nlp.records import Qualifier


@lru_cache(maxsize=4096)  # the same few hundred numbers recur (1, 2, 三, 10 …); asked twice a candidate
def is_rate_number(num: str) -> bool:
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
    return len(num) >= 2 and numeral_classes().digits_only.fullmatch(num) is not None


@lru_cache(maxsize=1024)
def _is_range(num: str) -> bool:
    """Whether a number reads as a range of two neighbours (两三, 五六).

    >>> _is_range("两三"), _is_range("二〇二一")
    (True, False)
    """
    found = parse_number(num)
    return found is not None and found.qualifier is Qualifier.RANGE


@dataclass(frozen=True)
class _NumeralClasses:
    """Character classes of the numeral vocabulary, for tests on every candidate."""

    big: str  # 万亿, to strip from a number's end
    digits_only: re.Pattern[str]  # Chinese digits only (〇一二…)
    magnitudes_only: re.Pattern[str]  # 十百千万亿 only


@cache
def numeral_classes() -> _NumeralClasses:
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
    classes = numeral_classes()
    return classes.magnitudes_only.fullmatch(num) is not None and vocab().small.get(num.rstrip(classes.big)) != 10
# What may separate the words a unit's ``only_after`` names from the number (县、镇两级, 街道和社区两级).
LIST_JOINERS = "、和及与 \u3000"
# Before a spaced figure (居民 3268 户、8915 人): a space, a list separator or a line start.
SPACED_AFTER = frozenset(SPACES) | frozenset("、，,；;：:（(\n")
# The word prefixes that name days of the week (周一 is Monday), not a word with 一 in it.
WEEKDAY_PREFIXES = ("周", "星期", "礼拜")


def _after_list(before: str, words: tuple[str, ...]) -> bool:
    """Whether ``before`` ends with a list of two or more of ``words`` (市县乡, 县、镇, 街道和社区): the
    levels a count sums; one word alone (省二级, 国家二级) makes the number a grade.

    >>> _after_list("完成市县乡", ("市", "县", "乡")), _after_list("省", ("省",)), _after_list("农村", ("村",))
    (True, False, False)
    """
    rest, found = before, 0
    while True:
        rest = rest.rstrip(LIST_JOINERS)
        word = max((w for w in words if rest.endswith(w)), key=len, default=None)  # 社区 before 区
        if word is None:
            return found >= 2
        found += 1
        rest = rest[: len(rest) - len(word)]


def _spaced_out(prev: str, num: str) -> bool:
    """Whether a number written apart from its unit is spaced out on its other side too (a space, a
    list separator or a line start before it), and is written in digits or masked (走访群众 *** 户)."""
    return (not prev or prev in SPACED_AFTER) and (num[0].isdigit() or num[0] in vocab().masks)


def _glued_to_code(text: str, ns: int, num: str) -> bool:
    """Whether the number continues a code of Latin letters, digits or signs (T1线, No.3, 3+2, 25.两所):
    not a Chinese numeral after a letter or a digit (A、B两个区), nor digits after a masked name (大xx2个小组)."""
    prev = text[ns - 1]
    if not (prev.isascii() and (prev.isalnum() or prev in "./+-_#")):
        return False
    if not num[0].isdigit() and prev.isalnum():
        return False  # a Chinese numeral continues no code of letters or digits (A、B两个, 19:30两个时段)
    if prev in "xX":
        run = ns - 1
        while run > 0 and text[run - 1] in "xX":
            run -= 1
        return run == 0 or text[run - 1].isascii()
    return True


# Signs a normalized text writes a minus with (－ becomes -; − stays).
MINUS_SIGNS = "-\u2212"


def minus_sign(text: str, ns: int, unit: Unit | None, num: str) -> bool:
    """Whether the sign right before a rate's number (at ``ns``) is a minus: 增长-0.3%, 同比-2.4个百分点,
    增速为−1.5% — a '-' after a Chinese character, a bracket or the start, not one that joins a code of
    Latin letters or digits (T-3, 2021-5). Named rule ``minus_rate`` (eleventh session: a negative
    growth rate gave no figure, read as part of a code).

    >>> from nlp.figures.figure_grammar import grammar
    >>> pct, person = grammar().units["%"], grammar().units["人"]
    >>> minus_sign("增长-0.3%", 3, pct, "0.3"), minus_sign("型号A-3%", 4, pct, "3"), minus_sign("共-3人", 2, person, "3")
    (True, False, False)
    """
    if ns < 1 or text[ns - 1] not in MINUS_SIGNS or not num[:1].isdigit():
        return False
    if not (unit.kind == "rate" if unit is not None else is_rate_number(num)):
        return False
    before = text[ns - 2] if ns >= 2 else ""
    return not (before.isascii() and (before.isalnum() or before in "./+-_#"))


def _word_prefix(before: str, prefixes: tuple[str, ...], unit: Unit | None) -> bool:
    """Whether a Chinese numeral is part of a word with the characters before it (统一, 周一), but
    not 每周一次: after 每 a weekday prefix with a count unit is a frequency."""
    if not before.endswith(prefixes):
        return False  # (most numerals: one test of the whole tuple before looking for which one)
    found = next(p for p in prefixes if before.endswith(p))
    if found in WEEKDAY_PREFIXES and unit is not None and unit.kind == "count":
        return not before[: len(before) - len(found)].endswith("每")
    return True


BOUND_WORDS = frozenset({"以上", "以下", "及以上", "及以下"})
THRESHOLD_FOLLOWERS = ("的", "规模")


# Where the groups the rules read stand in ``m.groups()`` (FigureGroups, in the pattern's order).
_PRE, _NUM, _GAP0, _GAP, _UNIT, _POST = (
    FigureGroups._fields.index(name) for name in ("pre", "num", "gap0", "gap", "unit", "post")
)


def rejection(
    text: str, m: re.Match[str], g: Grammar, unit: Unit | None, groups: tuple[str | None, ...] | None = None
) -> str | None:
    """The name of the look-alike rule that rejects the candidate ``m``, or None when none does.

    ``groups`` is ``m.groups()`` when the caller has it already (the scan reads it once per match).
    """
    if groups is None:
        groups = m.groups()
    v = vocab()
    num: str = groups[_NUM]  # type: ignore[assignment]
    ns, ne = m.span(_NUM + 1)
    before = text[max(0, ns - 12):ns].rstrip(SPACES)  # 第 3 次 is an ordinal as much as 第3次
    prev = text[ns - 1] if ns else ""
    pre, post = groups[_PRE], groups[_POST]
    if (groups[_GAP] or groups[_GAP0]) and not _spaced_out(prev, num):
        return "spaced_unit"  # a space before the unit only when the figure is spaced out on both sides
    if pre is None:
        if prev and _glued_to_code(text, ns, num) and not minus_sign(text, ns, unit, num):
            return "inside_code"
        if num[0] in v.chinese or num[0] in v.small or num[0] in v.big:
            if _word_prefix(before, g.word_prefixes, unit):
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
    if post in BOUND_WORDS and (unit.kind != "rate" if unit is not None else not is_rate_number(num)):
        if text[m.end():m.end() + 2].startswith(THRESHOLD_FOLLOWERS):
            # 300只以上规模的养殖户, 年收入10万元以上的, 10万以上的 (a magnitude alone): a bound that defines a group
            return "threshold"
    if unit is not None:
        if unit.digits_only and not num[0].isdigit():
            return "unit_digits_only"  # 十分重要: 分 is read only after Arabic digits (得分96.5分)
        if unit.not_after and prev in unit.not_after:
            return "clock_or_ratio"  # 8点30分
        if unit.only_after and not _after_list(before, unit.only_after):
            return "unit_only_after"  # 省二级示范高中 names a grade; 市县乡三级 counts levels
        unit_end = m.end(_UNIT + 1)
        rest = text[unit_end:unit_end + 4]
        durable = unit.kind == "duration" and is_marked(before, rest)  # 连续7年开展, 一年以来 (durations.py)
        if post is None and unit.not_before and rest.startswith(unit.not_before) and not durable:
            return "unit_not_before"
        if unit.name == "年":
            # 二〇二一年, 九八年; not 两三年 (two or three years: a range of them, GUIDELINES durations)
            if num[0] in v.masks or digits >= 3 or (_is_positional(num) and not _is_range(num)):
                return "year"
    if pre is None and _bare_magnitude(num):
        return "bare_magnitude"  # bare 万家, 百家: a word, not a count (十人 and 近千人 stay)
    if num in g.article_one and groups[_UNIT] in g.article_units and post is None:
        after = text[m.end():m.end() + 1]
        durable = unit is not None and unit.kind == "duration" and is_marked(before, text[m.end() : m.end() + 3])  # 一年来
        if after and after not in "。，,；;、！!）)\n" and not durable and not before.endswith(g.article_keep_before):
            return "article_one"
    if _is_positional(num) and parse_number(num).qualifier is not Qualifier.RANGE:  # type: ignore[union-attr]
        # 一七二零人 reads digit by digit; 二〇二一年, 七一 and 一一 (one by one) do not count
        return None if len(num) >= 3 and unit is not None and unit.kind == "count" else "positional"
    return None
