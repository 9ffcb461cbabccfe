"""Character-level normalization: width folding, variants, traditional → simplified.

Every function returns a list of ``Edit``s against its input; ``nlp.text.normalize`` applies
them with ``apply_edits`` and composes the offset maps. Vocabulary lives in
``nlp/resources/width.toml``.
"""

from __future__ import annotations

import difflib
import re
from functools import cache

from nlp.errors import ResourceError
from nlp.resources import load_toml
from nlp.text.spans import Edit

_WIDTH_FILE = "width.toml"
_SURROGATE = re.compile("([\ud800-\udfff]+)")


@cache
def fold_table() -> dict[int, str]:
    """Code point → replacement for width folding and variant characters.

    >>> t = fold_table()
    >>> "１２％（一）：".translate(t)
    '12%（一）：'
    >>> "设臵".translate(t)
    '设置'
    """
    data = load_toml(_WIDTH_FILE)
    try:
        block = data["fullwidth"]
        first, last, keep = ord(block["first"]), ord(block["last"]), set(block["keep"])
    except (KeyError, TypeError) as exc:
        raise ResourceError(_WIDTH_FILE, None, f"[fullwidth] needs first, last, keep: {exc}") from exc
    table: dict[int, str] = {}
    for code in range(first, last + 1):
        if chr(code) not in keep:
            table[code] = chr(code - 0xFEE0)
    for section in ("extra", "variants"):
        for source, target in data.get(section, {}).items():
            if len(source) != 1 or len(target) > 1:
                raise ResourceError(_WIDTH_FILE, None, f"[{section}] {source!r} → {target!r}: one character each")
            table[ord(source)] = target
    return table


def fold_edits(text: str) -> list[Edit]:
    """One edit per character that width folding or a variant table changes.

    >>> fold_edits("共１２户")
    [Edit(start=1, end=2, replacement='1'), Edit(start=2, end=3, replacement='2')]
    """
    table = fold_table()
    return [Edit(m.start(), m.end(), table[ord(m.group())]) for m in _fold_regex().finditer(text)]


@cache
def _fold_regex() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(fold_table())) + "]")


@cache
def _converter():  # pragma: no cover - trivial
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """opencc t2s (phrase-aware).

    >>> to_simplified("社區總結")
    '社区总结'
    """
    if _SURROGATE.search(text) is None:
        return _converter().convert(text)
    # opencc wants valid UTF-8: convert around lone surrogates (from surrogateescape decoding).
    return "".join(
        part if i % 2 else _converter().convert(part) for i, part in enumerate(_SURROGATE.split(text))
    )


def t2s_edits(text: str) -> list[Edit]:
    """Edits turning traditional characters into simplified ones, aligned per line.

    Lines whose conversion keeps the length map character to character; otherwise the
    line is aligned with ``difflib`` so each changed stretch maps to its source.

    >>> t2s_edits("總結")
    [Edit(start=0, end=1, replacement='总'), Edit(start=1, end=2, replacement='结')]
    """
    converted = to_simplified(text)
    if converted == text:
        return []
    if len(converted) == len(text):
        return [Edit(i, i + 1, b) for i, (a, b) in enumerate(zip(text, converted, strict=True)) if a != b]
    edits: list[Edit] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        edits.extend(_line_edits(line, to_simplified(line), offset))
        offset += len(line)
    return edits


def _line_edits(line: str, converted: str, offset: int) -> list[Edit]:
    if line == converted:
        return []
    if len(line) == len(converted):
        return [Edit(offset + i, offset + i + 1, b) for i, (a, b) in enumerate(zip(line, converted, strict=True)) if a != b]
    matcher = difflib.SequenceMatcher(None, line, converted, autojunk=False)
    edits = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 - i1 == j2 - j1:
            edits.extend(Edit(offset + i1 + k, offset + i1 + k + 1, converted[j1 + k]) for k in range(i2 - i1))
        else:
            edits.append(Edit(offset + i1, offset + i2, converted[j1:j2]))
    return edits
