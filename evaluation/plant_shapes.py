"""The numbers a planted phrasing is filled with, drawn so that its error is certain.

A phrasing (evaluation/plants/*.toml) names a *shape*; the shape draws the values of its slots
with the benchmark's random generator. Error shapes guarantee the error (parts that cannot add
up, a rate no count gives); trap shapes guarantee that the look-alike is right. The shapes are
arithmetic, not language: dev and test phrasings share them.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

_DIGITS = "零一二三四五六七八九"


def cn_int(n: int) -> str:
    """A whole number below 10000 in Chinese numerals, as reports write it.

    >>> cn_int(105), cn_int(96), cn_int(300), cn_int(1010), cn_int(12)
    ('一百零五', '九十六', '三百', '一千零一十', '十二')
    """
    if not 0 <= n < 10000:
        raise ValueError(n)
    if n == 0:
        return "零"
    out, zero = [], False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero:
                out.append("零")
            out.append(_DIGITS[d] + name)
            zero = False
        elif out:
            zero = True
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


@dataclass(frozen=True)
class Scale:
    """The document's own largest person and household counts, so planted totals stand above them."""

    persons: float = 0
    households: float = 0


def _off(rng: random.Random, total: int) -> int:
    """A difference that no rounding or 余 explains: at least 3 and about 2–10 % of ``total``."""
    return rng.choice([-1, 1]) * max(3, int(total * rng.uniform(0.02, 0.1)))


