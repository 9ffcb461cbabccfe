"""Document metadata: title, community, street, year, period, doc_type (SPEC section 3).

Each field is one module's job, the gold guidelines fix the first four:

- ``title``: nlp/text/title.py (which line, as written), nlp/text/title_clean.py (without a site's numbering);
- ``community``, ``street``: nlp/text/identity.py (title, signature, 本社区, opening, frequency,
  path) over nlp/text/place_names.py; ``district``: nlp/text/divisions.py (cpca's table);
- ``year``, ``period``: nlp/text/period.py;
- ``level``: nlp/text/levels.py;
- ``doc_type``: here, from the title: a summary word and a plan word → mixed (工作总结及明年工作计划);
  plan words only → plan; report words only (报告/汇报/述职/调研) → report; otherwise summary.
  A summary whose plan sections hold at least 40 % of the outlined text is mixed.
"""

from __future__ import annotations

import re

from nlp.records import DocMeta, DocType, RawDoc, Section
from nlp.text.closing_date import closing_date, closing_date_at, closing_month
from nlp.text.date_numerals import arabic_years
from nlp.text.divisions import find_district
from nlp.text.document import Text
from nlp.text.identity import find_community, find_street
from nlp.text.levels import reporting_level
from nlp.text.line_spans import iter_lines
from nlp.text.meta_lexicon import has_any, meta_vocab
from nlp.text.period import document_period, file_stem
from nlp.text.title import document_title
from nlp.text.title_clean import unenclosed, unspaced, without_site_tags
from nlp.text.top_lines import SUBTITLE_DASHES, dateline_start
from nlp.text.year import body_year, find_year, reviewed_year, reviews_several_years

_OPENING = 300
_CLOSING = 160
# Rule body_year: with no year in the title, opening, closing date or file name, the first year the
# body reports in its first characters (a report whose opening is a site's note, its year in section 一).
_BODY_YEAR_REACH = 800
# A county's, city's or province's own report lies above any street: the towns it names are its parts.
_STREET_LEVELS = ("community", "township")


def find_doc_type(title: str, sections: tuple[Section, ...]) -> DocType:
    """summary / plan / report / mixed, from the title and the share of plan sections.

    >>> find_doc_type("2022年工作总结及2023年工作计划", ()).value, find_doc_type("社区工作计划", ()).value
    ('mixed', 'plan')
    """
    kinds = meta_vocab().doc_types
    summary, plan, report = (has_any(kinds[k], title) for k in ("summary", "plan", "report"))
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


def _subtitle(text: str, body_from: int) -> tuple[int, int] | None:
    """The span of the line right after the title when it is a subtitle (——…, without a date: a
    speech's dateline is no subtitle of its title's unit)."""
    start = body_from + len(text[body_from:]) - len(text[body_from:].lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip()
    if not line.startswith(SUBTITLE_DASHES) or len(line) > 60 or dateline_start(line) == 0:
        return None
    return start, start + len(line)


def _dated_under_title(original: str, title_end: int) -> str:
    """Rule date_under_title: the line right under the title when it is a date alone (东湖社区工作总结 /
    2022年1月6日, 时间：2022年1月6日): the report's date written at its head, read as a closing date
    line is. Read in the original (``title_end`` is where the title ends there): normalization drops a
    labelled date line as a page's furniture."""
    rest = original[title_end:]
    start = title_end + len(rest) - len(rest.lstrip())
    end = original.find("\n", start)
    line = original[start : len(original) if end < 0 else end].strip()
    return line if closing_date(arabic_years(line)) else ""


def read_title(line: str) -> str:
    r"""A title line as read for its unit, year and period: a title broken over two lines joined,
    letter spacing dropped (东 湖 社 区 2022 年 … → 东湖社区2022年…), a year's digits and its 年 one word.

    >>> read_title("东湖社区 2 0 2 2 年工作总结"), read_title("东湖社区2022年\n工作总结")
    ('东湖社区 2022年工作总结', '东湖社区2022年工作总结')
    """
    line = unspaced(unenclosed(without_site_tags(re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "", line))))
    return re.sub(r"(?<=\d)[ \t\u3000]+(?=[\d年])", "", line)


def extract_meta(raw: RawDoc, doc: Text, sections: tuple[Section, ...]) -> DocMeta:
    """The document record of SPEC section 3."""
    norm = doc.normalized
    first = min((s.norm_start for s in sections), default=None)
    found = document_title(norm, first)
    body_from = found.body_from
    title_norm = read_title(found.normalized)
    # a short body's opening stops before its closing date line
    dated = closing_date_at(norm.text)
    body_end = len(norm.text) if dated is None or dated < body_from else dated
    opening = norm.text[body_from : first if first is not None and body_from < first < body_end else body_end]
    junk = meta_vocab().title_junk
    for s, e in iter_lines(opening):  # skip repeated titles and chrome to the first real line
        line = opening[s:e]
        if line != title_norm and len(line) > 20 and not has_any(junk, line):
            opening = opening[s:]
            break
    else:
        opening = ""
    proper = opening[:_OPENING]  # the opening before the first section
    if len(opening.strip()) < 50:  # the body starts with a heading: look inside it
        opening = norm.text[body_from:body_end]
    opening = opening[:_OPENING]
    reviewed = reviewed_year(norm.text)
    several = reviewed is None and reviews_several_years(norm.text)
    doc_type = find_doc_type(title_norm, sections)
    community = find_community(norm.text, title_norm, body_from, raw.path, doc.words, found.start, first)
    subtitle = _subtitle(norm.text, body_from)
    if subtitle is not None:  # 用好“三心”工作法 / ——石榴湾社区2017年…材料: the subtitle names unit and year
        sub_start, sub_end = subtitle
        title_norm = f"{title_norm} {norm.text[sub_start:sub_end]}"
        if community is None:
            community = find_community(
                norm.text, norm.text[sub_start:sub_end], body_from, raw.path, doc.words, sub_start, first
            )
    level = reporting_level(title_norm, norm.text, community)
    closing = norm.text[-_CLOSING:]
    if not closing_date(closing) and found.text is not None:
        head_end = subtitle[1] if subtitle else body_from
        closing = _dated_under_title(norm.original, norm.to_original(head_end, head_end)[0]) or closing
    return DocMeta(
        id=raw.id,
        path=raw.path,
        encoding=raw.encoding,
        title=found.text,
        community=community,
        street=find_street(norm.text, title_norm, doc.words, found.start, body_from, community) if level in _STREET_LEVELS else None,
        district=find_district(title_norm, norm.text[body_from : body_from + _OPENING], norm.text[-_CLOSING:]),
        year=find_year(title_norm, opening, closing, raw.path or "", reviewed, doc_type is DocType.PLAN, several)
        or body_year(title_norm + opening + closing, norm.text[body_from : body_from + _BODY_YEAR_REACH]),
        period=document_period(
            title_norm,
            proper,
            file_stem(raw.path),
            opening,
            reviewed,
            several,
            closing_month(closing),
            norm.text[body_from : body_from + _BODY_YEAR_REACH],
        ),
        doc_type=doc_type,
        chars=len(raw.text),
        level=level,
    )
