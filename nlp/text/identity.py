"""Who a report is about: the reporting unit (社区, 居委会, 村, 街道, 镇, 乡), its street and district.

The community comes from the first source that names one (SPEC section 5):

1. the **title** (幸福里社区2023年工作总结, 2023年东湖社区…);
2. the **signature** lines at the end (东湖社区居民委员会 / 2022年12月28日);
3. the unit that **本社区/我村/该社区** refers to: the name just before the first self-reference;
4. the **opening** lines: a name the text opens with and names again;
5. the name the text uses **most often**, when one stands out;
6. the **path**: a folder or file name naming a unit.

A name is nominal words before a unit suffix (place_names); verb phrases (排查化解社区), number phrases
(两个村) and slogans (和谐社区) are no names, and a district or town written before it (太和镇玄真社区) is
cut off. A masked name (xx社区) stops the search: the unit stays unknown. A report whose title is at
street or township level has no community. Names are canonical: simplified script (the normalized
text), 社区居委会/社区居民委员会 → 社区, 村民委员会/村委会 → 村.

District names come from the national division table (nlp/text/divisions.py, from the ``cpca``
package); streets (街道/镇/乡) are below that table's level and are read by pattern.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath
from typing import Any

from nlp.resources import load_toml
from nlp.text.divisions import after_divisions, street_after_divisions, strip_divisions
from nlp.text.tokens import pos_cut

_CANONICAL = (("社区居民委员会", "社区"), ("社区居委会", "社区"), ("村民委员会", "村"), ("村委会", "村"))
_SELF = re.compile(r"本社区|我社区|该社区|本村|我村|该村|本居委会|我居委会")
_SIGNATURE_LINES = 5
_SIGNATURE_MAX = 30
_OPENING_CHARS = 160
_NAME_TAGS = ("n", "j", "l", "eng")


@dataclass(frozen=True)
class _Vocab:
    community: re.Pattern[str]
    street: re.Pattern[str]
    breaks: str
    generic: tuple[str, ...]
    mask: str
    street_level: tuple[str, ...]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _vocab() -> _Vocab:
    place: dict[str, Any] = load_toml("meta.toml")["place"]
    return _Vocab(
        community=re.compile(rf"([^\s]{{1,8}}?)({_alternation(place['community_suffixes'])})(?!街道|街道办|镇|鎮|乡|鄉)"),
        street=re.compile(rf"([^\s]{{1,8}}?)({_alternation(place['street_suffixes'])})"),
        breaks=place["name_breaks"],
        generic=tuple(place["generic"]),
        mask=place["mask_chars"],
        street_level=tuple(place["street_level"]),
    )


def canonical_name(name: str) -> str:
    """SPEC section 5's canonical form of a unit's name.

    >>> canonical_name("东湖社区居民委员会"), canonical_name("余岭村委会"), canonical_name("东湖居委会")
    ('东湖社区', '余岭村', '东湖居委会')
    """
    for long, short in _CANONICAL:
        if name.endswith(long):
            stem = name[: -len(long)]
            return stem if stem.endswith(short) else stem + short  # 余岭村村民委员会 → 余岭村
    return name


def _name(prefix: str, suffix: str, voc: _Vocab) -> str | None:
    """The place name ending in ``suffix``: the nominal words just before it."""
    cut = max(prefix.rfind(ch) for ch in voc.breaks)
    stem = after_divisions(prefix[cut + 1 :])
    masked = len(stem) - len(stem.rstrip(voc.mask))
    if masked:
        return stem[-masked:] + suffix
    if len(stem) < 2 or any(stem.endswith(g) for g in voc.generic):
        return None
    kept = ""
    for word, flag in reversed(pos_cut(stem)):
        if not flag.startswith(_NAME_TAGS) or len(kept) + len(word) > 4:
            break
        kept = word + kept
    kept = kept.removeprefix("中共")  # 中共东湖社区委员会 signs for 东湖社区
    if len(kept) < 2 or any(kept.endswith(g) for g in voc.generic):
        return None
    return kept + suffix


def is_masked(name: str) -> bool:
    return name[0] in _vocab().mask


def place_names(text: str, pattern: re.Pattern[str] | None = None) -> list[tuple[str, int, int]]:
    """Candidate place names (name, start, end) matched by ``pattern`` (default: community names).

    >>> [n for n, _, _ in place_names("我社区在阿娄社区党支部的带领下，和谐社区建设")]
    ['阿娄社区']
    >>> [n for n, _, _ in place_names("排查化解社区矛盾，两个村")]
    []
    """
    voc = _vocab()
    out = []
    for m in (pattern or voc.community).finditer(text):
        name = _name(m.group(1), m.group(2), voc)
        if name:
            out.append((name, m.end() - len(name), m.end()))
    return out


# A title that opens with its unit's name (幸福里社区2023年工作总结, 2023年幸福里社区…): the words
# before the first unit suffix are the name, whatever their parts of speech.
_TITLE_HEAD = re.compile(r"^(?:(?:19|20)\d{2}年度?)?([\u4e00-\u9fff]{2,5}?)(社区居委会|社区居民委员会|社区|居委会|村委会|村民委员会)")
_NOT_IN_HEAD = ("年", "季度", "上半", "下半", "工作", "关于")


def title_head(title: str) -> str | None:
    """The unit a title opens with.

    >>> title_head("幸福里社区2023年工作总结"), title_head("社区工作总结")
    ('幸福里社区', None)
    """
    voc = _vocab()
    m = _TITLE_HEAD.match(title)
    if not m or any(m.group(1).endswith(g) for g in voc.generic) or m.group(1)[-1] in voc.mask:
        return None
    if any(w in m.group(1) for w in _NOT_IN_HEAD):
        return None
    return after_divisions(m.group(1)) + m.group(2)


def _from_title(title: str) -> list[str]:
    names = [n for n, _, _ in place_names(title)]
    head = title_head(title)
    if head and not any(head.endswith(n) or n.endswith(head) for n in names):
        names.insert(0, head)
    return names


# What may follow the unit's name on a signature line: its office and a date.
_SIGNATURE_REST = re.compile(
    r"^(?:党支部|党委|党总支|居委会|居民委员会|委员会|办公室|工作站|服务中心)?[\s（()）]*"
    r"(?:(?:19|20)\d{2}\s*年[\d\s月日]*|(?:19|20)\d{2}[-./]\d{1,2}(?:[-./]\d{1,2})?)?$"
)


def _from_signature(text: str) -> list[str]:
    """The unit signing the report: a short line at the end that is its name (and office, date)."""
    found = []
    for line in (line.strip() for line in text.rstrip().split("\n")[-_SIGNATURE_LINES:]):
        if not 0 < len(line) <= _SIGNATURE_MAX:
            continue
        for name, start, end in place_names(line):
            if start == 0 and _SIGNATURE_REST.match(line[end:]):
                found.append(name)
    return found[-1:]


def _from_self_reference(text: str) -> list[str]:
    m = _SELF.search(text)
    if not m:
        return []
    before = [n for n, _, _ in place_names(text[max(0, m.start() - 80) : m.start()]) if not is_masked(n)]
    return before[-1:]


def _from_opening(text: str, body_from: int) -> list[str]:
    names = [n for n, _, _ in place_names(text[body_from : body_from + _OPENING_CHARS]) if not is_masked(n)]
    return [n for n in names[:1] if text.count(n) >= 2]


def _most_frequent(text: str) -> list[str]:
    names = place_names(text)
    real = Counter({n: text.count(n) for n, _, _ in names if not is_masked(n)})
    masked = sum(1 for n, _, _ in names if is_masked(n))
    ranked = [(n, c) for n, c in real.most_common() if c >= 2] or (real.most_common() if len(real) == 1 else [])
    if not ranked:
        return []
    top, count = ranked[0]
    if masked > count or (len(ranked) >= 3 and count < 2 * ranked[1][1]):
        return []  # masked more often than named, or a review of several communities
    return [top]


def _from_path(path: str | None) -> list[str]:
    if not path:
        return []
    parts = PurePath(path.replace("\\", "/").replace("!", "/")).parts
    for part in reversed(parts):
        names = [n for n, _, _ in place_names(PurePath(part).stem)]
        if names:
            return names[:1]
    return []


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


def find_community(text: str, title: str, body_from: int = 0, path: str | None = None) -> str | None:
    """The reporting community's canonical name, or None (masked, street level, several, none).

    ``text`` is the normalized text, ``title`` its title line and ``body_from`` where the body starts.

    >>> find_community("2022年工作总结\\n本社区现有党员73名。\\n东湖社区居民委员会\\n2022年12月28日", "2022年工作总结")
    '东湖社区'
    >>> find_community("xx社区2022年工作总结\\n东湖社区协助…", "xx社区2022年工作总结") is None
    True
    """
    voc = _vocab()
    in_title = _from_title(title)
    if in_title:
        return None if is_masked(in_title[0]) else canonical_name(in_title[0])
    if place_names(title, voc.street) or any(w in title for w in voc.street_level):
        return None  # a street's or township's own report
    if first_self_reference(text) not in (None, "community"):
        return None  # 我区各示范村…: a wider unit's review of its villages
    for found in (
        _from_signature(text),
        _from_self_reference(text),
        _from_opening(text, body_from),
        _most_frequent(text),
        _from_path(path),
    ):
        if found:  # only the title and the signature can be masked; the others skip masked names
            return None if is_masked(found[0]) else canonical_name(found[0])
    return None


_STREET_SIGNATURE_REST = re.compile(
    r"^(?:办事处|人民政府|党工委|党委|政府)?[\s（()）]*(?:(?:19|20)\d{2}\s*年[\d\s月日]*)?$"
)


def find_street(text: str, title: str) -> str | None:
    r"""The 街道/镇/乡: named in the title, else signing the report (长安街道办事处 / 2022年12月), else
    the first one named at least twice; without the divisions before it and without 办事处.

    >>> find_street("上半年工作总结\n全街道共有党员3260名。\n长安街道办事处\n2022年7月5日", "上半年工作总结")
    '长安街道'
    """
    voc = _vocab()
    after = street_after_divisions(title)
    if after:
        return after  # …杨浦区|长白新村街道: the division table marks where the street's name starts
    for name, _, _ in place_names(title, voc.street):
        if not is_masked(name):
            return strip_divisions(name.replace("办事处", ""))
    for line in (line.strip() for line in text.rstrip().split("\n")[-_SIGNATURE_LINES:]):
        if 0 < len(line) <= _SIGNATURE_MAX:
            for name, start, end in place_names(line, voc.street):
                if start == 0 and not is_masked(name) and _STREET_SIGNATURE_REST.match(line[end:]):
                    return strip_divisions(name.replace("办事处", ""))
    for name, _, _ in place_names(text, voc.street):
        short = name.replace("办事处", "")
        if not is_masked(name) and text.count(short) >= 2:
            return strip_divisions(short)
    return None
