"""The context of every token of a document's tagged sentences, as integer codes computed with numpy.

A token's context attributes (``scoring.context_attributes``) are its rule label (B/I/O: inside an
activity the grammar rules found), its place in the clause, the figure it is part of and the one
ahead, whether it is quoted, whether it stands in a heading, and the rule labels of the two tokens
before and after it. ``features.sequence_features`` computes them sentence by sentence for
training; here each is one array over all the sentences of ``TaggedTokens`` at once
(``context_values``), and the scorer sums each slot's weights from a table per slot. The ten values
packed into one integer per token (``context_codes``; ``context_of`` unpacks one, as the attribute
strings read it) are the bridge to the training features: tests/test_activity_arrays.py holds the
packed contexts to the plain per-sentence definition on generated sentences, and
tests/test_activity_crf.py holds the per-slot sums to the model's sums over every packed context met.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from nlp.activities.features import _FIGURE_REACH, EVENT_UNITS, MONEY_UNITS, PEOPLE_UNITS, Span
from nlp.activities.token_arrays import TaggedTokens
from nlp.records import Fact

RULE_LABELS = ("O", "B", "I")  # codes 0, 1, 2 (a neighbour's label is coded one more: 0 is past the edge)
FIGURE_SORTS = ("", "event", "people", "money", "other")
_AHEAD_DISTANCES = 3  # the distance to the figure ahead is written 1, 2 or 3 (3: three or four)
_PLACES = 5  # a place in the clause is written 0 … 4 (4: four or later)


@dataclass(frozen=True)
class SpanRanges:
    """Spans met with the tokens they overlap, once per sentence a span overlaps, ordered by
    sentence, then by span (start, end): ``span`` indexes the spans given, ``tokens[first:last]``
    are those of sentence ``sentence`` that overlap it (maybe none)."""

    span: np.ndarray
    sentence: np.ndarray
    first: np.ndarray
    last: np.ndarray


def span_ranges(tokens: TaggedTokens, spans: Sequence[Span]) -> SpanRanges:
    """Where each span lies among the tokens (as ``features._overlapping`` finds it per sentence)."""
    if not spans or not tokens.sentences:
        empty = np.zeros(0, dtype=np.int64)
        return SpanRanges(empty, empty, empty, empty)
    pairs = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
    by_start = np.lexsort((pairs[:, 1], pairs[:, 0]))
    starts, ends = pairs[by_start, 0], pairs[by_start, 1]
    sentence_starts, sentence_ends = tokens.sentence_spans
    # the sentences a span overlaps: from the first ending after its start to the last starting before its end
    first_sentence = np.searchsorted(sentence_ends, starts, side="right")
    count = np.maximum(np.searchsorted(sentence_starts, ends, side="left") - first_sentence, 0)
    which = np.repeat(np.arange(len(starts)), count)
    sentence = np.repeat(first_sentence, count) + _counting_within(count)
    order = np.argsort(sentence, kind="stable")
    which, sentence = which[order], sentence[order]
    lo, hi = tokens.bounds[sentence], tokens.bounds[sentence + 1]
    # token ends and starts rise through the document: the tokens ending after the span's start,
    # up to the first starting at or after its end, clipped to the sentence
    first = np.clip(np.searchsorted(tokens.ends, starts[which], side="right"), lo, hi)
    last = np.clip(np.searchsorted(tokens.starts, ends[which], side="left"), first, hi)
    return SpanRanges(by_start[which], sentence, first, last)


def _counting_within(counts: np.ndarray) -> np.ndarray:
    """0, 1, … counts[0] - 1, 0, 1, … counts[1] - 1, …

    >>> _counting_within(np.array([2, 0, 3])).tolist()
    [0, 1, 0, 1, 2]
    """
    total = int(counts.sum())
    return np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)


def _covered(first: np.ndarray, last: np.ndarray) -> np.ndarray:
    """The token indices of the ranges ``first[k]:last[k]``, one after the other."""
    sizes = last - first
    return np.repeat(first, sizes) + _counting_within(sizes)


def rule_codes(tokens: TaggedTokens, ranges: SpanRanges) -> np.ndarray:
    """``features.bio_labels`` of every sentence as codes (0 O, 1 B, 2 I): a token inside some span
    is B when it is the first token of the earliest span (by start, then end) holding it, else I."""
    n = len(tokens)
    codes = np.zeros(n, dtype=np.int64)
    some = ranges.first < ranges.last
    first, last = ranges.first[some], ranges.last[some]
    if not len(first):
        return codes
    # ranges come by sentence and start, so their first tokens rise: a token is held when some
    # range starting at or before it reaches past it
    reach = np.full(n, -1, dtype=np.int64)
    np.maximum.at(reach, first, last)
    codes[np.maximum.accumulate(reach) > np.arange(n)] = 2
    reached_before = np.maximum.accumulate(np.concatenate(([-1], last[:-1])))
    codes[first[reached_before <= first]] = 1
    return codes


def _figure_sort(unit: str) -> int:
    if unit in EVENT_UNITS:
        return 1
    if unit in PEOPLE_UNITS:
        return 2
    if unit in MONEY_UNITS:
        return 3
    return 4


def figure_codes(
    tokens: TaggedTokens, facts: Sequence[Fact], clause_mark: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``features.figure_marks`` of every sentence as codes: the sort of figure each token is part
    of (an index of ``FIGURE_SORTS``; the last fact holding it decides), and the figure ahead
    (0 none, else 1 + 3 × (sort - 1) + distance - 1)."""
    n = len(tokens)
    figure = np.zeros(n, dtype=np.int64)
    if facts and n:
        ordered = sorted(facts, key=lambda f: f.norm_start)  # as model.sentence_inputs orders them
        facts_at = span_ranges_of_facts(tokens, ordered)
        owner = np.full(n, -1, dtype=np.int64)
        np.maximum.at(
            owner,
            _covered(facts_at.first, facts_at.last),
            np.repeat(facts_at.span, facts_at.last - facts_at.first),
        )
        sorts = np.fromiter((_figure_sort(f.unit) for f in ordered), dtype=np.int64, count=len(ordered))
        held = owner >= 0
        figure[held] = sorts[owner[held]]
    ahead = np.zeros(n, dtype=np.int64)
    if not figure.any():
        return figure, ahead
    index = np.arange(n)
    stops = np.where((figure > 0) | clause_mark, index, n)
    nearest_from = np.minimum.accumulate(stops[::-1])[::-1]  # the nearest at or after each token
    next_stop = np.concatenate((nearest_from[1:], [n]))  # the nearest after it
    distance = next_stop - index
    near = (next_stop < tokens.stop) & (distance <= _FIGURE_REACH)
    near[near] &= ~clause_mark[next_stop[near]]
    ahead[near] = (
        1
        + _AHEAD_DISTANCES * (figure[next_stop[near]] - 1)
        + np.minimum(distance[near], _AHEAD_DISTANCES)
        - 1
    )
    return figure, ahead


