"""Who a report is about: the reporting unit (社区, 居委会, 村, 街道, 镇, 乡) and its street.

The community comes from the first source that names one (SPEC section 5):

1. the **title** (幸福里社区2023年工作总结, 2023年东湖社区…);
2. the **signature** lines at the end (东湖社区居民委员会 / 2022年12月28日; nlp/text/signature.py);
3. the unit that **本社区/我村/该社区** refers to: the name just before the first self-reference;
4. the **opening** lines: the first name there when the text names it again or it acts in its
   clause (…，柳湾社区开展了垃圾分类宣传);
5. the **path**: a folder or file name naming a unit (rule path_before_frequency, meta15);
6. the name the text uses **most often**, when one stands out.

Names are read by nlp/text/place_names.py from the document's own words. A masked name (xx社区)
stops the search: the unit stays unknown. A report whose title is at street or township level has
no community. The level of a report is nlp/text/levels.py's; districts come from the national
division table (nlp/text/divisions.py, from the ``cpca`` package); streets (街道/镇/乡) are below
that table's level and are read by pattern.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import PurePath

from nlp.resources import load_toml
from nlp.text.divisions import street_after_divisions, strip_divisions
from nlp.text.levels import first_self_reference
from nlp.text.place_names import (
    Words,
    canonical_name,
    clause_head_names,
    is_masked,
    place_names,
    place_vocab,
    title_names,
)
from nlp.text.signature import (
    ORDINAL,
    SIGNATURE_MAX,
    last_lines,
    letterhead_line,
    letterhead_unit,
    signature_unit,
    unit_line,
)

# Importers of place_names through this module keep working (nlp/figures/scope.py, resolve.py).
__all__ = ["canonical_name", "find_community", "find_street", "is_masked", "place_names"]

# The words a report calls its own unit by: 我社区, 本村, and a 居委会's and 村委会's short forms
# (我居, 本居委, 我村委会); 我居住/本居民 are no self-reference.
_SELF = re.compile(r"[本我该](?:社区|村|居委会|居委|居(?![住民]))")

_OPENING_CHARS = 160
_OPENING_OWN = 20  # an opening before the first section at least this long is read alone
# Rule opening_subject: a name that starts a clause of the opening is what the clause is about
# (…，青桐社区在…领导下 / 青桐社区辖区面积… / 青桐社区两委班子…), unless a list of units starts there
# (青桐社区、银杏社区…); a name right after 我们 is the unit naming itself (我们青桐社区…).
_LIST_JOINERS = "、和与及同跟等"
_SELF_BEFORE = ("我们", "咱们")
# A masked name stops the search only when a verb follows it (…，XX社区开展了…): a page that masks
# its unit once (XX社区新获得…) may name it elsewhere.
_MASKED_ACTING_TAGS = ("v",)
# What precedes a name that starts its clause ("" at the start of the text).
_CLAUSE_STARTS = ("", "，", ",", "。", "；", ";", "：", ":", "\n", "！", "？")


def _from_self_reference(text: str, words: Words | None) -> list[str]:
    m = _SELF.search(text)
    if not m:
        return []
    at = max(0, m.start() - 80)
    before = [n for n, _, _ in place_names(text[at : m.start()], words=words, offset=at) if not is_masked(n)]
    return before[-1:]


def _from_opening(text: str, body_from: int, words: Words | None, opening_end: int | None = None) -> list[str]:
    """The first name of the opening, when the text names it again or it acts in its clause. A masked
    name that acts (…，XX社区进行了…) is the reporting unit masked: it stops the search (unknown).

    Rule opening_before_sections: when the body has an opening of its own before the first section
    (``opening_end``), that opening is read, not the sections after it (…协助红星社区开展… in
    section 二 is no opening); a body that starts with a heading is read from the start."""
    end = body_from + _OPENING_CHARS
    if opening_end is not None and opening_end - body_from >= _OPENING_OWN:
        end = min(end, opening_end)
    opening = text[body_from:end]
    nominal = place_names(opening, words=words, offset=body_from)
    # rule clause_head_name: a name whose words the segmenter tags otherwise (胜利|v社区在…)
    heads = [(n, s - body_from, e - body_from) for n, s, e in clause_head_names(opening, body_from)]
    heads = [h for h in heads if not any(s < h[2] and h[1] < e for _, s, e in nominal)]
    for name, start, end in sorted(nominal + heads, key=lambda found: found[1]):
        acts = _acts(text, body_from + start, body_from + end, words)
        if is_masked(name):
            if acts and _followed_by(text, body_from + end, words, _MASKED_ACTING_TAGS):
                return [name]
            continue
        if text.count(name) >= 2 or acts:
            return [name]
        return []
    return []


@cache
def _office_holder() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Rule office_holder (meta.toml [place.office_holder_before]): the words before a unit's name in
    a speaker's post (我是|青桐社区|党委书记), and the offices and roles that may follow the name."""
    place = load_toml("meta.toml")["place"]
    posts = tuple(place["signature_offices"]) + tuple(place["signature_roles"])
    return tuple(place["office_holder_before"]), posts


