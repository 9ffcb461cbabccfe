"""Activity vocabulary and canonical activity types, loaded from nlp/resources/.

``activities.toml`` holds the words (verbs, activity nouns, kind keywords, slogan heads);
``activity_types.csv`` the canonical types a name is normalized to, so communities can be
compared by which activity types they ran.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from nlp.activities.word_trie import trie_pattern
from nlp.errors import ResourceError
from nlp.records import ActivityKind, Category
from nlp.resources import load_csv, load_toml

_TYPES = "activity_types.csv"
_TYPE_COLUMNS = ("id", "label_zh", "label_en", "kind", "category", "synonyms")
_VOCAB = "activities.toml"


@dataclass(frozen=True)
class ActivityType:
    id: str
    label_zh: str
    label_en: str
    kind: ActivityKind
    category: Category
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class Vocab:
    light: tuple[str, ...]
    content: tuple[str, ...]
    content_verbs: frozenset[str]  # ``content``, ``causative`` and ``weak`` as sets, for membership
    causative_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    opens_name: tuple[str, ...]
    weak: tuple[str, ...]
    cut: tuple[str, ...]
    aim: frozenset[str]
    nominal: frozenset[str]
    aim_heads: tuple[str, ...]
    concrete: tuple[str, ...]
    causative: tuple[str, ...]
    persons: tuple[str, ...]
    not_verbs: tuple[str, ...]
    prepositions: tuple[str, ...]
    preposition_starts: frozenset[str]  # the first characters of the prepositions
    generic: frozenset[str]
    title_ends: tuple[str, ...]
    heads: tuple[str, ...]
    list_tails: tuple[str, ...]
    stops: tuple[str, ...]
    modifiers: tuple[str, ...]
    leading: tuple[str, ...]
    existence: tuple[str, ...]
    enumerators: tuple[str, ...]
    slogan_heads: tuple[str, ...]
    slogan_contains: tuple[str, ...]
    documents: tuple[str, ...]
    content_heads: tuple[str, ...]
    head_ends: tuple[str, ...]  # the activity heads and kind keywords (see names.ends_with_head)
    non_acts: frozenset[str]
    adverbs: tuple[str, ...]
    openers: tuple[str, ...]
    opener_re: regex.Pattern  # 、 before an opener
    bodies: tuple[str, ...]
    mentioned_re: re.Pattern[str]  # a mentioned activity head
    not_verb_re: regex.Pattern  # words that contain a verb without being one (党组织)
    not_verb_len: int  # the longest of them
    name_openers: frozenset[str]  # the first characters of the leading words and the modifiers
    leading_by_char: dict[str, tuple[str, ...]]  # leading words by first character, longest first
    modifiers_by_char: dict[str, tuple[str, ...]]
    frames: tuple[str, ...]
    completion_re: regex.Pattern  # NAME (已)完工 at the end of a clause
    completion_word_re: re.Pattern[str]  # any completion word (完工 …), anywhere
    cue_re: re.Pattern[str]  # any verb, completion word or mentioned head: a clause without one yields nothing
    promote: frozenset[str]
    facilities: tuple[str, ...]
    kinds: tuple[tuple[str, ActivityKind], ...]  # (keyword, kind), longest keyword first
    verb_kinds: dict[str, ActivityKind]
    participant_markers: tuple[str, ...]
    verb_re: re.Pattern[str]
    stop_re: re.Pattern[str]  # a digit, a stop word or a cut verb: where an object ends
    head_re: re.Pattern[str]  # any activity head, kind keyword or canonical type synonym
    slogan_re: re.Pattern[str]  # a phrase marking an abstract aim anywhere in a name
    concrete_re: re.Pattern[str]
    kind_re: regex.Pattern  # every kind keyword, longest first (for overlapped search)
    kind_of_word: dict[str, ActivityKind]


def _plain(pattern: regex.Pattern) -> re.Pattern[str]:
    """The same alternation of literal words, compiled by the standard library's engine."""
    return re.compile(pattern.pattern)


def alternation(words: Iterable[str]) -> regex.Pattern:
    """One compiled regex matching any of ``words``, longest first (written as a trie, see
    nlp/activities/word_trie.py).

    >>> alternation(["培训", "培训班"]).match("培训班").group()
    '培训班'
    """
    return regex.compile(trie_pattern(set(words)))


def _words(data: dict, table: str, key: str) -> tuple[str, ...]:
    try:
        values = data[table][key]
    except KeyError:
        raise ResourceError(_VOCAB, None, f"missing [{table}] {key}") from None
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        raise ResourceError(_VOCAB, None, f"[{table}] {key} must be a list of non-empty strings")
    return tuple(sorted(set(values), key=lambda w: (-len(w), w)))


