"""Write nlp/resources/t2s_triggers.toml: what opencc's t2s conversion can change.

Usage: python -m evaluation.t2s_triggers [--check]

Normalization converts traditional characters to simplified ones with opencc (``t2s``), which reads
every character of a text through its dictionaries; a report written in simplified characters comes
out as it went in. ``nlp.text.normalize_chars.may_change_in_t2s`` skips the conversion of a text that
holds nothing the conversion changes, read from this table:

- ``chars``: every character the conversion changes when it stands alone (區 → 区): the single-character
  keys of the configuration's dictionaries (its normalization and its conversion) converted one by one;
- ``phrases``: every longer key whose conversion differs from it (a value, or opencc's own output)
  though none of its characters is in ``chars`` (回覆 → 回复, 覆 alone stays), each with the character
  a text is searched for: its rarest in jieba's dictionary (覆 of 回覆, not 回).

A text with none of them converts to itself: opencc cuts a text into the longest keys it holds and
replaces each by its value, and every key that changes holds a listed character or is a listed phrase.
The table names the SHA-256 of the dictionaries it was made from; with other dictionaries installed
it is not used (every text is converted). The dictionaries are read as text with ``opencc_dict``,
which the opencc wheel ships beside them. ``--check`` compares the shipped table with a new one.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from evaluation.shared import ROOT
from nlp.text.normalize_chars import T2S_CONFIG, t2s_dictionaries_digest, t2s_dictionary_files

TABLE = ROOT / "nlp" / "resources" / "t2s_triggers.toml"


def _opencc_dict() -> tuple[Path, dict[str, str]] | None:
    """The ``opencc_dict`` tool of the installed opencc and the environment it runs in."""
    import opencc

    clib = Path(opencc.__file__).parent / "clib"
    tool = clib / "bin" / "opencc_dict"
    if not tool.is_file():
        return None
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = os.pathsep.join(filter(None, [str(clib / "lib64"), str(clib / "lib"), env.get("LD_LIBRARY_PATH")]))
    return tool, env


def dictionary_entries(path: Path) -> list[tuple[str, list[str]]]:
    """(key, values) of every entry of an opencc dictionary file (.ocd2), read as text."""
    found = _opencc_dict()
    if found is None:
        raise RuntimeError("opencc_dict is not installed beside opencc: cannot read its dictionaries")
    tool, env = found
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dict.txt"
        subprocess.run(
            [str(tool), "-i", str(path), "-o", str(out), "-f", "ocd2", "-t", "text"],
            check=True, capture_output=True, env=env,
        )  # fmt: skip
        entries = []
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            if key:
                entries.append((key, values.split(" ")))
    return entries


def _character_counts() -> dict[str, int]:
    """How often each character occurs in the words of jieba's dictionary, by the words' frequencies."""
    import jieba

    counts: dict[str, int] = {}
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition(" ")
        frequency = int(rest.split(" ", 1)[0]) if rest else 1
        for ch in word:
            counts[ch] = counts.get(ch, 0) + frequency
    return counts


def _rarest(phrase: str, counts: dict[str, int]) -> str:
    """The character of ``phrase`` least frequent in ``counts`` (the last of equals)."""
    return min(reversed(phrase), key=lambda ch: counts.get(ch, 0))


def triggers() -> tuple[str, dict[str, str]]:
    """(characters that change alone, phrases that change though none of their characters does,
    each with its rarest character)."""
    import opencc

    files = t2s_dictionary_files()
    if files is None:
        raise RuntimeError(f"the dictionaries of opencc's {T2S_CONFIG} configuration are not installed beside it")
    converter = opencc.OpenCC(T2S_CONFIG)
    entries = [entry for path in files for entry in dictionary_entries(path)]
    singles = sorted({key for key, _ in entries if len(key) == 1})
    alone = {ch for ch in singles if converter.convert(ch) != ch}
    phrases = {
        key
        for key, values in entries
        if len(key) > 1
        and not alone & set(key)
        and (any(value != key for value in values) or converter.convert(key) != key)
    }
    counts = _character_counts()
    return "".join(sorted(alone)), {phrase: _rarest(phrase, counts) for phrase in sorted(phrases)}


def table_text() -> str:
    chars, phrases = triggers()
    listed = "\n".join(f'"{phrase}" = "{rarest}"' for phrase, rarest in phrases.items())
    return (
        "# What opencc's t2s conversion can change: nlp/text/normalize_chars.py converts only a text that\n"
        "# holds one of these. Generated by `python -m evaluation.t2s_triggers` from the installed opencc's\n"
        "# dictionaries (their SHA-256 below; with other dictionaries the table is not used). Do not edit.\n\n"
        f'dictionaries = "{t2s_dictionaries_digest()}"\n\n'
        "# Characters the conversion changes alone, e.g. 區 (社區 → 社区).\n"
        f'chars = "{chars}"\n\n'
        "# Phrases it changes though none of their characters changes alone, e.g. 回覆 (→ 回复), each with\n"
        "# the character a text is searched for (the phrase's rarest in jieba's dictionary).\n"
        f"[phrases]\n{listed}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare the shipped table with a new one")
    args = parser.parse_args(argv)
    text = table_text()
    if args.check:
        same = TABLE.read_text(encoding="utf-8") == text
        print("t2s_triggers.toml is up to date" if same else "t2s_triggers.toml differs: run python -m evaluation.t2s_triggers")
        return 0 if same else 1
    TABLE.write_text(text, encoding="utf-8")
    chars, phrases = triggers()
    print(f"{TABLE.relative_to(ROOT)}: {len(chars)} characters, {len(phrases)} phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
