"""The stretch of text around a figure that resolution reads: its sentence and clause before it, the
clause after it. A label and its colon belong to the clause (培训人数：135人).

Each is found by one compiled pattern over a bounded window (``.*[breaks]`` backs up from the
window's end to its last break), not a loop over characters.
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


def any_of(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of ``words`` is in it (one search, not one per word).

    >>> bool(any_of(["每月", "去年同期"]).search("去年同期4宗")), bool(any_of(["每月"]).search("全年"))
    (True, False)
    """
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


_TO_SENTENCE_BREAK = up_to_last(SENTENCE_BREAKS)
_TO_CLAUSE_BREAK = up_to_last(CLAUSE_BREAKS)
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
    found = _TO_SENTENCE_BREAK.match(text, low, start) if start > low else None  # (inline: twice a figure)
    return found.end() if found is not None else low


def clause_before(text: str, start: int) -> str:
    """The clause before a figure; a label and its colon belong to it (培训人数：135人).

    >>> clause_before("共有学员，培训人数：135人", 10), clause_before("开展活动6次", 4)
    ('培训人数：', '开展活动')
    """
    end = start - 1 if start > 0 and text[start - 1] in ":：" else start
    low = start - CLAUSE_REACH if start > CLAUSE_REACH else 0
    found = _TO_CLAUSE_BREAK.match(text, low, end) if end > low else None  # (inline: twice a figure)
    return text[found.end() if found is not None else low : start]


def clause_after(text: str, end: int) -> str:
    """The clause after a figure, at most 24 characters (投资7.5万元|对15户危房进行修缮).

    >>> clause_after("投资7.5万元对15户危房进行修缮，", 7)
    '对15户危房进行修缮'
    """
    return _CLAUSE_AFTER.match(text, end).group()