def _acts(text: str, start: int, end: int, words: Words | None) -> bool:
    """Whether the name at ``text[start:end]`` is its clause's subject (rule opening_subject): it
    starts the clause (…，震川社区进行了…) and no list of units starts with it, unlike an object
    (协助红星社区开展…); or it is the unit of the post the speaker holds (rule office_holder: 我是
    青桐社区党委书记, 现任青桐村党支部书记)."""
    before = text[:start].rstrip(" \t\u3000")
    holder_words, posts = _office_holder()
    if before.endswith(holder_words):
        ordinal = re.match(ORDINAL, text[end : end + 4])  # 我是东湖社区|第五网格的网格员
        if text.startswith(posts, end + (ordinal.end() if ordinal else 0)):
            return True
    if words is not None and before == text[:start] and before.endswith(_STREET_ENDS):
        # rule street_pair_subject: a street or town written right before the name (东城街道|东湖社区位于…)
        # is the name's address: the pair starts the clause when the street does
        reach = max(0, start - _STREET_REACH)
        for _, s_start, s_end in place_names(text[reach:start], place_vocab().street, words, reach):
            if reach + s_end == start:  # (spans are the slice's)
                before = text[: reach + s_start].rstrip(" \t\u3000")
                break
    if words is None or not (before[-1:] in _CLAUSE_STARTS or before.endswith(_SELF_BEFORE)):
        return False
    after = words(end, min(len(text), end + 4))
    return bool(after) and after[0][0][0] not in _LIST_JOINERS


_STREET_REACH = 12
_STREET_ENDS = ("街道", "镇", "乡", "办事处", "街道办")


def _street_leads_opening(text: str, body_from: int, words: Words | None, opening_end: int | None) -> bool:
    """Rule street_subject: the opening is about a 街道/镇/乡 when one starts its clause before any
    community is named (青山街道辖区面积12平方公里，下辖青桐社区…; 上半年，青山镇在…): the street's
    or town's own report, its communities are parts. A street written before its community's name
    (青山街道青桐社区位于…) is that community's address."""
    if words is None:
        return False
    end = body_from + _OPENING_CHARS
    if opening_end is not None and opening_end - body_from >= _OPENING_OWN:
        end = min(end, opening_end)
    opening = text[body_from:end]
    streets = [n for n in place_names(opening, place_vocab().street, words, body_from) if not is_masked(n[0])]
    communities = place_names(opening, words=words, offset=body_from)
    if not streets:
        return False
    name, start, stop = streets[0]
    if communities and communities[0][1] < start:
        return False
    if any(c_start == stop for _, c_start, _ in communities):
        return False  # 青山街道|青桐社区: the community's address
    return _acts(text, body_from + start, body_from + stop, words)


