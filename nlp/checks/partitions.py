"""Which figures are parts of a whole: named partitions, grade lists and age bands.

A part is recognised by its label (the words before its figure), never by 其中 alone:

- a member of a named partition of partitions.toml (男/女, 常住/流动, 在家/外出 …), possibly with
  a scope word of the document's own before it and a head noun after it (全村常住人口, 外出务工人员, 城镇低保 after
  现有低保户);
- several members at once, for partitions whose members may be joined (一、二级 = 一级 + 二级);
- an age band (60岁以上, 60岁以下, 18至59岁, 未满18周岁): bands need no list, they are intervals,
  and parts form a partition when their bands tile the whole's band (all ages, or the 60岁以上 of
  60岁以上老人…). A band strictly inside the whole's band is a subset (80岁以上 of 60岁以上老人).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.checks.contexts import Context
from nlp.checks.intervals import has_any, vocab

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"\d+|[一二两三四五六七八九十]+"
_JOIN = r"(?:、|和|及|与|，|,|至|到|-|－|—|～|~)"
_RANGE_JOIN = frozenset("至到-－—～~")


# Labels recur: every figure after a total is asked whether it names a part of it. The answers
# depend on the label alone (and the vocabulary, read once), so the last ones are kept.
_LABELS = 4096


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _band_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The age-band grammar, built from [age_bands] of partitions.toml."""
    words = vocab()["age_bands"]
    year = f"(?:{_alt(words['year'])})"
    return (
        (re.compile(rf"({_NUM})\s*{year}?\s*(?:{_alt(words['range'])})\s*({_NUM})\s*{year}"), "range"),
        (re.compile(rf"({_NUM})\s*{year}(?:{_alt(words['above'])})"), "above"),
        (re.compile(rf"({_NUM})\s*{year}(?:{_alt(words['below'])})"), "below"),
        (re.compile(rf"(?:{_alt(words['below_before'])})\s*({_NUM})\s*{year}"), "below"),
    )
_PERSON_ENDS = ("人", "员", "口", "户", "者", "民", "众", "童", "女", "年")
_SLACK = 1  # 18至60岁 beside 60岁以上: reports overlap or leave a gap of one year at a junction


def cn_small(text: str) -> int | None:
    """A small whole number in digits or Chinese numerals (六十, 十八, 八).

    >>> cn_small("60"), cn_small("六十"), cn_small("十八"), cn_small("八十五")
    (60, 60, 18, 85)
    """
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN.get(tens, 0) if tens else 1) * 10 + (_CN.get(ones, 0) if ones else 0)


@dataclass(frozen=True)
class Band:
    """A half-open age interval [low, high)."""

    low: float
    high: float

    def inside(self, other: Band) -> bool:
        """Strictly inside ``other`` (a sub-band, not the same band)."""
        return other.low <= self.low and self.high <= other.high and (self.low, self.high) != (other.low, other.high)


@lru_cache(maxsize=_LABELS)
def age_band(label: str) -> Band | None:
    """The last age band named in ``label``.

    >>> age_band("其中60岁以上"), age_band("18至59岁"), age_band("未满18周岁")
    (Band(low=60, high=inf), Band(low=18, high=60), Band(low=0, high=18))
    >>> age_band("80岁以上高龄老人"), age_band("党员")
    (Band(low=80, high=inf), None)
    """
    if "岁" not in label:
        return None  # every band pattern ends in a year word (岁, 周岁): most labels have none
    best: tuple[int, Band] | None = None
    for pattern, kind in _band_patterns():
        for m in pattern.finditer(label):
            a = cn_small(m.group(1))
            if a is None:
                continue
            if kind == "range":
                b = cn_small(m.group(2))
                if b is None or b < a:
                    continue
                band = Band(a, b + 1)
            else:
                band = Band(a, math.inf) if kind == "above" else Band(0, a)
            if best is None or m.end() > best[0]:
                best = (m.end(), band)
    return best[1] if best else None


