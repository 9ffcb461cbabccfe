"""Layout normalization: line endings, stray spaces, page numbers, hard-wrapped lines.

Each function returns ``Edit``s against its input text (see ``nlp.text.spans``).
"""

from __future__ import annotations

import re
from collections import Counter

from nlp.text.char_scan import finditer_from_chars
from nlp.text.junk import CJK
from nlp.text.spans import Edit, first_wins

_LINE_ENDING = re.compile(r"\r\n?")
# These two open with a character (class) of their own, not a repeat: the regex engine then jumps to
# the next ? or space instead of trying every position (a repeat gives it no first character to look
# for; the same matches: ?{2,} is ??+, [ ]+ is [ ][ ]*).
_LOST_SPACES = re.compile(r"\?\?+")
_TRAILING_SPACE = re.compile(r"[ \t\u3000][ \t\u3000]*(?=\n|\Z)")
# These two read their first character before looking back at the one before it: the same
# matches, and the regex engine jumps from space to space instead of trying every position.
_SPACE_IN_CJK = re.compile(rf" (?<=[{CJK}] )(?=[{CJK}])")
_PAGE_IN_SENTENCE = re.compile(rf"[ \t](?<=[{CJK}，,、][ \t])[ \t]*\d{{1,3}}[ \t]*\n[ \t]*\n[ \t]*(?=[{CJK}])")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")

# A line opening with one of these starts a heading or a new item: never glue it to
# the line before.
_HEADING_START = re.compile(
    r"\s*(?:第[一二三四五六七八九十百零〇\d]+[部分章节篇条]|[一二三四五六七八九十百]+[、.．]"
    r"|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+(?:\.\d+)*[、.．](?!\d)|[①-⑳⑴-⒇⒈-⒛]"
    r"|[一二三四五六七八九十]是|[—\-•·●○■□◆◇▲△※☆★]|附[件录:：])"
)
# "发文单位：…", "时间：…": a short label and a colon opens a field of its own.
_LABEL_START = re.compile(r"[^\s，。：:、,]{1,6}[：:]")
_OPENS_NOTHING = set("”’」』）)》〕】，。、；：！？,.;:!?")
_ENDS_NOTHING = set("“‘《「『")
_FINAL = set("。！？；：…!?;:.")
_CONTINUES = set("，,、")
_CLOSERS = set("”’」』）)】》〕]\"'")


def line_ending_edits(text: str) -> list[Edit]:
    r"""CRLF/CR → LF, and runs of ``??`` (lost spaces in exported text) → one space.

    >>> line_ending_edits("一\r\n二??三")
    [Edit(start=1, end=3, replacement='\n'), Edit(start=4, end=6, replacement=' ')]
    """
    edits = [Edit(m.start(), m.end(), "\n") for m in _LINE_ENDING.finditer(text)]
    edits += [Edit(m.start(), m.end(), " ") for m in _LOST_SPACES.finditer(text)]
    return sorted(edits, key=lambda e: e.start)


def space_edits(text: str) -> list[Edit]:
    """Trailing spaces, single spaces inside CJK runs, page numbers that split a sentence.

    >>> from nlp.text.spans import apply_edits
    >>> apply_edits("工作汇 报如下  \\n", space_edits("工作汇 报如下  \\n"))[0]
    '工作汇报如下\\n'
    >>> t = "改造小组的 2\\n\\n管网改造完成。"
    >>> apply_edits(t, space_edits(t))[0]
    '改造小组的管网改造完成。'
    """
    # (both open with a class of spaces, found by str.find: nlp/text/char_scan.py)
    edits = [Edit(m.start(), m.end()) for m in finditer_from_chars(_PAGE_IN_SENTENCE, text)]
    edits += [Edit(m.start(), m.end()) for m in finditer_from_chars(_TRAILING_SPACE, text)]
    edits += [Edit(m.start(), m.end()) for m in _SPACE_IN_CJK.finditer(text)]
    return first_wins(edits)



