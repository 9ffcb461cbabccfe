"""Parts a figure's sentence makes of a measure the noun alone would give whole (tenth session): the
outcome counted after the cases of the same measure, and a count of one month inside a longer report.

Read by nlp/figures/resolve.py after the noun, the verb and the clause have decided the measure.
"""

from __future__ import annotations

import re

from nlp.figures.resolution_state import Figure, Trail

# Words of an outcome of handling the cases just counted (成功化解, 调结, 办结).
_OUTCOME = re.compile("成功|化解|调结|办结|结案")
_OUTCOME_REACH = 40  # characters from the first count to the outcome's clause


def outcome_after_count(clause: str, at: int, indicator_id: str, figure: Figure, sentence_start: int, trail: Trail) -> dict[str, str] | None:
    """Rule ``outcome_after_count``: a second count of a measure right after a count of it in the same
    sentence, with an outcome word before its figure, counts the cases that came out well, a part
    (调解各类纠纷37起，成功化解34起 → {"status": "成功"}; 调处山林权属纠纷14起，化解13起; GUIDELINES: 调解
    成功N起 after the count of disputes handled is {"status": "成功"}).

    >>> from nlp.figures.resolution_state import Resolution
    >>> trail = Trail(counted=(8, Resolution("disputes_mediated"), "纠纷"))
    >>> outcome_after_count("成功化解", -1, "disputes_mediated", Figure(13, 16, None, "起"), 0, trail)
    {'status': '成功'}
    >>> outcome_after_count("调解纠纷", 2, "disputes_mediated", Figure(13, 16, "纠纷", "起"), 0, trail) is None
    True
    """
    before = trail.counted
    if before is None or before[1].indicator != indicator_id:
        return None
    if before[0] < sentence_start or before[0] < figure.norm_start - len(clause) - _OUTCOME_REACH:
        return None
    lead = clause[:at] if at >= 0 else clause
    found = _OUTCOME.search(lead)
    if found is None:
        return None
    return {"status": "成功" if "成功" in lead else found.group()}


# One month of the report's period named before a count (当月共开展活动9场, 11月份开展活动7场).
# Not a month a count runs from or up to (1月份以来, 截至11月份): that is the period's running total.
_ONE_MONTH = re.compile(r"(?<!截至)(?<!截止)(?<![到至0-9一二三四五六七八九十])(当月|本月|该月|(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份)(?!以来|起|至|到|底|末)")


def one_month(sentence_lead: str) -> dict[str, str] | None:
    """Rule ``one_month``: a count of acts of one month named before it in its sentence is a part of
    the period's count (当月共开展各类活动9场 → {"kind": "当月"}; the written reports' gold, w027, reads
    each month's count as a kind of the year's).

    >>> one_month("进入11月份，社区共开展活动"), one_month("当月共开展各类活动"), one_month("全年开展活动")
    ({'kind': '11月份'}, {'kind': '当月'}, None)
    >>> one_month("1月份以来共开展活动"), one_month("截至11月份，累计开展活动")
    (None, None)
    """
    found = _ONE_MONTH.search(sentence_lead)
    return {"kind": found.group(1)} if found else None
