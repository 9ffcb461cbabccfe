"""Numbering labels of the outline: 一、/（一）/1、/（1）/第一部分 at the start of a line, their values and ranks.

Levels are fixed (SPEC section 6): 一、 = 1, （一）= 2, 1、/1./1． = 3, （1）= 4. 第一部分/第一章/第一编
take level 1 but rank *above* 一、 (a 一、 inside 第一部分 is its child, both level 1); 第一节 is level 1
as well. The words (digits, part units, heading stops, plan keywords) live in
``nlp/resources/outline.toml``.

The grammar is ``RULES``: one named rule per label shape, each with an invented example. Three shapes
are *weak* — also the start of something else: ``1，`` (a count in a sentence), ``1.2023年`` (a decimal,
1.8万元). ``label_at`` never reads a weak label unless asked; the outline asks, and keeps one only in a
run of its own shape at line starts (``confirm_runs``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
    weak: bool = False  # a shape that may be something else: a label only in a run (``confirm_runs``)


@dataclass(frozen=True)
class LabelRule:
    """A named rule of the label grammar: a shape, the kind (style) it numbers, an invented line."""

    name: str  # also the regex group of the shape; its number is the group ``<name>_n``
    kind: str  # the style whose numbering it continues ("part", "cn", "pcn", "dig", "pdig")
    pattern: str  # the shape after the indentation; ``{c}`` a Chinese ordinal, ``{units}``/``{quantity}`` see ``vocab``
    example: str
    weak: bool = False


# Tried in this order at a line start; the first that matches is the label. A shape's pattern says no
# more than the shape: what the text after it may be is the outline's affair.
RULES: tuple[LabelRule, ...] = (
    LabelRule("part", "part", r"第(?P<part_n>{c}|\d{{1,2}})(?P<part_u>{units})[、：:．.]?", "第一部分 工作回顾"),
    LabelRule("pcn", "pcn", r"[（(]\s*(?P<pcn_n>{c})\s*[）)][、．.，,]?", "（二）加强网格管理"),
    LabelRule("pdig", "pdig", r"[（(]\s*(?P<pdig_n>\d{{1,2}})\s*[）)][、．.，,]?", "（3）开展健康讲座"),
    LabelRule("cn", "cn", r"(?P<cn_n>{c})\s*(?:、|[．.](?!\d))", "三、下一步工作打算"),
    LabelRule("dig", "dig", r"(?P<dig_n>\d{{1,2}})\s*(?:、|[．.](?!\d))", "2.关爱独居老人"),
    # *ordinal dot before digit*: a Chinese ordinal starts no decimal, so 一．2023年 is a label.
    LabelRule("cn_dot_digit", "cn", r"(?P<cn_dot_digit_n>{c})\s*[．.](?=\d)", "一．2023年工作回顾"),
    # *closing bracket*: （1） written with its closing bracket only, full- or half-width; the same style.
    LabelRule("dig_close", "pdig", r"(?P<dig_close_n>\d{{1,2}})\s*[）)][、．.，,]?", "2）拓宽居民参与渠道"),
    # *comma label* (weak): 1，/1, — also a count opening a sentence (3，4月份 is a number pair). Not
    # before a digit: 1,200元 is a thousands separator.
    LabelRule("dig_comma", "dig", r"(?P<dig_comma_n>\d{{1,2}})\s*[，,](?!\d)", "1，完善议事制度", weak=True),
    # *dot before digit* (weak): 1.2023年…, 4.12345热线… — a decimal when the digits after the dot state a
    # quantity (1.8万元, 2.5%, 3.2公里: a unit or magnitude follows them); a year after the dot is no
    # fraction (1.2023年 is not 1.2023 years).
    LabelRule(
        "dig_dot_digit", "dig", r"(?P<dig_dot_digit_n>\d{{1,2}})\s*[．.](?=(?:19|20)\d\d年|\d++(?!{quantity}))",
        "1.2023年工作回顾", weak=True,
    ),
)


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
    # The rules' patterns as one, tried once after the indentation (``label_at``): each rule a named
    # group around its pattern, in the order of ``patterns``, its number group ``<name>_n``.
    label: re.Pattern[str]
    # Whether a text holds one of the word lists above (``holds_any``), one search each.
    holds_plan_review: Callable[[str], object] = field(init=False, repr=False, compare=False)
    holds_plan_exclude: Callable[[str], object] = field(init=False, repr=False, compare=False)
    holds_plan_keyword: Callable[[str], object] = field(init=False, repr=False, compare=False)
    holds_junk: Callable[[str], object] = field(init=False, repr=False, compare=False)
    holds_title_word: Callable[[str], object] = field(init=False, repr=False, compare=False)
    # a title word that names no part of a document (总结 yes, 计划 of a plan part no)
    holds_own_title_word: Callable[[str], object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        own_title_words = tuple(w for w in self.title_words if w not in self.part_words)
        for name, words in (
            ("holds_plan_review", self.plan_review), ("holds_plan_exclude", self.plan_exclude),
            ("holds_plan_keyword", self.plan_keywords), ("holds_junk", self.junk),
            ("holds_title_word", self.title_words), ("holds_own_title_word", own_title_words),
        ):  # fmt: skip
            object.__setattr__(self, name, holds_any(words))


def holds_any(words: Sequence[str]) -> Callable[[str], object]:
    """A test of whether a text holds one of ``words``, truthy when it does: ``any(w in text for w
    in words)`` as one search of their alternation. The outline asks it of every candidate line for
    several lists (plan, review, title, junk words): a generator with one ``in`` per word cost more
    than the regular-expression engine's one pass, which skips the positions no word starts with.

    >>> holds = holds_any(("工作计划", "打算"))
    >>> bool(holds("下一步打算")), bool(holds("工作总结")), bool(holds_any(())("打算"))
    (True, False, False)
    """
    if not words:
        return _holds_nothing
    return re.compile("|".join(map(re.escape, words))).search


def _holds_nothing(text: str) -> None:
    return None


@cache
def vocab() -> OutlineVocab:
    data = load_toml("outline.toml")
    labels = data["labels"]
    digits = {ch: i for i, ch in enumerate(labels["digits"])}
    digits.update({k: int(v) for k, v in labels["alt_digits"].items()})
    cn = "".join(digits) + "十百"
    units = {k: float(v) for k, v in labels["part_units"].items()}
    unit_alt = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    # Each rule's number is its group ``<name>_n`` (and the first group); a part's unit is ``part_u``.
    sources = tuple(
        (rule.name, rule.pattern.format(c=f"[{cn}]+", units=unit_alt, quantity=_quantity())) for rule in RULES
    )
    patterns = tuple((name, re.compile(source)) for name, source in sources)
    # A character no label opens with (``may_open_label``) fails once, before the rules are tried.
    opens = f"(?=[第（(\\d{re.escape(cn)}])"
    label = re.compile(
        f"[{re.escape(SPACES)}]*+{opens}(?:" + "|".join(f"(?P<{name}>{source})" for name, source in sources) + ")"
    )
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


def _quantity() -> str:
    """What, right after a number, makes it a quantity: a decimal point or digit, a magnitude (万 亿 千
    百), or a unit as written (``nlp/resources/units.toml`` variants: 万元, %, 公里, 人 …)."""
    variants = {v for unit in load_toml("units.toml")["unit"] for v in unit.get("variants", [unit["name"]])}
    return "|".join(["[.．\\d万亿千百]", *sorted(map(re.escape, variants), key=len, reverse=True)])


_RULE = {rule.name: rule for rule in RULES}


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
    Label(kind='pcn', number=2, rank=2.0, level=2, start=0, end=3, weak=False)
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


def label_at(line: str, pos: int, weak: bool = False) -> Label | None:
    """``parse_label(line[pos:])``, without copying the rest of the line (a flattened page is
    asked at every sentence end). The label patterns use no anchor and look back at nothing, so
    matching from ``pos`` is matching the copy. A weak shape (``RULES``) is read only when ``weak``.

    >>> label_at("得到实惠。 （四）强化组织", 5)
    Label(kind='pcn', number=4, rank=2.0, level=2, start=1, end=4, weak=False)
    >>> label_at("1，完善议事制度", 0) is None, label_at("1，完善议事制度", 0, weak=True).weak
    (True, True)
    """
    voc = vocab()
    m = voc.label.match(line, pos)
    if m is None:
        return None
    # The rules' groups are tried in the order of ``voc.patterns`` and the first that matches is
    # the match (an alternation tries its branches in order): the pattern a loop would have taken.
    rule = _RULE[m.lastgroup]
    if rule.weak and not weak:
        return None
    number = ordinal_value(m.group(f"{rule.name}_n"))
    if number is None or number == 0:
        return None
    rank = voc.part_units[m.group("part_u")] if rule.kind == "part" else _RANKS[rule.kind]
    return Label(rule.kind, number, rank, max(1, int(rank)), m.start(rule.name) - pos, m.end() - pos, rule.weak)


_RANKS = {"cn": 1.0, "pcn": 2.0, "dig": 3.0, "pdig": 4.0}


def label_at_each_pattern(line: str, pos: int, weak: bool = False) -> Label | None:
    """``label_at`` as the rules' patterns tried one by one after the indentation (its definition,
    kept for the test that holds the one pattern to it)."""
    voc = vocab()
    start = _INDENT.match(line, pos).end()
    for name, pattern in voc.patterns:
        m = pattern.match(line, start)
        if not m:
            continue
        rule = _RULE[name]
        if rule.weak and not weak:
            return None
        number = ordinal_value(m.group(1))
        if number is None or number == 0:
            return None
        rank = voc.part_units[m.group(2)] if rule.kind == "part" else _RANKS[rule.kind]
        return Label(rule.kind, number, rank, max(1, int(rank)), start - pos, m.end() - pos, rule.weak)
    return None


def _mark(line: str, label: Label) -> str:
    """The mark after a label's number as a class: "." for ./．, "," for ，/, (what a run shares)."""
    last = line[label.start : label.end].rstrip(SPACES)[-1:]
    return "." if last in ".．" else "," if last in "，," else last


