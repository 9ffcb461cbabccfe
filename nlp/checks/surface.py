"""Surface checks (ZJ4xx): figures broken on the page — a doubled unit, a placeholder, a gap.

These places are mostly not facts (a masked or missing number has no value), so the rules read
the normalized text the pipeline works on and map every span back to the original. The patterns
are in nlp/checks/surface_grammar.py, the scan for missing numbers in nlp/checks/gaps.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from nlp.checks.gaps import find_missing_figures
from nlp.checks.registry import Finding, rule
from nlp.checks.surface_grammar import SurfaceGrammar, _unit_blocked, surface_grammar
from nlp.records import Parse, Severity
from nlp.text.char_scan import finditer_from_chars


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
        if any(following.startswith(w) for w in dw["second_not_before_unit"].get(dup, ())):
            continue  # 10个个人: 个人 is a word
        if m.start() > 0 and text[m.start() - 1] in g.numeral_chars:
            continue  # the match began inside a longer number: a later, shorter reading
        yield m.start(), end, num, unit


def _masked_matches(g: SurfaceGrammar, text: str) -> Iterator[re.Match[str]]:
    """``g.masked.finditer(text)``, tried only where a match can start: at a mask character, or
    at a prefix word (约, 百分之 …) right before one. Masks are rare, so the text is scanned for
    them alone instead of the whole pattern being tried at every character."""
    prefixes = g.words["masked_figure"]["prefixes"]
    starts = set()
    for mask in finditer_from_chars(g.mask_char, text):  # (by str.find: nlp/text/char_scan.py)
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


def _placeholder_run(g: SurfaceGrammar, num: str, before: str, after: str) -> bool:
    """Rule `placeholder_run`: a number holding one of ``run_masks`` (○ 〇 □) is a placeholder
    only when it is made of them alone, at least ``run_min`` long, with no numeral beside it:
    二○○五年 and 一○五户 are numbers written digit by digit, 社□区 a character lost. Numbers
    of the other masks pass unchanged.

    >>> g = surface_grammar()
    >>> _placeholder_run(g, "○○", "庭", "户"), _placeholder_run(g, "○○", "二", "户"), _placeholder_run(g, "□", "户", "人")
    (True, False, False)
    """
    run = g.run_masks
    if not any(ch in run for ch in num):
        return True
    return (
        not any(ch in g.masks for ch in num)
        and sum(ch in run for ch in num) >= g.words["masked_figure"]["run_min"]
        and before not in g.numeral_chars
        and after not in g.numeral_chars
    )


_DIGITS = frozenset("0123456789")


def _partial_mask(g: SurfaceGrammar, text: str, mask_at: int) -> tuple[int, int] | None:
    """Rule `partial_mask`: a figure whose first digits are kept and the rest masked (1xx0户,
    3xx人, 2x.x万元, 9x%) — its span, or None. The number runs over digits, masks and points; it
    is masked when it ends in a mask or holds two masks in a row, so a times sign between digits
    (3×4米, 3x3篮球赛) is no mask; a Latin word or a dotted name before it (G1xx, v2.x) and a date
    unit after it (202x年) make it no figure, as for a figure masked whole.

    >>> t = "居民1xx0户,投入2x.x万元,满意率9x%,展板3×4米,3x3篮球赛,202x年,G1xx路"
    >>> g = surface_grammar()
    >>> spans = [_partial_mask(g, t, t.index(c)) for c in ("xx0", "x.x", "x%", "×4", "x3", "x年", "xx路")]
    >>> [t[s[0] : s[1]] if s else None for s in spans]
    ['1xx0户', '2x.x万元', '9x%', None, None, None, None]
    """
    masks = g.masks
    start = mask_at
    while start > 0 and (text[start - 1] in _DIGITS or text[start - 1] == "."):
        start -= 1
    before = text[start - 1 : start] if start else ""
    if before and (before.isascii() and before.isalnum() or before in "./:"):
        return None
    end = mask_at
    while end < len(text) and (text[end] in masks or text[end] in _DIGITS or text[end] == "."):
        end += 1
    while text[end - 1] == ".":
        end -= 1
    token = text[start:end]
    if not (token[-1] in masks or any(a in masks and b in masks for a, b in zip(token, token[1:], strict=False))):
        return None
    tail = g.masked_tail.match(text, end)
    unit = tail.group("unit") or ""
    if not (unit or tail.group("mag")):
        return None
    after = text[tail.end() : tail.end() + 2]
    if after[:1].isascii() and after[:1].isalpha():
        return None
    mw = g.words["masked_figure"]
    if _unit_blocked(g, unit, after) or any(after.startswith(w) for w in mw["not_before"].get(unit, ())):
        return None
    if any(text[max(0, start - len(o)) : start] == o for o in mw["ordinal_before"]):
        return None
    stop = tail.end()
    if unit != "%" and any(text.startswith(x, stop) for x in mw["unit_suffixes"]):
        stop += len(next(x for x in mw["unit_suffixes"] if text.startswith(x, stop)))
    return start, stop


# The title of a cited document, between book-title marks on one line.
_TITLE = re.compile(r"《[^《》\n]*》")


def find_masked_figures(text: str) -> Iterator[tuple[int, int]]:
    """Spans of figures written as placeholders, not masked names or years.

    >>> t = "走访xx户,发放***余份,投入xx.xxx万元,20xx年,xx社区,第xx名,《关于甲街道等x个街道的通知》"
    >>> [t[s:e] for s, e in find_masked_figures(t)]
    ['xx户', '***余份', 'xx.xxx万元']
    """
    g = surface_grammar()
    mw = g.words["masked_figure"]
    titles: list[tuple[int, int]] | None = None  # found on the first placeholder: masks are rare
    for m in _masked_matches(g, text):
        if titles is None:
            titles = [(t.start(), t.end()) for t in _TITLE.finditer(text)]
        k = bisect_left(titles, (m.start() + 1,)) - 1
        if k >= 0 and titles[k][0] < m.start() < titles[k][1]:
            continue  # inside the title of a cited document (《关于…等x个街道…》): a name, no figure
        start = m.start("num")
        before = text[max(0, start - 1) : start]
        if before.isascii() and before.isdigit() and not m.group("pre"):
            span = _partial_mask(g, text, start)
            if span is not None:
                yield span
            continue
        if not (m.group("unit") or m.group("mag")) and m.group("pre") not in mw["rate_prefixes"]:
            continue  # a placeholder with neither unit, magnitude nor 百分之 is a masked word
        if not _placeholder_run(g, m.group("num"), before, text[m.end("num") : m.end("num") + 1]):
            continue
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
    or a rate, or a run of two or more circles or squares with no numeral beside it (○○户, □□人:
    rule `placeholder_run`); one flag per masked figure. Masked names (xx社区, **村, XX同志), masked years and
    dates (20xx年, xx月), ordinals (第xx名) and masks inside the title of a cited document
    (《关于…等x个街道…的通知》) are not figures and are not flagged.
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
    punctuation, a unit after a blank (走访  户) or after brackets left empty (为（  ）户: rule
    `bracket_blank`), or a unit of copies right after what was handed
    out or issued (办理婚育证明份) — each with no number before it.
    Why: the number was deleted or never filled in; the sentence claims a figure it does not give.
    Example: 为困难家庭发放慰问金元 → ZJ403 缺少金额.
    """
    text, to_original = _text(parse)
    for s, e, what in find_missing_figures(text):
        start, end = to_original(s, e)
        yield Finding(start, end, f"缺少{what}:“{text[s:e]}”前没有数字")
