"""The parts of a measure that count acts and those who took part in them: which act's audience a count
of participants is (参加党员39人 after one named act is that act's), when a count of one kind of act is a
part of the whole count before it (其中讲座8场), volunteers of one team, and the measures a clause names
when the counted noun names none (调解成功40起, 新增3户, 刑事案件零发生). Called by nlp/figures/resolve.py."""

from __future__ import annotations

import re

from nlp.figures.breakdown import strip_whole_front
from nlp.figures.clause_rules import (
    ZERO_TEXTS,
    elided_part,
    outcome_measure,
    part_clause_opened,
    quoted_act,
    zero_measure,
)
from nlp.figures.indicators import Indicator, by_id
from nlp.figures.people_rules import measure_of_phrase, participant_measure, registered_noun, team_before
from nlp.figures.resolution_state import Figure, Resolution, Trail, resolution_vocab
from nlp.figures.wholes import named_act
from nlp.text.document import Text

# Who took part is counted per act: the participants of one kind of act are a part of all participants.
PER_ACT = {"participants": "activities_held", "trainees": "trainings"}
# How far back the count of a measure may be for an outcome after it to be a part of it (受理纠纷87起，…。
# 通过…等方式，调解成功84起): the next sentence or two, not another section.
_OUTCOME_REACH = 160
_TRAININGS = frozenset({"trainings", "job_trainings"})  # counts of trainings: their audience is trainees


def per_act_part(indicator_id: str, sentence: str, sentence_start: int, trail: Trail) -> dict | None:
    """The kind of act a count of participants belongs to, when the act before it in the sentence is
    not the whole of its measure (开展各类活动60场，参与群众5000人次 is whole; 巡回放映85场，观看群众4千人次 is
    the audience of one act), or when the sentence names one act (开展元宵节猜灯谜活动，参与群众300人次)."""
    if trail.counted is None or trail.counted[0] < sentence_start:
        act_name = named_act(sentence) or _quoted_name(sentence) or reached_by(sentence)
        return {"kind": act_name} if act_name else None
    _, act, subject = trail.counted
    if act.indicator == PER_ACT[indicator_id] and act.breakdown is None:
        return None
    if _listed_under_whole(act, sentence_start, trail):
        return None  # 开展活动50场，其中文体活动30场、讲座10场，参与居民4000人次: all of them
    if act.indicator == PER_ACT[indicator_id]:
        return {"kind": (act.breakdown or {}).get("kind") or subject or "活动"}
    return {"kind": subject or "活动"} if subject else None


def reached_by(sentence: str) -> str | None:
    """Rule ``reach_of_work``: turnouts a work reached (…，惠及群众 / 受益居民 before the figure), in a
    sentence that counts no act before them, are the audience of the work its first clause names
    (健康扶贫扎实推进，惠及群众8000余人次 → {"kind": "健康扶贫扎实推进"}); None for a sentence of totals
    (全年各类活动受益居民5000人次) or one that names nothing before the reaching verb.

    >>> reached_by("健康扶贫扎实推进，惠及群众"), reached_by("全年各类服务，受益居民"), reached_by("惠及群众")
    ('健康扶贫扎实推进', None, None)
    """
    voc = resolution_vocab()
    last = re.split("[，,；;：:]", sentence)[-1]
    if not any(verb in last for verb in voc.reaching) or any(word in sentence for word in voc.audience_totals):
        return None
    first = _first_clause(sentence)
    return first if first and first != sentence.strip() else None


_QUOTED_NAME = re.compile(r"“([^“”]{2,16})”")
_EVERY_ACT = ("各类", "各项", "所有", "全部")


def _quoted_name(sentence: str) -> str | None:
    """Rule ``quoted_event``: a name in quotation marks before a count of people who took part names the
    one event or service they came to (“邻里节”当天共有600多名居民参与 → {"kind": "“邻里节”"}; GUIDELINES:
    participants of one named activity are a part), unless the sentence counts every act (各类, 所有).

    >>> _quoted_name("“邻里节”当天共有"), _quoted_name("各类“我们的节日”活动共吸引") is None
    ('“邻里节”', True)
    """
    if any(word in sentence for word in _EVERY_ACT):
        return None
    found = _QUOTED_NAME.findall(sentence)
    return f"“{found[-1]}”" if found else None


def clause_rule_measure(
    doc: Text, figure: Figure, noun: str | None, clause: str, sentence_start: int, trail: Trail
) -> tuple[Indicator, dict[str, str] | None] | None:
    """The measure the clause names when the counted noun names none (nlp/figures/clause_rules.py):
    an outcome of a verb of the table (调解成功40起), a change with its measure elided (新增3户), a
    zero statement (刑事案件零发生)."""
    if (outcome := outcome_measure(noun, clause)) is not None and figure.unit in outcome.units:
        earlier = trail.by_unit.get(figure.unit)
        before = earlier is not None and earlier[1] == outcome.id and earlier[0] >= figure.norm_start - _OUTCOME_REACH
        return outcome, {"status": noun} if before and noun else None  # 受理纠纷42起，调解成功40起: a part
    if (part := elided_part(noun if noun else clause)) is not None:
        earlier = trail.by_unit.get(figure.unit)
        if earlier is not None and earlier[0] >= sentence_start and (measure := by_id(earlier[1])) is not None:
            return measure, part
        return None
    if figure.unit == "" and doc.text[figure.norm_start : figure.norm_end] in ZERO_TEXTS:
        return zero_measure(noun)
    if (registered := registered_noun(clause)) is not None:
        return measure_of_phrase(registered, figure.unit)  # 在职党员到社区报到43名
    return None


