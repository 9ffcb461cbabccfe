"""ZJ1xx: arithmetic on counts — partitions that must add up, subsets, magnitudes."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache

from nlp.checks.contexts import Context, contexts
from nlp.checks.intervals import Interval, fmt, fmt_interval, has_any, vocab
from nlp.checks.lists import closing_groups, kinds_over_total, table_rows
from nlp.checks.markers import _is_total, _subset_label
from nlp.checks.named_lists import named_count_mismatches
from nlp.checks.parens import may_split, paren_anchors
from nlp.checks.partial_lists import not_all
from nlp.checks.partitions import complete_partitions, part_band, part_of
from nlp.checks.period_sums import month_sum_mismatches
from nlp.checks.population import _stated_totals
from nlp.checks.registry import Finding, rule
from nlp.checks.runs import (
    parallel_whole,
    per_unit,
)
from nlp.checks.sources import complete_sources
from nlp.checks.subsets import narrower_noun, subset_pairs
from nlp.records import Parse, Severity


def _sum_message(parts: Sequence[Context], total: Context) -> str:
    intervals = [p.interval for p in parts]
    terms = "+".join(fmt_interval(iv) for iv in intervals if iv)
    s = sum((iv for iv in intervals if iv), Interval(0, 0))
    return f"分项之和 {terms}={fmt_interval(s)} 与总数 {fmt_interval(total.interval)} 不符"


def _parts_add_up(parts: Sequence[Context], total: Context) -> bool | None:
    whole = total.interval
    intervals = [p.interval for p in parts]
    if whole is None or any(iv is None for iv in intervals):
        return None
    return sum(intervals, Interval(0, 0)).overlaps(whole)


# A partition's parts follow its total: at most this many figures after a total are read for
# them, which keeps the rule linear on a sentence listing thousands of figures (男5人，男5人，…).
# The longest partition a report writes out, five-year age bands, has about twenty parts.
MAX_PARTS_AFTER = 32


def _parts_after(ctxs: Sequence[Context], t: int, anchors: Sequence[int]) -> list[Context]:
    """The run of figures after total ``t`` that name parts: same unit, plan status and
    aside-ness, in its sentence (or the next when the total says 共有/总人口 …), up to another
    total or a figure that names no part, among the ``MAX_PARTS_AFTER`` figures after it. Without
    a total marker the parts must follow in the same sentence (户籍人口1200人，60岁以上300人，60岁以下900人).

    ``anchors`` is ``paren_anchors(ctxs)``: figures in a parenthesis that follows another figure,
    or outside the total's own parenthesis, are not its parts (rule ``parenthesis_level``). A 其中
    after one of the parts splits that part (rule ``inner_whole``: 总人口5420人，户籍人口4300人，其中
    男2200人、女2100人 — the sexes add up to the 4300): its partition is no partition of the total.
    """
    total = ctxs[t]
    marked = _is_total(total)
    if not marked and total.after.startswith("、"):
        return []  # an item of a list (在职人员13人、少数民族1196人、男性735人…), not a whole
    family = total.family
    run: list[Context] = []
    inner: set[str] = set()  # the partitions that split one of the parts, not the total
    own = part_of(total.label)  # 常住人口4300人，其中男…、女…，流动人口…: the 流动 is its sibling
    for i in range(t + 1, min(len(ctxs), t + 1 + MAX_PARTS_AFTER)):  # by index: a slice would copy
        c = ctxs[i]
        if c.sentence > total.sentence + (1 if marked else 0):
            break
        if c.family != family or c.fact.planned != total.fact.planned:
            continue
        if c.aside != total.aside:
            continue  # a parenthesis restating another year's or area's figures
        if not may_split(ctxs, anchors, t, i):
            if total.paren >= 0 and c.paren < 0:
                break  # the total's parenthesis has closed
            continue  # a parenthesis on another figure
        if run and _subset_label(c.label):
            inner.add(_partition_key(c, total))
        if inner and _partition_key(c, total) in inner:
            continue
        if own and not marked and _partition_key(c, total) == own[0]:
            break  # a sibling of the total (rule ``inner_whole``): the total's parts have ended
        if _is_total(c):
            break
        if part_of(c.label, total.label) is None and part_band(c.label) is None:
            if marked and narrower_noun(c, total, within=True):
                continue  # a subset named by the total's own noun (预备党员 of 现有党员), not another whole
            break  # another whole of the same unit (党员49名 after 总人口…): its parts are not ours
        run.append(c)
    return run


def _partition_key(c: Context, total: Context) -> str:
    """The partition a part names (sex, residence …), ``age`` for an age band, else its words."""
    member = part_of(c.label, total.label)
    if member is not None:
        return member[0]
    return "age" if part_band(c.label) is not None else c.label


def _partition_groups(
    ctxs: Sequence[Context], t: int, anchors: Sequence[int], text: str = ""
) -> list[list[Context]]:
    """Complete partitions of total ``t`` (partitions.complete_partitions over its parts)."""
    run = _parts_after(ctxs, t, anchors)
    if not run:
        return []
    total = ctxs[t]
    if per_unit(total.label) or parallel_whole(ctxs, t):
        # 人均耕地2.6亩 is no total of the 水田/旱地 after it; 户籍…，流动…，男…: whose parts?
        return []
    own = part_of(total.label)
    # a part itself (常住人口2600人，流动人口400人) has its siblings after it, not its parts
    siblings = {own[0]} if own and not _is_total(total) else set()
    groups = [g for g in complete_partitions(total, run) if not siblings & {_partition_name(g, total)}]
    if not _is_total(total):  # without 共有/总人口 the figures after it must be exactly one partition
        groups = [g for g in groups if len(g) == len(run)]
    return groups


def _partition_name(group: Sequence[Context], total: Context) -> str | None:
    member = part_of(group[0].label, total.label)
    return member[0] if member else None


def _list_total_parts(
    ctxs: Sequence[Context], t: int, openers: Callable[[], tuple[list[int], list[int]]]
) -> list[Context]:
    """The parts of a 其中 list closed by 合计/共计 at ``t``; empty when there is no such list.

    The list is the figures from the nearest one opening it (其中…, or words ending in a colon)
    up to the total, all in the total's sentence and unit; ``openers()`` gives ``_list_openers``,
    both bounds for every figure found in one pass, so a sentence of many totals is not walked
    back from each.
    """
    total = ctxs[t]
    if t == 0 or not has_any(total.label, vocab()["markers"]["list_total"]):
        return []
    previous = ctxs[t - 1]
    if previous.sentence != total.sentence or previous.family != total.family:
        return []
    block_start, opener = openers()
    j = opener[t - 1]
    return list(ctxs[j:t]) if j >= block_start[t - 1] and t - j >= 2 else []


def _list_openers(ctxs: Sequence[Context]) -> tuple[list[int], list[int]]:
    """For each figure: where the run of figures of its sentence and unit that ends with it
    starts, and the last figure up to it that opens a list (-1 when none does)."""
    subset = vocab()["markers"]["subset"]
    block_start: list[int] = []
    opener: list[int] = []
    for i, c in enumerate(ctxs):
        same = i > 0 and ctxs[i - 1].sentence == c.sentence and ctxs[i - 1].family == c.family
        block_start.append(block_start[-1] if same else i)
        opens = has_any(c.label, subset) or c.label.endswith(("：", ":"))
        opener.append(i if opens else (opener[-1] if i else -1))
    return block_start, opener


@rule("ZJ101", "sum_mismatch", Severity.ERROR)
def sum_mismatch(parse: Parse) -> Iterator[Finding]:
    """Parts that partition a total do not add up to it.

    What: a total followed, in its sentence, by every part of one partition — a named partition of
    partitions.toml (男/女, 常住/流动, 在家/外出, 城镇/农村 …), grades that may be joined (一、二级 +
    三、四级), or age bands that tile the total's own band (60岁以上 + 60岁以下; 60至79岁 + 80岁以上
    of 60岁以上老人) — with or without 其中, or a 其中 list closed by 合计/共计, whose sum cannot
    equal the total under any reading of approximate figures. A total that says 共有/总人口 … may
    have its parts in the next sentence; without such a word the figures right after it must be
    exactly one partition, and an item of a 、 list is no total. Figures in a parenthesis that
    restates another year or area (（上年为…，男…、女…）) are never parts of the total outside it;
    any parenthesis elaborates only the figure right before it (rule ``parenthesis_level``,
    nlp/checks/parens.py), and a 其中 after one of the parts splits that part (rule ``inner_whole``).
    A 其中 list whose last kind is the rest (其他类) must add up (rule ``residual_kind``). Members
    followed by a remainder (另有空挂户60户; 其余在本地企业务工: rules ``remainder``,
    ``remainder_in_words``) or by another kind ending like one of them (外出务工…、在家务农…、就近务工…:
    rule ``finer_list``) are not all of the total: their sum may fall short of it, never exceed it.
    Kinds listed after 其中 (广场舞队…、合唱队… of 文体队伍, one head noun the total holds; not persons
    or households, whose kinds overlap) may add up to less than the total, never more. A row of a
    table whose header ends with 合计 must add up to its last number (nlp/checks/lists.py). Money
    split by source whose last source makes up the rest (自筹, 其他) must add up
    (nlp/checks/sources.py). A small count of places right after a 、 list of their names is their
    number (在东湖、西湖、南湖3个居民小组; nlp/checks/named_lists.py). A period's total after each of
    its months' figures in the paragraph (季度合计…1260人次 after 10月、11月、12月 …人次) must be their
    sum (nlp/checks/period_sums.py).
    Why: a partition that does not add up means one of the figures is mistyped or stale.
    Example: 户籍人口3200人，60岁以上700人，60岁以下2400人 → 700+2400=3100 ≠ 3200.
    """
    ctxs = contexts(parse)
    openers = cache(lambda: _list_openers(ctxs))
    anchors = paren_anchors(ctxs)
    text = parse.normalized.text if parse.normalized is not None else ""
    for t, total in enumerate(ctxs):
        if total.family == "%":
            continue
        groups = _partition_groups(ctxs, t, anchors, text)
        listed = _list_total_parts(ctxs, t, openers)
        if listed:
            groups.append(listed)
        elif t and ctxs[t - 1].sentence == total.sentence and ctxs[t - 1].family == total.family:
            groups += closing_groups(ctxs, t, openers()[0])
        for parts in groups:
            at_most = not_all(ctxs, parts, total, text)
            if at_most is not None:  # rules remainder, finer_list: the parts named are not all
                summed = sum((p.interval for p in at_most if p.interval), Interval(0, 0))
                if total.interval is not None and summed.low > total.interval.high:
                    ids = (total.fact.id, *(p.fact.id for p in at_most))
                    yield Finding(total.fact.start, at_most[-1].fact.end, _sum_message(at_most, total), ids)
                continue
            if _parts_add_up(parts, total) is False:
                yield Finding(
                    total.fact.start,
                    parts[-1].fact.end,
                    _sum_message(parts, total),
                    (total.fact.id, *(p.fact.id for p in parts)),
                )
    for total, kinds in kinds_over_total(ctxs):
        over = sum((k.interval for k in kinds if k.interval), Interval(0, 0)).low > total.interval.high
        yield Finding(
            kinds[0].fact.start,
            kinds[-1].fact.end,
            _sum_message(kinds, total).replace("不符", "不符（各类之和大于总数）" if over else "不符（列出其他类，各类之和应等于总数）"),
            (total.fact.id, *(k.fact.id for k in kinds)),
        )
    for total, sources in complete_sources(subset_pairs(parse)):
        yield Finding(
            total.fact.start,
            sources[-1].fact.end,
            _sum_message(sources, total),
            (total.fact.id, *(s.fact.id for s in sources)),
        )
    for count, names in named_count_mismatches(ctxs):
        yield Finding(
            count.fact.start,
            count.fact.end,
            f"前面列出 {names} 个名称，此处写作 {count.fact.text}",
            (count.fact.id,),
        )
    for total, months in month_sum_mismatches(ctxs, text):
        yield Finding(
            total.fact.start,
            total.fact.end,
            _sum_message(months, total).replace("不符", "不符（各月之和）"),
            (total.fact.id, *(m.fact.id for m in months)),
        )
    for start, end, values in table_rows(parse.original):  # the original keeps the table's spacing
        terms = "+".join(fmt(v) for v in values[:-1])
        yield Finding(start, end, f"表格行 {terms}={fmt(sum(values[:-1]))} 与合计 {fmt(values[-1])} 不符")


@rule("ZJ102", "subset_exceeds_total", Severity.ERROR)
def subset_exceeds_total(parse: Parse) -> Iterator[Finding]:
    """A part is larger than the whole it belongs to.

    What: a part of a whole stated just before it (same unit, outside any parenthesis that restates
    another year or area) — a figure after 其中 (in the clause, or opening the next sentence), an
    age band inside the whole's band (80岁以上 after 60岁以上老人), or the whole's noun with a
    modifier (专职网格员 after 现有网格员) — whose smallest reading exceeds the whole's largest.
    Why: a subset cannot be larger than its set; usually a digit is wrong.
    Example: 共有党员41名，其中预备党员50名 → 50 > 41.
    """
    for whole, c in subset_pairs(parse):
        w, p = whole.interval, c.interval
        if w is None or p is None:
            continue
        if p.low > w.high:
            yield Finding(
                c.fact.start,
                c.fact.end,
                f"其中 {c.label.strip(' 、，,').removeprefix('其中') or '分项'} {fmt_interval(p)} 大于总数 {fmt_interval(w)}",
                (whole.fact.id, c.fact.id),
            )


@rule("ZJ103", "implausible_magnitude", Severity.WARNING)
def implausible_magnitude(parse: Parse) -> Iterator[Finding]:
    """A count of persons or households exceeds the population or households it is drawn from.

    What: when the document states its population (总人口3200人, 全村共有386户1260人) or households
    (居民1100户, 共1100户居民), any other count in the same unit of counting larger than it —
    persons against persons, households against households, never one against the other — unless
    its words name a wider scope (全镇, 受益, 参与, 人次 …) or bodies whose people are theirs, not
    residents (企业职工, 共建单位党员: rule ``members_of_bodies``) or people who come to the place
    rather than live in it (游客, 在校学生: rule ``visitors``), or it sits in a parenthesis
    about another year or area.
    Why: 低保户1500户 in a community of 1100 households is a typo or a figure of another place.
    Example: 总人口3200人 … 慰问困难群众5000人 → 5000 > 3200.
    """
    from nlp.checks.standing import standing_key

    ctxs = contexts(parse)
    text = parse.normalized.text if parse.normalized is not None else ""
    totals = _stated_totals(ctxs, text)
    markers = vocab()["markers"]
    other = markers["other_scope"] + markers["other_bodies"] + markers["visitors"]
    for c in ctxs:
        family = c.family
        total = totals.get(family)
        if total is None or c is total or c.fact.planned or c.aside:
            continue
        if has_any(c.label, other) or has_any(c.after, other) or "人口" in c.label or "户数" in c.label:
            continue
        key = standing_key(c, text)
        if key and key == standing_key(total, text):
            continue  # the total restated with another value: conflicting_values says so
        iv, tv = c.interval, total.interval
        if iv is None or tv is None or iv.low <= tv.high:
            continue
        what = "人口" if family == "persons" else "户数"
        yield Finding(
            c.fact.start,
            c.fact.end,
            f"{c.label or '数量'} {fmt(iv.low)} 超过本文所报{what} {fmt_interval(tv)}",
            (total.fact.id, c.fact.id),
        )
