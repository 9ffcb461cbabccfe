"""Indicator resolution: which measure a figure is a value of, which part of it, and whose figure it is.

The decision reads, for each figure:

- the **counted noun** (the fact's subject) and its **unit**: the longest synonym of the indicator
  table the noun ends with names the measure (低保户 … 户 → low_income_households);
- the noun's **modifiers**, the words before that synonym: a breakdown marker
  (``nlp/resources/breakdowns.csv``: 女, 流动, 城市, 60岁以上, 新增 …) makes the figure a part of the
  measure; a word that leaves it whole (``resolution.toml``: 全体, 各类, 辖区 …) changes nothing; any
  other word makes it another measure (贫困人口 is not population_total) or, for measures counted by
  kind (活动, 培训, 纠纷 …), names a kind of it (文艺演出 3场 → activities_held {"kind": "文艺演出"});
- the **verb** in front: a verb of the table makes its measure whatever noun follows (走访 … 户 →
  households_visited); a verb that brings people to something makes a count of people a count of
  participants, no stock of the community (组织党员50名参观);
- the **clause**: a change word right before the noun (新增低保5户) is a part; a figure in a 其中
  clause that names only a part (其中男性1450人) is that part of the measure before it;
- the **place** named before the figure in its sentence, judged against the level of the report
  (``scopes.csv``): 全市 in a community's report is ``wider``, a 小区 or 网格 is a ``part``, another
  community named in a community's report is ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from nlp.errors import ResourceError
from nlp.figures.indicators import Indicator, by_id, indicators
from nlp.records import BREAKDOWN_DIMENSIONS, Scope
from nlp.resources import load_csv, load_toml
from nlp.text.identity import place_names

LEVELS = ("community", "township", "county", "city")
_AGE = re.compile(
    r"[0-9一二三四五六七八九十]+(?:周岁|岁)(?:以上|以下|及以上|及以下|(?:至|到|-|—|～|~)[0-9一二三四五六七八九十]+(?:周岁|岁))?"
    r"|[0-9]{2}后"
)
_SENTENCE_BREAKS = "。；;！!？?\n"
_CLAUSE_BREAKS = _SENTENCE_BREAKS + "，,：:、"
# A named place before a figure: a name and the kind of place (幸福小区, 阿娄社区), read like the
# report's own unit (nlp/meta.py place_names: nominal words, no generic or masked stem); or a
# numbered part (三组, 第2网格) that does not follow a number and classifier (27个村民小组 is counted).
_PLACE_KINDS = ("社区", "居委会", "村民小组", "居民小组", "小区", "网格", "楼栋", "片区", "自然村", "村")
_NAMED_PLACE = re.compile(rf"([^\s]{{1,8}}?)({'|'.join(_PLACE_KINDS)})")
_NUMBERED_PART = re.compile(r"(?<![0-9一二三四五六七八九十个名户支座处])第?[0-9一二三四五六七八九十]+(?:组|网格|片区|号楼)")


@dataclass(frozen=True)
class Resolution:
    indicator: str | None
    breakdown: dict[str, str] | None = field(default=None, hash=False)
    scope: Scope = Scope.UNIT


@dataclass(frozen=True)
class _Vocab:
    markers: tuple[tuple[str, str], ...]  # (word, dimension), longest first
    whole: tuple[str, ...]
    mobilizing: tuple[str, ...]
    part_clause: tuple[str, ...]
    scope_words: dict[str, dict[str, Scope]]  # word → level → scope
    verbs: tuple[tuple[str, Indicator], ...]  # longest first
    purpose_indicators: frozenset[str]
    purpose_openers: tuple[str, ...]
    per_words: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    markers = []
    for line, row in load_csv("breakdowns.csv", ("dimension", "marker", "example")):
        if row["dimension"] not in BREAKDOWN_DIMENSIONS:
            raise ResourceError("breakdowns.csv", line, f"unknown dimension {row['dimension']!r}")
        if not row["example"]:
            raise ResourceError("breakdowns.csv", line, f"marker {row['marker']!r} has no example")
        markers.append((row["marker"], row["dimension"]))
    scopes: dict[str, dict[str, Scope]] = {}
    for line, row in load_csv("scopes.csv", ("word", *(f"in_{level}" for level in LEVELS), "example")):
        try:
            scopes[row["word"]] = {level: Scope(row[f"in_{level}"]) for level in LEVELS}
        except ValueError as exc:
            raise ResourceError("scopes.csv", line, str(exc)) from None
    data = load_toml("resolution.toml")
    verbs = [(verb, ind) for ind in indicators() for verb in ind.verbs]
    return _Vocab(
        markers=tuple(sorted(markers, key=lambda m: -len(m[0]))),
        whole=tuple(sorted(data["whole"]["words"], key=len, reverse=True)),
        mobilizing=tuple(data["mobilizing"]["verbs"]),
        part_clause=tuple(data["part_clause"]["words"]),
        scope_words=scopes,
        verbs=tuple(sorted(verbs, key=lambda v: -len(v[0]))),
        purpose_indicators=frozenset(data["purpose"]["indicators"]),
        purpose_openers=tuple(data["purpose"]["openers"]),
        per_words=tuple(data["purpose"]["per_words"]),
    )


def read_modifier(modifier: str) -> tuple[dict[str, str], str]:
    """The breakdown markers in a modifier, and what is left that no table explains.

    >>> read_modifier("女")
    ({'sex': '女'}, '')
    >>> read_modifier("全体")
    ({}, '')
    >>> read_modifier("30岁以下流动")
    ({'age': '30岁以下', 'status': '流动'}, '')
    >>> read_modifier("贫困")
    ({}, '贫困')
    """
    voc = _vocab()
    parts: dict[str, str] = {}
    unknown = ""
    i = 0
    while i < len(modifier):
        age = _AGE.match(modifier, i)
        if age:
            parts["age"] = parts.get("age", "") + age.group(0)
            i = age.end()
            continue
        marker = next(((w, d) for w, d in voc.markers if modifier.startswith(w, i)), None)
        whole = next((w for w in voc.whole if modifier.startswith(w, i)), None)
        if marker and (whole is None or len(marker[0]) >= len(whole)):
            word, dimension = marker
            parts[dimension] = parts.get(dimension, "") + word
            i += len(word)
        elif whole:
            i += len(whole)
        else:
            unknown += modifier[i]
            i += 1
    return parts, unknown


def _candidates(noun: str, unit: str) -> list[tuple[Indicator, str, bool]]:
    """(indicator, modifier, bare-only) for every synonym ``noun`` ends with, longest first."""
    out = []
    for ind in indicators():
        if unit not in ind.units:
            continue
        for synonym in ind.synonyms:
            bare = synonym.startswith("=")
            word = synonym.removeprefix("=")
            if noun.endswith(word):
                out.append((ind, noun[: len(noun) - len(word)], bare, len(word)))
    out.sort(key=lambda c: -c[3])
    return [(ind, modifier, bare) for ind, modifier, bare, _ in out]


def resolve_noun(noun: str | None, unit: str) -> tuple[Indicator | None, dict[str, str] | None, bool]:
    """The measure a counted noun names, the part its modifiers make, and whether it named one at all.

    >>> ind, parts, _ = resolve_noun("女党员", "名"); ind.id, parts
    ('party_members', {'sex': '女'})
    >>> ind, parts, _ = resolve_noun("城市低保", "户"); ind.id, parts
    ('low_income_households', {'area': '城市'})
    >>> ind, parts, _ = resolve_noun("文艺演出", "场"); ind.id, parts
    ('activities_held', {'kind': '文艺演出'})
    >>> resolve_noun("贫困人口", "人")[0] is None
    True
    """
    if not noun:
        return None, None, False
    for ind, modifier, bare in _candidates(noun, unit):
        parts, unknown = read_modifier(modifier)
        if unknown and (bare or ind.modifiers == "closed"):
            return None, None, True  # another measure: the longest name decides, no shorter one
        if ind.part_of:
            parts = {"kind": noun, **parts}
            ind = by_id(ind.part_of) or ind
        elif unknown and ind.modifiers == "kind":
            parts = {"kind": unknown, **parts}
        return ind, parts or None, True
    return None, None, False


def _verb_before(clause: str) -> tuple[str, Indicator | None] | None:
    """The last verb of the resolution tables in ``clause`` and the indicator it makes, if any."""
    voc = _vocab()
    best: tuple[int, str, Indicator | None] | None = None
    for verb, ind in voc.verbs:
        at = clause.rfind(verb)
        if at >= 0 and (best is None or at + len(verb) > best[0] + len(best[1])):
            best = (at, verb, ind)
    if best is not None:
        return best[1], best[2]  # a verb of the table wins over a mobilizing one (走访慰问…户)
    for verb in voc.mobilizing:
        at = clause.rfind(verb)
        if at >= 0 and (best is None or at + len(verb) > best[0] + len(best[1])):
            best = (at, verb, None)
    return (best[1], best[2]) if best else None


def markers_before(lead: str) -> dict[str, str]:
    """The breakdown markers that end ``lead``, the words right before the counted noun
    (城市|低保6195户, 新增|低保5户, 其中女|党员).

    >>> markers_before("全市城市"), markers_before("本社区新增"), markers_before("组织")
    ({'area': '城市'}, {'change': '新增'}, {})
    """
    lead = lead.rstrip("了的")
    best: dict[str, str] = {}
    for k in range(1, min(len(lead), 12) + 1):
        parts, unknown = read_modifier(lead[-k:])
        if not unknown and parts:
            best = parts
    return best


def scope_of(before: str, level: str | None, own: str | None = None, default: Scope | None = Scope.UNIT) -> Scope | None:
    """Whose figure it is, from the last place named in ``before`` (the sentence up to the figure).

    >>> scope_of("全市城市低保", "community").value, scope_of("全镇共有党员", "township").value
    ('wider', 'unit')
    >>> scope_of("丽景小区有党员", "community").value, scope_of("社区现有党员", "community").value
    ('part', 'unit')
    """
    level = level if level in LEVELS else "community"
    voc = _vocab()
    best_end, best = -1, default
    for word, scopes in voc.scope_words.items():
        at = before.rfind(word)
        if at >= 0 and at + len(word) > best_end:
            best_end, best = at + len(word), scopes[level]
    for name, _, end in place_names(before, _NAMED_PLACE):
        if end <= best_end or name[0] in "xX×*＊":
            continue
        kind = next(k for k in _PLACE_KINDS if name.endswith(k))
        if kind in ("社区", "居委会", "村"):
            if level == "community" and own and not _same_unit(name, own):
                best_end, best = end, Scope.OTHER
            elif level == "community" and not own and len(name) > len(kind) + 1:
                best_end, best = end, Scope.PART  # a report whose own name is masked lists its parts
            elif level in ("township", "county"):
                best_end, best = end, Scope.PART
        else:
            best_end, best = end, Scope.PART
    for m in _NUMBERED_PART.finditer(before):
        if m.end() > best_end:
            best_end, best = m.end(), Scope.PART
    return best


def _same_unit(name: str, own: str) -> bool:
    """Whether a place named in the text is the report's own unit: the name's first two characters
    decide, so 阿娄社区居委会, 阿娄社区 and a traditional-script 阿娄社區 are one unit."""
    return name[:2] == own[:2]


def _sentence_before(text: str, start: int, floor: int = 0) -> str:
    i = start
    while i > floor and text[i - 1] not in _SENTENCE_BREAKS and start - i < 60:
        i -= 1
    return text[i:start]


def _clause_before(text: str, start: int) -> str:
    """The clause before a figure; a label and its colon belong to it (培训人数：135人)."""
    i = start
    if i > 0 and text[i - 1] in ":：":
        i -= 1
    while i > 0 and text[i - 1] not in _CLAUSE_BREAKS and start - i < 30:
        i -= 1
    return text[i:start]


def _clause_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and text[i] not in _CLAUSE_BREAKS and i - end < 24:
        i += 1
    return text[end:i]


_ACTS = ("开展", "举办", "举行", "组织", "召开", "进行", "参加", "参与", "发放", "投入", "投资")
_MONEY_ACTS = _ACTS + ("在", "为", "向", "给")


def kind_before(lead: str, acts: tuple[str, ...] = _ACTS) -> str | None:
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
    """The purpose stated right after a sum of money (投资7.5万元|对15户危房进行修缮).

    >>> purpose_after("对15户危房进行修缮加固"), purpose_after("，")
    ('对15户危房进行修缮加固', None)
    """
    after = after.strip()
    if any(after.startswith(opener) for opener in _vocab().purpose_openers):
        return after
    return None


@dataclass(frozen=True)
class Figure:
    """What resolution reads about one figure: where it is, what it counts, in which unit."""

    norm_start: int
    norm_end: int
    subject: str | None
    unit: str
    bare_total: str | None = None  # the indicator of a count with no noun after a bare place


@dataclass
class _Trail:
    """What earlier figures leave for later ones while a document is read in order."""

    wholes: list[tuple[int, Resolution, str]] = field(default_factory=list)  # (end, whole figure, unit)
    scoped: tuple[int, Scope] | None = None  # end of the last figure with an indicator, its scope
    listed: Resolution | None = None  # the figure before, for a list joined by 、
    last: tuple[int, str | None] | None = None  # end and subject of the figure before


_HEADS = ("人口", "人员", "居民", "群众", "家庭", "户数", "人数", "户", "人")


def parts_only(noun: str) -> dict[str, str] | None:
    """The parts a noun names when it names nothing else (男性, 18岁以下, 常住人口 counted in 户).

    >>> parts_only("男性"), parts_only("常住人口"), parts_only("贫困人口")
    ({'sex': '男性'}, {'status': '常住'}, None)
    """
    for head in ("", *_HEADS):
        if head and not noun.endswith(head):
            continue
        parts, unknown = read_modifier(noun[: len(noun) - len(head)] if head else noun)
        if parts and not unknown:
            return parts
    return None


def _measure(noun: str | None, clause: str, at: int, figure: Figure) -> tuple[Indicator | None, dict | None, str, bool]:
    """The measure the noun (or a longer name ending in it) names: (indicator, parts, lead, named)."""
    lead = clause[:at] if at >= 0 else clause
    indicator, parts, named = resolve_noun(noun, figure.unit)
    if noun and at > 0:  # the longest name counts: 未|就业 is 未就业
        for k in range(min(at, 6), 0, -1):
            longer_noun = clause[at - k : at] + noun
            longer, longer_parts, _ = resolve_noun(longer_noun, figure.unit)
            if longer is not None and longer is not indicator and longer_noun in longer.names():
                return longer, longer_parts, clause[: at - k], True
    return indicator, parts, lead, named


def _apply_verb(indicator: Indicator | None, parts: dict | None, verb_clause: str, unit: str, noun: str | None):
    """A verb of the table makes its measure (走访…户); a mobilizing verb unmakes a stock."""
    verb = _verb_before(verb_clause)
    if verb is None:
        return indicator, parts
    verb_indicator = verb[1]
    if verb_indicator is not None and unit in verb_indicator.units:
        if verb_indicator is indicator:
            return indicator, parts
        if noun and verb_indicator.modifiers == "kind" and indicator is not None and indicator.modifiers == "kind":
            return verb_indicator, {"kind": noun}  # 发放|分散五保专项资金: the fund is a kind of what is paid
        return verb_indicator, None
    if verb_indicator is None and indicator is not None and indicator.modifiers == "closed" and (
        indicator.id not in ("participants", "trainees", "households_visited")
    ):
        return None, None  # 组织党员50名参观: those who took part
    return indicator, parts


def _scope(
    text: str, upto: int, sentence_start: int, trail: _Trail, level: str | None, own: str | None
) -> Scope:
    """Places named since the last figure of the sentence, up to the counted noun (``upto``), decide;
    else that figure's scope carries on (全乡共有低保户873户、低保对象1355人)."""
    same_sentence = trail.scoped is not None and trail.scoped[0] >= sentence_start
    floor = trail.scoped[0] if same_sentence else sentence_start  # type: ignore[index]
    found = scope_of(text[floor : max(floor, upto)], level, own, default=None)
    if found is not None:
        return found
    return trail.scoped[1] if same_sentence else Scope.UNIT  # type: ignore[index]


