"""Units and rates left without their number (the scan of ZJ403 missing_figure): a percent sign,
元 after a sum of money, 余 + unit, a rate verb before punctuation, a unit after a blank, a unit
of copies right after what was handed out (办理婚育证明份)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

from nlp.checks.surface_grammar import SurfaceGrammar, _unit_blocked, surface_grammar
from nlp.text.char_scan import finditer_from_chars

_PERCENT_SIGN = re.compile(r"[%％](?![0-9A-Fa-f]{2})")
_YU = re.compile("余")


def _has_number_before(g: SurfaceGrammar, text: str, index: int) -> bool:
    i = index
    while i > 0 and text[i - 1] in " \u3000\t":
        i -= 1
    return i > 0 and text[i - 1] in g.numeral_chars


class _Taken:
    """Spans already reported, for the overlap test of each new one. The spans kept are disjoint
    and each pattern finds its own in text order, so each pattern's are kept sorted and an overlap
    is one bisection per pattern (a list scanned for every candidate grew with the document)."""

    def __init__(self) -> None:
        self.lists: list[tuple[list[int], list[int]]] = []  # (starts, ends) per pattern

    def next_pattern(self) -> None:
        self.lists.append(([], []))

    def fresh(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps no span kept so far; if so it is kept."""
        for starts, ends in self.lists:
            i = bisect_right(ends, start)  # the first kept span ending after ``start``
            if i < len(starts) and starts[i] < end:
                return False
        starts, ends = self.lists[-1]
        starts.append(start)
        ends.append(end)
        return True


def _percent_signs(text: str) -> Iterator[tuple[int, int, int]]:
    """(start, sign, end) of each match of ``(?P<gap>[^\\S\\n]*)[%％](?![0-9A-Fa-f]{2})``: the scan
    finds the signs, then takes the blanks before each back to the previous match."""
    previous_end = 0
    for m in finditer_from_chars(_PERCENT_SIGN, text):  # (by str.find: nlp/text/char_scan.py)
        start = m.start()
        while start > previous_end and text[start - 1] != "\n" and text[start - 1].isspace():
            start -= 1
        yield start, m.start(), m.end()
        previous_end = m.end()


def _yu_units(g: SurfaceGrammar, text: str) -> Iterator[re.Match[str]]:
    """Each match of ``(?P<pre>.)(?P<unit>余(?:unit))`` as the unit part (the character before it
    is the match's ``pre``): the scan jumps from 余 to 余 instead of trying every character."""
    previous_end = 0
    for m in _YU.finditer(text):
        at = m.start()
        if at - 1 < previous_end or text[at - 1] == "\n":
            continue
        unit = g.yu_unit.match(text, at)
        if unit is not None:
            yield unit
            previous_end = unit.end()


@cache
def _count_gap() -> re.Pattern[str]:
    """A verb of handing out or issuing, its object (up to ten characters), then a unit
    of copies before punctuation (surface.toml count_gap_*)."""
    mf = surface_grammar().words["missing_figure"]
    verbs = "|".join(map(re.escape, sorted(mf["count_gap_verbs"], key=len, reverse=True)))
    units = "|".join(map(re.escape, mf["count_gap_units"]))
    return re.compile(rf"(?:{verbs})(?P<obj>[\u4e00-\u9fff“”《》]{{1,10}}?)(?P<unit>{units})(?=[，,。；;、）)\n]|$)")


def _count_gaps(g: SurfaceGrammar, text: str) -> Iterator[re.Match[str]]:
    """Each count_gap match whose object ends in no numeral and does not end a word with the unit."""
    not_before = g.words["missing_figure"]["count_gap_not_before"]
    for m in _count_gap().finditer(text):
        obj = m.group("obj")
        if obj[-1] in g.numeral_chars or obj[-1] in not_before:  # 资料三百份; 三包责任书份 is a gap
            continue
        yield m


def find_missing_figures(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, what is missing) for units and rates left without their number.

    >>> t = "入户率为%,发放慰问金元,共走访余户,其余户主,满意率98%,办理婚育证明份。核对身份，发放资料三百份。"
    >>> [t[s:e] for s, e, _ in find_missing_figures(t)]
    ['为%', '金元', '走访余户', '办理婚育证明份']
    """
    g = surface_grammar()
    mf = g.words["missing_figure"]
    taken = _Taken()
    fresh = taken.fresh

    taken.next_pattern()
    for start, sign, end in _percent_signs(text):
        if _has_number_before(g, text, sign) or text[start - 1 : start] in "%％":
            continue
        s = max(0, start - 1)
        if s < start and not re.match(r"[\u4e00-\u9fff]", text[s]):
            continue  # a stray sign after punctuation or Latin text is not a gap
        if fresh(s, end):
            yield s, end, "百分比"
    taken.next_pattern()
    for m in g.money_gap.finditer(text):
        after = text[m.end() : m.end() + 2]
        unit = m.group("unit")
        if _unit_blocked(g, "元", after[:1]) or any(after.startswith(w) for w in mf["money_not_after"]):
            continue
        if unit[0] in mf["money_magnitude_ok"]:
            continue
        if fresh(m.start(), m.end()):
            yield m.start(), m.end(), "金额"
    taken.next_pattern()
    for m in _yu_units(g, text):
        start = m.start() - 1  # the match's ``pre``
        pre = text[start]
        if pre in g.numeral_chars or pre in mf["yu_word_before"] or not re.match(r"[\u4e00-\u9fff]", pre):
            continue
        unit = m.group()[1:]
        if _unit_blocked(g, unit, text[m.end() : m.end() + 2]):
            continue
        s = start - 1 if start > 0 and re.match(r"[\u4e00-\u9fff]", text[start - 1]) else start
        if fresh(s, m.end()):
            yield s, m.end(), "数量"
    taken.next_pattern()
    for m in g.rate_gap.finditer(text):
        s = max(0, m.start() - 1)
        if fresh(s, m.end()):
            yield s, m.end(), "比率"
    taken.next_pattern()
    for m in finditer_from_chars(g.blank_gap, text):
        if fresh(m.start(), m.end()):
            yield m.start(), m.end(), "数字(留空)"
    taken.next_pattern()
    for m in finditer_from_chars(g.bracket_gap, text):
        if _unit_blocked(g, m.group("unit"), text[m.end() : m.end() + 2]):
            continue
        if fresh(m.start(), m.end()):
            yield m.start(), m.end(), "数字(留空)"
    taken.next_pattern()
    for m in _count_gaps(g, text):
        if fresh(m.start(), m.end()):
            yield m.start(), m.end(), "数量"
