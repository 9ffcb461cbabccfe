"""Grammar rules about a document's layout that the outline walk consults.

- **back matter**: a glossary or notes after the report's closing (``名 词 解 释``, ``附：短语说明``,
  titles in ``nlp/resources/outline.toml`` ``[back_matter]``) is not outline; its numbered entries
  (``1.某某工程：指…``) are not headings.
- **signature**: the closing block (the unit's name, an address or telephone line, the date) is not
  outline, whatever its lines look like (``中共某某社区支部委员会`` above ``（地址：…）`` and a date).
- **hard-wrapped lines**: a PDF or word-processor export breaks every line at the same width, so a
  heading that runs on into its paragraph may be cut mid-phrase at a line end
  (``（五）推进生态文明建设，污染防治和绿化美化取得显著成`` + newline + ``效。持续改善…``); its phrase
  goes on to the first 。 or ： of the next line when the heading line is full width.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from nlp.resources import load_toml
from nlp.text.labels import SPACES, parse_label, vocab

# Back matter starts after this share of the document's characters (a glossary never opens a report).
# Characters, not lines: a page's link list of short lines below the report, or a heading run on into
# its paragraph, changes the count of lines, not where the report's text ends.
BACK_MATTER_AFTER = 0.5
# The signature's date stands among the last this many lines; the block has at most this many lines
# above the date, each at most SIGNATURE_LINE characters.
SIGNATURE_LINES = 4
SIGNATURE_LINE = 40
_DATE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?")
# A document is hard-wrapped when at least this many of its lines, and this share, have the same
# width (within WRAP_SLACK characters of the commonest length).
WRAPPED_LINES = 20
WRAPPED_SHARE = 0.4
WRAP_SLACK = 3
# The continuation of a wrapped heading on the next line: at most this many characters before its stop.
WRAP_TAIL = 12
# ... or a line of at most this many characters, no punctuation, the heading's last words (…综合整 + 治提升工作).
WRAP_FRAGMENT = 6


_NO_SPACES = str.maketrans("", "", SPACES)


@cache
def _back_matter_titles() -> frozenset[str]:
    return frozenset(load_toml("outline.toml")["back_matter"])


@cache
def _longest_back_matter_title() -> int:
    return max(map(len, _back_matter_titles()), default=0)


def is_back_matter_title(line: str) -> bool:
    """Whether ``line`` titles a glossary or notes section.

    >>> is_back_matter_title("名 词 解 释"), is_back_matter_title("附：短语说明"), is_back_matter_title("名词解释工作")
    (True, True, False)
    """
    # A long line is told apart by counting (cheap) before it is copied without its spaces: of
    # its characters other than spaces and colons, only the 附 of the two leads below come off.
    kept = len(line) - sum(map(line.count, SPACES + "：:"))
    if kept - 2 > _longest_back_matter_title():
        return False
    squeezed = line.translate(_NO_SPACES)
    for lead in ("附：", "附:"):
        squeezed = squeezed.removeprefix(lead)
    return squeezed.rstrip("：:") in _back_matter_titles()


def back_matter_start(lines: list[str]) -> int:
    """Index of the first line of the back matter (``len(lines)`` when there is none).

    >>> back_matter_start(["一、回顾", "正文" * 20, "各位代表！", "附：短语说明", "1.三线一单：指…"])
    3
    >>> back_matter_start(["注释", "一、回顾", "正文"])
    3
    >>> back_matter_start(["一、回顾", "正文" * 80, "名 词 解 释", "1.三线一单：指…", *["链接"] * 60])
    2
    """
    total, before = sum(map(len, lines)), 0
    for i, line in enumerate(lines):
        if before >= total * BACK_MATTER_AFTER and is_back_matter_title(line):
            return i
        before += len(line)
    return len(lines)


def signature_start(lines: list[str]) -> int:
    """Index of the first line of the closing signature (``len(lines)`` when there is none): a line
    that is a date among the last ``SIGNATURE_LINES``, and above it the short lines with no label
    that do not end a sentence (the unit's name, its address), up to the last paragraph.

    >>> signature_start(["四、明年打算", "继续深化党建引领。", "中共柳岸社区支部委员会", "（地址：柳岸路8号）", "2021年1月5日"])
    2
    >>> signature_start(["一、回顾", "正文。", "二、打算", "力争完成。"]), signature_start(["正文。", "东湖社区居委会", "二〇二三年十二月二十六日", "服务热线：0592-1234"])
    (4, 1)
    """
    date = next(
        (i for i in range(len(lines) - 1, max(-1, len(lines) - 1 - SIGNATURE_LINES), -1) if _DATE.fullmatch(lines[i].strip(SPACES))),
        None,
    )
    if date is None:
        return len(lines)
    start = date
    while start > 0 and date - start < SIGNATURE_LINES - 1:
        line = lines[start - 1]
        if len(line) > SIGNATURE_LINE or line[-1] in "。！？!?；;" or parse_label(line) is not None:
            break
        start -= 1
    return start


def wrap_width(original: str) -> int | None:
    """The line width of a hard-wrapped document (its commonest line length), else None.

    >>> wrap_width(("甲" * 28 + "\\n\\n") * 30) , wrap_width("一行。\\n两行。\\n")
    (28, None)
    """
    lengths = [len(line.strip(SPACES)) for line in original.splitlines()]
    lengths = [n for n in lengths if n]
    if len(lengths) < WRAPPED_LINES:
        return None
    counts = Counter(lengths)
    width = max(counts, key=lambda n: (sum(counts[m] for m in range(n - WRAP_SLACK, n + WRAP_SLACK + 1)), n))
    near = sum(counts[m] for m in range(width - WRAP_SLACK, width + WRAP_SLACK + 1))
    if near < WRAPPED_LINES or near < WRAPPED_SHARE * len(lengths):
        return None
    return width


def wrapped_tail(line: str, nxt: str | None, width: int | None) -> int:
    """How many characters of ``nxt`` finish a heading phrase that reached the end of ``line``
    (0 when the heading is whole): the document is hard-wrapped, ``line`` is full width, and ``nxt``
    reaches a 。 or ： within ``WRAP_TAIL`` characters, with no comma before it and no label; or
    ``nxt`` is a *fragment*: at most ``WRAP_FRAGMENT`` Chinese characters, nothing else, ending its line
    (the whole of ``nxt``). A heading set in larger type wraps before the body's width: a fragment
    finishes a heading line of at least a third of the width.

    >>> wrapped_tail("（五）推进生态文明建设，污染防治和绿化美化取得显", "著成效。持续改善人居环境", 26)
    3
    >>> wrapped_tail("（一）党建工作", "成效显著。社区…", 26), wrapped_tail("（二）抓好平安建设，社区和谐稳定工作", "全年组织巡逻60次，调解纠纷5起。", 20)
    (0, 0)
    >>> wrapped_tail("（二）深化平安社区建设，维护辖区和谐", "稳定", 40), wrapped_tail("1.解决居民困难", "建二居委", 40)
    (2, 0)
    """
    if width is None or nxt is None or line[-1] in vocab().trailing or parse_label(nxt) is not None:
        return 0
    if len(nxt) <= WRAP_FRAGMENT and all("\u4e00" <= ch <= "\u9fff" for ch in nxt) and 3 * len(line) >= width:
        return len(nxt)
    if len(line) < width - WRAP_SLACK:
        return 0
    stop = next((i for i, ch in enumerate(nxt[: WRAP_TAIL + 1]) if ch in "。：:"), None)
    if stop is None or stop == 0 or any(ch in "，,；;、" for ch in nxt[:stop]):
        return 0
    return stop