def participants(
    text: str,
    figure: Figure,
    noun: str | None,
    clause: str,
    at: int,
    sentence_start: int,
    trail: Trail,
    indicator: Indicator | None,
    parts: dict | None,
) -> tuple[Indicator | None, dict | None, bool]:
    """Those who took part (参加党员56人次, 参赛居民64人, 举办11期，听众900人次) instead of no measure or a
    stock of people the noun alone would name; the last item says the rule decided (breakdown included)."""
    counted = trail.counted
    unit_before = trail.last_unit if counted is not None and counted[0] >= sentence_start else None
    upto = clause[: at + len(noun)] if noun and at >= 0 else clause
    measure = by_id(participant_measure(upto, noun, figure.unit, unit_before) or "")
    if measure is not None and measure.id == "participants" and unit_before and counted[1].indicator in _TRAININGS:  # type: ignore[index]
        measure = by_id("trainees")  # 举办培训班3期，参加学员120人次: those trained
    if measure is None or figure.unit not in measure.units:
        return indicator, parts, False
    return measure, _audience_part(measure.id, text[sentence_start : figure.norm_start], sentence_start, trail), True


def _audience_part(indicator_id: str, sentence: str, sentence_start: int, trail: Trail) -> dict | None:
    """Which acts' audience a count of those who took part is: the whole only on evidence — right after
    the whole count of acts (开展各类活动60场，参与群众5000人次), or after the kinds listed under it
    (其中文体活动36场、讲座12场，参与老人5200人次), or in a sentence of totals naming no act (全年参与活动的
    居民5000人次); otherwise the one act before it (组织党员到烈士陵园瞻仰缅怀，参加党员39人)."""
    act_id = PER_ACT[indicator_id]
    counted = trail.counted
    if counted is not None and counted[0] >= sentence_start:
        _, act, subject = counted
        if act.indicator == act_id and act.breakdown is None:
            return None
        if _listed_under_whole(act, sentence_start, trail):
            return None
        return {"kind": (act.breakdown or {}).get("kind") or subject or _first_clause(sentence) or "活动"}
    if named := named_act(sentence):
        return {"kind": named}
    if any(word in sentence for word in resolution_vocab().audience_totals):
        return None
    return {"kind": _first_clause(sentence) or "活动"}


def _listed_under_whole(act: Resolution, sentence_start: int, trail: Trail) -> bool:
    """Whether a count of acts of one kind follows, in its sentence, the whole count of its measure
    (开展活动50场，其中文体活动30场、讲座10场): the list ends with the last kind, not the whole."""
    return act.breakdown is not None and any(
        end >= sentence_start and whole.indicator == act.indicator for end, whole, _ in trail.wholes
    )


def volunteers_part(sentence: str, noun: str | None, unit: str) -> dict[str, str] | None:
    """Volunteers of one team named before them in the sentence, or turnouts (人次) for one act."""
    if team := team_before(sentence, noun):
        return {"kind": team}
    if unit == "人次":
        return {"kind": named_act(sentence) or _first_clause(sentence) or "志愿服务"}
    return None


def _first_clause(sentence: str) -> str:
    """The sentence's first clause, where a report names the act before counting who took part."""
    return re.split("[，,；;：:]", sentence, maxsplit=1)[0].strip()


def act_part(
    text: str,
    figure: Figure,
    noun: str,
    clause: str,
    at: int,
    sentence_start: int,
    trail: Trail,
    indicator: Indicator,
) -> tuple[Indicator, dict | None]:
    """A count of acts that is one kind of a whole: an act named in quotation marks (开展“邻里守望”活动
    4次), or one listed in a 其中 clause after the whole count of acts (开展活动40场，其中文艺演出10场、
    讲座8场: 讲座 is a kind of activities_held there, not trainings)."""
    if at >= 0 and (named := quoted_act(text, figure.norm_start - len(clause) + at, sentence_start)):
        return indicator, {"kind": named}
    voc = resolution_vocab()
    for end, whole, unit in reversed(trail.wholes):
        if end < sentence_start or end < figure.norm_start - 120:
            break
        measure = by_id(whole.indicator) if whole.indicator else None
        between = text[end : figure.norm_start]
        if unit != figure.unit or measure is None or not part_clause_opened(between, voc.part_clause):
            continue
        if any(mark in between[max(between.rfind(w) for w in voc.part_clause) :] for mark in "，,"):
            return indicator, None  # 其中…2次，组织主题党日活动12次: a new clause, its own measure
        if measure.id != indicator.id and (measure.modifiers != "kind" or figure.unit not in measure.units):
            return indicator, None
        named = clause[: at + len(noun)] if at >= 0 else noun
        for word in voc.part_clause:
            named = named.removeprefix(word)
        return measure, {"kind": strip_whole_front(named) or noun}
    return indicator, None