def _kind_table(data: dict, table: str) -> tuple[tuple[str, ActivityKind], ...]:
    pairs = []
    for name in data.get(table, {}):
        try:
            kind = ActivityKind(name)
        except ValueError:
            raise ResourceError(_VOCAB, None, f"[{table}] unknown activity kind {name!r}") from None
        pairs += [(word, kind) for word in _words(data, table, name)]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _by_first_char(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their first character, keeping their order.

    >>> _by_first_char(("一系列", "系列", "一次"))
    {'一': ('一系列', '一次'), '系': ('系列',)}
    """
    index: dict[str, list[str]] = {}
    for word in words:
        index.setdefault(word[0], []).append(word)
    return {k: tuple(v) for k, v in index.items()}


@cache
def vocab() -> Vocab:
    """The activity vocabulary, validated once."""
    data = load_toml(_VOCAB)
    light = _words(data, "verbs", "light")
    content = _words(data, "verbs", "content")
    verbs = sorted(set(light) | set(content), key=len, reverse=True)
    stops = _words(data, "nouns", "stops")
    cut = _words(data, "verbs", "cut")
    heads = _words(data, "nouns", "heads")
    kinds = _kind_table(data, "kinds")
    slogan_contains = _words(data, "slogans", "contains")
    concrete = _words(data, "verbs", "concrete")
    kind_of_word: dict[str, ActivityKind] = {}
    for word, kind in kinds:
        kind_of_word.setdefault(word, kind)
    synonyms = [s for t in activity_types() for s in t.synonyms]
    return Vocab(
        light=light,
        content=content,
        content_verbs=frozenset(content),
        causative_verbs=frozenset(_words(data, "verbs", "causative")),
        weak_verbs=frozenset(_words(data, "verbs", "weak")),
        opens_name=_words(data, "verbs", "opens_name"),
        weak=_words(data, "verbs", "weak"),
        cut=cut,
        aim=frozenset(_words(data, "verbs", "aim")),
        nominal=frozenset(_words(data, "verbs", "nominal")),
        aim_heads=_words(data, "verbs", "aim_heads"),
        concrete=concrete,
        causative=_words(data, "verbs", "causative"),
        persons=_words(data, "verbs", "persons"),
        not_verbs=_words(data, "verbs", "not_verbs"),
        prepositions=_words(data, "verbs", "prepositions"),
        preposition_starts=frozenset(word[0] for word in _words(data, "verbs", "prepositions")),
        generic=frozenset(_words(data, "nouns", "generic")),
        title_ends=_words(data, "nouns", "title_ends"),
        heads=heads,
        list_tails=_words(data, "nouns", "list_tails"),
        stops=stops,
        modifiers=_words(data, "nouns", "modifiers"),
        leading=_words(data, "nouns", "leading"),
        existence=_words(data, "nouns", "existence"),
        enumerators=_words(data, "nouns", "enumerators"),
        slogan_heads=_words(data, "slogans", "heads"),
        slogan_contains=slogan_contains,
        documents=_words(data, "slogans", "documents")
        + _words(data, "slogans", "staff")
        + _words(data, "slogans", "economy"),
        content_heads=_words(data, "slogans", "content_heads"),
        head_ends=tuple(sorted({*heads, *kind_of_word}, key=lambda w: (-len(w), w))),
        non_acts=frozenset(_words(data, "verbs", "non_acts")),
        adverbs=_words(data, "verbs", "adverbs"),
        openers=_words(data, "verbs", "openers"),
        opener_re=regex.compile("、(?=" + alternation(_words(data, "verbs", "openers")).pattern + ")"),
        bodies=_words(data, "nouns", "bodies"),
        mentioned_re=_plain(alternation(_words(data, "nouns", "mentioned_heads"))),
        not_verb_re=alternation(_words(data, "verbs", "not_verbs")),
        not_verb_len=max(map(len, _words(data, "verbs", "not_verbs"))),
        name_openers=frozenset(word[0] for word in _words(data, "nouns", "leading") + _words(data, "nouns", "modifiers")),
        leading_by_char=_by_first_char(_words(data, "nouns", "leading")),
        modifiers_by_char=_by_first_char(_words(data, "nouns", "modifiers")),
        frames=_words(data, "nouns", "frames"),
        completion_re=regex.compile(
            r"(?:已经|已|均已|全部|基本)*(?:"
            + alternation(_words(data, "nouns", "completions")).pattern
            + r")(?:[,，。；;!！]*)$"
        ),
        completion_word_re=_plain(alternation(_words(data, "nouns", "completions"))),
        cue_re=_plain(
            alternation((*verbs, *_words(data, "nouns", "completions"), *_words(data, "nouns", "mentioned_heads")))
        ),
        promote=frozenset(_words(data, "verbs", "promote")),
        facilities=_words(data, "nouns", "facilities"),
        kinds=kinds,
        verb_kinds=dict(_kind_table(data, "verb_kinds")),
        participant_markers=_words(data, "links", "participant_markers"),
        # the plain alternations searched at every clause or name use the standard library's
        # engine, about four times faster than ``regex`` on them (same leftmost-first matches)
        verb_re=re.compile(trie_pattern(verbs)),
        stop_re=re.compile(r"\d|" + alternation((*stops, *cut)).pattern),
        head_re=_plain(alternation((*heads, *kind_of_word, *synonyms))),
        slogan_re=_plain(alternation(slogan_contains)),
        concrete_re=_plain(alternation(concrete)),
        kind_re=alternation(kind_of_word),
        kind_of_word=kind_of_word,
    )


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
    pattern, rank = _synonym_index()
    found = pattern.findall(name, overlapped=True)
    if not found:
        return None
    return rank[min(found, key=lambda s: rank[s][0])][1]


@cache
def _synonym_index() -> tuple[regex.Pattern, dict[str, tuple[int, ActivityType]]]:
    rank: dict[str, tuple[int, ActivityType]] = {}
    for i, (synonym, activity_type) in enumerate(_by_synonym()):
        rank.setdefault(synonym, (i, activity_type))
    return alternation(rank), rank


def canonical_type(name: str) -> str | None:
    """The id of the canonical activity type of a name, or None.

    >>> canonical_type("开展反诈宣传进小区活动")
    'anti_fraud'
    """
    found = type_of_name(name)
    return found.id if found else None


@lru_cache(maxsize=8192)  # (as ``type_of_name``: the cache is the function itself)
def kind_keyword(name: str) -> ActivityKind | None:
    """The kind of the keyword found last in the name (its head), or None.

    >>> kind_keyword("篮球赛"), kind_keyword("某某")
    (<ActivityKind.EVENT: 'event'>, None)
    >>> kind_keyword("消防安全培训班")
    <ActivityKind.TRAINING: 'training'>
    """
    # The keyword ending last, the longest of those ending there: what an overlapped scan of
    # ``kind_re`` finds last (at each offset it takes the longest word starting there), read
    # from the name's end backwards, so it stops at the first keyword it meets.
    by_last = _kinds_by_last_char()
    for end in range(len(name), 0, -1):
        last = name[end - 1]
        if last in by_last:
            for word, length, kind in by_last[last]:
                if length <= end and name.startswith(word, end - length):
                    return kind
    return None


@cache
def _kinds_by_last_char() -> dict[str, tuple[tuple[str, int, ActivityKind], ...]]:
    """The kind keywords by their last character, longest first, with their length and kind."""
    kind_of_word = vocab().kind_of_word
    table: dict[str, list[tuple[str, int, ActivityKind]]] = {}
    for word in sorted(kind_of_word, key=len, reverse=True):
        table.setdefault(word[-1], []).append((word, len(word), kind_of_word[word]))
    return {char: tuple(words) for char, words in table.items()}


def kind_of_name(name: str, verb: str | None = None, fallback: ActivityKind | None = None) -> ActivityKind:
    """The SPEC kind: the kind keyword found last in the name (its head), else the verb's kind.

    >>> kind_of_name("主题党日活动")
    <ActivityKind.MEETING: 'meeting'>
    >>> kind_of_name("社区志愿服务队")
    <ActivityKind.ORGANIZATION: 'organization'>
    >>> kind_of_name("健康知识讲座")
    <ActivityKind.TRAINING: 'training'>
    >>> kind_of_name("太极拳队", "成立")
    <ActivityKind.ORGANIZATION: 'organization'>
    >>> kind_of_name("某某", "走访")
    <ActivityKind.VISIT: 'visit'>
    """
    found = kind_keyword(name)
    if found is not None:
        return found
    if fallback is not None:
        return fallback
    if verb:
        by_verb = _verb_kind(verb)
        if by_verb is not None:
            return by_verb
    by_type = type_of_name(name)
    return by_type.kind if by_type else ActivityKind.OTHER


@lru_cache(maxsize=1024)
def _verb_kind(verb: str) -> ActivityKind | None:
    """The kind of the first verb in ``verb_kinds`` that ``verb`` ends with, or None."""
    for word, kind in vocab().verb_kinds.items():
        if verb.endswith(word):
            return kind
    return None
