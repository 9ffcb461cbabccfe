"""Conversion debris removal: literal replacements (``_M_M_`` → ``%``) and pinyin glosses with the
mojibake fused to them, as deletion/replacement edits. A site's boilerplate lines are
nlp/text/boilerplate.py's.

Patterns are data (``junk_patterns.toml``); this module only builds the regexes once and turns
matches into ``Edit``s against the text it is given.
"""

from __future__ import annotations

import re
from functools import cache

from nlp.errors import ResourceError
from nlp.resources import load_toml
from nlp.text.char_scan import finditer_from_chars
from nlp.text.spans import Edit

_JUNK_FILE = "junk_patterns.toml"
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@cache
def replacements() -> tuple[tuple[str, str], ...]:
    """Literal replacements (``_M_M_`` → ``%``, literal ``\\r\\n`` → newline), longest first."""
    table = load_toml(_JUNK_FILE).get("replace", {})
    return tuple(sorted(table.items(), key=lambda kv: -len(kv[0])))


@cache
def _replace_regex() -> re.Pattern[str] | None:
    pairs = replacements()
    if not pairs:
        return None
    return re.compile("|".join(re.escape(k) for k, _ in pairs))


def replace_edits(text: str) -> list[Edit]:
    r"""Edits for the literal replacements.

    >>> replace_edits("增长13.3_M_M_")
    [Edit(start=6, end=11, replacement='%')]
    """
    regex = _replace_regex()
    if regex is None:
        return []
    table = dict(replacements())
    return [Edit(m.start(), m.end(), table[m.group()]) for m in finditer_from_chars(regex, text)]


@cache
def pinyin_regex() -> re.Pattern[str]:
    """Pinyin parenthetical after a CJK character, optionally led by GBK mojibake ``?F``.

    >>> bool(pinyin_regex().search("社區(qū)")), bool(pinyin_regex().search("(2种)"))
    (True, False)
    """
    data = load_toml(_JUNK_FILE)
    try:
        py = data["pinyin"]
        letters, toned, toneless = py["letters"], py["toned"], py["toneless"]
        longest = int(py["max_syllable"])
        lost = data["mojibake"]["lost"]
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError(_JUNK_FILE, None, f"missing or bad key: {exc}") from exc
    chars = f"[{letters}{toned}]"
    with_tone = f"(?={chars}{{0,{longest - 1}}}[{toned}]){chars}{{1,{longest}}}(?![{letters}{toned}])"
    plain = "(?:" + "|".join(re.escape(s) for s in sorted(toneless, key=len, reverse=True)) + ")"
    syllable = f"(?:{with_tone}|{plain}(?![{letters}{toned}]))"
    inside = rf"\s*{syllable}(?:\s+{syllable})*\s*\)"
    # "(" is read before the look back at the CJK character before it: the same matches, and
    # both branches open with a literal, so the scan jumps from "(" or "?" to the next (by
    # str.find: the engine itself would test every character against the two, nlp/text/char_scan.py)
    return re.compile(rf"\((?<=[{CJK}]\(){inside}|{lost}\({inside}")


def pinyin_edits(text: str) -> list[Edit]:
    """Delete pinyin glosses and the mojibake fused with them.

    >>> pinyin_edits("總結(jié)")
    [Edit(start=2, end=7, replacement='')]
    >>> pinyin_edits("保證?,F(xiàn)總結")
    [Edit(start=2, end=11, replacement='')]
    >>> pinyin_edits("垃圾(2种)、社区(XX社区)")
    []
    """
    return [Edit(m.start(), m.end()) for m in finditer_from_chars(pinyin_regex(), text)]
