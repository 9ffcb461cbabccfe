"""Surface checks (ZJ4xx): figures broken on the page — a doubled unit, a placeholder, a gap.

These places are mostly not facts (a masked or missing number has no value), so the rules read
the normalized text the pipeline works on and map every span back to the original. The patterns
are built once from the unit and numeral vocabularies (units.toml, numerals.toml) and the few
words of surface.toml.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from nlp.checks.registry import Finding, rule
from nlp.figures.numerals import vocab
from nlp.figures.quantities import Unit, grammar
from nlp.records import Parse, Severity
from nlp.resources import load_toml


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _starting_with(chars: str, *words: str) -> str:
    """A character class of ``chars`` and the first characters of ``words`` (a word that is
    empty can start anywhere: then any character)."""
    if any(not w for w in words):
        return r"[\s\S]"
    return f"[{re.escape(''.join(sorted(set(chars) | {w[0] for w in words})))}]"


@dataclass(frozen=True)
class SurfaceGrammar:
    duplicated: re.Pattern[str]
    masked: re.Pattern[str]
    mask_char: re.Pattern[str]  # any one mask character
    money_gap: re.Pattern[str]
    yu_unit: re.Pattern[str]  # 余 and a unit, the unit read as (?P<pre>.)(?P<unit>余(?:…)) reads it
    rate_gap: re.Pattern[str]
    blank_gap: re.Pattern[str]
    units: dict[str, Unit]
    numeral_chars: frozenset[str]
    masks: frozenset[str]
    words: dict


@cache
def surface_grammar() -> SurfaceGrammar:
    """The surface patterns, built once from the resource files."""
    v = vocab()
    g = grammar()
    words = load_toml("surface.toml")
    masks = "".join(m for m in v.masks if m != "某") + "ｘＸ"
    mask_class = f"[{re.escape(masks)}]"
    digits = "".join(v.digits)
    chinese = "".join(list(v.chinese) + list(v.small))
    big = "".join(v.big)
    approx = "".join(v.approx)
    numeral_chars = frozenset(digits + chinese + big + masks + ".")
    # A number starts where no numeral precedes it: without this, a run of n digits with no unit
    # after it is tried from each of its n positions (quadratic); with it, from the first only.
    # The pattern reads the number's first character before looking back at the one before it,
    # so the scan jumps from numeral to numeral (three times faster); the same matches as
    # (?<![numeral])(?:\d+(?:\.\d+)?|[chinese]+|[mask]+) (a test holds it to that definition).
    numeral_before = f"(?<![{re.escape(''.join(sorted(numeral_chars)))}].)"
    number = (
        rf"[\d{re.escape(chinese)}{re.escape(masks)}]{numeral_before}"
        rf"(?:(?<=\d)\d*(?:\.\d+)?|(?<=[{re.escape(chinese)}])[{re.escape(chinese)}]*|(?<={mask_class}){mask_class}*)"
        rf"[{re.escape(approx)}]?[{re.escape(big)}]?"
    )
    units = {k: u for k, u in g.units.items() if not any(ch in k for ch in masks)}
    unit_alt = _alt(units)
    date_units = set(words["masked_figure"]["date_units"])
    figure_units = _alt(k for k, u in units.items() if k not in date_units)
    mask_num = rf"{mask_class}+(?:\.{mask_class}+)?"
    joiners = _alt(v.joiners)
    # The pattern opens with a lookahead on the characters a match can start with: the same
    # matches, but a position that cannot start one is passed over at once instead of trying
    # every prefix there (the scan was four times slower without it).
    prefixes = words["masked_figure"]["prefixes"]
    masked = re.compile(
        rf"(?={_starting_with(masks, *prefixes)})"
        rf"(?P<pre>{_alt(prefixes)})?"
        rf"(?P<num>{mask_num}(?:(?:{joiners}){mask_num})?)"
        rf"(?P<inner>[{re.escape(approx)}])?(?P<mag>[{re.escape(big)}])?(?P<inner2>[{re.escape(approx)}])?"
        rf"(?P<unit>{figure_units}|%)?"
    )
    mf = words["missing_figure"]
    return SurfaceGrammar(
        duplicated=re.compile(rf"(?P<num>{number})(?P<unit>{unit_alt})"),
        masked=masked,
        mask_char=re.compile(mask_class),
        money_gap=re.compile(rf"(?:{_alt(mf['money_before'])})(?P<gap>[^\S\n]*)(?P<unit>[万亿]?元)"),
        yu_unit=re.compile(rf"余(?:{figure_units})"),
        rate_gap=re.compile(rf"率(?:{_alt(mf['rate_verbs'])})[^\S\n]*(?=[,，。;；)）\n]|$)"),
        blank_gap=re.compile(
            # the gap's first character before the look back at the CJK character before it:
            # the same matches, and the scan jumps from blank to blank
            rf"(?P<gap>[ \u3000\t](?<=[\u4e00-\u9fff].)[ \u3000\t]+)(?P<unit>{_alt(mf['blank_units'])})"
            rf"(?=[,，。;；、)）\s]|$)"
        ),
        units=units,
        numeral_chars=numeral_chars,
        masks=frozenset(masks),
        words=words,
    )


def _text(parse: Parse) -> tuple[str, callable]:
    """The text to read and a function mapping its spans to the original."""
    norm = parse.normalized
    if norm is None:
        return parse.original, lambda s, e: (s, e)
    return norm.text, norm.to_original


def _facts_in(parse: Parse, start: int, end: int) -> tuple[int, ...]:
    """Ids of the facts overlapping an original span (facts are in text order and do not overlap)."""
    facts = parse.facts
    i = bisect_left(facts, start, key=lambda f: f.end)  # the first fact ending after ``start``
    found = []
    while i < len(facts) and facts[i].start < end:
        if start < facts[i].end:
            found.append(facts[i].id)
        i += 1
    return tuple(found)


def _unit_blocked(g: SurfaceGrammar, variant: str, following: str) -> bool:
    """Whether the character after a unit shows it is part of another word.

    >>> g = surface_grammar()
    >>> _unit_blocked(g, "户", "籍"), _unit_blocked(g, "户", "，")
    (True, False)
    """
    unit = g.units.get(variant)
    blocked = tuple(unit.not_before) if unit else ()
    return bool(following) and any(following.startswith(b) for b in blocked)


def find_duplicated_units(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, number, unit) for each figure whose unit, or its last character, is written twice.

    >>> [m[2:] for m in find_duplicated_units("调解纠纷31起起,服务500人次次,一个个社区,人人参与")]
    [('31', '起'), ('500', '人次')]
    """
    g = surface_grammar()
    dw = g.words["duplicated_unit"]
    for m in g.duplicated.finditer(text):
        num, unit = m.group("num"), m.group("unit")
        if text.startswith(unit, m.end()):
            dup = unit
        elif len(unit) > 1 and text.startswith(unit[-1], m.end()):
            dup = unit[-1]  # 788口人人, 500人次次
        else:
            continue
        if num in dw["reduplicating_numbers"]:
            continue
        end = m.end() + len(dup)
        following = text[end : end + 2]
        if _unit_blocked(g, dup, following) or any(following.startswith(w) for w in dw["second_not_before"]):
            continue
        if m.start() > 0 and text[m.start() - 1] in g.numeral_chars:
            continue  # the match began inside a longer number: a later, shorter reading
        yield m.start(), end, num, unit


