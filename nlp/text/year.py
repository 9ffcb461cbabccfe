"""The year a document reports on (GUIDELINES: year): the year in the title, else the first year in
the opening of the body, else the closing date line, else the file name; ``None`` when the first one
found is masked (20xx). The period (H1, Q3, year …) is nlp/text/period.py's."""

from __future__ import annotations

import re

from nlp.text.char_scan import search_from_chars
from nlp.text.closing_date import closing_date, closing_month
from nlp.text.date_numerals import arabic_years
from nlp.text.meta_lexicon import has_any, meta_vocab

# A year before 年, not the second of a span (2021至2023年); rule as_of_year: 截至 is no span's 至
# (截至2023年9月底 names the year the report counts up to).
_YEAR = re.compile(r"(?<![\d\-—~～])(?<!(?<!截)至)((?:19|20)\d{2}|20[xX×＊*]{2}|[xX×]{4})(?=年)")
_PATH_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# Rule path_date_stamp: a file name's eight-digit date (工作总结20231225.docx) carries its year.
_PATH_DATE_STAMP = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)")


def find_year(
    title: str,
    opening: str,
    closing: str = "",
    path: str = "",
    reviewed: int | None = None,
    plan: bool = False,
    several_years: bool = False,
) -> int | None:
    r"""The year reported on: title first, then the opening of the body, the closing date line, the
    file name. A report (报告, not a 总结 or 计划) that reviews a named year (``reviewed``, from
    ``reviewed_year``: 一、2023年工作回顾) reports on that year, whatever year it was given in. A
    ``plan`` is for the latest year its opening names (2023年即将过去…2024年，社区将…).

    >>> find_year("2022年上半年社区工作总结", ""), find_year("社区工作总结", "20xx年以来，2019年……")
    (2022, None)
    >>> find_year("社区工作总结", "今年以来……", "幸福里社区居委会\n2023年12月20日", "")
    2023
    >>> find_year("社区工作总结", "", "", "archive/2021年东湖社区工作总结.docx")
    2021
    >>> find_year("东湖社区二〇二一年工作总结", ""), find_year("", "", "东湖社区\n二零二二年十二月")
    (2021, 2022)
    >>> find_year("2024年青山镇政府工作报告", "", reviewed=2023), find_year("2024年社区工作计划", "", reviewed=2023)
    (2023, 2024)
    >>> find_year("社区明年工作计划", "2023年即将过去。2024年，社区将做好以下工作：", plan=True)
    2024

    Rule ``several_years_review``: a report given in a titled year that reviews several years
    (``several_years``: 一、过去五年工作回顾) gives the last of them, the year before (GUIDELINES).

    >>> find_year("2008年政府工作报告", "", several_years=True), find_year("2008年工作总结", "", several_years=True)
    (2007, 2008)

    Rule ``january_signature``: a summary or report whose year comes from a closing date line in
    January reviews the year before (述职报告 … 2017年1月10日 → 2016); a plan signed in January is
    for that year (every such case of the dev and written gold agrees).

    >>> find_year("述职报告", "", "东湖村党支部书记 王某\n2017年1月10日"), find_year("计划", "", "2017年1月10日", plan=True)
    (2016, 2017)

    Rule ``year_end_plan``: a plan signed in November or December is for the year after, unless its
    title names the year (社区明年工作计划 … 2021年12月20日 → 2022): a plan for a whole year, for the
    first half or the first quarter (上半年, 一季度: they start in January); a plan for a later part of
    the year (下半年, 四季度) is for its own year. An opening that names only the signing year or an
    earlier one (2021年即将过去…) reviews it: the plan is still for the year after.

    >>> find_year("社区明年工作计划", "", "2021年12月20日", plan=True), find_year("下半年工作计划", "", "2021年12月1日", plan=True)
    (2022, 2021)
    >>> find_year("一季度工作计划", "", "2021年12月20日", plan=True), find_year("工作计划", "2021年即将过去。", "2021年12月20日", plan=True)
    (2022, 2022)
    """
    title, opening, closing = (arabic_years(t) for t in (title, opening, closing))
    if reviewed is not None and (not title_year(title) or is_report(title)):
        return reviewed
    span = title_year_range(title)
    if span is not None:
        return span[1]  # rule title_year_range: the last year of the span
    named = title_year(title)
    if several_years and named and named.group(1).isdigit() and is_report(title):
        return int(named.group(1)) - 1  # rule several_years_review: the last year reviewed
    *folders, file_name = path.replace("\\", "/").replace("!", "/").split("/")
    path_year = _path_part_years(file_name) or next(filter(None, map(_folder_years, reversed(folders))), [])
    signed = _YEAR.search(closing_date(closing))
    # rule year_end_plan: the year after the signing year, for a plan signed at the year's end
    ahead = (
        int(signed.group(1)) + 1
        if plan and signed and signed.group(1).isdigit()
        and (closing_month(closing) or 0) >= _PLAN_AHEAD_FROM and not _later_part_of_year(title)
        else None
    )
    from_opening = planned_year(opening) if plan else opening_year(opening)
    for m in (title_year(title), from_opening, signed, _YEAR.search((path_year[-1] + "年") if path_year else "")):
        if not m:
            continue
        if not m.group(1).isdigit():
            return None
        if m is signed and not plan and closing_month(closing) == 1:
            return int(m.group(1)) - 1  # rule january_signature: a review signed in January
        if ahead is not None and (m is signed or (m is from_opening and int(m.group(1)) < ahead)):
            return ahead
        return int(m.group(1))
    return None


