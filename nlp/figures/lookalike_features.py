"""The features the look-alike filter reads (nlp/figures/lookalike.py): sparse names of a candidate
figure of the shared ``Text`` — its unit and number, the characters and words on either side, the
flags of its context (inside quotation marks or brackets, after 第 or 每, at a clause start …).

``feature_names`` is their definition, in a fixed order. The model's scorer reads them in two groups:
``_figure_features`` (everything but the neighbouring words) and ``_word_features`` (the word before
and after the figure, read only when the first group leaves the decision open).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from nlp.figures.figure_grammar import grammar
from nlp.figures.neighbours import first_word, last_word
from nlp.figures.numerals import vocab
from nlp.records import Qualifier, Quantity
from nlp.text.document import Text
from nlp.text.tokens import Word

# Opening marks and their closing partners: a number between them is inside a quotation, a title, brackets.
ENCLOSURES = {
    "quote": ("“‘「『\"", "”’」』\""),
    "title": ("《〈", "》〉"),
    "bracket": ("（(【[〔", "）)】]〕"),
}
# How far back an opening mark is looked for (a quotation or a title is short).
ENCLOSURE_REACH = 16
CLAUSE_BREAKS = "。，,；;！!？?：:\n"
LIST_MARKS = "、.．)）"
BOUNDS = ("以上", "以下")
FORMAL_DIGITS = "壹贰叁肆伍陆柒捌玖拾佰仟"  # 大写: in a report, mostly inside names (陆羽)
WORD_REACH = 8  # characters read on either side for the neighbouring words


@lru_cache(maxsize=4096)
def _char_class(ch: str) -> str:
    """A character's coarse kind: start/end, line break, space, digit, Chinese numeral, CJK, latin, punct."""
    if not ch:
        return "edge"
    if ch == "\n":
        return "newline"
    if ch.isspace():
        return "space"
    if ch.isdigit():
        return "digit"
    if ch in vocab().chinese or ch in vocab().small:
        return "cnnum"
    if "\u4e00" <= ch <= "\u9fff":
        return "cjk"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "punct"


def _number_form(number: str) -> str:
    """Arabic, Chinese, mixed or masked: how the number is written.

    >>> _number_form("12.5"), _number_form("三十"), _number_form("1.2万"), _number_form("XX")
    ('arabic', 'chinese', 'mixed', 'masked')
    """
    masked_chars, chinese_chars = _number_chars()
    if number and masked_chars.issuperset(number):
        return "masked"
    arabic = any(map(str.isdigit, number))
    chinese = not chinese_chars.isdisjoint(number)
    if arabic and chinese:
        return "mixed"
    return "arabic" if arabic else "chinese" if chinese else "other"


@lru_cache(maxsize=1)
def _number_chars() -> tuple[frozenset[str], frozenset[str]]:
    """The characters of a masked number (masks and decimal points) and the Chinese numerals."""
    v = vocab()
    return frozenset(v.masks) | frozenset(".．"), frozenset(v.chinese) | frozenset(v.small) | frozenset(v.big)


@lru_cache(maxsize=16384)  # the same numbers recur all through a batch
def _number_shape(number: str) -> tuple[str, int, tuple[str, ...]]:
    """The number as written: its form feature, its count of digits, and its shape features."""
    digits = sum(map(str.isdigit, number))
    names = []
    if number in ("一", "壹"):
        names.append("one")
    if number in ("两", "二", "俩"):
        names.append("two")
    if any(c in FORMAL_DIGITS for c in number):
        names.append("formal_digits")
    if "." in number or "点" in number:
        names.append("decimal")
    return f"form={_number_form(number)}", digits, tuple(names)


BLANKS = " \u3000\t"
_NOT_BLANK = re.compile(f"[^{BLANKS}]")
_ENCLOSURE_MARKS = re.compile("[" + re.escape("".join(o + c for o, c in ENCLOSURES.values())) + "]")


def _enclosure(text: str, start: int) -> list[str]:
    """The enclosures (``ENCLOSURES``) opened before ``start`` on its line and not closed before it
    (a straight quote is open after an odd number of them).

    >>> _enclosure("举办“一元钱", 5), _enclosure("《十四五规划》中", 7), _enclosure("（共3户", 3)
    (['quote'], [], ['bracket'])
    """
    low = start - ENCLOSURE_REACH if start > ENCLOSURE_REACH else 0
    if _ENCLOSURE_MARKS.search(text, low, start) is None:
        return []  # no mark at all within reach (most figures)
    line = text.rfind("\n", low, start)
    opened: dict[str, bool] = {}  # enclosure → whether the last of its marks opens it
    straight_quotes = 0
    for mark in _ENCLOSURE_MARKS.findall(text, line + 1 if line >= 0 else low, start):
        if mark == '"':
            straight_quotes += 1
        else:
            name, opens = _MARK_OF[mark]
            opened[name] = opens
    return [name for name in ENCLOSURES if opened.get(name) or (name == "quote" and straight_quotes % 2)]


