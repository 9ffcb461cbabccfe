"""The year and period a document reports on (GUIDELINES: year, period).

- ``year``: the year in the title, else the first year in the opening of the body, else the closing
  date line, else the file name; ``None`` when the first one found is masked (20xx).
- ``period``: from the title (上半年 → H1, 下半年 → H2 unless it only names the plan part of a
  mid-year "总结及下半年计划", 季度 → Q1..Q4, 年度/全年/a titled year → "year"), else from the opening
  of the body (一年来, 全年, a leading "2018年，" …), else the file name; ``None`` when nothing says.
"""

from __future__ import annotations

import re

from nlp.text.meta_lexicon import has_any, meta_vocab

_YEAR = re.compile(r"(?<![\d\-—~～至])((?:19|20)\d{2}|20[xX×＊*]{2}|[xX×]{4})(?=年)")
_CLOSING_DATE = re.compile(r"(?:19|20)\d{2}年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
_PATH_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


_CHINESE_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


def _arabic_years(text: str) -> str:
    """二〇二一年 written as 2021年, so that one pattern reads both."""
    return _CHINESE_YEAR.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)


def find_year(title: str, opening: str, closing: str = "", path: str = "") -> int | None:
    r"""The year reported on: title first, then the opening of the body, the closing date lines,
    the file name.

    >>> find_year("2022年上半年社区工作总结", ""), find_year("社区工作总结", "20xx年以来，2019年……")
    (2022, None)
    >>> find_year("社区工作总结", "今年以来……", "幸福里社区居委会\n2023年12月20日", "")
    2023
    >>> find_year("社区工作总结", "", "", "archive/2021年东湖社区工作总结.docx")
    2021
    >>> find_year("东湖社区二〇二一年工作总结", ""), find_year("", "", "东湖社区\n二零二二年十二月")
    (2021, 2022)
    """
    title, opening, closing = (_arabic_years(t) for t in (title, opening, closing))
    closing_date = _CLOSING_DATE.findall(closing)
    path_year = _PATH_YEAR.findall(path.replace("\\", "/").rsplit("/", 1)[-1])
    for source in (title, opening, closing_date[-1] if closing_date else "", (path_year[-1] + "年") if path_year else ""):
        m = _YEAR.search(source)
        if m:
            return int(m.group(1)) if m.group(1).isdigit() else None
    return None


def find_period(title: str, opening: str) -> str | None:
    """H1/H2/Q1..Q4/year from the title, else from the opening of the body.

    >>> find_period("2024年工作总结和下半年工作计划", ""), find_period("社区下半年工作总结", "")
    ('year', 'H2')
    >>> find_period("社区一季度工作总结", ""), find_period("社区工作总结", "一年来，我们……")
    ('Q1', 'year')
    """
    voc = meta_vocab()
    periods = voc.periods
    if has_any(periods["H1"], title):
        return "H1"
    for q in ("Q1", "Q2", "Q3", "Q4"):
        if has_any(periods[q], title):
            return q
    if has_any(periods["H2"], title):
        plan_only = all(
            any(title.startswith(f, m.end()) for f in voc.h2_plan) for m in re.finditer("下半年", title)
        )
        if not plan_only:
            return "H2"
    if has_any(periods["year"], title) or _YEAR.search(title):
        return "year"
    head = opening[:200]
    for p in ("H1", "H2", "Q1", "Q2", "Q3", "Q4", "year"):
        if has_any(periods[p], head):
            return p
    if re.match(r"\s*(?:19|20)\d{2}年\s*[,，]", opening):
        return "year"
    return None


def file_stem(path: str | None) -> str:
    """The file name without folders and suffix: a last source of year and period.

    >>> file_stem("归档/2021年上半年东湖社区工作总结.docx"), file_stem(None)
    ('2021年上半年东湖社区工作总结', '')
    """
    if not path:
        return ""
    name = path.replace("\\", "/").replace("!", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
