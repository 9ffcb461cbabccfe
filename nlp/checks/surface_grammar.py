"""The surface checks' patterns (ZJ4xx), built once from the unit and numeral vocabularies
(units.toml, numerals.toml) and the few words of surface.toml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.figure_grammar import Unit, grammar
from nlp.figures.numerals import vocab
from nlp.resources import load_toml


def _alt(words) -> str:
    """An alternation of ``words`` that tries the longest first, grouped by first character
    (户(?:籍|) …): the words that can match at one place all start with its character, so they are
    tried in the same order as in a flat longest-first alternation, and the other groups are passed
    with one comparison each instead of one per word (a number in the doubled-unit scan tried all
    156 units one by one, and again at each shorter reading of the number).

    >>> _alt(["人", "人次", "户", ""])
    '人(?:次|)|户|'
    """
    distinct = sorted(set(words))
    by_first: dict[str, list[str]] = {}
    for word in distinct:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    groups = []
    for first, rests in by_first.items():
        rests.sort(key=len, reverse=True)
        tails = "|".join(map(re.escape, rests))
        groups.append(re.escape(first) if rests == [""] else f"{re.escape(first)}(?:{tails})")
    if distinct and not distinct[0]:
        groups.append("")  # the empty word matches anywhere, after every other (the shortest)
    return "|".join(groups)


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
    masked_tail: re.Pattern[str]  # what follows a figure masked in part (rule `partial_mask`)
    mask_char: re.Pattern[str]  # any one mask character
    money_gap: re.Pattern[str]
    yu_unit: re.Pattern[str]  # 余 and a unit, the unit read as (?P<pre>.)(?P<unit>余(?:…)) reads it
    rate_gap: re.Pattern[str]
    blank_gap: re.Pattern[str]
    bracket_gap: re.Pattern[str]  # rule `bracket_blank`: （  ）户
    units: dict[str, Unit]
    numeral_chars: frozenset[str]
    masks: frozenset[str]
    run_masks: frozenset[str]  # placeholders only as a run with no numeral beside (○○户, □□人)
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
    run_masks = "".join(words["masked_figure"]["run_masks"])
    placeholder = f"[{re.escape(masks + run_masks)}]"  # a mask, or a character of a placeholder run
    mask_num = rf"{placeholder}+(?:\.{placeholder}+)?"
    joiners = _alt(v.joiners)
    # The pattern opens with a lookahead on the characters a match can start with: the same
    # matches, but a position that cannot start one is passed over at once instead of trying
    # every prefix there (the scan was four times slower without it).
    prefixes = words["masked_figure"]["prefixes"]
    small_mags = "".join(words["masked_figure"]["small_magnitudes"])
    not_after_small = set(words["masked_figure"]["small_magnitude_not_units"])
    small_mag_units = _alt(k for k, u in units.items() if k not in date_units and k not in not_after_small)
    masked = re.compile(
        rf"(?={_starting_with(masks + run_masks, *prefixes)})"
        rf"(?P<pre>{_alt(prefixes)})?"
        rf"(?P<num>{mask_num}(?:(?:{joiners}){mask_num})?)"
        rf"(?P<inner>[{re.escape(approx)}])?(?P<mag>[{re.escape(big)}]|(?!{figure_units})[{re.escape(small_mags)}](?=[{re.escape(approx)}]?(?:{small_mag_units})))?(?P<inner2>[{re.escape(approx)}])?"
        # a placeholder spaced apart from its unit (走访群众 *** 户) as a figure is (走访 120 户)
        rf"(?:[ \u3000]{{0,2}}(?P<unit>{figure_units}|%))?"
    )
    mf = words["missing_figure"]
    masked_tail = re.compile(
        rf"(?P<inner>[{re.escape(approx)}])?(?P<mag>[{re.escape(big)}])?(?P<inner2>[{re.escape(approx)}])?"
        rf"(?:[ \u3000]{{0,2}}(?P<unit>{figure_units}|%))?"
    )
    return SurfaceGrammar(
        duplicated=re.compile(rf"(?P<num>{number})(?P<unit>{unit_alt})"),
        masked=masked,
        masked_tail=masked_tail,
        mask_char=re.compile(placeholder),
        money_gap=re.compile(rf"(?:{_alt(mf['money_before'])})(?P<gap>[^\S\n]*)(?P<unit>[万亿]?元)"),
        yu_unit=re.compile(rf"余(?:{figure_units})"),
        rate_gap=re.compile(rf"率(?:{_alt(mf['rate_verbs'])})[^\S\n]*(?=[,，。;；)）\n]|$)"),
        blank_gap=re.compile(
            # the gap's first character before the look back at the CJK character before it:
            # the same matches, and the scan jumps from blank to blank
            rf"(?P<gap>[ \u3000\t](?<=[\u4e00-\u9fff].)[ \u3000\t]+)(?P<unit>{_alt(mf['blank_units'])})"
            rf"(?=[,，。;；、)）\s]|$)"
        ),
        # brackets holding only blanks, right after a CJK character, then a unit (为辖区（  ）户…)
        bracket_gap=re.compile(
            rf"[{re.escape(''.join(mf['bracket_blank_open']))}](?<=[\u4e00-\u9fff].)[ \u3000\t_＿]*"
            rf"[{re.escape(''.join(mf['bracket_blank_close']))}](?P<unit>{_alt(mf['blank_units'])})"
        ),
        units=units,
        numeral_chars=numeral_chars,
        masks=frozenset(masks),
        run_masks=frozenset(run_masks),
        words=words,
    )


def _unit_blocked(g: SurfaceGrammar, variant: str, following: str) -> bool:
    """Whether the character after a unit shows it is part of another word.

    >>> g = surface_grammar()
    >>> _unit_blocked(g, "户", "籍"), _unit_blocked(g, "户", "，")
    (True, False)
    """
    unit = g.units.get(variant)
    blocked = tuple(unit.not_before) if unit else ()
    return bool(following) and any(following.startswith(b) for b in blocked)
