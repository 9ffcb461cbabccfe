"""``Text``: one document as every stage reads it, made once (the role of spaCy's ``Doc``).

It holds the original and the normalized text with the offset map between them, the sentences and
the clauses (nlp/text/sentences.py gives their one definition), the figures (found by a pattern scan
before any segmentation, nlp/figures/quantities.py), and the words of each clause with their
part-of-speech tags. No word crosses a figure's edge: the words around 5个村 are 5个 | 村, whatever
the dictionary would merge. A clause's words are computed on its first request, the clause alone in
one call to the segmenter; clauses no stage asks for are never segmented.
Stages never segment or split on their own; they ask the Text.

A Text also carries the document's time budget (``Deadline``, nlp/text/deadline.py): the loops that
walk a document call ``check_time`` so a pathological input ends in a ``ParseError`` instead of a hang.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter, itemgetter
from typing import Any

from nlp.records import Normalized, Quantity, Sentence
from nlp.text.deadline import NO_DEADLINE, Deadline
from nlp.text.sentences import clauses_of, split_sentences
from nlp.text.tokens import Word, pos_cut, pos_cut_pieces


class Text:
    """The shared document: normalized text, sentences, clauses, and words on demand.

    >>> doc = Text.from_string("社区现有党员41名，其中女党员16名。开展活动6次")
    >>> [doc.span_text(s) for s in doc.sentences]
    ['社区现有党员41名，其中女党员16名。', '开展活动6次']
    >>> [doc.span_text(c) for c in doc.clauses_in(0, 19)]
    ['社区现有党员41名，', '其中女党员16名。']
    >>> doc.words(0, 6)
    (('社区', 'n'), ('现有', 'b'), ('党员', 'n'))
    >>> doc.words(3, 5)  # a span inside words keeps the parts it covers, as words of their own
    (('有', 'v'), ('党', 'n'))
    """

    __slots__ = (
        "normalized",
        "text",
        "sentences",
        "clauses",
        "deadline",
        "derived",
        "figures",
        "_breaks",
        "_sentence_starts",
        "_clause_starts",
        "_words",
    )

    def __init__(
        self, normalized: Normalized, figures: Sequence[Quantity] = (), deadline: Deadline = NO_DEADLINE
    ) -> None:
        self.normalized = normalized
        self.text: str = normalized.text  # the normalized text every stage works on (read very often)
        self.deadline = deadline
        self.figures: tuple[Quantity, ...] = tuple(sorted(figures, key=lambda q: q.norm_start))
        self._breaks = sorted({edge for q in self.figures for edge in (q.norm_start, q.norm_end)})
        text = normalized.text
        self.sentences: tuple[Sentence, ...] = split_sentences(text)
        self.clauses: tuple[Sentence, ...] = clauses_of(text, self.sentences)
        self._sentence_starts = list(map(_START, self.sentences))
        self._clause_starts = list(map(_START, self.clauses))
        self._words: dict[int, tuple[list[int], tuple[Word, ...]]] = {}
        # What a later reader derives from this text once and reuses (spaCy's ``Doc.user_data``):
        # the checks keep their figure contexts here.
        self.derived: dict[str, Any] = {}

    @classmethod
    def from_string(cls, original: str) -> Text:
        """A Text of ``original`` after normalization, with its figures (tests and doctests use this)."""
        from nlp.figures.quantities import find_quantities
        from nlp.text.normalize import normalize

        normalized = normalize(original)
        return cls(normalized, find_quantities(normalized.text))

    # --- text and offsets ------------------------------------------------------------------------

    @property
    def original(self) -> str:
        return self.normalized.original

    def to_original(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        return self.normalized.to_original(norm_start, norm_end)

    def span_text(self, span: Sentence) -> str:
        return self.normalized.text[span.norm_start : span.norm_end]

    def context(self, start: int, end: int, limit: int = 400) -> str:
        """The sentence around ``[start, end)``; in a sentence longer than ``limit``, a window of
        ``limit`` characters around the span (so a megabyte without a full stop costs a window per
        figure, not the whole sentence per figure).

        >>> Text.from_string("开展活动6次。走访困难户20户").context(4, 6)
        '开展活动6次。'
        """
        sentence = self.sentence_at(start)
        if sentence is None:
            return self.normalized.text[max(0, start - 30) : end + 10]
        if sentence.norm_end - sentence.norm_start > limit:
            half = limit // 2
            return self.normalized.text[max(sentence.norm_start, start - half) : min(sentence.norm_end, end + half)]
        return self.span_text(sentence)

    def check_time(self, where: str) -> None:
        self.deadline.check(where)

    # --- sentences and clauses ---------------------------------------------------------------------

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``, if any (offsets between sentences are in none)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].norm_end:  # (it starts at or before ``offset``)
            return self.sentences[i]
        return None

    def sentence_index(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (0 when none does)."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    def clause_at(self, offset: int) -> Sentence | None:
        """The clause containing ``offset``, if any."""
        i = bisect_right(self._clause_starts, offset) - 1
        if i >= 0 and offset < self.clauses[i].norm_end:
            return self.clauses[i]
        return None

    def clauses_in(self, start: int, end: int) -> tuple[Sentence, ...]:
        """The clauses overlapping ``[start, end)``, clipped to it."""
        first, last = self._first_clause(start), bisect_left(self._clause_starts, end)
        if first >= last:
            return ()
        clauses = self.clauses
        head, tail = clauses[first], clauses[last - 1]
        if head.norm_start >= start and tail.norm_end <= end:
            return clauses[first:last]  # none is cut (a whole sentence, the usual request)
        out = list(clauses[first:last])  # those in between lie inside: only the ends are clipped
        for k in (0, len(out) - 1) if len(out) > 1 else (0,):
            clause = out[k]
            a, b = max(clause.norm_start, start), min(clause.norm_end, end)
            if (a, b) != (clause.norm_start, clause.norm_end):
                out[k] = Sentence(a, b) if b > a else None  # type: ignore[call-overload]
        return tuple(c for c in out if c is not None)

    def _first_clause(self, offset: int) -> int:
        i = bisect_right(self._clause_starts, offset) - 1
        if i < 0:
            return 0
        return i if self.clauses[i].norm_end > offset else i + 1

    # --- words ---------------------------------------------------------------------------------------

    def words(self, start: int, end: int) -> tuple[Word, ...]:
        """The tagged words of ``text[start:end]``, read from the segmentation of its clauses.

        A word cut by the span's edge leaves the part inside, which is segmented and tagged on its
        own (进 of 进社区 is a verb, not part of a noun); text between clauses (line breaks,
        spaces) has no words.
        """
        out: list[Word] = []
        text = self.normalized.text
        first_clause = self._first_clause(start)
        if first_clause < len(self.clauses) and start < end <= self.clauses[first_clause].norm_end:
            starts, words = self._clause_words(first_clause)
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            if first < len(starts) and starts[first] == start and _end_of(starts, words, last) == end:
                return words[first:last]  # whole words of one clause: the common case
        for i in range(first_clause, len(self.clauses)):
            if self.clauses[i].norm_start >= end:
                break
            starts, words = self._clause_words(i)
            first = max(0, bisect_right(starts, start) - 1)
            last = bisect_left(starts, end)  # words starting before ``end``: [first, last)
            for k in range(first, last):
                ws, word = starts[k], words[k][0]
                we = ws + len(word)
                if ws >= start and we <= end:
                    out.append(words[k])
                elif we > start:
                    out += pos_cut(text[max(ws, start) : min(we, end)])
        return tuple(out)

    def word_starts(self, start: int, end: int) -> dict[int, str]:
        """Offsets where a word starts inside ``[start, end)``, each with that word's tag, plus ``end``."""
        i = self._first_clause(start)
        if i < len(self.clauses) and self.clauses[i].norm_start <= start and end <= self.clauses[i].norm_end:
            starts, words = self._clause_words(i)  # within one clause: read its words directly
            first, last = bisect_left(starts, start), bisect_left(starts, end)
            if first < last and starts[first] == start and starts[last - 1] + len(words[last - 1][0]) == end:
                bounds = dict(zip(starts[first:last], map(itemgetter(1), words[first:last]), strict=True))
                bounds[end] = ""
                return bounds
        bounds = {}
        pos = start
        for word, tag in self.words(start, end):
            bounds[pos] = tag
            pos += len(word)
        bounds[pos] = ""
        return bounds

    def clause_range(self, start: int, end: int) -> range:
        """Indices (into ``clauses``) of the clauses overlapping ``[start, end)``."""
        first = self._first_clause(start)
        return range(first, max(first, bisect_left(self._clause_starts, end)))

    def clause_index(self, offset: int) -> int | None:
        """Index (into ``clauses``) of the clause containing ``offset``, if any.

        >>> doc = Text.from_string("开展活动6次，走访20户")
        >>> doc.clause_index(8), doc.clause_index(6), doc.clause_index(40)
        (1, 0, None)
        """
        i = bisect_right(self._clause_starts, offset) - 1
        return i if i >= 0 and self.clauses[i].norm_end > offset else None

    def clause_words(self, index: int) -> tuple[list[int], tuple[Word, ...]]:
        """The start offsets and the tagged words of clause ``index``, segmented on first request."""
        cached = self._words.get(index)  # (the cache read here too: stages ask this very often)
        return cached if cached is not None else self._clause_words(index)

    def _clause_words(self, index: int) -> tuple[list[int], tuple[Word, ...]]:
        """The words of clause ``index`` and their starts, segmented on its first request: the clause
        alone, cut at every figure edge inside it, in one call to the segmenter.

        Only the clauses a stage asks for are segmented (over the 13 long reports about half of
        the characters: the facts read the clauses of figures, the activities the sentences of
        their rule finds, the outline its headings). A clause edge lies beside white space, a
        clause or sentence terminator, a closing quote or bracket, or the text's edge, none of
        which the segmenter joins to a neighbour, so a clause cut alone has the words it has in
        any longer stretch of text (tests/test_text_shortcuts.py).
        """
        cached = self._words.get(index)
        if cached is None:
            self.deadline.check("segmenting")
            clause = self.clauses[index]
            start, end = clause.norm_start, clause.norm_end
            breaks = self._breaks
            cuts = breaks[bisect_right(breaks, start) : bisect_left(breaks, end)]
            starts, words = pos_cut_pieces(self.text[start:end], [cut - start for cut in cuts], start)
            starts.pop()  # (the clause's end)
            cached = self._words[index] = (starts, tuple(words))
        return cached

    @property
    def segmented_clauses(self) -> int:
        """How many clauses' words have been read so far (for benchmarks and tests)."""
        return len(self._words)

    # --- pickling: a Text crosses process boundaries inside a Parse, without its word cache ---------

    def __getstate__(self) -> dict[str, Any]:
        return {"normalized": self.normalized, "figures": self.figures}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["normalized"], state["figures"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"Text({len(self.normalized.text)} chars, {len(self.sentences)} sentences, {len(self.clauses)} clauses)"


_START = attrgetter("norm_start")


def _end_of(starts: list[int], words: Sequence[Word], last: int) -> int:
    """Where word ``last - 1`` ends (-1 when there is none)."""
    return starts[last - 1] + len(words[last - 1][0]) if last else -1
