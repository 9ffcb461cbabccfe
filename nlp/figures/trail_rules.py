"""What the figures before a figure (the ``Trail``) say about it: the scope carried on in its sentence, a
bare count counting what the one before counts, the whole a part belongs to, the object of a rate.
Read by nlp/figures/resolve.py, which keeps the order of the decisions."""

from __future__ import annotations

import re
from functools import partial

from nlp.figures.breakdown import parts_only
from nlp.figures.indicators import Indicator, by_id
from nlp.figures.neighbours import words_in
from nlp.figures.resolution_state import Figure, Resolution, Trail, resolution_vocab
from nlp.figures.scope import scope_of, strip_leading
from nlp.figures.subject_places import PLACE_KIND
from nlp.figures.wholes import (
    bare_rate,
    rate_object,
)
from nlp.records import Scope
from nlp.text.document import Text

# Counts of the unit's own subdivisions: the bare count after one is the unit's (辖8个村民小组，486户).
_SUBDIVISIONS = frozenset({"villager_groups", "residential_compounds", "grids"})
# Units of counts of homes and people (a bare count after one of these counts the same homes' people).
_PEOPLE_UNITS = frozenset({"户", "人", "名", "口人", "人次", "户次", "位"})


def scope_on_trail(doc: Text, upto: int, sentence_start: int, trail: Trail, level: str | None, own: str | None) -> Scope:
    """Places named since the last figure of the sentence, up to the counted noun (``upto``), decide;
    else that figure's scope carries on (全镇共有低保户612户、低保对象1140人)."""
    same_sentence = trail.scoped is not None and trail.scoped[0] >= sentence_start
    floor = trail.scoped[0] if same_sentence else sentence_start  # type: ignore[index]
    before = doc.text[floor : max(floor, upto)]
    found = scope_of(before, level, own, default=None, words=partial(words_in, doc), offset=floor)
    if found is not None:
        return found
    return trail.scoped[1] if same_sentence else Scope.UNIT  # type: ignore[index]


BASIC_TOTALS = ("population_total", "households_total")


def counts_the_same(text: str, figure: Figure, clause: str, trail: Trail) -> bool:
    """Whether a bare count (no noun of its own) counts what the figure right before it counts:
    its persons (脱贫户52户，186人) or the objects of the same act (转移39个村、3.1万余人). Not when 共
    sums the unit's own after a count of something else (辖7个村民小组，共412户), nor after a count of
    the unit's subdivisions unless 、 joins the two into one list (辖8个村民小组，486户1872人)."""
    if trail.last is None or not trail.last[1] or clause.strip(" 共有计约"):
        return False
    if trail.last_unit not in _PEOPLE_UNITS and "共" in clause:
        return False
    after_subdivisions = trail.counted is not None and trail.counted[1].indicator in _SUBDIVISIONS
    joined = text[figure.norm_start - len(clause) - 1 : figure.norm_start - len(clause)] == "、"
    return not after_subdivisions or joined


def whole_on_trail(figure: Figure, trail: Trail, part_clause: bool) -> Resolution | None:
    """The whole a figure naming only a part belongs to: after 其中, the nearest whole in the same
    unit; in a bare list (男性812人、女性796人), the population or household total before it."""
    for end, whole, unit in reversed(trail.wholes):
        if end < figure.norm_start - 300:
            break  # the wholes are in document order: none before this one is within reach either
        if unit != figure.unit:
            continue
        if part_clause and end >= figure.norm_start - 120:
            return whole
        if whole.indicator in BASIC_TOTALS and end >= figure.norm_start - 300:
            return whole
    return None


def usual_status_only(parts: dict[str, str], indicator_id: str, trail: Trail) -> bool:
    """Whether ``parts`` is only a status naming the usual population (常住, 户籍) of a measure whose
    total the document has not given before."""
    if set(parts) != {"status"} or parts["status"] not in resolution_vocab().usual_status:
        return False
    totals = {indicator_id} | resolution_vocab().usual_totals.get(indicator_id, frozenset())
    return not any(whole.indicator in totals for _, whole, _ in trail.wholes)


PERSON_UNITS = ("人", "口人")


def right_after_household_total(text: str, figure: Figure, trail: Trail) -> bool:
    """Whether a count of persons follows the household total at once (426户1580人, 426户、1580人)."""
    if trail.counted is None or trail.counted[1].indicator != "households_total" or trail.counted[1].breakdown:
        return False
    between = text[trail.counted[0] : figure.norm_start]
    return len(between) <= 1 and between in ("", "，", ",", "、")


