"""Parts of a partition that are not all of its total (rules ``remainder``, ``remainder_in_words``
and ``finer_list``), read by sum_mismatch (nlp/checks/arithmetic.py): the members named may fall
short of the total, never exceed it.

- 其中城镇户1200户，农村户600户，另有空挂户60户 / 其余在本地企业务工: a remainder follows the parts;
- 其中外出务工1160人、在家务农620人、就近务工200人: the 、 list of the members goes on with another
  kind ending like one of them, so the partition's members are not the whole list.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from nlp.checks.contexts import Context
from nlp.checks.runs import remainder_after

# The parts of a list are read among this many figures after its last member (as a total's parts are).
MAX_PARTS_AFTER = 32


def not_all(ctxs: Sequence[Context], group: Sequence[Context], total: Context, text: str) -> list[Context] | None:
    """The parts to hold to *at most* the total when the members of ``group`` are not all of it:
    the group itself after a remainder (rule ``remainder``: 城镇户…，农村户…，另有空挂户60户;
    其余在本地企业务工), or the whole list when it names more kinds (rule ``finer_list``)."""
    wider = finer_list(ctxs, group)
    if wider is not None:
        return wider
    return list(group) if remainder_after(ctxs, group[-1], text) else None


def finer_list(ctxs: Sequence[Context], group: Sequence[Context]) -> list[Context] | None:
    """The whole list when the 、 list of a partition's members goes on with another kind ending
    like one of them (rule ``finer_list``): 其中外出务工1160人、在家务农620人、就近务工200人 — 就近务工
    ends like 外出务工; the members named are then no complete partition, and the kinds listed may
    only not exceed the total. None when no such kind follows (其中男2760人、女2660人、男性党员74人
    keeps the sexes' sum: 党员 ends like neither)."""
    heads = {_bare(c.label)[-2:] for c in group} - {""}
    extra = []
    last = group[-1]
    i = bisect_left(ctxs, last.fact.norm_start, key=lambda c: c.fact.norm_start)
    for j in range(i + 1, min(len(ctxs), i + 1 + MAX_PARTS_AFTER)):
        c = ctxs[j]
        if c.sentence != last.sentence or c.family != last.family or not ctxs[j - 1].after.startswith("、"):
            break  # the 、 list of the parts has ended
        if _bare(c.label)[-2:] in heads:
            extra.append(c)
    return [*group, *extra] if extra else None


def _bare(label: str) -> str:
    return label.strip(" 、，,：:").removeprefix("其中").strip(" 、，,：:")
