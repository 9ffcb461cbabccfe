"""一、/（一）/1、/（1） numbering → a tree of ``Section`` records.

Levels are fixed (SPEC section 6): 一、 = 1, （一）= 2, 1、/1./1． = 3, （1）= 4.
Styles outside that mapping: 第一部分/第一章/第一编 take level 1 but rank *above*
一、 (a 一、 inside 第一部分 is its child, both level 1); 第一节 is level 1 as well.
Circled ①②/⑴⑵ markers are list items, not headings (gold guidelines), and so are
inline 一是/二是 and numbers that do not open a line.

A label opens a section only when
- it opens a line (after indentation),
- its number continues the previous sibling of the same style under the same parent
  (n = previous + 1), or restarts at 1 under a new parent, or opens the outline
  (documents that start mid-way, at 二、 or （五）; a （2） further on, with no （1） line
  before it, is an item of a paragraph),
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

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.records import Normalized, Section
from nlp.resources import load_toml
from nlp.text.heading_model import Candidate, chrome_words, default_decision, run_on_cut

_SPACES = " \t\r\u3000\xa0"
# Longest unnumbered line offered to the heading decision as a candidate.
MAX_CANDIDATE = 30
# A physical line this long is a flattened page (its paragraphs joined): labels split it without a space.
FLATTENED = 300
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
    plan_review: tuple[str, ...]
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
        plan_review=tuple(planned["review"]),
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
    >>> line = "(一)民生工作站解民忧 从6月份开始，社区每周安排专人值守"
    >>> s, e = heading_span(line, 3); line[s:e]
    '民生工作站解民忧'
    >>> line = "二、2024年 工作计划"
    >>> s, e = heading_span(line, 2); line[s:e]
    '2024年 工作计划'
    >>> line = "二、做好民生保障工作.目前已为低保户办理年审38户"
    >>> s, e = heading_span(line, 2); line[s:e]
    '做好民生保障工作'
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
        if ch in ".．" and _is_cjk(line[i - 1 : i]) and _is_cjk(line[i + 1 : i + 2]):
            end = i  # a half-width full stop in a scraped page (做好工作.目前已…)
            break
        if ch in _SPACES and i - start >= 4 and line[i + 1 : i + 2].strip() and _paragraph_follows(line, start, i):
            end = i
            break
    while end > start and line[end - 1] in voc.trailing:
        end -= 1
    return start, end


def _paragraph_follows(line: str, start: int, gap: int) -> bool:
    """After a space inside a heading phrase, the text up to the next stop is longer than the phrase
    before it: a paragraph glued on (民生工作站解民忧 从6月份开始，…), not a spaced heading (2024年 工作计划)."""
    stops = _vocab().stops
    end = next((k for k in range(gap + 1, len(line)) if line[k] in stops), len(line))
    return end - gap > gap - start


def _is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def is_plan_heading(heading: str) -> bool:
    """Whether a heading names a plan (下一步打算, 下半年工作计划, 2024年工作思路 …).

    A heading that reviews what was done (…计划完成情况, 上半年工作总结及下半年打算) is not one:
    its own sub-headings say which part is the plan.

    >>> is_plan_heading("存在问题及下步打算"), is_plan_heading("计划生育工作")
    (True, False)
    >>> is_plan_heading("年度工作目标完成情况"), is_plan_heading("上半年工作总结及下半年工作打算")
    (False, False)
    """
    voc = _vocab()
    if any(word in heading for word in voc.plan_review):
        return False
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
        for k in range(1, len(line)):
            before = line[k - 1]
            if before not in "。！？；!?;：:，," or k == start:
                continue
            rest = line[k:]
            gap = original_gap(norm, pos + k)
            spaced = rest[:1] in _SPACES or (bool(gap) and not gap.strip(_SPACES + "\n"))
            label = parse_label(rest.lstrip(_SPACES)) if spaced or flattened else None
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


def build_outline(norm: Normalized, decide: Callable[[Candidate], bool] | None = None) -> tuple[Section, ...]:
    """The section tree of ``norm.text``, with spans mapped to the original.

    ``decide`` says whether a candidate line is a heading (default: the shipped heading model,
    ``nlp.text.heading_model``); training passes an oracle that answers from the gold.
    """
    decide = decide or default_decision
    voc = _vocab()
    text, original = norm.text, norm.original
    physical = _lines(text)
    lines = [
        (pos + len(raw) - len(raw.lstrip(_SPACES)), raw.strip(_SPACES)) for pos, raw in _soft_lines(norm, physical)
    ]
    soft_starts = {pos for pos, _ in lines} - {pos + len(raw) - len(raw.lstrip(_SPACES)) for pos, raw in physical}
    nonempty = [(pos, line) for pos, line in lines if line]
    counts: dict[str, int] = {}
    for _, line in nonempty:
        counts[line] = counts.get(line, 0) + 1

    found: list[tuple[float, int, int, int, int, int, int | None, bool]] = []
    stack: list[_Open] = []
    last_num: dict[tuple[int | None, str], int] = {}
    chrome_last: dict[tuple[int | None, str], int] = {}
    seen_kinds: set[str] = set()
    levels: list[int] = []
    body_started = False
    prev_heading = ""  # "", "numbered", "unnumbered"
    for idx, (pos, line) in enumerate(nonempty):
        prev = nonempty[idx - 1][1] if idx else None
        nxt = nonempty[idx + 1][1] if idx + 1 < len(nonempty) else None
        label = parse_label(line)
        below = parse_label(nxt) if nxt is not None else None
        context = dict(
            prev=prev or "", nxt=nxt or "", prev_heading=prev_heading, soft=pos in soft_starts,
            position=idx / max(1, len(nonempty) - 1), body_started=body_started, repeats=counts[line],
            next_label=below.kind if below else "",
        )
        accepted = ""
        if label is not None:
            hs, he = heading_span(line, label.end)
            he = _cut_at_joined_break(norm, pos, line, hs, he)
            he = hs + run_on_cut(line[hs:he])
            trial = [o for o in stack if o.rank < label.rank]
            parent = trial[-1].id if trial else None
            prev_n = last_num.get((parent, label.kind))
            in_sequence = (
                label.number == prev_n + 1
                if prev_n is not None
                else label.number == 1 or (label.kind not in seen_kinds and not found)
            )
            # A label after a paragraph that ends mid-word may be the rest of a word wrapped onto the
            # next line (制 + newline + 2、度) — unless its number continues its siblings (…2万元 + newline
            # + 二、, a paragraph that merely lacks its full stop).
            continues = prev_n is not None and label.number == prev_n + 1
            broken = (
                prev is not None and prev_heading == "" and len(prev) > 20 and _ends_mid_word(prev) and not continues
            )
            # A notice numbered after a site-chrome notice (1. 付费下载… 2. 如需原文…) is chrome too.
            after_chrome = chrome_last.get((parent, label.kind)) == label.number - 1
            if after_chrome or chrome_words(line[hs:he]):
                chrome_last[(parent, label.kind)] = label.number
            candidate = Candidate(
                kind=label.kind, number=label.number, level=label.level, in_sequence=in_sequence,
                first_of_kind=label.kind not in seen_kinds, broken=broken, after_chrome=after_chrome,
                phrase=line[hs:he], rest=line[he:],
                stop=line[he : he + 1] if line[he : he + 1] in voc.stops else "", unnumbered_rule=False,
                next_in_sequence=below is not None and below.kind == label.kind and below.number == label.number + 1,
                **context,
            )
            if he > hs and decide(candidate):
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
        elif 2 <= len(line) <= MAX_CANDIDATE:
            rule = body_started and _unnumbered_ok(line, prev, prev_heading, nxt, voc, counts[line])
            hs, he = heading_span(line, 0)
            inner = list(stack)
            while inner and inner[-1].kind == "":  # an unnumbered heading ends the previous one
                inner.pop()
            plan_part = is_plan_heading(line[hs:he]) and not (inner and inner[-1].planned)
            if plan_part:
                inner = []  # 下半年计划和打算: the plan part of the document, a top-level part
            elif below is not None:  # a lead line over numbered items: it encloses them
                inner = [o for o in inner if o.rank < below.rank - 0.5]
            level = levels[inner[-1].id] + 1 if inner else 1
            candidate = Candidate(
                kind="", number=0, level=level, in_sequence=False, first_of_kind=False, broken=False, after_chrome=False,
                phrase=line[hs:he], rest=line[he:], stop=line[he : he + 1] if line[he : he + 1] in voc.stops else "",
                unnumbered_rule=rule, next_in_sequence=False, **context,
            )
            if he > hs and decide(candidate):
                stack = inner
                rank = stack[-1].rank + 0.5 if stack else 1.0
                parent = stack[-1].id if stack else None
                planned = (bool(stack) and stack[-1].planned) or is_plan_heading(line[hs:he])
                sid = len(found)
                found.append((rank, level, pos, pos, pos + hs, pos + he, parent, planned))
                levels.append(level)
                stack.append(_Open(sid, rank, "", planned))
                accepted = "unnumbered"
        if not accepted and label is None and _title_like(line, voc) and found:
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


class SectionLookup:
    """The innermost section containing an offset, for many offsets of one document.

    Sections nest, so of the sections containing an offset the innermost is the one that starts
    last; a lookup is a bisection plus a walk up at most four levels.

    >>> secs = (Section(0, None, 1, "一、", "党建", 0, 9, norm_start=0, norm_end=9),
    ...         Section(1, 0, 2, "（一）", "组织", 3, 6, norm_start=3, norm_end=6))
    >>> at = SectionLookup(secs)
    >>> at(4).id, at(7).id, at(9) is None
    (1, 0, True)
    """

    def __init__(self, sections: tuple[Section, ...] | list[Section]) -> None:
        self._sections = sorted(sections, key=lambda s: (s.norm_start, s.level))
        self._starts = [s.norm_start for s in self._sections]
        self._by_id = {s.id: s for s in sections}

    def __call__(self, norm_start: int) -> Section | None:
        i = bisect.bisect_right(self._starts, norm_start) - 1
        section = self._sections[i] if i >= 0 else None
        while section is not None and not (section.norm_start <= norm_start < section.norm_end):
            section = self._by_id.get(section.parent) if section.parent is not None else None
        return section

