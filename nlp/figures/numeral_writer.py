"""Writing a non-negative number in Chinese numerals (1008 → 一千零八, 3.05 → 三点零五), the inverse
of nlp/figures/numerals.py's ``parse_number``: input for its round-trip tests and generators."""

from __future__ import annotations

from decimal import Decimal

_SMALL_WRITE = ((1000, "千"), (100, "百"), (10, "十"))
_DIGITS = "零一二三四五六七八九"


def _write_section(n: int) -> str:
    """A number below 10,000 in Chinese, 零 for gaps (1008 → 一千零八)."""
    out = []
    gap = False
    for size, name in _SMALL_WRITE:
        d = n // size % 10
        if d:
            if gap and out:
                out.append("零")
            out.append(_DIGITS[d] + name)
            gap = False
        else:
            gap = True
    d = n % 10
    if d:
        if gap and out:
            out.append("零")
        out.append(_DIGITS[d])
    return "".join(out)


def _write_int(n: int) -> str:
    if n == 0:
        return "零"
    for size, name in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            head, rest = divmod(n, size)
            text = _write_int(head) + name
            if rest:
                text += ("零" if rest < size // 10 else "") + _write_int(rest)
            return text
    return _write_section(n)


def write_number(n: Decimal | int) -> str:
    """A non-negative number written in Chinese numerals.

    >>> [write_number(x) for x in (0, 10, 15, 110, 1008, 34000, 10008, 1500000000000)]
    ['零', '十', '十五', '一百一十', '一千零八', '三万四千', '一万零八', '一万五千亿']
    >>> write_number(Decimal("3.05"))
    '三点零五'
    """
    d = Decimal(n)
    if d < 0:
        raise ValueError("write_number writes non-negative numbers")
    whole = int(d)
    text = _write_int(whole)
    if text.startswith("一十"):
        text = text[1:]
    frac = d - whole
    if frac:
        digits = format(frac.normalize(), "f").split(".")[1]
        text += "点" + "".join(_DIGITS[int(c)] for c in digits)
    return text
