"""The canonical activity types (nlp/resources/activity_types.csv) a name is normalized to, so
communities can be compared by which activity types they ran.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import ahocorasick

from nlp.activities.word_scan import COMPILED
from nlp.errors import ResourceError
from nlp.records import ActivityKind, Category
from nlp.resources import load_csv

_TYPES = "activity_types.csv"
_TYPE_COLUMNS = ("id", "label_zh", "label_en", "kind", "category", "synonyms")


@dataclass(frozen=True)
class ActivityType:
    id: str
    label_zh: str
    label_en: str
    kind: ActivityKind
    category: Category
    synonyms: tuple[str, ...]


@cache
def activity_types() -> tuple[ActivityType, ...]:
    """Every canonical activity type, validated: unique ids, known kinds and categories."""
    seen: set[str] = set()
    table = []
    for line, row in load_csv(_TYPES, _TYPE_COLUMNS):
        if row["id"] in seen:
            raise ResourceError(_TYPES, line, f"duplicate activity type id {row['id']!r}")
        try:
            kind = ActivityKind(row["kind"])
            category = Category(row["category"])
        except ValueError as exc:
            raise ResourceError(_TYPES, line, str(exc)) from None
        seen.add(row["id"])
        synonyms = tuple(s for s in row["synonyms"].split("|") if s)
        table.append(ActivityType(row["id"], row["label_zh"], row["label_en"], kind, category, synonyms))
    return tuple(table)


@cache
def _by_synonym() -> tuple[tuple[str, ActivityType], ...]:
    pairs = [(s, t) for t in activity_types() for s in t.synonyms]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


# cached by name: the rules and the stage ask it of the same names again and again (the cache
# is the function itself, so a repeated name costs no Python call)
@lru_cache(maxsize=8192)
def type_of_name(name: str) -> ActivityType | None:
    """The canonical type whose longest synonym occurs in ``name`` (ties: table order).

    >>> type_of_name("主题党日活动").id
    'theme_party_day'
    >>> type_of_name("“情系天运欢度元宵”晚会").id
    'gala'
    >>> type_of_name("学雷锋志愿服务").id
    'volunteer_service'
    >>> type_of_name("换届工作总结会") is not None
    True
    >>> type_of_name("某某") is None
    True
    """
    if COMPILED is not None:  # the same, as one walk of the ranked synonyms' trie in C
        trie, types = _synonym_trie()
        return types[COMPILED.least_word(trie, name)]
    found = [rank for _, rank in _synonym_automaton().iter(name)]  # every synonym in the name
    # the lowest rank of all is the lowest of the longest at each offset (a shorter synonym at an
    # offset ranks after the longer one there)
    return min(found)[1] if found else None  # (ranks are distinct: never compares the types)


@cache
def _synonym_automaton() -> ahocorasick.Automaton:
    """An Aho-Corasick automaton of the synonyms, each with its rank (longest first, then table
    order) and type: one pass over a name finds every synonym in it, overlapping ones too, in C
    (the overlapped scan as a lookahead at each offset cost three times as much a name)."""
    automaton = ahocorasick.Automaton()
    for i, (synonym, activity_type) in enumerate(_by_synonym()):
        if synonym not in automaton:  # (a synonym listed twice keeps its first rank)
            automaton.add_word(synonym, (i, activity_type))
    automaton.make_automaton()
    return automaton


@cache
def _synonym_trie() -> tuple[object, tuple[ActivityType | None, ...]]:
    """The synonyms in rank order (a synonym listed twice at its first rank) read into the ``_scan``
    kernel's trie, and the type of each by that order, then None (what index -1 reads):
    ``least_word`` gives the lowest rank found anywhere in a name, as the automaton's scan does."""
    first: dict[str, ActivityType] = {}
    for synonym, activity_type in _by_synonym():
        first.setdefault(synonym, activity_type)
    return COMPILED.trie(list(first)), (*first.values(), None)  # type: ignore[union-attr]


def canonical_type(name: str) -> str | None:
    """The id of the canonical activity type of a name, or None.

    >>> canonical_type("开展反诈宣传进小区活动")
    'anti_fraud'
    """
    found = type_of_name(name)
    return found.id if found else None
