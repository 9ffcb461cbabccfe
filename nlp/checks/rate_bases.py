"""Which counts a percentage is of: its numerator and base among the figures before it (受理工单46件，
办结45件，办结率97.8%), read by the ZJ2xx rate rules of nlp/checks/rates.py."""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.checks.among import among_base
from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, vocab
from nlp.checks.list_whole import named_by_rate, whole_of_part
from nlp.checks.markers import is_change
from nlp.checks.rate_words import (
    MAX_MODIFIER,
    _eligible,
    _longest_first,
    _outcome_in,
    of_other_period,
    outcome_word,
    rate_head,
    rate_name,
    rate_object,
    stated_base,
    whole_inside_share,
)
from nlp.records import Qualifier

_NOT_COUNTS = frozenset(
    {
        "%",
        "元",
        "平方米",
        "平方公里",
        "亩",
        "米",
        "公里",
        "天",
        "小时",
        "吨",
        "公斤",
        "斤",
        "岁",
        "年",
        "月",
        "分钟",
    }
)
MAX_BASE = 100_000


def _is_count(c: Context, rate: Context) -> bool:
    f = c.fact
    if f.unit in _NOT_COUNTS or c.family == "%" or c.aside != rate.aside:
        return False  # a rate restating another year in a parenthesis is of the counts beside it
    if rate.aside and c.paren != rate.paren:
        return False
    if f.qualifier != Qualifier.EXACT or f.value is None or not float(f.value).is_integer():
        return False
    return f.planned == rate.fact.planned and 0 < f.value <= MAX_BASE


# A rate's numerator and base are among the figures just before it: a sentence listing a hundred
# figures is read this far back from each rate, which keeps the rules linear.
MAX_LOOKBACK = 30


def _counts_before(ctxs: Sequence[Context], r: int, sentences_back: int = 0) -> list[Context]:
    rate = ctxs[r]
    return [
        c
        for c in ctxs[max(0, r - MAX_LOOKBACK) : r]
        if rate.sentence - sentences_back <= c.sentence <= rate.sentence and _is_count(c, rate)
    ]


def declares_base(c: Context) -> bool:
    """The count names who or what was measured: 对45户困难家庭开展回访, 12个小区参加评比.

    >>> from nlp.records import Fact, Qualifier
    >>> f = Fact(0, None, 0, 3, "45户", "45", 45, None, None, "户", Qualifier.EXACT, None, None)
    >>> declares_base(Context(f, 0, 0, 9, "对辖区", "困难家庭开展回访")), declares_base(Context(f, 0, 0, 9, "走访", ""))
    (True, False)
    """
    words = vocab()["rates"]
    label = c.label
    for scope in _longest_first("markers", "own_scope"):
        if label.endswith(scope) and len(label) > len(scope):
            label = label[: -len(scope)]
            break
    if c.fact.unit not in words["declared_units"]:
        return False  # 报告工作2次、接受评议: times are no population that was measured
    if label.endswith(tuple(words["base_before"])):
        return True
    head = re.split("[、，,]", c.after, maxsplit=1)[0][: words["base_after_within"] + 2]
    return has_any(head, words["base_after"])


def share_of(ctxs: Sequence[Context], r: int) -> tuple[Context | None, Context | None]:
    """(part, whole) of a share 占…%: the part is the count just before the rate, the whole the
    earlier count of the same unit whose words name what the share is of (占总人口的 → 总人口),
    or one right after the rate in its sentence (占全村人口的60%，全村共有人口2400人).

    60岁以上老人800人，占总人口的25% with 总人口3200人 before it → (800人, 3200人).
    """
    rate = ctxs[r]
    name = rate_name(rate.label)
    at = name.rfind("占")
    if at < 0 or r == 0:
        return None, None
    part = ctxs[r - 1]
    if part.sentence != rate.sentence or not _is_count(part, rate):
        return None, None
    of = name[at + 1 :]
    for word in vocab()["rates"]["share_noise"]:
        of = of.replace(word, "")
    if len(of) < 2:
        return part, None
    for c in reversed(_counts_before(ctxs, r - 1, sentences_back=1)):
        if c.family == part.family and of in c.label + c.after[:3]:
            return part, (c if c.fact.value >= part.fact.value else None)
    for c in ctxs[r + 1 : r + 1 + MAX_WHOLE_AFTER]:  # 占全村人口的60%，全村共有人口2400人
        if c.sentence != rate.sentence:
            break
        if _is_count(c, rate) and c.family == part.family and of in c.label:
            return part, (c if c.fact.value >= part.fact.value else None)
    return part, None


# A share's whole may be stated right after it in its sentence, among this many figures.
MAX_WHOLE_AFTER = 3


def _flow(c: Context) -> bool:
    """The count is what was added in the period (其中新增参保120人) or a change against another
    one: no numerator of a rate of the standing group (参保率)."""
    return has_any(c.label, vocab()["rates"]["flow_words"]) or is_change(c.label)


def _list_numerator(ctxs: Sequence[Context], counts: Sequence[Context], j: int, name: str, outcome: str) -> int:
    """Rule ``numerator_of_list`` (eleventh session): a numerator found after 其中 whose list's whole
    carries the rate's outcome word too is a group of that whole (已接种疫苗398人，其中接种加强针215人，
    接种率96.6%: the rate is of the 398), unless the rate names the part (按时办结率 after 其中按时办结80件:
    ``named_by_rate``). The index in ``counts`` of the numerator.

    Contrast set: "vaccinated over children, a booster count between" (tests/fixtures/check_contrast.toml).
    """
    c = counts[j]
    whole = whole_of_part(ctxs, c)
    if whole is None or named_by_rate(name, c) or not _outcome_in(whole, outcome) or _eligible(whole) or _flow(whole):
        return j
    return next((k for k in range(j - 1, -1, -1) if counts[k] is whole), j)


