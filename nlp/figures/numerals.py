"""Numerals: Chinese, Arabic and mixed numbers as written → exact ``Number``.

The vocabulary (digits, 十百千, 万亿, 大写, full-width, masks, range joiners) lives in
``nlp/resources/numerals.toml``; this module is the grammar. Values are ``Decimal``,
never float, so 1.57 stays 1.57. Rates come back in their own unit: 百分之九十 → 90,
三成 → 3, 三分之二 → 66.67 (percent, rounded to ``fraction_places``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache

from nlp.records import Number, Qualifier
from nlp.resources import load_toml


@dataclass(frozen=True)
class Vocab:
    digits: dict[str, int]  # Arabic and full-width
    chinese: dict[str, int]  # 〇一二两 … 大写 traditional
    small: dict[str, int]  # 十百千
    big: dict[str, int]  # 万亿
    points: frozenset[str]
    zeros: frozenset[str]
    masks: frozenset[str]
    joiners: tuple[str, ...]
    approx: frozenset[str]
    percent: tuple[str, ...]
    permille: tuple[str, ...]
    fraction: tuple[str, ...]
    tenths: tuple[str, ...]
    places: int
    fold: dict[int, str]  # full-width → ASCII translation table


@cache
def vocab() -> Vocab:
    """The numeral vocabulary, read once from numerals.toml."""
    data = load_toml("numerals.toml")
    marks = data["marks"]
    digits = {k: int(v) for k, v in data["digits"].items()}
    fold = {ord(k): str(v) for k, v in digits.items() if not k.isascii()}
    fold.update({ord("．"): ".", ord("，"): ","})
    return Vocab(
        digits=digits,
        chinese={k: int(v) for k, v in data["chinese_digits"].items()},
        small={k: int(v) for k, v in data["small_units"].items()},
        big={k: int(v) for k, v in data["big_units"].items()},
        points=frozenset(marks["decimal_point"]),
        zeros=frozenset(marks["zero_fill"]),
        masks=frozenset(marks["mask"]),
        joiners=tuple(marks["range_joiners"]),
        approx=frozenset(marks["approx_infix"]),
        percent=tuple(marks["percent_prefix"]),
        permille=tuple(marks["permille_prefix"]),
        fraction=tuple(marks["fraction_infix"]),
        tenths=tuple(marks["tenths_suffix"]),
        places=int(marks["fraction_places"]),
        fold=fold,
    )


_ARABIC = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _arabic(text: str) -> Decimal | None:
    """An Arabic numeral with optional thousands commas.

    >>> _arabic("1,200")
    Decimal('1200')
    """
    if _ARABIC.fullmatch(text):
        return Decimal(text.replace(",", ""))
    return None


def _tokens(text: str, v: Vocab) -> list[tuple[str, Decimal]] | None:
    """Split a numeral into (kind, value) tokens: num, cdigit, zero, small, big."""
    out: list[tuple[str, Decimal]] = []
    i = 0
    while i < len(text):
        m = _ARABIC.match(text, i)
        if m:
            out.append(("num", Decimal(m.group().replace(",", ""))))
            i = m.end()
            continue
        ch = text[i]
        if ch in v.zeros:
            out.append(("zero", Decimal(0)))
        elif ch in v.chinese:
            out.append(("cdigit", Decimal(v.chinese[ch])))
        elif ch in v.small:
            out.append(("small", Decimal(v.small[ch])))
        elif ch in v.big:
            out.append(("big", Decimal(v.big[ch])))
        else:
            return None
        i += 1
    return out


def _core(text: str) -> Decimal | None:
    """The value of a bare numeral (no qualifier, no range, no rate).

    >>> [str(_core(t)) for t in ("二百五十六", "一千零八", "3万4000", "25万6千", "一万五千亿", "一万五")]
    ['256', '1008', '34000', '256000', '1500000000000', '15000']
    """
    v = vocab()
    if not text:
        return None
    plain = _arabic(text)
    if plain is not None:
        return plain
    for point in v.points - {"."}:
        if point in text:
            left, _, right = text.partition(point)
            whole = _core(left)
            frac_digits = "".join(str(v.chinese[c]) for c in right if c in v.chinese)
            rest = right[len(frac_digits):]
            if whole is None or not frac_digits or any(c not in v.big for c in rest):
                return None
            value = whole + Decimal("0." + frac_digits)
            for c in rest:
                value *= v.big[c]
            return value
    tokens = _tokens(text, v)
    if not tokens:
        return None
    kinds = {k for k, _ in tokens}
    if kinds <= {"cdigit", "zero"}:  # positional: 二〇二一, 七一
        return Decimal("".join(str(int(t)) for _, t in tokens))
    total = section = Decimal(0)
    cur: Decimal | None = None
    max_big = Decimal(0)
    last_unit: Decimal | None = None
    prev = ""
    for kind, val in tokens:
        if kind in ("num", "cdigit"):
            if cur is not None:
                return None
            cur = val
        elif kind == "zero":
            last_unit = None
        elif kind == "small":
            if prev == "num" and cur is not None and cur != cur.to_integral_value():
                return None
            section += (cur if cur is not None else Decimal(1)) * val
            cur, last_unit = None, val
        else:  # big
            amount = section + (cur if cur is not None else Decimal(0))
            if amount == 0 and total == 0:
                amount = Decimal(1)  # 万 alone, 近万人
            if val > max_big:
                total = (total + amount) * val
                max_big = val
            else:
                total += amount * val
            section, cur, last_unit = Decimal(0), None, val
        prev = kind
    if cur is not None and prev == "cdigit" and last_unit is not None and len(tokens) >= 2:
        if tokens[-2][0] in ("small", "big") and last_unit >= 100:
            cur *= last_unit / 10  # 二百五 → 250, 一万五 → 15000
    return total + section + (cur if cur is not None else Decimal(0))


def fold_width(text: str) -> str:
    """Full-width digits and points to ASCII.

    >>> fold_width("１２．５")
    '12.5'
    """
    return text.translate(vocab().fold)


# adjacent digits read as a range (两三个, 七八人), and 三五 (three to five)
_PAIRS = {(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (3, 5)}


def _pair_range(text: str, v: Vocab) -> tuple[Decimal, Decimal] | None:
    """Two adjacent Chinese digits read as a range: 两三 → (2, 3), 一两 → (1, 2)."""
    head = text.rstrip("".join(v.small) + "".join(v.big))
    tail = text[len(head):]
    if len(head) != 2 or any(c not in v.chinese or c in v.zeros for c in head):
        return None
    a, b = v.chinese[head[0]], v.chinese[head[1]]
    if (a, b) not in _PAIRS:
        return None
    scale = Decimal(1)
    for c in tail:
        scale *= v.small.get(c) or v.big[c]
    return Decimal(a) * scale, Decimal(b) * scale


def _magnitude(text: str, v: Vocab) -> Decimal:
    """The trailing 万/亿 multiplier of a numeral (3-4万 → both ends × 10⁴)."""
    scale = Decimal(1)
    for c in reversed(text):
        if c not in v.big:
            break
        scale *= v.big[c]
    return scale


def parse_number(text: str) -> Number | None:
    """A number as written, or None when ``text`` is not one.

    >>> parse_number("1,200").value, parse_number("7.5万").value, parse_number("１.57").value
    (Decimal('1200'), Decimal('75000.0'), Decimal('1.57'))
    >>> parse_number("二百余万").value, parse_number("二百余万").qualifier.value
    (Decimal('2000000'), 'approx')
    >>> n = parse_number("两三"); (n.low, n.high, n.qualifier.value)
    (Decimal('2'), Decimal('3'), 'range')
    >>> parse_number("百分之九十").value, parse_number("八成").value, parse_number("三分之二").value
    (Decimal('90'), Decimal('8'), Decimal('66.67'))
    >>> parse_number("xx.xxx万").qualifier.value, parse_number("切两半")
    ('masked', None)
    """
    return _parse_number(text)


@cache
def _plain_chars() -> str:
    """The characters of a plain number (Arabic digits, the point, 万/亿): a text of only these
    holds no mask, rate, fraction, tenths, range, digit pair or approximation mark, so
    ``parse_number`` reads it with ``_core`` alone; "" when the vocabulary puts one of them in a mark.
    """
    v = vocab()
    plain = frozenset("0123456789.") | frozenset(v.big)
    single = [*v.masks, *v.chinese, *v.zeros, *v.approx]
    words = [*v.percent, *v.permille, *v.fraction, *v.tenths, *v.joiners]
    if any(c in plain for c in single) or any(set(w) <= plain for w in words):
        return ""
    return "".join(sorted(plain))


@lru_cache(maxsize=65536)  # a pure function of the text, and the same numbers recur all through a batch
def _parse_number(text: str) -> Number | None:
    raw = text.strip()
    s = raw if raw.isascii() else fold_width(raw)  # (fold_width changes only characters beyond ASCII)
    if not s:
        return None
    if not s.strip(_plain_chars()):  # 12, 3.5, 7.5万: none of the marks _marked reads can be in it
        value = _core(s)
        return None if value is None else Number(raw, value)
    return _marked(raw, s)


def _marked(raw: str, s: str) -> Number | None:
    """The number written ``raw`` (``s`` with full-width digits folded), read mark by mark: a mask,
    a rate, a fraction, tenths, a range, a digit pair, an approximation, else its plain value."""
    v = vocab()
    if any(c in v.masks for c in s):
        rest = [c for c in s if c not in v.masks]
        if all(c in ".," or c in v.big or c in v.approx for c in rest) and s[0] in v.masks:
            return Number(raw, None, None, None, Qualifier.MASKED)
        return None
    for prefix in v.percent + v.permille:
        if s.startswith(prefix):
            inner = parse_number(s[len(prefix):])
            if inner is None or inner.qualifier is Qualifier.MASKED:
                return inner and Number(raw, None, None, None, Qualifier.MASKED)
            return Number(raw, inner.value, inner.low, inner.high, inner.qualifier)
    for infix in v.fraction:
        if infix in s:
            den, _, num = s.partition(infix)
            d, n = _core(den), _core(num)
            if not d or n is None:
                return None
            value = (n * 100 / d).quantize(Decimal(1).scaleb(-v.places), rounding=ROUND_HALF_UP)
            return Number(raw, value.normalize() if value == value.to_integral_value() else value)
    for suffix in v.tenths:
        if s.endswith(suffix) and len(s) > len(suffix):
            inner = parse_number(s[: -len(suffix)])
            return inner and Number(raw, inner.value, inner.low, inner.high, inner.qualifier)
    for joiner in v.joiners:
        left, sep, right = s.partition(joiner)
        if sep and left and right:
            lo, hi = _core(left), _core(right)
            if lo is None or hi is None:
                return None
            if _magnitude(left, v) == 1:
                lo *= _magnitude(right, v)
            return Number(raw, None, lo, hi, Qualifier.RANGE)
    pair = _pair_range(s, v)
    if pair:
        return Number(raw, None, pair[0], pair[1], Qualifier.RANGE)
    approx = [i for i, c in enumerate(s) if c in v.approx]
    if approx:
        if len(approx) > 1 or approx[0] == 0:
            return None
        core = s[: approx[0]] + s[approx[0] + 1 :]
        value = _core(core)
        if value is None:
            return None
        return Number(raw, value, value, None, Qualifier.APPROX)
    value = _core(s)
    return None if value is None else Number(raw, value)


