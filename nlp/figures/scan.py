"""Scanning a text with a large pattern, tried only where a match can start.

Python's ``re`` tries a pattern at every position unless it starts with a literal or a plain
character class. The figure grammar starts with an optional qualifier and a dozen alternatives, and
the look-alike pattern has 140 alternatives, so ``finditer`` spends most of its time failing at
positions where no match can begin. ``matches_from`` jumps from one possible first character to the
next with a one-class pattern (a fast C scan) and tries the large pattern only there: the same
leftmost, non-overlapping matches ``finditer`` gives, for a pattern that never matches empty.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache


def char_class(chars: Iterable[str], digits: bool = False) -> re.Pattern[str]:
    r"""A one-character pattern matching ``chars``; with ``digits`` also every Unicode decimal digit
    (``\d``) and every character beyond the Basic Multilingual Plane: a start class for
    ``matches_from``, which needs only a superset of the characters a match can start with.

    The digits of the BMP are listed, so the engine tests a character with one table look-up; a
    ``\d`` in the class would call Unicode's digit look-up at every character the scan passes over
    (most of a text). The few digits beyond the BMP are covered by one range of all those characters.

    >>> char_class("一二", digits=True).findall("第1和一个٣")
    ['1', '一', '٣']
    """
    listed = re.escape("".join(sorted(set(chars) | (set(_bmp_digits()) if digits else set()))))
    return re.compile("[" + listed + ("\U00010000-\U0010ffff" if digits else "") + "]")


@cache
def _bmp_digits() -> str:
    r"""Every decimal digit (what ``\d`` matches: ``str.isdecimal``) of the Basic Multilingual Plane.

    Unicode encodes decimal digits in runs of ten, 0 to 9 (a stability policy), so each run holds
    one code point divisible by ten: a tenth of the plane is looked at (under a millisecond).
    """
    found: list[str] = []
    for code in range(0, 0x10000, 10):
        if chr(code).isdecimal():
            first = code - unicodedata.decimal(chr(code))
            found.extend(ch for ch in map(chr, range(first, first + 10)) if ch.isdecimal())
    return "".join(found)


def matches_from(
    pattern: re.Pattern[str],
    starts: re.Pattern[str],
    text: str,
    low: int = 0,
    high: int | None = None,
    before: int | None = None,
) -> Iterator[re.Match[str]]:
    r"""``pattern.finditer(text, low, high)`` for a pattern that never matches empty and only starts
    with a character ``starts`` matches; with ``before``, only the matches starting before it.

    >>> [m.group() for m in matches_from(re.compile(r"\d+个|十"), char_class("十", digits=True), "3个和十个,4")]
    ['3个', '十']
    """
    high = len(text) if high is None else high
    last = high if before is None else min(before, high)
    p = low
    while p < last:
        found = starts.search(text, p, last)
        if found is None:
            return
        p = found.start()
        m = pattern.match(text, p, high)
        if m is None:
            p += 1
        else:
            yield m
            p = m.end()


def starting_chars(pattern: str) -> frozenset[str] | None:
    r"""The characters a match of ``pattern`` can start with; None when unknown or when it can
    match the empty string.

    >>> sorted(starting_chars(r"(?<!第)[一二]个|三(?:批|次)"))
    ['一', '三', '二']
    >>> starting_chars(r"x*y") is None
    True
    """
    from re import _constants as sre  # type: ignore[attr-defined]

    def first(items: list) -> set[str] | None:
        for op, av in items:
            if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                continue  # zero-width: the match starts with what follows
            if op is sre.LITERAL:
                return {chr(av)}
            if op is sre.IN:
                chars = _class_chars(av)
                return None if chars is None else set(chars)
            if op is sre.SUBPATTERN:
                return first(list(av[3]))
            if op is sre.BRANCH:
                union: set[str] = set()
                for branch in av[1]:
                    found = first(list(branch))
                    if found is None:
                        return None
                    union |= found
                return union
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
                return first(list(av[2]))
            return None
        return None

    found = first(_parsed(pattern))
    return frozenset(found) if found is not None else None


@lru_cache(maxsize=8)  # the look-alike pattern is read by starting_chars and second_chars (10 ms a parse)
def _parsed(pattern: str) -> list:
    """The items of a pattern as ``re``'s parser reads them."""
    from re import _parser  # type: ignore[attr-defined]

    return list(_parser.parse(pattern))


