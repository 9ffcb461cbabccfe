"""The stretch of text around a figure that resolution reads: its sentence and clause before it, the
clause after it. A label and its colon belong to the clause (培训人数：135人)."""

from __future__ import annotations

SENTENCE_BREAKS = "。；;！!？?\n"
CLAUSE_BREAKS = SENTENCE_BREAKS + "，,：:、"


def sentence_before(text: str, start: int, floor: int = 0) -> str:
    """The sentence before a figure, at most 60 characters.

    >>> sentence_before("前文。全市城市低保6195户", 9)
    '全市城市低保'
    """
    i = start
    while i > floor and text[i - 1] not in SENTENCE_BREAKS and start - i < 60:
        i -= 1
    return text[i:start]


def clause_before(text: str, start: int) -> str:
    """The clause before a figure; a label and its colon belong to it (培训人数：135人)."""
    i = start
    if i > 0 and text[i - 1] in ":：":
        i -= 1
    while i > 0 and text[i - 1] not in CLAUSE_BREAKS and start - i < 30:
        i -= 1
    return text[i:start]


def clause_after(text: str, end: int) -> str:
    """The clause after a figure, at most 24 characters (投资7.5万元|对15户危房进行修缮)."""
    i = end
    while i < len(text) and text[i] not in CLAUSE_BREAKS and i - end < 24:
        i += 1
    return text[end:i]
