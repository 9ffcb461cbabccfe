"""The indicator table (nlp/resources/indicators.csv) and matching a counted noun + unit to it.

Columns: ``id``, ``label_zh``, ``label_en``, ``units`` (|-separated), ``category``, ``synonyms`` (the
nouns that head a figure of the measure; ``=党员`` matches only the bare noun, without modifiers),
``verbs`` (verbs that make a figure of the measure whatever noun follows: 走访 … 户),
``modifiers`` (what a modifier the breakdown table does not know does to the noun: ``closed`` —
another measure, ``kind`` — a kind of this one, ``open`` — nothing), ``part_of`` (the measure this
one is a kind of: 文艺演出 is a kind of activities_held) and ``example``.

``match_indicator`` is the plain look-up; nlp/figures/resolve.py decides with the modifiers, the
verb and the clause. The longest synonym wins, so 调解成功率 beats 成功率 and 低保户 (户) beats 户.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from nlp.errors import ResourceError
from nlp.records import Category
from nlp.resources import load_csv

_FILE = "indicators.csv"
_COLUMNS = ("id", "label_zh", "label_en", "units", "category", "synonyms", "modifiers", "example")
_OPTIONAL = ("verbs", "part_of")
MODIFIER_POLICIES = frozenset({"open", "closed", "kind"})


@dataclass(frozen=True)
class Indicator:
    id: str
    label_zh: str
    label_en: str
    units: tuple[str, ...]
    category: Category
    synonyms: tuple[str, ...]  # bare-only synonyms keep their leading "="
    verbs: tuple[str, ...] = ()
    modifiers: str = "open"
    part_of: str | None = None
    example: str = ""

    def names(self) -> tuple[str, ...]:
        """The synonyms as words (without the bare-only mark)."""
        return _names(self.synonyms)


@lru_cache(maxsize=1024)
def _names(synonyms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.removeprefix("=") for s in synonyms)


@cache
def all_names() -> frozenset[str]:
    """Every name of every indicator."""
    return frozenset(name for indicator in indicators() for name in indicator.names())


@cache
def all_units() -> frozenset[str]:
    """Every unit some indicator is counted in."""
    return frozenset(unit for indicator in indicators() for unit in indicator.units)


@cache
def indicators() -> tuple[Indicator, ...]:
    """Every indicator, validated: unique ids, known categories, at least one unit and synonym."""
    seen: set[str] = set()
    table = []
    for line, row in load_csv(_FILE, _COLUMNS):
        if row["id"] in seen:
            raise ResourceError(_FILE, line, f"duplicate indicator id {row['id']!r}")
        try:
            category = Category(row["category"])
        except ValueError:
            raise ResourceError(_FILE, line, f"unknown category {row['category']!r}") from None
        if row["modifiers"] not in MODIFIER_POLICIES:
            raise ResourceError(_FILE, line, f"modifiers must be one of {sorted(MODIFIER_POLICIES)}, not {row['modifiers']!r}")
        if not row["example"]:
            raise ResourceError(_FILE, line, f"indicator {row['id']!r} has no example")
        seen.add(row["id"])
        table.append(
            Indicator(
                id=row["id"],
                label_zh=row["label_zh"],
                label_en=row["label_en"],
                units=tuple(u for u in row["units"].split("|") if u),
                category=category,
                synonyms=tuple(s for s in row["synonyms"].split("|") if s),
                verbs=tuple(v for v in row.get("verbs", "").split("|") if v),
                modifiers=row["modifiers"],
                part_of=row.get("part_of") or None,
                example=row["example"],
            )
        )
    unknown = {i.part_of for i in table if i.part_of} - seen
    if unknown:
        raise ResourceError(_FILE, None, f"part_of names unknown indicators: {sorted(unknown)}")
    return tuple(table)


@cache
def _by_synonym() -> tuple[tuple[str, Indicator], ...]:
    pairs = [(synonym, ind) for ind in indicators() for synonym in ind.names()]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _synonym_table() -> tuple[dict[str, list[tuple[int, Indicator]]], int]:
    """Each synonym with its indicators and their place in ``_by_synonym`` order, and the longest."""
    table: dict[str, list[tuple[int, Indicator]]] = {}
    for order, (synonym, indicator) in enumerate(_by_synonym()):
        table.setdefault(synonym, []).append((order, indicator))
    return table, max((len(s) for s in table), default=0)


def by_id(indicator_id: str) -> Indicator | None:
    """The indicator of an id (None for an unknown one): one look-up, not a scan of the table.

    >>> by_id("party_members").label_zh, by_id("no_such_measure")
    ('党员', None)
    """
    return _by_id().get(indicator_id)


@cache
def _by_id() -> dict[str, Indicator]:
    return {indicator.id: indicator for indicator in indicators()}


def match_indicator(subject: str | None, unit: str) -> Indicator | None:
    """The indicator a subject counted in a unit names, if any.

    >>> match_indicator("党员", "名").id
    'party_members'
    >>> match_indicator("低保户", "人").id
    'low_income_persons'
    >>> match_indicator("群众满意率", "%").id
    'satisfaction_rate'
    >>> match_indicator("党员", "元") is None
    True
    """
    if not subject:
        return None
    # The synonyms a subject contains are among its substrings: look those up rather than
    # testing every synonym (the same choice: longest, then one that ends the subject, then first).
    table, longest = _synonym_table()
    best: Indicator | None = None
    best_rank = (-1, -1, 0)
    for size in range(1, min(longest, len(subject)) + 1):
        for start in range(len(subject) - size + 1):
            for order, indicator in table.get(subject[start : start + size], ()):
                if unit not in indicator.units:
                    continue
                rank = (size, 1 if start + size == len(subject) else 0, -order)
                if rank > best_rank:
                    best, best_rank = indicator, rank
    return best


@cache
def _synonyms_by_last() -> dict[str, tuple[tuple[str, bool, Indicator], ...]]:
    """Every synonym (word, bare-only, indicator), grouped by its last character."""
    table: dict[str, list[tuple[str, bool, Indicator]]] = {}
    for ind in indicators():
        for synonym in ind.synonyms:
            word = synonym.removeprefix("=")
            table.setdefault(word[-1], []).append((word, synonym.startswith("="), ind))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=16384)
def synonym_candidates(noun: str, unit: str) -> tuple[tuple[Indicator, str, bool], ...]:
    """(indicator, modifier, bare-only) for every synonym ``noun`` ends with, longest first.

    >>> [(ind.id, modifier, bare) for ind, modifier, bare in synonym_candidates("女党员", "名")]
    [('party_members', '女', False)]
    """
    found = _synonyms_by_unit_word().get(unit)
    if found is None:
        return ()
    by_word, longest = found
    # each ending of the noun looked up, longest first: at most one word of each length ends it, and
    # the entries of one word are kept in the order of its group (the scan of the group gives the same)
    size = len(noun) if len(noun) < longest else longest
    out = []
    while size:
        for _, bare, ind in by_word.get(noun[len(noun) - size :], ()):
            out.append((ind, noun[: len(noun) - size], bare))
        size -= 1
    return tuple(out)


@cache
def _synonyms_by_unit_word() -> dict[str, tuple[dict[str, tuple[tuple[str, bool, Indicator], ...]], int]]:
    """``_synonyms_by_unit`` by the whole word (each word's entries in their group's order), with the
    length of the unit's longest word."""
    index: dict[str, tuple[dict[str, tuple[tuple[str, bool, Indicator], ...]], int]] = {}
    for unit, by_last in _synonyms_by_unit().items():
        by_word: dict[str, list[tuple[str, bool, Indicator]]] = {}
        for group in by_last.values():
            for candidate in group:
                by_word.setdefault(candidate[0], []).append(candidate)
        index[unit] = ({word: tuple(found) for word, found in by_word.items()}, max(map(len, by_word)))
    return index


_NONE: dict = {}


@cache
def _synonyms_by_unit() -> dict[str, dict[str, tuple[tuple[str, bool, Indicator], ...]]]:
    """``_synonyms_by_last`` split by the units of the indicators, each group longest first (a stable
    sort: table order among words as long), built once for every unit of the table: a noun is
    compared with the words of its unit only and its candidates need no sort."""
    index: dict[str, dict[str, list[tuple[str, bool, Indicator]]]] = {}
    for last, group in _synonyms_by_last().items():
        for candidate in sorted(group, key=lambda c: -len(c[0])):
            for unit in dict.fromkeys(candidate[2].units):
                index.setdefault(unit, {}).setdefault(last, []).append(candidate)
    return {unit: {last: tuple(found) for last, found in by_last.items()} for unit, by_last in index.items()}