def span_ranges_of_facts(tokens: TaggedTokens, ordered: Sequence[Fact]) -> SpanRanges:
    """Each fact (in the order given) with the tokens it overlaps in the sentence its start lies in."""
    fact_starts = np.fromiter((f.norm_start for f in ordered), dtype=np.int64, count=len(ordered))
    fact_ends = np.fromiter((f.norm_end for f in ordered), dtype=np.int64, count=len(ordered))
    sentence_starts, sentence_ends = tokens.sentence_spans
    sentence = np.searchsorted(sentence_starts, fact_starts, side="right") - 1
    inside = sentence >= 0
    inside[inside] = fact_starts[inside] < sentence_ends[sentence[inside]]
    which = np.flatnonzero(inside)
    sentence = sentence[which]
    lo, hi = tokens.bounds[sentence], tokens.bounds[sentence + 1]
    first = np.clip(np.searchsorted(tokens.ends, fact_starts[which], side="right"), lo, hi)
    last = np.clip(np.searchsorted(tokens.starts, fact_ends[which], side="left"), first, hi)
    return SpanRanges(which, sentence, first, last)


def quoted_flags(tokens: TaggedTokens, opens: np.ndarray, closes: np.ndarray) -> np.ndarray:
    """Whether each token is inside quotes: from a word opening a quotation to the word closing it
    (a word may do both), within its sentence."""
    n = len(tokens)
    index = np.arange(n)
    opening = opens & ~closes  # the state after a word: closed if it closes, open if it only opens
    last_mark = np.maximum.accumulate(np.where(opens | closes, index, -1))
    mark_before = np.concatenate(([-1], last_mark[:-1]))
    open_before = (mark_before >= tokens.first) & opening[np.maximum(mark_before, 0)]
    return opens | open_before


def clause_places(tokens: TaggedTokens, clause_mark: np.ndarray) -> np.ndarray:
    """Each token's place in its clause: 0 at the sentence's start or after a clause mark, at most 4."""
    n = len(tokens)
    index = np.arange(n)
    after_mark = np.concatenate(([False], clause_mark[:-1]))
    clause_start = np.maximum(np.maximum.accumulate(np.where(after_mark, index, 0)), tokens.first)
    return np.minimum(index - clause_start, _PLACES - 1)


def heading_flags(tokens: TaggedTokens, heading_spans: Sequence[Span]) -> np.ndarray:
    """Whether each token starts inside one of ``heading_spans``."""
    merged: list[list[int]] = []
    for s, e in sorted(heading_spans):
        if s >= e:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    if not merged:
        return np.zeros(len(tokens), dtype=bool)
    bounds = np.asarray(merged, dtype=np.int64)
    at = np.searchsorted(bounds[:, 0], tokens.starts, side="right") - 1
    return (at >= 0) & (tokens.starts < bounds[np.maximum(at, 0), 1])


