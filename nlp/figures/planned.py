"""Whether a sentence states a plan or target rather than something done."""

from __future__ import annotations

from functools import cache

import regex

from nlp.resources import load_toml


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    data = load_toml("planned.toml")
    markers = sorted(data["sentence_markers"], key=len, reverse=True)
    followers = sorted(data["future_jiang_followers"], key=len, reverse=True)
    plan = regex.compile(
        "|".join(map(regex.escape, markers)) + "|将(?:" + "|".join(map(regex.escape, followers)) + ")"
    )
    false = regex.compile("|".join(map(regex.escape, sorted(data["false_markers"], key=len, reverse=True))))
    return plan, false


def is_planned_sentence(sentence: str) -> bool:
    """True when the sentence announces a plan or a target.

    >>> is_planned_sentence("下半年力争新发展党员2名")
    True
    >>> is_planned_sentence("我们将继续开展文明创建活动")
    True
    >>> is_planned_sentence("将矛盾纠纷化解在萌芽状态,共调解纠纷9起")
    False
    >>> is_planned_sentence("全面落实计划生育政策,育龄妇女320人")
    False
    """
    plan, false = _patterns()
    cleaned = false.sub("", sentence)
    return plan.search(cleaned) is not None


def is_planned_heading(heading: str) -> bool:
    """True when a section heading names a plan (下一步工作打算, 明年工作思路 …).

    >>> is_planned_heading("下半年工作打算")
    True
    >>> is_planned_heading("加强党的建设")
    False
    """
    data = load_toml("planned.toml")
    _, false = _patterns()
    cleaned = false.sub("", heading)
    return any(marker in cleaned for marker in data["section_markers"])
