"""The signature lines of a report: the unit's name (with its office, the signer, a date) on the short
lines closing it, or alone on the letterhead line above the title. Read by nlp/text/identity.py."""

from __future__ import annotations

import re
from functools import cache

from nlp.resources import load_toml
from nlp.text.closing_date import before_attachments, closing_date
from nlp.text.meta_lexicon import alternation
from nlp.text.place_names import Words, place_names, title_head

_SIGNATURE_LINES = 5
SIGNATURE_MAX = 30
# An ordinal before a community's sub-body (东湖社区|第三网格, 第二党支部).
ORDINAL = r"(?:第?[\d一二三四五六七八九十]{1,3})"


@cache
def _signature() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Rule signature_line (meta.toml [place.signature_*]): what may follow the unit's name on a
    closing line (its office, the signer's role and name, a date), and a label before it."""
    place = load_toml("meta.toml")["place"]
    offices = alternation(list(place["signature_offices"]))
    roles = alternation(list(place["signature_roles"]))
    labels = alternation(list(place["signature_labels"]))
    rest = re.compile(
        rf"^[\s（()）]*(?:{ORDINAL}?(?:{offices})[\s（()）]*)*"
        rf"(?:(?:{roles})[\s:：]*(?:[\u4e00-\u9fff]{{2,4}}|[xX×*＊某]{{1,3}})?[\s（()）]*)?"
        r"(?:(?:19|20)\d{2}\s*年[\d\s月日]*|(?:19|20)\d{2}[-./]\d{1,2}(?:[-./]\d{1,2})?"
        r"|[〇零一二三四五六七八九]{4}\s*年[一二三四五六七八九十\s月日]*)?$"
    )
    return rest, re.compile(rf"^(?:{labels})\s*[:：]\s*")


_DATE_FIRST = re.compile(r"^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2})[ \t\u3000]+")


def last_lines(text: str, count: int = _SIGNATURE_LINES) -> list[tuple[int, str]]:
    r"""The last ``count`` lines of ``text`` as (offset, line without surrounding spaces).

    >>> last_lines("正文。\n 东湖社区 \n2022年12月28日", 2)
    [(5, '东湖社区'), (11, '2022年12月28日')]
    """
    out, end = [], len(before_attachments(text).rstrip())
    while end > 0 and len(out) < count:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        stripped = line.strip()
        if stripped or start == 0:
            out.append((start + len(line) - len(line.lstrip()), stripped))
        end = start - 1
    return out[::-1]


def signature_unit(text: str, words: Words | None) -> list[str]:
    """The unit signing the report: a short line at the end that is its name (and office, date).

    Rule name_above_date: a closing line that is a unit's bare name right above the date line
    (南门外社区 / 2023年12月  日) signs the report, whatever the segmenter tags its words (南|门外)."""
    found = []
    lines = last_lines(text)
    for i, (at, line) in enumerate(lines):
        if not 0 < len(line) <= SIGNATURE_MAX:
            continue
        named = unit_line(line, at, words)
        if not named and i + 1 < len(lines) and closing_date(lines[i + 1][1]):
            head = title_head(line)
            named = [head] if head and line == head else []
        found += named
    return found[-1:]


def unit_line(line: str, at: int, words: Words | None) -> list[str]:
    """The unit a signature-like line names: its name at the start (after a label, 中共 and the
    divisions above it: 青山镇|青桐村村民委员会), and nothing after it but its office (the same name
    again with its committee: 中共青桐社区委员会 青桐社区居民委员会), the signer's role and name, and a
    date."""
    rest, label = _signature()
    head = label.match(line) or _DATE_FIRST.match(line)  # 2021年12月28日  东湖社区居委会: the date first
    skip = head.end() if head else 0
    skip += 2 if line.startswith("中共", skip) else 0
    found = [
        name
        for name, start, end in place_names(line, words=words, offset=at)
        if (start == skip or _DIVISIONS_BEFORE.match(line, skip, start)) and rest.match(line[end:].replace(name, ""))
    ]
    return found or _signature_head(line, skip, rest)


# Offices a unit's name may end in on a closing line, which make the line a signature by themselves.
_OFFICE_SUFFIXES = ("居民委员会", "居委会", "村民委员会", "村委会")


def _signature_head(line: str, skip: int, rest: re.Pattern[str]) -> list[str]:
    """Rule signature_head: a closing line that is a unit's name with its office (槐荫社区居民委员会)
    names the unit by the characters before the suffix, whatever the segmenter tags them (槐荫 as an
    adjective), as a title's head does (place_names.title_head). Only with the office, or an office,
    role or date after the name: a bare ``…社区`` line may be a slogan (共建美好社区)."""
    name = title_head(line[skip:])
    if not name:
        return []
    end = line.find(name, skip) + len(name)
    after = line[end:]
    if not rest.match(after) or not (name.endswith(_OFFICE_SUFFIXES) or after.strip()):
        return []
    return [name]


# The divisions a unit's name may follow on a signature line (青山镇, 青山街道, 某某区青山街道).
_DIVISIONS_BEFORE = re.compile(r"(?:[\u4e00-\u9fffXx×*＊]{1,8}?(?:省|市|区|县|旗|街道办事处|街道|镇|乡))+$")


# A document number under a red header (青社〔2021〕12号, 青社发[2021]3号).
_DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")


def letterhead_unit(text: str, title_at: int, words: Words | None) -> list[str]:
    """Rule letterhead: the line right above the title, when it is the unit's name and office alone
    (东湖社区居民委员会 / 2022年工作总结), names the reporting unit as a signature does; so does a red
    header's 文件 line above the document number (东湖社区居民委员会文件 / 东社〔2021〕12号 / 关于…)."""
    found = letterhead_line(text, title_at)
    return unit_line(found[1], found[0], words)[:1] if found else []


def letterhead_line(text: str, title_at: int) -> tuple[int, str] | None:
    r"""The letterhead above the title at ``title_at`` as (offset, line): the line right above it, or
    the 文件 line above a document number, without 文件; None when there is none that short.

    >>> letterhead_line("东湖社区居民委员会文件\n东社〔2021〕12号\n关于2021年度工作情况的报告", 24)
    (0, '东湖社区居民委员会')
    """
    if title_at <= 0:
        return None
    before = text[:title_at].rstrip()
    start = before.rfind("\n") + 1
    line = before[start:].strip(" \t\u3000")
    if _DOCUMENT_NUMBER.match(line) and start > 0:
        before = before[:start].rstrip()
        start = before.rfind("\n") + 1
        line = before[start:].strip(" \t\u3000")
    line = line.removesuffix("文件").rstrip(" \t\u3000")
    if not 0 < len(line) <= SIGNATURE_MAX:
        return None
    return start + before[start:].index(line), line
