"""Money split by source that names the rest (rule ``complete_sources``, reported as sum_mismatch).

Sums of money listed after 其中 are kinds: the list may stop early, so they may fall short of the
whole (nlp/checks/lists.py). A list whose last source is the one that makes up the rest — 自筹,
其他, 社会资金 … (partitions.toml [kinds] residual_sources) — is complete, and must add up:
总投资1860万元，其中区财政补助1240万元、街道配套350万元，居民自筹250万元 → 1840 ≠ 1860.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from nlp.checks.contexts import Context
from nlp.checks.intervals import Interval, has_any, vocab
from nlp.checks.lists import one_dimension


def complete_sources(pairs: Iterable[tuple[Context, Context]]) -> Iterator[tuple[Context, list[Context]]]:
    """(whole, parts) of money whose 其中 parts end with a residual source and do not add up to it.

    ``pairs`` are (whole, part) in text order, as ``subset_pairs`` gives them."""
    residual = vocab()["kinds"]["residual_sources"]
    runs: dict[int, tuple[Context, list[Context]]] = {}  # by whole: a split part (nested_split) interrupts its list
    for whole, part in pairs:
        if whole.family != "元" or part.family != "元":
            continue
        runs.setdefault(whole.fact.id, (whole, []))[1].append(part)
    for whole, parts in runs.values():
        if len(parts) < 2 or not has_any(parts[-1].label, residual) or whole.interval is None:
            continue
        if any(has_any(p.label, residual) for p in parts[:-1]):
            continue  # two residual sources: not one list of sources
        if not one_dimension(parts[:-1]):
            continue  # sources mixed with uses (财政资金…、用于道路硬化…): rule cross_cutting
        intervals = [p.interval for p in parts]
        if any(iv is None for iv in intervals):
            continue
        if not sum(intervals, Interval(0, 0)).overlaps(whole.interval):
            yield whole, parts
