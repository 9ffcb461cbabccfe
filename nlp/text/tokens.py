"""Words and part-of-speech tags, from a private jieba-rs (``rjieba``) segmenter with the project's
user dictionary (nlp/resources/lexicon.txt).

This is the only module that segments. Stages never call it on strings of their own: they ask the
document's ``Text`` for the words of a span (``Text.words``), and the Text tags each clause once,
on first request. jieba-rs reads the same dictionary as Python jieba and segments about 30 times
faster; its instance is private, so other users of jieba are not affected.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING

from nlp.errors import ResourceError
from nlp.kernels import optional_kernel
from nlp.resources import load_lines

if TYPE_CHECKING:
    import rjieba

Word = tuple[str, str]  # (word, part-of-speech tag), jieba's tag set


@cache
def _segmenter() -> tuple[rjieba.Jieba, dict[str, str], re.Pattern[str] | None]:
    """The private segmenter, and the lexicon's tags it does not give: jieba-rs keeps a known
    word's own tag when the word is added again (村 stays zg), so those few are applied after
    tagging, where a pattern finds one of them in the text."""
    import rjieba

    segmenter = rjieba.Jieba()
    wanted: dict[str, str] = {}
    for line in load_lines("lexicon.txt"):  # the shipped lexicon, and a user's ($ZONGJIE_RESOURCES)
        entry = line.split()
        if len(entry) > 3 or (len(entry) > 1 and not entry[1].isdigit()):
            raise ResourceError("lexicon.txt", None, f"{line!r}: expected word [frequency] [tag]")
        segmenter.add_word(entry[0], int(entry[1]) if len(entry) > 1 else None, entry[2] if len(entry) > 2 else None)
        if len(entry) > 2:
            wanted[entry[0]] = entry[2]
    overrides = {w: t for w, t in wanted.items() if segmenter.tag(w, True) != [(w, t)]}
    pattern = re.compile("|".join(map(re.escape, sorted(overrides, key=len, reverse=True)))) if overrides else None
    return segmenter, overrides, pattern


def pos_cut(text: str) -> tuple[Word, ...]:
    """Words with their part-of-speech tags (unknown words found by the HMM are tagged ``x``).

    >>> pos_cut("现有党员")
    (('现有', 'b'), ('党员', 'n'))
    >>> pos_cut("村调整为")  # the lexicon's tag
    (('村', 'n'), ('调整', 'vn'), ('为', 'p'))
    """
    if len(text) <= SHORT_PIECE:
        return _pos_cut_short(text)
    return _pos_cut(text)


# Pieces this short are mostly a figure cut out of its clause (41名, 3个) or the punctuation after
# it (，): a fifth of all pieces a document segments, and the same few hundred strings recur.
SHORT_PIECE = 4


@lru_cache(maxsize=4096)
def _pos_cut_short(text: str) -> tuple[Word, ...]:
    return _pos_cut(text)


def _pos_cut(text: str) -> tuple[Word, ...]:
    tagged = _segmenter()[0].tag(text, True)
    return tuple(_corrected(text, tagged, None)[0])


def _corrected(
    text: str, tagged: list[Word], starts: list[int] | None, offset: int = 0
) -> tuple[list[Word], list[int] | None]:
    """jieba-rs's words of ``text`` with the project's two corrections: a place suffix split from the
    character after it, and the lexicon's own tags; and the words' ``_starts`` (counted from
    ``offset``) when given or made.

    Each correction is made word by word, and only at the words that start where the text has a
    place suffix or a lexicon word (a document has a few hundred of either among a hundred
    thousand words)."""
    segmenter, overrides, _ = _segmenter()
    suffixes = [m.start() + offset for m in _PLACE_SUFFIX.finditer(text)]
    if suffixes:
        starts = starts or _starts(tagged, offset)
        joined = [i for i in _words_at(starts, suffixes) if len(tagged[i][0]) == 2]
        if joined:
            tagged, starts = _split_place_suffix(segmenter, tagged, starts, joined)
    places = _override_places(text, offset)
    if places:
        starts = starts or _starts(tagged, offset)
        for i in _words_at(starts, places):
            tag = overrides.get(tagged[i][0])
            if tag is not None:
                tagged[i] = (tagged[i][0], tag)
    return tagged, starts


def _starts(words: Sequence[Word], offset: int = 0) -> list[int]:
    """The offset where each word starts (the first at ``offset``), and the end of the last."""
    return list(accumulate(map(len, map(itemgetter(0), words)), initial=offset))


def _words_at(starts: list[int], offsets: Sequence[int]) -> list[int]:
    """The indices of the words that start at one of ``offsets``, in order."""
    found = []
    for offset in sorted(set(offsets)):
        i = bisect_left(starts, offset)
        if i < len(starts) - 1 and starts[i] == offset:
            found.append(i)
    return found


def _override_places(text: str, offset: int) -> list[int]:
    """The offsets (from ``offset``) where a word of the lexicon's overrides starts in ``text``:
    one scan of their pattern (the longest word at each start), and inside each word found, the
    starts of any other (退役军人 then 人次 in 退役军人次)."""
    pattern = _segmenter()[2]
    if pattern is None:
        return []
    places = []
    for found in pattern.finditer(text):
        start, end = found.span()
        places.append(start + offset)
        places += [inner + offset for inner in range(start + 1, end) if pattern.match(text, inner)]
    return places


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` starts in ``text``, overlapping ones included."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


# Put between two pieces cut in one call. Not a Han character, a Latin letter, a digit or one of
# +#&._%- (which jieba keeps in one block with them), nor white space (\r\n is one word): the
# segmenter makes it a word of its own and segments each side as if alone.
PIECE_SEPARATOR = "\x00"


def pos_cut_pieces(text: str, cuts: Sequence[int], offset: int = 0) -> tuple[list[int], list[Word]]:
    """The words of ``text`` with the offset where each starts and, last, the text's end (offsets
    counted from ``offset``, where ``text`` starts in its document); every piece between
    consecutive ``cuts`` (sorted offsets inside the text) segmented on its own: the same words as
    ``pos_cut`` of each piece, in one call to the segmenter instead of one per piece.

    >>> pos_cut_pieces("由原来5个村调整为", [3, 5])
    ([0, 1, 3, 4, 5, 6, 8, 9], [('由', 'p'), ('原来', 'd'), ('5', 'm'), ('个', 'q'), ('村', 'n'), ('调整', 'vn'), ('为', 'p')])
    """
    segmenter, overrides, _ = _segmenter()
    separated = False
    if not cuts:
        tagged = segmenter.tag(text, True)
    elif PIECE_SEPARATOR in text:  # the separator could not be told from the text's own: piece by piece
        edges = [0, *cuts, len(text)]
        tagged = [word for a, b in zip(edges, edges[1:], strict=False) for word in segmenter.tag(text[a:b], True)]
    else:
        edges = [0, *cuts, len(text)]
        tagged = segmenter.tag(PIECE_SEPARATOR.join([text[a:b] for a, b in zip(edges, edges[1:], strict=False)]), True)
        separated = True
    if COMPILED is not None:
        # One pass over the words in C: separators dropped, starts, the lexicon's tags, and the
        # words a place suffix opens (the Python form below finds the same words by scanning the text).
        separator = _separator_word()[0] if separated else None
        words, starts, joined = COMPILED.words(
            tagged, separator, overrides, offset, _SUFFIX_CHARACTERS, _override_firsts()
        )
        if joined:
            words, starts = _split_place_suffix(segmenter, words, starts, joined, overrides)
        return starts, words
    if separated:
        tagged = _without_separators(tagged, len(cuts))
    words, starts = _corrected(text, tagged, None, offset)
    return starts or _starts(words, offset), words


# The compiled form of pos_cut_pieces's word-by-word part (nlp/text/_tokens.c), or None.
COMPILED = optional_kernel("nlp.text._tokens")


@cache
def _override_firsts() -> str:
    """The first characters of the lexicon's override words (the kernel looks up only words opening with one)."""
    return "".join(sorted({word[0] for word in _segmenter()[1]}))