def _path_part_years(part: str) -> list[str]:
    r"""The years a file name names: four digits alone (2021年…, 2021.docx), an eight-digit date
    stamp's (rule path_date_stamp), or a title's year (21年度…).

    >>> _path_part_years("工作总结20231225.docx"), _path_part_years("2022-12-28 总结.pdf"), _path_part_years("社区资料")
    (['2023'], ['2022'], [])
    """
    return (
        _PATH_YEAR.findall(part)
        or _PATH_DATE_STAMP.findall(part)
        or [m.group(1) for m in [title_year(part)] if m]
    )


# Rule folder_year: with no year in the file name, the nearest folder named by a year (2022, 2022年,
# 2022年度) or holding one before 年 (2022年社区资料); not any four digits of a folder (tmp2019x).
_FOLDER_YEAR = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:年度?)?\s*$")


def _folder_years(folder: str) -> list[str]:
    r"""The year a folder names (rule folder_year).

    >>> _folder_years("2022年"), _folder_years("2021年度资料"), _folder_years("tmp2019ab"), _folder_years("下载")
    (['2022'], ['2021'], [], [])
    >>> find_year("工作总结", "", "", "社区资料/2022年/工作总结.doc"), find_year("总结", "", "", "2021/2022年东湖社区总结.doc")
    (2022, 2022)
    """
    m = _FOLDER_YEAR.match(folder) or _YEAR.search(folder)
    return [m.group(1)] if m and m.group(1).isdigit() else []


# Rule title_bare_year: a title's four-digit 19xx/20xx without 年 (东湖社区2021工作总结) is its
# year: no other figure of that size stands in a title, unless a unit or a decimal follows it.
_BARE_YEAR = re.compile(
    r"(?<![\d.\-—~～至到])((?:19|20)\d{2})(?![\d.%％]|\s*(?:[元户人个名次万亿米亩套间\-—~～至到]|多|余))"
)


# Rule title_short_year: a title's two-digit year before 年 and what a report's title names after
# its year (21年工作总结, 22年度, 21年上半年): the century left out, as people write it in file and
# title names. Elsewhere 21年 is a duration (坚持21年).
_SHORT_YEAR = re.compile(
    r"(?<![\d.\-—~～至到第])(\d{2})(?=\s*年(?:度|上半年|下半年|半年|前三|第?[一二三四1-4]季度|工作|全年|年终|年中|总结|计划|述职"
    r"|\d{1,2}\s*[-—–~～至到]\s*\d{1,2}\s*月|[一二三四五六七八九十]{1,2}至))"
)


def _full_year(short: re.Match[str]) -> str:
    return ("20" if int(short.group(1)) < 50 else "19") + short.group(1)


def title_year(title: str) -> re.Match[str] | None:
    """The year a title names: with 年 (2021年, 20xx年, 21年度), else a bare four-digit year.

    >>> title_year("东湖社区2021工作总结").group(1), title_year("2021年东湖社区工作总结").group(1)
    ('2021', '2021')
    >>> title_year("关于新建2000户安置房的汇报") is None, title_year("2019—2021年三年规划") is None
    (True, True)
    >>> title_year("东湖社区21年工作总结").group(1), title_year("东湖社区22年度上半年总结").group(1)
    ('2021', '2022')
    >>> title_year("坚持21年义务巡逻的老党员事迹材料") is None
    True
    """
    return _YEAR.search(title) or _BARE_YEAR.search(title) or _YEAR.search(_SHORT_YEAR.sub(_full_year, title))


# Rule title_year_range: a title naming a span of years (2021—2023年任期工作总结, 2021-23年) reviews
# several years: its year is the last of them and it has no one period (GUIDELINES, several years).
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2}|\d{2})(?!\d)\s*年")
# Rule bracketed_year_span: a span of two full years in brackets needs no 年 (…五年工作总结（2019-2023）).
_BRACKETED_RANGE = re.compile(r"[（(]\s*((?:19|20)\d{2})\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*[)）]")


