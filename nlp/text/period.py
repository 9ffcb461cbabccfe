"""The period a document reports on (GUIDELINES: period); its year is nlp/text/year.py's.

- ``period``: from the title (上半年 → H1, 下半年 → H2 unless it only names the plan part of a
  mid-year "总结及下半年计划", 季度 → Q1..Q4, 年度/全年/a titled year → "year"), else from the opening
  of the body (一年来, 全年, a leading "2018年，" …), else the file name; ``None`` when nothing says.
"""

from __future__ import annotations

import re

from nlp.text.date_numerals import arabic_years, chinese_month
from nlp.text.meta_lexicon import alternation, has_any, meta_vocab
from nlp.text.year import is_report, title_year, title_year_range

_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# A span of months or one month in a title (checked after the periods' own spans, 1-6月 …).
_MONTHS_ONLY = re.compile(rf"{_MONTH}\s*[-—–～~至到]\s*{_MONTH}\s*月|(?<![\d年]){_MONTH}月份")


_MONTH_SPAN = re.compile(rf"({_MONTH})\s*[-—–～~至到]\s*({_MONTH})\s*月")
_SPAN_PERIODS = {(1, 6): "H1", (7, 12): "H2", (1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 12): "year"}
# 半年 with no 上/下/前/后 before it (社区半年工作总结): written at mid-year, about its first half.
_BARE_HALF = re.compile(r"(?<![上下前后多两个])半年(?!以上|以内|多)")


def _month(text: str) -> int:
    return int(text) if text.isdigit() else chinese_month(text)


def find_period(title: str, opening: str, reviewed: int | None = None) -> str | None:
    """H1/H2/Q1..Q4/year from the title, else a whole year when a heading reviews one (``reviewed``),
    else from the opening of the body.

    >>> find_period("2024年工作总结和下半年工作计划", ""), find_period("社区下半年工作总结", "")
    ('year', 'H2')
    >>> find_period("社区一季度工作总结", ""), find_period("社区工作总结", "一年来，我们……")
    ('Q1', 'year')
    >>> find_period("望江街道2014年1—9月民政工作总结", ""), find_period("社区1-6月工作总结", "")
    (None, 'H1')
    >>> find_period("2021年前三季度工作总结", ""), find_period("社区工作总结", "前三季度，社区完成…")
    (None, None)
    >>> find_period("社区4-6月工作总结", ""), find_period("社区十至十二月工作总结", ""), find_period("社区半年工作总结", "")
    ('Q2', 'Q4', 'H1')
    >>> find_period("2021年第四季度工作总结暨2022年第一季度工作计划", ""), find_period("2021年工作总结及2022年上半年工作计划", "")
    ('Q4', 'year')
    >>> find_period("工作总结", "东湖社区辖区居民2400户。2022年，社区…"), find_period("工作总结", "辖区居民2400户，2022年新增…")
    ('year', None)
    """
    voc = meta_vocab()
    periods = voc.periods
    summary_part = _summary_part(title)
    if summary_part is not None:
        part = find_period(summary_part, "")
        if part is not None:
            return part  # rule summary_part_period: 第四季度工作总结暨2022年第一季度工作计划 → Q4
    if has_any(periods["none"], title):
        return None  # rule months_no_period: 前三季度, 1-9月 name no SPEC period
    if has_any(periods["H1"], title):
        return "H1"
    for q in ("Q1", "Q2", "Q3", "Q4"):
        if has_any(periods[q], title):
            return q
    if has_any(periods["H2"], title):
        # 下半年 naming only the plan part of a summary's title (…总结和下半年工作计划); a plan's own
        # title (下半年工作计划) is the second half's
        plan_only = has_any(voc.doc_types["summary"], title) and all(
            any(title.startswith(f, m.end()) for f in voc.h2_plan) for m in re.finditer("下半年", title)
        )
        if not plan_only:
            return "H2"
    if _BARE_HALF.search(title):
        return "H1"  # rule bare_half_year: 社区半年工作总结 is the first half's
    span = _MONTH_SPAN.search(title)
    if span:  # rule month_span: 4-6月 → Q2, 7—12月 → H2, 1-12月 → year, 1-5月 → none of them
        return _SPAN_PERIODS.get((_month(span.group(1)), _month(span.group(2))))
    if _MONTHS_ONLY.search(title):
        return None  # 5月份工作汇报: months that make none of the SPEC's periods
    if reviewed is None and not has_any(periods["year"], title):
        part = scope_period(opening)
        if part:
            return part  # rule scope_sentence: 石榴园社区2021年工作汇报 … 现将1—6月份工作…汇报如下
    if has_any(periods["year"], title) or title_year(title) or reviewed is not None:
        return "year"
    head = _QUOTED.sub("", opening[:200])  # rule quoted_name: “成都十大年度社区” is an award's name
    for words in periods["none"]:
        head = head.replace(words, "")
    # rule first_period_word: the period word the opening names first (下半年以来 holds 半年以来)
    named = [
        (at, -len(word), p)
        for p in ("H1", "H2", "Q1", "Q2", "Q3", "Q4", "year")
        for word in periods[p]
        if (at := head.find(word)) >= 0
    ]
    if named:
        return min(named)[2]
    if _OPENING_YEAR.search(arabic_years(opening[:_OPENING_YEAR_REACH])):
        # rule opening_year: 2021年，… / 二〇二一年度，… / 2023年是…之年 opens a whole year's review; rule
        # opening_sentence_year: so does such a sentence after the unit's description (…居民2400户。2022年，…)
        return "year"
    return None


