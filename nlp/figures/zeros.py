"""Zero statements: a figure written as 零 (全年刑事案件零发生, 越级上访为零, 动态清零) or as "not one"
(全年未发生一起刑事案件, 无一人重新违法犯罪).

GUIDELINES counts them as facts with value 0: a 零 with unit "", a "not one" with its count word as the
unit. The number scan reads digits and numerals with a unit, so it never sees a 零; they are found here
from two word lists (nlp/resources/zeros.toml): the compounds 零 opens (零发生, 零确诊) and the words
that end in it (为零, 清零). 零 inside any other word (零星, 零售, 零距离, 零突破) states no figure and is
not listed. The scan reads a "not one" as one (未发生一例 → 1) or as a look-alike (无一人, 一起): the
named rule ``not_one`` (a negation, then 一 and a count word, tables ``[not_one.*]``) reads it as 0,
and ``nlp.figures.quantities.find_quantities`` puts it in place of the scan's reading.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

import regex

from nlp.records import Qualifier, Quantity
from nlp.resources import load_toml


@cache
def _pattern() -> regex.Pattern[str]:
    data = load_toml("zeros.toml")
    before = sorted(data["before"], key=len, reverse=True)
    after = sorted(data["after"], key=len, reverse=True)
    opening = "零(?=" + "|".join(map(regex.escape, before)) + ")"
    leads = [word[: word.index("零")] for word in after if word.index("零") > 0]  # 为零 → 为
    ending = "(?<=" + "|".join(map(regex.escape, leads)) + ")零"
    return regex.compile(f"{opening}|{ending}")


@cache
def _not_one_pattern() -> regex.Pattern[str]:
    data = load_toml("zeros.toml")["not_one"]
    negations = "|".join(map(regex.escape, sorted(data["negations"], key=len, reverse=True)))
    counts = "[" + "".join(sorted(data["count_words"])) + "]"
    idioms = "".join(sorted(data["idioms"]))
    # a chain of counts after one negation (未发生一人一户返贫: two zeros), none before an idiom's word
    return regex.compile(rf"(?<=(?:{negations})(?:一{counts})*)一({counts})(?![{idioms}])")


NOT_ONE_TEXT = "一"  # the number_text of a "not one" zero


def not_one_statements(text: str) -> tuple[Quantity, ...]:
    """The "not one" zeros of a normalized text, in order (rule ``not_one``): value 0, unit the count word.

    >>> [(q.number_text, str(q.value), q.unit) for q in not_one_statements("全年未发生一起刑事案件，无一人重新犯罪")]
    [('一', '0', '起'), ('一', '0', '人')]
    >>> [q.unit for q in not_one_statements("全年未发生一人一户返贫")]
    ['人', '户']
    >>> not_one_statements("各项任务无一例外按时完成，做到不漏一户、不落一人")
    ()
    """
    if NOT_ONE_TEXT not in text:
        return ()
    return tuple(
        Quantity(m.start(), m.end(), NOT_ONE_TEXT, Decimal(0), None, None, m.group(1), Qualifier.EXACT, m.group(1))
        for m in _not_one_pattern().finditer(text)
    )


def is_not_one_at(text: str, start: int) -> bool:
    """Whether a "not one" zero starts at ``start`` of normalized ``text``.

    >>> is_not_one_at("无一件矛盾上交", 1), is_not_one_at("调解一件矛盾", 2)
    (True, False)
    """
    return text.startswith(NOT_ONE_TEXT, start) and _not_one_pattern().match(text, start) is not None


_SUBJECT_END = regex.compile(r"[，,。；;、：:！!？?（(\n]")
_SUBJECT_REACH = 12  # characters read after the count word for what did not happen


def not_one_subject(text: str, q: Quantity) -> tuple[str, int] | None:
    """What a "not one" zero says did not happen, and where it starts: the words after its count word
    (and after the other counts of its chain) up to the clause's end; None for any other figure.

    >>> text = "全年未发生一人一户返贫，无一人重新违法犯罪。"
    >>> [not_one_subject(text, q) for q in not_one_statements(text)]
    [('返贫', 9), ('返贫', 9), ('重新违法犯罪', 15)]
    """
    if q.number_text != NOT_ONE_TEXT or q.value != 0:
        return None
    start = q.norm_end
    while text.startswith(NOT_ONE_TEXT, start) and is_not_one_at(text, start):  # 一人|一户|返贫
        start += 2
    end = _SUBJECT_END.search(text, start, start + _SUBJECT_REACH)
    words = text[start : end.start() if end else start + _SUBJECT_REACH].strip()
    return (words, start) if words else None


def is_zero_statement(q: Quantity) -> bool:
    """Whether ``q`` is a zero statement of this module (a 零 with no unit, or a "not one").

    >>> is_zero_statement(not_one_statements("未发生一起火灾")[0]), is_zero_statement(zero_statements("零发生")[0])
    (True, True)
    """
    if q.value != 0:
        return False
    return (q.number_text == "零" and not q.unit and not q.unit_text) or q.number_text == NOT_ONE_TEXT


def zero_statements(text: str) -> tuple[Quantity, ...]:
    """The zero figures of a normalized text, in order.

    >>> [(q.norm_start, q.number_text, str(q.value), q.unit) for q in zero_statements("全年刑事案件零发生，越级上访为零。")]
    [(6, '零', '0', ''), (15, '零', '0', '')]
    >>> zero_statements("零星垃圾、零售商户和零距离服务，实现零突破")
    ()
    """
    if "零" not in text:
        return ()
    return tuple(
        Quantity(m.start(), m.end(), "零", Decimal(0), None, None, "", Qualifier.EXACT, "")
        for m in _pattern().finditer(text)
    )
