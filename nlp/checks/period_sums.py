"""A period's total over the months reported before it (rule ``months_of_period``, reported as
sum_mismatch).

A quarter's report that gives each month's figure and then the quarter's (10月…参与居民520人次。
11月…参与居民380人次。12月…参与居民260人次。季度合计…参与居民1260人次) states a sum: 520 + 380 +
260 = 1160, not 1260. Read only where the months plainly make up the period (partitions.toml
[period_sums]): the total's sentence names the period with a word of summing (季度合计, 上半年共 …),
in the same paragraph as many earlier figures as the period has months carry the total's own words
and unit, each after a different month named in the paragraph, and those months are consecutive.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import accumulate

from nlp.checks.contexts import Context
from nlp.checks.intervals import Interval, vocab
from nlp.checks.partitions import cn_small

_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})月")
_CLAUSE = "，,；;：:"


@cache
def _words() -> dict:
    return vocab()["period_sums"]


class _PeriodWords:
    """Where each word of summing and each period word occurs in a text, found once, so that
    asking about the words before a figure costs a bisection, not a scan of its sentence (a
    paragraph of thousands of figures stays linear)."""

    def __init__(self, text: str) -> None:
        words = _words()
        # every word of summing's (start, end), by start, and from each on the least end: one
        # bisection tells whether any of them lies inside a stretch
        sums = sorted((at, at + len(w)) for w in words["sum_words"] for at in _occurrences(text, w))
        self._sum_starts = [at for at, _ in sums]
        self._least_end_from = list(accumulate(reversed([end for _, end in sums]), min))[::-1]
        self._periods = [(len(w), _occurrences(text, w), n) for w, n in words["periods"].items()]

    def months(self, start: int, end: int) -> int | None:
        """How many months the period a total's sentence sums over has, from its words in
        ``text[start:end]`` (季度合计 → 3; the last period word wins); None when it names no period
        with a word of summing."""
        if not self._sum_inside(start, end):
            return None
        found = []
        for size, at, n in self._periods:
            last = bisect_right(at, end - size) - 1
            if last >= 0 and at[last] >= start:
                found.append((at[last] - start, n))
        return max(found)[1] if found else None


    def _sum_inside(self, start: int, end: int) -> bool:
        """Whether a word of summing lies wholly inside ``text[start:end]``."""
        i = bisect_left(self._sum_starts, start)
        return i < len(self._sum_starts) and self._least_end_from[i] <= end


def _occurrences(text: str, word: str) -> list[int]:
    """Every start of ``word`` in ``text``, overlapping ones included, in order."""
    out, at = [], text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def _noun(label: str) -> str:
    """A label without the words that place a figure in its month or period (当月, 本季度 …)."""
    text = _MONTH.sub("", label.strip(" 、，,：:"))  # 十月份走访 → 份走访; 份 is noise
    for word in sorted(_words()["period_noise"], key=len, reverse=True):
        text = text.replace(word, "")
    return text


def _month_before(text: str, start: int, end: int) -> int | None:
    last = None
    for m in _MONTH.finditer(text, start, end):
        n = cn_small(m.group(1))
        if n is not None and 1 <= n <= 12:
            last = n
    return last


def month_sum_mismatches(ctxs: Sequence[Context], text: str) -> Iterator[tuple[Context, list[Context]]]:
    """(period total, its months' figures) where the months' figures cannot add up to the total."""
    period_words = _PeriodWords(text)
    for t, total in enumerate(ctxs):
        f = total.fact
        if f.planned or total.family == "%" or total.aside or f.value is None:
            continue
        months = period_words.months(total.sent_start, f.norm_start)
        if months is None:
            continue
        noun = _noun(total.label)
        if len(noun) < 2:
            continue
        para = text.rfind("\n", 0, total.sent_start) + 1
        parts: list[Context] = []
        seen: list[int] = []
        for j in range(t - 1, -1, -1):
            c = ctxs[j]
            if c.fact.norm_start < para:
                break
            if c.fact.unit != f.unit or c.fact.planned or c.aside or _noun(c.label) != noun:
                continue
            parts.append(c)
        parts.reverse()
        if len(parts) != months:
            continue
        start = para
        for c in parts:
            month = _month_before(text, start, c.fact.norm_start)
            if month is None:
                break
            seen.append(month)
            start = c.fact.norm_end
        if len(seen) != months or sorted(seen) != list(range(min(seen), min(seen) + months)):
            continue
        intervals = [c.interval for c in parts]
        if total.interval is None or any(iv is None for iv in intervals):
            continue
        if not sum(intervals, Interval(0, 0)).overlaps(total.interval):
            yield total, parts