def patterns_by_first_char(
    alternatives: list[str], groups: Iterable[Iterable[str]]
) -> dict[str, re.Pattern[str]] | None:
    r"""For every character an alternative can start with, a pattern of only the alternatives that
    can start with a character of its group (``groups``, and one group of all the other characters),
    in their order: at a position starting with that character it matches exactly what the
    alternation of all of them matches. None when an alternative's first characters are unknown.

    The engine tries an alternation's branches one by one; it skips one whose first character
    differs in a few instructions only when the branch opens with a literal or a class, and a
    branch that opens with a repeat, a group or an assertion (``[0-9一二]+周年``, ``(?<!第)二期``) is
    entered at every position. The look-alike pattern has 53 such branches among 161. Each
    alternative is compiled with ``possessive_opening`` (the same matches, fewer retries).

    >>> found = patterns_by_first_char(["[0-9]+岁", "一次性", "(?:这|那)一批"], ["0123456789", "一"])
    >>> found["5"].pattern, found["一"].pattern, found["这"].pattern
    ('(?:[0-9]++岁)', '(?:一次性)', '(?:(?:这|那)一批)')
    """
    firsts = [starting_chars(alternative) for alternative in alternatives]
    if any(first is None for first in firsts):
        return None
    every = frozenset().union(*firsts)  # type: ignore[arg-type]
    sets = [every & frozenset(group) for group in groups]
    sets.append(every - frozenset().union(*sets))
    by_char: dict[str, re.Pattern[str]] = {}
    for chars in sets:
        members = [a for a, first in zip(alternatives, firsts, strict=True) if first & chars]  # type: ignore[operator]
        if members:
            pattern = re.compile("|".join(f"(?:{possessive_opening(a)})" for a in members))
            by_char.update(dict.fromkeys(chars, pattern))
    return by_char


_OPENING_REPEAT = re.compile(r"(?:\[\^?\]?(?:\\.|[^\]\\])*\]|[^\\\[(|.^$?*+{])(\+|\*|\{\d*(?:,\d*)?\})(?![?+])")


def possessive_opening(pattern: str) -> str:
    r"""``pattern`` with its opening repeat of one class or character made possessive (``[0-9]+周年``
    → ``[0-9]++周年``) where that changes no match: what follows the repeat cannot match the empty
    string and cannot start with a character of the class. A shorter run would leave a character
    of the class where the rest must start, so the engine's tries of shorter runs all fail; the
    possessive repeat does not make them. Any other pattern is returned as it is.

    >>> possessive_opening("[0-9一二]+(号|幢)"), possessive_opening("[0-9]+号楼")
    ('[0-9一二]++(号|幢)', '[0-9]++号楼')
    >>> possessive_opening("[0-9]+[0-9]年"), possessive_opening(r"[0-9]+\s*[+＋]"), possessive_opening("(?:19|20)[0-9]{2}")
    ('[0-9]+[0-9]年', '[0-9]+\\s*[+＋]', '(?:19|20)[0-9]{2}')
    """
    from re import _constants as sre  # type: ignore[attr-defined]

    opening = _OPENING_REPEAT.match(pattern)
    if opening is None:
        return pattern
    items = _parsed(pattern)
    if not items or items[0][0] is not sre.MAX_REPEAT:
        return pattern
    sub = list(items[0][1][2])
    if len(sub) != 1 or sub[0][0] not in (sre.IN, sre.LITERAL):
        return pattern
    kind, value = sub[0]
    chars = frozenset(chr(value)) if kind is sre.LITERAL else _class_chars(value)
    rest = pattern[opening.end() :]
    try:
        follow = starting_chars(rest) if rest else None
    except re.error:
        return pattern
    if chars is None or follow is None or chars & follow:
        return pattern
    return pattern[: opening.end()] + "+" + rest