def wrap_width(lines: list[str]) -> int | None:
    """The width a document was hard-wrapped at, if most of its lines share one.

    A wrapped document has many lines of one length (±1), at least 20 characters,
    few lines longer than that, and most of those lines stop mid-sentence.

    >>> wrap_width(["甲" * 30] * 9 + ["乙" * 12])
    30
    >>> wrap_width(["社区党建", "甲" * 200, "乙" * 150]) is None
    True
    >>> wrap_width(["一、加强组织建设，夯实基础"] * 9 + ["居委会持续完善议事协商制度。" * 9] * 9) is None
    True
    """
    stripped = [s for s in map(str.strip, lines) if len(s) >= 12]
    if len(stripped) < 8:
        return None
    counts = Counter(map(len, stripped))
    get = counts.get
    # the commonest length with its neighbours (±1), the longest among equals
    width = max(counts, key=lambda n: (get(n - 1, 0) + counts[n] + get(n + 1, 0), n))
    if not 20 <= width <= 80:
        return None  # (the first condition below: the others need not be counted)
    near = [s for s in stripped if abs(len(s) - width) <= 1]
    longer = sum(1 for s in stripped if len(s) > width + 3)
    open_ended = sum(1 for s in near if _ends_open(s))
    if len(near) >= 0.4 * len(stripped) and longer <= 0.15 * len(stripped) and open_ended >= 0.5 * len(near):
        return width
    return None


def _ends_open(line: str) -> bool:
    last = line[-1]
    return last not in _FINAL and last not in _CLOSERS


def _should_join(line: str, nxt: str, gap: int, width: int | None) -> bool:
    """Whether ``line`` continues on ``nxt`` (``gap`` blank lines between them)."""
    if gap > (2 if width else 1) or not nxt:
        return False
    if nxt[0] in _OPENS_NOTHING or line[-1] in _ENDS_NOTHING:
        return True  # a line never starts with closing punctuation: the break is a wrap
    if not _ends_open(line):
        return False
    if _HEADING_START.match(nxt) or _LABEL_START.match(nxt):
        return False
    if line[-1] in _CONTINUES:
        return True
    if _HEADING_START.match(line) is not None:
        return len(line) >= 60  # a numbered heading keeps its own line, even in wrapped text
    if width is not None and len(line) >= 0.8 * width:
        return True
    if gap == 0 and len(line) >= 20 and any(ch in _CONTINUES for ch in line):
        return True  # a clause-bearing line running straight into the next one
    return len(line) >= 40


def rejoin_edits(text: str) -> list[Edit]:
    """Delete line breaks that fall inside a sentence; collapse 3+ blank lines to one.

    >>> from nlp.text.spans import apply_edits
    >>> t = "一、社区党建\\n社区党委按照便于管理、便于服务群众的思路调整\\n网格设置。\\n\\n\\n\\n二、民政"
    >>> apply_edits(t, rejoin_edits(t))[0]
    '一、社区党建\\n社区党委按照便于管理、便于服务群众的思路调整网格设置。\\n\\n二、民政'
    """
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    width = wrap_width(lines)
    edits: list[Edit] = []
    i = 0
    while i < len(lines):
        body = lines[i].rstrip()
        if not body.strip():
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip() and j - i <= 2:
            j += 1
        if j < len(lines) and lines[j].strip():
            nxt = lines[j].lstrip()
            if _should_join(body.strip(), nxt, j - i - 1, width):
                start = starts[i] + len(body)
                end = starts[j] + (len(lines[j]) - len(nxt))
                edits.append(Edit(start, end))
        i = j if j > i + 1 else i + 1
    joined = {(e.start, e.end) for e in edits}
    for m in _BLANK_RUN.finditer(text):
        if not any(s <= m.start() < e for s, e in joined):
            edits.append(Edit(m.start(), m.end(), "\n\n"))
    return first_wins(edits)
