"""Normalization with an offset map.

The pipeline works on normalized text; every pass is a list of ``Edit``s applied with
``nlp.text.spans.apply_edits``, and the passes' maps are composed with ``OffsetMap.then``,
so ``norm.to_original(s, e)`` gives the original span any normalized span came from.

Passes, in order:

1. line endings (CRLF → LF), literal replacements (``\\r\\n`` text → newline,
   ``_M_M_`` → ``%``), ``??`` runs standing for lost spaces → one space;
2. width folding (full-width ASCII forms except （）：；，！？) and variant characters;
3. traditional → simplified (opencc t2s, only when the text has traditional characters);
4. pinyin glosses and GBK mojibake (``社區(qū)``, ``?F(xiàn)``);
5. site boilerplate lines and inline notes (``boilerplate.toml``);
6. trailing spaces, single spaces inside CJK runs, page numbers that split a sentence;
7. re-joining hard-wrapped lines, collapsing runs of blank lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from nlp.records import Normalized
from nlp.text import boilerplate, junk, normalize_chars, normalize_layout
from nlp.text.spans import Edit, OffsetMap, apply_edits

Pass = Callable[[str], list[Edit]]


def char_edits(text: str) -> list[Edit]:
    """Passes 1-4 at once: they touch disjoint kinds of characters, so their edits are
    computed on the same text and merged (earlier passes in this list win overlaps).

    >>> from nlp.text.spans import apply_edits
    >>> text = "總結(jié)１２％_M_M_"
    >>> apply_edits(text, char_edits(text))[0]
    '总结12%%'
    """
    groups = (
        junk.pinyin_edits(text),
        junk.replace_edits(text),
        normalize_layout.line_ending_edits(text),
        normalize_chars.fold_edits(text),
        normalize_chars.t2s_edits(text),
    )
    return _merge(groups)


def _merge(groups: tuple[list[Edit], ...]) -> list[Edit]:
    """Edits of all groups; an edit overlapping one of an earlier group is dropped."""
    merged: list[Edit] = []
    for group in groups:
        if not group:
            continue
        if not merged:
            merged = list(group)
            continue
        taken = sorted((e.start, e.end) for e in merged)
        starts = [s for s, _ in taken]
        for edit in group:
            k = bisect.bisect_right(starts, edit.start)
            clash = (k > 0 and taken[k - 1][1] > edit.start) or (k < len(taken) and taken[k][0] < edit.end)
            if not clash:
                merged.append(edit)
    return sorted(merged, key=lambda e: (e.start, e.end))


def cleanup_edits(text: str) -> list[Edit]:
    """Passes 5-6 at once: boilerplate deletions win over space edits they overlap."""
    return _merge((boilerplate.boilerplate_edits(text), normalize_layout.space_edits(text)))


PASSES: tuple[Pass, ...] = (
    char_edits,
    cleanup_edits,
    normalize_layout.rejoin_edits,
)


def run_passes(original: str, passes: tuple[Pass, ...] = PASSES) -> tuple[str, OffsetMap]:
    """Apply ``passes`` in order, composing their offset maps.

    >>> text, m = run_passes("社區(qū)共１２戶")
    >>> text, m.to_original(0, 2), m.to_original(3, 5)
    ('社区共12户', (0, 2), (7, 9))
    """
    text = original
    offsets: OffsetMap | None = None
    for make_edits in passes:
        edits = make_edits(text)
        if not edits:
            continue
        text, step = apply_edits(text, edits)
        offsets = step if offsets is None else offsets.then(step)
    return text, offsets if offsets is not None else OffsetMap.identity(len(original))


def normalize(original: str) -> Normalized:
    """The text the pipeline works on, with its map back to ``original``.

    >>> norm = normalize("2021年社區(qū)工作總結(jié)\\r\\n")
    >>> norm.text
    '2021年社区工作总结\\n'
    >>> s = norm.text.index("工作")
    >>> norm.original[slice(*norm.to_original(s, s + 2))]
    '工作'
    """
    text, offsets = run_passes(original)
    return Normalized(original=original, text=text, offsets=offsets)
