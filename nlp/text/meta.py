"""Document metadata: title, community, street, year, period, doc_type.

Decisions (the gold guidelines fix the first four):

- ``title``: the last short line before the first section (within the first lines) that
  names a document type (总结/计划/报告/汇报/鉴定/简介 …) — of a page title, its variants
  and an article title, the last one —, skipping site chrome and
  collection markers (精选18篇, 模板5篇): on a 范文 page that is the article's own title
  (``20xx年村委会工作总结一``), not the page's. Returned as the ORIGINAL slice, article
  index and conversion junk included (traditional stays traditional, as gold annotators
  write it). ``None`` when no such line precedes the body.
- ``community``: the most frequent 社区/居委会/村 name in title and body, as written in the
  original; ``None`` when masked (xx社区, **村) more often than named, when the report is
  at 街道/乡镇 level (the title names one and no community), or when several names share
  the text (a multi-community review).
- ``street``: the first 街道/镇/乡 name, title first.
- ``year``: the year in the title, else the first year in the opening of the body;
  ``None`` when the first one found is masked (20xx).
- ``period``: from the title (上半年 → H1, 下半年 → H2 unless it only names the plan part of a
  mid-year "总结及下半年计划", 季度 → Q1..Q4, 年度/全年/a titled year → "year"), else from
  the opening of the body (一年来, 全年, a leading "2018年，" …); ``None`` when nothing says.
- ``doc_type``: from the title: a summary word and a plan word → mixed (工作总结及明年工作计划);
  plan words only → plan; report words only (报告/汇报/述职/调研) → report; otherwise summary.
  A summary whose plan sections hold at least 40 % of the outlined text is mixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from nlp.records import DocMeta, DocType, Normalized, RawDoc, Section
from nlp.resources import load_toml
from nlp.text.divisions import find_district
from nlp.text.document import Text
from nlp.text.identity import find_community, find_street
from nlp.text.levels import reporting_level

_SPACES = " \t\r\u3000\xa0"
_BODY_END = "。；;！!？?，,"
_COLLECTION = re.compile(r"[（(]?(?:精选|精編|精编|模板|范文|優秀|优秀)?[\d一二三四五六七八九十]+篇[)）]?\s*$")
_COLLECTION_REACH = 40
_DATE_TAIL = re.compile(r"\s+\d{4}[-/.年]\d{1,2}.*$")
_PINYIN_JUNK = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\))+")
_TITLE_LINES = 10
_TITLE_LABEL = re.compile(r"(?:标题|題目|题目|標題)\s*[:：]\s*")
# What may follow a title on its original line and still belong to it as written.
_TITLE_TAIL = re.compile(r"(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)|[ \t\u3000]*篇?[ \t\u3000]*\d{1,2})+(?=[ \t\u3000\r]*(?:\n|$))")
_ARTICLE = re.compile(r"[\s\-—]*第\s*[\d一二三四五六七八九十]+\s*篇")
_YEAR = re.compile(r"(?<![\d\-—~～至])((?:19|20)\d{2}|20[xX×＊*]{2}|[xX×]{4})(?=年)")
_OPENING = 300
_CLOSING = 160
_CLOSING_DATE = re.compile(r"(?:19|20)\d{2}年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")
_PATH_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class _Vocab:
    periods: dict[str, tuple[str, ...]]
    h2_plan: tuple[str, ...]
    doc_types: dict[str, tuple[str, ...]]
    title_junk: tuple[str, ...]
    title_only: tuple[str, ...]
    title_max: int
    title_min: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _vocab() -> _Vocab:
    data: dict[str, Any] = load_toml("meta.toml")
    period = dict(data["period"])
    h2_plan = tuple(period.pop("h2_plan_followers"))
    doc = dict(data["doc_type"])
    return _Vocab(
        periods={k: tuple(v) for k, v in period.items()},
        h2_plan=h2_plan,
        doc_types={k: tuple(doc[k]) for k in ("summary", "plan", "report")},
        title_junk=tuple(doc["title_junk"]),
        title_only=tuple(doc["title_only"]),
        title_max=int(doc["title_max"]),
        title_min=int(doc["title_min"]),
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as (start, end) spans without surrounding spaces."""
    spans, pos = [], 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        while s < e and text[s] in _SPACES:
            s += 1
        while e > s and text[e - 1] in _SPACES:
            e -= 1
        if e > s:
            spans.append((s, e))
        pos += len(raw) + 1
    return spans


def _has(words: tuple[str, ...], text: str) -> bool:
    return any(w in text for w in words)


