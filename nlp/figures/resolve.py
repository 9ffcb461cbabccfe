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
from nlp.text.meta import place_names

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
    parts, unknown = read_modifier(rest)
    return unknown if len(unknown) >= 2 and not parts else None


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


def resolve_figures(
    text: str, figures: Sequence[Figure], level: str | None = None, own: str | None = None
) -> tuple[Resolution, ...]:
    """The indicator, breakdown and scope of every figure of ``text`` (in document order)."""
    voc = _vocab()
    out: list[Resolution] = []
    wholes: list[tuple[int, Resolution, str]] = []  # the last whole figures, for 其中 clauses
    previous: tuple[int, Scope] | None = None  # end of the last figure with an indicator, its scope
    listed: Resolution | None = None  # the figure before, for a list joined by 、
    for figure in figures:
        sentence = _sentence_before(text, figure.norm_start)
        sentence_start = figure.norm_start - len(sentence)
        clause = _clause_before(text, figure.norm_start)
        noun = figure.subject
        if noun:
            places = place_names(noun, _NAMED_PLACE)
            if places and places[-1][2] < len(noun):  # 红星社区调解纠纷: the place is no modifier
                noun = noun[places[-1][2] :]
        at = clause.rfind(noun) if noun else -1
        lead = clause[:at] if at >= 0 else clause  # the clause before the counted noun
        indicator, parts, named = resolve_noun(noun, figure.unit)
        if noun and at > 0:  # the longest name counts: 未|就业 is 未就业
            for k in range(min(at, 4), 0, -1):
                longer, longer_parts, _ = resolve_noun(clause[at - k : at] + noun, figure.unit)
                if longer is not None and longer is not indicator and any(
                    clause[at - k : at] + noun == name for name in longer.names()
                ):
                    indicator, parts, lead = longer, longer_parts, clause[: at - k]
                    break
        if figure.bare_total and indicator is None and not named:
            indicator = by_id(figure.bare_total)
        verb = _verb_before(clause[: at + len(noun)] if noun and at >= 0 else clause)
        if verb is not None:
            verb_indicator = verb[1]
            if verb_indicator is not None and figure.unit in verb_indicator.units:
                if verb_indicator is not indicator:
                    parts = None
                indicator = verb_indicator
            elif verb_indicator is None and indicator is not None and indicator.modifiers == "closed" and (
                indicator.id not in ("participants", "trainees", "households_visited")
            ):
                indicator, parts = None, None  # 组织党员50名参观: those who took part
        if indicator is None and noun:
            only_parts, unknown = read_modifier(noun)
            in_part_clause = any(w in sentence for w in voc.part_clause)
            if only_parts and not unknown and in_part_clause:
                whole = next(
                    (r for s, r, u in reversed(wholes) if s >= sentence_start - 80 and u == figure.unit), None
                )
                if whole is not None:
                    indicator, parts = by_id(whole.indicator), only_parts  # type: ignore[arg-type]
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
        scope = Scope.UNIT
        if indicator is not None:
            # places named since the last figure of the sentence, before the counted noun; else the
            # sentence's earlier figure's scope carries on (全乡共有低保户873户、低保对象1355人)
            same_sentence = previous is not None and previous[0] >= sentence_start
            floor = previous[0] if same_sentence else sentence_start  # type: ignore[index]
            window = text[floor : figure.norm_start]
            found = scope_of(window, level, own, default=None)
            scope = found if found is not None else (previous[1] if same_sentence else Scope.UNIT)  # type: ignore[index]
            previous = (figure.norm_end, scope)
        if indicator is not None and not parts and listed is not None and text[figure.norm_start - len(clause) - 1 : figure.norm_start - len(clause)] == "、":
            same_kind = by_id(listed.indicator)  # type: ignore[arg-type]
            if same_kind is not None and same_kind.category == indicator.category and "area" in (listed.breakdown or {}):
                parts = {"area": listed.breakdown["area"]}  # type: ignore[index]  # 农村低保户873户、低保对象1355人
        resolution = Resolution(indicator.id if indicator else None, parts or None, scope)
        listed = resolution if indicator is not None else None
        if indicator is not None and not parts:
            wholes.append((sentence_start, resolution, figure.unit))
        out.append(resolution)
    return tuple(out)
