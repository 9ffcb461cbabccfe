"""一、/（一）/1、/（1） numbering → a tree of ``Section`` records.

Levels are fixed (SPEC section 6): 一、 = 1, （一）= 2, 1、/1./1． = 3, （1）= 4.
Styles outside that mapping: 第一部分/第一章/第一编 take level 1 but rank *above*
一、 (a 一、 inside 第一部分 is its child, both level 1); 第一节 is level 1 as well.
Circled ①②/⑴⑵ markers are list items, not headings (gold guidelines), and so are
inline 一是/二是 and numbers that do not open a line.

A label opens a section only when
- it opens a line (after indentation),
- its number continues the previous sibling of the same style under the same parent
  (n = previous + 1), or restarts at 1 under a new parent, or is the first of its style
  in the document (documents that start mid-way, at 二、 or （五）),
- the line before it is not a paragraph broken mid-sentence (``制`` + newline + ``2、度``),
- and a heading phrase follows it.

The heading is the phrase after the label up to the first 。 or ：(or a wide gap),
without trailing punctuation, sliced from the ORIGINAL text (traditional stays
traditional). A short unnumbered line between paragraphs (``社区党建工作``) becomes a
heading with label "" one level below the enclosing heading (1 at top level) — only
after the body has begun, never a line that repeats, names a 总结/报告 (a title) or
looks like site chrome. A title-like line between articles of a 范文 collection
restarts numbering (the next 一、 opens a new top-level run).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.records import Normalized, Section
from nlp.resources import load_toml

_SPACES = " \t\r\u3000\xa0"
_TERMINAL = set("。！？；：!?;:…”’）)】》.")
# Conversion junk glued after a character (總結(jié)): kept in headings, which are as written.
PINYIN_JUNK = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\))+")


@dataclass(frozen=True)
class Label:
    """A numbering label at the start of a line (offsets inside the line)."""

    kind: str  # "part", "cn", "pcn", "dig", "pdig"
    number: int
    rank: float  # nesting order: lower encloses higher
    level: int  # SPEC level
    start: int
    end: int


@dataclass(frozen=True)
class _Vocab:
    digits: dict[str, int]
    cn: str
    part_units: dict[str, float]
    stops: str
    trailing: str
    junk: tuple[str, ...]
    max_unnumbered: int
    plan_keywords: tuple[str, ...]
    plan_exclude: tuple[str, ...]
    title_words: tuple[str, ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def _vocab() -> _Vocab:
    data = load_toml("outline.toml")
    labels = data["labels"]
    digits = {ch: i for i, ch in enumerate(labels["digits"])}
    digits.update({k: int(v) for k, v in labels["alt_digits"].items()})
    cn = "".join(digits) + "十百"
    units = {k: float(v) for k, v in labels["part_units"].items()}
    unit_alt = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    c = f"[{cn}]+"
    patterns = (
        ("part", re.compile(rf"第({c}|\d{{1,2}})({unit_alt})[、：:．.]?")),
        ("pcn", re.compile(rf"[（(]\s*({c})\s*[）)][、．.，,]?")),
        ("pdig", re.compile(r"[（(]\s*(\d{1,2})\s*[）)][、．.，,]?")),
        ("cn", re.compile(rf"({c})\s*(?:、|[．.](?!\d))")),
        ("dig", re.compile(r"(\d{1,2})\s*(?:、|[．.](?!\d))")),
    )
    heading = data["heading"]
    planned = data["planned"]
    doc_types = load_toml("meta.toml")["doc_type"]
    return _Vocab(
        digits=digits,
        cn=cn,
        part_units=units,
        stops=heading["stops"],
        trailing=heading["trailing"],
        junk=tuple(heading["junk"]),
        max_unnumbered=int(heading["max_unnumbered"]),
        plan_keywords=tuple(planned["keywords"]),
        plan_exclude=tuple(planned["exclude"]),
        title_words=tuple(doc_types["summary"][:6] + doc_types["report"][:4]),
        patterns=patterns,
    )


def ordinal_value(text: str) -> int | None:
    """The value of a small Chinese or Arabic ordinal as used in labels.

    >>> [ordinal_value(t) for t in ("一", "十", "十二", "二十", "二十三", "两", "7", "一百")]
    [1, 10, 12, 20, 23, 2, 7, 100]
    >>> ordinal_value("三五") is None
    True
    """
    if text.isdigit():
        return int(text)
    digits = _vocab().digits
    total, current = 0, None
    for ch in text:
        if ch in digits:
            if current is not None:
                return None
            current = digits[ch]
        elif ch == "十":
            total += (current if current is not None else 1) * 10
            current = None
        elif ch == "百":
            total += (current if current is not None else 1) * 100
            current = None
        else:
            return None
    return total + (current or 0)


def parse_label(line: str) -> Label | None:
    """The numbering label opening ``line`` (after indentation), if any.

    >>> parse_label("（二）加强治理")
    Label(kind='pcn', number=2, rank=2.0, level=2, start=0, end=3)
    >>> parse_label("  3.服务老人").kind, parse_label("第一部分 回顾").rank
    ('dig', 0.0)
    >>> parse_label("1.8万元用于") is None, parse_label("一是抓班子") is None
    (True, True)
    """
    voc = _vocab()
    offset = len(line) - len(line.lstrip(_SPACES))
    rest = line[offset:]
    for kind, pattern in voc.patterns:
        m = pattern.match(rest)
        if not m:
            continue
        number = ordinal_value(m.group(1))
        if number is None or number == 0:
            return None
        if kind == "part":
            rank = voc.part_units[m.group(2)]
        else:
            rank = {"cn": 1.0, "pcn": 2.0, "dig": 3.0, "pdig": 4.0}[kind]
        return Label(kind, number, rank, max(1, int(rank)), offset, offset + m.end())
    return None


def heading_span(line: str, start: int) -> tuple[int, int]:
    """The heading phrase of ``line`` from ``start``: up to the first 。/： or a wide gap.

    >>> line = "（一）坚持稳中求进。今年以来……"
    >>> s, e = heading_span(line, 3); line[s:e]
    '坚持稳中求进'
    >>> line = "1、服务育龄妇女:社区现有育龄妇女131人。"
    >>> s, e = heading_span(line, 2); line[s:e]
    '服务育龄妇女'
    >>> line = "(一)民生工作站解民忧 从6月份开始"
    >>> s, e = heading_span(line, 3); line[s:e]
    '民生工作站解民忧'
    """
    voc = _vocab()
    while start < len(line) and (line[start] in _SPACES or line[start] in "、，,．."):
        start += 1
    end = len(line)
    for i in range(start, len(line)):
        ch = line[i]
        if ch in voc.stops and not (ch in "：:" and line[i - 1 : i].isdigit() and line[i + 1 : i + 2].isdigit()):
            end = i
            break
        if ch in _SPACES and i - start >= 4 and line[i + 1 : i + 2].strip():
            end = i
            break
    while end > start and line[end - 1] in voc.trailing:
        end -= 1
    return start, end


def is_plan_heading(heading: str) -> bool:
    """Whether a heading names a plan (下一步打算, 下半年工作计划, 2024年工作思路 …).

    >>> is_plan_heading("存在问题及下步打算"), is_plan_heading("计划生育工作")
    (True, False)
    """
    voc = _vocab()
    text = heading
    for word in voc.plan_exclude:
        text = text.replace(word, "")
    return any(k in text for k in voc.plan_keywords)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _soft_lines(norm: Normalized, lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Lines, also split where a label follows sentence-final punctuation and a space
    (``……得到实惠。 （四）强化组织`` in a flattened page)."""
    out = []
    for pos, line in lines:
        start = 0
        for k in range(1, len(line)):
            if line[k - 1] not in "。！？；!?;：:" or k == start:
                continue
            rest = line[k:]
            if rest[:1] in _SPACES or not original_gap(norm, pos + k).strip(_SPACES + "\n") and original_gap(
                norm, pos + k
            ):
                stripped = rest.lstrip(_SPACES)
                if parse_label(stripped) is not None:
                    out.append((pos + start, line[start:k]))
                    start = k
        out.append((pos + start, line[start:]))
    return out