def rate_part(indicator: Indicator, noun: str | None, before: str, sentence_start: int, trail: Trail) -> dict | None:
    """The object a rate is about: after 对 (居民对“红色物业”满意率92%), or, for a rate that names
    none (满意率), what the count before it in the sentence counts when that is another domain's
    (办理居民诉求86件，满意率100%); 调解纠纷12起，成功率100% is the mediation rate itself, and so is
    any rate whose modifiers the indicator table closes (办结率, 成功率: a rate of acting on what
    was counted)."""
    if indicator.modifiers == "kind" and (about := rate_object(before)):
        return {"kind": about}
    if indicator.modifiers != "kind":
        return _handled_object(indicator, noun, before)
    if not bare_rate(noun, indicator.names()) or trail.counted is None or trail.counted[0] < sentence_start:
        return None
    _, counted, subject = trail.counted
    if counted.indicator == indicator.id:
        return counted.breakdown  # 满意率分别达97.3%和98.8%: the second rate is about what the first is
    counted_indicator = by_id(counted.indicator) if counted.indicator else None
    if not subject or subject.endswith("率") or (counted_indicator and counted_indicator.category == indicator.category):
        return None
    return {"kind": subject}


# Rates of handling what was counted (办结率, 解决率) whose timeliness words name no object of their own.
_TIMELINESS = ("按时", "按期", "及时", "限时")
# The unit's caseload as a whole: a handling rate after a count of these is the whole rate (上报各类事件
# 1862件，办结率98.8%; 收集民情诉求107件，办结率94.4%: the written reports' gold, w039 w019 w058 w066).
_WHOLE_CASELOAD = frozenset({"事件", "事项", "诉求", "民意", "意见", "建议", "意见建议", "问题", "来访", "来信来访"})
# General words before a caseload word that name no sort of case (居民各类诉求, 社情民意, 民情诉求).
_GENERAL_FRONTS = ("各类", "各项", "居民", "群众", "社情", "民情", "网格", "的",
                   "并", "和", "及", "受理", "接待", "上报", "收集", "处置", "办理", "转办",  # 上报并处置各类事件
                   "力争", "确保", "保持")  # a target's verb (力争事件办结率98%以上)


def _whole_caseload(obj: str) -> bool:
    """Whether cases taken in are the unit's whole caseload, not one sort of case.

    >>> _whole_caseload("居民各类诉求"), _whole_caseload("社情民意"), _whole_caseload("信访事项"), _whole_caseload("投诉")
    (True, True, False, False)
    >>> _whole_caseload("并处置各类事件"), _whole_caseload("力争事件")
    (True, True)
    """
    return strip_leading(obj, _GENERAL_FRONTS) in _WHOLE_CASELOAD


# 解决: cases solved counted before their rate (解决各类企业诉求212件、办结率98.1%: the dev/facts gold, L09)
_CASES_TAKEN = re.compile(r"(?:受理|接待|上报|收集|处置|办理|转办|接到|收到|解决)(?:了)?([^，,。；;：:0-9０-９]{1,14}?)(?:共|达)?[0-9０-９]")


def _handled_object(indicator: Indicator, noun: str | None, before: str) -> dict | None:
    """Rule ``handled_object``: a handling rate (办结率) is the rate of one sort of case when its own
    modifier names the sort (信访件按期办结率100%), or when it is bare and its sentence (``before``)
    first counts cases taken in of one sort that is not the unit's whole caseload (受理物业方面的投诉
    137件，办结129件，办结率94.2%; 受理服务需求430件，办结率97.2%: the written reports' gold, w041 w016
    w052 w009); after a count of every case (上报各类事件1862件，办结率98.8%) it is the whole rate.

    >>> from nlp.figures.indicators import by_id
    >>> rate = by_id("problems_resolved_rate")
    >>> _handled_object(rate, "办结率", "全年受理物业方面的投诉137件，办结129件，")
    {'kind': '物业方面的投诉'}
    >>> _handled_object(rate, "办结率", "全年上报各类事件1862件，已办结1839件，") is None
    True
    """
    if indicator.id != "problems_resolved_rate" or not noun:
        return None
    name = next((n for n in sorted(indicator.names(), key=len, reverse=True) if noun.endswith(n)), None)
    if name is None:
        return None
    modifier = strip_trailing_words(noun[: len(noun) - len(name)], _TIMELINESS)
    if modifier:  # 群众意见处理率98%: the unit's whole caseload again
        return None if _whole_caseload(modifier) else {"kind": modifier}
    taken = _CASES_TAKEN.search(before)
    if taken is None:
        return None
    obj = taken.group(1).strip()
    return None if not obj or _whole_caseload(obj) else {"kind": strip_leading(obj, ("各类", "各项"))}


def strip_trailing_words(text: str, words: tuple[str, ...]) -> str:
    """``text`` without the words it ends with (按时|办结率 → the timeliness word goes).

    >>> strip_trailing_words("信访件按期", ("按期",)), strip_trailing_words("按时", ("按时",))
    ('信访件', '')
    """
    for word in words:
        if text.endswith(word):
            return text[: -len(word)]
    return text


