"""Rule sentence_lead: a sentence led by a plan plans its clauses after the lead.

A plan marker governs its own clause and the next (``nlp.figures.facts.plan_window``). A sentence
whose first clause is a plan lead (下一步，…; 明年，社区将…; 今后，要…; 2024年，计划…) plans every
clause after it up to the sentence's 。！？ or line end, across ；, until a clause that carries a done
sign (``[done_signs]`` of planned.toml: 已, 实际, 截至 …) or opens by the present or the past
(``[sentence_lead.stops]``): that clause and what follows are read clause by clause as before.
SPEC: planned is true for plans and targets.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import cache

from nlp.figures.planned import is_planned_sentence, pattern_sources
from nlp.resources import load_toml

# What ends a sentence (a line break ends one too); ； does not end it here.
_STOPS = "。！？!?\n"
_STOP = re.compile("[" + _STOPS + "]")
_CLAUSE_BREAK = re.compile(r"[，,；;：:]")
_BY_YEAR = re.compile(r"[到至](?:19|20)\d\d年")  # where rule by_year of is_planned_sentence may find a target


@cache
def _plan_marker() -> re.Pattern[str]:
    """The plan markers (``nlp.figures.planned.pattern_sources``), searched on the raw text: every
    lead that holds one once the false markers are removed holds one here (a false marker that
    holds a marker is matched by it)."""
    return re.compile(pattern_sources()[0])


def _match_starts(pattern: re.Pattern[str], text: str, firsts: str) -> list[int]:
    """The starts of ``pattern.finditer(text)`` for a pattern whose every match starts with one of
    the characters ``firsts``, found by trying it only where one stands: ``str.find`` of one character
    passes over a text far faster than ``re`` tries a class of first characters at each character
    (_BY_YEAR on four long reports: 0.95 M instructions instead of 5.0 M). Left to right and not
    overlapping, as ``finditer`` takes them. (The plan markers' 22 first characters stay with
    ``finditer``: they stand so often that a Python step at each costs more than ``re``'s pass.)"""
    candidates = []
    find = text.find
    for first in firsts:
        at = find(first)
        while at >= 0:
            candidates.append(at)
            at = find(first, at + 1)
    candidates.sort()
    starts = []
    free_from = 0
    match = pattern.match
    for at in candidates:
        if at >= free_from and (m := match(text, at)) is not None:
            starts.append(at)
            free_from = m.end()
    return starts


def _alternatives(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _settings() -> tuple[int, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The longest first clause that lets the second lead, the stops, a pattern of the done signs
    whose group 1 is a word that only holds one (立足实际), and the openers of purpose or basis."""
    data = load_toml("planned.toml")
    lead = data["sentence_lead"]
    stops = re.compile(r"[ \t\u3000]*(?:" + _alternatives(lead["stops"]) + ")")
    signs = re.compile("(" + _alternatives(lead["not_done_signs"]) + ")|" + _alternatives(data["done_signs"]))
    not_leads = re.compile(r"[ \t\u3000]*(?:" + _alternatives(lead["not_leads"]) + ")")
    return lead["opener_max"], stops, signs, not_leads


def _first_done_sign(text: str, start: int, end: int) -> int:
    """The offset of the first done sign of ``text[start:end]`` that is no part of a word stating
    no result, or -1."""
    for m in _settings()[2].finditer(text, start, end):
        if m.group(1) is None:
            return m.start()
    return -1


def _lead_end(text: str, start: int, end: int, marked: Callable[[int, int], bool]) -> int:
    """Where the plan lead of the sentence ``text[start:end]`` ends (after its clause break), or -1
    when the sentence is led by no plan. ``marked(a, b)``: whether a marker may start in ``text[a:b]``
    (most sentences hold none in their lead and are passed at once)."""
    first = _CLAUSE_BREAK.search(text, start, end)
    if first is None:
        return -1  # one clause: the clause window reads it
    opener_max = _settings()[0]
    short = first.start() - start <= opener_max + 4  # (blanks before it are stripped below)
    second = _CLAUSE_BREAK.search(text, first.end(), end) if short else None
    if not marked(start, second.start() if second is not None else first.start()):
        return -1
    lead = text[start : first.start()]
    if _leads(lead):
        return first.end()
    if len(lead.strip()) > opener_max or second is None:
        return -1
    return second.end() if _leads(text[first.end() : second.start()]) else -1


def _leads(clause: str) -> bool:
    """Whether a clause leads its sentence as a plan: it holds a plan marker and opens by no word of
    purpose or basis (``[sentence_lead.not_leads]``)."""
    return _settings()[3].match(clause) is None and is_planned_sentence(clause)


def sentence_lead_spans(text: str) -> list[tuple[int, int]]:
    """The stretches a sentence's plan lead governs: from the end of the lead to the sentence's end
    or to the start of the first clause that states what is done or was.

    >>> t = "下一步，社区将整合资源，新建助餐点2个，培训网格员40人次。"
    >>> [t[s:e] for s, e in sentence_lead_spans(t)]
    ['社区将整合资源，新建助餐点2个，培训网格员40人次']
    >>> t = "明年，社区将继续推进改造，截至目前，已完成改造30户，再改造20户。今年以来，开展活动8场。"
    >>> [t[s:e] for s, e in sentence_lead_spans(t)]
    ['社区将继续推进改造，']
    >>> t = "2024年，社区计划以需求为导向，举办亲子运动会1场；组建舞蹈队2支。"
    >>> [t[s:e] for s, e in sentence_lead_spans(t)]
    ['举办亲子运动会1场；组建舞蹈队2支']
    >>> t = "明年，社区将立足实际，改造背街小巷3条。"
    >>> [t[s:e] for s, e in sentence_lead_spans(t)]
    ['社区将立足实际，改造背街小巷3条']
    >>> sentence_lead_spans("为落实年度计划要求，加强日常管理，开展夜间巡逻3次。")
    []
    >>> sentence_lead_spans("今年以来，社区新建广场1处，安装器材24件，明年将新增路径2条。")
    []
    """
    stops = _settings()[1]
    # where a marker may start (two passes: one alternation of both loses the literal search of ``re``;
    # _BY_YEAR is tried only at the 到 and 至 of the text)
    hits = sorted([m.start() for m in _plan_marker().finditer(text)] + _match_starts(_BY_YEAR, text, "到至"))

    def marked(a: int, b: int) -> bool:
        i = bisect_left(hits, a)
        return i < len(hits) and hits[i] < b

    spans = []
    done_to = -1
    for hit in hits:  # the sentences holding a marker: only they can be led by one
        if hit < done_to:
            continue
        # the last stop before the marker: the previous sentence's stop (at done_to) bounds the look back
        floor = done_to if done_to > 0 else 0
        start = max([text.rfind(stop, floor, hit) for stop in _STOPS]) + 1
        after = _STOP.search(text, hit)
        end = after.start() if after is not None else len(text)
        done_to = end
        at = _lead_end(text, start, end, marked)
        if at < 0 or at >= end:
            continue
        stop = end
        sign = _first_done_sign(text, at, end)
        if sign >= 0:
            stop = _clause_start(text, at, sign)
        for brk in _CLAUSE_BREAK.finditer(text, at, stop):
            if stops.match(text, brk.end()):
                stop = brk.end()
                break
        if stops.match(text, at):
            stop = at
        if stop > at:
            spans.append((at, stop))
    return spans


def _clause_start(text: str, floor: int, at: int) -> int:
    """The start of the clause holding ``text[at]`` (not before ``floor``)."""
    last = floor
    for brk in _CLAUSE_BREAK.finditer(text, floor, at):
        last = brk.end()
    return last