# Each curved or bracketing mark: its enclosure, and whether it opens it (the straight quote does both).
_MARK_OF = {
    mark: (name, opens)
    for name, marks in ENCLOSURES.items()
    for opens, chars in zip((True, False), marks, strict=True)
    for mark in chars
    if mark != '"'
}


@lru_cache(maxsize=1024)
def _kind_of_unit(unit_text: str, unit: str) -> str:
    written = unit_text.lstrip("".join(vocab().big))
    found = grammar().units.get(written)
    if found is not None:
        return found.kind
    return "rate" if unit in ("%", "‰") else "magnitude" if unit_text else "none"


def _unit_kind(q: Quantity) -> str:
    return _kind_of_unit(q.unit_text, q.unit)


@lru_cache(maxsize=4096)
def _magnitude_bucket(value: float | None) -> str:
    if value is None or value <= 0:
        return "none"
    return str(max(-2, min(9, math.floor(math.log10(value)))))


def features(doc: Text, q: Quantity) -> dict[str, float]:
    """The sparse features of one candidate figure ``q`` of ``doc`` (names → 1.0).

    >>> doc = Text.from_string("推选一名党员,要带头。全年发展党员3名。")
    >>> f = features(doc, doc.figures[0])
    >>> f["one"], f["n1c=cjk"], f["unit=名"], "clause_end" in f
    (1.0, 1.0, 1.0, False)
    >>> features(doc, doc.figures[1])["clause_end"]
    1.0
    """
    return dict.fromkeys(feature_names(doc, q), 1.0)


def _own_names(
    unit: str, unit_text: str, qualifier: Qualifier, value: Decimal | None, number: str, is_range: bool
) -> tuple[tuple[str, ...], int]:
    """The features of the figure itself (its unit, qualifier, order of magnitude of ``value`` and
    number), and its count of digits."""
    shape = _number_shape(number)
    bucket = _magnitude_bucket(None if value is None else float(value))
    return _own_names_of(unit, unit_text, qualifier, bucket, shape, is_range), shape[1]


@lru_cache(maxsize=16384)
def _own_names_of(
    unit: str, unit_text: str, qualifier: Qualifier, bucket: str, shape: tuple[str, int, tuple[str, ...]], is_range: bool
) -> tuple[str, ...]:
    """``_own_names`` of what it reads of the value and number (their order of magnitude and shape):
    far fewer keys than values and numbers, so a figure's own names are mostly found here, the same
    tuple each time (the model's weights of the group are then found by identity)."""
    form, digits, shape_names = shape
    out = [
        f"unit={unit}",
        f"kind={_kind_of_unit(unit_text, unit)}",
        form,
        f"qualifier={qualifier.value}",
        f"log={bucket}",
        f"digits={min(digits, 7)}",
        *shape_names,
    ]
    if any(c in vocab().big for c in unit_text):
        out.append("magnitude")
    if is_range:
        out.append("range")
    return tuple(out)


@lru_cache(maxsize=16384)
def _edge_names(p2: str, n2: str, unit: str) -> tuple[str, ...]:
    """The features of the two characters on either side of the number (``p2`` before, ``n2`` after)."""
    p1, n1 = p2[-1:], n2[:1]
    p1c, n1c = _char_class(p1), _char_class(n1)
    return (
        f"p1={p1}", f"p2={p2}", f"n1={n1}", f"n2={n2}", f"p1c={p1c}", f"n1c={n1c}",
        f"p1c+n1c={p1c}+{n1c}", f"unit+n1c={unit}+{n1c}",
    )  # fmt: skip


def feature_names(doc: Text, q: Quantity) -> list[str]:
    """The names of the features of ``q`` (those ``features`` sets to 1.0), in a fixed order, each once."""
    figure = _figure_features(doc, q)
    previous, following, tail = _word_features(doc, figure)
    edges = _edge_names(figure.before, figure.after, figure.unit)
    return [*figure.own, *edges, *figure.flags, *_previous_names(previous), *_following_names(following), *tail]


@lru_cache(maxsize=16384)
def _previous_names(word: Word | None) -> tuple[str, ...]:
    return (f"pw={word[0]}", f"pt={word[1][:1]}") if word else ("pw=",)


@lru_cache(maxsize=16384)
def _following_names(word: Word | None) -> tuple[str, ...]:
    return (f"nw={word[0]}", f"nt={word[1][:1]}") if word else ("nw=",)