@cache
def _separator_word() -> Word:
    (word,) = _segmenter()[0].tag(PIECE_SEPARATOR, True)
    return word


def _without_separators(tagged: list[Word], count: int) -> list[Word]:
    """The words of ``count + 1`` pieces joined by the separator, less the separator's own words."""
    separator = _separator_word()
    words: list[Word] = []
    previous = 0
    for _ in range(count):
        at = tagged.index(separator, previous)
        words += tagged[previous:at]
        previous = at + 1
    words += tagged[previous:]
    return words


# One-character unit suffixes of place names. The HMM that finds unknown words joins such a suffix
# to the single character after it (其中龙泉|村有|党员), which hides both the place and the verb.
PLACE_SUFFIXES = frozenset("村镇乡")
_SUFFIX_CHARACTERS = "".join(sorted(PLACE_SUFFIXES))
_PLACE_SUFFIX = re.compile(f"[{_SUFFIX_CHARACTERS}]")


def _split_place_suffix(
    segmenter: rjieba.Jieba,
    tagged: list[Word],
    starts: list[int],
    candidates: Sequence[int],
    overrides: dict[str, str] | None = None,
) -> tuple[list[Word], list[int]]:
    """The unknown two-character words among ``candidates`` (indices of two-character words that
    start with a place suffix) split after the suffix, with the words' starts; with ``overrides``
    (the compiled path, which applies the lexicon's tags before the split), the two parts get theirs.

    >>> pos_cut("其中龙泉村有党员85名")[1:4]
    (('龙泉', 'nz'), ('村', 'n'), ('有', 'v'))
    """
    if not candidates:
        return tagged, starts
    words: list[Word] = []
    offsets: list[int] = []
    previous = 0
    for i in candidates:
        word = tagged[i][0]
        if len(segmenter.cut(word, False)) == 2:
            words += tagged[previous:i]
            offsets += starts[previous:i]
            parts = [(word[0], "n"), *segmenter.tag(word[1], False)]
            if overrides is not None:
                parts = [(part, overrides.get(part, tag)) for part, tag in parts]
            words += parts
            offsets += [starts[i], starts[i] + 1]
            previous = i + 1
    words += tagged[previous:]
    offsets += starts[previous:]
    return words, offsets


def cut(text: str) -> list[str]:
    """Words only: the fast path where no tag is needed.

    >>> cut("开展主题党日活动6次")
    ['开展', '主题党日活动', '6', '次']
    """
    return _segmenter()[0].cut(text, True)