def _parts(rng: random.Random, total: int, n: int) -> list[int]:
    cuts = sorted(rng.sample(range(1, total), n - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def _big(value: int) -> str:
    """Long digit strings read as codes, not counts: reports write large figures in 万."""
    return f"{value // 10000}万" if value > 90000 else str(value)


def _grim_impossible(rng: random.Random, n: int) -> int | None:
    options = [r for r in range(50, 100) if not any(abs(k * 100 / n - r) <= 0.5 for k in range(n + 1))]
    return rng.choice(options) if options else None


def _grim_base(rng: random.Random) -> tuple[int, int]:
    while True:
        n = rng.randrange(3, 41)
        r = _grim_impossible(rng, n)
        if r:
            return n, r


def sums(rng: random.Random, scale: Scale, n: int) -> dict:
    """Parts that cannot add up to the total; the total stands above the document's own counts
    (a planted 总人口 below them would make the document's figures look implausible)."""
    names = "abcd"
    if scale.persons * 1.5 > 90000:  # a large place: figures in 万, off by at least 3万
        total = int(scale.persons * 1.5 / 10000) + rng.randrange(n * 2, 50)
        parts = _parts(rng, total, n)
        wrong = total + rng.choice([-1, 1]) * max(3, total // 10)
        wrong += wrong % 10 == 0  # 130万 may be rounded to 10万: the error must show at 万
        return {"total": f"{wrong}万", "h": f"{max(1, total // 3)}万", **{names[i]: f"{p}万" for i, p in enumerate(parts)}}
    total = max(rng.randrange(120, 3000), int(scale.persons * 1.5) + rng.randrange(10, 500))
    parts = _parts(rng, total, n)
    wrong = total + _off(rng, total)
    return {"total": wrong, "h": max(1, total // 3), **{names[i]: p for i, p in enumerate(parts)}}


def subset(rng: random.Random, scale: Scale) -> dict:
    whole = rng.randrange(20, 80)
    return {"whole": whole, "part": whole + rng.randrange(5, 40)}


def magnitude(rng: random.Random, scale: Scale, households: bool) -> dict:
    floor, own = (800, scale.households) if households else (3000, scale.persons)
    total = int(max(own * 1.5, floor)) // 10 * 10
    over = total * 2 + rng.randrange(10, 90) if not households else total + rng.randrange(total // 5, total)
    if total > 90000:
        total, over = total // 10000 * 10000 + 10000, (total // 10000 + 1) * 20000 + 10000
    return {"total": _big(total), "over": _big(over), "h": max(1, total // 3)}


def rate_over(rng: random.Random, scale: Scale) -> dict:
    r = rng.randrange(101, 160)
    return {"r": r if rng.random() < 0.8 else f"{r}.{rng.randrange(1, 10)}", "r_cn": cn_int(r),
            "n": rng.randrange(100, 900)}


def grim(rng: random.Random, scale: Scale) -> dict:
    n, r = _grim_base(rng)
    return {"n": n, "r": r, "r_cn": cn_int(r)}


def mismatch(rng: random.Random, scale: Scale) -> dict:
    n = rng.randrange(20, 60)
    k = rng.randrange(n // 2, n - 2)
    r = min(99, round(k * 100 / n) + rng.randrange(5, 20))
    if r - k * 100 / n < 4.5:
        r = max(1, round(k * 100 / n) - rng.randrange(5, 20))
    return {"n": n, "k": k, "r": r, "r_cn": cn_int(r)}


def share(rng: random.Random, scale: Scale) -> dict:
    n = rng.randrange(800, 5000)
    k = int(n * rng.uniform(0.1, 0.3))
    r = round(k * 100 / n) + rng.randrange(5, 15)
    return {"n": n, "k": k, "r": r, "r_cn": cn_int(r)}


def plain_rate(rng: random.Random, scale: Scale) -> dict:
    r = rng.randrange(85, 100)
    return {"r": r, "r_cn": cn_int(r)}


def conflict(rng: random.Random, scale: Scale) -> dict:
    a = rng.randrange(8, 30)
    return {"a": a, "b": a + rng.randrange(3, 9), "small": rng.randrange(2, 6), "small2": rng.randrange(1, 4)}


def approx(rng: random.Random, scale: Scale) -> dict:
    return {"n": rng.randrange(2, 9) * 10, "n_cn": cn_int(rng.randrange(2, 9) * 100)}


def count(rng: random.Random, scale: Scale) -> dict:
    return {"n": rng.randrange(11, 60)}


def mask(rng: random.Random, scale: Scale) -> dict:
    return {"x": rng.choice(["xx", "XX", "××", "**"]), "x2": rng.choice(["x", "xx", "××"])}


# --- traps: the look-alike is right ---------------------------------------------------------


def paren_other(rng: random.Random, scale: Scale) -> dict:
    total = rng.randrange(800, 4000)
    t0 = total + rng.choice([-1, 1]) * rng.randrange(20, 100)
    a0 = rng.randrange(t0 // 3, t0 // 2)
    return {"total": total, "t0": t0, "a0": a0, "b0": t0 - a0, "year": rng.randrange(2018, 2022)}


def wider(rng: random.Random, scale: Scale) -> dict:
    total = rng.randrange(800, 5000)
    return {"total": total, "big": rng.randrange(12000, 60000), "small": rng.randrange(30, 300)}


def persons_households(rng: random.Random, scale: Scale) -> dict:
    """More persons than households, yet fewer persons than the document's own population."""
    if scale.households >= 50 and scale.persons > scale.households * 1.5:
        # the document's own households, so the trap restates them instead of contradicting them
        h = int(scale.households)
        return {"h": h, "p": h + 1 + rng.randrange(max(1, h // 4))}
    h = rng.randrange(300, 1200)
    return {"h": h, "p": h * 2 + rng.randrange(50, 300)}


def sum2_ok(rng: random.Random, scale: Scale) -> dict:
    total = rng.randrange(800, 4000)
    a = rng.randrange(total // 3, total // 2)
    return {"total": total, "a": a, "b": total - a, "h": total // 3}


def over_ok(rng: random.Random, scale: Scale) -> dict:
    total = int(max(scale.persons * 1.5, 3000)) // 10 * 10
    small = rng.randrange(40, 200)
    return {"total": _big(total), "over": _big(total * 2 + rng.randrange(10, 90)), "k": rng.randrange(3, 12),
            "small": small, "mid": small + rng.randrange(5, 30)}


def approx_sum(rng: random.Random, scale: Scale) -> dict:
    total = rng.randrange(30, 50) * 100
    a = total // 200 * 100
    return {"total": total, "a": a, "b": total - a - 100}


def grim_ok(rng: random.Random, scale: Scale) -> dict:
    n = rng.randrange(3, 41)
    k = rng.randrange((n + 1) // 2, n + 1)
    return {"n": n, "r": round(k * 100 / n)}


def growth(rng: random.Random, scale: Scale) -> dict:
    return {"r": rng.randrange(110, 300), "r2": rng.randrange(5, 40)}


def grim_pair(rng: random.Random, scale: Scale) -> dict:
    n, r = _grim_base(rng)
    m, r2 = _grim_base(rng)
    return {"n": n, "m": m, "r": r, "r2": r2}


def mismatch_ok(rng: random.Random, scale: Scale) -> dict:
    n = rng.randrange(20, 60)
    k = rng.randrange(n // 2, n)
    return {"n": n, "k": k, "r": round(k * 100 / n)}


def share_ok(rng: random.Random, scale: Scale) -> dict:
    n = rng.randrange(800, 5000)
    k = int(n * rng.uniform(0.1, 0.3))
    return {"n": n, "k": k, "r": round(k * 100 / n)}


def _none(rng: random.Random, scale: Scale) -> dict:
    return {}


SHAPES: dict[str, Callable[[random.Random, Scale], dict]] = {
    "sum2": lambda rng, s: sums(rng, s, 2),
    "sum3": lambda rng, s: sums(rng, s, 3),
    "sum4": lambda rng, s: sums(rng, s, 4),
    "subset": subset,
    "magnitude_persons": lambda rng, s: magnitude(rng, s, households=False),
    "magnitude_households": lambda rng, s: magnitude(rng, s, households=True),
    "rate_over": rate_over,
    "grim": grim,
    "mismatch": mismatch,
    "share": share,
    "plain_rate": plain_rate,
    "conflict": conflict,
    "approx": approx,
    "count": count,
    "mask": mask,
    "none": _none,
    "paren_other": paren_other,
    "wider": wider,
    "persons_households": persons_households,
    "sum2_ok": sum2_ok,
    "over_ok": over_ok,
    "approx_sum": approx_sum,
    "grim_ok": grim_ok,
    "growth": growth,
    "grim_pair": grim_pair,
    "mismatch_ok": mismatch_ok,
    "share_ok": share_ok,
}
