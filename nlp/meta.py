"""Document metadata: title, community, street, year, period, doc_type.

Decisions (the gold guidelines fix the first four):

- ``title``: the first short line before the body that names a document type
  (总结/计划/报告/汇报/鉴定/简介 …), skipping site chrome and collection markers
  (精选18篇, 模板5篇); a trailing article index (``…工作计划1``) is dropped. Returned as the
  ORIGINAL slice (traditional stays traditional, as gold annotators write it). ``None``
  when the body starts at once.
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
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from nlp.records import DocMeta, DocType, Normalized, RawDoc, Section
from nlp.resources import load_toml

_SPACES = " \t\r\u3000\xa0"
_BODY_END = "。；;！!？?，,"
_COLLECTION = re.compile(r"[（(]?(?:精选|精編|精编|模板|范文|優秀|优秀)?[\d一二三四五六七八九十]+篇[)）]?\s*$")
_INDEX = re.compile(r"(?<=[\u4e00-\u9fff])\s*\d{1,2}$")
_YEAR = re.compile(r"(?<![\d\-—~～至])((?:19|20)\d{2}|20[xX×＊*]{2}|[xX×]{4})(?=年)")
_OPENING = 300


@dataclass(frozen=True)
class _Vocab:
    community: re.Pattern[str]
    street: re.Pattern[str]
    breaks: str
    generic: tuple[str, ...]
    mask: str
    periods: dict[str, tuple[str, ...]]
    h2_plan: tuple[str, ...]
    doc_types: dict[str, tuple[str, ...]]
    title_junk: tuple[str, ...]
    title_max: int
    title_min: int


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _vocab() -> _Vocab:
    data: dict[str, Any] = load_toml("meta.toml")
    place = data["place"]
    period = dict(data["period"])
    h2_plan = tuple(period.pop("h2_plan_followers"))
    doc = dict(data["doc_type"])
    return _Vocab(
        community=re.compile(rf"([^\s]{{1,8}}?)({_alternation(place['community_suffixes'])})(?!街道|街道办|镇|鎮|乡|鄉)"),
        street=re.compile(rf"([^\s]{{1,8}}?)({_alternation(place['street_suffixes'])})"),
        breaks=place["name_breaks"],
        generic=tuple(place["generic"]),
        mask=place["mask_chars"],
        periods={k: tuple(v) for k, v in period.items()},
        h2_plan=h2_plan,
        doc_types={k: tuple(doc[k]) for k in ("summary", "plan", "report")},
        title_junk=tuple(doc["title_junk"]),
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


def find_title(text: str, first_section: int | None = None) -> tuple[int, int] | None:
    """The title line's span in ``text``.

    >>> t = "当前位置：首页 > 工作总结\\n社区工作总结精选(九篇)\\n2021年东湖社区工作总结\\n一年来，我社区……。"
    >>> s, e = find_title(t); t[s:e]
    '2021年东湖社区工作总结'
    >>> find_title("2018年，在街道党工委的领导下，我社区各项工作稳步推进。\\n一、党建") is None
    True
    """
    voc = _vocab()
    words = voc.doc_types["summary"] + voc.doc_types["plan"] + voc.doc_types["report"]
    for i, (s, e) in enumerate(_lines(text)):
        if first_section is not None and s >= first_section:
            return None
        line = text[s:e]
        if i == 0 and len(line) > voc.title_max:  # a flattened document: title glued to the body
            m = re.match(rf"^(.{{{voc.title_min},40}}?(?:{_alternation(list(words))}))", line)
            return (s, s + m.end()) if m and not _has(voc.title_junk, m.group(1)) else None
        if len(line) > voc.title_max or line[-1] in _BODY_END:
            return None  # the body has begun
        if _has(voc.title_junk, line) or _COLLECTION.search(line) or len(line) < voc.title_min:
            continue
        if _has(words, line):
            m = _INDEX.search(line)
            return (s, s + m.start()) if m else (s, e)
    return None


def _name(prefix: str, suffix: str, voc: _Vocab) -> str | None:
    cut = max(prefix.rfind(ch) for ch in voc.breaks)
    stem = prefix[cut + 1 :]
    if len(stem) < 2 and not (stem and stem[0] in voc.mask):
        return None
    if any(stem.endswith(g) for g in voc.generic):
        return None
    return stem + suffix


def _is_masked(name: str, voc: _Vocab) -> bool:
    return name[0] in voc.mask


def place_names(text: str, pattern: re.Pattern[str]) -> list[tuple[str, int, int]]:
    """Candidate place names (name, start, end) matched by ``pattern`` in ``text``.

    >>> [n for n, _, _ in place_names("我社区在阿娄社区党支部的带领下，和谐社区建设", _vocab().community)]
    ['阿娄社区']
    """
    voc = _vocab()
    out = []
    for m in pattern.finditer(text):
        name = _name(m.group(1), m.group(2), voc)
        if name:
            out.append((name, m.end() - len(name), m.end()))
    return out


def _community(norm: Normalized, title: str) -> str | None:
    voc = _vocab()
    names = place_names(norm.text, voc.community)
    if not names:
        return None
    real = Counter(n for n, _, _ in names if not _is_masked(n, voc))
    masked = sum(1 for n, _, _ in names if _is_masked(n, voc))
    in_title = [n for n, _, _ in place_names(title, voc.community)]
    if in_title and _is_masked(in_title[0], voc):
        return None
    if not real:
        return None
    (top, count), *rest = real.most_common()
    if not in_title:
        if masked > count:
            return None
        if place_names(title, voc.street):
            return None
        if len(rest) >= 2 and count < 2 * rest[0][1]:
            return None
    else:
        top = in_title[0]
    s, e = next((s, e) for n, s, e in names if n == top)
    os_, oe = norm.to_original(s, e)
    return norm.original[os_:oe]


def _street(norm: Normalized, title: str) -> str | None:
    voc = _vocab()
    for source in (title, norm.text):
        for name, _, _ in place_names(source, voc.street):
            if not _is_masked(name, voc):
                return name.replace("办事处", "").replace("辦事處", "")
    return None


def find_year(title: str, opening: str) -> int | None:
    """The year reported on: title first, then the opening of the body.

    >>> find_year("2022年上半年社区工作总结", ""), find_year("社区工作总结", "20xx年以来，2019年……")
    (2022, None)
    """
    for source in (title, opening):
        m = _YEAR.search(source)
        if m:
            return int(m.group(1)) if m.group(1).isdigit() else None
    return None


def find_period(title: str, opening: str) -> str | None:
    """H1/H2/Q1..Q4/year from the title, else from the opening of the body.

    >>> find_period("2024年工作总结和下半年工作计划", ""), find_period("2021年社区工作总结", "")
    ('H1', 'year')
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
        return "H1" if plan_only and _has(voc.doc_types["summary"], title) else "H2"
    if _has(periods["year"], title) or _YEAR.search(title):
        return "year"
    head = opening[:80]
    for p in ("H1", "H2", "Q1", "Q2", "Q3", "Q4", "year"):
        if _has(periods[p], head):
            return p
    if re.match(r"\s*(?:19|20)\d{2}年\s*[,，]", opening):
        return "year"
    return None


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


def extract_meta(raw: RawDoc, norm: Normalized, sections: tuple[Section, ...]) -> DocMeta:
    """The document record of SPEC section 3."""
    first = min((s.norm_start for s in sections), default=None)
    span = find_title(norm.text, first)
    title_norm = norm.text[span[0] : span[1]] if span else ""
    title = None
    body_from = 0
    if span:
        os_, oe = norm.to_original(*span)
        title = norm.original[os_:oe].strip(_SPACES) or None
        body_from = span[1]
    opening = norm.text[body_from:]
    for s, e in _lines(opening):  # skip repeated titles and chrome to the first real line
        line = opening[s:e]
        if line != title_norm and len(line) > 20:
            opening = opening[s:]
            break
    opening = opening[:_OPENING]
    return DocMeta(
        id=raw.id,
        path=raw.path,
        encoding=raw.encoding,
        title=title,
        community=_community(norm, title_norm),
        street=_street(norm, title_norm),
        year=find_year(title_norm, opening),
        period=find_period(title_norm, opening),
        doc_type=find_doc_type(title_norm, sections),
        chars=len(raw.text),
    )
