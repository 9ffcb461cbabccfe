"""The measure a counted noun names: the indicator table's synonyms, the noun's modifiers and the
verb before it (nlp/figures/resolve.py puts this together with the clause and the place).

- the **counted noun** and its **unit**: the longest synonym of the indicator table the noun ends
  with names the measure (低保户 … 户 → low_income_households); its modifiers are breakdown markers
  (a part), whole words (nothing) or unknown words (another measure, or a kind of a measure counted
  by kind);
- the **verb** in front: a verb of the table makes its measure of a noun the table knows (走访 … 户 →
  households_visited); a verb that brings people to something makes a count of people those who took
  part, no stock of the community (组织党员50名参观).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.figures.breakdown import read_modifier, strip_whole_front
from nlp.figures.clauses import any_of
from nlp.figures.indicators import Indicator, all_names, by_id, indicators, synonym_candidates
from nlp.figures.scope import strip_leading
from nlp.figures.subject_phrases import RATE_UNITS
from nlp.figures.wholes import verb_makes_measure
from nlp.resources import load_toml


@dataclass(frozen=True)
class _Vocab:
    mobilizing: tuple[str, ...]
    any_mobilizing: re.Pattern[str]
    raters: tuple[str, ...]
    verbs: tuple[tuple[str, Indicator], ...]  # longest first
    # The table's verbs written backwards, longest first: searched in a reversed clause, the first
    # match is the verb that ends last, the longest of those ending there.
    reversed_verbs: re.Pattern[str]
    indicator_of_verb: dict[str, Indicator]  # the first indicator (in ``verbs`` order) of each verb
    into: frozenset[str]  # mobilizing words that mean "into" right after a word ending in ``into_after``
    into_after: tuple[str, ...]
    own_verbs: frozenset[str] = frozenset()  # rule ``own_group``: 为/对 …
    own_words: frozenset[str] = frozenset()  # … right before the unit's own word (辖区, 全村)
    own_measures: frozenset[str] = frozenset()  # … keep these registers of the unit


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")
    verbs = tuple(sorted(((verb, ind) for ind in indicators() for verb in ind.verbs), key=lambda v: -len(v[0])))
    indicator_of_verb: dict[str, Indicator] = {}
    for verb, ind in verbs:
        indicator_of_verb.setdefault(verb, ind)
    return _Vocab(
        mobilizing=tuple(data["mobilizing"]["verbs"]),
        any_mobilizing=any_of(data["mobilizing"]["verbs"]),
        raters=tuple(data["rate_object"]["raters"]),
        verbs=verbs,
        reversed_verbs=re.compile("|".join(re.escape(verb[::-1]) for verb in indicator_of_verb)),
        indicator_of_verb=indicator_of_verb,
        into=frozenset(data["mobilizing"]["into"]["words"]),
        into_after=tuple(data["mobilizing"]["into"]["after"]),
        own_verbs=frozenset(data["mobilizing"]["own_group"]["verbs"]),
        own_words=frozenset(data["mobilizing"]["own_group"]["words"]),
        own_measures=frozenset(data["mobilizing"]["own_group"]["measures"]),
    )


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
    indicator, parts, named = _resolve_noun(noun, unit)
    return indicator, None if parts is None else dict(parts), named


@lru_cache(maxsize=16384)  # a pure function of the noun and unit, and counted nouns recur
def _resolve_noun(noun: str | None, unit: str) -> tuple[Indicator | None, tuple[tuple[str, str], ...] | None, bool]:
    """``resolve_noun`` with the parts as items (each caller gets a fresh dict of them)."""
    if not noun:
        return None, None, False
    for ind, modifier, bare in synonym_candidates(noun, unit):
        parts, unknown = read_modifier(modifier)
        if unknown and (bare or ind.modifiers == "closed"):
            return None, None, True  # another measure: the longest name decides, no shorter one
        if ind.part_of:
            parts = {"kind": strip_whole_front(noun), **parts}
            ind = by_id(ind.part_of) or ind
        elif unknown and ind.modifiers == "kind":
            # a count names its kind by the whole phrase (文化活动), a rate by its object (治安)
            if unit in RATE_UNITS:
                kind = rate_object_of(modifier)
            elif noun[len(modifier) :] in ind.verbs:  # 抗洪救灾|捐款: the act's occasion or purpose
                kind = strip_whole_front(modifier)
            else:
                kind = strip_whole_front(noun)
            parts = {"kind": kind, **parts}
        return ind, tuple(parts.items()) or None, True
    return None, None, False


def rate_object_of(modifier: str) -> str:
    """The object a rate's modifier names, as written: what follows 对, else the modifier without the
    people who rate (居民对社区治安 → 社区治安, 群众和谐社区建设 → 和谐社区建设).

    >>> rate_object_of("居民对社区治安"), rate_object_of("和谐社区建设"), rate_object_of("群众对环境卫生")
    ('社区治安', '和谐社区建设', '环境卫生')
    """
    at = modifier.rfind("对")
    if at >= 0 and at + 1 < len(modifier):
        return modifier[at + 1 :]
    return strip_leading(modifier, _vocab().raters)


def verb_before(
    clause: str, lead_words: Sequence[str] | Callable[[], Sequence[str]]
) -> tuple[str, Indicator | str | None] | None:
    """The verb that decides the measure: the last verb of the indicator table in ``clause`` (up to
    the end of the counted noun, which may be that verb: 培训|200人), else a mobilizing verb among
    ``lead_words`` (the words before the noun: 对|辖区党员, not 低保对象; given as a function, they
    are read only when no verb of the table is found). A mobilizing verb of rule own_group comes with
    the mark ``"own_group"`` in place of an indicator."""
    voc = _vocab()
    last = voc.reversed_verbs.search(clause[::-1])
    if last is not None:
        verb = last.group()[::-1]
        return verb, voc.indicator_of_verb[verb]  # a verb of the table wins over a mobilizing one (走访慰问…户)
    if not voc.any_mobilizing.search(clause):
        return None  # no mobilizing verb in the clause, so none among the words of its lead
    if callable(lead_words):
        lead_words = lead_words()
    mobilizing = [
        i for i, word in enumerate(lead_words)
        if word in voc.mobilizing and not (i and word in voc.into and lead_words[i - 1].endswith(voc.into_after))
    ]  # rule ``into``: 划分|为 is "into", no 为 of acting for someone
    if not mobilizing:
        return None
    last = mobilizing[-1]
    return lead_words[last], (_OWN_GROUP if own_group(lead_words, last, voc) else None)


# verb_before's mark of a mobilizing verb of rule own_group (为辖区…): no measure, but no unmaking of a register
_OWN_GROUP = "own_group"


def own_group(lead_words: Sequence[str], at: int, voc: _Vocab | None = None) -> bool:
    """Rule **own_group**: 为/对 right before the unit's own word (辖区, 全村 …) acts on the unit's
    registered group, so the figure still counts that group (为辖区38名持证残疾人…, 对辖区6名社区矫正对象…);
    a verb that brings people along (组织辖区党员…) and 为 without the unit's word are left to unmake.

    >>> own_group(["为", "辖区"], 0), own_group(["组织", "辖区", "党员"], 0), own_group(["为"], 0)
    (True, False, False)
    """
    voc = voc or _vocab()
    return lead_words[at] in voc.own_verbs and at + 1 < len(lead_words) and lead_words[at + 1] in voc.own_words


def keeps_register(clause: str, indicator_id: str) -> bool:
    """Rule **own_group** read on the clause before a figure: it ends in 为/对 and the unit's own word
    (社区为辖区|61名持证残疾人更新档案) and the measure is one of the unit's registers, so the figure is
    that register even when a predicate follows it (rule ``acting_subjects`` gives way: the people
    are whom the unit acts for, not the ones acting).

    >>> keeps_register("社区为辖区", "disabled_persons"), keeps_register("社区为辖区", "party_members")
    (True, False)
    >>> keeps_register("社区为", "disabled_persons")
    False
    """
    voc = _vocab()
    if indicator_id not in voc.own_measures:
        return False
    return any(
        clause.endswith(word) and clause[: -len(word)].endswith(tuple(voc.own_verbs)) for word in voc.own_words
    )


def longest_measure(noun: str | None, clause: str, at: int, unit: str) -> tuple[Indicator | None, dict | None, str, bool]:
    """The measure the noun (or a longer name ending in it) names: (indicator, parts, lead, named)."""
    lead = clause[:at] if at >= 0 else clause
    indicator, parts, named = resolve_noun(noun, unit)
    if noun and at > 0:  # the longest name counts: 未|就业 is 未就业
        # only a measure's name can win, so only the fronts that make one of the noun are tried,
        # longest first (most nouns have none)
        for front in _name_fronts(noun):
            k = len(front)
            if k > min(at, LONGER_NAME_REACH) or not clause.startswith(front, at - k):
                continue
            longer_noun = front + noun
            longer, longer_parts, _ = resolve_noun(longer_noun, unit)
            if longer is not None and longer_noun in longer.names():  # 60岁以上老年人: a name, no band
                return longer, longer_parts, clause[: at - k], True
    return indicator, parts, lead, named


LONGER_NAME_REACH = 8  # characters read before the noun for a longer name ending in it


def _name_fronts(noun: str) -> tuple[str, ...]:
    """What goes before ``noun`` to make a measure's name (at most ``LONGER_NAME_REACH`` characters),
    longest first.

    >>> _name_fronts("老年人"), _name_fronts("XX")
    (('60周岁以上', '60岁以上'), ())
    """
    return _fronts_by_ending().get(noun, ())


@cache
def _fronts_by_ending() -> dict[str, tuple[str, ...]]:
    """Every proper ending of a measure's name → the fronts that make the name of it (at most
    ``LONGER_NAME_REACH`` characters), longest first: built once, so that a new noun costs one
    look-up instead of a scan of every name (about 750 names; each new noun of a batch paid it)."""
    fronts: dict[str, set[str]] = {}
    for name in all_names():
        for k in range(1, min(LONGER_NAME_REACH, len(name) - 1) + 1):
            fronts.setdefault(name[k:], set()).add(name[:k])
    return {ending: tuple(sorted(found, key=lambda f: (-len(f), f))) for ending, found in fronts.items()}


_ALL_OF = ("全体", "全部", "所有")


def apply_verb(
    indicator: Indicator | None,
    parts: dict | None,
    verb_clause: str,
    lead_words: Sequence[str] | Callable[[], Sequence[str]],
    unit: str,
    noun: str | None,
    counted: str | None,
):
    """A verb of the table makes its measure (走访…户) of a noun the table knows; a mobilizing verb
    unmakes a stock. ``counted`` is the counted noun, ``noun`` the one whose modifiers make a part."""
    verb = verb_before(verb_clause, lead_words)
    if verb is None:
        return indicator, parts
    verb_indicator = verb[1]
    voc = _vocab()
    registered = verb_indicator == _OWN_GROUP
    if registered:  # rule own_group: only a register of the unit stays (为辖区35名中小学生提供辅导: those served)
        verb_indicator, registered = None, indicator is not None and indicator.id in voc.own_measures
    if verb_indicator is not None and unit in verb_indicator.units:
        if verb_indicator is indicator:
            return indicator, parts
        if indicator is None and not verb_makes_measure(counted, verb[0]):
            return None, None  # 发放|消费券3000万元: the table has no measure of what is counted
        if noun and verb_indicator.modifiers == "kind" and indicator is not None and indicator.modifiers == "kind":
            return verb_indicator, {"kind": noun}  # 发放|分散五保专项资金: the fund is a kind of what is paid
        return verb_indicator, None
    if (
        verb_indicator is None
        and indicator is not None
        and indicator.modifiers == "closed"
        and indicator.id not in ("participants", "trainees", "households_visited")
        and not verb_clause.endswith(_ALL_OF)
        and not registered
    ):
        return None, None  # 组织党员50名参观: those who took part (组织全体128名党员: all of them, the stock)
    return indicator, parts
