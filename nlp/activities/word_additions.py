"""Words added to the activity vocabulary's lists, one per line with an example and a source
(nlp/resources/activity_words.csv).

nlp/resources/activities.toml keeps its lists as they grew (an example per list); words added
since the third batch of written reports (issue 12) come here, each with an invented sentence
of the genre that holds it and why it was added, so that every entry can be checked and
challenged alone. ``nlp.activities.word_lists`` reads a list as the TOML's words plus these.
"""

from __future__ import annotations

from functools import cache

from nlp.errors import ResourceError
from nlp.records import ActivityKind
from nlp.resources import load_csv

WORDS_FILE = "activity_words.csv"
# the lists words may be added to: (table, key) of activities.toml
LISTS = frozenset(
    {
        ("verbs", "content"),
        ("verbs", "light"),
        ("verbs", "cut"),
        ("verbs", "not_verbs"),
        ("verbs", "weak"),
        ("verbs", "non_acts"),
        ("verbs", "persons"),
        ("verbs", "dividing"),
        ("nouns", "heads"),
        ("nouns", "stops"),
        ("nouns", "generic"),
        ("slogans", "heads"),
        ("slogans", "contains"),
        ("slogans", "staff"),
        ("slogans", "economy"),
        ("slogans", "documents"),
        ("measures", "units"),
        ("measures", "totals"),
        ("measures", "participant_verbs"),
        ("measures", "people"),
        *(("kinds", kind.value) for kind in ActivityKind),
        *(("cues", kind.value) for kind in ActivityKind),
        *(("verb_kinds", kind.value) for kind in ActivityKind if kind is not ActivityKind.OTHER),
    }
)


@cache
def added_words() -> dict[tuple[str, str], tuple[str, ...]]:
    """The added words of each list, validated (a known list, an example holding the word).

    >>> added_words()[("kinds", "event")][:1]
    ('招聘会',)
    """
    out: dict[tuple[str, str], list[str]] = {}
    for line, row in load_csv(WORDS_FILE, ("word", "list", "example", "source")):
        word, where, example = row["word"].strip(), row["list"].strip(), row["example"].strip()
        table, _, key = where.partition(".")
        if (table, key) not in LISTS:
            raise ResourceError(WORDS_FILE, line, f"unknown list {where!r}")
        if not word or word not in example:
            raise ResourceError(WORDS_FILE, line, f"the example {example!r} does not contain {word!r}")
        if not row["source"].strip():
            raise ResourceError(WORDS_FILE, line, "no source")
        out.setdefault((table, key), []).append(word)
    return {k: tuple(v) for k, v in out.items()}


def added_to(table: str, key: str) -> tuple[str, ...]:
    """The words added to list ``[table] key`` (none: an empty tuple)."""
    return added_words().get((table, key), ())


def kind_cues() -> tuple[tuple[str, ActivityKind], ...]:
    """The kind cues, longest first: words that tell a name's kind (助餐 → service) without being
    an activity head (list ``cues.KIND``; a word of ``kinds.KIND`` is both).

    >>> dict(kind_cues())["消杀"]
    <ActivityKind.CAMPAIGN: 'campaign'>
    """
    pairs = [
        (w, ActivityKind(key))
        for (table, key), words in added_words().items()
        if table == "cues"
        for w in words
    ]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))
