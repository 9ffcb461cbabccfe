"""Zero statements: a figure written as 零 (全年刑事案件零发生, 越级上访为零, 动态清零).

GUIDELINES counts them as facts with value 0 and unit "". The number scan reads digits and numerals
with a unit, so it never sees them; they are found here from two word lists (nlp/resources/zeros.toml):
the compounds 零 opens (零发生, 零确诊) and the words that end in it (为零, 清零). 零 inside any other
word (零星, 零售, 零距离, 零突破) states no figure and is not listed.
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