def _segments(norm: Normalized, limit: int = _TITLE_LINES) -> list[tuple[int, int]]:
    """The first ``limit`` non-empty lines of the normalized text, also split where the ORIGINAL
    had a line break that normalization joined (a title line is never part of a paragraph)."""
    out: list[tuple[int, int]] = []

    def add(s: int, e: int) -> None:
        s, e = _strip(norm.text, s, e)
        if e > s:
            out.append((s, e))

    for s, e in _lines(norm.text):
        start = s
        for k in range(s + 1, e):
            before = norm.to_original(k - 1, k)[1]
            after = norm.to_original(k, k + 1)[0]
            if "\n" in norm.original[before:after]:
                add(start, k)
                start = k
        add(start, e)
        if len(out) >= limit:
            break
    return out[:limit]


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in _SPACES:
        s += 1
    while e > s and text[e - 1] in _SPACES:
        e -= 1
    return s, e


def find_title(
    text: str,
    first_section: int | None = None,
    segments: list[tuple[int, int]] | None = None,
) -> tuple[int, int] | None:
    r"""The title line's span in ``text``.

    >>> t = "当前位置：首页 > 工作总结\n社区工作总结精选(九篇)\n2021年东湖社区工作总结\n一年来，我社区……。"
    >>> s, e = find_title(t); t[s:e]
    '2021年东湖社区工作总结'
    >>> find_title("2018年，在街道党工委的领导下，我社区各项工作稳步推进。\n一、党建") is None
    True
    """
    voc = _vocab()
    strong = voc.doc_types["summary"][:6] + voc.doc_types["plan"][:4] + voc.doc_types["report"][:6]
    words = voc.doc_types["summary"] + voc.doc_types["plan"] + voc.doc_types["report"] + voc.title_only
    found = None
    for i, (s, e) in enumerate((segments or _lines(text))[:_TITLE_LINES]):
        if first_section is not None and s >= first_section:
            break
        line = text[s:e]
        # a collection marker ends its line: reading the tail keeps a line of digits linear
        if _has(voc.title_junk, line) or _COLLECTION.search(line[-_COLLECTION_REACH:]):
            continue
        if len(line) > voc.title_max:  # a title glued to its body (flattened page)
            m = re.match(rf"^(.{{{voc.title_min - 1},40}}(?:{_alternation(list(strong))}))", line)
            if m and (i == 0 or line[m.end() : m.end() + 1] in _SPACES):
                found = s, s + m.end()
            continue
        if line[-1] in _BODY_END or len(line) < voc.title_min or line.count("，") + line.count(",") >= 2:
            continue
        if _has(words, line):
            m = _DATE_TAIL.search(line)
            p = _TITLE_LABEL.match(line)
            found = (s + (p.end() if p else 0), s + m.start() if m else e)
    return found


_NUMERAL = r"[\d一二三四五六七八九十]"
# A site's numbering and a file name's suffix are not part of a title (GUIDELINES: 篇1, (9), (通用16篇),
# .docx, 【第1篇】); pinyin junk stays, as written.
_SITE_PREFIX = re.compile(rf"^[【\[]?\s*第\s*{_NUMERAL}+\s*篇\s*[】\]:：]?\s*")
_SITE_SUFFIX = re.compile(
    r"(?:\.(?:docx?|wps|pdf|txt|html?)"
    rf"|_\d{{1,3}}"
    rf"|\s*篇\s*{_NUMERAL}{{1,3}}"
    rf"|\s*[（(](?:通用|精选|精編|精编)?\s*\d{{1,3}}\s*篇?[)）]"
    r"|\s*[（(][一二三四五六七八九十]{1,2}[)）]"
    r"|(?<=[\u4e00-\u9fff)）])\d{1,2})$",
    re.IGNORECASE,
)