def _eligible_after(counts: Sequence[Context], j: int) -> Context | None:
    """Rule ``eligible_after`` (thirteenth session): a count of who should have had the outcome
    ([rates] base_eligible: 应参保1268人) stated after the numerator, in its sentence and of its
    unit, is the base (全村参加城乡居民医保1250人，应参保1268人，参保率98.6%: 1250/1268).

    Contrast set: "base stated after the numerator" (tests/fixtures/check_contrast.toml).
    """
    c = counts[j]
    return next(
        (b for b in counts[j + 1 :] if b.sentence == c.sentence and b.family == c.family and _eligible(b)),
        None,
    )


def numerator_and_base(ctxs: Sequence[Context], r: int) -> tuple[Context | None, Context | None]:
    """(numerator, base) stated before rate ``r``; either may be None.

    The numerator carries the rate's outcome word or a synonym of it (成功调解18起 for 调解成功率,
    收回40份 for 回收率, 12个小区达标 for 达标率); the base is the count of the same unit before it,
    in its sentence or the one before (受理信访38件。已办结35件，办结率…); a rate alone in its
    sentence takes its numerator from the sentence before (收回问卷180份。回收率为90%). Without a numerator the
    base is a count that declares who was measured (对45户…, 12个小区参加…), a count whose words
    name the rate's object (调解纠纷9起 for 调解成功率), or — for a bare 成功率 — the count just
    before it. A share (占总人口的25%) takes the count before it over the whole it names.
    """
    inside = whole_inside_share(ctxs, r)
    if inside is not None:  # 老人1150人，占总人口5420人的21.2%: of the 5420
        part = ctxs[r - 2] if r >= 2 else None
        if part is None or part.sentence != inside.sentence or part.family != inside.family or not _is_count(part, ctxs[r]):
            return None, None
        return (part, inside) if part.fact.value <= inside.fact.value else (None, None)
    name = rate_name(ctxs[r].label)
    if "占" in name:
        return share_of(ctxs, r)
    if has_any(name + ctxs[r].after, vocab()["rates"]["no_base"]) or of_other_period(name):
        return None, None  # of_other_period: 参保率由上年的96.2%… is last year's, not of these counts
    outcome = outcome_word(name)
    counts = _counts_before(ctxs, r, sentences_back=1)
    here = [c for c in counts if c.sentence == ctxs[r].sentence]
    told = ctxs[r].sentence  # the sentence the numerator is read in
    if not here and outcome:  # a rate alone in its sentence (收回问卷180份。问卷回收率为90%): the one before
        told -= 1
        counts = _counts_before(ctxs, r, sentences_back=2)
    for j in range(len(counts) - 1, -1, -1):
        c = counts[j]
        if c.sentence != told:
            break
        if outcome and _outcome_in(c, outcome) and not _eligible(c) and not _flow(c):  # 帮教对象21名 is who is helped
            j = _list_numerator(ctxs, counts, j, name, outcome)
            c = counts[j]
            before = [b for b in counts[:j] if b.family == c.family]
            here_before = [b for b in before if b.sentence == c.sentence]
            opens = not any(x.sentence == c.sentence for x in counts[:j])
            # the base of a numerator opening its sentence may close the one before (受理40件。已办结34件)
            base = among_base(ctxs, c)  # 已婚育龄妇女中落实…905人 names its base, however far back
            if base is None:
                base = here_before[-1] if here_before else (before[-1] if opens and before and before[-1] is counts[j - 1] else None)
            if base is not None:
                if not named_by_rate(name, base):  # 物业类诉求办结率 is of the 物业类 part
                    base = whole_of_part(ctxs, base) or base  # 共356件，其中…32件。已办结341件: of the 356
            if base is not None and (
                _outcome_in(base, outcome) and not _eligible(base) or has_any(base.label, vocab()["rates"]["stages"])
            ):
                base = None  # 第一针接种8930人，全程接种8472人，接种率…: two stages, neither is the base
            if base is None:
                base = _eligible_after(counts, j)
            if base is None:
                base = stated_base(ctxs, r, c)
            if base is not None and base.fact.value >= c.fact.value:
                return c, base
            return c, None
    obj = rate_object(name)
    base_units = vocab()["rates"]["base_units"]
    for c in reversed(here):
        if _flow(c):
            continue  # 其中新增参保120人 is no base of 参保率 either
        if declares_base(c):
            return None, c
        if c.fact.unit not in base_units:
            continue
        if obj and obj in c.label:
            return None, c
        if not obj and c is here[-1] and c is ctxs[r - 1]:
            return None, whole_of_part(ctxs, c) or c  # 出生42人，其中…二孩12人，符合率…: of the 42
    last = here[-1] if here else None
    if (
        obj
        and last is ctxs[r - 1]
        and not _flow(last)
        and last.fact.unit in base_units
        and len(rate_head(name)) <= MAX_MODIFIER
        and not any(obj in c.label for c in here)
    ):
        return None, whole_of_part(ctxs, last) or last  # 受理工单46件，按时办结率97%: a modifier (按时) names no other count
    return None, None
