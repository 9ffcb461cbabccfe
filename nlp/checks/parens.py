"""Rule ``parenthesis_level``: a parenthesis elaborates the figure of its unit right before it.

Whether a whole and a part can belong together is read from where they sit, not from the words
inside the parenthesis (which ``aside`` reads: 上年, 全街道, a year):

- a part inside a parenthesis belongs to a whole in the same parenthesis, or to the last figure of
  its unit before the parenthesis opens — 总人口5420人（其中男2760人、女2660人） splits 5420, while
  总人口5420人，流动人口1120人（其中男600人、女520人） splits the 1120, not the 5420;
- a figure outside a parenthesis is no part of a whole inside one: 居民1860户（第七次人口普查为5130人，
  其中男…、女…），常住人口5420人 — the 5420 is no part of the census's 5130, and a figure inside a
  parenthesis is no whole of the figures after it closes.

Only the innermost parenthesis around a figure is known (``Context.paren``); parentheses nested in
one another are rare in reports and read as one level each.
"""

from __future__ import annotations

from collections.abc import Sequence

from nlp.checks.contexts import Context


def paren_anchors(ctxs: Sequence[Context]) -> list[int]:
    """For each figure inside a parenthesis, the index of the last figure of its unit before the
    parenthesis opens and outside it (-1 when none); -1 for a figure outside every parenthesis.

    One pass: the last figure of each unit is kept, and a parenthesis takes a copy of it when its
    first figure is met (every figure before the parenthesis opens has been seen by then)."""
    last: dict[str, int] = {}
    at_open: dict[int, dict[str, int]] = {}
    anchors: list[int] = []
    for i, c in enumerate(ctxs):
        if c.paren < 0:
            anchors.append(-1)
        else:
            before = at_open.setdefault(c.paren, {f: j for f, j in last.items() if ctxs[j].fact.norm_end <= c.paren})
            anchors.append(before.get(c.family, -1))
        last[c.family] = i
    return anchors


def may_split(ctxs: Sequence[Context], anchors: Sequence[int], whole: int, part: int) -> bool:
    """Whether figure ``part`` may be a part of figure ``whole`` as far as parentheses go."""
    w, p = ctxs[whole], ctxs[part]
    if p.paren == w.paren:
        return True
    if p.paren < 0:
        return False  # a whole inside a parenthesis has no parts after it closes
    return anchors[part] == whole  # a parenthesis elaborates the figure right before it
