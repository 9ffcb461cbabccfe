"""The lines the outline walks: physical lines, split again where a label follows a sentence end
(``soft_lines``), and what normalization removed between two characters (``original_gap``)."""

from __future__ import annotations

import re
from functools import cache

from nlp.records import Normalized
from nlp.text.labels import SPACES, label_at, vocab

# What may end a sentence or clause before a label that opens a new line.
_PUNCTUATION = re.compile("[。！？；!?;：:，,]")
@cache
def _before_label() -> re.Pattern[str]:
    """Punctuation followed by a space or by a character a label may open with (``may_open_label``)."""
    return re.compile(f"[。！？；!?;：:，,](?=[{re.escape(SPACES + '（(第' + vocab().cn)}]|\\d)")


# A physical line this long is a flattened page (its paragraphs joined): labels split it without a space.
FLATTENED = 300


def physical_lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def soft_lines(norm: Normalized, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines, also split where a label follows sentence-final punctuation and a space
    (``……得到实惠。 （四）强化组织`` in a flattened page).

    In a flattened page (a physical line of ``FLATTENED`` characters or more holding at least half
    the text: the paragraphs joined, not one long paragraph among others) a label split
    needs no space: after 。！？ any label opens a line, after a colon a 一、/（一） label
    (``以下工作：（一）千方百计稳增长``), and after a comma
    a (1)/（一） label that starts a list (``…数据总结,(1)江南…``).
    """
    out = []
    total = sum(len(line) for _, line in lines)
    for pos, line in lines:
        start = 0
        flattened = len(line) >= FLATTENED and 2 * len(line) >= total
        # a split needs text after it; outside a flattened page, a space or a label's first character
        ends = _PUNCTUATION.finditer(line, 0, len(line) - 1) if flattened else _before_label().finditer(line)
        for m in ends:
            k = m.end()
            if k == start:
                continue
            before, first = m.group(), line[k]
            spaced = first in SPACES or _removed_space(original_gap(norm, pos + k))
            label = label_at(line, k) if spaced or flattened else None
            if label is None:
                continue
            if before in "，,":
                ok = flattened and label.kind in ("pcn", "pdig") and label.number == 1
            else:
                ok = spaced or before in "。！？!?" or (before in "：:" and label.kind in ("cn", "pcn"))
            if ok:
                out.append((pos + start, line[start:k]))
                start = k
        out.append((pos + start, line[start:]))
    return out


def _removed_space(gap: str) -> bool:
    """Normalization removed only spaces and line breaks there (and something)."""
    return bool(gap) and not gap.strip(SPACES + "\n")


def ends_mid_word(line: str) -> bool:
    """A line cut inside a word: it ends in a letter, digit or CJK character.

    >>> ends_mid_word("建立健全值班制"), ends_mid_word("已铺设完成,")
    (True, False)
    """
    return line[-1].isalnum()


def original_gap(norm: Normalized, k: int) -> str:
    """The original text between normalized characters ``k - 1`` and ``k`` (what
    normalization removed there: a line break, a space, pinyin junk)."""
    if k <= 0 or k >= len(norm.text):
        return ""
    before, after = norm.offsets.between(k)
    return norm.original[before:after]
