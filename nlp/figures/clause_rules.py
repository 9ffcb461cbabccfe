"""Rules that read a figure's clause when its counted noun alone names no column, or the wrong one
(the rules about who took part, registered or found work are nlp/figures/people_rules.py).

Each rule is a pure function over the words before the figure, named for the construction it reads;
nlp/figures/resolve.py applies them. The words are data (``nlp/resources/resolution.toml``, the
tables named after each rule):

- ``visit_count`` (``[visits]``): a count of homes after 走访/入户 is households_visited, whatever is
  visited (走访慰问孤寡老人、残疾人家庭等140余户次);
- ``caring_visit`` (``[visits] caring``): 慰问困难群众90余人次 (no 走访) is hardship_visits;
- ``outcome_measure`` (``[outcome]``): 调解成功40起 counts the disputes mediated with success;
- ``elided_part`` (``[elided_change]``): 低保户21户，全年新增3户、退出2户 / 重度残疾人53名，三、四级95名 — a
  part with no noun is a part of the measure counted before it (``grades_joined_before``: 一、二级 is one marker);
- ``quoted_act`` (``[named_act]``): 开展“邻里守望”活动4次 counts one named act, a kind;
- ``donors_only`` (``[donors]``): 党员群众自愿|捐款 names who gave, no occasion: the whole donations;
- ``names_every_kind`` (``[totals] every_kind``): 低保金及各类救助金 is the total paid;
- ``sorts_listed`` (``[listed_sorts]``): 调处邻里、家庭等矛盾纠纷34起 lists the sorts handled: the whole;
- ``bracketed_aside``: a figure in brackets (文体活动27场次（2017年19场次），参与居民…) is an aside: with no column
  it does not stand between the figures around it;
- ``zero_measure``: 刑事案件零发生 is a figure (0) of the measure its noun names, with no unit;
- ``part_clause_opened``: whether 其中 opens the stretch between a whole and a figure (其中文艺演出10场、
  讲座8场: each listed act is a kind of the whole before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.breakdown import may_open_word, read_modifier
from nlp.figures.clauses import sentence_start_before
from nlp.figures.indicators import Indicator, indicators
from nlp.figures.measures import resolve_noun
from nlp.resources import load_toml

PHRASE_BREAKS = "。；;！!？?\n，,：:"  # 、 joins a list into one phrase
PHRASE_REACH = 60
_TO_PHRASE_BREAK = re.compile(f".*[{re.escape(PHRASE_BREAKS)}]", re.DOTALL)
ZERO_TEXTS = frozenset({"零", "0", "〇", "０"})


@dataclass(frozen=True)
class _Vocab:
    visit_verbs: tuple[str, ...]
    visit_units: frozenset[str]
    visit_stops: tuple[str, ...]
    caring: tuple[str, ...]
    caring_units: frozenset[str]
    outcomes: frozenset[str]
    verb_measures: tuple[tuple[str, Indicator], ...]  # the table's verbs, longest first
    change_openers: tuple[str, ...]
    quote_open: str
    quote_close: str
    units: tuple[str, ...]  # every unit of the table, in table order
    donors: tuple[str, ...]
    every_kind: tuple[str, ...]
    listed_measures: frozenset[str]
    listed_marks: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")
    verbs: dict[str, Indicator] = {}
    for indicator in indicators():
        for verb in indicator.verbs:
            verbs.setdefault(verb, indicator)
    return _Vocab(
        visit_verbs=tuple(data["visits"]["verbs"]),
        visit_units=frozenset(data["visits"]["units"]),
        visit_stops=tuple(data["visits"]["stops"]),
        caring=tuple(data["visits"]["caring"]),
        caring_units=frozenset(data["visits"]["caring_units"]),
        outcomes=frozenset(data["outcome"]["words"]),
        verb_measures=tuple(sorted(verbs.items(), key=lambda item: -len(item[0]))),
        change_openers=tuple(sorted(data["elided_change"]["openers"], key=len, reverse=True)),
        quote_open="".join(data["named_act"]["opening"]),
        quote_close="".join(data["named_act"]["closing"]),
        units=tuple(dict.fromkeys(unit for indicator in indicators() for unit in indicator.units)),
        donors=tuple(sorted(data["donors"]["words"], key=len, reverse=True)),
        every_kind=tuple(data["totals"]["every_kind"]),
        listed_measures=frozenset(data["listed_sorts"]["measures"]),
        listed_marks=tuple(data["listed_sorts"]["marks"]),
    )


def phrase_before(text: str, start: int) -> str:
    """The phrase before a figure: back to the last sentence break or comma, across 、 lists.

    >>> phrase_before("全年走访慰问孤寡老人、残疾人家庭等140余户次", 17)
    '全年走访慰问孤寡老人、残疾人家庭等'
    """
    low = max(0, start - PHRASE_REACH)
    found = _TO_PHRASE_BREAK.match(text, low, start) if start > low else None
    return text[found.end() if found else low : start]


def counts_visits(unit: str) -> bool:
    """Whether ``visit_count`` or ``caring_visit`` can hold of a figure in ``unit`` (both read its
    phrase only then).

    >>> counts_visits("户次"), counts_visits("元")
    (True, False)
    """
    voc = _vocab()
    return unit in voc.visit_units or unit in voc.caring_units


def reads_listed_sorts(indicator_id: str) -> bool:
    """Whether ``sorts_listed`` can hold of a count of ``indicator_id`` (it reads the phrase only then)."""
    return indicator_id in _vocab().listed_measures


def visit_count(phrase: str, unit: str) -> bool:
    """Whether a figure counts homes visited: its unit counts homes and 走访/入户 stands in its
    phrase with no verb of finding or admitting after it.

    >>> visit_count("全年走访慰问孤寡老人、残疾人家庭等", "户次"), visit_count("走访中新识别困难户", "户")
    (True, False)
    >>> visit_count("开展入户走访", "次")
    False
    """
    voc = _vocab()
    if unit not in voc.visit_units:
        return False
    at = max(phrase.rfind(verb) for verb in voc.visit_verbs)
    return at >= 0 and not any(stop in phrase[at:] for stop in voc.visit_stops)


def caring_visit(phrase: str, unit: str) -> bool:
    """Whether a figure counts hardship visits: 慰问/看望 in its phrase with no 走访 or 入户, and a unit
    of homes or people (慰问困难群众90余人次).

    >>> caring_visit("春节期间慰问困难群众", "人次"), caring_visit("走访慰问困难家庭", "户"), caring_visit("发放慰问", "元")
    (True, False, False)
    """
    voc = _vocab()
    if unit not in voc.caring_units or any(verb in phrase for verb in voc.visit_verbs):
        return False
    at = max(phrase.rfind(verb) for verb in voc.caring)
    return at >= 0 and not any(stop in phrase[at:] for stop in voc.visit_stops)


def outcome_measure(noun: str | None, clause: str) -> Indicator | None:
    """The measure of an outcome word right after a verb of the indicator table (调解|成功40起 →
    disputes_mediated); None for any other noun.

    >>> outcome_measure("成功", "调解成功").id, outcome_measure("成功", "宣传成功"), outcome_measure("党员", "调解党员")
    ('disputes_mediated', None, None)
    """
    voc = _vocab()
    if noun not in voc.outcomes:
        return None
    at = clause.rfind(noun)  # type: ignore[arg-type]
    lead = clause[:at] if at >= 0 else clause
    return next((indicator for verb, indicator in voc.verb_measures if lead.endswith(verb)), None)


def elided_part(words: str | None) -> dict[str, str] | None:
    """The part that is all of a counted phrase (全年新增 → 新增, 停保, 三、四级): the measure is elided,
    the one counted before it in the same unit. 累计 sums, it makes no part.

    >>> elided_part("全年新增"), elided_part("退出"), elided_part("三、四级")
    ({'change': '新增'}, {'change': '退出'}, {'kind': '三、四级'})
    >>> elided_part("新增低保"), elided_part("累计"), elided_part("全年")
    (None, None, None)
    """
    if not words:
        return None
    words = words.strip(" \u3000\t")
    openers = _vocab().change_openers
    # (one startswith of the whole tuple first: most phrases open with no change word, and a generator
    # over every opener is the rule's cost)
    while words.startswith(openers) and (opener := next((o for o in openers if words.startswith(o) and len(words) > len(o)), None)):
        words = words[len(opener) :]
    if not may_open_word(words[:1]):
        return None  # the first character opens no marker: the reading has an unknown part
    parts, unknown = read_modifier(words)
    if unknown or not parts or parts == {"change": "累计"} or not set(parts) <= ELIDED_DIMENSIONS:
        return None
    return parts


# The dimensions a part with no noun is written in: a change (新增3户), a grade or band (三、四级 95名,
# 60岁以上 312人); a status word alone (低保) names a measure more often than a part of one.
ELIDED_DIMENSIONS = frozenset({"change", "kind", "age"})


def grades_joined_before(text: str, clause_start: int) -> int:
    """Where a clause starts when the 、 before it joins grades or bands written as one marker
    (一、二级 — 、 breaks clauses, not this): the start of the numeral before the 、, else ``clause_start``.

    >>> s = "其中一、二级重度残疾人"; grades_joined_before(s, s.index("二"))
    0
    >>> s = "走访党员、二级残疾人"; grades_joined_before(s, s.index("二")) == s.index("二")
    True
    """
    if clause_start < 2 or text[clause_start - 1] != "、" or text[clause_start : clause_start + 1] not in _GRADE_DIGITS:
        return clause_start
    if text[clause_start - 2] not in _GRADE_DIGITS:
        return clause_start
    at = clause_start - 2
    while at > 0 and text[at - 1] not in PHRASE_BREAKS + "、":
        at -= 1
    return at


_GRADE_DIGITS = frozenset("一二三四五六七八九")


def quoted_act(text: str, noun_start: int, sentence_start: int) -> str | None:
    """The name of an act written in quotation marks right before its head noun (开展“邻里守望”|活动),
    quotation marks and head included; None when no quoted name ends there.

    >>> s = "开展“邻里守望”活动4次"; quoted_act(s, s.index("活动"), 0)
    '“邻里守望”活动'
    >>> quoted_act("开展活动4次", 2, 0) is None
    True
    """
    voc = _vocab()
    if noun_start <= sentence_start or text[noun_start - 1] not in voc.quote_close:
        return None
    opened = max(text.rfind(mark, sentence_start, noun_start - 1) for mark in voc.quote_open)
    if opened < 0:
        return None
    end = noun_start
    while end < len(text) and not text[end].isdigit() and text[end] not in PHRASE_BREAKS and end - noun_start < 8:
        end += 1
    return text[opened:end]


def zero_measure(noun: str | None) -> tuple[Indicator, dict[str, str] | None] | None:
    """The measure a zero statement's noun names, in whichever of the table's units names one
    (刑事案件|零发生 → criminal_cases): a zero has no unit of its own.

    >>> zero_measure("刑事案件")[0].id, zero_measure("安全") is None
    ('criminal_cases', True)
    """
    if not noun:
        return None
    for unit in _vocab().units:
        indicator, parts, _ = resolve_noun(noun, unit)
        if indicator is not None:
            return indicator, parts
    return None


def part_clause_opened(between: str, words: tuple[str, ...]) -> bool:
    """Whether one of the part-clause ``words`` (其中 …) opens a clause in ``between`` (the text
    from a whole to a figure), with no sentence break after it.

    >>> part_clause_opened("，其中文艺演出10场、", ("其中",)), part_clause_opened("。其中", ("其中",))
    (True, True)
    >>> part_clause_opened("，其中…。另有", ("其中",))
    False
    """
    at = max(between.rfind(word) for word in words)
    return at >= 0 and not any(mark in between[at:] for mark in "。；;！!？?\n")


def donors_only(modifier: str) -> bool:
    """Whether a donation's modifier names only who gave and how (党员群众自愿, 收到居民), no occasion.

    >>> donors_only("党员群众自愿"), donors_only("收到居民"), donors_only("抗洪救灾"), donors_only("")
    (True, True, False, True)
    """
    donors = _vocab().donors
    while modifier and (word := next((w for w in donors if modifier.startswith(w)), None)):
        modifier = modifier[len(word) :]
    return not modifier


def names_every_kind(kind: str) -> bool:
    """Whether a sum's named funds include every kind after another (低保金及各类救助金): the total.

    >>> names_every_kind("低保金及各类救助金"), names_every_kind("低保中秋慰问金"), names_every_kind("雨露计划等各类资助")
    (True, False, False)
    """
    return any(joiner + word in kind for word in _vocab().every_kind for joiner in _JOINERS)


_JOINERS = ("及", "和", "与")  # 低保金及各类救助金; 等各类 lists kinds (“雨露计划”等各类资助 is a kind)


def sorts_listed(indicator_id: str, phrase: str) -> bool:
    """Whether the phrase before a count of ``indicator_id`` lists its sorts (邻里、家庭等, X纠纷、Y纠纷共),
    with no figure and no 其中 in it: the count of every sort handled, the whole.

    >>> sorts_listed("disputes_mediated", "调处邻里、家庭等矛盾纠纷"), sorts_listed("disputes_mediated", "调解劳资纠纷")
    (True, False)
    >>> sorts_listed("disputes_mediated", "其中邻里纠纷21起、婚姻家庭纠纷"), sorts_listed("activities_held", "开展宣传、义诊等活动")
    (False, False)
    """
    voc = _vocab()
    if indicator_id not in voc.listed_measures or any(ch.isdigit() for ch in phrase) or "其中" in phrase:
        return False
    return any(mark in phrase for mark in voc.listed_marks)


def bracketed_aside(text: str, start: int, sentence_start: int | None = None) -> bool:
    """Whether the figure at ``start`` stands inside brackets opened in its sentence (the text from
    ``sentence_start_before(text, start)``, which a caller that has it passes as ``sentence_start``).

    >>> t = "开展活动27场次（2017年19场次），参与居民4300人次"
    >>> bracketed_aside(t, t.index("19")), bracketed_aside(t, t.index("4300")), bracketed_aside(t, t.index("27"))
    (True, False, False)
    """
    if sentence_start is None:
        sentence_start = sentence_start_before(text, start)
    opened = text.rfind("（", sentence_start, start)
    half_width = text.rfind("(", sentence_start, start)
    opened = opened if opened > half_width else half_width
    return opened >= 0 and text.find("）", opened, start) < 0 and text.find(")", opened, start) < 0
