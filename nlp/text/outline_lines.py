"""The lines the outline walks: physical lines, split again where a label follows a sentence end
(``soft_lines``), and what normalization removed between two characters (``original_gap``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from nlp.records import Normalized
from nlp.text.labels import SPACES, Label, label_at, parse_label, vocab

# What may end a sentence or clause before a label that opens a new line.
_PUNCTUATION = re.compile("[。！？；!?;：:，,]")
@cache
def _before_label() -> re.Pattern[str]:
    """Punctuation followed by a space or by a character a label may open with (``may_open_label``).

    Not a comma: outside a flattened page a label after a comma never opens a line (``soft_lines``),
    and commas are most of a report's punctuation, each of which cost a look at the original text."""
    return re.compile(f"[。！？；!?;：:](?=[{re.escape(SPACES + '（(第' + vocab().cn)}]|\\d)")


# The longest heading phrase a label glued after a sentence end may open (about the 90th percentile of
# the gold heading lengths, nlp/resources/outline.toml max_unnumbered).
GLUED_PHRASE = 25
# A figure other than a year: a statement, not a heading phrase (发放补贴4.2万元).
_FIGURE = re.compile(r"\d+(?:\.\d+)?(?![\d.年])")


class _Numbering:
    """The last number of each label style among the labels that open lines so far; a label of a
    higher rank (一、 above （一）) starts its children's numbering anew."""

    def __init__(self) -> None:
        self.last: dict[str, tuple[float, int]] = {}

    def opened(self, label: Label | None) -> None:
        if label is None:
            return
        self.last = {k: v for k, v in self.last.items() if v[0] < label.rank}
        self.last[label.kind] = (label.rank, label.number)

    def continues(self, label: Label) -> bool:
        before = self.last.get(label.kind)
        return before is not None and before[1] == label.number - 1


def glued_heading(line: str, k: int, label: Label, numbering: _Numbering, joined: Callable[[int], bool]) -> bool:
    """Grammar rule *glued heading*: a label right after a sentence end with no space
    (``…参加1400余人次。三、模拟测评情况``) opens a heading when it continues the numbering of a label
    that opened a line before it (``二、`` then ``三、``) and a heading phrase follows it: up to its
    first 。 or ：, the line end or a line break the normalization joined (``joined(i)``: one stood
    before ``line[i]``), at most ``GLUED_PHRASE`` characters and no figure but a year. An
    enumeration inside a paragraph (``工作有三项。1、…。2、…``) continues no line's numbering.

    >>> numbering, no_break = _Numbering(), lambda i: False
    >>> numbering.opened(parse_label("二、自查情况"))
    >>> line = "评选文明家庭35户。三、模拟测评情况"
    >>> glued_heading(line, 10, label_at(line, 10), numbering, no_break)
    True
    >>> line = "评选文明家庭35户。三、全年共测评问卷1200份，满意率93.4%。"
    >>> glued_heading(line, 10, label_at(line, 10), numbering, no_break)
    False
    >>> line = "评选文明家庭35户。三、模拟测评情况10月下旬，区里委托第三方测评。"
    >>> glued_heading(line, 10, label_at(line, 10), numbering, lambda i: i == 18)
    True
    """
    if not numbering.continues(label):
        return False
    start = k + label.end
    stops = vocab().stops
    limit = min(len(line), start + GLUED_PHRASE + 1)
    end = next((i for i in range(start, limit) if line[i] in stops or (i > start and joined(i))), limit)
    phrase = line[start:end].strip(SPACES)
    return 2 <= len(phrase) <= GLUED_PHRASE and not _FIGURE.search(phrase)


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
    (``以下工作：（一）多措并举促发展``), and after a comma
    a (1)/（一） label that starts a list (``…数据总结,(1)江南…``). Anywhere, a label after 。！？
    with no space opens a line when it is a ``glued_heading``.
    """
    out = []
    total = sum(len(line) for _, line in lines)
    numbering = _Numbering()
    for pos, line in lines:
        start = 0
        numbering.opened(parse_label(line))
        flattened = len(line) >= FLATTENED and 2 * len(line) >= total
        # a split needs text after it; outside a flattened page, a space or a label's first character
        ends = _PUNCTUATION.finditer(line, 0, len(line) - 1) if flattened else _before_label().finditer(line)
        for m in ends:
            k = m.end()
            if k == start:
                continue
            before, first = m.group(), line[k]
            spaced = first in SPACES or _removed_space(original_gap(norm, pos + k))
            full_stop = before in "。！？!?"
            label = label_at(line, k) if spaced or flattened or full_stop else None
            if label is None:
                continue
            if before in "，,":
                ok = flattened and label.kind in ("pcn", "pdig") and label.number == 1
            elif spaced or flattened:
                ok = spaced or full_stop or (before in "：:" and label.kind in ("cn", "pcn"))
            else:
                ok = full_stop and glued_heading(
                    line, k, label, numbering, lambda i, p=pos: "\n" in original_gap(norm, p + i)
                )
            if ok:
                out.append((pos + start, line[start:k]))
                start = k
                numbering.opened(label)
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


def next_numbers(labels: list[Label | None]) -> list[int | None]:
    """For each line, the number of the next label of its own style further down (None when the
    line has no label or none follows). One pass from the end.

    >>> next_numbers([parse_label(t) for t in ("一、回顾", "1、党建", "二、成效", "说明", "四、打算")])
    [2, None, 4, None, None]
    """
    out: list[int | None] = [None] * len(labels)
    following: dict[str, int] = {}
    for idx in range(len(labels) - 1, -1, -1):
        label = labels[idx]
        if label is None:
            continue
        out[idx] = following.get(label.kind)
        following[label.kind] = label.number
    return out
