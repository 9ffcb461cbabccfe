"""The word right before or right after a figure, read from the shared Text's words.

``Text.words(start, end)`` builds the whole tuple of a span and re-segments a word its edges cut;
a figure's reader often wants one word at one edge. These read it straight from the clause's
words when no edge cuts it, and ask ``Text.words`` otherwise: the same word either way.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from nlp.text.document import Text
from nlp.text.tokens import Word


def last_word(doc: Text, start: int, end: int) -> Word | None:
    """``doc.words(start, end)[-1]``, or None when the span has no words.

    >>> doc = Text.from_string("社区现有党员41名")
    >>> last_word(doc, 0, 6), last_word(doc, 3, 5)
    (('党员', 'n'), ('党', 'n'))
    """
    index = doc.clause_index(end - 1)
    if index is not None:
        starts, words = doc.clause_words(index)
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
    index = doc.clause_index(start)
    if index is not None:
        starts, words = doc.clause_words(index)
        k = bisect_right(starts, start) - 1
        if k >= 0 and starts[k] == start and start + len(words[k][0]) <= end:
            return words[k]
    found = doc.words(start, end)
    return found[0] if found else None


def words_in(doc: Text, start: int, end: int) -> tuple[Word, ...]:
    """``doc.words(start, end)``, sliced straight from the clause's words when the span lies in one
    clause and starts and ends at word boundaries (the usual case: a phrase before a figure).

    >>> doc = Text.from_string("社区现有党员41名")
    >>> words_in(doc, 0, 6), words_in(doc, 3, 5) == doc.words(3, 5)
    ((('社区', 'n'), ('现有', 'b'), ('党员', 'n')), True)
    """
    if end <= start:
        return ()  # what ``doc.words`` gives an empty span, without walking the clause
    index = doc.clause_index(start)
    if index is not None:
        clause = doc.clauses[index]
        if clause.norm_start <= start and end <= clause.norm_end:
            starts, words = doc.clause_words(index)
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            if (
                first < len(starts)
                and starts[first] == start
                and last > first
                and starts[last - 1] + len(words[last - 1][0]) == end
            ):
                return words[first:last]
    return doc.words(start, end)
