"""Indicator resolution: which measure a figure is a value of, which part of it, and whose figure it is.

The decision reads, for each figure:

- the **counted noun**, its **modifiers** and the **verb** before it (nlp/figures/measures.py): the
  longest synonym of the indicator table names the measure, breakdown markers make a part, a verb of
  the table makes its measure of a noun the table knows;
- the **evidence for a whole** (nlp/figures/wholes.py): a sum of money is whole only as a total, a
  rate about one object, the act named with a narrowing modifier, acts listed before 等 and the
  audience of one named act are parts;
- the **clause**: a change word right before the noun (新增低保5户) is a part; a figure in a 其中
  clause that names only a part (其中男性1450人) is that part of the measure before it; a figure per
  period or head, of an earlier period, or a group's share has no column;
- the **place** named before the figure in its sentence, judged against the level of the report
  (``scopes.csv``, nlp/figures/scope.py): 全市 in a community's report is ``wider``, a 小区 or 网格 is
  a ``part``, another community named in a community's report is ``other``.

Reading the parts is nlp/figures/breakdown.py; this module puts them together in document order (a
其中 part needs the whole before it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, partial

from nlp.figures.act_parts import (
    PER_ACT,
    act_part,
    clause_rule_measure,
    participants,
    per_act_part,
    volunteers_part,
)
from nlp.figures.acting import acting_subjects
from nlp.figures.benefit_rules import benefit_after
from nlp.figures.breakdown import (
    ACTS,
    MONEY_ACTS,
    kind_before,
    markers_before,
    parts_only,
    purpose_after,
    strip_whole_front,
)
from nlp.figures.clause_rules import (
    bracketed_aside,
    caring_visit,
    counts_visits,
    donors_only,
    grades_joined_before,
    names_every_kind,
    phrase_before,
    reads_listed_sorts,
    sorts_listed,
    visit_count,
)
from nlp.figures.clauses import clause_after, clause_before, sentence_start_before
from nlp.figures.indicators import Indicator, by_id
from nlp.figures.measures import apply_verb, keeps_register, longest_measure
from nlp.figures.neighbours import words_in
from nlp.figures.no_column import (
    earlier_year,
    financing,
    no_measure_fits,
    not_a_total,
    others_revenue,
    per_period_across_list,
)
from nlp.figures.own_kind import own_words_only, series_name
from nlp.figures.part_rules import one_month, outcome_after_count
from nlp.figures.people_rules import counts_people_taking_part, employment_outcome
from nlp.figures.planned import is_start_value
from nlp.figures.project_sums import applies_to, projects_summed
from nlp.figures.resolution_state import Figure, Resolution, Trail, record, resolution_vocab
from nlp.figures.scope import PLACE_KINDS, named_places, strip_ordinal, strip_scope_words
from nlp.figures.stock_acts import acted_on
from nlp.figures.subject_phrases import RATE_UNITS
from nlp.figures.subject_places import PLACE_KIND, PLACE_KIND_FIRSTS, place_kind_opening, places_in_subject
from nlp.figures.subjects import households_persons
from nlp.figures.subset_rules import is_stock, relative_subset, start_of_period
from nlp.figures.trail_rules import (
    BASIC_TOTALS,
    PERSON_UNITS,
    counts_the_same,
    listed_part,
    part_under_marker,
    rate_part,
    right_after_household_total,
    scope_on_trail,
    usual_status_only,
    whole_on_trail,
)
from nlp.figures.wholes import (
    act_kind,
    after_touching_verb,
    listed_examples,
    listed_kind,
    money_kind,
    named_act,
    names_total,
    whole_statistic,
)
from nlp.figures.zeros import is_not_one_at
from nlp.records import Scope
from nlp.resources import load_toml
from nlp.text.document import Text

# What a count after 慰问 reads as when the noun alone decides: those cared for, a hardship visit.
_CARED_FOR = frozenset({"participants", "hardship_households", "low_income_households", "elderly_persons"})
_EMPLOYED_UNITS = (*PERSON_UNITS, "名")  # the units of a count of people helped into work
# Measures of people that a verb of taking part does not make an audience: they count those acted for.
_NOT_AUDIENCES = frozenset({*PER_ACT, "households_visited", "hardship_visits", "volunteers", "employed_persons"})  # 帮助62名居民实现就业: those who found work


def _resolve_one(
    doc: Text,
    figure: Figure,
    sentence_start: int,
    trail: Trail,
    level: str | None,
    own: str | None,
    year: int | None = None,
) -> Resolution:
    voc = resolution_vocab()
    text = doc.text
    norm_start, norm_end, unit = figure.norm_start, figure.norm_end, figure.unit  # (read once: a named tuple's fields are descriptors)
    clause = clause_before(text, norm_start)
    clause_start = norm_start - len(clause)
    if clause_start > 1 and text[clause_start - 1] == "、":  # (the only case the rule reads further)
        clause_start = grades_joined_before(text, clause_start)
        clause = text[clause_start : norm_start]  # 其中一、二级|重度残疾人: one marker across the 、
    noun = figure.subject
    if noun:
        noun = strip_scope_words(strip_ordinal(noun))  # 全县|低保户: the place is judged by scope, not the measure
        places = places_in_subject(doc, figure, noun) if PLACE_KIND.search(noun) else None
        if places and places[-1][2] < len(noun):  # 红星社区调解纠纷: the place is no modifier
            noun = noun[places[-1][2] :]
    at = clause.rfind(noun) if noun else -1
    if noun and at > 0:
        kind = place_kind_opening(noun) if noun[0] in PLACE_KIND_FIRSTS else None
        named = named_places(clause[: at + len(kind)], partial(words_in, doc), clause_start) if kind else []
        if kind and named and named[-1][2] == at + len(kind):  # 桃园|村投资: the 村 ends the place's name
            noun, at = noun[len(kind) :], at + len(kind)
    indicator, parts, lead, named = longest_measure(noun, clause, at, unit)
    if (
        not_a_total(clause, unit)
        or is_start_value(text, norm_start, norm_end)
        or earlier_year(clause, year)
        or per_period_across_list(text, clause_start, norm_start, unit)
    ):
        return record(Resolution(None), figure, trail)
    if indicator is not None and is_stock(indicator.id) and (
        start_of_period(clause) or relative_subset(words_in(doc, clause_start, norm_start), noun)
    ):  # rules ``start_of_period`` (年初有党员66名) and ``relative_subset`` (持证上岗的有172人)
        resolution = record(Resolution(None), figure, trail)
        trail.by_unit[unit] = (norm_end, indicator.id)  # the measure stays for an elided change (年内发展2名)
        trail.counted = (norm_end, Resolution(indicator.id), figure.subject)
        return resolution
    if noun and noun.endswith(voc.task_groups):  # rule ``task_group``: 下设4个工作组 counts no measure
        return record(Resolution(None), figure, trail)
    if indicator is not None and (indicator.verbs or parts) and is_not_one_at(text, norm_start):
        # rule ``not_one_no_act``: a "not one" zero says something did not happen; it counts no act of
        # the unit (无一件矛盾上交 is no disputes_mediated) and says nothing of a measure's other sorts
        # (未发生一起越级上访 is no petitions figure); 未发生一起刑事案件 stays criminal_cases
        return record(Resolution(None), figure, trail)
    if indicator is None and (ruled := clause_rule_measure(doc, figure, noun, clause, sentence_start, trail)):
        indicator, ruled_parts = ruled
        scope = scope_on_trail(doc, norm_start, sentence_start, trail, level, own)
        return record(Resolution(indicator.id, ruled_parts or None, scope), figure, trail)
    if figure.bare_total and indicator is None and not named:
        chained = counts_the_same(text, figure, clause, trail)
        after_households = (  # 居民2100户，6300人 / 户籍人口9316人、3420户: the other basic total
            trail.counted is not None
            and trail.counted[1].indicator in BASIC_TOTALS
            and trail.counted[1].breakdown is None
            and figure.bare_total in BASIC_TOTALS
            and figure.bare_total != trail.counted[1].indicator
        )
        adjacent = trail.counted is not None and trail.counted[0] >= norm_start - len(clause) - 2
        if after_households or not (chained or adjacent):  # 脱贫户52户，186人: those households' persons
            indicator = by_id(figure.bare_total)
    elif indicator is None and unit in PERSON_UNITS and right_after_household_total(text, figure, trail):
        indicator = by_id("population_total")  # 共有农户426户1580人: the persons of all households
    verb_clause = clause[: at + len(noun)] if noun and at >= 0 else clause
    if unit == "元" and clause_start > 0 and text[clause_start - 1] == "、" and noun and at >= 0:
        # rule ``verb_across_list``: the verb of a 、 list of sorts of money stands before its first item
        # (发放高龄津贴、残疾人补贴等资金18万元 is paid out); for counts of people or acts a list joins
        # objects of several verbs (培训网格员40人、楼栋长25名、志愿者60名), so only money reads it
        verb_clause = phrase_before(text, clause_start) + verb_clause
    def lead_words() -> list[str]:  # the document's own words of the lead, read only if a verb needs them
        return [w for w, _ in words_in(doc, clause_start, clause_start + len(lead))] if lead else []

    # rule ``purpose_after_sum``: a noun written after a sum of money (投入80万元|整治河道) is what the money
    # is for, not what the figure counts: the verb decides the measure, the purpose its kind (below)
    counted = None if noun and at < 0 and unit.endswith("元") else noun
    indicator, parts = apply_verb(
        indicator, parts, verb_clause, lead_words, unit, noun if parts else None, counted
    )
    if indicator is not None and financing(indicator.id, verb_clause):  # 申报专项债券资金6亿元: raised, not spent
        return record(Resolution(None), figure, trail)
    if indicator is not None and others_revenue(indicator.id, noun):  # 财政收入2.4亿元: the government's, no income
        return record(Resolution(None), figure, trail)
    if indicator is not None and acted_on(indicator.id, words_in(doc, clause_start, norm_start)):
        return record(Resolution(None), figure, trail)  # 关停污染企业37家: those closed, no stock
    if indicator is not None and not parts and (kind := act_kind(noun, indicator.verbs, indicator.names())):
        parts = {"kind": kind}  # 开展职业技能培训120人次: one kind of the act
    if indicator is not None and indicator.modifiers == "closed" and indicator.id not in PER_ACT and not parts:
        noun_at = clause_start + max(at, 0)
        if after_touching_verb(words_in(doc, sentence_start, noun_at)):  # 涉及…住户2670户: those reached
            indicator = None
    if indicator is not None and indicator.modifiers == "closed" and indicator.id not in PER_ACT:
        after = clause_after(text, norm_end).lstrip("，, ")
        if noun and at < 0 and after.startswith(noun):  # 80余名老人到场聆听: the noun written after the figure
            after = after[len(noun) :]
        verb = next((v for v in voc.taking_part if after.startswith(v)), None) if after.startswith(voc.taking_part) else None
        if verb is None and noun and at < 0 and text.startswith(noun, norm_end):
            noun_end = norm_end + len(noun)  # rule ``acting_subjects``: 62名党员|自愿捐款 counts those who gave
            if not keeps_register(clause, indicator.id) and acting_subjects(
                words_in(doc, noun_end, noun_end + len(after) + 1), clause
            ):
                indicator = None
        if verb:  # 居民1800人参加了健身活动: those who took part in one act, no stock
            took_part = by_id("participants")
            indicator = took_part if took_part is not None and unit in took_part.units else None
            act = after[len(verb) :].lstrip("了")
            if len(act) <= 2:  # 到场聆听: the act is the one the sentence named before
                act = named_act(text[sentence_start:norm_start]) or text[sentence_start:norm_start].split("，")[0] or act
            parts = {"kind": act} if indicator is not None and act else None
    if indicator is None and noun:
        only = parts_only(noun)
        whole = whole_on_trail(figure, trail, any(w in clause for w in voc.part_clause)) if only else None
        if whole is not None:  # 总人口3180人，其中男性1620人 / 总户数428户，常住人口户数405户
            indicator, parts = by_id(whole.indicator), only  # type: ignore[arg-type]
    if indicator is None and (listed := listed_part(text, figure, noun, clause, at, trail)):
        indicator, parts = by_id(listed[0]), listed[1]  # 在册党员76名，女19名，男57名
    if indicator is not None and noun and at >= 0:
        money = indicator.id in voc.purpose_indicators
        kinded = indicator.modifiers == "kind" or (parts or {}).get("kind") == strip_whole_front(noun)
        kind = kind_before(lead, MONEY_ACTS if money else ACTS) if kinded else None
        if kind:  # the words between the act and the noun name the kind: 开展|上门|活动 → 上门活动
            bare_act = unit in RATE_UNITS or noun in indicator.verbs  # 抗洪救灾|捐款: the occasion
            parts = {**(parts or {}), "kind": kind if bare_act else kind + noun}
        else:
            parts = {**markers_before(lead), **(parts or {})}
    if indicator is not None and indicator.id in voc.purpose_indicators and (
        whole_statistic(noun) or whole_statistic(_COMPLETION_AFTER.sub("", clause))
    ):
        parts = None  # 全社会固定资产投资18.6亿元: the statistic is the whole

    elif indicator is not None and indicator.id in voc.purpose_indicators:
        purpose = purpose_after(clause_after(text, norm_end))
        if purpose and "kind" not in (parts or {}):
            parts = {**(parts or {}), "kind": purpose}
        elif not parts and indicator.id not in voc.collected:
            if not names_total([w for w, _ in words_in(doc, clause_start, norm_start)], text[sentence_start:norm_start]):
                kind = money_kind(noun, lead, partial(words_in, doc), clause_start)  # one thing's unless a total
                if kind == "项目" and applies_to(indicator.id):  # no object written: the class of projects counted before
                    kind = projects_summed(text[sentence_start:norm_start]) or kind
                parts = {"kind": kind}
            elif applies_to(indicator.id) and (projects := projects_summed(text[sentence_start:norm_start])):
                parts = {"kind": projects}  # 实施市级重点项目41个，累计完成投资23.6亿元: that class's total
    if indicator is not None and indicator.id in voc.purpose_indicators and parts and "status" in parts and noun:
        # rule ``money_status``: a welfare status names a sort of money, not of those paid (GUIDELINES:
        # 低保中秋慰问金 is one kind; only sex, age and area are dimensions of their own)
        status = parts.pop("status")
        parts["kind"] = parts.get("kind") or (noun[noun.find(status) :] if status in noun else status + noun)
    if indicator is not None and indicator.id in voc.purpose_indicators and set(parts or ()) == {"kind"}:
        if names_every_kind(parts["kind"]):  # type: ignore[index]
            parts = None  # 发放低保金及各类救助金86万元: the total paid
    if indicator is not None and indicator.id in voc.collected and set(parts or ()) == {"kind"} and donors_only(parts["kind"]):  # type: ignore[index]
        parts = None  # 组织党员群众自愿捐款2.86万元: who gave, no occasion
    if indicator is not None and not parts and noun and (indicator.modifiers == "kind" or indicator.part_of):
        if kind := listed_kind(lead, noun):  # 开展宣传、义诊等活动6次: the kinds listed
            parts = {"kind": kind}
    phrase = None  # the phrase before the figure (across 、 lists), read once by the rules that need it
    if indicator is not None and set(parts or ()) == {"kind"} and reads_listed_sorts(indicator.id):
        phrase = phrase_before(text, norm_start)
        if sorts_listed(indicator.id, phrase):
            parts = None  # 调处邻里、家庭等矛盾纠纷34起: the sorts handled listed, the whole
    if indicator is not None and unit in RATE_UNITS and not parts:
        parts = rate_part(indicator, noun, text[sentence_start : clause_start + max(at, 0)], sentence_start, trail)
    listed = trail.listed
    if indicator is not None and not parts and listed is not None and "area" in (listed.breakdown or {}):
        joined = text[norm_start - len(clause) - 1 : norm_start - len(clause)] == "、"
        before = by_id(listed.indicator)  # type: ignore[arg-type]
        if joined and before is not None and before.category == indicator.category:
            parts = {"area": listed.breakdown["area"]}  # type: ignore[index]  # 农村低保户612户、低保对象1140人
    employment = indicator is None or indicator.id in ("unemployed_persons", "participants") or (indicator.id == "employed_persons" and not parts)
    if employment and unit in _EMPLOYED_UNITS:
        upto = clause[: at + len(noun)] if noun and at >= 0 else clause
        if found := employment_outcome(upto, clause_after(text, norm_end).rstrip("。，,；;")):
            indicator, parts = by_id(found[0]), found[1]  # 帮助失业人员再就业61人: those who found work
    if phrase is None and counts_visits(unit):
        phrase = phrase_before(text, norm_start)
    if phrase is not None and visit_count(phrase, unit):
        visited = by_id("households_visited")  # 走访慰问孤寡老人、残疾人家庭等140余户次: whatever is visited
        if visited is not None and (indicator is None or indicator.id != visited.id):
            indicator, parts = visited, None
    elif phrase is not None and (indicator is None or indicator.id in _CARED_FOR) and caring_visit(phrase, unit):
        indicator, parts = by_id("hardship_visits"), None  # 慰问困难群众90余人次: no 走访, a hardship visit
    if (indicator is None or indicator.id not in _NOT_AUDIENCES) and counts_people_taking_part(unit):
        indicator, parts, audience = participants(text, figure, noun, clause, at, sentence_start, trail, indicator, parts)
    else:
        audience = False
    if indicator is not None and not parts and noun and unit in voc.period_acts:
        indicator, parts = act_part(text, figure, noun, clause, at, sentence_start, trail, indicator)
    if indicator is not None and indicator.id == "volunteers" and not parts:
        parts = volunteers_part(text[sentence_start : norm_start], noun, unit)
    if indicator is not None and indicator.id in PER_ACT and not parts and not audience:
        parts = per_act_part(indicator.id, text[sentence_start : norm_start], sentence_start, trail)
    if parts == {"change": "累计"} and (unit in voc.period_acts or (indicator is not None and indicator.id in voc.period_measures)):
        parts = None  # 累计走访住户1253户次: the acts of the period summed, the period's whole count
    if indicator is not None and parts and usual_status_only(parts, indicator.id, trail):
        parts = None  # 社区常住居民3126户: with no total before it, the usual population is the whole
    if indicator is not None and not parts:
        parts = outcome_after_count(clause, at, indicator.id, figure, sentence_start, trail)  # 调解纠纷37起，成功化解34起
    if indicator is not None and not parts and unit in voc.period_acts:
        parts = one_month(text[sentence_start:norm_start])  # 当月共开展各类活动9场
    if indicator is not None and not parts and noun and at >= 0:
        name = next((n for n in sorted(indicator.names(), key=len, reverse=True) if noun.endswith(n)), noun)
        in_list = clause_start > 0 and text[clause_start - 1] == "、"
        opened = in_list and any(w in phrase_before(text, clause_start) for w in voc.part_clause)
        parts = part_under_marker(clause, at, indicator.id, figure, trail, noun[: len(noun) - len(name)], opened)  # 其中居住在辖区内的党员51名
    if indicator is not None and set(parts or ()) == {"kind"} and noun in indicator.names() and at > 0 and _EVERY_SORT_AFTER_LIST.search(clause, 0, at):
        parts = None  # rule ``every_sort``: 开展文体活动、健康讲座等各类活动45场 counts every sort, the whole
    if (
        indicator is not None
        and set(parts or ()) == {"kind"}
        and noun
        and parts["kind"].endswith("等" + noun)  # type: ignore[index]  # (the list's kind: read the sentence only then)
        and listed_examples(
            parts["kind"], noun, indicator, text[sentence_start : norm_start - len(phrase_before(text, norm_start))]  # type: ignore[index]
        )
    ):
        parts = None  # rule ``listed_examples``: 开展读书会、插花等活动16场 gives examples of every activity
    if indicator is None and not noun and (same := _value_in_list(text, figure, trail)) is not None:
        indicator, parts = by_id(same.indicator), dict(same.breakdown) if same.breakdown else None  # type: ignore[arg-type]
    if indicator is None and noun and (total := _count_word_total(noun, figure, sentence_start, trail)) is not None:
        indicator, parts = total, None  # 新增监控探头30个，总数增加到96个: the measure's total
    if (same := _persons_of_households(text, figure, trail)) is not None:
        indicator, parts = same  # 排查住户3364户、9086人: the persons of the households screened
    if unit in _EMPLOYED_UNITS:
        granted = benefit_after(indicator, unit, noun, clause_after(text, norm_end), text[sentence_start:norm_start])
        if granted is not None:  # 为158名80周岁以上老人发放高龄津贴: the allowance's recipients, whole
            indicator, parts = granted, None
    # places up to the figure, the counted noun included (桃园村投资…), unless the noun is itself a place
    # that is counted (改造老旧小区20个)
    noun_start = norm_start
    if noun and at >= 0 and noun.endswith(PLACE_KINDS):
        noun_start = norm_start - len(clause) + at
    # those who took part are the unit's audience: only a place in their own clause moves them (the
    # places before it are where the act went: 组织党员到县烈士陵园瞻仰，参加党员39人)
    floor = clause_start if audience else sentence_start
    scope = scope_on_trail(doc, noun_start, floor, trail, level, own) if indicator is not None else Scope.UNIT
    if indicator is not None and set(parts or ()) == {"kind"} and own_words_only(
        parts["kind"], indicator.names(), indicator.verbs  # type: ignore[index]
    ):
        parts = None  # rule ``own_words_kind``: 环境卫生大扫除14次 names no sort of the campaigns
    elif indicator is not None and set(parts or ()) == {"kind"} and (
        name := series_name(indicator.id, parts["kind"], indicator.names(), indicator.verbs)  # type: ignore[index]
    ):
        parts = {"kind": name}  # 开展“整洁楼院”清扫行动8次: the series' name alone
    if parts and "kind" in parts:
        parts = {**parts, "kind": paired_quotes(parts["kind"])}
    return record(Resolution(indicator.id if indicator else None, parts or None, scope), figure, trail)


_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"))


def paired_quotes(kind: str) -> str:
    """Rule **kind_quotes**: a kind read across a quoted name keeps its quote marks only in pairs; an
    unpaired one (the kind began or ended inside the quotes) is dropped.

    >>> paired_quotes("“扶贫政策大宣讲"), paired_quotes("“清洁家园”集中整治行动"), paired_quotes("残疾人“两项补贴")
    ('扶贫政策大宣讲', '“清洁家园”集中整治行动', '残疾人两项补贴')
    """
    for opener, closer in _QUOTE_PAIRS:
        if kind.count(opener) != kind.count(closer):
            kind = kind.replace(opener, "").replace(closer, "")
    return kind


_LIST_JOINS = frozenset({"、", "和", "与", "及"})


def _value_in_list(text: str, figure: Figure, trail: Trail) -> Resolution | None:
    """Rule ``value_in_list``: a bare figure joined by 、/和 right after a figure in the same unit is the
    next value of the same measure (分别完成投资37亿元、82亿元: the second is a value of investment too,
    and a part where the first is; the dev/facts gold, L08)."""
    counted = trail.counted
    if counted is None or counted[1].indicator is None or trail.last_unit != figure.unit:
        return None
    if text[counted[0] : figure.norm_start].strip() not in _LIST_JOINS:
        return None
    return counted[1]


def _count_word_total(noun: str, figure: Figure, sentence_start: int, trail: Trail) -> Indicator | None:
    """Rule ``count_word_total``: a count word alone (总数, 总量) names the measure the sentence counted
    just before in the same unit; the figure is its total (新增监控探头30个，总数增加到96个)."""
    counted = trail.counted
    if noun not in _count_words() or counted is None or counted[1].indicator is None:
        return None
    if counted[0] < sentence_start or trail.last_unit != figure.unit:
        return None
    return by_id(counted[1].indicator)


@cache
def _count_words() -> frozenset[str]:
    return frozenset(load_toml("resolution.toml")["count_word_total"]["words"])


def _persons_of_households(text: str, figure: Figure, trail: Trail) -> tuple[Indicator, dict | None] | None:
    """Rule ``persons_of_households``: a count of persons joined by 、 right after a count of households
    (rule ``persons_after_households`` of nlp/figures/subjects.py) is of the households' measure when
    that measure counts persons too (累计排查住户2140户、5830人 is epidemic_screening twice); a measure
    of households alone (低保户 … 户) gives its persons by the noun, not here."""
    counted = trail.counted
    if counted is None or counted[1].indicator is None or trail.last_unit is None:
        return None
    if counted[0] + 1 != figure.norm_start or text[counted[0]] != "、":
        return None
    if (trail.last_unit, figure.unit) not in households_persons():
        return None
    measure = by_id(counted[1].indicator)
    if measure is None or figure.unit not in measure.units:
        return None
    return measure, dict(counted[1].breakdown) if counted[1].breakdown else None


# Verbs of reaching an amount after a statistic's name (固定资产投资完成3.2亿元): the name ends before them.
_COMPLETION_AFTER = re.compile(r"(?:完成|达到|达|为|实现|累计|共计|总计)+$")
# The sorts listed before 等 and then every sort named (等各类活动): the count is the whole measure's.
_EVERY_SORT_AFTER_LIST = re.compile(r"等(?:各类|各种|各项|多种|多项|各式)$")



def resolve_figures(
    doc: Text,
    figures: Sequence[Figure],
    level: str | None = None,
    own: str | None = None,
    year: int | None = None,
) -> tuple[Resolution, ...]:
    """The indicator, breakdown and scope of every figure of ``doc`` (in document order).

    ``level`` is the level the report is written at (community, township, county, city, province), ``own``
    the name of its unit and ``year`` the year it reports on, when known.
    """
    trail = Trail()
    resolved = []
    text = doc.text
    for figure in figures:
        before = (trail.listed, trail.last, trail.counted, trail.last_unit)
        sentence_start = sentence_start_before(text, figure.norm_start)
        if no_measure_fits(figure.unit):  # 2017年, 3所, 1.5倍: no rule reads further
            resolved.append(record(Resolution(None), figure, trail))
        else:
            resolved.append(_resolve_one(doc, figure, sentence_start, trail, level, own, year))
        if resolved[-1].indicator is None and bracketed_aside(text, figure.norm_start, sentence_start):
            trail.listed, trail.last, trail.counted, trail.last_unit = before  # 27场次（2017年19场次），参与居民…
    return tuple(resolved)