class _FigureFeatures(NamedTuple):
    """The features of a figure before its neighbouring words, in ``feature_names`` order, and where
    those words are read: its own (shared by every figure of the same unit and number), its edge
    characters (``_edge_names`` of ``before``, ``after`` and ``unit``: the scorer reads their weights
    from them directly), the flags of its context."""

    own: tuple[str, ...]
    before: str  # the two characters before the number
    after: str  # the two characters after the figure
    unit: str
    flags: list[str]
    number: str
    number_start: int
    end: int
    clause_start: int
    clause_end: int
    bounded: bool  # the figure ends in 以上/以下


def _figure_features(doc: Text, q: Quantity) -> _FigureFeatures:
    text = doc.text
    s, e = q.norm_start, q.norm_end
    number = q.number_text
    at = text.find(number, s, e) if number else -1
    ns = at if at >= 0 else s
    own, digits = _own_names(
        q.unit,
        q.unit_text,
        q.qualifier,
        q.value if q.value is not None else q.low,
        number,
        q.low is not None and q.high is not None and q.value is None,
    )
    p2, n2 = text[ns - 2 if ns > 2 else 0 : ns], text[e : e + 2]
    p1, n1 = p2[-1:], n2[:1]
    out = []
    if text.find("第", ns - 3 if ns > 3 else 0, ns) >= 0:
        out.append("di_before")
    clause = doc.clause_at(ns)
    clause_start = clause.norm_start if clause is not None else max(0, text.rfind("\n", 0, ns) + 1)
    if text.find("每", clause_start, ns) >= 0:  # the clause's lead read in place, not copied
        out.append("every_before")
    if _NOT_BLANK.search(text, clause_start, ns) is None:  # the lead is blank: ``not lead.strip(BLANKS)``
        out.append("clause_start")
        if n1 and n1 in LIST_MARKS:
            out.append("list_number")
    if not n1 or n1 in CLAUSE_BREAKS or n1 in "、）)":
        out.append("clause_end")
    if (n2 in BOUNDS and text[e + 2 : e + 3] == "的") or n1 == "的":
        out.append("defines_group")
    if n1 and n1 in "月日号时点分":
        out.append("date_after")
    if q.unit == "年" and digits == 4 and number[:2] in ("19", "20"):
        out.append("year_shape")
    if digits >= 7 and "," not in number:
        out.append("phone_shape")
    if q.unit in ("岁", "周岁") and (n2 in ("以上", "以下") or n1 in "至-—~到"):
        out.append("age_limit_shape")
    if p1 and p1 in "至-—~到" and text[max(0, ns - 3) : ns - 1].rstrip().endswith(("年", "岁")):
        out.append("range_end_shape")
    enclosures = _enclosure(text, ns)
    if enclosures:  # most figures have none
        out += [f"in_{name}" for name in enclosures]
    clause_end = clause.norm_end if clause is not None else min(len(text), e + WORD_REACH)
    return _FigureFeatures(own, p2, n2, q.unit, out, number, ns, e, clause_start, clause_end, text[s:e].endswith(BOUNDS))


def _previous_word(doc: Text, figure: _FigureFeatures) -> Word | None:
    """The word right before the figure's number within its clause (at most ``WORD_REACH`` back)."""
    ns, clause_start = figure.number_start, figure.clause_start
    return (last_word(doc, max(clause_start, ns - WORD_REACH), ns) if ns > clause_start else None) or None


def _following_word(doc: Text, figure: _FigureFeatures) -> Word | None:
    """The word right after the figure within its clause (at most ``WORD_REACH`` on)."""
    e, clause_end = figure.end, figure.clause_end
    return (first_word(doc, e, min(clause_end, e + WORD_REACH)) if e < clause_end else None) or None


def _word_features(doc: Text, figure: _FigureFeatures) -> tuple[Word | None, Word | None, list[str]]:
    """The word before the figure, the word after it, and the flags that word after decides."""
    previous, following = _previous_word(doc, figure), _following_word(doc, figure)
    tail = []
    kind = figure.own[1]  # "kind=…" (``_own_names_of``): what the unit measures, with the words' tags
    if previous:
        tail.append(f"{kind}+pt={previous[1][:1]}")
    if following:
        tag = following[1]
        tail.append(f"{kind}+nt={tag[:1]}")  # 五年累计 (a verb after a duration) / 三年行动 (a noun)
        if figure.number in ("一", "壹") and tag[:1] == "n":
            tail.append("one_before_noun")
        if figure.bounded and tag[:1] == "n":
            tail.append("bound_before_noun")  # 50亿元以上项目: a size class, like 70岁以上老人
    return previous, following, tail