def _masked_matches(g: SurfaceGrammar, text: str) -> Iterator[re.Match[str]]:
    """``g.masked.finditer(text)``, tried only where a match can start: at a mask character, or
    at a prefix word (约, 百分之 …) right before one. Masks are rare, so the text is scanned for
    them alone instead of the whole pattern being tried at every character."""
    prefixes = g.words["masked_figure"]["prefixes"]
    starts = set()
    for mask in g.mask_char.finditer(text):
        at = mask.start()
        starts.add(at)
        starts.update(at - len(w) for w in prefixes if at >= len(w) and text.startswith(w, at - len(w)))
    previous_end = 0
    for start in sorted(starts):
        if start < previous_end:
            continue
        m = g.masked.match(text, start)
        if m is not None:
            yield m
            previous_end = m.end()


def find_masked_figures(text: str) -> Iterator[tuple[int, int]]:
    """Spans of figures written as placeholders, not masked names or years.

    >>> t = "走访xx户,发放***余份,投入xx.xxx万元,20xx年,xx社区,第xx名"
    >>> [t[s:e] for s, e in find_masked_figures(t)]
    ['xx户', '***余份', 'xx.xxx万元']
    """
    g = surface_grammar()
    mw = g.words["masked_figure"]
    for m in _masked_matches(g, text):
        if not (m.group("unit") or m.group("mag")) and m.group("pre") not in mw["rate_prefixes"]:
            continue  # a placeholder with neither unit, magnitude nor 百分之 is a masked word
        start = m.start("num")
        before = text[max(0, start - 1) : start]
        if before and (before.isascii() and before.isalnum() or before in "./:"):
            continue  # 20xx, www.x, a Latin word
        after = text[m.end() : m.end() + 2]
        if after[:1].isascii() and after[:1].isalpha():
            continue
        unit = m.group("unit") or ("%" if m.group("pre") in mw["rate_prefixes"] else "")
        if _unit_blocked(g, unit, after) or any(after.startswith(w) for w in mw["not_before"].get(unit, ())):
            continue
        if before and before in mw["name_before"]:
            continue
        pre_start = m.start("pre") if m.group("pre") else start
        if any(text[max(0, pre_start - len(o)) : pre_start] == o for o in mw["ordinal_before"]):
            continue
        end = m.end()
        if unit != "%" and any(text.startswith(x, end) for x in mw["unit_suffixes"]):
            end += len(next(x for x in mw["unit_suffixes"] if text.startswith(x, end)))
        yield pre_start, end


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
    for m in _PERCENT_SIGN.finditer(text):
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


