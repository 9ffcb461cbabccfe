"""ZJ1xx: arithmetic on counts — partitions that must add up, subsets, magnitudes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from nlp.checks.intervals import (
    Context,
    Interval,
    contexts,
    fact_interval,
    fmt,
    fmt_interval,
    has_any,
    unit_family,
    vocab,
)
from nlp.checks.registry import Finding, rule
from nlp.records import Parse, Severity

_COUNTABLE = frozenset({"persons", "households"})


def _strip_label(label: str) -> str:
    """The words naming a part, without the markers around them.

    >>> _strip_label("其中男"), _strip_label("、女性党员有")
    ('男', '女性党员')
    """
    text = label.strip(" 、，,：:；;（）()")
    for marker in vocab()["markers"]["subset"]:
        if text.startswith(marker):
            text = text[len(marker) :]
    for tail in ("有", "为", "是", "共"):
        if text.endswith(tail) and len(text) > len(tail):
            text = text[: -len(tail)]
    return text.strip(" 、，,：:")


def partition_member(label: str) -> tuple[str, int] | None:
    """(partition name, member index) when a part's label ends with a member's word.

    >>> partition_member("其中男"), partition_member("流动人口"), partition_member("居民")
    (('sex', 0), ('residence', 1), None)
    """
    text = _strip_label(label)
    best: tuple[int, str, int] | None = None
    for part in vocab()["partition"]:
        for index, synonyms in enumerate(part["members"]):
            for word in synonyms:
                if (
                    text.endswith(word)
                    and (len(text) - len(word) <= 2)
                    and (best is None or len(word) > best[0])
                ):
                    best = (len(word), part["name"], index)
    return (best[1], best[2]) if best else None


def _is_total(c: Context) -> bool:
    markers = vocab()["markers"]
    return has_any(c.label, markers["total"]) and not has_any(c.label, markers["subset"])


def _sum_message(parts: Sequence[Context], total: Context) -> str:
    intervals = [fact_interval(p.fact) for p in parts]
    terms = "+".join(fmt_interval(iv) for iv in intervals if iv)
    s = sum((iv for iv in intervals if iv), Interval(0, 0))
    return f"分项之和 {terms}={fmt_interval(s)} 与总数 {fmt_interval(fact_interval(total.fact))} 不符"


def _parts_add_up(parts: Sequence[Context], total: Context) -> bool | None:
    whole = fact_interval(total.fact)
    intervals = [fact_interval(p.fact) for p in parts]
    if whole is None or any(iv is None for iv in intervals):
        return None
    return sum(intervals, Interval(0, 0)).overlaps(whole)


def _partition_groups(ctxs: Sequence[Context], t: int) -> Iterator[list[Context]]:
    """Complete partitions found after total ``t`` in its sentence and the next."""
    total = ctxs[t]
    family = unit_family(total.fact.unit)
    found: dict[str, dict[int, Context]] = {}
    for i in range(t + 1, len(ctxs)):
        c = ctxs[i]
        if c.sentence > total.sentence + 1:
            break
        if unit_family(c.fact.unit) != family or c.fact.planned != total.fact.planned:
            continue
        if _is_total(c):
            break
        member = partition_member(c.label)
        if member is None:
            break  # another whole of the same unit (党员49名 after 总人口…): its parts are not ours
        name, index = member
        wholes = next(p.get("whole", ()) for p in vocab()["partition"] if p["name"] == name)
        if wholes and not has_any(total.label, wholes):
            break  # a part of another whole (男党员 after 总人口)
        found.setdefault(name, {}).setdefault(index, c)
    for part in vocab()["partition"]:
        members = found.get(part["name"], {})
        if len(members) == len(part["members"]):
            yield [members[i] for i in sorted(members)]


def _list_total_parts(ctxs: Sequence[Context], t: int) -> list[Context]:
    """The parts of a 其中 list closed by 合计/共计 at ``t``; empty when there is no such list."""
    total = ctxs[t]
    markers = vocab()["markers"]
    if not has_any(total.label, markers["list_total"]):
        return []
    family = unit_family(total.fact.unit)
    parts: list[Context] = []
    for i in range(t - 1, -1, -1):
        c = ctxs[i]
        if c.sentence != total.sentence:
            return []
        if unit_family(c.fact.unit) != family:
            return []
        parts.append(c)
        if has_any(c.label, markers["subset"]) or c.label.endswith(("：", ":")):
            return parts[::-1] if len(parts) >= 2 else []
    return []


@rule("ZJ101", "sum_mismatch", Severity.ERROR)
def sum_mismatch(parse: Parse) -> Iterator[Finding]:
    """Parts that partition a total do not add up to it.

    What: a total (总人口3200人, 共有党员41名) followed, in its sentence or the next, by every
    part of one partition listed in partitions.toml (男/女, 常住/流动, age bands …) of the same
    unit, or a 其中 list closed by 合计/共计, whose sum cannot equal the total under any reading
    of approximate figures.
    Why: a partition that does not add up means one of the figures is mistyped or stale.
    Example: 总人口3200人，其中男1600人、女1500人 → 1600+1500=3100 ≠ 3200.
    """
    ctxs = contexts(parse)
    for t, total in enumerate(ctxs):
        if unit_family(total.fact.unit) == "%":
            continue
        groups = list(_partition_groups(ctxs, t)) if _is_total(total) else []
        listed = _list_total_parts(ctxs, t)
        if listed:
            groups.append(listed)
        for parts in groups:
            if _parts_add_up(parts, total) is False:
                yield Finding(
                    total.fact.start,
                    parts[-1].fact.end,
                    _sum_message(parts, total),
                    (total.fact.id, *(p.fact.id for p in parts)),
                )


@rule("ZJ102", "subset_exceeds_total", Severity.ERROR)
def subset_exceeds_total(parse: Parse) -> Iterator[Finding]:
    """A part introduced by 其中 is larger than the whole it belongs to.

    What: in 共有党员41名，其中女党员12名、预备党员50名 every figure after 其中 (same sentence,
    same unit) is a part of the figure just before 其中; a part whose smallest reading exceeds
    the whole's largest reading is flagged.
    Why: a subset cannot be larger than its set; usually a digit is wrong.
    Example: 共有党员41名，其中预备党员50名 → 50 > 41.
    """
    ctxs = contexts(parse)
    subset = vocab()["markers"]["subset"]
    whole: Context | None = None
    open_sentence = -1
    for i, c in enumerate(ctxs):
        if has_any(c.label, subset):
            prev = ctxs[i - 1] if i else None
            starts_sentence = c.label.startswith(tuple(subset)) and (
                prev is None or prev.sentence < c.sentence
            )
            ok_prev = prev is not None and (
                prev.sentence == c.sentence or (starts_sentence and prev.sentence == c.sentence - 1)
            )
            whole = prev if ok_prev and unit_family(prev.fact.unit) == unit_family(c.fact.unit) else None
            open_sentence = c.sentence
        elif c.sentence != open_sentence or _is_total(c):
            whole = None
        if whole is None or unit_family(c.fact.unit) != unit_family(whole.fact.unit):
            continue
        w, p = fact_interval(whole.fact), fact_interval(c.fact)
        if w is None or p is None or unit_family(c.fact.unit) in ("%",):
            continue
        if p.low > w.high:
            yield Finding(
                c.fact.start,
                c.fact.end,
                f"其中 {c.label.strip(' 、，,').removeprefix('其中') or '分项'} {fmt_interval(p)} 大于总数 {fmt_interval(w)}",
                (whole.fact.id, c.fact.id),
            )


def _stated_totals(ctxs: Sequence[Context]) -> dict[str, Context]:
    """The largest stated population and household totals of the document."""
    words = {
        "persons": ("总人口", "户籍人口", "常住人口", "人口", "居民"),
        "households": ("总户数", "户数", "居民", "户籍", "住户", "农户"),
    }
    excluded = (
        "贫困",
        "就业",
        "流动",
        "外来",
        "老年",
        "低保",
        "残疾",
        "务工",
        "暂住",
        "脱贫",
        "党员",
        "其中",
        "新增",
        "困难",
        "全镇",
        "全街",
        "全区",
        "全县",
        "全市",
        "全乡",
        "街道",
    )
    best: dict[str, Context] = {}
    for c in ctxs:
        family = unit_family(c.fact.unit)
        if family not in _COUNTABLE or c.fact.planned or c.fact.value is None:
            continue
        if not has_any(c.label, words[family]) or has_any(c.label, excluded):
            continue
        strong = ("总人口", "户籍人口", "常住人口", "总户数")
        if not has_any(c.label, strong) and not has_any(c.label, vocab()["markers"]["existence"]):
            continue
        if family not in best or c.fact.value > (best[family].fact.value or 0):
            best[family] = c
    return best


@rule("ZJ103", "implausible_magnitude", Severity.WARNING)
def implausible_magnitude(parse: Parse) -> Iterator[Finding]:
    """A count of persons or households exceeds the population or households it is drawn from.

    What: when the document states its population (总人口3200人) or households (居民1100户), any
    other count of persons or households larger than it, unless its words name a wider scope
    (全镇, 受益, 参与, 人次 …).
    Why: 低保户1500户 in a community of 1100 households is a typo or a figure of another place.
    Example: 总人口3200人 … 慰问困难群众5000人 → 5000 > 3200.
    """
    ctxs = contexts(parse)
    totals = _stated_totals(ctxs)
    other = vocab()["markers"]["other_scope"]
    for c in ctxs:
        family = unit_family(c.fact.unit)
        total = totals.get(family)
        if total is None or c is total or c.fact.planned:
            continue
        if has_any(c.label, other) or has_any(c.after, other) or "人口" in c.label or "户数" in c.label:
            continue
        iv, tv = fact_interval(c.fact), fact_interval(total.fact)
        if iv is None or tv is None or iv.low <= tv.high:
            continue
        what = "人口" if family == "persons" else "户数"
        yield Finding(
            c.fact.start,
            c.fact.end,
            f"{c.label or '数量'} {fmt(iv.low)} 超过本文所报{what} {fmt_interval(tv)}",
            (total.fact.id, c.fact.id),
        )
