"""What the activity grammar reads of a whole document, found once per document.

The rules (nlp/activities/sentence_rules.py, clause_rules.py) ask the same questions of every
sentence and clause: where is the next verb, does the sentence hold a cue word, where do the words
of this clause start. Here each is answered from one scan of the document's text, made when the
document's activities are sought (nlp/activities/extract.py), instead of by a regular-expression
search per clause and per position:

- ``Occurrences``: the matches of a word list's pattern over the whole text, as sorted offsets;
  ``search`` gives what the pattern would find in a span, ``within_each`` whether each of many
  spans holds a word (numpy, one call per document);
- ``GrammarIndex``: the verbs, the completion and mention words (one scan for both: a sentence
  holding either may complete or mention, and each of those rules looks for its own word), the
  offsets inside words that contain a verb without being one (党组织), the pieces the rules read,
  whether each sentence and piece holds a verb or a cue, whether a piece's verbs may introduce an
  activity without a figure (weak verbs alone need a head: nlp/activities/weak_pieces.py), and a
  piece's word bounds (``WordBounds``) read from the Text's segmentation.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from operator import attrgetter

import numpy as np
import regex

from nlp.activities.vocab import vocab
from nlp.activities.weak_pieces import verbs_may_act
from nlp.activities.word_scan import WordScan
from nlp.records import Sentence
from nlp.text.document import Text

_LONGEST_WORD = 32  # how far back the word before a verb may start
_NEVER = np.iinfo(np.int64).max  # an offset past every text


class Occurrences:
    """The words of ``pattern`` (an alternation of literal words, longest first) found in one scan
    of ``text``: the start and end of each match, leftmost and longest first, not overlapping.

    ``search`` answers ``pattern.search(text, pos, end)`` from them: the first match at or after
    ``pos`` is the scan's, unless ``pos`` lies inside a match of the scan (a word may start there
    too) or the match runs past ``end`` (a shorter word may end before it); then the pattern is
    searched there, as before.

    >>> found = Occurrences(re.compile("党组织|组织"), "社区党组织组织活动")
    >>> found.starts, found.ends
    ([2, 5], [5, 7])
    >>> found.search(0, 9), found.search(3, 9), found.search(2, 4), found.search(7, 9)
    ((2, 5), (3, 5), None, None)
    """

    __slots__ = ("pattern", "text", "starts", "ends", "words", "_start_array", "_end_array", "_starts", "_ends")

    def __init__(
        self, pattern: re.Pattern[str], text: str, found: tuple[list[int], list[int], list[int]] | None = None
    ) -> None:
        """``found``: the scan's starts, ends and words, when a ``WordScan`` of the pattern's
        words made it (nlp/activities/word_scan.py); else the pattern scans ``text`` here."""
        self.pattern = pattern
        self.text = text
        if found is None:
            spans = [m.span() for m in pattern.finditer(text)]
            # (flat lists of ints: numpy reads them several times faster than a list of pairs)
            found = [start for start, _ in spans], [end for _, end in spans], []
        self.starts: list[int] = found[0]
        self.ends: list[int] = found[1]
        self.words: list[int] = found[2]  # the index of each match's word in its WordScan (none without)
        # a last match past every span: each span has a first
        self._start_array = np.array([*self.starts, _NEVER], dtype=np.int64)
        self._end_array = np.array([*self.ends, _NEVER], dtype=np.int64)
        # the same between two sentinel matches, one before the text and one after it
        self._starts = [-1, *self.starts, _NEVER]
        self._ends = [-1, *self.ends, _NEVER]

    def search(self, pos: int, end: int) -> tuple[int, int] | None:
        """The span ``pattern.search(text, pos, end)`` finds, or None (``pos`` >= 0)."""
        starts, ends = self._starts, self._ends
        i = bisect_left(starts, pos)  # the first match starting at or after ``pos``
        if ends[i - 1] > pos or (starts[i] < end < ends[i]):  # inside a match, or one running past the end
            m = self.pattern.search(self.text, pos, end)
            return m.span() if m is not None else None
        if starts[i] >= end:
            return None
        return starts[i], ends[i]

    def within_each(self, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        """Whether ``search`` finds a word in each span ``[starts[k], ends[k])``, for all at once
        (spans in any order)."""
        found_starts, found_ends = self._start_array, self._end_array
        i = np.searchsorted(found_starts, starts)  # the first match starting at or after each span
        previous_end = np.where(i > 0, found_ends[i - 1], -1)
        first_start, first_end = found_starts[i], found_ends[i]
        result = first_start < ends
        # as in ``search``: a span starting inside a match, or one whose first match runs past its
        # end, is searched with the pattern itself
        for k in np.flatnonzero((previous_end > starts) | (result & (first_end > ends))):
            result[k] = self.pattern.search(self.text, int(starts[k]), int(ends[k])) is not None
        return result


class WordBounds:
    """Where words start inside ``[start, end)``, a span of one clause, and where it ends: the
    keys of ``Text.word_starts(start, end)``, asked as ``offset in bounds``.

    When the span's edges fall between words (the usual case: a clause, or a piece of one cut
    before a 、), its bounds are the clause's word starts inside it, and the end, read from the
    clause's segmentation in place (a bisection per question: the rules ask a few per piece, and
    a set of the piece's words cost more to make than they ask); otherwise the Text segments the
    cut parts (``word_starts``) and those are kept as a dict.
    """

    __slots__ = ("_clause", "_first", "_last", "_cut")

    def __init__(self, doc: Text, clause_index: int, start: int, end: int) -> None:
        starts, words = doc.clause_words(clause_index)
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if first < last and starts[first] == start and starts[last - 1] + len(words[last - 1][0]) == end:
            self._cut: dict[int, str] | None = None
        else:
            self._cut = doc.word_starts(start, end)
        self._clause = starts, words, start, end
        self._first, self._last = first, last

    def __contains__(self, offset: int) -> bool:
        """Whether a word starts at ``offset`` inside the span, or ``offset`` is the span's end."""
        if self._cut is not None:
            return offset in self._cut
        starts, _, _, end = self._clause
        if offset == end:
            return True
        last = self._last
        i = bisect_left(starts, offset, self._first, last)
        return i < last and starts[i] == offset

    def holds_word(self, start: int, end: int) -> bool:
        """``start in self and end in self``, asked in one call: whether the
        span's word bounds hold both edges of a match (the verbs' first test, asked of each)."""
        if self._cut is not None:
            return start in self._cut and end in self._cut
        starts, _, _, stop = self._clause
        first, last = self._first, self._last
        if start != stop:
            i = bisect_left(starts, start, first, last)
            if i >= last or starts[i] != start:
                return False
        if end == stop:
            return True
        j = bisect_left(starts, end, first, last)
        return j < last and starts[j] == end

    def tags_at(self, offset: int) -> tuple[str, str]:
        """The tag of the word starting at ``offset`` and that of the word before it, if that
        starts within a word's length ("" where there is none, and at the span's end)."""
        starts, words, start, end = self._clause
        if self._cut is not None:
            bounds = sorted(self._cut)
            k = bisect_left(bounds, offset) - 1
            before = bounds[k] if k >= 0 and bounds[k] > offset - _LONGEST_WORD else None
            return self._cut.get(offset, ""), self._cut[before] if before is not None else ""
        if not start <= offset < end:
            return "", ""  # (the verb checked starts inside the span: never)
        i = bisect_left(starts, offset)
        tag = words[i][1] if i < len(starts) and starts[i] == offset else ""
        k = i - 1
        previous = words[k][1] if k >= 0 and starts[k] >= start and starts[k] > offset - _LONGEST_WORD else ""
        return tag, previous


