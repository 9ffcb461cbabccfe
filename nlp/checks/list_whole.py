"""The whole a listed part belongs to (rule ``whole_of_part``): a rate's base is never the last
part of a 其中 list but the total the list splits.

受理事件共120件，其中环境类70件、治安类50件。已办结116件，办结率96.7% — the count just before
办结率 is 治安类50件, a part; the rate is of the 120 events. Likewise 全年出生42人，其中一孩30人、
二孩12人，政策符合率97.6%: the share is of the 42 births, not of the 12 second children. Unless the
rate names the part (rule ``rate_of_named_part``: 其中物业类95件，已办结90件，物业类诉求办结率94.7%).

A figure is a part when a figure of its unit family opening a 其中 list (partitions.toml
[markers] subset) stands at or before it, in its sentence, with nothing but figures of that family
between; the whole is the figure right before the opener, in the same sentence and family.
"""

from __future__ import annotations

from collections.abc import Sequence

from nlp.checks.contexts import Context
from nlp.checks.markers import _subset_label

# A 其中 list longer than this many parts is read no further back (keeps the walk short).
MAX_PARTS = 12


def named_by_rate(name: str, part: Context) -> bool:
    """The rate's name names the part itself (rule ``rate_of_named_part``): 其中物业类95件，已办结90件，
    物业类诉求办结率94.7% is of the 95, not of the whole the 其中 list splits.

    >>> from nlp.records import Fact, Qualifier
    >>> f = Fact(0, None, 0, 3, "95件", "95", 95, None, None, "件", Qualifier.EXACT, None, None)
    >>> named_by_rate("物业类诉求办结率", Context(f, 0, 0, 9, "其中物业类", "")), named_by_rate("办结率", Context(f, 0, 0, 9, "其中物业类", ""))
    (True, False)
    """
    core = part.label.strip(" 、，,：:").removeprefix("其中").strip(" 、，,：:")
    return len(core) >= 2 and core in name


def whole_of_part(ctxs: Sequence[Context], part: Context) -> Context | None:
    """The total that ``part``'s 其中 list splits; None when ``part`` is no listed part."""
    try:
        i = next(k for k in range(len(ctxs) - 1, -1, -1) if ctxs[k] is part)
    except StopIteration:
        return None
    for j in range(i, max(-1, i - MAX_PARTS - 1), -1):
        c = ctxs[j]
        if c.sentence != part.sentence or c.family != part.family or c.aside != part.aside:
            return None
        if _subset_label(c.label):
            if j == 0:
                return None
            whole = ctxs[j - 1]
            same = whole.sentence == part.sentence and whole.family == part.family and not whole.aside
            return whole if same and not whole.fact.planned and whole.fact.value else None
    return None
