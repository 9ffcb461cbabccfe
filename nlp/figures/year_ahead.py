"""Rule year_ahead: a clause led by a year after the report's own states a plan.

A summary on 2023 that turns to the next year often drops the plan word: ``2024年新建口袋公园3个``,
``明年，辖区内再建设充电桩12个``, ``今年新增停车位30个，2024年再增加50个`` (the 50). The figure's
sentence up to the figure is read back to the last clause that opens with a year later than the
one the report is about (``2024年``, ``2024年度``) or with an opener of ``[year_ahead.openers]``
(明年, 下一年度 …) of ``nlp/resources/planned.toml``. Not a plan:

- a report on that year itself (a 2024 summary's ``2024年新建…``; the year is the report's own);
- a clause that states a result after the opener (``[year_ahead.result_words]``: 2024年1月已完成…,
  2024年初，社区完成了…), a summary written early the next year telling what is done;
- a figure after a clause opened by the present or the past (``[year_ahead.now_words]``:
  明年新建书屋2处，今年先行改造1处: the 1 is this year's), or after a ；, which opens the next item.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.resources import load_toml
from nlp.text.document import Text

# A year followed by its month dates an event (2024年1月，社区开展…: a summary written early the next
# year tells what is done), unless the month is a deadline (2024年6月底前完成…).
_NOT_DATED = r"(?!(?:\d{1,2}|元|正|[一二三四五六七八九十]{1,2})月(?!(?:底|末|中旬|上旬|下旬)?前))"

# A clause start: the text's start, after a clause or sentence break, or after an item's number.
_LEAD = r"(?:^|(?<=[，,。；;：:！？!?\n]))[ \t\u3000]*(?:\d{1,2}[.、．][ \t\u3000]*)?"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...], re.Pattern[str]]:
    data = load_toml("planned.toml")["year_ahead"]
    openers = "|".join(map(re.escape, sorted(data["openers"], key=len, reverse=True)))
    opener = re.compile(_LEAD + rf"(?:((?:19|20)\d\d)年(?!以来|来|底前|末前){_NOT_DATED}|(?:{openers}))")
    result = re.compile("|".join(map(re.escape, sorted(data["result_words"], key=len, reverse=True))))
    now = re.compile(_LEAD + "(?:" + "|".join(map(re.escape, data["now_words"])) + ")")
    return opener, result, tuple(data["not_result_words"]), now


def leads_year_ahead(stretch: str, report_year: int | None) -> bool:
    """Whether the end of ``stretch`` (a sentence up to a figure's end) lies in a clause run led by
    a later year than ``report_year`` or by 明年/下一年度 …, stating no result (rule year_ahead).

    >>> leads_year_ahead("2024年新建口袋公园3个", 2023), leads_year_ahead("2024年新建口袋公园3个", 2024)
    (True, False)
    >>> leads_year_ahead("今年新增停车位30个", 2023), leads_year_ahead("今年新增停车位30个，2024年再增加50个", 2023)
    (False, True)
    >>> leads_year_ahead("2024年1月已完成楼道照明改造40处", 2023), leads_year_ahead("下一年度，居委会组织消防演练4次", None)
    (False, True)
    >>> leads_year_ahead("明年新建书屋2处，今年先行改造1处", 2023), leads_year_ahead("2022年新建口袋公园2个", 2023)
    (False, False)
    >>> leads_year_ahead("2024年1月，社区开展迎新春游园活动3场", 2023), leads_year_ahead("2024年6月底前改造楼道4个", 2023)
    (False, True)
    """
    opener, result, not_result, now = _patterns()
    cut = max(stretch.rfind("；"), stretch.rfind(";"))
    lead = None
    for found in opener.finditer(stretch, cut + 1):
        lead = found
    if lead is None:
        return False
    year = lead.group(1)
    if year is not None and (report_year is None or int(year) <= report_year):
        return False
    tail = stretch[lead.end() :]
    if now.search(tail) is not None:
        return False
    for word in not_result:
        tail = tail.replace(word, "")
    return result.search(tail) is None


def is_year_ahead_figure(doc: Text, norm_start: int, norm_end: int, report_year: int | None) -> bool:
    """Rule year_ahead for the figure at ``doc.text[norm_start:norm_end]``: its sentence up to the
    figure's end, read by ``leads_year_ahead``."""
    sentence = doc.sentence_at(norm_start)
    start = sentence.norm_start if sentence is not None else max(0, norm_start - YEAR_AHEAD_REACH)
    start = max(start, norm_start - YEAR_AHEAD_REACH)
    stretch = doc.text[start:norm_end]
    if "年" not in stretch:
        return False  # every opener holds 年 (most figures' sentences name none before them)
    return leads_year_ahead(stretch, report_year)


YEAR_AHEAD_REACH = 200  # characters before a figure where its sentence's opener is looked for
