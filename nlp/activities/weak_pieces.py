"""Which pieces of a document can give the verb rule an activity, told for all of them at once.

A *weak* verb (加强, 推进, 做好, 完成 …, ``verbs.weak`` in nlp/resources/activities.toml) introduces an
item only when the item holds an activity head or a figure counts it (``clause_rules.verb_items``:
an object without a head and without figures is dropped whole; ``_is_item`` drops each item
without a head that no figure counts). So ``verb_items`` finds nothing in a piece when

1. every verb it can meet there is weak: no verb that is not weak occurs at any offset of the
   piece (``strong_verb_spans`` marks every match of the document's verb scan at whose start or
   inside which such a verb begins: by the matched word alone, or for the few weak words inside
   which one may begin, such as 新建 before 立健全, by the text);
2. no figure lies in the piece (``find_in_sentence`` knows the figures; it asks this module only
   for pieces without one);
3. no activity head (``head_re``, literal words) lies in the piece after the end of the first
   verb that can begin there: every name the rule reads is the object after a weak verb (no weak
   verb is a content verb, whose name would hold the verb: ``_name_offset``), so the 建设 of
   党风廉政建设, a head and the piece's only verb, is no head of a name.

The two tests of the document (1 and 3) are made here once per document, and the rule is asked
only of the pieces that pass them or hold a figure. About a third of the pieces with a verb are
weak-only in the genre's reports (做好…工作, 加强…管理), and each cost a full reading: the segmented
words of its clause, the verb's word bounds, the object's end, trim and split.
tests/test_activity_weak_pieces.py runs the rules with and without this screen on generated text.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import repeat
from typing import TYPE_CHECKING

import numpy as np

from nlp.activities.vocab import holds_head, vocab
from nlp.activities.word_trie import trie_pattern

if TYPE_CHECKING:
    from nlp.activities.grammar_index import Occurrences


# What a match of the verb scan may hold (``_match_kinds``): weak verbs only; a verb that is not
# weak at its start (the word itself, or a shorter verb it begins with); weak verbs at its start,
# but a verb that is not weak may begin inside it and run on past it (建 of 新建 begins 建立健全),
# which the text after the match decides.
_WEAK, _STRONG, _ASK_INSIDE = 0, 1, 2


@cache
def _match_kinds() -> dict[str, int]:
    """For every verb, what a scan match of it may hold. At the match's start the verbs that may
    occur are the verbs it begins with (the scan takes the longest); inside it, a verb starting
    there either lies within the rest of the word or begins with that rest."""
    v = vocab()
    verbs = set(v.light) | set(v.content)
    strong = [w for w in verbs if w not in v.weak_verbs]

    def kind(word: str) -> int:
        if any(word.startswith(s) for s in strong):
            return _STRONG
        for i in range(1, len(word)):
            rest = word[i:]
            if any(rest.startswith(s) or s.startswith(rest) for s in strong):
                return _ASK_INSIDE
        return _WEAK

    return {word: kind(word) for word in verbs}


@cache
def _kinds_by_word() -> np.ndarray:
    """``_match_kinds`` of each word of the verb scan (``grammar_index.word_scans``), by its index."""
    from nlp.activities.grammar_index import word_scans

    kinds = _match_kinds()
    return np.array([kinds[word] for word in word_scans()[0].words], dtype=np.int8)


@cache
def _strong_re() -> re.Pattern[str]:
    """The verbs that are not weak (a match at an offset: one of them begins there)."""
    v = vocab()
    return re.compile(trie_pattern(w for w in (*v.light, *v.content) if w not in v.weak_verbs))


@cache
def _name_offset() -> int:
    """How far after the start of a piece's first verb a name of a weak verb can start: the
    shortest verb's length (its object starts after it), or 0 if a weak verb is a content verb."""
    v = vocab()
    if v.weak_verbs & v.content_verbs:
        return 0
    return min(map(len, (*v.light, *v.content)))


def strong_verb_spans(verbs: Occurrences) -> tuple[np.ndarray, np.ndarray]:
    """The starts and ends (sorted) of the verb scan's matches at or inside which a verb that is
    not weak may begin. Every offset where any verb begins is a match's start or lies inside a
    match (the scan takes the leftmost match at each step), so a span holding none of these
    offsets meets weak verbs only."""
    text, kinds = verbs.text, _match_kinds()
    starts, ends = verbs.starts, verbs.ends
    if verbs.words:  # the index of each match's word in the verb scan: the kinds by index
        kind = _kinds_by_word()[np.asarray(verbs.words, dtype=np.intp)]
    else:
        kind = np.fromiter(
            # (a match that is no listed verb, which cannot happen, would count as strong)
            map(kinds.get, map(text.__getitem__, map(slice, starts, ends)), repeat(_STRONG)),
            dtype=np.int8,
            count=len(starts),
        )
    strong = kind == _STRONG
    if (kind == _ASK_INSIDE).any():
        strong_at = _strong_re().match
        for k in np.flatnonzero(kind == _ASK_INSIDE).tolist():
            strong[k] = any(strong_at(text, q) is not None for q in range(starts[k] + 1, ends[k]))
    keep = np.flatnonzero(strong)
    return np.asarray(starts, dtype=np.int64)[keep], np.asarray(ends, dtype=np.int64)[keep]


def verbs_may_act(
    verbs: Occurrences, piece_starts: np.ndarray, piece_ends: np.ndarray, has_verb: np.ndarray
) -> np.ndarray:
    """For each piece ``[piece_starts[k], piece_ends[k])``: whether ``verb_items`` may find an
    activity in it without a figure (tests 1 and 3 of the module's docstring); False for a piece
    without a verb."""
    strong_starts, strong_ends = strong_verb_spans(verbs)
    # a strong match overlapping the piece: the first ending after its start begins before its end
    first = np.searchsorted(strong_ends, piece_starts, side="right")
    padded = np.append(strong_starts, np.iinfo(np.int64).max)
    may_act = has_verb & (padded[first] < piece_ends)
    weak_only = np.flatnonzero(has_verb & ~may_act)
    if len(weak_only):
        text, head = verbs.text, holds_head()  # (``vocab().head_re`` searched)
        # where the first verb of each piece can begin (a piece starting inside a match: at the
        # piece's start), and where its names can begin
        match_starts = np.asarray(verbs.starts, dtype=np.int64)
        match_ends = np.asarray(verbs.ends, dtype=np.int64)
        starts, ends = piece_starts[weak_only], piece_ends[weak_only]
        k = np.searchsorted(match_ends, starts, side="right")
        names_from = np.maximum(starts, match_starts[np.minimum(k, len(match_starts) - 1)]) + _name_offset()
        for i, s, e in zip(weak_only.tolist(), names_from.tolist(), ends.tolist(), strict=True):
            if head(text, s, e):
                may_act[i] = True
    return may_act