def confirm_runs(lines: Sequence[str], labels: Sequence[Label | None], line_start: Sequence[bool]) -> list[Label | None]:
    """Rule *run* for weak labels: ``1，``/``1.2023年`` is a label when it opens a physical line (not a
    split after a sentence end) and the nearest line-opening label of its style and mark before it
    numbers one less, or the nearest after it one more (``1，完善…`` / ``2，拓宽…``); otherwise it is a
    count or a decimal opening a sentence, and the line has no label. Strong labels pass as they are.

    >>> lines = ["1，完善议事制度", "社区坚持…。", "2，拓宽参与渠道", "3，全年走访居民860户。"]
    >>> [label and label.number for label in confirm_runs(lines, [label_at(t, 0, weak=True) for t in lines], [True] * 4)]
    [1, None, 2, 3]
    >>> lines = ["1，完善议事制度", "社区坚持…。", "5，活动共开展"]
    >>> [label and label.number for label in confirm_runs(lines, [label_at(t, 0, weak=True) for t in lines], [True] * 3)]
    [None, None, None]
    """
    out = list(labels)
    runs: dict[tuple[str, str], list[int]] = {}  # (style, mark) -> indices of the line-opening labels
    for idx, label in enumerate(labels):
        if label is not None and line_start[idx]:
            runs.setdefault((label.kind, _mark(lines[idx], label)), []).append(idx)
        elif label is not None and label.weak:
            out[idx] = None
    for run in runs.values():
        for j, idx in enumerate(run):
            number = labels[idx].number
            before = labels[run[j - 1]].number if j else None
            after = labels[run[j + 1]].number if j + 1 < len(run) else None
            if labels[idx].weak and before != number - 1 and after != number + 1:
                out[idx] = None
    return out


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
    if voc.holds_plan_review(heading):
        return False
    text = heading
    if voc.holds_plan_exclude(text):  # (each replacement in turn, as written: one may join another)
        for word in voc.plan_exclude:
            text = text.replace(word, "")
    return bool(voc.holds_plan_keyword(text))


@cache
def _problem_parts() -> tuple[str, ...]:
    return tuple(load_toml("outline.toml")["problem_parts"])


@cache
def _holds_problem_part() -> Callable[[str], object]:
    return holds_any(_problem_parts())


def is_problem_part(heading: str) -> bool:
    """Whether an unnumbered title names the report's problems part (outline.toml [problem_parts]).

    >>> is_problem_part("存在的不足"), is_problem_part("工作中的问题和不足"), is_problem_part("问题楼院整治")
    (True, True, False)
    """
    return bool(_holds_problem_part()(heading))


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
