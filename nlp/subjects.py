"""What a figure counts.

A subject is read from the words around a figure, within its clause:

- after a classifier unit, a noun phrase names what is counted (6个党支部, 一名副书记, 15户危房);
- otherwise the noun phrase just before the figure does (现有党员41名, 开展主题党日活动6次,
  群众满意率达到95%), after link words such as 现有/达到/共计 are set aside;
- a figure that directly follows another one shares its subject (低保户320户1017人).

Figures are located before segmentation, so jieba only ever sees the words around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from nlp.records import Quantity
from nlp.resources import load_toml
from nlp.words import pos_cut

CLAUSE_BREAKS = frozenset("，,。；;！!？?：:\n、（）()“”\"《》【】")


@cache
def _vocab() -> dict:
    data = load_toml("subjects.toml")
    return {
        "link": frozenset(data["link_words"]),
        "scope": frozenset(data["scope_words"]),
        "nominal": frozenset(data["nominal_tags"]),
        "classifiers": frozenset(data["classifier_units"]),
        "max_chars": int(data["max_subject_chars"]),
    }


def _clause_start(text: str, index: int, floor: int) -> int:
    i = index
    while i > floor and text[i - 1] not in CLAUSE_BREAKS:
        i -= 1
    return i


def _clause_end(text: str, index: int, ceiling: int) -> int:
    i = index
    while i < ceiling and text[i] not in CLAUSE_BREAKS:
        i += 1
    return i


def _trailing_noun_phrase(left: str) -> str | None:
    """The noun phrase that ends ``left``, link words set aside.

    >>> _trailing_noun_phrase("社区党支部现有党员")
    '党员'
    >>> _trailing_noun_phrase("开展主题党日活动")
    '主题党日活动'
    >>> _trailing_noun_phrase("群众满意率达到")
    '群众满意率'
    """
    vocab = _vocab()
    words = list(pos_cut(left))
    while words and (words[-1][0] in vocab["link"] or words[-1][1] in {"d", "p", "uj", "ul", "c", "x", "m"}):
        words.pop()
    phrase: list[str] = []
    length = 0
    for word, tag in reversed(words):
        if tag not in vocab["nominal"] or length + len(word) > vocab["max_chars"]:
            break
        phrase.insert(0, word)
        length += len(word)
    if not phrase and words and words[-1][1].startswith("v"):
        phrase = [words[-1][0]]  # 巡逻20次: the action itself is what is counted
    while len(phrase) > 1 and phrase[0] in vocab["scope"]:
        phrase.pop(0)
    return "".join(phrase) or None


def _leading_noun_phrase(right: str) -> str | None:
    """The noun phrase that starts ``right`` (after a classifier unit).

    >>> _leading_noun_phrase("志愿者参加活动")
    '志愿者'
    >>> _leading_noun_phrase("进行修缮") is None
    True
    """
    vocab = _vocab()
    phrase: list[str] = []
    length = 0
    for word, tag in pos_cut(right):
        if tag not in vocab["nominal"] or word in vocab["link"] or length + len(word) > vocab["max_chars"]:
            break
        phrase.append(word)
        length += len(word)
    if phrase and all(len(w) == 1 for w in phrase):
        return None  # a lone character after a unit is rarely what is counted
    return "".join(phrase) or None


def find_subjects(text: str, quantities: Sequence[Quantity]) -> tuple[str | None, ...]:
    """The subject of each quantity (in order), read from ``text`` around it.

    ``quantities`` must be sorted by position and located in ``text``.
    """
    vocab = _vocab()
    subjects: list[str | None] = []
    previous_end = 0
    for index, quantity in enumerate(quantities):
        following = quantities[index + 1].norm_start if index + 1 < len(quantities) else len(text)
        subject = None
        if quantity.unit in vocab["classifiers"] or quantity.unit_text in vocab["classifiers"]:
            right_end = _clause_end(text, quantity.norm_end, min(following, quantity.norm_end + 16))
            subject = _leading_noun_phrase(text[quantity.norm_end : right_end])
        if subject is None:
            start = _clause_start(text, quantity.norm_start, max(previous_end, quantity.norm_start - 24))
            left = text[start : quantity.norm_start]
            chained = index > 0 and start == previous_end and subjects[-1] is not None and not left.strip("其中共计和及与、")
            subject = subjects[-1] if chained else _trailing_noun_phrase(left)
        subjects.append(subject)
        previous_end = quantity.norm_end
    return tuple(subjects)
