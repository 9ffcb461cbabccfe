"""The closing date line of a report (2022年12月28日, 东湖社区 二〇二二年十二月, 2021.12.20) among its last
lines, above any list of attachments: its year, its month and where it starts. Read by
nlp/text/year.py (the year reported on) and nlp/text/signature.py."""

from __future__ import annotations

import re

from nlp.text.date_numerals import arabic_years, chinese_month

_DATE_LINES = 3


# Rule handwritten_date: 元月 is January; a day written 廿八/卅一, or left blank for the hand to fill in
# (2023年12月  日).
_DATE_LINE = re.compile(
    r"^[^，,。；;！!？?]{0,24}?[（(]?\s*((?:19|20)\d{2}|20[xX×]{2})\s*年\s*"
    r"(\d{1,2}|[一二三四五六七八九十]{1,3}|元)\s*月(?:\s*(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})?\s*日)?\s*[)）]?"
    r"(?:\s*[（(]?(?:星期|礼拜|周)[一二三四五六日天][)）]?)?$"
    r"|^[^，,。；;！!？?]{0,24}?((?:19|20)\d{2})[./-](\d{1,2})(?:[./-]\d{1,2})?$"
)


# A unit's name after the date on one closing line (2021年12月28日  东湖社区居委会).
_TRAILING_UNIT = re.compile(r"[ \t\u3000]+[\u4e00-\u9fff（）()]{1,20}(?:社区|村|居委会|委员会|街道|办事处|镇|乡|党委|党支部)[（）()盖公签印章]*$")


# Rule attachments_after_signature: a list of attachments closing the text (附件：/ 1.活动照片 / …)
# comes after the signature and its date; they are read above it.
_ATTACHMENTS = re.compile(r"^[ \t\u3000]*附(?:件|表)?\s*[\d一二三四五六七八九十]*\s*[:：]", re.MULTILINE)
_ATTACHMENT_REACH = 8


def before_attachments(text: str) -> str:
    r"""``text`` without a list of attachments among its last lines.

    >>> before_attachments("东湖社区\n2023年12月28日\n附件：\n1.活动照片\n2.台账"), before_attachments("东湖社区\n2023年12月")
    ('东湖社区\n2023年12月28日', '东湖社区\n2023年12月')
    """
    stripped = text.rstrip()
    cut = -1
    for _ in range(_ATTACHMENT_REACH):
        cut = stripped.rfind("\n", 0, cut if cut >= 0 else len(stripped))
        if cut < 0:
            break
    tail_from = cut + 1
    found = [m.start() for m in _ATTACHMENTS.finditer(stripped, tail_from)]
    return stripped[: found[0]].rstrip() if found and found[0] > 0 else text


def closing_date(closing: str) -> str:
    r"""The date line among the last lines of a document (2022年12月28日, 东湖社区 二〇二二年十二月),
    as ``2022年``; ``""`` when the last lines hold none (a year inside a sentence is no date line).

    >>> closing_date("东湖社区居委会\n2022年12月28日"), closing_date("剩余两个小区将在2022年5月份完成。")
    ('2022年', '')
    >>> closing_date("东湖社区 2021.12.20"), closing_date("2021年12月28日  东湖社区居委会")
    ('2021年', '2021年')
    """
    for line in reversed([line.strip() for line in before_attachments(closing).rstrip().split("\n")[-_DATE_LINES:]]):
        m = _DATE_LINE.match(line) or _DATE_LINE.match(_TRAILING_UNIT.sub("", line))
        if m:
            return (m.group(1) or m.group(3)) + "年"
    return ""


def closing_date_at(text: str) -> int | None:
    r"""Where the closing date line of ``text`` starts (the line ``closing_date`` reads), if it has one.

    >>> closing_date_at("一年来…。\n东湖社区\n二〇二四年元月\n"), closing_date_at("一年来…。")
    (11, None)
    """
    end = len(before_attachments(text).rstrip())
    for _ in range(_DATE_LINES):
        start = text.rfind("\n", 0, end) + 1
        line = arabic_years(text[start:end].strip())
        if _DATE_LINE.match(line) or _DATE_LINE.match(_TRAILING_UNIT.sub("", line)):
            return start
        if start == 0:
            break
        end = start - 1
    return None


def closing_month(closing: str) -> int | None:
    r"""The month of the closing date line (2022年1月6日 → 1, 二〇二二年十二月 → 12), if there is one.

    >>> closing_month("东湖社区\n2022年1月6日"), closing_month("东湖社区\n二〇二一年十一月"), closing_month("东湖社区 2021.12.20")
    (1, 11, 12)
    """
    for line in reversed([line.strip() for line in arabic_years(before_attachments(closing)).rstrip().split("\n")[-_DATE_LINES:]]):
        m = _DATE_LINE.match(line) or _DATE_LINE.match(_TRAILING_UNIT.sub("", line))
        if m:
            month = m.group(2) or m.group(4)
            return int(month) if month.isdigit() else chinese_month(month)
    return None
