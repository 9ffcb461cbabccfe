"""The word lists of nlp/resources/headings.toml and the two grammar decisions made with them: the
site-chrome words of a line (``chrome_words``) and where a heading phrase that runs on into its
paragraph ends (``run_on_cut``). The learned decision is nlp/text/heading_model.py's."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from nlp.resources import load_toml
from nlp.text.labels import holds_any

CLAUSE_MARKS = set("，,、；;")
YEAR_WORD = re.compile(r"\d{4}年")


# A run-on phrase longer than this may be cut before a sentence opener; shorter ones are headings.
RUN_ON_MIN = 16
# Characters before the opener: a heading phrase has at least this many.
RUN_ON_HEAD = 4
# … and at most this many (heading phrases glued to their paragraph are short topic phrases).
RUN_ON_HEAD_MAX = 12


@dataclass(frozen=True)
class Lexicon:
    chrome: tuple[str, ...]
    openers: tuple[str, ...]
    subjects: tuple[str, ...]
    topic_heads: tuple[str, ...]
    dangling: tuple[str, ...]


@cache
def heading_lexicon() -> Lexicon:
    data = load_toml("headings.toml")

    def longest_first(table: str) -> tuple[str, ...]:
        return tuple(sorted(data[table], key=len, reverse=True))

    return Lexicon(
        longest_first("site_chrome"), longest_first("sentence_openers"), longest_first("subject_openers"),
        longest_first("topic_heads"), longest_first("dangling_ends"),
    )


@cache
def _holds_chrome() -> Callable[[str], object]:
    return holds_any(heading_lexicon().chrome)


def chrome_words(line: str) -> tuple[str, ...]:
    """The site-chrome words in ``line`` (download, refund, customer-service notices).

    >>> chrome_words("2、本文档由用户上传，付费后不支持退款。")
    ('本文档', '付费', '退款')
    >>> chrome_words("2、开展垃圾分类宣传活动")
    ()
    """
    if not _holds_chrome()(line):  # (most lines: one search instead of a test per word)
        return ()
    found, seen = [], line
    for word in heading_lexicon().chrome:
        if word in seen:
            found.append(word)
            seen = seen.replace(word, "\0")
    return tuple(sorted(found, key=line.find))


def run_on_cut(phrase: str) -> int:
    """Where a heading phrase that runs on into its paragraph without punctuation ends.

    The whole phrase (``len(phrase)``) unless it is long and a sentence opener or a year stands
    after at least ``RUN_ON_HEAD`` characters, or a subject (社区, 我村 …) after a topic word
    (…情况, …工作).

    >>> p = "基本情况2021年我区完成老旧小区改造15个，惠及住户1840户"; p[: run_on_cut(p)]
    '基本情况'
    >>> p = "工作成效今年以来社区共开展各类活动36场次"; p[: run_on_cut(p)]
    '工作成效'
    >>> p = "加强社区建设社区共投入资金12万元，新建活动室1处"; p[: run_on_cut(p)]
    '加强社区建设'
    >>> p = "始终保持辖区社会大局和谐稳定，杜绝发生重大安全事故"; p[: run_on_cut(p)]
    '始终保持辖区社会大局和谐稳定，杜绝发生重大安全事故'
    >>> p = "圆满完成今年各项工作目标任务并取得新成效"; p[: run_on_cut(p)]
    '圆满完成今年各项工作目标任务并取得新成效'
    >>> p = "“十五”时期和2005年主要工作回顾"; p[: run_on_cut(p)]
    '“十五”时期和2005年主要工作回顾'
    >>> p = "做好低保年度复核和2016年标准测算工作，确保年底前完成"; p[: run_on_cut(p)]
    '做好低保年度复核和2016年标准测算工作，确保年底前完成'
    """
    if len(phrase) <= RUN_ON_MIN:
        return len(phrase)
    lexicon = heading_lexicon()
    best, opener_end = len(phrase), len(phrase)
    for word in lexicon.openers:
        at = phrase.find(word, RUN_ON_HEAD)
        if 0 < at < best:
            best, opener_end = at, at + len(word)
    for word in lexicon.subjects:
        at = phrase.find(word, RUN_ON_HEAD)
        if 0 < at < best and phrase[:at].endswith(lexicon.topic_heads):
            best, opener_end = at, at + len(word)
    year = YEAR_WORD.search(phrase, RUN_ON_HEAD)
    if year and year.start() < best:
        best, opener_end = year.start(), year.end()
    head = phrase[:best]
    if head.endswith(lexicon.dangling):
        return len(phrase)  # a conjunction or preposition waits for what it joins (复核和 + 2015年…)
    if len(head) > RUN_ON_HEAD_MAX or any(ch in CLAUSE_MARKS for ch in head):
        return len(phrase)  # the opener sits inside a sentence already under way
    if not any(ch in CLAUSE_MARKS or ch.isdigit() for ch in phrase[opener_end:]):
        return len(phrase)  # no sign of a paragraph after it: a long heading (…时期和2020年主要工作回顾)
    return best
