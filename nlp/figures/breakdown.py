"""Breakdown: which part of a measure a figure counts, read from the words around its noun.

Markers are data (``nlp/resources/breakdowns.csv``: dimension, marker, example, and the value written
when it differs from the marker, 女性 → 女): 女 → sex, 流动 → status,
城市 → area, 一、二级 → kind, 新增 → change; age bands are read by pattern (60岁以上, 18岁至60岁, 80后).
Words that leave a measure whole (全体, 各类, 辖区 …) and the purpose of a sum of money are in
``nlp/resources/resolution.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.errors import ResourceError
from nlp.figures.indicators import indicators
from nlp.figures.scope import strip_indexed
from nlp.records import BREAKDOWN_DIMENSIONS
from nlp.resources import load_csv, load_toml

_AGE = re.compile(
    r"[0-9一二三四五六七八九十]+(?:周岁|岁)(?:以上|以下|及以上|及以下|(?:至|到|-|—|～|~)[0-9一二三四五六七八九十]+(?:周岁|岁))?"
    r"|[0-9]{2}后"
)


@dataclass(frozen=True)
class _Vocab:
    markers: tuple[tuple[str, str, str], ...]  # (word, dimension, value), longest first
    whole: tuple[str, ...]
    purpose_openers: tuple[str, ...]
    markers_by_first: dict[str, tuple[tuple[str, str, str], ...]]  # first character → markers, longest first
    whole_by_first: dict[str, tuple[str, ...]]
    # first character → the markers and whole words it starts, longest first, a marker before a whole
    # word of its length: the first that a modifier continues with is the word ``_read_modifier`` reads
    words_by_first: dict[str, tuple[tuple[str, tuple[str, str, str] | None], ...]]


@cache
def _vocab() -> _Vocab:
    markers = []
    for line, row in load_csv("breakdowns.csv", ("dimension", "marker", "example")):
        if row["dimension"] not in BREAKDOWN_DIMENSIONS:
            raise ResourceError("breakdowns.csv", line, f"unknown dimension {row['dimension']!r}")
        if not row["example"]:
            raise ResourceError("breakdowns.csv", line, f"marker {row['marker']!r} has no example")
        markers.append((row["marker"], row["dimension"], row.get("value") or row["marker"]))
    data = load_toml("resolution.toml")
    verbs = {verb for indicator in indicators() for verb in indicator.verbs}  # 调解|纠纷, 募集|善款
    by_length = tuple(sorted(markers, key=lambda m: -len(m[0])))
    whole = tuple(sorted(set(data["whole"]["words"]) | verbs, key=len, reverse=True))
    markers_by_first: dict[str, list[tuple[str, str, str]]] = {}
    for marker in by_length:
        markers_by_first.setdefault(marker[0][0], []).append(marker)
    whole_by_first: dict[str, list[str]] = {}
    for word in whole:
        whole_by_first.setdefault(word[0], []).append(word)
    return _Vocab(
        markers=by_length,
        whole=whole,
        purpose_openers=tuple(data["purpose"]["openers"]),
        markers_by_first={k: tuple(v) for k, v in markers_by_first.items()},
        whole_by_first={k: tuple(v) for k, v in whole_by_first.items()},
        words_by_first=_words_by_first(markers_by_first, whole_by_first),
    )


def _words_by_first(
    markers_by_first: dict[str, list[tuple[str, str, str]]], whole_by_first: dict[str, list[str]]
) -> dict[str, tuple[tuple[str, tuple[str, str, str] | None], ...]]:
    """Each first character's markers (word, marker) and whole words (word, None) in one list,
    longest first, a marker before a whole word of the same length (the sort is stable)."""
    words: dict[str, list[tuple[str, tuple[str, str, str] | None]]] = {}
    for first in markers_by_first.keys() | whole_by_first.keys():
        candidates = [(m[0], m) for m in markers_by_first.get(first, ())]
        candidates += [(w, None) for w in whole_by_first.get(first, ())]
        words[first] = sorted(candidates, key=lambda c: -len(c[0]))
    return {first: tuple(found) for first, found in words.items()}


# the characters an age band (``_AGE``) can start with
_AGE_FIRST = frozenset("0123456789一二三四五六七八九十")


def read_modifier(modifier: str) -> tuple[dict[str, str], str]:
    """The breakdown markers in a modifier, and what is left that no table explains (a fresh dict).

    >>> read_modifier("女")
    ({'sex': '女'}, '')
    >>> read_modifier("全体")
    ({}, '')
    >>> read_modifier("30岁以下流动")
    ({'age': '30岁以下', 'status': '流动'}, '')
    >>> read_modifier("贫困")
    ({}, '贫困')
    """
    parts, unknown = _read_modifier(modifier)
    return dict(parts), unknown


@lru_cache(maxsize=16384)
def _read_modifier(modifier: str) -> tuple[tuple[tuple[str, str], ...], str]:
    words_by_first = _vocab().words_by_first
    parts: dict[str, str] = {}
    unknown = ""
    i = 0
    while i < len(modifier):
        first = modifier[i]
        if first in _AGE_FIRST:
            age = _AGE.match(modifier, i)
            if age:
                parts["age"] = parts.get("age", "") + age.group(0)
                i = age.end()
                continue
        # the longest marker or whole word here (a marker when both are as long)
        for word, marker in words_by_first.get(first, ()):
            if modifier.startswith(word, i):
                if marker is not None:
                    _, dimension, value = marker  # 女性 → 女: the sex as the SPEC writes it
                    parts[dimension] = parts.get(dimension, "") + value
                i += len(word)
                break
        else:
            unknown += first
            i += 1
    return tuple(parts.items()), unknown


def strip_whole_front(phrase: str) -> str:
    """A phrase without the words at its front that leave a measure whole (各类文化活动 → 文化活动).

    >>> strip_whole_front("各类文化活动"), strip_whole_front("大型文化活动"), strip_whole_front("活动")
    ('文化活动', '大型文化活动', '活动')
    """
    return strip_indexed(phrase, _vocab().whole_by_first)


def markers_before(lead: str) -> dict[str, str]:
    """The breakdown markers that end ``lead``, the words right before the counted noun
    (城市|低保6195户, 新增|低保5户, 其中女|党员).

    >>> markers_before("全市城市"), markers_before("本社区新增"), markers_before("组织")
    ({'area': '城市'}, {'change': '新增'}, {})
    """
    return dict(_markers_before(lead))


@lru_cache(maxsize=16384)  # a pure function of the lead, and leads recur (开展, 全年新增 …)
def _markers_before(lead: str) -> tuple[tuple[str, str], ...]:
    """``markers_before`` as items (each caller gets a fresh dict of them)."""
    lead = lead.rstrip("了的")
    best: tuple[tuple[str, str], ...] = ()
    for k in range(1, min(len(lead), 12) + 1):
        if not may_open_word(lead[-k]):
            continue  # its first character is unknown: the reading has an unknown part
        parts, unknown = _read_modifier(lead[-k:])
        if not unknown and parts:
            best = parts
    return best


def may_open_word(first: str) -> bool:
    """Whether ``_read_modifier`` can read a word (a marker, a whole word or an age band) from a
    modifier starting with ``first``; if not, that character is unknown and so is the reading: the
    readers that want no unknown part skip it without reading (most suffixes of a lead). An empty
    modifier reads as no part and nothing unknown.

    >>> may_open_word("女"), may_open_word("6"), may_open_word("贫"), may_open_word("")
    (True, True, False, True)
    """
    if not first:
        return True
    return first in _AGE_FIRST or first in _vocab().words_by_first


_HEADS = ("人口", "人员", "居民", "群众", "家庭", "户数", "人数", "户", "人")
_HEAD_OR_NONE = ("", *_HEADS)


def parts_only(noun: str) -> dict[str, str] | None:
    """The parts a noun names when it names nothing else (男性, 18岁以下, 常住人口 counted in 户).

    >>> parts_only("男性"), parts_only("常住人口"), parts_only("贫困人口")
    ({'sex': '男'}, {'status': '常住'}, None)
    """
    parts = _parts_only(noun)
    return None if parts is None else dict(parts)


@lru_cache(maxsize=16384)  # a pure function of the noun, and counted nouns recur
def _parts_only(noun: str) -> tuple[tuple[str, str], ...] | None:
    if not noun or not may_open_word(noun[0]):
        return None  # every reading below starts with the noun's first character: unknown, no parts alone
    for head in _HEAD_OR_NONE:
        if head and not noun.endswith(head):
            continue
        if len(noun) == len(head):
            continue  # nothing before the head: no parts
        parts, unknown = _read_modifier(noun[: len(noun) - len(head)] if head else noun)
        if parts and not unknown:
            return parts
    return None


ACTS = ("开展", "举办", "举行", "组织", "召开", "进行", "参加", "参与", "发放", "投入", "投资")
MONEY_ACTS = ACTS + ("在", "为", "向", "给")


def kind_before(lead: str, acts: tuple[str, ...] = ACTS) -> str | None:
    """Words between the act and the counted noun that name a kind (开展|上门|活动 → 上门).

    >>> kind_before("为困难老人开展上门"), kind_before("全年开展")
    ('上门', None)
    """
    ends = [lead.rfind(act) + len(act) for act in acts if act in lead]
    if not ends:
        return None
    rest = lead[max(ends) :]
    _, unknown = read_modifier(rest)
    return rest if len(unknown) >= 2 else None


def purpose_after(after: str) -> str | None:
    """The purpose stated right after a sum of money (投资4.2万元|对9户困难家庭住房进行维修).

    >>> purpose_after("对9户困难家庭住房进行维修加固"), purpose_after("，"), purpose_after("的平安街改造工程")
    ('对9户困难家庭住房进行维修加固', None, '平安街改造工程')
    """
    after = after.strip()
    if any(after.startswith(opener) for opener in _vocab().purpose_openers):
        return after[len(_LINKS.match(after).group()) :] or after  # 的平安街改造工程: the thing, not the link
    return None


# Words that only link a sum to its purpose (投资1200万元|的|文化中心改造工程, 2.6亿元|用于|道路建设).
_LINKS = re.compile(r"(?:的|用于)?")