# What may stand between 其中 and the counted noun without naming a part (其中有党员…, 其中共有…的).
_MARKER_FILLERS_FRONT = ("共有", "现有", "尚有", "还有", "有", "是", "为")
_MARKER_FILLERS_BACK = ("的", "有", "为", "是")
_PART_PHRASE_REACH = 12  # a longer stretch after 其中 is a clause of its own, no modifier
_AGE_BAND = re.compile(r"[0-9]+周?岁(?:以上|以下)?")


def part_under_marker(
    clause: str,
    at: int,
    indicator_id: str,
    figure: Figure,
    trail: Trail,
    modifier: str = "",
    opened_before: bool = False,
) -> dict[str, str] | None:
    """Rule ``part_under_marker``: after 其中/包括/含, a figure counting the measure of a whole given
    just before (same measure, within 120 characters) whose noun has a modifier no table knows is a
    part of that whole, named by the modifier as written (GUIDELINES: a 其中 clause names a part):
    党员72名，其中居住在辖区内的党员51名 → {"kind": "居住在辖区内"}; 务工人员320人，其中省外务工210人
    → {"kind": "省外"}. ``modifier`` is what the counted noun has before the measure's name, read even
    when it is a word that leaves a measure whole alone (残疾人56人，其中持证残疾人48人 → {"kind": "持证"}).
    A place in the phrase is left to scope (其中锦绣小区党员18名: part scope). ``opened_before`` says
    that 其中 opened a 、 list the clause continues (其中党员志愿者168名、青少年志愿者95名).

    >>> from nlp.figures.resolution_state import Resolution
    >>> trail = Trail(wholes=[(10, Resolution("party_members"), "名")])
    >>> figure = Figure(28, 31, "党员", "名", None, 26)
    >>> part_under_marker("其中居住在辖区内的党员", 9, "party_members", figure, trail)
    {'kind': '居住在辖区内'}
    >>> part_under_marker("其中有党员", 3, "party_members", figure, trail) is None
    True
    """
    lead = clause[:at] if at >= 0 else clause
    words = resolution_vocab().part_clause
    opened = max((lead.rfind(w) + len(w) for w in words if w in lead), default=0 if opened_before else -1)
    if opened < 0:
        return None
    phrase = lead[opened:].lstrip("，,：: ") + modifier
    changed = True
    while changed and phrase:
        changed = False
        for filler in _MARKER_FILLERS_FRONT:
            if phrase.startswith(filler):
                phrase, changed = phrase[len(filler) :], True
        for filler in _MARKER_FILLERS_BACK:
            if phrase.endswith(filler):
                phrase, changed = phrase[: -len(filler)], True
    if not phrase or len(phrase) > _PART_PHRASE_REACH or PLACE_KIND.search(phrase):
        return None
    if any(c.isdigit() for c in _AGE_BAND.sub("", phrase)):  # a count in the phrase (其中3个小组的…); an age band is a part
        return None
    # the figure it is a part of: a whole of the same measure, or the figure right before (a part of
    # a part is a part: 外出务工人员320人，其中省外务工210人)
    before = trail.counted
    if not any(
        whole.indicator == indicator_id and end >= figure.norm_start - 120 for end, whole, _ in reversed(trail.wholes)
    ) and not (before is not None and before[1].indicator == indicator_id and before[0] >= figure.norm_start - 120):
        return None
    return {"kind": phrase}


_LIST_JOINS = "，,、；;（(： "
_SAME_COUNT_WORDS = frozenset({"人", "名"})  # 党员76名，女19人: one count of people


def listed_part(
    text: str, figure: Figure, noun: str | None, clause: str, at: int, trail: Trail
) -> tuple[str, dict[str, str]] | None:
    """Rule ``listed_part``: a figure that names only a part (女19名, 在职31名, 城镇132户, 一级12人) right
    after a figure with an indicator in the same list (joined by ，、；or an opening bracket, within 40
    characters, the same count word) is that part of the same measure: 在册党员76名，女19名，男57名 →
    party_members {sex 女}; 低保户520户，城镇132户，农村388户 (GUIDELINES: parts listed without 其中
    are parts all the same). The part's noun is written before it (not 与127名空巢老人结对) and a whole of
    the measure was given within 80 characters (常年外出务工780人，在家1530人 names no part of employment).
    Returns (indicator id, parts)."""
    before = trail.counted
    if before is None or before[1].indicator is None or before[0] < figure.norm_start - 40 or (noun and at < 0):
        return None
    if not any(w.indicator == before[1].indicator and end >= figure.norm_start - 80 for end, w, _ in trail.wholes):
        return None
    if trail.last_unit != figure.unit and not {trail.last_unit, figure.unit} <= _SAME_COUNT_WORDS:
        return None
    clause_start = figure.norm_start - len(clause)
    if clause_start < before[0] or text[before[0] : clause_start].strip(_LIST_JOINS):
        return None  # only list marks between the two figures
    only = parts_only(noun or clause.strip(_LIST_JOINS))
    return (before[1].indicator, only) if only else None
