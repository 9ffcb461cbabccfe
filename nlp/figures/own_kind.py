"""Rule ``own_words_kind``: a kind made only of the measure's own words is the whole.

A modifier that repeats pieces of the measure's names (卫生 of 卫生整治, 居家养老 of 居家养老服务) narrows
nothing: 环境卫生大扫除14次 is the unit's sanitation campaigns, not one sort of them (GUIDELINES: an
unnamed campaign is whole, a quoted name one kind). Words: ``nlp/resources/resolution.toml``
``[own_words_kind]``; nlp/figures/resolve.py applies the rule once a kind is read.
"""

from __future__ import annotations

from functools import cache

from nlp.resources import load_toml

_QUOTES = "“”‘’《》\"'「」"


@cache
def _vocab() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_toml("resolution.toml")["own_words_kind"]
    return tuple(data["connectors"]), tuple(data["acts"])


@cache
def _named_series() -> frozenset[str]:
    return frozenset(load_toml("resolution.toml")["own_words_kind"]["named_series"])


def series_name(indicator: str, kind: str, names: tuple[str, ...], verbs: tuple[str, ...] = ()) -> str | None:
    """The name alone of a named series of a ``named_series`` measure: a quoted name, then only the
    measure's own words (GUIDELINES: 开展“整洁楼院”清扫行动8次 is the kind 整洁楼院); None otherwise.

    >>> names = ("大扫除", "清扫行动", "整治行动")
    >>> series_name("sanitation_campaigns", "“清洁家园”大扫除", names), series_name("sanitation_campaigns", "“清洁家园”", names)
    ('清洁家园', None)
    >>> series_name("activities_held", "“清洁家园”大扫除", names) is None
    True
    """
    if indicator not in _named_series() or not kind.startswith("“"):
        return None
    close = kind.find("”")
    name, rest = kind[1:close], kind[close + 1 :]
    if close < 2 or not rest or not (rest in names or own_words_only(rest, names, verbs)):
        return None
    return name


def own_words_only(kind: str, names: tuple[str, ...], verbs: tuple[str, ...] = ()) -> bool:
    """Whether ``kind`` is one of ``names`` (the longest it ends with) under a modifier made only of
    pieces (two characters or more) of ``names`` and connectors, or under one act alone (the rule's
    acts or the measure's ``verbs``): 环境卫生|大扫除, 落实|项目资金. A kind that is no name under a
    modifier (项目, the class of a sum; 再就业, a name itself) is not read so.

    >>> names = ("环境整治", "卫生整治", "大扫除", "整治行动")
    >>> own_words_only("环境卫生大扫除", names), own_words_only("大扫除和卫生整治行动", names)
    (True, True)
    >>> own_words_only("“清洁家园”大扫除", names), own_words_only("楼道大扫除", names)
    (False, False)
    >>> money = ("投资", "资金", "项目资金")
    >>> own_words_only("落实项目资金", money), own_words_only("重点项目", money), own_words_only("项目", money)
    (True, False, False)
    >>> own_words_only("再就业", ("就业", "再就业"))
    False
    """
    if not kind or any(q in kind for q in _QUOTES):
        return False
    connectors, acts = _vocab()
    acted = False
    for act in sorted((*acts, *verbs), key=len, reverse=True):
        if kind.startswith(act) and len(kind) > len(act):
            kind, acted = kind[len(act) :], True
            break
    name = max((n for n in names if kind.endswith(n)), key=len, default=None)
    if name is None:
        return False
    modifier = kind[: len(kind) - len(name)]
    if not modifier:
        return acted
    reach = [True] + [False] * len(modifier)  # reach[i]: modifier[:i] is covered
    for end in range(1, len(modifier) + 1):
        for start in range(end):
            if not reach[start]:
                continue
            piece = modifier[start:end]
            if piece in connectors or (len(piece) >= 2 and any(piece in n for n in names)):
                reach[end] = True
                break
    return reach[-1]
