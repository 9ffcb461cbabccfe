"""Rule ``framing_part_of_year``: a title that names a whole year's report whose opening frames
the report as a part of the year (title 柳塘社区2021年工作汇报, opening 现将社区1—6月份工作情况
汇报如下): the title promises a year, the body reports a half or a quarter.

The framing sentence is the opening's sentence ending in 如下 (汇报如下, 总结如下, 报告如下)
before the first section; its period is read by the metadata's own period rules
(``nlp.text.period.find_period``: 上半年, 三季度, 1—6月 …). Plans are left out (a plan's title
may name the coming year while its opening reviews the months before).
"""

from __future__ import annotations

import re

from nlp.records import DocType, Parse
from nlp.text.period import find_period

_FRAMING = re.compile(r"[^。！？!?\n]*如下")
_PARTS = ("H1", "H2", "Q1", "Q2", "Q3", "Q4")
# The opening is read this far into the text when no section starts earlier.
MAX_OPENING = 600


def framing_part_of_year(parse: Parse) -> tuple[int, int, str] | None:
    """(start, end, period) of a framing sentence naming a part of the year the title does not."""
    title = parse.doc.title or ""
    if not title or parse.doc.doc_type in (DocType.PLAN, DocType.MIXED) or find_period(title, "") != "year":
        return None
    text = parse.original
    at = text.find(title)
    begin = at + len(title) if at >= 0 else 0
    # a framing sentence ending in a colon may be read as a heading of its own: the one after it bounds the opening
    starts = sorted(s.start for s in parse.sections if s.start > begin and "如下" not in s.heading)
    first = starts[0] if starts else len(text)
    end = min(first, begin + MAX_OPENING)
    for m in _FRAMING.finditer(text, begin, end):
        period = find_period(m.group(0), "")
        if period in _PARTS:
            return m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), period
    return None