def _ends_mid_word(line: str) -> bool:
    """A line cut inside a word: it ends in a letter, digit or CJK character.

    >>> _ends_mid_word("建立健全值班制"), _ends_mid_word("已铺设完成,")
    (True, False)
    """
    return line[-1].isalnum()


def _is_body(line: str) -> bool:
    return len(line) >= 30


def _title_like(line: str, voc: _Vocab) -> bool:
    return 4 <= len(line) <= 60 and line[-1] not in _TERMINAL and any(w in line for w in voc.title_words)


def _unnumbered_ok(
    line: str, prev: str | None, prev_heading: str, nxt: str | None, voc: _Vocab, repeats: int
) -> bool:
    if not (2 <= len(line) <= voc.max_unnumbered) or repeats > 1 or nxt is None:
        return False
    if nxt is not None and line[-1] in "：:" and parse_label(nxt) is not None:
        line = line[:-1]  # a lead line over numbered items (村里存在的困难及问题：)
    if any(ch in line for ch in "。，,；;！!？?：:()（）[]【】") or any(j in line for j in voc.junk):
        return False
    if sum("\u4e00" <= ch <= "\u9fff" for ch in line) < max(2, len(line) * 2 // 3):
        return False
    if any(w in line for w in voc.title_words):
        return False
    if prev is None or prev_heading == "unnumbered":
        return False
    if prev_heading == "" and prev[-1] not in _TERMINAL:
        return False
    return parse_label(nxt) is not None or (len(nxt) >= 30 and len(nxt) >= 2 * len(line))


def original_gap(norm: Normalized, k: int) -> str:
    """The original text between normalized characters ``k - 1`` and ``k`` (what
    normalization removed there: a line break, a space, pinyin junk)."""
    if k <= 0 or k >= len(norm.text):
        return ""
    before = norm.to_original(k - 1, k)[1]
    after = norm.to_original(k, k + 1)[0]
    return norm.original[before:after]


def _cut_at_joined_break(norm: Normalized, pos: int, line: str, hs: int, he: int) -> int:
    """End a heading at a line break (or a space) of the original that normalization
    joined away, when what follows is longer than the heading before it (a heading
    line glued to its paragraph, not a heading wrapped in two)."""
    for k in range(hs + 1, he):
        gap = original_gap(norm, pos + k)
        if "\n" in gap or (k - hs >= 4 and gap and not gap.strip()):
            if he - k > k - hs:
                while k > hs and line[k - 1] in _vocab().trailing:
                    k -= 1
                return k
            return he
    return he


@dataclass
class _Open:
    id: int
    rank: float
    kind: str
    planned: bool


def build_outline(norm: Normalized) -> tuple[Section, ...]:
    """The section tree of ``norm.text``, with spans mapped to the original."""
    voc = _vocab()
    text, original = norm.text, norm.original
    lines = [
        (pos + len(raw) - len(raw.lstrip(_SPACES)), raw.strip(_SPACES))
        for pos, raw in _soft_lines(norm, _lines(text))
    ]
    nonempty = [(pos, line) for pos, line in lines if line]
    counts: dict[str, int] = {}
    for _, line in nonempty:
        counts[line] = counts.get(line, 0) + 1

    found: list[tuple[float, int, int, int, int, int, int | None, bool]] = []
    stack: list[_Open] = []
    last_num: dict[tuple[int | None, str], int] = {}
    seen_kinds: set[str] = set()
    levels: list[int] = []
    body_started = False
    prev_heading = ""  # "", "numbered", "unnumbered"
    for idx, (pos, line) in enumerate(nonempty):
        prev = nonempty[idx - 1][1] if idx else None
        nxt = nonempty[idx + 1][1] if idx + 1 < len(nonempty) else None
        label = parse_label(line)
        accepted = ""
        if label is not None:
            hs, he = heading_span(line, label.end)
            he = _cut_at_joined_break(norm, pos, line, hs, he)
            trial = [o for o in stack if o.rank < label.rank]
            parent = trial[-1].id if trial else None
            prev_n = last_num.get((parent, label.kind))
            in_sequence = (
                label.number == prev_n + 1
                if prev_n is not None
                else label.number == 1 or label.kind not in seen_kinds
            )
            broken = prev is not None and prev_heading == "" and len(prev) > 20 and _ends_mid_word(prev)
            if he > hs and in_sequence and not broken:
                stack = trial
                planned = (bool(stack) and stack[-1].planned) or is_plan_heading(line[hs:he])
                sid = len(found)
                found.append(
                    (label.rank, label.level, pos + label.start, pos + label.end, pos + hs, pos + he, parent, planned)
                )
                stack.append(_Open(sid, label.rank, label.kind, planned))
                levels.append(label.level)
                last_num[(parent, label.kind)] = label.number
                seen_kinds.add(label.kind)
                accepted = "numbered"
        elif body_started and _unnumbered_ok(line, prev, prev_heading, nxt, voc, counts[line]):
            while stack and stack[-1].kind == "":  # an unnumbered heading ends the previous one
                stack.pop()
            below = parse_label(nxt) if nxt is not None else None
            hs, he = heading_span(line, 0)
            if is_plan_heading(line[hs:he]) and not (stack and stack[-1].planned):
                stack = []  # 下半年计划和打算: the plan part of the document, a top-level part
            elif below is not None:  # a lead line over numbered items: it encloses them
                stack = [o for o in stack if o.rank < below.rank - 0.5]
            rank = stack[-1].rank + 0.5 if stack else 1.0
            level = levels[stack[-1].id] + 1 if stack else 1
            parent = stack[-1].id if stack else None
            planned = (bool(stack) and stack[-1].planned) or is_plan_heading(line[hs:he])
            sid = len(found)
            found.append((rank, level, pos, pos, pos + hs, pos + he, parent, planned))
            levels.append(level)
            stack.append(_Open(sid, rank, "", planned))
            accepted = "unnumbered"
        elif _title_like(line, voc) and found:
            stack, last_num = [], {}  # a new article of a collection restarts numbering
        if not accepted and _is_body(line):
            body_started = True
        prev_heading = accepted

    sections: list[Section] = []
    for i, (rank, level, ls, le, hs, he, parent, planned) in enumerate(found):
        end = len(text)
        for later in found[i + 1 :]:
            if later[0] <= rank:
                end = later[2]
                break
        while end > ls and text[end - 1] in _SPACES + "\n":
            end -= 1
        o_ls, o_le = norm.to_original(ls, le) if le > ls else (norm.to_original(ls, ls + 1)[0],) * 2
        o_hs, o_he = norm.to_original(hs, he)
        junk = PINYIN_JUNK.match(original, o_he)
        o_he = junk.end() if junk else o_he
        start = o_ls
        sections.append(
            Section(
                id=i,
                parent=parent,
                level=level,
                label=original[o_ls:o_le],
                heading=original[o_hs:o_he],
                start=start,
                end=max(norm.to_original(ls, end)[1], o_he),
                planned=planned,
                norm_start=ls,
                norm_end=end,
            )
        )
    return tuple(sections)
