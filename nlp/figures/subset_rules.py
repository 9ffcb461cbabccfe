"""Stock figures that are no whole of their measure: one of the period's start, and a subset a relative
clause selects (resolution.toml ``[subsets]``). nlp/figures/resolve.py asks these once a stock
measure is read.

- rule ``start_of_period``: 年初支部有党员66名 (a stock at the period's start: the earlier period's);
- rule ``relative_subset``: 持证上岗的有172人 (those a verb phrase + 的 selects; under 其中 a part).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nlp.figures.no_column import reached_from
from nlp.resources import load_toml


@dataclass(frozen=True)
class _Vocab:
    stocks: frozenset[str]
    start: re.Pattern[str]
    keep_verbs: frozenset[str]


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")["subsets"]
    words = "|".join(map(re.escape, sorted(data["start_words"], key=len, reverse=True)))
    not_before = "|".join(map(re.escape, data["start_not_before"]))
    return _Vocab(frozenset(data["stocks"]), re.compile(f"(?:{words})(?!{not_before})"), frozenset(data["keep_verbs"]))


def is_stock(indicator_id: str) -> bool:
    return indicator_id in _vocab().stocks


def start_of_period(clause: str) -> bool:
    """Rule ``start_of_period``: the figure's own clause gives the stock at the period's start.

    >>> start_of_period("年初支部有党员"), start_of_period("年初以来共发展党员"), start_of_period("社区现有党员")
    (True, False, False)
    >>> start_of_period("志愿者由年初的180人扩大到")  # a change's end value: this period's
    False
    """
    if "年" not in clause:
        return False
    start = reached_from(clause)
    return _vocab().start.search(clause, 0, start if start >= 0 else len(clause)) is not None


def relative_subset(words: Sequence[tuple[str, str]], noun: str | None = None) -> bool:
    """Rule ``relative_subset``: the clause's words before the figure end in a relative clause with a
    verb, 的, then at most the counted noun and a verb of having (持证|上岗|的|有, 领取|养老金|的|老人);
    not under 其中, where the relative clause names a part of the whole before (rule ``part_under_marker``);
    a word of the counted noun is no verb of the clause (纳入城市|低保|的|有: the segmenter tags 低保 a verb).

    >>> relative_subset([("持证", "v"), ("上岗", "ns"), ("的", "uj"), ("有", "v")])
    True
    >>> relative_subset([("社区", "n"), ("现有", "v"), ("的", "uj"), ("党员", "n")])
    False
    >>> relative_subset([("辖区", "n"), ("内", "n"), ("的", "uj"), ("党员", "n")])
    False
    >>> relative_subset([("纳入", "v"), ("城市", "ns"), ("低保", "v"), ("的", "uj"), ("有", "v")], "城市低保")
    False
    """
    voc = _vocab()
    at = next((i for i in range(len(words) - 1, -1, -1) if words[i][0] == "的"), -1)
    if at <= 0 or len(words) - at > 4:
        return False
    if any(not (tag.startswith("n") or word in voc.keep_verbs) for word, tag in words[at + 1 :]):
        return False  # after 的: the counted noun and 有, nothing else
    verb = False
    for word, _tag in reversed(words[:at]):
        if word == "其中":  # 其中…的党员8名: a part of the whole before (rule part_under_marker reads it)
            return False
        if word in ("，", ",", "、"):
            break
        verb = verb or (_tag == "v" and word not in voc.keep_verbs and not (noun and word in noun))
    return verb