def clean_title(title: str) -> str:
    """A title without a site's numbering or a file name's suffix.

    >>> clean_title("【第1篇】2023年社区工作总结.docx"), clean_title("社区工作总结_1")
    ('2023年社区工作总结', '社区工作总结')
    >>> clean_title("社区工作总结 篇1"), clean_title("社区上半年工作总结(10)"), clean_title("社区工作计划1")
    ('社区工作总结', '社区上半年工作总结', '社区工作计划')
    >>> clean_title("社區工作總結(jié)1"), clean_title("第1篇:社区垃圾分类总结"), clean_title("2021年社区工作总结")
    ('社區工作總結(jié)', '社区垃圾分类总结', '2021年社区工作总结')
    """
    title = _SITE_PREFIX.sub("", title)
    while True:
        shorter = _SITE_SUFFIX.sub("", title).rstrip(_SPACES)
        if shorter == title:
            return title
        title = shorter


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
    voc = _vocab()
    periods = voc.periods
    if _has(periods["H1"], title):
        return "H1"
    for q in ("Q1", "Q2", "Q3", "Q4"):
        if _has(periods[q], title):
            return q
    if _has(periods["H2"], title):
        plan_only = all(
            any(title.startswith(f, m.end()) for f in voc.h2_plan) for m in re.finditer("下半年", title)
        )
        if not plan_only:
            return "H2"
    if _has(periods["year"], title) or _YEAR.search(title):
        return "year"
    head = opening[:200]
    for p in ("H1", "H2", "Q1", "Q2", "Q3", "Q4", "year"):
        if _has(periods[p], head):
            return p
    if re.match(r"\s*(?:19|20)\d{2}年\s*[,，]", opening):
        return "year"
    return None


def _file_stem(path: str | None) -> str:
    """The file name without folders and suffix: a last source of year and period.

    >>> _file_stem("归档/2021年上半年东湖社区工作总结.docx"), _file_stem(None)
    ('2021年上半年东湖社区工作总结', '')
    """
    if not path:
        return ""
    name = path.replace("\\", "/").replace("!", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def find_doc_type(title: str, sections: tuple[Section, ...]) -> DocType:
    """summary / plan / report / mixed, from the title and the share of plan sections.

    >>> find_doc_type("2022年工作总结及2023年工作计划", ()).value, find_doc_type("社区工作计划", ()).value
    ('mixed', 'plan')
    """
    kinds = _vocab().doc_types
    summary, plan, report = (_has(kinds[k], title) for k in ("summary", "plan", "report"))
    if summary and plan:
        return DocType.MIXED
    if plan:
        return DocType.PLAN
    if report and not summary:
        return DocType.REPORT
    top = [s for s in sections if s.parent is None]
    total = sum(s.norm_end - s.norm_start for s in top)
    planned = sum(s.norm_end - s.norm_start for s in top if s.planned)
    if total and planned / total >= 0.4 and summary:
        return DocType.MIXED
    return DocType.SUMMARY


def extract_meta(raw: RawDoc, doc: Text, sections: tuple[Section, ...]) -> DocMeta:
    """The document record of SPEC section 3."""
    norm = doc.normalized
    first = min((s.norm_start for s in sections), default=None)
    segments = _segments(norm)
    span = find_title(norm.text, first, segments)
    title_norm = norm.text[span[0] : span[1]] if span else ""
    title = None
    body_from = 0
    if span:
        os_, oe = norm.to_original(*span)
        line_start = norm.original.rfind("\n", 0, os_) + 1
        marker = _ARTICLE.match(norm.original, line_start)
        if marker and marker.end() <= os_:  # 第1篇：… removed as chrome, but part of the title line
            os_ = line_start
        junk = _TITLE_TAIL.match(norm.original, oe)  # 總結(jié), 篇1: keep the title as written
        oe = junk.end() if junk else oe
        title = clean_title(norm.original[os_:oe].strip(_SPACES)) or None
        body_from = span[1]
    opening = norm.text[body_from : first if first is not None and first > body_from else None]
    junk = _vocab().title_junk
    for s, e in _lines(opening):  # skip repeated titles and chrome to the first real line
        line = opening[s:e]
        if line != title_norm and len(line) > 20 and not _has(junk, line):
            opening = opening[s:]
            break
    else:
        opening = ""
    if len(opening.strip()) < 50:  # the body starts with a heading: look inside it
        opening = norm.text[body_from:]
    opening = opening[:_OPENING]
    community = find_community(norm.text, title_norm, body_from, raw.path, doc.words, span[0] if span else 0)
    return DocMeta(
        id=raw.id,
        path=raw.path,
        encoding=raw.encoding,
        title=title,
        community=community,
        street=find_street(norm.text, title_norm),
        district=find_district(title_norm, norm.text[body_from : body_from + _OPENING], norm.text[-_CLOSING:]),
        year=find_year(title_norm, opening, norm.text[-_CLOSING:], raw.path or ""),
        period=find_period(title_norm, opening) or find_period(_file_stem(raw.path), ""),
        doc_type=find_doc_type(title_norm, sections),
        chars=len(raw.text),
        level=reporting_level(title_norm, norm.text, community),
    )