def opening_run(pattern: str) -> frozenset[str] | None:
    r"""The characters of the class ``pattern`` opens with as an unbounded repeat of at least one
    (``[0-9一二]+周年``), or None (an assertion, a literal, a bounded repeat, a group first).

    A match of such a pattern that starts inside a run of those characters also starts one
    character earlier in the run, ending at the same place (the repeat takes one more): where it
    failed at a character of the run it fails at the next one too.

    >>> sorted(opening_run(r"[0-9]+周年")), opening_run(r"[0-9]{4}年"), opening_run(r"(?<!第)[0-9]+期")
    (['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], None, None)
    """
    from re import _constants as sre  # type: ignore[attr-defined]

    items = _parsed(pattern)
    if not items:
        return None
    op, av = items[0]
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT) or av[0] < 1 or av[1] is not sre.MAXREPEAT:
        return None
    sub = list(av[2])
    if len(sub) != 1 or sub[0][0] not in (sre.IN, sre.LITERAL):
        return None
    kind, value = sub[0]
    return frozenset(chr(value)) if kind is sre.LITERAL else _class_chars(value)


# A set of characters, or None: any character (a class too large or too loose to list).
_Chars = frozenset[str] | None


def second_chars(pattern: str) -> dict[str, frozenset[str] | None] | None:
    r"""For every character a match of ``pattern`` can start with, the characters its second can
    be: a superset, None where any can follow or the match may end after one character. None when
    the first characters are unknown or the pattern can match the empty string.

    A scan tries the pattern at a position only where the next character is one of these (a
    dictionary look-up instead of the engine entering every alternative that opens with a repeat:
    ``[0-9]+周年`` after each digit of 7500万).

    >>> found = second_chars(r"[0-9]+周年|(?:这|那)一批|一.")
    >>> sorted(found["5"]), sorted(found["这"]), found["一"]
    (['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '周'], ['一'], None)
    """
    paths = _heads(_parsed(pattern), 2)
    seconds: dict[str, frozenset[str] | None] = {}
    for path in paths:
        if not path or path[0] is None:
            return None  # an empty match, or a first character not known
        second = path[1] if len(path) == 2 else None
        for ch in path[0]:
            if ch in seconds and seconds[ch] is None:
                continue
            seconds[ch] = None if second is None else (seconds.get(ch) or frozenset()) | second
    return seconds


def _heads(items: list, need: int) -> set[tuple[_Chars, ...]]:
    """The first ``need`` characters a sequence of parsed regex items can match, as tuples of
    character sets; a shorter tuple where the sequence can end sooner (a superset: an item not
    understood stands for any characters)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    open_paths: set[tuple[_Chars, ...]] = {()}
    done: set[tuple[_Chars, ...]] = set()
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
            continue  # zero-width
        if op is sre.LITERAL:
            options: set[tuple[_Chars, ...]] = {(frozenset(chr(av)),)}
        elif op is sre.IN:
            options = {(_class_chars(av),)}
        elif op is sre.SUBPATTERN:
            options = _heads(list(av[3]), need)
        elif op is sre.BRANCH:
            options = set().union(*(_heads(list(branch), need) for branch in av[1]))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            low, high, sub = av
            options = set()
            for count in range(min(low, need), min(high, need) + 1):
                found = _heads(list(sub) * count, need)
                if count == need and high > need:
                    found = {path + (None,) * (need - len(path)) for path in found}  # more may follow
                options |= found
        else:
            options = {(None,) * need}  # not understood: any characters
        grown: set[tuple[_Chars, ...]] = set()
        for path in open_paths:
            for option in options:
                joined = (path + option)[:need]
                (done if len(joined) == need else grown).add(joined)
        open_paths = grown
        if not open_paths:
            break
    return done | open_paths


def _class_chars(items: list) -> frozenset[str] | None:
    """The characters of a parsed character class, or None (a negation, a category, a wide range)."""
    from re import _constants as sre  # type: ignore[attr-defined]

    out: set[str] = set()
    for kind, value in items:
        if kind is sre.LITERAL:
            out.add(chr(value))
        elif kind is sre.RANGE and value[1] - value[0] < 4096:
            out.update(map(chr, range(value[0], value[1] + 1)))
        elif kind is sre.CATEGORY and value is sre.CATEGORY_SPACE:
            out |= _SPACES  # \s (in a str pattern: what str.isspace accepts)
        else:
            return None
    return frozenset(out)


# Every character \s matches in a str pattern (the last one is U+3000, the ideographic space).
_SPACES = frozenset(ch for ch in map(chr, range(0x3001)) if ch.isspace())
