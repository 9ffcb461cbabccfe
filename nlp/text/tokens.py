"""Words and part-of-speech tags, from a private jieba-rs (``rjieba``) segmenter with the project's
user dictionary (nlp/resources/lexicon.txt).

This is the only module that segments. Stages never call it on strings of their own: they ask the
document's ``Text`` for the words of a span (``Text.words``), and the Text tags each clause once,
on first request. jieba-rs reads the same dictionary as Python jieba and segments about 30 times
faster; its instance is private, so other users of jieba are not affected.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from nlp.errors import ResourceError
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
    segmenter, overrides, pattern = _segmenter()
    tagged = segmenter.tag(text, True)
    if _PLACE_SUFFIX.search(text) and any(len(word) == 2 and word[0] in PLACE_SUFFIXES for word, _ in tagged):
        tagged = _split_place_suffix(segmenter, tagged)
    if pattern is None or pattern.search(text) is None:
        return tuple(tagged)
    return tuple((word, overrides.get(word, tag)) for word, tag in tagged)


# One-character unit suffixes of place names. The HMM that finds unknown words joins such a suffix
# to the single character after it (其中龙泉|村有|党员), which hides both the place and the verb.
PLACE_SUFFIXES = frozenset("村镇乡")
_PLACE_SUFFIX = re.compile(f"[{''.join(sorted(PLACE_SUFFIXES))}]")


def _split_place_suffix(segmenter: rjieba.Jieba, tagged: list[Word]) -> list[Word]:
    """An unknown two-character word that starts with a place suffix, split after the suffix.

    >>> pos_cut("其中龙泉村有党员85名")[1:4]
    (('龙泉', 'nz'), ('村', 'n'), ('有', 'v'))
    """
    out: list[Word] = []
    for word, tag in tagged:
        if len(word) == 2 and word[0] in PLACE_SUFFIXES and len(segmenter.cut(word, False)) == 2:
            out += [(word[0], "n"), *segmenter.tag(word[1], False)]
        else:
            out.append((word, tag))
    return out


def cut(text: str) -> list[str]:
    """Words only: the fast path where no tag is needed.

    >>> cut("开展主题党日活动6次")
    ['开展', '主题党日活动', '6', '次']
    """
    return _segmenter()[0].cut(text, True)
