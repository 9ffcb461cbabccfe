"""Rule ``acting_subjects``: people or homes counted as the subject of what they did are no stock.

``有15名党员全年未参加活动``, ``62名党员自愿捐款``: the figure, written before its noun, counts those
members who did (or did not do) something, a subset the sentence selects, not the unit's members.
The word right after the noun decides (resolution.toml ``[acting]``): a verb, adverb, preposition or
time word opens a predicate; a clause end, a conjunction or a word that only states the count (是,
占) leaves the stock alone (社区现有73名党员，…).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from nlp.resources import load_toml


@cache
def _vocab() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    data = load_toml("resolution.toml")["acting"]
    return tuple(data["tags"]), frozenset(data["stating"]), frozenset(data["periods"])


@cache
def _all_of() -> tuple[str, ...]:
    return tuple(load_toml("resolution.toml")["acting"]["all_of"])


def acting_subjects(words_after_noun: Sequence[tuple[str, str]], clause_before: str = "") -> bool:
    """Whether the words right after a figure's noun (written after the figure) open what the
    counted did: the first word is a verb, adverb, preposition or time word that states no count;
    not when the clause before the figure ends in 全体/全部 (all of them act: the stock itself).

    >>> acting_subjects([("自愿", "d"), ("捐款", "v")]), acting_subjects([("全年", "m"), ("未", "d")])
    (True, True)
    >>> acting_subjects([]), acting_subjects([("是", "v"), ("骨干", "n")]), acting_subjects([("和", "c")])
    (False, False, False)
    >>> acting_subjects([("分别", "d"), ("认领", "v")], "扎实开展实践活动，全体")
    False
    """
    if clause_before.endswith(_all_of()):
        return False
    tags, stating, periods = _vocab()
    words = list(words_after_noun)
    while words and words[0][0] in periods:  # 全年|未参加活动: the period before the predicate
        words.pop(0)
    if not words:
        return False
    word, tag = words[0]
    return tag.startswith(tags) and word not in stating