def neighbour_codes(tokens: TaggedTokens, rule: np.ndarray, offset: int) -> np.ndarray:
    """The rule code of the token ``offset`` places away, plus one; 0 past the sentence's edge."""
    n = len(tokens)
    index = np.arange(n)
    other = index + offset
    present = (other >= tokens.first) & (other < tokens.stop)
    out = np.zeros(n, dtype=np.int64)
    out[present] = rule[other[present]] + 1
    return out


# the radix of each packed value, in the order of ``Context``
CONTEXT_RADIX = (3, _PLACES, len(FIGURE_SORTS), 1 + 4 * _AHEAD_DISTANCES, 2, 2, 4, 4, 4, 4)
_NEIGHBOUR_OFFSETS = (-2, -1, 1, 2)  # the neighbours of slots 6 … 9


def context_values(
    tokens: TaggedTokens,
    clause_mark: np.ndarray,
    opens: np.ndarray,
    closes: np.ndarray,
    facts: Sequence[Fact],
    rule_spans: Sequence[Span],
    heading_spans: Sequence[Span],
) -> tuple[np.ndarray, ...]:
    """The ten values of every token's context, one array each, in the order of ``CONTEXT_RADIX``
    (value k of a token lies in ``range(CONTEXT_RADIX[k])``; ``slot_attribute`` names what it writes)."""
    rule = rule_codes(tokens, span_ranges(tokens, rule_spans))
    figure, ahead = figure_codes(tokens, facts, clause_mark)
    return (
        rule,
        clause_places(tokens, clause_mark),
        figure,
        ahead,
        quoted_flags(tokens, opens, closes).astype(np.int64),
        heading_flags(tokens, heading_spans).astype(np.int64),
        *(neighbour_codes(tokens, rule, d) for d in _NEIGHBOUR_OFFSETS),
    )


def context_codes(
    tokens: TaggedTokens,
    clause_mark: np.ndarray,
    opens: np.ndarray,
    closes: np.ndarray,
    facts: Sequence[Fact],
    rule_spans: Sequence[Span],
    heading_spans: Sequence[Span],
) -> np.ndarray:
    """One integer per token packing its whole context (``context_of`` unpacks it)."""
    values = context_values(tokens, clause_mark, opens, closes, facts, rule_spans, heading_spans)
    code = np.zeros(len(tokens), dtype=np.int64)
    for radix, value in zip(CONTEXT_RADIX, values, strict=True):
        code = code * radix + value
    return code


def slot_attribute(slot: int, value: int) -> str | None:
    """The attribute value ``value`` of context slot ``slot`` writes (``CONTEXT_RADIX``'s order), or None
    when it writes none: ``scoring.context_attributes(context_of(code))`` is, for every code, the
    attributes of its ten values in slot order, those that write none left out (a test holds
    them to it).

    >>> [slot_attribute(0, 1), slot_attribute(3, 0), slot_attribute(3, 5), slot_attribute(4, 0), slot_attribute(9, 3)]
    ['rule:B', 'figahead:-', 'figahead:people2', None, 'rule+2:I']
    """
    if slot == 0:
        return "rule:" + RULE_LABELS[value]
    if slot == 1:
        return f"pos:{value}"
    if slot == 2:
        return "fig:" + (FIGURE_SORTS[value] or "-")
    if slot == 3:
        if not value:
            return "figahead:-"
        sort, distance = divmod(value - 1, _AHEAD_DISTANCES)
        return f"figahead:{FIGURE_SORTS[sort + 1]}{distance + 1}"
    if slot in (4, 5):
        return ("quoted", "heading")[slot - 4] if value else None
    offset = _NEIGHBOUR_OFFSETS[slot - 6]
    return f"rule{offset:+d}:{RULE_LABELS[value - 1]}" if value else None


def context_of(
    code: int,
) -> tuple[str, int, str, str, bool, bool, str | None, str | None, str | None, str | None]:
    """The context a code packs, as ``scoring.context_attributes`` reads it.

    >>> context_of(0)
    ('O', 0, '', '', False, False, None, None, None, None)
    """
    values = []
    for radix in reversed(CONTEXT_RADIX):
        code, value = divmod(code, radix)
        values.append(value)
    rule, place, figure, ahead, quoted, heading, *around = reversed(values)
    ahead_text = ""
    if ahead:
        sort, distance = divmod(ahead - 1, _AHEAD_DISTANCES)
        ahead_text = f"{FIGURE_SORTS[sort + 1]}{distance + 1}"
    return (
        RULE_LABELS[rule],
        place,
        FIGURE_SORTS[figure],
        ahead_text,
        bool(quoted),
        bool(heading),
        *(RULE_LABELS[a - 1] if a else None for a in around),
    )