def title_year_range(title: str) -> tuple[int, int] | None:
    """The first and last year of a span of years a title names, when they differ.

    >>> title_year_range("竹溪村2021—2023年任期工作总结"), title_year_range("2021-23年规划"), title_year_range("2023年总结")
    ((2021, 2023), (2021, 2023), None)
    >>> title_year_range("东湖社区五年工作回顾（2018—2022）"), title_year_range("新建住房（2000-2100户）")
    ((2018, 2022), None)
    """
    title = arabic_years(title)
    m = _YEAR_RANGE.search(title) or _BRACKETED_RANGE.search(title)
    if not m:
        return None
    first, last = int(m.group(1)), m.group(2)
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    return (first, end) if end > first else None


_PLAN_AHEAD_FROM = 11


def _later_part_of_year(title: str) -> bool:
    """Whether a title names a part of the year that starts after January (下半年, 三季度, 7-12月 …):
    planned in its own year. 上半年 and 一季度 start with the year (前三季度 holds 三季度: no period)."""
    periods = meta_vocab().periods
    title = title.replace("前三季度", "").replace("前三个季度", "")
    return any(has_any(periods[p], title) for p in ("H2", "Q2", "Q3", "Q4"))


def is_report(title: str) -> bool:
    kinds = meta_vocab().doc_types
    return has_any(kinds["report"], title) and not has_any(kinds["summary"] + kinds["plan"], title)


