"""A document's activity name spans from the tagger's labels and marginals, all sentences at once.

For each sentence the model reads the best labels leniently (``decoding.lenient_by_outside``),
takes the ``B I*`` runs as tidied spans (``decoding.decode``), and keeps the rule finds the tagger
doubts but does not put outside (``model.doubted_rule_spans``). Those plain functions work one
sentence of tokens at a time (cross-validation reads them); here the labels and runs are numpy over
the document's ``TaggedTokens``, and only the runs found and the rule finds are visited one by one.
tests/test_activity_arrays.py holds the result to the plain functions on generated sentences.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nlp.activities.decoding import tidy
from nlp.activities.features import Span
from nlp.activities.token_arrays import TaggedTokens
from nlp.activities.token_context import RULE_LABELS, span_ranges

_O, _B, _I = range(3)  # label codes, as token_context.RULE_LABELS


def label_codes(best: np.ndarray, labels: Sequence[str]) -> np.ndarray:
    """The tagger's label indices as codes of ``RULE_LABELS`` (0 O, 1 B, 2 I)."""
    return np.asarray([RULE_LABELS.index(label) for label in labels], dtype=np.int64)[best]


def lenient_codes(
    tokens: TaggedTokens, codes: np.ndarray, p_outside: np.ndarray, threshold: float
) -> np.ndarray:
    """``decoding.lenient_by_outside`` of every sentence: a token the best path leaves outside but
    whose probability of O is below ``threshold`` is taken in, continuing (I) a taken-in word
    before it in the sentence, else opening (B)."""
    taken = (codes == _O) & (p_outside < threshold)
    inside = (codes != _O) | taken
    index = np.arange(len(codes))
    after_inside = np.concatenate(([False], inside[:-1])) & (index > tokens.first)
    out = codes.copy()
    out[taken] = np.where(after_inside[taken], _I, _B)
    return out


def label_runs(tokens: TaggedTokens, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first and last token of every ``B I*`` run (an ``I`` with nothing open starts one), as
    ``features.spans_of`` finds them in each sentence."""
    index = np.arange(len(codes))
    sentence_start = index == tokens.first
    before = np.concatenate(([_O], codes[:-1]))
    opens = (codes == _B) | ((codes == _I) & (sentence_start | (before == _O)))
    sentence_end = index + 1 == tokens.stop
    after = np.concatenate((codes[1:], [_O]))
    closes = (codes != _O) & (sentence_end | (after != _I))
    return np.flatnonzero(opens), np.flatnonzero(closes)


def document_spans(
    text: str,
    tokens: TaggedTokens,
    codes: np.ndarray,
    p_outside: np.ndarray,
    rule_spans: Sequence[Span],
    keep_doubted: float,
) -> list[Span]:
    """The spans of every sentence, sentence after sentence, each sentence's sorted: its tidied
    runs of at least two characters, and its doubted rule finds (``model.doubted_rule_spans``)."""
    tagged: dict[int, list[Span]] = {}
    firsts, lasts = label_runs(tokens, codes)
    runs = zip(
        tokens.starts[firsts].tolist(),
        tokens.ends[lasts].tolist(),
        tokens.sentence_of[firsts].tolist(),
        strict=True,
    )
    for start, end, sentence in runs:
        s, e = tidy(text, start, end)
        if e - s >= 2:
            tagged.setdefault(sentence, []).append((s, e))
    found = {sentence: list(spans) for sentence, spans in tagged.items()}
    for sentence, span in _doubted(tokens, p_outside, rule_spans, tagged, keep_doubted):
        found.setdefault(sentence, []).append(span)
    return [span for sentence in sorted(found) for span in sorted(found[sentence])]


def _doubted(
    tokens: TaggedTokens,
    p_outside: np.ndarray,
    rule_spans: Sequence[Span],
    tagged: dict[int, list[Span]],
    limit: float,
) -> list[tuple[int, Span]]:
    """The rule finds no tagged span of the sentence overlaps whose tokens' mean probability of O
    is below ``limit``, with their sentence (a find is judged in each sentence it overlaps)."""
    ranges = span_ranges(tokens, rule_spans)
    probabilities = p_outside.tolist()  # summed as plain floats, in token order, as the plain function sums
    kept = []
    for which, sentence, first, last in zip(
        ranges.span.tolist(),
        ranges.sentence.tolist(),
        ranges.first.tolist(),
        ranges.last.tolist(),
        strict=True,
    ):
        if first == last:
            continue
        s, e = rule_spans[which]
        if any(a < e and s < b for a, b in tagged.get(sentence, ())):
            continue
        if sum(probabilities[first:last]) / (last - first) < limit:
            kept.append((sentence, (s, e)))
    return kept
