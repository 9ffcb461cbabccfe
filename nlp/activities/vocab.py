"""The activity vocabulary as the rest of the project reads it: the word lists (``vocab()``,
nlp/activities/word_lists.py), the canonical activity types (nlp/activities/activity_types.py),
and here the kind a name's keywords give it (``kind_keyword``, ``kind_of_name``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from operator import itemgetter

from nlp.activities.activity_types import ActivityType, activity_types, canonical_type, type_of_name
from nlp.activities.word_lists import Vocab, vocab
from nlp.activities.word_scan import containing_test, first_word_test
from nlp.activities.word_trie import alternation
from nlp.records import ActivityKind

__all__ = [
    "ActivityType",
    "Vocab",
    "activity_types",
    "alternation",
    "canonical_type",
    "holds_head",
    "keyword_kinds",
    "kind_keyword",
    "kind_of_name",
    "type_of_name",
    "vocab",
]


@cache
def holds_head() -> Callable[..., bool]:
    """The test ``holds_head()(text[, start, end])``: whether an activity head, kind keyword or
    type synonym lies in ``text[start:end]`` (``vocab().head_re.search(...) is not None``, in
    the compiled kernel when built: nlp/activities/word_scan.py ``containing_test``)."""
    return containing_test(vocab().head_words)


@lru_cache(maxsize=8192)  # (as ``type_of_name``: the cache is the function itself)
def kind_keyword(name: str) -> ActivityKind | None:
    """The kind of the keyword found last in the name (its head), or None.

    >>> kind_keyword("篮球赛"), kind_keyword("某某")
    (<ActivityKind.EVENT: 'event'>, None)
    >>> kind_keyword("消防安全培训班")
    <ActivityKind.TRAINING: 'training'>
    """
    # The keyword ending last, the longest of those ending there: what an overlapped scan of
    # ``kind_re`` finds last (at each offset it takes the longest word starting there). In the
    # reversed name that keyword is the leftmost match, and the longest there: one search of the
    # reversed keywords' trie (half the instructions of a walk back through them by last character;
    # with the kernel built, a walk of the trie in C, a fifth of the pattern's search).
    first, kinds = _reversed_keywords()
    return kinds[first(name[::-1])]


def keyword_kinds(names: Iterable[str]) -> list[ActivityKind | None]:
    """``kind_keyword`` of many names at once, without its cache (for words new to the process,
    which would only fill it)."""
    first, kinds = _reversed_keywords()
    return list(map(kinds.__getitem__, map(first, map(_REVERSED, names))))


_REVERSED = itemgetter(slice(None, None, -1))  # a string written backwards


@cache
def _reversed_keywords() -> tuple[Callable[[str], int], tuple[ActivityKind | None, ...]]:
    """The search of the kind keywords written backwards (``first_word_test``: the index of the
    word the trie pattern's search finds, -1: none), and the kind of each keyword by that index,
    then None (what index -1 reads)."""
    kind_of_reversed = {word[::-1]: kind for word, kind in vocab().kind_of_word.items()}
    return first_word_test(kind_of_reversed), (*kind_of_reversed.values(), None)


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
