"""Rule ``projects_summed``: a total of money after a count of projects of one class is that class's.

Government and township reports count a class of projects and give their investment in the same
sentence: 实施市级重点项目41个，累计完成投资23.6亿元 / 抓好8个县级重点项目建设，全年完成投资45亿元. The
total words (累计, 全年, 总投资) make such a sum a total, but only of the projects counted: the class
(重点项目, 签约项目, 千万元以上项目) is one kind of the unit's projects, so the sum is investment_yuan
``{"kind": class}`` (GUIDELINES: "a figure of one project or one kind among several is a part").
Projects counted with no class (实施项目5个，总投资120万元) are every project of the unit: the sum stays
whole, and so is a total written in the phrase that counts them (两个小区改造项目总投资560万元: the
sum of the things counted). Projects named before the count (甲、乙等5个项目) are those projects: a kind as well.

The heads, the verbs that open the project phrase and the words that name no class are data
(``nlp/resources/resolution.toml``, ``[project_sums]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.breakdown import strip_whole_front
from nlp.figures.scope import strip_scope_words
from nlp.resources import load_toml

_COUNT = r"(?:不少于|不低于|超过|达到|达|共|近)?[0-9０-９一二三四五六七八九十两百千]+(?:余|多)?(?:个|项)"
_BREAKS = "，,。；;：:！!？?\n（(）)"
_SEPARATORS = "，,、；;"  # between the count of projects and the sum: two statements, the second about them


@dataclass(frozen=True)
class _Vocab:
    indicators: frozenset[str]
    head_last: re.Pattern[str]  # 36个省、市重点项目: the class between the count and the head
    count_last: re.Pattern[str]  # 签约项目403个: the class before the head
    openers: tuple[str, ...]
    no_class: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")["project_sums"]
    heads = "|".join(map(re.escape, data["heads"]))
    return _Vocab(
        indicators=frozenset(data["indicators"]),
        head_last=re.compile(rf"{_COUNT}(?P<words>[^{_BREAKS}0-9]*?)(?P<head>{heads})"),
        count_last=re.compile(rf"(?P<words>[^{_BREAKS}]*?)(?P<head>{heads}){_COUNT}"),
        openers=tuple(data["openers"]),
        no_class=tuple(data["no_class"]),
    )


def applies_to(indicator_id: str) -> bool:
    """Whether the rule reads totals of this measure."""
    return indicator_id in _vocab().indicators


def projects_summed(before: str) -> str | None:
    """The class of projects a total of money sums, from its sentence up to the figure (``before``):
    the last count of projects there, when they have a class (their words after the verb that opens
    them, place and total words aside) or are named before the count; None for projects of no class.

    >>> projects_summed("全年实施市级重点项目41个，累计完成投资")
    '市级重点项目'
    >>> projects_summed("抓好8个盟级重点项目建设，全年完成投资"), projects_summed("累计签约项目58个、总投资")
    ('盟级重点项目', '签约项目')
    >>> projects_summed("引进甲、乙、丙等5个项目，总投资"), projects_summed("全年实施项目5个，总投资")
    ('5个项目', None)
    >>> projects_summed("改造老旧小区20个，项目总投资") is None, projects_summed("两个小区改造项目总投资") is None
    (True, True)
    """
    voc = _vocab()
    last = None
    for pattern in (voc.head_last, voc.count_last):
        for found in pattern.finditer(before):
            if last is None or found.end() > last.end():
                last = found
    if last is None or not any(ch in _SEPARATORS for ch in before[last.end() :]):
        return None  # 两个小区改造项目总投资: the total of the things its own phrase counts, whole
    words = last.group("words")
    opened = max(((words.rfind(v), v) for v in voc.openers), default=(-1, ""))
    if opened[0] >= 0:
        words = words[opened[0] + len(opened[1]) :]
    words = strip_whole_front(strip_scope_words(words.strip(" 、")))
    stripped = True
    while words and stripped:
        stripped = False
        for word in voc.no_class:
            if words.startswith(word):
                words, stripped = words[len(word) :], True
    if words:
        return words + last.group("head")
    named = last.re is voc.head_last and before[: last.start()].rstrip().endswith(("等", "、"))
    if named or (last.re is voc.head_last and "、" in before[max(before.rfind(c, 0, last.start()) for c in _BREAKS) + 1 : last.start()]):
        count_end = last.start("words")
        return re.sub(r"^(?:不少于|不低于|超过|达到|达|共|近)", "", before[last.start() : count_end]) + last.group("head")
    return None