_BASIC_TOTALS = ("population_total", "households_total")


def _whole_of_part(figure: Figure, trail: _Trail, part_clause: bool) -> Resolution | None:
    """The whole a figure naming only a part belongs to: after 其中, the nearest whole in the same
    unit; in a bare list (男性735人、女性723人), the population or household total before it."""
    for end, whole, unit in reversed(trail.wholes):
        if unit != figure.unit:
            continue
        if part_clause and end >= figure.norm_start - 120:
            return whole
        if whole.indicator in _BASIC_TOTALS and end >= figure.norm_start - 300:
            return whole
    return None


def _resolve_one(text: str, figure: Figure, trail: _Trail, level: str | None, own: str | None) -> Resolution:
    voc = _vocab()
    sentence_start = figure.norm_start - len(_sentence_before(text, figure.norm_start))
    clause = _clause_before(text, figure.norm_start)
    noun = figure.subject
    if noun:
        places = place_names(noun, _NAMED_PLACE)
        if places and places[-1][2] < len(noun):  # 红星社区调解纠纷: the place is no modifier
            noun = noun[places[-1][2] :]
    at = clause.rfind(noun) if noun else -1
    indicator, parts, lead, named = _measure(noun, clause, at, figure)
    if figure.bare_total and indicator is None and not named:
        chained = trail.last is not None and trail.last[1] and not clause.strip(" 共有计约")
        if not chained:  # 729户脱贫户,3270人: the persons of the households before, no population
            indicator = by_id(figure.bare_total)
    verb_clause = clause[: at + len(noun)] if noun and at >= 0 else clause
    indicator, parts = _apply_verb(indicator, parts, verb_clause, figure.unit, noun if parts else None)
    if indicator is None and noun:
        only = parts_only(noun)
        whole = _whole_of_part(figure, trail, any(w in clause for w in voc.part_clause)) if only else None
        if whole is not None:  # 总人口2765人，其中男性1450人 / 总户数376户，常住人口户数361户
            indicator, parts = by_id(whole.indicator), only  # type: ignore[arg-type]
    if indicator is not None and noun and at >= 0:
        parts = {**markers_before(lead), **(parts or {})}
        money = indicator.id in voc.purpose_indicators
        kind = kind_before(lead, _MONEY_ACTS if money else _ACTS) if indicator.modifiers == "kind" else None
        if kind and "kind" not in parts:
            parts["kind"] = kind
    if indicator is not None and indicator.id in voc.purpose_indicators:
        if any(w in clause for w in voc.per_words):
            indicator, parts = None, None  # 每人每天补贴40元: a rate, not a sum
        else:
            purpose = purpose_after(_clause_after(text, figure.norm_end))
            if purpose and "kind" not in (parts or {}):
                parts = {**(parts or {}), "kind": purpose}
    listed = trail.listed
    if indicator is not None and not parts and listed is not None and "area" in (listed.breakdown or {}):
        joined = text[figure.norm_start - len(clause) - 1 : figure.norm_start - len(clause)] == "、"
        before = by_id(listed.indicator)  # type: ignore[arg-type]
        if joined and before is not None and before.category == indicator.category:
            parts = {"area": listed.breakdown["area"]}  # type: ignore[index]  # 农村低保户873户、低保对象1355人
    noun_start = figure.norm_start - len(clause) + at if noun and at >= 0 else figure.norm_start
    scope = _scope(text, noun_start, sentence_start, trail, level, own) if indicator is not None else Scope.UNIT
    resolution = Resolution(indicator.id if indicator else None, parts or None, scope)
    if indicator is not None:
        trail.scoped = (figure.norm_end, scope)
        if not parts:
            trail.wholes.append((figure.norm_end, resolution, figure.unit))
    trail.listed = resolution if indicator is not None else None
    trail.last = (figure.norm_end, figure.subject)
    return resolution


def resolve_figures(
    text: str, figures: Sequence[Figure], level: str | None = None, own: str | None = None
) -> tuple[Resolution, ...]:
    """The indicator, breakdown and scope of every figure of ``text`` (in document order).

    ``level`` is the level the report is written at (community, township, county, city) and ``own``
    the name of its unit, when known.
    """
    trail = _Trail()
    return tuple(_resolve_one(text, figure, trail, level, own) for figure in figures)
