"""ZJ3xx: consistency inside one document — one value per standing figure, one period. Which figure a
statement is a standing figure of (its words and its place) is nlp/checks/standing.py's."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from nlp.checks.contexts import contexts
from nlp.checks.framing import framing_part_of_year
from nlp.checks.intervals import fact_interval, fmt_interval, has_any, vocab
from nlp.checks.registry import Finding, rule
from nlp.checks.standing import place_of, standing_key
from nlp.records import Parse, Qualifier, Severity
from nlp.text.char_scan import finditer_from_chars

# A reported year: 19xx/20xx年, not inside a number or a range. The look back at the character
# before the year is made after its first two digits, so the scan jumps from 1 and 2 to the next
# (the same matches as (?<![\d\-—～~至到])((?:19|20)\d\d)…; a test holds it to that).
_YEAR = re.compile(r"((?:19|20)(?<![\d\-—～~至到]..)\d\d)\s*年(?![\d]*[\-—～~至到])")
_PERIOD_NAMES = {"H1": "上半年", "H2": "下半年", "Q1": "一季度", "Q2": "二季度", "Q3": "三季度", "Q4": "四季度"}
_NOT_REPORTED = ("以来", "起", "前", "成立", "建成", "始建", "度")


@rule("ZJ301", "conflicting_values", Severity.WARNING)
def conflicting_values(parse: Parse) -> Iterator[Finding]:
    """One standing figure is given two different values for the same scope in one document.

    What: two statements of a standing figure (现有/共有/总人口 …, a noun then 共/总数, 全体N名X, or
    a size reached at a date: 截至…，X达到N) with the
    same subject words once the document's own scope words are dropped (全村, 社区, 目前 …), the
    same breakdown and scope (when known), no two different indicators, the same unit of counting (口, 座, 支 …),
    neither a sub-group (其中, 新增, 女, 流动 …), a plan nor a parenthesis about another year or area,
    whose readings do not overlap — anywhere in the document. Activity counts are never compared.
    A bare word for the place (全村, 村里, 本村 …) names one place however it is spelled (rule
    ``same_place_word``), and a place word then 有 states what exists there (rule ``place_has``).
    Why: a community has one number of party members at a time; two of them means one is stale.
    Example: 社区现有党员41名 … 全社区共有党员45名.
    """
    sub_scope = vocab()["markers"]["sub_scope"]
    text = parse.normalized.text if parse.normalized is not None else ""
    level = parse.doc.level or "community"
    seen: dict[tuple, dict] = {}
    masked = Qualifier.MASKED  # (read once, not per figure: an enum member read from its class is slow)
    for c in contexts(parse):
        f = c.fact
        if f.planned or f.qualifier == masked or c.aside:
            continue
        key = standing_key(c, text)
        if not key or has_any(key, sub_scope) or has_any(c.label, ("其中", "每", "各")):
            continue
        part = tuple(sorted(f.breakdown.items())) if f.breakdown else None
        group = (part, place_of(c, f.scope, level, text), key, c.family)  # 全市… never conflicts with the unit's
        iv = c.interval
        if iv is None:
            continue
        earlier_values = seen.setdefault(group, {})  # one entry per distinct reading: a repeated figure costs nothing
        for earlier, eiv in earlier_values.values():
            if f.indicator and earlier.indicator and f.indicator != earlier.indicator:
                continue  # two indicators named by the same words: not one figure
            if not iv.overlaps(eiv):
                yield Finding(
                    f.start,
                    f.end,
                    f"{key} 前文为 {earlier.text}（{fmt_interval(eiv)}），此处为 {f.text}（{fmt_interval(iv)}）",
                    (earlier.id, f.id),
                )
                break
        earlier_values.setdefault((iv.low, iv.high, f.indicator), (f, iv))


def body_years(parse: Parse) -> Counter:
    """Years the body reports work in: 2019年 counted, ranges, 以来 and 年度 awards are not."""
    norm = parse.normalized
    text = norm.text
    title = parse.doc.title or ""
    skip_to = text.find(title) + len(title) if title and title in text else 0
    years: Counter = Counter()
    for m in finditer_from_chars(_YEAR, text, skip_to):  # (by str.find: nlp/text/char_scan.py)
        after = text[m.end() : m.end() + 4]
        if (
            after.startswith(_NOT_REPORTED)
            or re.match(r"\d{1,2}月", text[m.end() : m.end() + 3])
            and "以来" in after
        ):
            continue
        years[int(m.group(1))] += 1
    return years


@rule("ZJ302", "period_mismatch", Severity.WARNING)
def period_mismatch(parse: Parse) -> Iterator[Finding]:
    """The year in the title disagrees with the years the body reports.

    What: the title names a year, the body never mentions it, and the body's most frequent
    reported year (at least twice) is another one — allowing a plan to review the year before.
    Why: a report filed under the wrong year, or a template whose title was updated but not its body.
    Example: title 2021年工作总结, body 2019年上半年…2019年共开展… throughout.
    Also (rule framing_part_of_year, nlp/checks/framing.py): a title naming a whole year's report
    whose opening frames it as a half or a quarter (现将1—6月份工作情况汇报如下).
    """
    framed = framing_part_of_year(parse)
    if framed is not None:  # 2021年工作汇报 framed as 现将1—6月份工作汇报如下
        start, end, period = framed
        yield Finding(start, end, f"标题为全年报告，开头所述时段为 {_PERIOD_NAMES[period]}")
    title = parse.doc.title or ""
    m = re.search(r"((?:19|20)\d\d)", title)
    if not m or parse.normalized is None:
        return
    year = int(m.group(1))
    years = body_years(parse)
    if not years or year in years:
        return
    dominant, count = years.most_common(1)[0]
    allowed = {year + 1}
    if parse.doc.doc_type.value in ("plan", "mixed") or "计划" in title or "规划" in title:
        allowed.add(year - 1)
    if count < 2 or dominant in allowed:
        return
    norm = parse.normalized
    first = next(
        y
        for y in finditer_from_chars(_YEAR, norm.text, norm.text.find(title) + len(title) if title in norm.text else 0)
        if int(y.group(1)) == dominant
    )
    start, end = norm.to_original(first.start(), first.end())
    yield Finding(start, end, f"标题年份 {year} 与正文所报年份 {dominant}（出现{count}次）不符")


@rule("ZJ303", "approximate_figure", Severity.INFO)
def approximate_figure(parse: Parse) -> Iterator[Finding]:
    """A figure is approximate (余, 多, 约, 近, 左右).

    What: one finding per fact whose qualifier is approx, with the interval it stands for.
    Why: approximate figures cannot be summed or compared exactly; a reviewer may want counts.
    Example: 开展巡逻300余次 → [300, 400].
    """
    approx = Qualifier.APPROX  # (read once, not per figure)
    for f in parse.facts:
        if f.qualifier != approx:
            continue
        iv = fact_interval(f)
        span = f"，可能的取值 {fmt_interval(iv)}" if iv else ""
        yield Finding(f.start, f.end, f"{f.text} 为约数{span}", (f.id,))
