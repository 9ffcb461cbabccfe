"""A count of the names listed right before it (rule ``named_count``, reported as sum_mismatch).

在柳溪、石门、青岗4个居民小组开展整治 names three groups and counts four: a name was dropped or
the count is wrong. Read only where the count plainly counts the names (partitions.toml
[named_lists]): a 、 list of short names right before a small count of places or bodies, no 等
closing the list, items that are no kinds of one head (先锋岗、服务岗), a noun after the count, and the count off by at most ``MAX_OFF`` — a count far from the names counts
something they hold (东湖、西湖小区12个楼栋), not the names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from nlp.checks.contexts import Context
from nlp.checks.intervals import vocab
from nlp.records import Qualifier

MAX_OFF = 2
# A name in such a list is short; the first item may carry the clause's words before the list.
MAX_NAME = 6
_DIGIT = re.compile(r"[0-9０-９]")


def listed_names(label: str) -> int | None:
    """How many names a label lists right before its figure; None when it lists none.

    >>> listed_names("社区在柳溪、石门、青岗"), listed_names("在柳溪、石门等"), listed_names("设立先锋岗、服务岗")
    (3, None, None)
    """
    words = vocab()["named_lists"]
    items = label.split("、")
    if len(items) < 2 or label.endswith(tuple(words["open_ends"])):
        return None
    names = items[1:]
    if any(not 1 <= len(x) <= MAX_NAME or _DIGIT.search(x) or x.endswith(tuple(words["not_names"])) for x in names):
        return None
    if not items[0] or _DIGIT.search(items[0][-MAX_NAME:]):
        return None
    if len({x[-1] for x in items}) == 1:
        return None  # kinds of one head (党员先锋岗、志愿服务岗4个 counts posts), not names
    return len(items)


def named_count_mismatches(ctxs: Sequence[Context]) -> Iterator[tuple[Context, int]]:
    """(count, names listed) where a small count of places or bodies is not the number of names
    listed right before it."""
    units = vocab()["named_lists"]["units"]
    for c in ctxs:
        f = c.fact
        if f.unit not in units or f.qualifier != Qualifier.EXACT or f.value is None or f.planned:
            continue
        value = float(f.value)
        if not value.is_integer() or not 2 <= value <= 20:
            continue
        if not c.after[:1].isalpha():
            continue  # the count must count a noun named after it (…4个居民小组), not the items (…岗4个。)
        k = listed_names(c.label)
        if k is not None and k != value and abs(k - value) <= MAX_OFF:
            yield c, k
