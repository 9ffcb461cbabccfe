"""A named rule that rejects finds: **a weak verb's object counted as a measure**.

A weak light verb (完成, 新增, 实施, 培育, 聘请 …) introduces an activity only when its object
names one (an activity head) or a figure counts it (clause_rules: 培训3期 yes, 加强培训 no). The
count alone is no evidence when it is a measure rather than a number of acts or things made:
money (完成固定资产投资3.2亿元), persons and households (新增城镇就业210人, 聘请保洁员8名, 新增低保
对象4户), businesses (培育家庭农场15家), land sown (完成玉米种植1.5万亩), a rate. Such an object is
a figure's subject, not an activity. Objects with an activity head are left alone (完成业务培训
120人), and so are content verbs (走访困难家庭46户: the verb is the act) and weak verbs that are
kind keywords themselves (评选“文明家庭”20户, 建设高标准农田2000亩: what they count was made).

The units are data (nlp/resources/activity_words.csv, list ``measures.units``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from nlp.activities.clause_rules import Found
from nlp.activities.name_checks import has_head
from nlp.activities.vocab import kind_keyword, vocab
from nlp.activities.word_additions import added_to
from nlp.records import Fact

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
    e = found.norm_end
    k = bisect_left(starts, e)
    if k >= len(facts) or starts[k] - e > 4 or not all(ch in _GAP for ch in text[e : starts[k]]):
        return False
    return facts[k].unit in measure_units()


def without_measures(text: str, found: list[Found], facts: Sequence[Fact]) -> list[Found]:
    """The finds but those ``counted_as_measure`` (``facts`` in text order)."""
    starts = [f.norm_start for f in facts]
    return [f for f in found if not counted_as_measure(text, f, facts, starts)]