_FULL_DATE = re.compile(r"年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
# A speech's dateline under its title (——在2024年1月居民代表大会上): the meeting's date, not the year
# reported on (GUIDELINES, long reports).
_SPEECH_DATELINE = re.compile(r"[ \t\u3000]*(?:——|—|--|─)[^\n]*?(?:会议|大会|会)上")
_CLAUSE_EDGE = re.compile(r"[，,。；;！!？?\n]")


def opening_year(opening: str) -> re.Match[str] | None:
    r"""The first year of the opening that is the year reported on: not the year of a full date (a
    meeting's or a page's: 2024年1月8日) and not one in a target's clause (要求在2025年底…).

    >>> opening_year("——2024年1月8日在镇人大会议上。2023年，全镇…").group(1)
    '2023'
    >>> opening_year("上级要求在2025年底前完成。2023年我乡8个村中…").group(1)
    '2023'
    >>> opening_year("——在2024年1月居民代表大会上\n各位代表：\n2023年，社区…").group(1)
    '2023'
    >>> opening_year("本人自2019年担任村党支部书记以来，…") is None, opening_year("今年以来，高龄津贴较2022年增长8%") is None
    (True, True)
    >>> opening_year("2023年以来，社区…").group(1)
    '2023'
    >>> opening_year("自2019年撤村建居以来，东湖社区…。2022年，社区…").group(1), opening_year("自2022年以来，社区…").group(1)
    ('2022', '2022')
    """
    voc = meta_vocab()
    for m in _YEAR.finditer(opening):
        dateline = _SPEECH_DATELINE.match(opening, opening.rfind("\n", 0, m.start()) + 1)
        if _FULL_DATE.match(opening, m.end()) or (dateline and m.start() < dateline.end()):
            continue
        if _COMPARED_BEFORE.search(opening, max(0, m.start() - 3), m.start()) or _COMPARED_AFTER.match(opening, m.end()):
            continue  # rule comparison_year: 较2022年增长8%, 与2022年相比, 2022年同期
        starts = [e.end() for e in _CLAUSE_EDGE.finditer(opening, 0, m.start())]
        edge = _CLAUSE_EDGE.search(opening, m.end())
        clause = opening[starts[-1] if starts else 0 : edge.start() if edge else len(opening)]
        if _summary_in_quote(opening, m):
            return m  # rule quoted_summary_year: 根据《关于做好2023年度工作总结的通知》要求 asks for 2023's summary
        if has_any(voc.plan_words, clause):
            continue
        if _SPAN_START.search(clause) and has_any(voc.tenure_words, clause):
            continue  # rule tenure_start (meta.toml [year.tenure_words]): 自2019年担任…以来
        if _SINCE_EVENT.match(clause):
            continue  # rule since_event: 自2019年村改居以来 dates the start of several years, not the one reported on
        if has_any(voc.founding_words, clause):
            continue  # rule founding_year (meta.toml [year.founding_words]): 成立于2005年
        return m
    return None


def _summary_in_quote(opening: str, year: re.Match[str]) -> bool:
    """Whether ``year`` sits in a document's quoted title (《…》) that asks for or names a summary of
    that year (《关于做好2023年度工作总结的通知》): the year the summary reports on, whatever
    要求/做好 the clause around the quote holds.

    >>> _summary_in_quote("根据《关于做好2023年度工作总结的通知》要求", _YEAR.search("根据《关于做好2023年度工作总结的通知》要求"))
    True
    >>> _summary_in_quote("按照《2024年工作要点》要求", _YEAR.search("按照《2024年工作要点》要求"))
    False
    """
    start = opening.rfind("《", 0, year.start())
    if start < 0 or opening.rfind("》", start, year.start()) >= 0:
        return False
    end = opening.find("》", year.end())
    return end >= 0 and has_any(meta_vocab().doc_types["summary"], opening[year.end() : end])


# Rule comparison_year: a year compared with (较2022年, 比2022年, 与2022年相比, 2022年同期) is a base
# of comparison, not the year reported on.
_COMPARED_BEFORE = re.compile(r"(?:较|比|與|与|同|相较于|相比于)\s*(?:上年|去年)?\s*$")
_COMPARED_AFTER = re.compile(r"年?\s*(?:同期|相比|相较|对比)")
# A clause that dates the start of a span (自…, 从…, …起, …以来).
# Rule since_event: 自/从 a year, an event, 以来 (自2019年村改居以来, 从2020年创建以来): a span since the
# event; 自2023年以来 with no event may be this year so far and is read as before.
_SINCE_EVENT = re.compile(r"\s*[自从從]\s*(?:19|20)\d{2}\s*年[^，,。]+?以[来來]")
_SPAN_START = re.compile(r"^[^，,]*?(?:自|从)|(?:以来|以來|起)")


def body_year(searched: str, body: str) -> int | None:
    r"""Rule body_year: the one year ``body`` reports on (as ``opening_year`` reads an opening) at the
    start of its sentences, when the places already ``searched`` gave none and mask none (20xx there
    stays unknown); none when its sentences open with several years.

    >>> body_year("调研报告", "一、调研情况\n要求在2021年底前建成。2019年全镇九个村里…"), body_year("20xx年工作总结", "2019年…")
    (2019, None)
    >>> body_year("工作总结", "二、成效\n(一)便民站 从2022年4月份起，推出…"), body_year("", "2020年，改造8个。2021年，改造6个。")
    (None, None)
    """
    if _MASKED_YEAR.search(searched):
        return None
    body = arabic_years(body)
    years = set()
    for m in _SENTENCE_YEAR.finditer(body):
        found = opening_year(body[m.start(1) :])
        if found and found.start() == 0:
            years.add(found.group(1))
    # a body narrating several years (2020年…。2021年…。) reports on none of them alone
    only = years.pop() if len(years) == 1 else ""
    return int(only) if only.isdigit() else None


_MASKED_YEAR = re.compile(r"20[xX×＊*]{2}\s*年|[xX×]{4}\s*年")
# A year opening a sentence, not a date's (2018年我乡…; not 从2023年6月份开始…, 2023年6月…).
_SENTENCE_YEAR = re.compile(r"(?:^|(?<=[。！？!?\n]))\s*((?:19|20)\d{2}|20[xX×]{2})(?=\s*年(?!\s*\d{1,2}\s*月))", re.MULTILINE)


def planned_year(opening: str) -> re.Match[str] | None:
    """The latest year of a plan's opening that is not part of a full date: the year planned for."""
    years = [m for m in _YEAR.finditer(opening) if m.group(1).isdigit() and not _FULL_DATE.match(opening, m.end())]
    return max(years, key=lambda m: int(m.group(1)), default=None)


def reviewed_year(text: str) -> int | None:
    r"""The year a review heading names (一、2023年工作回顾, “十三五”时期和2020年主要工作回顾).

    >>> reviewed_year("各位代表：\n一、2023年工作回顾\n过去的一年…"), reviewed_year("一、过去五年工作回顾")
    (2023, None)
    """
    words = "|".join(map(re.escape, sorted(meta_vocab().review_words, key=len, reverse=True)))
    # (tried at each 1 and 2 found by str.find: nlp/text/char_scan.py)
    m = search_from_chars(re.compile(rf"(?<!\d)((?:19|20)\d{{2}})年(?:{words})"), text)
    return int(m.group(1)) if m else None


_SEVERAL_YEARS = r"(?:过去|近)[两二三四五六七八九十\d]{1,2}年(?:的|来)?|[两二三四五六七八九十\d]{1,2}年来|本届(?:政府|村委会|居委会)?"


def reviews_several_years(text: str) -> bool:
    r"""Whether a heading reviews several years at once (一、过去五年工作回顾, 三年来工作回顾).

    >>> reviews_several_years("各位代表：\n一、过去五年工作回顾\n"), reviews_several_years("一、2023年工作回顾")
    (True, False)
    """
    words = "|".join(map(re.escape, sorted(meta_vocab().review_words, key=len, reverse=True)))
    return re.search(rf"(?:{_SEVERAL_YEARS})(?:{words})", text) is not None
