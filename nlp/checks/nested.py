"""A part split inside a 其中 list (rule ``nested_split``), read by ``subset_pairs``.

共投入资金420万元，其中上级补助资金260万元，含专项资金180万元、奖补资金80万元，村集体自筹160万元:
the clause opened by 含 (or 包含, 包括, a second 其中: [markers] split_openers) splits the part
right before it, 260; its figures are parts of the 260, not of the 420. The outer list goes on
after that clause when the split is seen to be over — its items chained by 、 and a new clause
after them, or items that already make up the part; otherwise which whole a later figure belongs
to is not said, and it is read as a part of neither:
其中上级补助260万元，其中专项资金180万元，奖补资金80万元 (is the 80 a second part of the 260, or of
the 420?).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.checks.contexts import Context
from nlp.checks.intervals import Interval, vocab
from nlp.checks.markers import _subset_label


def opens_split(label: str) -> bool:
    """The figure's clause opens with 其中, 含, 包含, 包括 … (a split of what was just named).

    >>> opens_split("含专项资金"), opens_split("其中专项资金"), opens_split("奖补资金")
    (True, True, False)
    """
    words = tuple(vocab()["markers"]["split_openers"])
    return _subset_label(label) or label.lstrip(" ，,").startswith(words)


@dataclass
class Split:
    """A part being split inside the 其中 list of ``outer`` opened at figure ``outer_opener``."""

    outer: Context
    outer_opener: int
    parent: Context
    items: list[Context] = field(default_factory=list)

    def over(self) -> bool:
        """The split is seen to be over: its items were chained by 、 (two or more, and a new clause
        follows), or they already make up the part."""
        if len(self.items) >= 2:
            return True
        intervals = [c.interval for c in self.items]
        if not intervals or self.parent.interval is None or any(iv is None for iv in intervals):
            return False
        return sum(intervals, Interval(0, 0)).overlaps(self.parent.interval)
