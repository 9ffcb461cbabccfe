"""When a base found for a rate can be the base of a GRIM test (partitions.toml [grim]).

The GRIM test (rate_impossible) asks whether any whole count over the base gives the rate. Three
named guards keep it to rates that are one count over that base:

- ``unit_of_counting``: a rate that names persons (居民满意率, 党员参与率) is not taken over a
  count of households (走访居民126户，居民满意率98.5%: who answered is not said), nor a rate that
  names households (家庭签约率) over a count of persons;
- ``averaged``: a count of repeated events between the base and the rate (现有党员126名，全年组织
  学习24次，党员参学率92.3%) makes the rate an average over the events, which need not be k/n;
- ``score_index``: a rate named by a degree word (满意度) may be a mean score, not k/n.

And two reading tests before a rate is called impossible:

- ``numerator_reading``: the count taken as the base may be the numerator over a larger count of
  its unit stated before it in the sentence (全村共有农户412户1386人，安装自来水398户，入户率96.6%:
  398/412 = 96.6 %); a rate that this reading gives is possible.
- ``larger_whole``: a base the rate does not declare (the count just before it, or one naming
  its object) that counts the period's new ones or is named by the head noun of a larger count of
  its unit stated before it in the sentence may be a group of that whole, and
  the rate of that whole, its numerator unsaid (社区现有党员126名，全年参加组织生活的流动党员10名，
  党员参学率95.2%: 120/126, not k/10); a rate some k over that whole gives is possible.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, rate_interval, vocab
from nlp.checks.rate_words import rate_head, rate_name


def _words() -> dict:
    return vocab()["grim"]


def other_unit_of_counting(rate: Context, base: Context) -> bool:
    """The rate names persons and the base counts households, or the other way round."""
    head = rate_head(rate_name(rate.label))
    words = _words()
    persons, households = has_any(head, words["person_words"]), has_any(head, words["household_words"])
    if base.family == "households":
        return persons and not households
    if base.family == "persons":
        return households and not persons
    return False


def averaged(ctxs: Sequence[Context], r: int, base: Context) -> bool:
    """A count of repeated events (24次, 6期) stands between the base and the rate in its sentence."""
    events = _words()["event_units"]
    rate = ctxs[r]
    for c in reversed(ctxs[max(0, r - 30) : r]):
        if c is base or c.sentence != rate.sentence:
            break
        if c.fact.unit in events:
            return True
    return False


def numerator_reading(ctxs: Sequence[Context], r: int, base: Context) -> bool:
    """The rate is ``base`` over a larger count of its unit before it in the rate's sentence."""
    rate = ctxs[r]
    iv = rate_interval(rate.fact)
    k = base.fact.value
    if iv is None or not k:
        return False
    for c in _counts_before(ctxs, r, base):
        n = c.fact.value
        if n and n >= k and iv.contains(k * 100 / n):
            return True
    return False


def _counts_before(ctxs: Sequence[Context], r: int, base: Context) -> Iterator[Context]:
    """The counts of the base's family and aside before the base, in the sentence of the rate
    ``ctxs[r]``, nearest first (at most 30 figures back)."""
    rate = ctxs[r]
    for c in reversed(ctxs[max(0, r - 30) : r]):
        if c.sentence != rate.sentence:
            return
        if c is base or c.fact.norm_start > base.fact.norm_start or c.family != base.family or c.aside != base.aside:
            continue
        yield c


def possible_over(iv, n: int) -> bool:
    """Some whole k in 0..n gives k/n inside the rate's interval ``iv`` (in per cent).

    >>> from nlp.checks.intervals import Interval
    >>> possible_over(Interval(95.15, 95.25), 126), possible_over(Interval(95.15, 95.25), 10)
    (True, False)
    """
    k = max(0, math.ceil(iv.low * n / 100 - 1e-9))
    return k <= n and k * 100 / n <= iv.high + 1e-9


def larger_whole(ctxs: Sequence[Context], r: int, base: Context) -> bool:
    """The rate is possible over a larger count of the base's unit before it in the rate's
    sentence (rule ``larger_whole``)."""
    rate = ctxs[r]
    iv = rate_interval(rate.fact)
    if iv is None or not base.fact.value:
        return False
    for c in _counts_before(ctxs, r, base):
        n = c.fact.value
        if not (n and n > base.fact.value and float(n).is_integer()) or not _group_of(base, c):
            continue
        if possible_over(iv, int(n)):
            return True
    return False


def _group_of(base: Context, whole: Context) -> bool:
    """The base counts new ones of the period ([grim] new_words: 本季度新装燃气42户) or is named by
    the whole's head noun (流动党员 of 现有党员): a group of that whole."""
    head = whole.label.strip(" 、，,：:")[-2:]
    return has_any(base.label, _words()["new_words"]) or (len(head) == 2 and base.label.rstrip(" 、，,：:").endswith(head))


def score_index(rate: Context) -> bool:
    """Rule ``score_index`` (thirteenth session): a rate named by a degree word ([grim]
    index_words: 满意度, 知晓度) may be a mean of scores, not a share of those asked — 对286户开展
    满意度调查，满意度达98.1% need not be k/286; 满意率 is a share and stays tested."""
    return has_any(rate_name(rate.label), _words()["index_words"])


def grim_applies(ctxs: Sequence[Context], r: int, base: Context) -> bool:
    """The base may be the base of a GRIM test of rate ``r`` (no guard applies)."""
    return not other_unit_of_counting(ctxs[r], base) and not averaged(ctxs, r, base) and not score_index(ctxs[r])
