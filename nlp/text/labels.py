"""Numbering labels of the outline: 一、/（一）/1、/（1）/第一部分 at the start of a line, their values and ranks.

Levels are fixed (SPEC section 6): 一、 = 1, （一）= 2, 1、/1./1． = 3, （1）= 4. 第一部分/第一章/第一编
take level 1 but rank *above* 一、 (a 一、 inside 第一部分 is its child, both level 1); 第一节 is level 1
as well. The words (digits, part units, heading stops, plan keywords) live in
``nlp/resources/outline.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.resources import load_toml

SPACES = " \t\r\u3000\xa0"
_INDENT = re.compile(f"[{re.escape(SPACES)}]*")

TERMINAL = set("。！？；：!?;:…”’）)】》.")


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
class OutlineVocab:
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
    part_words: tuple[str, ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    # The five patterns as one, tried once after the indentation (``label_at``): each kind a named
    # group around its pattern, in the order of ``patterns``, its number group ``<kind>_n``.
    label: re.Pattern[str]


@cache
def vocab() -> OutlineVocab:
    data = load_toml("outline.toml")
    labels = data["labels"]
    digits = {ch: i for i, ch in enumerate(labels["digits"])}
    digits.update({k: int(v) for k, v in labels["alt_digits"].items()})
    cn = "".join(digits) + "十百"
    units = {k: float(v) for k, v in labels["part_units"].items()}
    unit_alt = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    c = f"[{cn}]+"
    # Each kind's number is its group ``<kind>_n`` (and the first group); a part's unit is ``part_u``.
    sources = (
        ("part", rf"第(?P<part_n>{c}|\d{{1,2}})(?P<part_u>{unit_alt})[、：:．.]?"),
        ("pcn", rf"[（(]\s*(?P<pcn_n>{c})\s*[）)][、．.，,]?"),
        ("pdig", r"[（(]\s*(?P<pdig_n>\d{1,2})\s*[）)][、．.，,]?"),
        ("cn", rf"(?P<cn_n>{c})\s*(?:、|[．.](?!\d))"),
        ("dig", r"(?P<dig_n>\d{1,2})\s*(?:、|[．.](?!\d))"),
    )
    patterns = tuple((kind, re.compile(source)) for kind, source in sources)
    label = re.compile(f"[{re.escape(SPACES)}]*+(?:" + "|".join(f"(?P<{kind}>{source})" for kind, source in sources) + ")")
    heading = data["heading"]
    planned = data["planned"]
    doc_types = load_toml("meta.toml")["doc_type"]
    return OutlineVocab(
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
        part_words=tuple(heading["part_words"]),
        patterns=patterns,
        label=label,
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
    digits = vocab().digits
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
    return label_at(line, 0)


def may_open_label(char: str) -> bool:
    """Whether a label can start with ``char`` (the first characters of ``vocab().patterns``:
    an opening bracket, 第, a Chinese ordinal, a digit).

    >>> may_open_label("（"), may_open_label("三"), may_open_label("7"), may_open_label("社")
    (True, True, True, False)
    """
    return char in "（(第" or char in vocab().cn or char.isdecimal()


def label_at(line: str, pos: int) -> Label | None:
    """``parse_label(line[pos:])``, without copying the rest of the line (a flattened page is
    asked at every sentence end). The label patterns use no anchor and look back at nothing, so
    matching from ``pos`` is matching the copy.

    >>> label_at("得到实惠。 （四）强化组织", 5)
    Label(kind='pcn', number=4, rank=2.0, level=2, start=1, end=4)
    """
    voc = vocab()
    m = voc.label.match(line, pos)
    if m is None:
        return None
    # The kinds' groups are tried in the order of ``voc.patterns`` and the first that matches is
    # the match (an alternation tries its branches in order): the pattern a loop would have taken.
    kind = m.lastgroup
    number = ordinal_value(m.group(f"{kind}_n"))
    if number is None or number == 0:
        return None
    rank = voc.part_units[m.group("part_u")] if kind == "part" else _RANKS[kind]
    return Label(kind, number, rank, max(1, int(rank)), m.start(kind) - pos, m.end() - pos)


_RANKS = {"cn": 1.0, "pcn": 2.0, "dig": 3.0, "pdig": 4.0}


def label_at_each_pattern(line: str, pos: int) -> Label | None:
    """``label_at`` as the five patterns tried one by one after the indentation (its definition,
    kept for the test that holds the one pattern to it)."""
    voc = vocab()
    start = _INDENT.match(line, pos).end()
    for kind, pattern in voc.patterns:
        m = pattern.match(line, start)
        if not m:
            continue
        number = ordinal_value(m.group(1))
        if number is None or number == 0:
            return None
        rank = voc.part_units[m.group(2)] if kind == "part" else _RANKS[kind]
        return Label(kind, number, rank, max(1, int(rank)), start - pos, m.end() - pos)
    return None


def is_plan_heading(heading: str) -> bool:
    """Whether a heading names a plan (下一步打算, 下半年工作计划, 2024年工作思路 …).

    A heading that reviews what was done (…计划完成情况, 上半年工作总结及下半年打算) is not one:
    its own sub-headings say which part is the plan.

    >>> is_plan_heading("存在问题及下步打算"), is_plan_heading("计划生育工作")
    (True, False)
    >>> is_plan_heading("年度工作目标完成情况"), is_plan_heading("上半年工作总结及下半年工作打算")
    (False, False)
    """
    voc = vocab()
    if any(word in heading for word in voc.plan_review):
        return False
    text = heading
    for word in voc.plan_exclude:
        text = text.replace(word, "")
    return any(k in text for k in voc.plan_keywords)


@cache
def _problem_parts() -> tuple[str, ...]:
    return tuple(load_toml("outline.toml")["problem_parts"])


def is_problem_part(heading: str) -> bool:
    """Whether an unnumbered title names the report's problems part (outline.toml [problem_parts]).

    >>> is_problem_part("存在的不足"), is_problem_part("工作中的问题和不足"), is_problem_part("问题楼院整治")
    (True, True, False)
    """
    return any(word in heading for word in _problem_parts())


def run_starts(labels: list[Label | None]) -> set[int]:
    """Indices of the 1s that open a run of their style (a report in parts numbers each part anew,
    一、二、三、 … 一、二、): the next line of the same style carries 2. One pass from the end.

    >>> sorted(run_starts([parse_label(t) for t in ("一、回顾", "二、成效", "说明", "一、任务", "正文", "二、措施")]))
    [0, 3]
    >>> sorted(run_starts([parse_label(t) for t in ("一、回顾", "二、成效", "一、任务", "一、措施")]))
    [0]
    """
    starts, next_number = set(), {}
    for idx in range(len(labels) - 1, -1, -1):
        label = labels[idx]
        if label is None:
            continue
        if label.number == 1 and next_number.get(label.kind) == 2:
            starts.add(idx)
        next_number[label.kind] = label.number
    return starts
