"""Wholes whose parts are listed without a named partition: kinds after 其中, rows of a table.

- **Kinds.** 社区现有文体队伍12支，其中广场舞队5支、合唱队3支、… lists kinds of the whole, each
  a modifier before one head noun that the whole's words hold (队 of 文体队伍), after 其中 or in a
  、 list right after a stated whole (现有…12支，广场舞队5支、合唱队3支…); a sum of money after 其中
  is split by source or use. Kinds do not overlap, so their sum may fall short of the
  whole (the list may stop early) but never exceed it. Persons and households are kinds only by a
  classification listed in partitions.toml [kinds]: 女党员, 流动党员, 预备党员 are kinds by their
  words and overlap in fact. A 其中 list whose last item is the rest (其他类, 其余) names every kind
  and must add up exactly (rule ``residual_kind``).
- **Table rows.** A table flattened to text, whose header row ends with 合计/总计/小计 and whose
  rows are a label and as many numbers: the last number of a row is the sum of the others —
  unless the row's label names a rate, an average or a rank (rule ``table_ratio_row``, [tables]
  not_summed: 满意率（%） 98 97 99 98 ends with the period's rate).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence

from nlp.checks.contexts import Context
from nlp.checks.intervals import Interval, has_any, vocab
from nlp.checks.markers import _is_total, _subset_label, is_change
from nlp.checks.partitions import complete_partitions

# Counts of persons and households name overlapping groups with the same head noun.
_OVERLAPPING = frozenset({"persons", "households", "%"})
# A list of kinds is read among this many figures after 其中 (one pass, bounded per list).
MAX_KINDS = 32


def _core(label: str) -> str:
    text = label.strip(" 、，,：:")
    for marker in vocab()["markers"]["subset"]:
        text = text.removeprefix(marker)
    return text.strip(" 、，,：:")


def _common_tail(words: Sequence[str]) -> str:
    """The longest ending every word shares (舞蹈队, 合唱队 → 队)."""
    reversed_words = [w[::-1] for w in words]
    return os.path.commonprefix(reversed_words)[::-1]


def dimension(label: str) -> str | None:
    """The dimension a list item's words sort along besides its kind ([kinds] cross_cutting: mode,
    level, use, channel, stage), None for a plain kind.

    >>> dimension("其中线上活动"), dimension("、省级以上项目"), dimension("、文体活动")
    ('mode', 'level', None)
    """
    for name, words in vocab()["kinds"]["cross_cutting"].items():
        if has_any(label, words):
            return name
    return None


def one_dimension(items: Sequence[Context]) -> bool:
    """The items sort along one dimension (rule ``cross_cutting``): 其中线上活动30场、党建活动40场
    mixes a mode with kinds, 其中财政资金300万元、用于道路硬化260万元 a source with a use, so an item
    may be counted twice and the list is no classification; 线上…、线下… is one."""
    return len({dimension(c.label) for c in items}) == 1


def _kinds(total: Context, items: Sequence[Context], opened: bool = True) -> bool:
    """The items name different kinds of the total: sums of money split by source or use; things
    of one head noun the total's words hold (舞蹈队、合唱队 of 文艺队伍); persons or households only
    by a classification whose kinds exclude each other ([kinds] exclusive_heads: 肢体残疾、视力残疾)."""
    cores = [_core(c.label) for c in items]
    if len(cores) < 2 or any(len(x) < 2 for x in cores) or len(set(cores)) < len(cores):
        return False
    if not one_dimension(items):
        return False
    if total.family == "元" and opened:
        return True  # 其中上级补助80万元、村集体自筹50万元: money is split, never counted twice
    tail = _common_tail(cores)
    if total.family in _OVERLAPPING or "人" in total.family or "户" in total.family:
        return len(tail) >= 2 and tail in vocab()["kinds"]["exclusive_heads"] or numbered_classes(cores)
    return bool(tail) and tail[-1] in total.label


def numbered_classes(cores: Sequence[str]) -> bool:
    """Rule ``numbered_classes``: every kind is a class numeral, one class word and the same
    words after it, each numeral once (一类低保, 二类低保) — classes of one register, which
    exclude each other ([kinds] class_numerals, class_words).

    >>> numbered_classes(["一类低保", "二类低保"]), numbered_classes(["一类低保", "二类困难户"])
    (True, False)
    >>> numbered_classes(["A档", "B档", "C档"]), numbered_classes(["一类", "一类"])
    (True, False)
    """
    kinds = vocab()["kinds"]
    numerals, words = kinds["class_numerals"], kinds["class_words"]
    shapes = set()
    seen = set()
    for core in cores:
        if not core or core[0] not in numerals:
            return False
        word = next((w for w in words if core.startswith(w, 1)), None)
        if word is None:
            return False
        shapes.add((word, core[1 + len(word) :]))
        seen.add(core[0])
    return len(shapes) == 1 and len(seen) == len(cores)


def kinds_over_total(ctxs: Sequence[Context]) -> Iterator[tuple[Context, list[Context]]]:
    """(total, kinds) where the kinds listed after 其中 add up to more than the total: the latest
    figure of their unit before 其中 in the sentence, a change against another period passed over
    (共有队伍8支，比上年增加3支，其中…: the kinds are of the 8).

    Rule ``aside_passed`` (thirteenth session): a 其中 outside any parenthesis takes no whole from
    inside an aside one (another year's or area's figures, 低保户32户（上年为35户），其中因病致贫…):
    its whole is the figure before the parenthesis.

    Each figure opens at most one list and each list is read once, so the scan is linear.
    """
    last: dict[str, int] = {}  # unit family → its latest figure in the sentence (no change)
    plain: dict[str, int] = {}  # the same, outside an aside parenthesis (rule aside_passed)
    sentence = -1
    i = 0
    while i < len(ctxs):
        c = ctxs[i]
        if c.sentence != sentence:
            last, plain, sentence = {}, {}, c.sentence
        opened = _subset_label(c.label)
        # without 其中: a 、 list right after a stated whole (现有文体队伍12支，广场舞队5支、合唱队3支…)
        listed = (
            not opened
            and last.get(c.family) == i - 1
            and _is_total(ctxs[i - 1])
            and not ctxs[i - 1].after.startswith("、")  # an item of the list itself (…村5个、…村6个)
            and c.after.startswith("、")
        )
        if not (opened or listed) or c.family not in last:
            if not is_change(c.label):
                last[c.family] = i
                if not c.aside:
                    plain[c.family] = i
            i += 1
            continue
        total = ctxs[last[c.family]]
        if total.aside and c.paren < 0 and c.family in plain:
            total = ctxs[plain[c.family]]  # aside_passed: 低保户32户（上年为35户），其中…: of the 32
        items = [c]
        j = i + 1
        while j < len(ctxs) and j - i < MAX_KINDS:
            nxt = ctxs[j]
            if nxt.sentence != c.sentence:
                break
            if nxt.paren >= 0 and nxt.paren != c.paren and ctxs[j - 1].after.startswith(("（", "(", "、")):
                j += 1  # a parenthesis splitting an item (低保金52万元（城市…、农村…）、临时救助金…): no kinds
                continue
            joint = ctxs[j - 1].after.lstrip("）)") if ctxs[j - 1].paren != c.paren else ctxs[j - 1].after
            if nxt.family != c.family or not joint.startswith("、"):
                break
            items.append(nxt)
            j += 1
        i = j
        if total.family == "%" or total.aside or any(x.aside or x.fact.planned != total.fact.planned for x in items):
            continue
        complete = opened and total.family != "元" and names_the_rest(items) and one_dimension(items)
        if not complete and not _kinds(total, items, opened):
            continue
        intervals = [x.interval for x in items]
        whole = total.interval
        if whole is None or any(iv is None for iv in intervals):
            continue
        listed_sum = sum(intervals, Interval(0, 0))
        if listed_sum.low > whole.high or complete and not listed_sum.overlaps(whole):
            yield total, items


def names_the_rest(items: Sequence[Context]) -> bool:
    """The last item of a 其中 list is the rest (rule ``residual_kind``: 其中环境类95件、物业类80件、
    其他类30件): the list names every kind, so its sum is the whole — as money's residual sources
    do (nlp/checks/sources.py). Only the last may be the rest, and the items before it must name
    something besides it."""
    residual = vocab()["kinds"]["residual_kinds"]
    cores = [_core(c.label) for c in items]
    if len(cores) < 2 or not cores[-1].startswith(tuple(residual)):
        return False
    return all(len(x) >= 2 and not x.startswith(tuple(residual)) for x in cores[:-1])


def closing_noun(label: str) -> str | None:
    """What a total closing the figures before it names besides its closing word: '' for 共计 or
    共有, 总人口 for 总人口共, 党员 for 共有党员; None when the words close nothing (共覆盖居民 names
    another count, 全年走访 no total).

    >>> closing_noun("共计"), closing_noun("总人口共"), closing_noun("共有党员"), closing_noun("共覆盖居民")
    ('', '总人口', '党员', None)
    """
    words = vocab()["markers"]
    text = label.strip(" 、，,：:")
    closing = sorted(words["closing"], key=len, reverse=True)
    for word in closing:
        if text.endswith(word):
            noun = text[: -len(word)]
            return noun if len(noun) <= MAX_CLOSING_NOUN else None
    for word in closing:
        if text.startswith(word):
            noun = text[len(word) :]
            if len(noun) <= MAX_CLOSING_NOUN and not has_any(noun, words["activity_verbs"] + words["other_scope"]):
                return noun
            return None
    return None


# A closing total names at most this much besides its closing word (总人口共, 共有党员).
MAX_CLOSING_NOUN = 4


def closing_groups(ctxs: Sequence[Context], t: int, block_start: Sequence[int]) -> list[list[Context]]:
    """Parts stated before the total at ``t`` in its sentence and unit, with no 其中 opening them:
    a complete partition (男性1630人，女性1570人，总人口共3150人), or a 、 list closed by a bare
    共计/合计 (学校2所、幼儿园3所，共计6所). ``block_start`` is ``_list_openers``' first list."""
    total = ctxs[t]
    if t == 0 or total.aside:
        return []
    previous = ctxs[t - 1]
    if previous.sentence != total.sentence or previous.family != total.family:
        return []
    noun = closing_noun(total.label)
    if noun is None:
        return []
    first = max(block_start[t - 1], t - MAX_KINDS)
    parts = [c for c in ctxs[first:t] if not c.aside and c.fact.planned == total.fact.planned]
    if len(parts) < 2:
        return []
    groups = []
    population = vocab()["population"]["persons"] + vocab()["markers"]["heads"]
    for group in complete_partitions(total, parts):
        if not noun or has_any(noun, population) or any(g.label.endswith(noun) for g in group):
            groups.append(group)
    chained = all(c.after.startswith("、") for c in parts[:-1])
    if not groups and not noun and chained and has_any(total.label, vocab()["markers"]["list_total"]):
        groups.append(parts)
    return groups


