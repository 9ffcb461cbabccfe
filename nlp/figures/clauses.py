"""The stretch of text around a figure that resolution reads: its sentence and clause before it, the
clause after it. A label and its colon belong to the clause (培训人数：135人).

Each is found by one compiled pattern over a bounded window (``after_last``: the window's last break,
found by searching its reversed copy), not a loop over characters.
"""

from __future__ import annotations

import re

SENTENCE_BREAKS = "。；;！!？?\n"
CLAUSE_BREAKS = SENTENCE_BREAKS + "，,：:、"
SENTENCE_REACH = 60
CLAUSE_REACH = 30
AFTER_REACH = 24


def up_to_last(chars: str) -> re.Pattern[str]:
    """A pattern whose match from a window's start ends right after the window's last character of
    ``chars`` (no match: the window has none).

    >>> up_to_last("。").match("前文。后文。尾", 0, 6).end()
    6
    """
    return re.compile(f".*[{re.escape(chars)}]", re.DOTALL)


def last_of(chars: str) -> re.Pattern[str]:
    """One character of ``chars``: the pattern ``after_last`` reads a window backwards with."""
    return re.compile(f"[{re.escape(chars)}]")


def after_last(chars: re.Pattern[str], text: str, low: int, end: int) -> int:
    """Right after the last character of ``chars`` (a ``last_of`` pattern) in ``text[low:end]``, -1 when
    it holds none: where ``up_to_last``'s match from ``low`` ends, found by one search of the window's
    reversed copy. The greedy ``.*`` of that pattern runs to the window's end and backs up one
    character at a time, each a try of the character class (the whole window when it holds no break).

    >>> after_last(last_of("。"), "前文。后文。尾", 0, 6), after_last(last_of("。"), "前文", 0, 2)
    (6, -1)
    """
    window = text[low:end]
    found = chars.search(window[::-1])
    return low + len(window) - found.start() if found is not None else -1


def any_of(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``words`` is in it (one search, not one per word).

    >>> bool(any_of(["每月", "去年同期"]).search("去年同期4宗")), bool(any_of(["每月"]).search("全年"))
    (True, False)
    """
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_SENTENCE_BREAK = last_of(SENTENCE_BREAKS)
_CLAUSE_BREAK = last_of(CLAUSE_BREAKS)
_CLAUSE_AFTER = re.compile(f"[^{re.escape(CLAUSE_BREAKS)}]{{0,{AFTER_REACH}}}")


def sentence_before(text: str, start: int, floor: int = 0) -> str:
    """The sentence before a figure, at most 60 characters.

    >>> sentence_before("前文。全市城市低保6195户", 9)
    '全市城市低保'
    """
    return text[sentence_start_before(text, start, floor) : start]


def sentence_start_before(text: str, start: int, floor: int = 0) -> int:
    """Where ``sentence_before(text, start, floor)`` starts (for a reader that needs only the offset).

    >>> sentence_start_before("前文。全市城市低保6195户", 9)
    3
    """
    low = start - SENTENCE_REACH  # (bounds by comparison, not max: a call of max costs about ten of them)
    low = low if low > floor else floor
    found = after_last(_SENTENCE_BREAK, text, low, start)
    return found if found >= 0 else low


def clause_before(text: str, start: int) -> str:
    """The clause before a figure; a label and its colon belong to it (培训人数：135人).

    >>> clause_before("共有学员，培训人数：135人", 10), clause_before("开展活动6次", 4)
    ('培训人数：', '开展活动')
    """
    end = start - 1 if start > 0 and text[start - 1] in ":：" else start
    low = start - CLAUSE_REACH if start > CLAUSE_REACH else 0
    found = after_last(_CLAUSE_BREAK, text, low, end)
    return text[found if found >= 0 else low : start]


def clause_after(text: str, end: int) -> str:
    """The clause after a figure, at most 24 characters (投资7.5万元|对15户危房进行修缮).

    >>> clause_after("投资7.5万元对15户危房进行修缮，", 7)
    '对15户危房进行修缮'
    """
    return _CLAUSE_AFTER.match(text, end).group()
