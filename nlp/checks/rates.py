"""ZJ2xx: rates — range, GRIM, numerator/base agreement, support."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator, Sequence

from nlp.checks.contexts import Context, contexts, shared
from nlp.checks.grim import grim_applies, larger_whole, numerator_reading
from nlp.checks.intervals import Interval, fmt, has_any, rate_interval, vocab
from nlp.checks.rate_bases import declares_base, numerator_and_base
from nlp.checks.rate_words import (
    is_bounded,
    share_name,
)
from nlp.checks.registry import Finding, rule
from nlp.records import Parse, Severity


def _rates(parse: Parse) -> list[tuple[int, Context, str, Interval]]:
    """(index, context, name, interval) of every percentage of the document with an interval:
    read once and shared by the four rate rules."""
    return shared(parse, "rates", _read_rates)


def _read_rates(ctxs: Sequence[Context]) -> list[tuple[int, Context, str, Interval]]:
    found = []
    for r, c in enumerate(ctxs):
        if c.fact.unit != "%":
            continue
        iv = rate_interval(c.fact)
        if iv is None:
            continue
        found.append((r, c, share_name(ctxs, r), iv))  # 占总人口5420人的21.2% → 占总人口的
    return found


@rule("ZJ201", "rate_out_of_range", Severity.ERROR)
def rate_out_of_range(parse: Parse) -> Iterator[Finding]:
    """A share-type rate is below 0 % or above 100 %.

    What: a percentage whose name is a share (满意率, 覆盖率, 成功率, 占比, 比重, a 占… share … in
    partitions.toml) whose every reading lies outside [0, 100]. Growth and completion rates are
    never checked. Rates in traditional script are read after conversion (滿意率達105%).
    Why: a share of a whole cannot exceed the whole.
    Example: 居民满意率达105% → 105 > 100.
    """
    for _, c, name, iv in _rates(parse):
        if not is_bounded(name):
            continue
        if iv.low > 100 or iv.high < 0:
            yield Finding(
                c.fact.start, c.fact.end, f"{name} {fmt(c.fact.value)}% 超出 0%–100% 的范围", (c.fact.id,)
            )


@rule("ZJ202", "rate_impossible", Severity.ERROR)
def rate_impossible(parse: Parse) -> Iterator[Finding]:
    """A rate cannot come from any whole count over its stated base (GRIM test).

    What: a rate with a base count in its sentence and no stated numerator — a count whose words
    name the rate's object (调解纠纷9起，调解成功率90%), a count that declares who was measured
    anywhere before the rate (对23户困难家庭开展回访，…满意率95%; 12个小区参加评比，…达标率) or the
    count just before it — where no whole k in 0..n gives k/n inside the rate's printed rounding.
    Not when the count is the numerator over a larger count of its unit before it in the sentence
    (rule ``numerator_reading``, nlp/checks/grim.py: 共有农户412户，安装自来水398户，入户率96.6%),
    nor when a base the rate does not declare may be a group of a larger count of its unit before
    it in the sentence, whose rate it may be (rule ``larger_whole``: 现有党员126名，…流动党员10名，
    党员参学率95.2% may be 120/126).
    Why: a rate that no count can produce was rounded wrongly, invented or copied from elsewhere.
    Example: 调解纠纷9起，调解成功率90% → 8/9=88.9%, 9/9=100%, nothing rounds to 90%.
    """
    ctxs = contexts(parse)
    for r, c, name, iv in _rates(parse):
        if not is_bounded(name) or iv.low > 100:
            continue
        numerator, base = numerator_and_base(ctxs, r)
        if numerator is not None or base is None or not grim_applies(ctxs, r, base):
            continue  # grim_applies: no households under a persons rate, no average over events
        n = int(base.fact.value)
        k = max(0, math.ceil(iv.low * n / 100 - 1e-9))
        if k <= n and k * 100 / n <= iv.high + 1e-9 or numerator_reading(ctxs, r, base):
            continue  # numerator_reading: 共有农户412户，安装自来水398户，入户率96.6% is 398/412
        if not declares_base(base) and larger_whole(ctxs, r, base):
            continue  # larger_whole: 现有党员126名，…流动党员10名，参学率95.2% may be 120/126
        near = sorted({max(0, math.floor(iv.low * n / 100)), min(n, math.ceil(iv.high * n / 100))})
        shown = "、".join(f"{k}/{n}={k * 100 / n:.1f}%" for k in near)
        yield Finding(
            c.fact.start,
            c.fact.end,
            f"{name} {c.fact.text} 不可能由基数 {n} 的整数得出（{shown}）",
            (base.fact.id, c.fact.id),
        )


@rule("ZJ203", "rate_mismatch", Severity.ERROR)
def rate_mismatch(parse: Parse) -> Iterator[Finding]:
    """Numerator, base and rate are all stated and disagree.

    What: 调解纠纷20起，成功调解18起，调解成功率95% — the numerator (carrying the rate's outcome
    word or a synonym of it, before or after its figure: 收回46份 for 回收率, 12个小区达标) over the
    base of the same unit before it (in its sentence or the one before) gives a rate outside the
    printed rounding; likewise a share 占总人口的25% over the whole it names.
    Why: one of the three figures is wrong.
    Example: 18/20 = 90.0% but the text says 95%.
    """
    ctxs = contexts(parse)
    for r, c, name, iv in _rates(parse):
        numerator, base = numerator_and_base(ctxs, r)
        if numerator is None or base is None:
            continue
        k, n = numerator.fact.value, base.fact.value
        if iv.contains(k * 100 / n):
            continue
        yield Finding(
            c.fact.start,
            c.fact.end,
            f"{name} {c.fact.text} 与 {fmt(k)}/{fmt(n)}={k * 100 / n:.1f}% 不符",
            (base.fact.id, numerator.fact.id, c.fact.id),
        )


@rule("ZJ204", "unsupported_rate", Severity.INFO)
def unsupported_rate(parse: Parse) -> Iterator[Finding]:
    """A rate is stated with no base and no method in its sentence.

    What: a share-type rate (满意率 …) whose sentence holds no count it could be computed from
    and no word of how it was measured (问卷, 抽样, 测评 …). Targets (planned) are skipped.
    Why: a reader cannot check 满意率98% without knowing out of how many.
    Example: 居民满意率达98% alone in its sentence.
    """
    ctxs = contexts(parse)
    method = vocab()["rates"]["method"]
    norm = parse.normalized
    counts = Counter(o.sentence for o in ctxs if o.fact.unit != "%")
    measured: dict[int, bool] = {}  # sentence → whether it names a method
    for _, c, name, _iv in _rates(parse):
        if c.fact.planned or not is_bounded(name) or "率" not in name and "度" not in name:
            continue
        if c.sentence not in measured:
            measured[c.sentence] = has_any(norm.text[c.sent_start : c.sent_end], method)
        if counts[c.sentence] or measured[c.sentence]:
            continue
        yield Finding(c.fact.start, c.fact.end, f"{name} {c.fact.text} 未说明基数或统计方法", (c.fact.id,))