def find_missing_figures(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, what is missing) for units and rates left without their number.

    >>> t = "入户率为%,发放慰问金元,共走访余户,其余户主,满意率98%"
    >>> [t[s:e] for s, e, _ in find_missing_figures(t)]
    ['为%', '金元', '走访余户']
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
    for m in g.blank_gap.finditer(text):
        if fresh(m.start(), m.end()):
            yield m.start(), m.end(), "数字(留空)"


@rule("ZJ401", "duplicated_unit", Severity.WARNING)
def duplicated_unit(parse: Parse) -> Iterator[Finding]:
    """A figure's unit is written twice (31起起, 5名名).

    What: a number followed by the same unit twice, except reduplications that are Chinese
    (一个个, 一件件) and a second unit that starts another word (3人人均, 150户户籍).
    Why: a doubled unit is a typing slip; it usually means the sentence was edited after the
    figure was written, so the figure itself deserves a second look.
    Example: 全年调解矛盾纠纷31起起 → ZJ401 单位“起”重复.
    """
    text, to_original = _text(parse)
    for s, e, num, unit in find_duplicated_units(text):
        start, end = to_original(s, e)
        yield Finding(start, end, f"单位“{unit}”重复:“{text[s:e]}”应为“{num}{unit}”", _facts_in(parse, start, end))


@rule("ZJ402", "masked_figure", Severity.WARNING)
def masked_figure(parse: Parse) -> Iterator[Finding]:
    """A figure is a placeholder (xx户, ***余份, xx.xxx万元, 近××万人, __%).

    What: a mask (x, xx, XX, ××, *, ***, __, ＿＿) standing where a number should be, before a unit
    or a rate; one flag per masked figure. Masked names (xx社区, **村, XX同志), masked years and
    dates (20xx年, xx月) and ordinals (第xx名) are not figures and are not flagged.
    Why: a template or an anonymized copy cannot be checked or compared; the figure has no value.
    Example: 共发放宣传资料***余份 → ZJ402 数字被占位符遮盖.
    """
    text, to_original = _text(parse)
    for s, e in find_masked_figures(text):
        start, end = to_original(s, e)
        yield Finding(start, end, f"数字被占位符遮盖:“{text[s:e]}”,无法核对", _facts_in(parse, start, end))


@rule("ZJ403", "missing_figure", Severity.WARNING)
def missing_figure(parse: Parse) -> Iterator[Finding]:
    """A unit or a rate stands without its number (入户率为%, 发放慰问金元, 共走访余户).

    What: a percent sign, 元/万元 after a sum of money, 余 + unit, a rate verb followed by
    punctuation, or a unit after a blank (走访  户) — each with no number before it.
    Why: the number was deleted or never filled in; the sentence claims a figure it does not give.
    Example: 为困难家庭发放慰问金元 → ZJ403 缺少金额.
    """
    text, to_original = _text(parse)
    for s, e, what in find_missing_figures(text):
        start, end = to_original(s, e)
        yield Finding(start, end, f"缺少{what}:“{text[s:e]}”前没有数字")