@lru_cache(maxsize=_LABELS)
def part_band(label: str) -> Band | None:
    """An age band naming a part: the band with little before or after it (其中60岁以下, 80岁以上老人).

    >>> part_band("其中60岁以下"), part_band("为60岁以上老人办理")
    (Band(low=0, high=60), None)
    """
    text = _core(label)
    band = age_band(text)
    if band is None:
        return None
    last = max((m for p, _ in _band_patterns() for m in p.finditer(text)), key=lambda m: m.end())
    before, after = text[: last.start()], text[last.end() :]
    if before and before not in vocab()["markers"]["own_scope"]:
        return None
    if after and (len(after) > 5 or not after.endswith(_PERSON_ENDS)):
        return None  # 60岁以上老人办理: the band describes whom something was done for
    return band


@lru_cache(maxsize=_LABELS)
def whole_band(label: str) -> Band | None:
    """The age band a whole's words name: a band (60岁以上老人), else one its noun implies
    ([age_bands.implied]: 老年人 → 60岁以上, 未成年人 → 18岁以下).

    >>> whole_band("60岁以上老人"), whole_band("辖区共有老年人"), whole_band("党员")
    (Band(low=60, high=inf), Band(low=60, high=inf), None)
    """
    band = age_band(label)
    if band is not None:
        return band
    implied = vocab()["age_bands"]["implied"]
    for noun in sorted(implied, key=len, reverse=True):
        if noun in label:
            low, high = implied[noun]
            return Band(low, math.inf if high < 0 else high)
    return None


def tiles(bands: Sequence[Band], whole: Band) -> bool:
    """Bands that cover ``whole`` end to end without overlapping (a year of slack at junctions).

    >>> tiles([Band(60, math.inf), Band(0, 60)], Band(0, math.inf))
    True
    >>> tiles([Band(60, math.inf), Band(80, math.inf)], Band(0, math.inf))
    False
    """
    if len(bands) < 2:
        return False
    ordered = sorted(bands, key=lambda b: (b.low, b.high))
    if abs(ordered[0].low - whole.low) > _SLACK or ordered[-1].high != whole.high and abs(ordered[-1].high - whole.high) > _SLACK:
        return False
    return all(abs(a.high - b.low) <= _SLACK for a, b in zip(ordered, ordered[1:], strict=False))


def _core(label: str) -> str:
    """A part's label without the markers around it (其中男 → 男; 、女性党员有 → 女性党员)."""
    text = label.strip(" 、，,：:；;（）()")
    for marker in vocab()["markers"]["subset"]:
        if text.startswith(marker):
            text = text[len(marker) :]
    for tail in ("有", "为", "是", "共", "达"):
        if text.endswith(tail) and len(text) > len(tail):
            text = text[: -len(tail)]
    return text.strip(" 、，,：:")


_NUMERALS = "一二三四五六七八九"
_ADJACENT = re.compile(f"([{_NUMERALS}])([{_NUMERALS}])(?=[{_NUMERALS}]*级)")


def _adjacent_grades(m: re.Match[str]) -> str:
    """Rule ``adjacent_grades`` (thirteenth session): two consecutive numerals written together
    before the joinable suffix name both grades (三四级残疾 = 三、四级, common Chinese usage);
    numerals that do not follow each other (二五级) are left as written, and name no member.

    >>> _ADJACENT.sub(_adjacent_grades, "三四级"), _ADJACENT.sub(_adjacent_grades, "二五级")
    ('三、四级', '二五级')
    """
    a, b = m.group(1), m.group(2)
    return f"{a}、{b}" if _NUMERALS.index(b) == _NUMERALS.index(a) + 1 else m.group(0)


def _joined_members(text: str, part: dict) -> frozenset[int]:
    """Members named together before the partition's suffix (一、二级 → 一级, 二级)."""
    suffix = part["joinable"]
    names = [m[0] for m in part["members"]]
    text = re.sub(rf"{re.escape(suffix)}(?=\s*{_JOIN})", "", text)  # 一级至二级 → 一至二级
    text = _ADJACENT.sub(_adjacent_grades, text)  # 三四级 → 三、四级
    digit = r"[一二三四五六七八九\d]"
    found_all = list(re.finditer(rf"({digit}(?:\s*{_JOIN}\s*{digit})*)\s*{re.escape(suffix)}", text))
    if not found_all:
        return frozenset()
    m = found_all[-1]
    pieces = re.split(rf"\s*({_JOIN})\s*", m.group(1))
    numbers = [cn_small(x) for x in pieces[::2]]
    joins = pieces[1::2]
    if any(n is None for n in numbers):
        return frozenset()
    atoms: set[int] = {numbers[0]}
    for join, (a, b) in zip(joins, zip(numbers, numbers[1:], strict=False), strict=True):
        atoms |= set(range(a, b + 1)) if join in _RANGE_JOIN else {b}
    found = set()
    for n in atoms:
        name = "一二三四五六七八九"[n - 1] + suffix if 1 <= n <= 9 else ""
        if name not in names:
            return frozenset()
        found.add(names.index(name))
    return frozenset(found)


