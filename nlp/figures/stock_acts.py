"""Rule ``acted_on_stock``: a count of things an act is done to is not the unit's stock of them.

关停污染企业37家, 对辖区56家重点企业开展检查, 引进企业3家 count enterprises closed, inspected, brought in;
辖区有企业46家, 新增个体工商户58户, 规上工业企业增长到23家 count the stock or its change. The nearest verb or
preposition before the figure in its clause decides: one of ``keeps`` (having, founding, reaching)
or none keeps the measure, any other unmakes it. Words: ``nlp/resources/resolution.toml``
``[acted_on_stock]``; nlp/figures/resolve.py applies the rule to the listed measures.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from nlp.resources import load_toml

_VERB_TAGS = frozenset({"v", "p"})


@cache
def _vocab() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_toml("resolution.toml")["acted_on_stock"]
    return frozenset(data["measures"]), frozenset(data["acts"]), frozenset(data["keeps"])


def acted_on(indicator_id: str, words: Sequence[tuple[str, str]]) -> bool:
    """Whether the nearest verb or preposition of ``words`` (the clause up to the figure) does
    something to what is counted, so the figure is no stock of ``indicator_id``.

    >>> acted_on("enterprises", [("依法", "d"), ("关停", "v"), ("企业", "n")])
    True
    >>> acted_on("enterprises", [("对", "p"), ("辖区", "n")]), acted_on("enterprises", [("辖区", "n"), ("有", "v"), ("企业", "n")])
    (True, False)
    >>> acted_on("enterprises", [("企业", "n")]), acted_on("party_members", [("培训", "v"), ("党员", "n")])
    (False, False)
    >>> acted_on("enterprises", [("新增", "v"), ("软件", "n"), ("外包", "v")])
    False
    """
    measures, acts, keeps = _vocab()
    if indicator_id not in measures:
        return False
    for word, tag in reversed(words):
        if tag in _VERB_TAGS and (word in acts or word in keeps):
            return word in acts
    return False
