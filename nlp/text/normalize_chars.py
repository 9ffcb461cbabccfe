"""Character-level normalization: width folding, variants, traditional → simplified.

Every function returns a list of ``Edit``s against its input; ``nlp.text.normalize`` applies
them with ``apply_edits`` and composes the offset maps. Vocabulary lives in
``nlp/resources/width.toml``.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import json
import re
from functools import cache
from pathlib import Path

from nlp.errors import ResourceError
from nlp.resources import load_toml
from nlp.text.spans import Edit

_WIDTH_FILE = "width.toml"
_T2S_FILE = "t2s_triggers.toml"
T2S_CONFIG = "t2s"
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
    line is aligned with ``difflib`` so each changed stretch maps to its source. A text that holds
    nothing the conversion changes (``may_change_in_t2s``) is not converted.

    >>> t2s_edits("總結")
    [Edit(start=0, end=1, replacement='总'), Edit(start=1, end=2, replacement='结')]
    >>> t2s_edits("社区总结")
    []
    """
    if not may_change_in_t2s(text):
        return []
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


def may_change_in_t2s(text: str) -> bool:
    """Whether opencc's t2s conversion could change ``text``: it holds a character that the conversion
    changes alone (區), a phrase that it changes though none of its characters changes alone
    (回覆 → 回复), both listed in ``nlp/resources/t2s_triggers.toml``, or a character beyond the Basic
    Multilingual Plane. Always True when that table was made from other dictionaries than the
    installed ones (then every text is converted, as before).

    Converting is the most expensive pass of normalization (opencc reads every character of the
    text through its dictionaries), and nearly every report is written in simplified characters:
    one search of a character class settles it.

    >>> may_change_in_t2s("社區"), may_change_in_t2s("回覆"), may_change_in_t2s("社区工作回复全覆盖")
    (True, True, False)
    """
    triggers = _t2s_triggers()
    if triggers is None:
        return True
    pattern, phrases = triggers
    for found in pattern.finditer(text):
        at = phrases.get(found.group())
        if at is None:  # a character that changes alone, or one beyond the BMP
            return True
        if any(text.startswith(phrase, found.start() - offset) for phrase, offset in at if found.start() >= offset):
            return True
    return False


@cache
def _t2s_triggers() -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, int], ...]]] | None:
    """A pattern of every character that changes alone or stands for a changing phrase (and of every
    character beyond the BMP, which a class of thousands of characters could not hold in its fast
    table), and by each phrase's character the phrases with where it stands in them; None when the
    table was made from other dictionaries than the installed opencc's."""
    data = load_toml(_T2S_FILE)
    digest = t2s_dictionaries_digest()
    if digest is None or data.get("dictionaries") != digest:
        return None
    try:
        alone, listed = set(data["chars"]), dict(data["phrases"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ResourceError(_T2S_FILE, None, f"needs chars and a [phrases] table: {exc}") from exc
    phrases: dict[str, tuple[tuple[str, int], ...]] = {}
    for phrase, rare in listed.items():
        if rare not in phrase:
            raise ResourceError(_T2S_FILE, None, f"{phrase!r}: {rare!r} is not one of its characters")
        phrases[rare] = (*phrases.get(rare, ()), (phrase, phrase.index(rare)))
    if alone & set(phrases):
        raise ResourceError(_T2S_FILE, None, "a phrase is listed by a character that changes alone")
    in_bmp = "".join(sorted(ch for ch in alone | set(phrases) if ord(ch) <= 0xFFFF))
    return re.compile(f"[{re.escape(in_bmp)}\U00010000-\U0010ffff]"), phrases


def t2s_dictionary_files() -> list[Path] | None:
    """The dictionary files opencc's t2s conversion reads, in its configuration's order (None when the
    installed opencc keeps them elsewhere than beside its configuration files)."""
    spec = importlib.util.find_spec("opencc")  # (not imported: a simplified text never needs it)
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "clib" / "share" / "opencc"
    try:
        config = json.loads((folder / f"{T2S_CONFIG}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files: list[Path] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("file"), str):
                files.append(folder / node["file"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(config)
    return files if files and all(path.is_file() for path in files) else None


@cache
def t2s_dictionaries_digest() -> str | None:
    """A SHA-256 of the installed t2s configuration's dictionary files (None when not found)."""
    files = t2s_dictionary_files()
    if files is None:
        return None
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
