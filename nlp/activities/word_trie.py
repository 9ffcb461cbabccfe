"""A word list as one regular expression written as a trie.

``"|".join(words)`` with the longest words first makes the engine try every word, one after the
other, at every offset where one may start. The same words as a trie (开(?:展|会)|组(?:织|建)…)
make it follow one branch per character. Both find the same matches: the words that match at an
offset are prefixes of one another (they start there and agree with the text), and each form tries
them longest first (the alternation by its order, the trie by its greedy ``?``), so a search,
a backtracking pattern around it or an overlapped scan picks the same word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

_Node = dict[str, "_Node"]
_END = ""  # the key that marks a word ending at a node (no word is empty)


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching exactly what the alternation of ``words``, longest first, matches.

    >>> trie_pattern(["培训", "培训班", "开展", "开会"])
    '(?:培训(?:班)?|开[会展])'
    >>> re.match(trie_pattern(["培训", "培训班"]), "培训班级").group()
    '培训班'
    """
    root: _Node = {}
    for word in words:
        if not word:
            raise ValueError("a word list for a pattern holds an empty word")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _branches(root)


def _branches(node: _Node) -> str:
    options = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch != _END]
    if not options:
        body = ""
    elif len(options) == 1:
        body = options[0]
    elif all(len(option) == 1 for option in options):  # single plain characters: one class
        body = "[" + "".join(options) + "]"
    else:
        body = "(?:" + "|".join(options) + ")"
    if _END in node and body:
        return f"(?:{body})?"  # greedy: the longer words first, then the word ending here
    return body


def alternation(words: Iterable[str]) -> regex.Pattern:
    """One compiled regex matching any of ``words``, longest first (written as a trie, see
    nlp/activities/word_trie.py).

    >>> alternation(["培训", "培训班"]).match("培训班").group()
    '培训班'
    """
    return regex.compile(trie_pattern(set(words)))