def _followed_by(text: str, end: int, words: Words | None, tags: tuple[str, ...]) -> bool:
    after = words(end, min(len(text), end + 4)) if words is not None else ()
    return bool(after) and after[0][1].startswith(tags)


def _most_frequent(text: str, words: Words | None) -> list[str]:
    names = place_names(text, words=words)
    real = Counter({n: text.count(n) for n, _, _ in names if not is_masked(n)})
    masked = sum(1 for n, _, _ in names if is_masked(n))
    ranked = [(n, c) for n, c in real.most_common() if c >= 2] or (real.most_common() if len(real) == 1 else [])
    if not ranked:
        return []
    top, count = ranked[0]
    if masked > count or (len(ranked) >= 3 and count < 2 * ranked[1][1]):
        return []  # masked more often than named, or a review of several communities
    if len(ranked) >= 2 and count == ranked[1][1]:
        return []  # rule frequent_name: two names as often as each other, neither stands out
    return [top]


def _from_path(path: str | None) -> list[str]:
    """A folder or file name naming a unit (a name outside the document: segmented on its own)."""
    if not path:
        return []
    parts = PurePath(path.replace("\\", "/").replace("!", "/")).parts
    for part in reversed(parts):
        names = [n for n, _, _ in place_names(PurePath(part).stem)]
        if names:
            return names[:1]
    return []


def _title_words(text: str, title: str, title_at: int, words: Words | None) -> Words | None:
    """The document's words for the title when the title is read as it stands at ``title_at``; a
    title read otherwise (joined from two lines, letter spacing dropped) is segmented alone."""
    return words if title and text[title_at : title_at + len(title)] == title else None


def find_community(
    text: str,
    title: str,
    body_from: int = 0,
    path: str | None = None,
    words: Words | None = None,
    title_at: int = 0,
    opening_end: int | None = None,
) -> str | None:
    """The reporting community's canonical name, or None (masked, street level, several, none).

    ``text`` is the normalized text, ``title`` its title line (at ``title_at``), ``body_from`` where
    the body starts, ``opening_end`` where its first section starts (None: unknown) and ``words``
    the document's words of a span of ``text`` (``Text.words``).

    >>> find_community("2022年工作总结\\n本社区现有党员73名。\\n东湖社区居民委员会\\n2022年12月28日", "2022年工作总结")
    '东湖社区'
    >>> find_community("xx社区2022年工作总结\\n东湖社区协助…", "xx社区2022年工作总结") is None
    True
    """
    voc = place_vocab()
    words_of_title = _title_words(text, title, title_at, words)
    in_title = title_names(title, words_of_title, title_at)
    if in_title and _joint(title, in_title):
        return None  # rule joint_title: 金桥社区、梅园社区…联合…总结 covers several units (GUIDELINES)
    if in_title:
        return None if is_masked(in_title[0]) else canonical_name(in_title[0])
    if place_names(title, voc.street, words_of_title, title_at) or any(w in title for w in voc.street_level):
        return None  # a street's or township's own report
    # Rule signer_before_self_reference: a unit signing (or heading) the report wrote it, whatever
    # wider unit the text names itself by first (我市正式施行…条例。…我社区…).
    for found in (letterhead_unit(text, title_at, words) if title else [], signature_unit(text, words)):
        if found:  # a title, a signature and an acting name of the opening can be masked
            return None if is_masked(found[0]) else canonical_name(found[0])
    if first_self_reference(text) not in (None, "community"):
        return None  # 我区各示范村…: a wider unit's review of its villages
    found = _from_self_reference(text, words)
    if found:
        return None if is_masked(found[0]) else canonical_name(found[0])
    if _street_leads_opening(text, body_from, words, opening_end):
        return None
    # rule path_before_frequency: a file or folder name that names a unit (湖光社区2022年工作总结.docx)
    # was chosen by whoever filed the report; the name the text uses most often is only a guess (a
    # verb phrase 动员社区, a neighbouring village the body discusses)
    for found in (_from_opening(text, body_from, words, opening_end), _from_path(path), _most_frequent(text, words)):
        if found:
            return None if is_masked(found[0]) else canonical_name(found[0])
    return None


