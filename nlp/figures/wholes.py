"""Whether a figure counts the whole of its measure: the evidence resolution asks for before a figure
may land in a comparison column (GUIDELINES, "Indicators, breakdown and scope").

Three measures are only ever whole on positive evidence, because what they count is always about
something in particular:

- **money** (investment_yuan, funds_disbursed_yuan, donations_yuan): a sum is spent on something; only
  a total (项目总投资, 全年共投入, 累计发放各类资金) is the measure's whole, any other sum is one project's
  or one fund's — a ``kind`` (投资16万元 … for a service station);
- **rates about an object**: 居民对“四个民主”满意率90% is the rate of one object; only the overall one
  (群众满意率, 居民对居委会工作满意率) is whole;
- **measures made by a verb** (发放 … 元 → funds_disbursed_yuan): the verb makes its measure only for a
  noun the indicator table knows, a bare count, or the act itself (免费培训280人); 发放消费券3000万元
  counts a thing the table has no measure for, so it gets none.

The words are data (``nlp/resources/resolution.toml``: ``[totals]``, ``[rate_object]``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from nlp.figures.breakdown import read_modifier, strip_whole_front
from nlp.figures.indicators import indicators
from nlp.resources import load_toml

_QUOTES = "“”\"‘’'《》「」『』"
_BREAKS = "，,；;：:。！!？?\n"


@dataclass(frozen=True)
class _Vocab:
    totals: tuple[str, ...]
    rate_openers: tuple[str, ...]
    heads: tuple[str, ...]
    synonym_ends: frozenset[str]


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")
    names = {name for indicator in indicators() for name in indicator.names()}
    return _Vocab(
        totals=tuple(data["totals"]["words"]),
        rate_openers=tuple(data["rate_object"]["openers"]),
        heads=tuple(data["known_heads"]["words"]),
        synonym_ends=frozenset(names),
    )


def known_noun(noun: str) -> bool:
    """Whether the indicator table (any measure, any unit) or a generic head of people or homes
    names what ``noun`` counts.

    >>> known_noun("困难户"), known_noun("辖区群众"), known_noun("消费券"), known_noun("创业担保贷款")
    (True, True, False, False)
    """
    voc = _vocab()
    if noun.endswith(voc.heads):
        return True
    return any(noun[i:] in voc.synonym_ends for i in range(len(noun)))


def verb_makes_measure(noun: str | None, verb: str) -> bool:
    """A verb of the table makes its measure for no noun, the act itself, or a noun the table knows.

    >>> verb_makes_measure(None, "发放"), verb_makes_measure("免费培训", "培训")
    (True, True)
    >>> verb_makes_measure("走访困难户", "走访"), verb_makes_measure("消费券", "发放")
    (True, False)
    """
    if not noun or noun.endswith(verb):
        return True
    return known_noun(noun)


def names_total(words: Sequence[str]) -> bool:
    """Whether the words up to a sum of money mark it as a total (总投资, 共投入, 累计发放, 各类资金).

    >>> names_total(["项目", "总投资"]), names_total(["全年", "共", "投入"]), names_total(["投资"])
    (True, True, False)
    >>> names_total(["公共", "设施", "投资"])
    False
    """
    totals = _vocab().totals
    return any(word.startswith(totals) for word in words)


def money_kind(noun: str | None, lead: str) -> str:
    """What a sum that is no total was spent on, as written: the noun's own modifiers
    (专项保障资金), else the words before the act in its clause, else ``项目``.

    >>> money_kind("专项保障资金", ""), money_kind("投资", "为民服务站建设"), money_kind(None, "")
    ('专项保障资金', '为民服务站建设', '项目')
    """
    if noun:
        if strip_whole_front(noun) not in _vocab().synonym_ends:
            return noun
    object_words = strip_whole_front(lead.strip(" ，,、"))
    _, unknown = read_modifier(object_words)
    return object_words if len(unknown) >= 2 else "项目"


def rate_object(sentence: str) -> str | None:
    """The object a rate is about, from ``对 …`` right before it in its clause (quotes kept out);
    ``None`` for an overall rate (对居委会工作, 群众).

    >>> rate_object("居民对“四个民主”"), rate_object("居民对居委会工作"), rate_object("群众")
    ('四个民主', None, None)
    """
    clause_start = max(sentence.rfind(ch) for ch in _BREAKS) + 1
    clause = sentence[clause_start:]
    at = max(clause.rfind(opener) for opener in _vocab().rate_openers)
    if at < 0:
        return None
    obj = "".join(ch for ch in clause[at + 1 :] if ch not in _QUOTES).strip()
    _, unknown = read_modifier(obj)
    return obj if unknown else None