_OPENING_YEAR = re.compile(r"(?:^|[。！？!?\n])\s*(?:19|20)\d{2}\s*年度?\s*(?:[,，]|是)")
# How far into the opening a sentence may start with its year (a description of the unit first).
_OPENING_YEAR_REACH = 200


_PARTS = ("H1", "H2", "Q1", "Q2", "Q3", "Q4")
# A quoted name (an award, a campaign) in an opening: its period words say nothing of the report's.
_QUOTED = re.compile(r"“[^”\n]{1,30}”|\"[^\"\n]{1,30}\"")
_JOINED_PLAN = re.compile(r"(?:暨|及|和|与|并|以及)")


def _summary_part(title: str) -> str | None:
    """The summary's part of a title that joins a summary and a plan (…第四季度工作总结|暨2022年第一
    季度工作计划): up to the summary word, when a conjunction and a plan word follow it; else None.

    >>> _summary_part("2021年第四季度工作总结暨2022年第一季度工作计划"), _summary_part("社区工作总结") is None
    ('2021年第四季度工作总结', True)
    """
    kinds = meta_vocab().doc_types
    for word in kinds["summary"]:
        at = title.find(word)
        if at < 0:
            continue
        rest = title[at + len(word) :]
        if _JOINED_PLAN.match(rest.lstrip()) and has_any(kinds["plan"], rest):
            return title[: at + len(word)]
    return None


def scope_period(opening: str) -> str | None:
    """Rule scope_sentence: the part of a year (H1, H2, Q1..Q4) named in the sentence where the
    opening states what the report covers (现将…如下, meta.toml [period.scope_starts]). A title that
    names only its year (东湖社区2021年工作汇报) is read with it; one saying 年度/全年 is not.

    >>> scope_period("2021年以来，社区…。现将社区1—6月份工作开展情况汇报如下。"), scope_period("现就三季度工作报告如下：")
    ('H1', 'Q3')
    >>> scope_period("现将一年来的工作总结如下。"), scope_period("上半年，社区…。现将有关情况总结如下。")
    (None, None)
    """
    starts = alternation(list(meta_vocab().scope_starts))
    m = re.search(rf"(?:{starts})[^。！？!?\n]{{0,60}}?如下", opening)
    if not m:
        return None
    part = find_period(m.group(0), "")
    return part if part in _PARTS else None


# Rule year_to_date: the period a "this year so far" opening covers, by the month it was signed in.
_TO_DATE_BY_MONTH = {2: None, 3: "Q1", 4: "Q1", 5: None, 6: "H1", 7: "H1", 8: None, 9: None, 10: None}


def year_to_date(opening: str, signed_month: int | None, body: str = "") -> str | None:
    """The period of an opening that reviews the year so far (今年以来, meta.toml [period.year_to_date]):
    by the month it was signed in; unsigned, the one part of the year the ``body`` names (…在上半年
    继续…), else the year.

    >>> year_to_date("今年以来，社区…", 7), year_to_date("今年以来，社区…", 12), year_to_date("今年以来…", None)
    ('H1', 'year', 'year')
    >>> year_to_date("今年以来…", 9) is None, year_to_date("一年来…", 7) is None
    (True, True)
    >>> year_to_date("今年以来，社区…", None, "今年以来，社区…。居委会在上半年继续抓好…")
    'H1'
    """
    periods = meta_vocab().periods
    if not has_any(periods["year_to_date"], opening[:200]):
        return None
    if signed_month:
        return _TO_DATE_BY_MONTH.get(signed_month, "year")
    body = _QUOTED.sub("", body)
    parts = {p for p in _PARTS if has_any(periods[p], body) and not has_any(periods["none"], body)}
    return parts.pop() if len(parts) == 1 else "year"


def document_period(
    title: str,
    opening: str,
    stem: str,
    section_text: str,
    reviewed: int | None = None,
    several_years: bool = False,
    signed_month: int | None = None,
    body: str = "",
) -> str | None:
    r"""The period of a document: its title, the opening before the first section, the file name
    (``stem``), an opening reviewing the year so far with the month it was signed in (rule
    year_to_date), then the text of the first section (``section_text``). Rule file_period_before_section:
    a period the file name names outweighs a word inside the first section (全年召开…). A title naming
    months that make no period (前三季度, 1—9月) decides: null.

    >>> document_period("社区工作总结", "", "2021上半年总结", "一、党建\n全年召开党员大会4次")
    'H1'
    >>> document_period("2021年前三季度工作总结", "", "", "全年召开党员大会4次") is None
    True
    """
    if has_any(meta_vocab().periods["none"], title) or (_MONTHS_ONLY.search(title) and not find_period(title, "")):
        return None
    if several_years and reviewed is None and is_report(title):
        return None  # rule several_years_review: no one period (GUIDELINES)
    if title_year_range(title):
        return None  # rule title_year_range: 2021—2023年任期工作总结 covers several years
    return (
        find_period(title, opening, reviewed)
        or find_period(stem, "")
        or year_to_date(opening, signed_month, body)
        or find_period("", section_text)
    )


def file_stem(path: str | None) -> str:
    """The file name without folders and suffix: a last source of year and period.

    >>> file_stem("归档/2021年上半年东湖社区工作总结.docx"), file_stem(None)
    ('2021年上半年东湖社区工作总结', '')
    """
    if not path:
        return ""
    name = path.replace("\\", "/").replace("!", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
