"""From the tagger's labels to activity names: BIO runs as spans (``decode``), tidied as the
guidelines write names (``tidy``), with the lenient reading of the marginals (``lenient_labels``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from nlp.activities.char_tables import by_first_char
from nlp.activities.features import Span, Token, spans_of
from nlp.activities.names import CLOSE_QUOTES, OPEN_QUOTES, trim
from nlp.activities.vocab import vocab


def tidy(text: str, start: int, end: int) -> Span:
    """A labelled run trimmed as the guidelines write names: no surrounding punctuation, leading
    particle or manner modifier, nor a light verb the segmenter glued to its object (新建文化广场),
    nor what stands before a verb that opens a name (…专家开设健康讲座); a content verb stays
    (走访慰问).

    >>> t = "新建文化广场"
    >>> s, e = tidy(t, 0, len(t)); t[s:e]
    '文化广场'
    >>> t = "以“和美邻里”为题"
    >>> s, e = tidy(t, 2, 6); t[s:e]
    '“和美邻里”'
    >>> t = "邀请专家开设健康讲座"
    >>> s, e = tidy(t, 2, len(t)); t[s:e]
    '健康讲座'
    >>> t = "走访慰问困难群众"
    >>> s, e = tidy(t, 0, len(t)); t[s:e]
    '走访慰问困难群众'
    >>> t = "<b>走访</b>慰问"
    >>> s, e = tidy(t, 3, 6); t[s:e]
    '走访'
    """
    v = vocab()
    if start > 0 and text[start - 1] in OPEN_QUOTES:  # a name keeps its quotation marks
        start -= 1
    start, end = trim(text, *_without_symbols(text, start, end))
    piece = text[start:end]
    if (
        end < len(text)
        and text[end] in CLOSE_QUOTES
        and sum(map(piece.count, OPEN_QUOTES)) > sum(map(piece.count, CLOSE_QUOTES))
    ):
        end += 1
    for verb in v.opens_name:  # …的专家开设健康讲座: the name is what follows the verb
        at = text.rfind(verb, start + 1, end)
        if at > start and end - at - len(verb) >= 2:
            start, end = trim(text, at + len(verb), end)
    for verb in _light_verbs_by_char().get(text[start : start + 1], ()):  # longest first
        if text.startswith(verb, start, end) and end - start - len(verb) >= 2:
            start, end = trim(text, start + len(verb), end)
            break
    return start, end


@cache
def _light_verbs_by_char() -> dict[str, tuple[str, ...]]:
    """The light verbs that are not content verbs, by first character, in the vocabulary's order."""
    v = vocab()
    return by_first_char([verb for verb in v.light if verb not in v.content])


_OPENING = frozenset(OPEN_QUOTES) | frozenset("《（(")
_CLOSING = frozenset(CLOSE_QUOTES) | frozenset("》）)")


def _without_symbols(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without the symbols at its edges (markup, slashes, dashes: a tagged run may
    take in a token the segmenter left on its own); letters, digits, quotes and brackets stay.

    >>> t = "<b>走访</b>"
    >>> s, e = _without_symbols(t, 0, len(t)); t[s:e]
    'b>走访</b'
    >>> s, e = _without_symbols(t, 3, 6); t[s:e]
    '走访'
    """
    while start < end and not text[start].isalnum() and text[start] not in _OPENING:
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in _CLOSING:
        end -= 1
    return start, end


def decode(text: str, tokens: Sequence[Token], labels: Sequence[str]) -> list[Span]:
    """Spans of the labelled runs, tidied, at least two characters long."""
    found = []
    for s, e in spans_of(tokens, labels):
        s, e = tidy(text, s, e)
        if e - s >= 2:
            found.append((s, e))
    return found


def lenient_labels(best: Sequence[str], marginals: Sequence[dict[str, float]], threshold: float) -> list[str]:
    """The best labels, where a token the best path leaves outside (O) is taken in when the
    probability of O is below ``threshold``: the tagger is trained on few examples and would
    rather say O, so this trades a little precision for recall (the threshold is chosen by
    cross-validation).

    >>> lenient_labels(["O", "O", "O"], [{"O": 0.9}, {"O": 0.3}, {"O": 0.4}], 0.5)
    ['O', 'B', 'I']
    """
    return lenient_by_outside(best, [m.get("O", 1.0) for m in marginals], threshold)


def lenient_by_outside(best: Sequence[str], p_outside: Sequence[float], threshold: float) -> list[str]:
    """``lenient_labels`` read from each token's probability of O alone.

    >>> lenient_by_outside(["O", "B", "O", "O"], [0.9, 0.1, 0.3, 0.8], 0.5)
    ['O', 'B', 'I', 'O']
    """
    labels = list(best)
    for i, label in enumerate(labels):
        if label == "O" and p_outside[i] < threshold:
            labels[i] = "I" if i and labels[i - 1] != "O" else "B"
    return labels
