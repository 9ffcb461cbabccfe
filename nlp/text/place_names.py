"""Place names: the nominal words before a unit suffix (东湖社区, 柳林村, 长安街道), canonical forms.

A name is nominal words before a unit suffix, read from the document's words (the shared Text's
segmentation, never a segmentation of its own): verb phrases (排查化解社区), number phrases (两个村)
and slogans (和谐社区) are no names, and a district or town written before it (太和镇玄真社区) is cut
off. Names are canonical: simplified script (the normalized text), 社区居委会/社区居民委员会 → 社区,
村民委员会/村委会 → 村.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from nlp.resources import load_toml
from nlp.text.divisions import after_divisions
from nlp.text.tokens import Word, pos_cut

_CANONICAL = (
    ("社区居民委员会", "社区"),
    ("社区居委会", "社区"),
    ("村民委员会", "村"),
    ("村委会", "村"),
    ("居委", "居委会"),  # 青桐居委, a 居委会's short name
)
_NAME_TAGS = ("n", "j", "l", "eng", "zg")
# A division's level word standing alone (某某区|青山|街道|青桐|社区): it ends the division before a
# name, never belongs to the name (rule name_after_divisions; the divisions before a name may be more
# than the one nlp/text/divisions.after_divisions cuts off).
_DIVISION_WORDS = frozenset({"街道", "街道办", "办事处", "镇", "乡", "区", "县", "市", "旗", "省"})  # zg: a bound morpheme the dictionary knows alone (石榴|湾, 上|垟)
# Rule locative_end: many names end in a locative the segmenter tags ``f`` (桂花里, 南门外, 河西);
# read as the name's last word. 上/下/前/后/中 are breaks (…领导下|社区), 内 reads a place's inside
# (辖区内|社区).
_UNIT_SUFFIX_HEADS = ("社区", "社區", "村", "居委", "居民委")
_COMMUNITY_HEADS = ("社区", "社區", "居委", "居民委")
# Rule village_only_generic: one-character generic ends that make a word only with 村 (乡村, 新村,
# 农村, 村村通); before 社区/居委会 they end names (侨乡社区, 水乡社区).
_VILLAGE_ONLY = frozenset("乡鄉新农農村")


def _generic(voc: _Vocab, suffix: str) -> tuple[str, ...]:
    """The generic ends no name of a unit with ``suffix`` has (meta.toml [place.generic])."""
    return _community_generic() if suffix.startswith(_COMMUNITY_HEADS) else voc.generic


@cache
def _community_generic() -> tuple[str, ...]:
    return tuple(g for g in place_vocab().generic if g not in _VILLAGE_ONLY)
_LOCATIVE_ENDS = frozenset({"里", "外", "东", "西", "南", "北", "门外", "城东", "城西", "城南", "城北"})
# 居委 ends a name only as an office's short form, not inside 居委会 or 居委委员.
_SHORT_OFFICES = {"居委": "居委(?![会會员員委])"}
# The words of text[start:end], as the document segments them.
Words = Callable[[int, int], tuple[Word, ...]]


@dataclass(frozen=True)
class _Vocab:
    community: re.Pattern[str]
    street: re.Pattern[str]
    breaks: str
    to_last_break: re.Pattern[str]  # matches up to the last of ``breaks``
    generic: tuple[str, ...]
    mask: str
    street_level: tuple[str, ...]
    name_stops: frozenset[str]
    generic_names: tuple[str, ...]
    subject_followers: tuple[str, ...]


def _alternation(words: list[str], patterns: dict[str, str] | None = None) -> str:
    """The words longest first, each escaped unless ``patterns`` gives its own pattern."""
    patterns = patterns or {}
    return "|".join(patterns.get(w, re.escape(w)) for w in sorted(words, key=len, reverse=True))


@cache
def place_vocab() -> _Vocab:
    place: dict[str, Any] = load_toml("meta.toml")["place"]
    return _Vocab(
        community=re.compile(
            rf"([^\s]{{1,8}}?)({_alternation(place['community_suffixes'], _SHORT_OFFICES)})"
            r"(?!街道|街道办|镇|鎮|乡|鄉)"
        ),
        street=re.compile(
            rf"([^\s]{{1,8}}?)({_alternation(place['street_suffixes'])})(?!{_alternation(place['street_not_before'])})"
        ),
        breaks=place["name_breaks"],
        # 年度 breaks as 年 does (20__年度|青桐社区): 度 alone is no break (度假村)
        to_last_break=re.compile(f".*(?:年度|[{re.escape(place['name_breaks'])}])", re.DOTALL),
        generic=tuple(place["generic"]),
        mask=place["mask_chars"],
        street_level=tuple(place["street_level"]),
        name_stops=frozenset(place["name_stops"]) | _DIVISION_WORDS,
        generic_names=tuple(place["generic_also_names"]),
        subject_followers=tuple(sorted(place["subject_followers"], key=len, reverse=True)),
    )


def canonical_name(name: str) -> str:
    """SPEC section 5's canonical form of a unit's name.

    >>> canonical_name("东湖社区居民委员会"), canonical_name("余岭村委会"), canonical_name("东湖居委会")
    ('东湖社区', '余岭村', '东湖居委会')
    >>> canonical_name("东湖居委")
    '东湖居委会'
    """
    for long, short in _CANONICAL:
        if name.endswith(long):
            stem = name[: -len(long)]
            return stem if stem.endswith(short) else stem + short  # 余岭村村民委员会 → 余岭村
    return name


def _name(prefix: str, suffix: str, voc: _Vocab, prefix_end: int, words: Words) -> str | None:
    """The place name ending in ``suffix``: the nominal words just before it (``prefix`` ends at
    ``prefix_end`` of the text ``words`` reads)."""
    last_break = voc.to_last_break.match(prefix)
    cut = break_in_name(prefix, last_break.end() - 1 if last_break else -1, prefix_end, words, voc)
    stem = after_divisions(prefix[cut + 1 :])
    masked = len(stem) - len(stem.rstrip(voc.mask))
    if masked:
        return stem[-masked:] + suffix
    generic = _generic(voc, suffix)
    if len(stem) < 2 or stem.endswith(generic):
        return None
    stem_words = words(prefix_end - len(stem), prefix_end)
    if cut >= 0 and stem == prefix[cut + 1 :]:  # the stem runs from a break to the suffix
        stem_words = _joined_single_chars(stem_words)
    kept = ""
    for word, flag in reversed(stem_words):
        # rule locative_end: 桂花|里|社区, 南|门外|社区 (a reporting unit's name; not a 小区's, read for scope)
        locative = not kept and word in _LOCATIVE_ENDS and suffix.startswith(_UNIT_SUFFIX_HEADS)
        if not (flag.startswith(_NAME_TAGS) or locative) or len(kept) + len(word) > 4 or word in voc.name_stops:
            break
        kept = word + kept
    kept = kept.removeprefix("中共")  # 中共东湖社区委员会 signs for 东湖社区
    if len(kept) < 2 or kept.endswith(generic) or motion_phrase(kept):
        return None
    return kept + suffix


# Rule break_in_name: the tags of a proper name the segmenter reads (向阳 nr, 中山 ns, 和平 nz, 新华社 nt).
_PROPER_TAGS = ("nr", "ns", "nz", "nt")


def break_in_name(prefix: str, cut: int, prefix_end: int, words: Words, voc: _Vocab) -> int:
    """Rule ``break_in_name``: the last break of ``prefix`` before a unit suffix, skipping a break
    character (向, 中, 和, 上 …: meta.toml ``name_breaks``) that the document's words join into a proper
    name with what follows it (其中|向阳|社区: the break is 中, not the 向 of 向阳); a scope word or a
    name stop (全市, 我们) never joins.

    >>> voc = place_vocab()
    >>> break_in_name("其中向阳", 2, 4, lambda s, e: pos_cut("其中向阳"[s:e]), voc)
    1
    >>> break_in_name("开展", -1, 2, lambda s, e: pos_cut("开展"[s:e]), voc)
    -1
    """
    start = prefix_end - len(prefix)
    while cut >= 0:
        first = words(start + cut, prefix_end)
        word, tag = first[0] if first else ("", "")
        if len(word) < 2 or not tag.startswith(_PROPER_TAGS) or word in voc.name_stops:
            break
        before = voc.to_last_break.match(prefix, 0, cut)
        cut = before.end() - 1 if before else -1
    return cut


def _joined_single_chars(words: tuple[Word, ...]) -> tuple[Word, ...]:
    """The words of a stem that runs from a break (是, 在, a comma …) to a unit suffix; a stem the
    segmenter leaves wholly in one-character words (two to four) is one unknown name (tagged ``nz``):
    where it knows no word, its HMM may cut an unknown name into single characters next to a
    one-character word (是|陡|咀|社区), while the break before and the suffix after mark a name.

    >>> _joined_single_chars((("陡", "a"), ("咀", "v")))
    (('陡咀', 'nz'),)
    >>> _joined_single_chars((("党课", "n"), ("带", "v"), ("进", "v")))
    (('党课', 'n'), ('带', 'v'), ('进', 'v'))
    """
    if 2 <= len(words) <= 4 and all(len(word) == 1 for word, _ in words):
        return (("".join(word for word, _ in words), "nz"),)
    return words


def is_masked(name: str) -> bool:
    return name[0] in place_vocab().mask


def place_names(
    text: str, pattern: re.Pattern[str] | None = None, words: Words | None = None, offset: int = 0
) -> list[tuple[str, int, int]]:
    """Candidate place names (name, start, end in ``text``) matched by ``pattern`` (default: community
    names). ``words`` gives the document's words of a span (``Text.words``), ``text`` starting at
    ``offset`` of that document; without it the stems are segmented alone (text outside a document).

    >>> [n for n, _, _ in place_names("我社区在阿娄社区党支部的带领下，和谐社区建设")]
    ['阿娄社区']
    >>> [n for n, _, _ in place_names("排查化解社区矛盾，两个村")]
    []
    """
    voc = place_vocab()
    if words is None:
        words, offset = (lambda s, e: pos_cut(text[s:e])), 0
    out = []
    for m in (pattern or voc.community).finditer(text):
        name = _name(m.group(1), m.group(2), voc, offset + m.end(1), words)
        if name:
            out.append((name, m.end() - len(name), m.end()))
    return out


# A title that opens with its unit's name (幸福里社区2023年工作总结, 2023年幸福里社区…): the words
# before the first unit suffix are the name, whatever their parts of speech.
_YEAR_HEAD = r"(?:(?:19|20)\d{2}|20[xX×_＿]{2}|[xX×_＿]{2,4})年度?"
_TITLE_HEAD = re.compile(
    rf"^(?:{_YEAR_HEAD})?(?:[\u4e00-\u9fff]{{2,6}}?(?:街道办事处|街道|镇|乡))?"  # 南苑街道|青枫里社区…
    r"([\u4e00-\u9fff]{2,6}?)(社区居委会|社区居民委员会|社区|居委会|村委会|村民委员会)"
)
# A village's title names it before the year or 关于 (石碾村2013年工作总结, 柳塘铺村关于…的自查报告): the
# words before 村 are its name even where the segmenter joins 村 to them.
_VILLAGE_HEAD = re.compile(
    rf"^(?:{_YEAR_HEAD})?(?:[\u4e00-\u9fff]{{2,6}}?(?:镇|乡))?"
    r"([\u4e00-\u9fff]{2,4}?)(村)(?=\s*(?:(?:19|20)\d{2}|\d{2}年|[二〇零一]{4}|关于|年度|上半年|下半年|工作))"
)
_TERM_OR_PARTY = re.compile(r"^(?:中共|第[\d一二三四五六七八九十]{1,3}届)+")
_OFFICE_FORMS = ("社区居委会", "社区居民委员会", "居委会", "村委会", "村民委员会", "村村民委员会", "村村委会")
_YEAR_AFTER = re.compile(r"\s*(?:(?:19|20)\d{2}|[二〇零一]{4}|20[xX×]{2})")
_NOT_IN_HEAD = ("年", "季度", "上半", "下半", "工作", "关于")


def title_head(title: str) -> str | None:
    """The unit a title opens with.

    >>> title_head("幸福里社区2023年工作总结"), title_head("社区工作总结")
    ('幸福里社区', None)
    >>> title_head("南苑街道青枫里社区居委会2016年工作总结"), title_head("上垟村村民委员会2018年工作报告")
    ('青枫里社区居委会', '上垟村村民委员会')
    >>> title_head("石碾村2013年工作总结"), title_head("柳塘铺村关于2015年度村务公开的自查报告"), title_head("农村2013年")
    ('石碾村', '柳塘铺村', None)
    >>> title_head("2021年团结村工作总结"), title_head("2021年新农村工作总结"), title_head("2021年示范村工作总结")
    ('团结村', None, None)
    >>> title_head("和谐社区2021年工作总结"), title_head("幸福社区居民委员会"), title_head("和谐社区建设工作总结")
    ('和谐社区', '幸福社区居民委员会', None)
    >>> title_head("新型农村社区建设情况汇报"), title_head("石桥村社区2022年工作总结")
    (None, '石桥村社区')
    """
    voc = place_vocab()
    title = title.lstrip("—-－─― ")  # a subtitle (——石榴湾社区2017年…材料) names its unit the same way
    m = _TITLE_HEAD.match(title) or _VILLAGE_HEAD.match(title)
    if not m:
        return None
    stem, suffix = m.group(1), m.group(2)
    generic = _generic(voc, suffix)
    if suffix.startswith("村") and stem.endswith("村") and len(stem) > 2:
        stem, suffix = stem[:-1], "村" + suffix  # 上垟村|村民委员会: the village's own 村 before its office
        generic = tuple(g for g in generic if len(g) > 1)  # written out, 杨新村村委会 is a name (新 ends 江南新村)
    elif suffix == "社区" and stem.endswith("村") and len(stem) > 2 and not stem[:-1].endswith(voc.generic):
        # rule village_community: 石桥村社区, a village made a community; its village part is read with a
        # village's generic ends (新型农|村社区 is 新型农村社区, a phrase)
        stem, suffix = stem[:-1], "村社区"
    stem = _TERM_OR_PARTY.sub("", after_divisions(stem))  # 中共|东湖社区…, 第九届|东湖居委会…
    if len(stem) < 2:
        return None
    # rule generic_name: 和谐社区居民委员会, 和谐社区2021年…: a generic word that is also a name
    named = stem in voc.generic_names and (suffix in _OFFICE_FORMS or _YEAR_AFTER.match(title, m.end()))
    if (stem.endswith(generic) and not named) or stem[-1] in voc.mask or any(w in stem for w in _NOT_IN_HEAD):
        return None
    if motion_phrase(stem):
        return None
    return stem + suffix


# Rule motion_phrase: a verb of going (进, 回, 到, 入, 驻) before a unit makes a verb phrase (服务进社区,
# 在职党员回社区, 送法进村), not a name; two-character words ending so are names' words (前进, 跃进,
# 东进社区 has one character before 进).
_MOTION = frozenset("进進回到入驻駐")
# Characters that make a verb phrase of a verb of going after them (使驻, 派驻, 让回, 请进).
_CAUSATIVE = frozenset("使让讓被把将將派请請已再")


def motion_phrase(stem: str) -> bool:
    """Whether ``stem`` (the characters before 社区/村) ends in a verb of going that makes it a phrase.

    >>> motion_phrase("服务进"), motion_phrase("在职党员回"), motion_phrase("新跃进"), motion_phrase("东进"), motion_phrase("使驻")
    (True, True, False, False, True)
    """
    if len(stem) < 2 or stem[-1] not in _MOTION:
        return False
    if len(stem) == 2:
        return stem[0] in _CAUSATIVE  # 使驻村, 派驻社区: a verb phrase of two characters
    last = pos_cut(stem)[-1][0]
    return len(last) != 2


# Rule clause_head_name: a name opening a clause (after a clause's punctuation or at a line's start),
# 2-4 characters before its suffix, read whatever the segmenter tags them (胜利|v社区, 团结|v村), when
# the clause goes on with its subject (meta.toml [place.subject_followers]).
_CLAUSE_HEAD = re.compile(r"(?:^|(?<=[，,。；;：:\n！!？?]))([\u4e00-\u9fff]{2,4}?)(社区|居委会|村)", re.MULTILINE)


# Characters no name holds (a particle, a measure word), and determiners that open no name (各社区,
# 该村, 某村); the breaks of a noun run (和, 前, 中 …) may start a name read this way (和平, 前进, 中心).
_NEVER_IN_NAME = "的了个这那其们"
_DETERMINERS = "本我该各全每此某"


def clause_head_names(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Names opening a clause of ``text`` and going on as its subject, as (name, start, end).

    >>> clause_head_names("一年来，胜利社区在街道党工委的领导下，团结村位于镇西部")
    [('胜利社区', 4, 8), ('团结村', 19, 22)]
    >>> clause_head_names("一年来，创建和谐社区在全街道推开，部分社区开展了活动"), clause_head_names("各社区在街道领导下")
    ([], [])
    >>> clause_head_names("一年来，和平社区在街道领导下"), clause_head_names("我们的社区在…")
    ([('和平社区', 4, 8)], [])
    """
    voc = place_vocab()
    out = []
    for m in _CLAUSE_HEAD.finditer(text):
        stem = m.group(1)
        if any(c in _NEVER_IN_NAME for c in stem) or stem[0] in _DETERMINERS or stem.endswith(_generic(voc, m.group(2))):
            continue
        if stem[-1] in voc.mask or not text.startswith(voc.subject_followers, m.end()) or motion_phrase(stem):
            continue
        out.append((stem + m.group(2), offset + m.start(1), offset + m.end()))
    return out


def title_names(title: str, words: Words | None = None, offset: int = 0) -> list[str]:
    """The units a title names, the one it opens with first.

    >>> title_names("白沙镇红旗村2022年工作总结")
    ['红旗村']
    """
    names = [n for n, _, _ in place_names(title, words=words, offset=offset)]
    head = title_head(title)
    if head and names and head != names[0] and head.endswith(names[0]):
        names[0] = head  # 东方明珠花园社区: the title's head reads a name longer than four characters
    elif head and not any(head.endswith(n) or n.endswith(head) for n in names):
        names.insert(0, head)
    return names

