"""Scope: whose figure a fact is — the reporting unit's own (``unit``), one of its parts (``part``),
a wider area's (``wider``) or an unrelated unit's (``other``), SPEC section 3.

Read from the last place named before the figure, judged against the level the report is written
at: place words are data (``nlp/resources/scopes.csv``: 全市 is wider in a community's report and the
unit in a city's); a named 小区/网格/村民小组 is a part; a named 社区/村 is another unit in a
community's report and a part in a township's.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from nlp.errors import ResourceError
from nlp.records import Scope
from nlp.resources import load_csv, load_toml
from nlp.text.place_names import Words, place_names

LEVELS = ("community", "township", "county", "city", "province")
# A named place before a figure: a name and the kind of place (幸福小区, 阿娄社区), read like the
# report's own unit (nlp/text/identity.py place_names: nominal words, no generic or masked stem); or
# a numbered part (三组, 第2网格) that does not follow a number and classifier (27个村民小组 is counted).
# 居委 is the short form of 居委会 a street's review names its committees by (和平居委, 建新居委).
PLACE_KINDS = ("社区", "居委会", "居委", "村民小组", "居民小组", "小区", "网格", "楼栋", "片区", "自然村", "村")
# The kinds that can be the reporting unit itself (a masked one may be the report's own masked name).
UNIT_KINDS = ("社区", "居委会", "居委", "村")
NAMED_PLACE = re.compile(rf"([^\s]{{1,8}}?)({'|'.join(PLACE_KINDS)})")
_NUMBERED_PART = re.compile(r"(?<![0-9一二三四五六七八九十个名户支座处])第?[0-9一二三四五六七八九十]+(?:组|村民小组|居民小组|网格|片区|号楼)")
_ANY_KIND = re.compile("|".join(PLACE_KINDS))


def named_places(text: str, words: Words | None = None, offset: int = 0) -> list[tuple[str, int, int]]:
    """``place_names(text, NAMED_PLACE, words, offset)``, found at once to be none when no kind of
    place follows the first character (a name comes before its kind): most text before a figure.

    >>> named_places("丽景小区有党员"), named_places("小区有党员")
    ([('丽景小区', 0, 4)], [])
    """
    if _ANY_KIND.search(text, 1) is None:
        return []
    return place_names(text, _named_place(), words, offset)


@cache
def _named_place() -> re.Pattern[str]:
    """``NAMED_PLACE`` unless a person suffix follows the kind (rule ``role_not_place``, resolution.toml
    ``[role_not_place]``): 专职网格员, 楼栋长 name a role, not a place named 专职 or 楼.

    >>> named_places("社区有专职网格员9名"), named_places("丽景小区长期坚持"), named_places("丽景小区长3名")
    ([], [('丽景小区', 0, 4)], [])
    """
    data = load_toml("resolution.toml")["role_not_place"]
    roles = "|".join(
        re.escape(suffix) + (f"(?![{''.join(data['not_before'].get(suffix, []))}])" if suffix in data["not_before"] else "")
        for suffix in data["suffixes"]
    )
    return re.compile(rf"{NAMED_PLACE.pattern}(?!{roles})")


# A place in an agent phrase leads, it does not own the figure (在街道党工委的领导下，社区开展活动20次).
_AGENT_PHRASE = re.compile(r"(?:在|按照|根据)[^，,。；;]{0,24}?(?:领导|指导|支持|帮助|部署|关心|带领|推动|协调|要求|安排)下?")
# A place that only locates the unit owns none of its figures either (社区地处城东街道东北部，共有居民
# 2870户; 隶属于…街道; 东与…村相邻): the phrase runs from its verb to the end of its clause.
_LOCATION_PHRASE = re.compile(
    r"(?:地处|位于|坐落于|坐落在|地属|隶属于|隶属)[^，,。；;]{1,24}"
    r"|[东南西北]?与[^，,。；;]{1,16}?(?:相邻|相连|接壤|毗邻|交界|相望)"
)
# What each phrase above (and ``_NUMBERED_PART``) cannot match without: one search decides whether
# the phrase is looked for at all.
_AGENT_OPENING = re.compile("在|按照|根据")
_LOCATING = re.compile("地处|位于|坐落|地属|隶属|与")
_NUMBERED_KIND = re.compile("组|网格|片区|号楼")


@cache
def _scope_words() -> dict[str, dict[str, Scope]]:
    """Place word → report level → scope."""
    scopes: dict[str, dict[str, Scope]] = {}
    for line, row in load_csv("scopes.csv", ("word", *(f"in_{level}" for level in LEVELS), "example")):
        if not row["example"]:
            raise ResourceError("scopes.csv", line, f"place word {row['word']!r} has no example")
        try:
            scopes[row["word"]] = {level: Scope(row[f"in_{level}"]) for level in LEVELS}
        except ValueError as exc:
            raise ResourceError("scopes.csv", line, str(exc)) from None
    return scopes


def scope_of(
    before: str,
    level: str | None,
    own: str | None = None,
    default: Scope | None = Scope.UNIT,
    words: Words | None = None,
    offset: int = 0,
) -> Scope | None:
    """Whose figure it is, from the last place named in ``before`` (the sentence up to the figure).

    ``words`` gives the document's words of a span (``Text.words``) and ``offset`` where ``before``
    starts in that document, so that place names are read from the document's segmentation; without
    them ``before`` is segmented alone (a string outside a document).

    >>> scope_of("全市城市低保", "community").value, scope_of("全镇共有党员", "township").value
    ('wider', 'unit')
    >>> scope_of("丽景小区有党员", "community").value, scope_of("社区现有党员", "community").value
    ('part', 'unit')
    >>> scope_of("社区地处城东街道东北部，共有居民", "community").value
    'unit'
    >>> scope_of("开展“全国助残日”活动，上门慰问残疾人", "community").value
    'unit'
    """
    level = level if level in LEVELS else "community"
    # (each rewrite only where the word it needs is written: most text before a figure has none)
    if _AGENT_OPENING.search(before):
        before = _AGENT_PHRASE.sub(_blank, before)
    if _LOCATING.search(before):
        before = _LOCATION_PHRASE.sub(_blank, before)
    best_end, best = -1, default
    # a wider area inside a quoted name is a campaign's name, no owner (开展“全国助残日”活动)
    unquoted = _QUOTED_WIDER.sub(_blank, before) if "全" in before else before
    last = _last_scope_word().search(unquoted[::-1])  # the place word ending last
    if last is not None:
        best_end, best = len(before) - last.start(), _scope_words()[last.group()[::-1]][level]
        if level == "community" and _COUNTED_UNITS.search(before, 0, best_end) and before.startswith(_SUMMING, best_end):
            best = Scope.WIDER  # rule ``counted_units``: 街道下辖12个社区共有党员2600名 sums several units
    for name, _, end in named_places(before, words, offset):
        if end < best_end:  # a named place wins over its bare kind word
            continue
        kind = next(k for k in PLACE_KINDS if name.endswith(k))
        if name[0] in "xX×*＊":
            if masked_part(kind, level):
                best_end, best = end, Scope.PART
            continue
        if kind in UNIT_KINDS:
            if level == "community" and own and not _same_unit(name, own):
                best_end, best = end, Scope.OTHER
            elif level == "community" and not own and len(name) > len(kind) + 1:
                best_end, best = end, Scope.PART  # a report whose own name is masked lists its parts
            elif level in ("township", "county"):
                best_end, best = end, Scope.PART
        else:
            best_end, best = end, Scope.PART
    if _NUMBERED_KIND.search(before):
        for m in _NUMBERED_PART.finditer(before):
            if m.end() > best_end:
                best_end, best = m.end(), Scope.PART
    return best


def masked_part(kind: str, level: str) -> bool:
    """Rule ``masked_part``: a place whose name is masked (****小区, XX村) is still a part when its kind
    is never the report's own unit at the report's level: a 小区, 网格 or 村民小组 in any report, a 村
    or 社区 in a township's or county's (据统计，XX村有低保户27户 in a 乡's survey). A masked 社区/村 in
    a community's report may be the report's own masked name: it names no owner.

    >>> masked_part("小区", "community"), masked_part("村", "township"), masked_part("社区", "community")
    (True, True, False)
    """
    return kind not in UNIT_KINDS or level in ("township", "county")


# Several units of a community's own level counted before its figure (下辖12个社区, 全镇8个村): their sum
# is a wider area's, in a community's report.
_COUNTED_UNITS = re.compile(r"(?:[0-9]+|[两几一二三四五六七八九十]+)个(?:社区|村|居委会|行政村)$")
# What follows counted units when the figure sums them (12个社区|共有党员), not when the unit acts with
# them (与周边3个社区|联合开展活动).
_SUMMING = ("共", "合计", "总", "累计", "中", "的", "有", "现有", "均")
_QUOTED_WIDER = re.compile(r"[“《「][^“”《》「」]{0,12}全[国省市区县][^“”《》「」]{0,16}[”》」]")


def _blank(match: re.Match[str]) -> str:
    """A clause mark for every character of a phrase that names no owner (offsets stay put)."""
    return "，" * len(match.group(0))


@cache
def _last_scope_word() -> re.Pattern[str]:
    """The place words of scopes.csv written backwards, in file order: searched in a reversed text, the
    first match is the word that ends last, the first listed of those ending there."""
    return re.compile("|".join(re.escape(word[::-1]) for word in _scope_words()))


def _same_unit(name: str, own: str) -> bool:
    """Whether a place named in the text is the report's own unit: the name's first two characters
    decide, so 阿娄社区居委会, 阿娄社区 and a traditional-script 阿娄社區 are one unit."""
    return name[:2] == own[:2]


def strip_leading(text: str, words) -> str:
    """``text`` without the words of ``words`` it starts with, repeatedly, never down to nothing
    (the first word in ``words`` order that starts it goes first).

    >>> strip_leading("全县各类活动", ("全县", "各类")), strip_leading("全县", ("全县",))
    ('活动', '全县')
    """
    return strip_indexed(text, by_first_char(tuple(words)))


@lru_cache(maxsize=64)
def by_first_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """``words`` grouped by their first character, each group in ``words`` order."""
    index: dict[str, list[str]] = {}
    for word in words:
        if word:
            index.setdefault(word[0], []).append(word)
    return {first: tuple(group) for first, group in index.items()}


# A character that binds the word before it into a new one (群众性赛事活动 is no 群众|性赛事活动).
_BOUND_SUFFIXES = "性"


def strip_indexed(text: str, index: dict[str, tuple[str, ...]]) -> str:
    """``strip_leading`` over words grouped by ``by_first_char``: only the words that can start
    ``text`` are tried; a word that 性 binds to what follows stays (群众性赛事活动).

    >>> strip_indexed("群众性赛事活动", {"群": ("群众",)}), strip_indexed("群众文艺活动", {"群": ("群众",)})
    ('群众性赛事活动', '文艺活动')
    """
    while text:
        for word in index.get(text[0], ()):
            if text.startswith(word) and len(text) > len(word) and text[len(word)] not in _BOUND_SUFFIXES:
                text = text[len(word) :]
                break
        else:
            break
    return text


def strip_ordinal(noun: str, to_nothing: bool = False) -> str:
    """A counted noun without the label of a list item it starts with (一是|投资, 其次|新增): the label
    orders the report's points, it names no kind (``[ordinal_labels]`` of resolution.toml).

    >>> strip_ordinal("一是投资"), strip_ordinal("第二批党员"), strip_ordinal("二是"), strip_ordinal("二是", True)
    ('投资', '第二批党员', '二是', '')
    """
    if noun[:1] in _ORDINAL_FIRSTS:
        for label in _ordinal_labels():
            if noun.startswith(label) and (to_nothing or len(noun) > len(label)):
                return noun[len(label) :]
    return noun


_ORDINAL_FIRSTS = frozenset("一二三四五六七八九十首其再最另此")


@cache
def _ordinal_labels() -> tuple[str, ...]:
    return tuple(sorted(load_toml("resolution.toml")["ordinal_labels"]["words"], key=len, reverse=True))


@lru_cache(maxsize=16384)  # counted nouns recur all through a batch
def strip_scope_words(noun: str) -> str:
    """A counted noun without the place words it starts with.

    >>> strip_scope_words("全县低保户"), strip_scope_words("全市"), strip_scope_words("低保户")
    ('低保户', '全市', '低保户')
    """
    return strip_indexed(noun, _scope_index())


@cache
def _scope_index() -> dict[str, tuple[str, ...]]:
    return by_first_char(tuple(_scope_words()))


def is_scope_word(word: str) -> bool:
    """Whether ``word`` is a place word of ``scopes.csv`` (全镇, 本社区 …).

    >>> is_scope_word("全镇"), is_scope_word("全镇党员")
    (True, False)
    """
    return word in _scope_words()
