"""The level a report is written at (community, township, county, city, province), from its title
and the words it uses for itself (我社区, 全镇, 我县 …); the vocabulary is meta.toml's [level]."""

from __future__ import annotations

import re

from nlp.resources import load_toml

LEVELS = ("community", "township", "county", "city", "province")


def reporting_level(title: str, text: str, community: str | None) -> str:
    """The level a report is written at: community, township, county, city or province.

    A community named → community; else the unit kind named last in the title (…街道办事处工作总结);
    else the words the text uses for itself most often (全乡/我镇 …); else community, the genre's usual.

    >>> reporting_level("2020年上半年民政工作总结", "全乡共有低保户873户，全乡现有五保户", None)
    'township'
    >>> reporting_level("关于XX县老旧小区改造工作的汇报", "", None), reporting_level("", "", "阿娄社区")
    ('county', 'community')
    """
    if community:
        return "community"
    data = load_toml("meta.toml")["level"]
    title = re.split(r"——|—|--", title)[0]  # a subtitle (——点滴汇聚社区情) says nothing of the level
    last, level_of_title = -1, None
    for level in LEVELS:
        for word in data[f"{level}_titles"]:
            at = title.rfind(word)
            if at >= 0 and at + len(word) > last:
                last, level_of_title = at + len(word), level
    if level_of_title:
        return level_of_title
    counts = self_references(text)
    best = max(LEVELS, key=lambda level: counts[level])
    return best if counts[best] else "community"


def first_self_reference(text: str) -> str | None:
    """The level of the first word the text uses for itself (我区… → county), if any.

    >>> first_self_reference("我区各示范村大力推进，全村…"), first_self_reference("本社区现有…")
    ('county', 'community')
    """
    data = load_toml("meta.toml")["level"]
    best: tuple[int, str] | None = None
    for level in LEVELS:
        for word in data[level]:
            at = text.find(word)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, level)
    return best[1] if best else None


def self_references(text: str) -> dict[str, int]:
    """How often the text calls itself a community's, township's, county's or city's report
    (我社区/全村 …, 我镇/全乡 …, 我县/全区 …, 我市 …)."""
    data = load_toml("meta.toml")["level"]
    return {level: sum(text.count(w) for w in data[level]) for level in LEVELS}

