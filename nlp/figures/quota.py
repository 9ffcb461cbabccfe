"""Rule task_quota: the amount of a task or target set from above is planned (``[task_quota]`` of
``nlp/resources/planned.toml``), even in a summary that reports it met."""

from __future__ import annotations

import re
from functools import cache

from nlp.resources import load_toml


@cache
def _quota_patterns() -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str], frozenset[str]]:
    data = load_toml("planned.toml")["task_quota"]
    before = "|".join(map(re.escape, sorted(data["before"], key=len, reverse=True)))
    # the task word, then at most an opening bracket, 为/是 or a colon, then at most a qualifier word
    lead = re.compile(f"(?:{before})[（(为是：:]?(?:约|近|达)?$")
    # the characters a match of ``lead`` can end with: a search is needed only after one of them
    lead_ends = frozenset(word[-1] for word in data["before"]) | frozenset("（(为是：:约近达")
    return lead, tuple(sorted(data["after"], key=len, reverse=True)), frozenset(data["count_units"]), lead_ends


QUOTA_REACH = 8  # characters before a figure where its task word is looked for


def is_quota_figure(text: str, start: int, end: int, unit: str) -> bool:
    """Rule task_quota: whether the figure at ``text[start:end]`` (its unit ``unit``) is the amount
    of a task or target set from above (``[task_quota]`` of planned.toml): a target, so planned, even
    in a summary that reports it met.

    >>> t = "全年新增就业186人，完成街道下达任务（160人）的116.3%"
    >>> [is_quota_figure(t, t.index(n), t.index(n) + len(n), u) for n, u in (("160人", "人"), ("186人", "人"), ("116.3%", "%"))]
    [True, False, False]
    >>> t = "超额完成全年15人的任务，占全年任务的52%"
    >>> is_quota_figure(t, 6, 9, "人"), is_quota_figure(t, t.index("52"), t.index("52") + 3, "%")
    (True, False)
    >>> t = "完成重点任务3项"
    >>> is_quota_figure(t, 6, 8, "项")
    False
    >>> t = "均控制在区里下达的8‰、4‰以内，下达指标25户、完成27户"
    >>> [is_quota_figure(t, t.index(n), t.index(n) + 2, u) for n, u in (("4‰", "‰"), ("27", "户"))]
    [True, False]
    """
    lead, after, count_units, lead_ends = _quota_patterns()
    if unit in count_units:
        return False
    while True:
        before = text[start - QUOTA_REACH if start > QUOTA_REACH else 0 : start]
        # both patterns end at ``$``: at the end, or before a line break that ends ``before``
        last = before[-2:-1] if before.endswith("\n") else before[-1:]
        if last in lead_ends and lead.search(before) is not None:
            return True
        # 下达的10‰、5‰以内: the list's first figure follows the word
        listed = _LISTED_FIGURE.search(before) if last == "、" else None
        if listed is None:
            break
        start -= len(before) - listed.start()
    return text.startswith(after, end)


# A figure and its unit right before a 、 (the one before this figure in a list of figures)
_LISTED_FIGURE = re.compile(r"\d+(?:\.\d+)?[^\d\s、，,；;。：:（）()]{0,3}、$")
