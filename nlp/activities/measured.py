"""Named rules that reject finds: **a weak verb's object counted as a measure**, **a total
over the unit's activities**, and **the participants of a training restated**.

A weak light verb (完成, 新增, 实施, 培育, 聘请 …) introduces an activity only when its object
names one (an activity head) or a figure counts it (clause_rules: 培训3期 yes, 加强培训 no). The
count alone is no evidence when it is a measure rather than a number of acts or things made:
money (完成固定资产投资3.2亿元), persons and households (新增城镇就业210人, 聘请保洁员8名, 新增低保
对象4户), businesses (培育家庭农场15家), land sown (完成玉米种植1.5万亩), a rate. Such an object is
a figure's subject, not an activity. Objects with an activity head are left alone (完成业务培训
120人), and so are content verbs (走访困难家庭46户: the verb is the act) and weak verbs that are
kind keywords themselves (评选“文明家庭”20户, 建设高标准农田2000亩: what they count was made).

A total over the unit's activities (开展各类活动58场, 各类为老活动20场) names no activity of its
own: it is the whole whose parts follow (其中文体活动26场、讲座11场 …), and GUIDELINES counts it
as a figure (participants of the whole). Its words (各类, 各项 …) are the list ``measures.totals``.

A training verb that opens its clause, counted in persons right after it, after a training
named earlier in the sentence (举办技能培训班3期，培训150人; …培训3场，累计培训村民210人次),
restates who took part in the training just named: the figure is its participants, no second
activity. With no training named before it (培训社区讲解员12名) it is the training itself. A training named by its trainees inside a clause
(返乡青年培训1500人) is left alone. The verbs are the list ``measures.participant_verbs``, the units ``measures.people``.

The units and words are data (nlp/resources/activity_words.csv).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from nlp.activities.clause_rules import Found
from nlp.activities.name_checks import has_head
from nlp.activities.vocab import kind_keyword, vocab
from nlp.activities.word_additions import added_to
from nlp.records import ActivityKind, Fact

# what may stand between a name and the figure that counts it (as ``name_checks.counted``)
_GAP = frozenset("了共达计累开展各类每年月周")


@cache
def measure_units() -> frozenset[str]:
    """The units of figures that measure an object rather than count acts (元, 人, 亩 …)."""
    return frozenset(added_to("measures", "units"))


def counted_as_measure(text: str, found: Found, facts: Sequence[Fact], starts: Sequence[int]) -> bool:
    """Whether ``found`` is a weak verb's headless object whose count is a measure.

    ``facts`` are in text order and ``starts`` their ``norm_start``s.
    """
    if found.verb is None or found.verb not in vocab().weak_verbs or kind_keyword(found.verb) is not None:
        return False  # a verb that names an act itself (评选, 建设) counts what it made
    name = text[found.norm_start : found.norm_end]
    if name.startswith(found.verb) or has_head(name):
        return False
    figure = _count_after(text, found.norm_end, facts, starts)
    return figure is not None and figure.unit in measure_units()


@cache
def total_words() -> tuple[str, ...]:
    """The words that make 活动 the total over all activities (各类, 各项 …)."""
    return added_to("measures", "totals")


def is_total(text: str, found: Found) -> bool:
    """Whether ``found`` is 活动 after a total word, with at most two characters of audience
    between (各类活动, 各类为老活动; not 各类文化活动, a kind named), its name as found or just
    before it.

    >>> t = "全年开展各类活动58场，其中文体活动26场"
    >>> is_total(t, Found(6, 8, "开展", 2, 12, None, 0)), is_total(t, Found(15, 19, None, 15, 21, None, 1))
    (True, False)
    """
    s, e = found.norm_start, found.norm_end
    if not text.endswith("活动", s, e) or e - s > 6:
        return False
    for word in total_words():
        at = text.rfind(word, max(0, s - len(word)), e - 2)
        between = text[at + len(word) : e - 2] if at >= 0 else ""
        if at >= 0 and len(between) <= 2 and kind_keyword(between + "活动") is None:
            return True  # (各类文化活动: a kind of activity named, no total)
    return False


@cache
def _participants() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(added_to("measures", "participant_verbs")), frozenset(added_to("measures", "people"))


def counted_as_participants(text: str, found: Found, facts: Sequence[Fact], starts: Sequence[int]) -> bool:
    """Whether ``found`` is a training verb and its object, counted in persons (培训村民210人次).

    ``facts`` are in text order and ``starts`` their ``norm_start``s.
    """
    verbs, people = _participants()
    if found.verb not in verbs or not text.startswith(found.verb, found.norm_start):
        return False
    if not _opens_clause(text, found.norm_start):
        return False  # 返乡青年培训1500人: a training named by its trainees, no restatement
    figure = _count_after(text, found.norm_end, facts, starts)
    return figure is not None and figure.unit in people


_CLAUSE_OPEN = "，,；;。：:、\n"
_LEADS = (
    "全年",
    "累计",
    "共计",
    "共",
    "先后",
    "其中",
    "年内",
    "今年",
    "上半年",
    "下半年",
    "免费",
    "集中",
    "分批",
)


def _opens_clause(text: str, at: int) -> bool:
    """Whether only a clause mark and leading words (全年, 累计 …) stand before offset ``at``.

    >>> _opens_clause("培训班2期，累计培训60人", 8), _opens_clause("，返乡青年培训1500人", 5)
    (True, False)
    """
    i = at
    while i > 0 and text[i - 1] not in _CLAUSE_OPEN:
        for lead in _LEADS:
            if text.startswith(lead, i - len(lead)) and i - len(lead) >= 0:
                i -= len(lead)
                break
        else:
            return False
    return True


def _count_after(text: str, e: int, facts: Sequence[Fact], starts: Sequence[int]) -> Fact | None:
    """The figure right after a name ending at ``e`` (only ``_GAP`` characters between), or None."""
    k = bisect_left(starts, e)
    if k >= len(facts) or starts[k] - e > 4 or not all(ch in _GAP for ch in text[e : starts[k]]):
        return None
    return facts[k]


def without_measures(text: str, found: list[Found], facts: Sequence[Fact]) -> list[Found]:
    """The finds but those ``counted_as_measure``, totals, and those ``counted_as_participants``
    after a training named earlier in their sentence (``facts`` in text order)."""
    starts = [f.norm_start for f in facts]
    kept: list[Found] = []
    trained_in = -1  # the start of the last sentence in which a training was found
    for f in found:
        if counted_as_measure(text, f, facts, starts) or is_total(text, f):
            continue
        if trained_in == f.sentence.norm_start and counted_as_participants(text, f, facts, starts):
            continue
        if kind_keyword(text[f.norm_start : f.norm_end]) is ActivityKind.TRAINING:
            trained_in = f.sentence.norm_start
        kept.append(f)
    return kept