_CELL = re.compile(r"\d+(?:\.\d+)?")


def table_rows(text: str) -> Iterator[tuple[int, int, list[float]]]:
    """(start, end, numbers) of each row of a table whose last column is a total whose numbers do
    not add up: a header line of cells ending with 合计/总计/小计, then rows of a label and as many
    numbers as the header has columns after its first cell.

    >>> t = "项目 1月 2月 合计\\n走访（户） 3 4 7\\n会议（次） 2 2 5\\n"
    >>> [t[s:e] for s, e, _ in table_rows(t)]
    ['会议（次） 2 2 5']
    """
    totals = tuple(vocab()["markers"]["list_total"]) + ("小计",)
    columns = 0
    at = 0
    for line in text.splitlines(keepends=True):
        start, at = at, at + len(line)
        cells = line.split()
        if len(cells) >= 3 and cells[-1].endswith(totals) and not _CELL.fullmatch(cells[1]):
            glued = cells[-1] not in totals  # 9月合计: a space lost between the last two headers
            columns = len(cells) - 1 + glued
            continue
        if not columns:
            continue
        numbers = cells[1:]
        if len(cells) != columns + 1 or not all(_CELL.fullmatch(x) for x in numbers) or has_any(cells[0], totals):
            columns = 0  # the table ended (a blank line, a line of words, its 合计 row)
            continue
        if has_any(cells[0], vocab()["tables"]["not_summed"]):
            continue  # rule table_ratio_row: 满意率（%） 98 97 99 98 ends with the period's rate
        values = [float(x) for x in numbers]
        if abs(sum(values[:-1]) - values[-1]) > 1e-6 * max(1.0, abs(values[-1])):
            stripped = line.rstrip("\r\n")
            lead = len(stripped) - len(stripped.lstrip())
            yield start + lead, start + len(stripped), values
