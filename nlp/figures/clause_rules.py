"""Rules that read a figure's clause when its counted noun alone names no column, or the wrong one.

Each rule is a pure function over the words before the figure, named for the construction it reads;
nlp/figures/resolve.py applies them. The words are data (``nlp/resources/resolution.toml``, the
tables named after each rule):

- ``visit_count`` (``[visits]``): a count of homes after 走访/入户 is households_visited, whatever is
  visited (走访慰问孤寡老人、残疾人家庭等140余户次);
- ``caring_visit`` (``[visits] caring``): 慰问困难群众90余人次 (no 走访) is hardship_visits;
- ``outcome_measure`` (``[outcome]``): 调解成功40起 counts the disputes mediated with success;
- ``elided_part`` (``[elided_change]``): 低保户21户，全年新增3户、退出2户 / 重度残疾人53名，三、四级95名 — a
  part with no noun is a part of the measure counted before it (``grades_joined_before``: 一、二级 is one marker);
- ``participant_measure`` (``[participating]``): 参加党员56人次, 参与居民210人, 听众近900人次 count those
  who took part in an act (参训党员130人次: trainees);
- ``quoted_act`` (``[named_act]``): 开展“邻里守望”活动4次 counts one named act, a kind;
- ``donors_only`` (``[donors]``): 党员群众自愿|捐款 names who gave, no occasion: the whole donations;
- ``registered_noun`` (``[registering]``): 在职党员到社区报到43名 counts 在职党员;
- ``employment_outcome`` (``[employment_outcome]``): 帮助失业人员再就业61人 counts employed persons;
- ``team_before`` (``[teams]``): 组建“银铃守护”志愿服务队，吸纳志愿者186名 counts one team's volunteers;
- ``names_every_kind`` (``[totals] every_kind``): 低保金及各类救助金 is the total paid;
- ``zero_measure``: 刑事案件零发生 is a figure (0) of the measure its noun names, with no unit;
- ``part_clause_opened``: whether 其中 opens the stretch between a whole and a figure (其中文艺演出10场、
  讲座8场: each listed act is a kind of the whole before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.breakdown import read_modifier
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
    taking_part: tuple[str, ...]
    bringing: tuple[str, ...]
    learning: tuple[str, ...]
    act_units: frozenset[str]
    bare_leads: tuple[str, ...]
    participant_units: frozenset[str]
    repeat_units: frozenset[str]
    people_heads: tuple[str, ...]
    quote_open: str
    quote_close: str
    units: tuple[str, ...]  # every unit of the table, in table order
    donors: tuple[str, ...]
    every_kind: tuple[str, ...]
    registering: tuple[str, ...]
    team_heads: tuple[str, ...]
    team_openers: tuple[str, ...]
    stock_words: tuple[str, ...]
    employment_measure: str
    employment_words: tuple[str, ...]  # longest first
    employment_kinds: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")
    verbs: dict[str, Indicator] = {}
    for indicator in indicators():
        for verb in indicator.verbs:
            verbs.setdefault(verb, indicator)
    part = data["participating"]
    return _Vocab(
        visit_verbs=tuple(data["visits"]["verbs"]),
        visit_units=frozenset(data["visits"]["units"]),
        visit_stops=tuple(data["visits"]["stops"]),
        caring=tuple(data["visits"]["caring"]),
        caring_units=frozenset(data["visits"]["caring_units"]),
        outcomes=frozenset(data["outcome"]["words"]),
        verb_measures=tuple(sorted(verbs.items(), key=lambda item: -len(item[0]))),
        change_openers=tuple(sorted(data["elided_change"]["openers"], key=len, reverse=True)),
        taking_part=tuple(part["taking_part"]),
        bringing=tuple(part["bringing"]),
        learning=tuple(part["learning"]),
        act_units=frozenset(part["act_units"]),
        bare_leads=tuple(part["bare_leads"]),
        participant_units=frozenset(part["units"]),
        repeat_units=frozenset(part["repeat_units"]),
        people_heads=tuple(part["heads"]),
        quote_open="".join(data["named_act"]["opening"]),
        quote_close="".join(data["named_act"]["closing"]),
        units=tuple(dict.fromkeys(unit for indicator in indicators() for unit in indicator.units)),
        donors=tuple(sorted(data["donors"]["words"], key=len, reverse=True)),
        every_kind=tuple(data["totals"]["every_kind"]),
        registering=tuple(data["registering"]["verbs"]),
        team_heads=tuple(sorted(data["teams"]["heads"], key=len, reverse=True)),
        team_openers=tuple(data["teams"]["openers"]),
        stock_words=tuple(data["teams"]["whole_words"]),
        employment_measure=data["employment_outcome"]["measure"],
        employment_words=tuple(sorted(data["employment_outcome"]["words"], key=len, reverse=True)),
        employment_kinds=tuple(data["employment_outcome"]["kinds"]),
    )


def phrase_before(text: str, start: int) -> str:
    """The phrase before a figure: back to the last sentence break or comma, across 、 lists.

    >>> phrase_before("全年走访慰问孤寡老人、残疾人家庭等140余户次", 17)
    '全年走访慰问孤寡老人、残疾人家庭等'
    """
    low = max(0, start - PHRASE_REACH)
    found = _TO_PHRASE_BREAK.match(text, low, start) if start > low else None
    return text[found.end() if found else low : start]


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
    while opener := next((o for o in openers if words.startswith(o) and len(words) > len(o)), None):
        words = words[len(opener) :]
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


def participant_measure(clause: str, noun: str | None, unit: str, unit_before: str | None) -> str | None:
    """The measure of a count of people who took part in an act, or None: a verb of taking part in its
    clause (参加党员56人次, 参赛居民64人), a verb that brings or reaches people and a count of attendances
    (发动群众620人次), or, with no verb, attendances right after a count of acts (举办11期，听众近900人次) →
    participants; a verb of attending a lesson (参训党员130人次) → trainees.

    ``clause`` runs up to the end of the counted noun; ``unit_before`` is the unit of the figure before
    it in its sentence, if any.

    >>> participant_measure("参加党员", "党员", "人次", None), participant_measure("参与居民", "居民", "人", None)
    ('participants', 'participants')
    >>> participant_measure("组织党员", "党员", "名", None), participant_measure("听众", "听众", "人次", "期")
    (None, 'participants')
    >>> participant_measure("社区党员", "党员", "名", "次"), participant_measure("接待来访群众", "来访群众", "人次", "件")
    (None, None)
    >>> participant_measure("参训党员", "参训党员", "人次", "期"), participant_measure("服务居民", "服务居民", "人次", "场")
    ('trainees', None)
    """
    voc = _vocab()
    if unit not in voc.participant_units:
        return None
    if noun and not noun.endswith(voc.people_heads):
        return None
    if any(verb in clause for verb in voc.learning):
        return "trainees"
    if any(verb in clause for verb in voc.taking_part):
        return "participants"
    if unit not in voc.repeat_units:
        return None
    if any(verb in clause for verb in voc.bringing):
        return "participants"
    lead = clause[: len(clause) - len(noun)] if noun and clause.endswith(noun) else clause
    head = next((h for h in voc.people_heads if noun and noun.endswith(h)), "")
    rest = noun[: len(noun) - len(head)] if noun else ""  # 服务|居民: a verb of its own, another measure
    bare = (lead.strip(" \u3000") in voc.bare_leads or not lead.strip(" \u3000")) and (
        not rest or rest.endswith(voc.people_heads)
    )
    return "participants" if bare and unit_before in voc.act_units else None


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


def registered_noun(clause: str) -> str | None:
    """The noun a count after a verb of registering counts: the words before the verb and its 到-place
    phrase (在职党员到社区报到 → 在职党员); None when the clause does not end with such a verb.

    >>> registered_noun("辖区在职党员到社区报到"), registered_noun("在职党员报到"), registered_noun("社区党员")
    ('辖区在职党员', '在职党员', None)
    """
    clause = clause.rstrip("了共达计 ")
    verb = next((v for v in _vocab().registering if clause.endswith(v)), None)
    if verb is None:
        return None
    before = clause[: -len(verb)]
    place = before.rfind("到")
    return (before[:place] if place > 0 else before) or None


def measure_of_phrase(phrase: str, unit: str, reach: int = 10) -> tuple[Indicator, dict[str, str] | None] | None:
    """The measure the longest tail of ``phrase`` (at most ``reach`` characters) names in ``unit``.

    >>> ind, parts = measure_of_phrase("辖区在职党员", "名"); ind.id, parts
    ('party_members', {'status': '在职'})
    """
    for start in range(max(0, len(phrase) - reach), len(phrase)):
        indicator, parts, _ = resolve_noun(phrase[start:], unit)
        if indicator is not None:
            return indicator, parts
    return None


def employment_outcome(upto_noun: str, after: str) -> tuple[str, dict[str, str] | None] | None:
    """The measure and part of people helped into work: the words of finding work end the counted
    phrase (帮助失业人员再就业|61人) or follow the figure (帮助42名失业人员|实现再就业).

    >>> employment_outcome("帮助失业人员再就业", ""), employment_outcome("帮助", "失业人员实现再就业")
    (('employed_persons', {'kind': '再就业'}), ('employed_persons', {'kind': '再就业'}))
    >>> employment_outcome("新增就业", ""), employment_outcome("为", "失业人员提供就业指导")
    (None, None)
    """
    voc = _vocab()
    word = next((w for w in voc.employment_words if upto_noun.endswith(w)), None)
    word = word or next((w for w in voc.employment_words if after.endswith(w)), None)
    if word is None:
        return None
    kind = next((k for k in voc.employment_kinds if k in word), None)
    return voc.employment_measure, {"kind": kind} if kind else None


def team_before(sentence: str, noun: str | None) -> str | None:
    """The one team a count of volunteers belongs to: a team named earlier in the sentence and not
    counted itself (组建“银铃守护”志愿服务队，吸纳志愿者 → “银铃守护”志愿服务队); None for the registered
    stock (注册志愿者) or with no team named.

    >>> team_before("社区组建“银铃守护”志愿服务队，吸纳志愿者", "志愿者")
    '“银铃守护”志愿服务队'
    >>> team_before("组建志愿服务队5支，注册志愿者", "注册志愿者"), team_before("组建志愿服务队5支，吸纳", None)
    (None, None)
    """
    voc = _vocab()
    if noun and any(word in noun for word in voc.stock_words):
        return None
    best = max(((sentence.rfind(head), head) for head in voc.team_heads), default=(-1, ""))
    at, head = best
    if at < 0:
        return None
    end = at + len(head)
    if end < len(sentence) and (sentence[end].isdigit() or sentence[end] in "一二三四五六七八九十两"):
        return None  # 组建志愿服务队5支: teams counted
    start = max(sentence.rfind(mark, 0, at) for mark in PHRASE_BREAKS + "、") + 1
    for opener in voc.team_openers:
        found = sentence.find(opener, start, at)
        if found >= 0:
            start = found + len(opener)
            break
    return sentence[start:end] or None


def names_every_kind(kind: str) -> bool:
    """Whether a sum's named funds include every kind after another (低保金及各类救助金): the total.

    >>> names_every_kind("低保金及各类救助金"), names_every_kind("低保中秋慰问金"), names_every_kind("雨露计划等各类资助")
    (True, False, False)
    """
    return any(joiner + word in kind for word in _vocab().every_kind for joiner in _JOINERS)


_JOINERS = ("及", "和", "与")  # 低保金及各类救助金; 等各类 lists kinds (“雨露计划”等各类资助 is a kind)
