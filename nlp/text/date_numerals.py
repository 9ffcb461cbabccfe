"""Years and months written in Chinese numerals, as typists write them in dates (二〇二一年, 二○二一年,
十二月, 元月), read as numbers."""

from __future__ import annotations

import re

# Rule chinese_numeral_year: a year in Chinese numerals, its zero written 〇, 零, ○ (a circle), O or 0
# as typists do (二〇二一年, 二○二一年, 二0二一年).
_CHINESE_YEAR = re.compile(r"[一二][〇零○OoＯ0０一二三四五六七八九]{3}(?=\s*年)")
_CHINESE_DIGITS = str.maketrans("〇零○OoＯ0０一二三四五六七八九", "00000000123456789")


def arabic_years(text: str) -> str:
    """二〇二一年 written as 2021年, so that one pattern reads both.

    >>> arabic_years("二〇二一年"), arabic_years("二○二一年十二月"), arabic_years("二0二二年"), arabic_years("一二三四年")
    ('2021年', '2021年十二月', '2022年', '1234年')
    """
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)


_MONTH_NUMBERS = {c: i for i, c in enumerate("一二三四五六七八九十", 1)}


def chinese_month(month: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 元 (元月) → 1."""
    if month == "元":
        return 1
    if month.startswith("十"):
        return 10 + (_MONTH_NUMBERS[month[1]] if len(month) > 1 else 0)
    return _MONTH_NUMBERS[month[0]]