class GrammarIndex:
    """The per-document look-ups of the activity grammar (see the module's docstring)."""

    __slots__ = (
        "doc",
        "text",
        "verbs",
        "named_cues",
        "not_verb_offsets",
        "sentence_has_verb",
        "sentence_may_name",
        "piece_starts",
        "piece_ends",
        "piece_clause",
        "piece_has_verb",
        "piece_has_cue",
        "piece_verbs_may_act",
        "piece_may_find",
        "sentence_first_piece",
        "clause_starts",
        "clause_ends",
        "_sentence_bounds",
        "_sentence_cued",
    )

    def __init__(self, doc: Text, screen_weak_pieces: bool = True) -> None:
        v = vocab()
        text = doc.text
        self.doc = doc
        self.text = text
        verb_scan, cue_scan, not_verb_scan = word_scans()
        self.verbs = Occurrences(v.verb_re, text, verb_scan.spans(text))
        # completion words and mentioned heads
        self.named_cues = Occurrences(v.named_cue_re, text, cue_scan.spans(text))
        # offsets inside a word that contains a verb without being one (党组织): no verb starts there
        self.not_verb_offsets = not_verb_scan.covered(text)

        starts, ends = (np.array(bounds, dtype=np.int64) for bounds in _spans(doc.sentences))
        self._sentence_bounds = starts, ends
        # for each sentence (by index): whether it holds a verb, and a completion word or a mentioned head
        has_verb = self.verbs.within_each(starts, ends)
        may_name = self.named_cues.within_each(starts, ends)
        self.sentence_has_verb: list[bool] = has_verb.tolist()
        self.sentence_may_name: list[bool] = may_name.tolist()

        # the pieces the rules read: the Text's clauses cut before each 、 that opens a new
        # project item (``sentence_rules.sub_clauses`` of every clause), with their clause's index
        self.clause_starts, self.clause_ends = _spans(doc.clauses)
        piece_starts, piece_ends, piece_clause = self._pieces(v.opener_re)
        has_verb = self.verbs.within_each(piece_starts, piece_ends)
        has_named = self.named_cues.within_each(piece_starts, piece_ends)
        # the pieces whose verbs may introduce an activity with no figure in the piece (a piece of
        # weak verbs alone needs a head or a figure: nlp/activities/weak_pieces.py)
        may_act = verbs_may_act(self.verbs, piece_starts, piece_ends, has_verb) if screen_weak_pieces else has_verb
        self.piece_starts: list[int] = piece_starts.tolist()
        self.piece_ends: list[int] = piece_ends.tolist()
        self.piece_clause: list[int] = piece_clause.tolist()
        self.piece_has_verb: list[bool] = has_verb.tolist()
        self.piece_has_cue: list[bool] = (has_verb | has_named).tolist()
        self.piece_verbs_may_act: list[bool] = may_act.tolist()
        # whether a rule may find anything in the piece without a figure and no list to continue
        self.piece_may_find: list[bool] = (may_act | has_named).tolist()
        # the pieces of sentence k are [sentence_first_piece[k], sentence_first_piece[k + 1])
        first_piece = np.searchsorted(piece_starts, np.append(starts, len(text)))
        self.sentence_first_piece: list[int] = first_piece.tolist()
        # a sentence may give an activity without a figure when one of its pieces may, or it holds
        # a completion word or a mentioned head (the rules that read those look for them first)
        acting = np.concatenate(([0], np.cumsum(may_act)))
        self._sentence_cued = (acting[first_piece[1:]] > acting[first_piece[:-1]]) | may_name

    def sentences_to_read(self, fact_starts: list[int]) -> list[tuple[int, int, int]]:
        """The sentences a rule may find an activity in, those holding a figure, a completion word,
        a mentioned head or a piece whose verbs may introduce one (``piece_verbs_may_act``), as
        (sentence index, first figure, end figure):
        the figures ``[first, end)`` of ``fact_starts`` (sorted) start inside the sentence."""
        figures = np.asarray(fact_starts, dtype=np.int64)
        starts, ends = self._sentence_bounds
        first, last = np.searchsorted(figures, starts), np.searchsorted(figures, ends)
        chosen = np.flatnonzero((last > first) | self._sentence_cued)
        return list(zip(chosen.tolist(), first[chosen].tolist(), last[chosen].tolist(), strict=True))

    def word_bounds(self, clause_index: int, start: int, end: int) -> WordBounds:
        """The word bounds of ``[start, end)`` inside clause ``clause_index`` (``Text.word_starts``)."""
        return WordBounds(self.doc, clause_index, start, end)


    def _pieces(self, opener: regex.Pattern) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every clause cut before each 、 that opens a new item, as the sorted arrays of the
        pieces' starts and ends and the index of each piece's clause (what ``sub_clauses`` makes
        of each clause)."""
        text = self.text
        first, last = self.clause_starts, self.clause_ends
        cuts: list[int] = []
        cut_clause: list[int] = []
        for m in opener.finditer(text):  # 、 followed by an opener; its clause must hold both
            k = bisect_right(first, m.start()) - 1
            if k >= 0 and m.start() + 1 < last[k] and opener.match(text, m.start(), last[k]) is not None:
                cuts.append(m.start() + 1)
                cut_clause.append(k)
        starts = np.array(first + cuts, dtype=np.int64)
        clause = np.array([*range(len(first)), *cut_clause], dtype=np.int64)
        order = np.argsort(starts, kind="stable")
        starts, clause = starts[order], clause[order]
        following = np.append(starts[1:], _NEVER)
        ends = np.minimum(following, np.array(last, dtype=np.int64)[clause])
        return starts, ends, clause


@cache
def word_scans() -> tuple[WordScan, WordScan, WordScan]:
    """The scans of the verbs, the completion words and mentioned heads, and the words that
    contain a verb without being one: the words of ``verb_re``, ``named_cue_re`` and
    ``not_verb_re`` (the same trie patterns)."""
    v = vocab()
    return WordScan(sorted(set(v.light) | set(v.content))), WordScan(v.named_cues), WordScan(v.not_verbs)


def _spans(spans: Sequence[Sentence]) -> tuple[list[int], list[int]]:
    """The start and end offsets of ``spans``, as two lists (``np.array`` of a list of ints
    costs less than ``np.fromiter`` over the attributes)."""
    return list(map(_START, spans)), list(map(_END, spans))


_START, _END = attrgetter("norm_start"), attrgetter("norm_end")
