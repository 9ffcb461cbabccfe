"""The activity vocabulary's word lists (nlp/resources/activities.toml), validated once and kept
with the patterns and tables the grammar reads them through: ``vocab()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from nlp.activities.activity_types import activity_types
from nlp.activities.word_additions import added_to, kind_cues
from nlp.activities.word_trie import alternation, trie_pattern
from nlp.errors import ResourceError
from nlp.records import ActivityKind
from nlp.resources import load_toml

_VOCAB = "activities.toml"


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
    errands: tuple[str, ...]  # 代购生活物资: the document test does not apply
    fused: tuple[str, ...]  # 调解纠纷: one word of the segmenter, a content verb and its object
    head_ends: tuple[str, ...]  # the activity heads and kind keywords (see name_checks.ends_with_head)
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
    finished_re: regex.Pattern  # as ``completion_re``, the finishing words only (not 开工): where an object ends
    count_lead_re: regex.Pattern  # a count opening a finished project's clause (8处)
    facility_ends: tuple[str, ...]  # last characters of a built facility's name (路, 院, 馆 …)
    builds: frozenset[str]  # verbs of building, whose object may list facilities
    contests: frozenset[str]  # verbs of competing for a title (创建, 争创): the title is a campaign
    destination_re: re.Pattern[str]  # 进 + a place an act is brought to (进社区, 进校园)
    cue_re: re.Pattern[str]  # any verb, completion word or mentioned head: a clause without one yields nothing
    named_cue_re: re.Pattern[str]  # any completion word or mentioned head (``cue_re`` less the verbs)
    named_cues: tuple[str, ...]  # the words of ``named_cue_re``
    promote: frozenset[str]
    facilities: tuple[str, ...]
    kinds: tuple[tuple[str, ActivityKind], ...]  # (keyword, kind), longest keyword first
    verb_kinds: dict[str, ActivityKind]
    participant_markers: tuple[str, ...]
    verb_re: re.Pattern[str]
    stop_re: re.Pattern[str]  # a digit, a stop word or a cut verb: where an object ends
    stop_word_re: re.Pattern[str]  # the same without the digit (none of its words starts with one)
    head_re: re.Pattern[str]  # any activity head, kind keyword or canonical type synonym
    head_words: tuple[str, ...]  # the words of ``head_re`` (for ``vocab.holds_head``)
    slogan_re: re.Pattern[str]  # a phrase marking an abstract aim anywhere in a name
    concrete_re: re.Pattern[str]
    kind_re: regex.Pattern  # every kind keyword, longest first (for overlapped search)
    kind_of_word: dict[str, ActivityKind]


def _plain(pattern: regex.Pattern) -> re.Pattern[str]:
    """The same alternation of literal words, compiled by the standard library's engine."""
    return re.compile(pattern.pattern)


def _words(data: dict, table: str, key: str) -> tuple[str, ...]:
    try:
        values = [*data[table][key], *added_to(table, key)]  # (and the words added with an example each)
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


# What may stand between a finished project and its predicate: when, and how (老年食堂于6月正式投入运营).
_WHEN_DONE = r"(?:于\d{1,2}月(?:底|初|份|中旬)?|年底前|年内|如期|按期)?(?:正式|顺利|全面|已经|已|均已|全部|基本)*"


@cache
def vocab() -> Vocab:
    """The activity vocabulary, validated once."""
    data = load_toml(_VOCAB)
    light = _words(data, "verbs", "light")
    content = _words(data, "verbs", "content")
    verbs = sorted(set(light) | set(content), key=len, reverse=True)
    named_cues = (  # completion words and mentioned heads
        *_words(data, "nouns", "completions"),
        *_words(data, "nouns", "starts"),
        *_words(data, "nouns", "mentioned_heads"),
    )
    stops = _words(data, "nouns", "stops")
    cut = _words(data, "verbs", "cut")
    heads = _words(data, "nouns", "heads")
    kinds = _kind_table(data, "kinds")
    slogan_contains = _words(data, "slogans", "contains")
    concrete = _words(data, "verbs", "concrete")
    kind_of_word: dict[str, ActivityKind] = {}
    for word, kind in kinds:
        kind_of_word.setdefault(word, kind)
    # kind cues (nlp/resources/activity_words.csv) tell a name's kind and make no name an activity
    named_kinds = {**kind_of_word}
    for word, kind in kind_cues():
        named_kinds.setdefault(word, kind)
    synonyms = [s for t in activity_types() for s in t.synonyms]
    head_words = tuple(sorted({*heads, *kind_of_word, *synonyms}, key=lambda w: (-len(w), w)))
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
        errands=_words(data, "verbs", "errands"),
        fused=_words(data, "verbs", "fused"),
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
            _WHEN_DONE + r"(?:"
            + alternation(_words(data, "nouns", "completions") + _words(data, "nouns", "starts")).pattern
            + r")(?:\d+(?:\.\d+)?[\u4e00-\u9fff]{1,3})?(?:[,，。；;!！]*)$"  # (道路完工3公里: its length)
        ),
        finished_re=regex.compile(
            _WHEN_DONE + r"(?:"
            + alternation(_words(data, "nouns", "completions")).pattern
            + r")(?:\d+(?:\.\d+)?[\u4e00-\u9fff]{1,3})?(?:[,，。；;!！]*)$"
        ),
        completion_word_re=_plain(alternation(_words(data, "nouns", "completions") + _words(data, "nouns", "starts"))),
        facility_ends=_words(data, "nouns", "facility_ends"),
        builds=frozenset(_words(data, "verbs", "builds")),
        contests=frozenset(_words(data, "verbs", "contests")),
        destination_re=re.compile("进(?:" + alternation(_words(data, "nouns", "destinations")).pattern + ")"),
        count_lead_re=regex.compile(
            r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)余?(?:"
            + alternation(_words(data, "nouns", "count_classifiers")).pattern
            + ")"
        ),
        named_cue_re=_plain(alternation(named_cues)),
        named_cues=named_cues,
        cue_re=_plain(
            alternation(
                (
                    *verbs,
                    *_words(data, "nouns", "completions"),
                    *_words(data, "nouns", "starts"),
                    *_words(data, "nouns", "mentioned_heads"),
                )
            )
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
        # (words alone, the engine looks for their first characters before trying a match; with
        # the digit in front it tries the whole alternation at every offset)
        stop_word_re=re.compile(alternation((*stops, *cut)).pattern),
        head_re=_plain(alternation(head_words)),
        head_words=head_words,
        slogan_re=_plain(alternation(slogan_contains)),
        concrete_re=_plain(alternation(concrete)),
        kind_re=alternation(named_kinds),
        kind_of_word=named_kinds,
    )
