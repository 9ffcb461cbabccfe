"""The words that make a figure a total, open a subset or mark a change (partitions.toml [markers]),
asked of figure labels by the arithmetic, list and rate rules alike."""

from __future__ import annotations

import re
from functools import lru_cache

from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, vocab


def _is_total(c: Context) -> bool:
    return _total_label(c.label)


@lru_cache(maxsize=4096)  # asked of the same labels for every total before them
def _total_label(label: str) -> bool:
    markers = vocab()["markers"]
    if has_any(label, markers["not_total_words"]):  # (most labels hold none: nothing to remove)
        for word in markers["not_total_words"]:  # 秀美共富村, 共建单位: 共 inside a word says no total
            label = label.replace(word, "")
    return has_any(label, markers["total"]) and not has_any(label, markers["subset"])


@lru_cache(maxsize=4096)
def _subset_label(label: str) -> bool:
    return has_any(label, vocab()["markers"]["subset"])


_CHANGE_FROM_YEAR = re.compile(r"[比较](?:19|20)\d\d年")


@lru_cache(maxsize=4096)
def is_change(label: str) -> bool:
    """The figure is a change against another period (比上年新增, 较去年同期增加, 比2020年减少).

    >>> is_change("比上年新增"), is_change("比2021年增加"), is_change("新增就业")
    (True, True, False)
    """
    return has_any(label, vocab()["markers"]["change_from"]) or bool(_CHANGE_FROM_YEAR.search(label))