@lru_cache(maxsize=_LABELS)
def part_of(label: str, whole_label: str = "") -> tuple[str, frozenset[int]] | None:
    """(partition name, the member indices the label names) for a part of a named partition.

    >>> part_of("其中男"), part_of("流动人口"), part_of("居民")
    (('sex', frozenset({0})), ('residence', frozenset({1})), None)
    >>> part_of("一级至二级", "残疾人")
    ('disability_grade', frozenset({0, 1}))
    >>> part_of("三、四级", "持证残疾人"), part_of("其中城镇低保", "社区现有低保户")
    (('disability_grade', frozenset({2, 3})), ('urban_rural', frozenset({0})))
    >>> part_of("其中男性劳动力", "全村"), part_of("其中男性劳动力", "全村劳动力")
    (None, ('sex', frozenset({0})))
    """
    if _any_member_word().search(label) is None:
        return None  # no member word nor joinable suffix in the label (most labels): no part can match
    text = _core(label)  # (only strips the label's ends: it holds no word the label does not)
    heads = vocab()["markers"]["heads"]
    groups = vocab()["markers"]["group_heads"]
    scopes = vocab()["markers"]["own_scope"]
    best: tuple[int, str, frozenset[int]] | None = None
    for part in vocab()["partition"]:
        if part.get("whole") and not has_any(whole_label, part["whole"]):
            continue
        if part.get("joinable"):
            atoms = _joined_members(text, part)
            if atoms:
                return part["name"], atoms
            continue
        for index, synonyms in enumerate(part["members"]):
            for word in synonyms:
                at = text.rfind(word)
                if at < 0 or at and text[:at] not in scopes:
                    continue  # only a scope word may stand before the member (全村常住人口, not 男党员)
                rest = text[at + len(word) :]
                if rest and rest not in heads and not (len(rest) <= 4 and rest in whole_label):
                    continue
                if rest in groups and rest not in whole_label:
                    continue  # rule group_head: 男性劳动力 is a part of the labour force, not of 总人口
                if best is None or len(word) > best[0]:
                    best = (len(word), part["name"], frozenset({index}))
    return (best[1], best[2]) if best else None


@cache
def _any_member_word() -> re.Pattern[str]:
    """Every member word of every partition and every joinable suffix: a label holding none of them
    names no part (each member is found by ``rfind`` of one of its words, each joined list ends in
    its suffix), so ``part_of`` answers it with one search instead of a ``rfind`` per word."""
    words = {word for part in vocab()["partition"] for synonyms in part["members"] for word in synonyms}
    words |= {part["joinable"] for part in vocab()["partition"] if part.get("joinable")}
    return re.compile(_alt(sorted(words)))


def complete_partitions(total: Context, parts: Sequence[Context]) -> list[list[Context]]:
    """Groups of ``parts`` (in text order, same unit as ``total``) that partition it exactly."""
    found: dict[str, list[tuple[frozenset[int], Context]]] = {}
    for c in parts:
        member = part_of(c.label, total.label)
        if member is None:
            continue
        name, atoms = member
        taken = set().union(*(a for a, _ in found.get(name, [])))
        if atoms & taken:
            continue  # a second list of the same parts (another year's, another place's)
        found.setdefault(name, []).append((atoms, c))
    groups = []
    for part in vocab()["partition"]:
        items = found.get(part["name"], [])
        if set().union(*(a for a, _ in items)) == set(range(len(part["members"]))) if items else False:
            groups.append([c for _, c in items])
    band = whole_band(total.label) or Band(0, math.inf)
    banded = [(part_band(c.label), c) for c in parts]
    banded = [(b, c) for b, c in banded if b is not None]
    if banded and tiles([b for b, _ in banded], band):
        groups.append([c for _, c in banded])
    return groups