def _joint(title: str, names: list[str]) -> bool:
    """Whether a title lists two different units side by side (甲社区、乙社区…; 甲村与乙村…).

    >>> _joint("金桥社区、梅园社区2023年联合党建工作总结", ["金桥社区", "梅园社区"]), _joint("金桥社区2023年工作总结", ["金桥社区"])
    (True, False)
    """
    for first in names:
        for second in names:
            if canonical_name(first) != canonical_name(second) and re.search(
                rf"{re.escape(first)}\s*[{_LIST_JOINERS}]\s*{re.escape(second)}", title
            ):
                return True
    return False


# Words placing a unit in a street or town (东湖社区隶属长安街道, 红旗村位于白沙镇东部).
_PLACING = ("隶属", "隶属于", "属于", "位于", "地处", "坐落于", "坐落在", "地处于")

_STREET_SIGNATURE_REST = re.compile(
    r"^(?:办事处|人民政府|党工委|党委|政府)?[\s（()）]*(?:(?:19|20)\d{2}\s*年[\d\s月日]*)?$"
)


def find_street(
    text: str,
    title: str,
    words: Words | None = None,
    title_at: int = 0,
    body_from: int | None = None,
    community: str | None = None,
) -> str | None:
    r"""The 街道/镇/乡: named in the title, else on the letterhead line above it (长安街道东湖社区居民委员会),
    else signing the report (长安街道办事处 / 2022年12月), else the first one the opening of the body
    places the ``community`` in (``body_from``: 东湖社区隶属长安街道…), else the first one named at least twice; without the
    divisions before it and without 办事处.

    >>> find_street("上半年工作总结\n全街道共有党员3260名。\n长安街道办事处\n2022年7月5日", "上半年工作总结")
    '长安街道'
    >>> find_street("东湖社区工作总结\n东湖社区隶属长安街道，辖区面积2平方公里。", "东湖社区工作总结", body_from=9, community="东湖社区")
    '长安街道'
    """
    voc = place_vocab()
    after = street_after_divisions(title)
    if after:
        return after  # …杨浦区|长白新村街道: the division table marks where the street's name starts
    for name, _, _ in place_names(title, voc.street, _title_words(text, title, title_at, words), title_at):
        if not is_masked(name):
            return strip_divisions(name.replace("办事处", ""))
    letterhead = letterhead_line(text, title_at)
    for at, line in ([letterhead] if letterhead else []) + last_lines(text):
        if 0 < len(line.strip()) <= SIGNATURE_MAX:
            for name, start, end in place_names(line, voc.street, words, at):
                rest = line[end:]
                if start == 0 and not is_masked(name) and (_STREET_SIGNATURE_REST.match(rest) or unit_line(rest, at + end, words)):
                    return strip_divisions(name.replace("办事处", ""))
    if body_from is not None and community is not None:
        # rule opening_street: the street or town a community's opening places it in (隶属长安街道, 位于
        # 白沙镇), or writes before its name (白沙镇红旗村…) when the text names that street again (a
        # name read once before another may have taken a word of the sentence: 委任|白沙镇)
        opening = text[body_from : body_from + _OPENING_CHARS]
        for name, start, end in place_names(opening, voc.street, words, body_from):
            address = opening.startswith(community, end) and text.count(name) >= 2
            placed = opening[:start].endswith(_PLACING) or address
            if not is_masked(name) and placed:
                return strip_divisions(name.replace("办事处", ""))
    for name, _, _ in place_names(text, voc.street, words):
        short = name.replace("办事处", "")
        if not is_masked(name) and text.count(short) >= 2:
            return strip_divisions(short)
    return None

