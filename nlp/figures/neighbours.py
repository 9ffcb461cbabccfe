"""The word right before or right after a figure, read from the shared Text's words.

``Text.words(start, end)`` builds the whole tuple of a span and re-segments a word its edges cut;
a figure's reader often wants one word at one edge. These read it straight from the clause's
words when no edge cuts it, and ask ``Text.words`` otherwise: the same word either way.
"""

from __future__ import annotations

from bisect import bisect_right

from nlp.text.document import Text
from nlp.text.tokens import Word


def last_word(doc: Text, start: int, end: int) -> Word | None:
    """``doc.words(start, end)[-1]``, or None when the span has no words.

    >>> doc = Text.from_string("社区现有党员41名")
    >>> last_word(doc, 0, 6), last_word(doc, 3, 5)
    (('党员', 'n'), ('党', 'n'))
    """
    clauses = doc.clause_range(end - 1, end)
    if clauses:
        starts, words = doc.clause_words(clauses[0])
        k = bisect_right(starts, end - 1) - 1
        if k >= 0 and starts[k] >= start and starts[k] + len(words[k][0]) == end:
            return words[k]
    found = doc.words(start, end)
    return found[-1] if found else None


def first_word(doc: Text, start: int, end: int) -> Word | None:
    """``doc.words(start, end)[0]``, or None when the span has no words.

    >>> doc = Text.from_string("开展活动6次")
    >>> first_word(doc, 0, 6), first_word(doc, 1, 3)
    (('开展', 'v'), ('展', 'v'))
    """
    clauses = doc.clause_range(start, start + 1)
    if clauses:
        starts, words = doc.clause_words(clauses[0])
        k = bisect_right(starts, start) - 1
        if k >= 0 and starts[k] == start and start + len(words[k][0]) <= end:
            return words[k]
    found = doc.words(start, end)
    return found[0] if found else None
