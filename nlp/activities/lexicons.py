"""Word classes that inform the learned activity model, as data (nlp/resources/activity_lexicons.csv).

Each entry is a word, its class, an invented example of it in a report sentence and where it
comes from. They are *features* of the tagger and of the kind classifier, not rules: whether a
span holding a place word is an activity stays the model's decision, learned from the gold.

- ``place``, ``programme``, ``policy``, ``framing``: nouns and words that are not activities (a
  place where something happens, an assistance programme, a policy manner word, the report's own
  framing); a word *ending* with an entry has the class (居民小区 → place).
- ``short_act``: verbs of short acts that are activities on their own (走访, 核查, 公示); a word
  *starting* with an entry has the class (走访慰问).
- ``cue_service``, ``cue_campaign``, ``cue_event``: words that tell those three kinds apart; a
  word *containing* an entry has the class.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.activities.char_tables import ending_test, starting_test
from nlp.activities.word_trie import trie_pattern
from nlp.errors import ResourceError
from nlp.resources import load_csv

LEXICON_FILE = "activity_lexicons.csv"
_ENDING = ("place", "programme", "policy", "framing")
_STARTING = ("short_act",)
_CONTAINED = ("cue_service", "cue_campaign", "cue_event")
CLASSES = _ENDING + _STARTING + _CONTAINED
# how a word has each class: it ends with, starts with or contains one of the class's words
LEXICON_MATCH = {
    **{c: "endswith" for c in _ENDING},
    **{c: "startswith" for c in _STARTING},
    **{c: "contains" for c in _CONTAINED},
}


@dataclass(frozen=True)
class LexiconEntry:
    word: str
    word_class: str
    example: str
    source: str


@cache
def lexicon_entries() -> tuple[LexiconEntry, ...]:
    """Every entry of the lexicon file, validated (a known class, an example holding the word)."""
    entries = []
    for line, row in load_csv(LEXICON_FILE, ("word", "class", "example", "source")):
        word, word_class, example = row["word"].strip(), row["class"].strip(), row["example"].strip()
        if word_class not in CLASSES:
            raise ResourceError(
                LEXICON_FILE, line, f"unknown class {word_class!r} (one of {', '.join(CLASSES)})"
            )
        if word not in example:
            raise ResourceError(LEXICON_FILE, line, f"the example {example!r} does not contain {word!r}")
        entries.append(LexiconEntry(word, word_class, example, row["source"].strip()))
    return tuple(entries)


def words_by_class() -> dict[str, tuple[str, ...]]:
    """The lexicon's words of each class, the classes in ``CLASSES`` order."""
    return dict(_by_class())


@cache
def _by_class() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {c: [] for c in CLASSES}
    for entry in lexicon_entries():
        out[entry.word_class].append(entry.word)
    return {c: tuple(words) for c, words in out.items()}


@cache
def _class_tests() -> tuple[tuple[str, Callable[[str], bool]], ...]:
    """A test per class in ``CLASSES`` order: ending and starting words indexed by their last and
    first character, contained words as one alternation (any match is an entry inside the word)."""
    tests: list[tuple[str, Callable[[str], bool]]] = []
    for c, words in _by_class().items():
        if c in _ENDING:
            tests.append((c, ending_test(words)))
        elif c in _STARTING:
            tests.append((c, starting_test(words)))
        elif words:
            pattern = re.compile(trie_pattern(words))
            tests.append((c, lambda word, pattern=pattern: pattern.search(word) is not None))
    return tuple(tests)


@lru_cache(maxsize=16384)
def word_classes(word: str) -> tuple[str, ...]:
    """The lexicon classes of one word (a segmented word or a whole name).

    >>> word_classes("居民小区"), word_classes("走访慰问"), word_classes("义诊服务")
    (('place',), ('short_act',), ('cue_service',))
    """
    return tuple(c for c, test in _class_tests() if test(word))
