"""The level a report is written at (community, township, county, city, province), from its title
and the words it uses for itself (我社区, 全镇, 我县 …); the vocabulary is meta.toml's [level]."""

from __future__ import annotations

import re
from functools import cache

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
    title = title_without_tiers(title, tuple(data["title_not_units"]))
    for level in LEVELS:
        for word in data[f"{level}_titles"]:
            at = title.rfind(word)
            if at >= 0 and at + len(word) > last:
                last, level_of_title = at + len(word), level
    if level_of_title:
        return level_of_title
    if (speaker := speaker_level(text[:_OPENING])) is not None:
        return speaker
    counts = self_references(text)
    best = max(LEVELS, key=lambda level: counts[level])
    return best if counts[best] else "community"


def title_without_tiers(title: str, words: tuple[str, ...]) -> str:
    """Rule ``title_no_unit``: the title with the words of meta.toml ``[level.title_not_units]`` blanked
    (村级 names a tier of things, 乡村 means rural: neither is the reporting unit's kind), so that the
    kind named last is a unit's (青石乡|村级集体经济 is a 乡's survey). Offsets stay put.

    >>> title_without_tiers("关于青石乡村级集体经济的调研报告", ("村级", "乡村"))
    '关于青石乡＿＿集体经济的调研报告'
    """
    for word in words:
        if word in title:
            title = title.replace(word, "＿" * len(word))
    return title


_OPENING = 400  # a government report names the body that reports in its first lines
_SPEAKER = re.compile(r"代表([^，,。：:\n]{0,8}?)(?=向|作|，|,)")


def speaker_level(opening: str) -> str | None:
    """The level of the body a government's report speaks for (我代表市人民政府作报告 → city),
    from meta.toml's ``[level.*_speakers]``; None when the opening names none.

    >>> speaker_level("各位代表：现在，我代表行署作工作报告"), speaker_level("我代表区人民政府作报告")
    ('city', 'county')
    >>> speaker_level("我代表国务院作报告") is None
    True
    """
    found = _SPEAKER.search(opening)
    if found is None:
        return None
    body = found.group(1)
    data = load_toml("meta.toml")["level"]
    best: tuple[int, str] | None = None
    for level in LEVELS:
        for word in data.get(f"{level}_speakers", {}):
            if body.endswith(word) and (best is None or len(word) > best[0]):
                best = (len(word), level)
    return best[1] if best else None


def first_self_reference(text: str) -> str | None:
    """The level of the first word the text uses for itself (我区… → county), if any.

    >>> first_self_reference("我区各示范村大力推进，全村…"), first_self_reference("本社区现有…")
    ('county', 'community')
    """
    scan = _self_reference_scan()
    if scan is None:
        return first_self_reference_word_by_word(text)
    pattern, counts_of = scan
    found = pattern.search(text)  # the first start of any word; the words there are its prefixes
    return counts_of[found.group()][0][0] if found else None


def first_self_reference_word_by_word(text: str) -> str | None:
    """``first_self_reference`` by its definition: the first offset of each word, the levels in turn."""
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
    (我社区/全村 …, 我镇/全乡 …, 我县/全区 …, 我市 …): for each level, the occurrences of each of
    its words, summed (``self_references_word_by_word``), read in one scan of the text.

    >>> self_references("我居委全年开展活动，全镇、全乡共有")["township"]
    2
    """
    scan = _self_reference_scan()
    if scan is None:
        return self_references_word_by_word(text)
    pattern, counts_of = scan
    totals = dict.fromkeys(LEVELS, 0)
    for found in pattern.findall(text):
        for level, count in counts_of[found]:
            totals[level] += count
    return totals


def self_references_word_by_word(text: str) -> dict[str, int]:
    """``self_references`` by its definition: ``str.count`` of every word of every level."""
    data = load_toml("meta.toml")["level"]
    return {level: sum(text.count(w) for w in data[level]) for level in LEVELS}


@cache
def _self_reference_scan() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, int], ...]]] | None:
    """One pattern for the words of every level, longest first, and for each word it finds, how
    many words of each level it starts with (我居委 holds 我居 and 我居委: both are counted), the
    levels in ``LEVELS`` order.

    The words open with 我/本/全, none of which stands later in a word: so no occurrence of a word
    lies inside another's match, no word overlaps itself (``str.count``'s occurrences are all its
    starts), and the words found at a start are the prefixes of the longest. A vocabulary without
    that property (a user's meta.toml) is counted word by word."""
    data = load_toml("meta.toml")["level"]
    words = {w for level in LEVELS for w in data[level]}
    openers = {w[0] for w in words}
    if not words or any(ch in openers for w in words for ch in w[1:]):
        return None
    longest_first = sorted(words, key=lambda w: (-len(w), w))
    counts_of = {
        found: tuple(
            (level, n) for level in LEVELS if (n := sum(found.startswith(w) for w in data[level]))
        )
        for found in words
    }
    return re.compile("|".join(map(re.escape, longest_first))), counts_of

