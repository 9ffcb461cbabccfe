"""Rule ``benefit_after``: the people a benefit is granted to, when the benefit is named after the count
(为158名80周岁以上老人发放高龄津贴 counts the recipients of the age allowance) or before a count word of
those receiving it (申办高龄津贴，享受人数达214人). The words are data (``nlp/resources/resolution.toml``,
``[benefit_after]``); nlp/figures/resolve.py applies the rule after the verb has decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.clauses import any_of
from nlp.figures.indicators import Indicator, by_id
from nlp.resources import load_toml


@dataclass(frozen=True)
class _Vocab:
    granted: re.Pattern[str]  # a granting verb, then (within a few characters) a benefit's name
    measure_of: dict[str, Indicator]  # each benefit's name → its measure of recipients
    names: re.Pattern[str]
    replaces: frozenset[str]
    count_words: tuple[str, ...]


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")["benefit_after"]
    measure_of: dict[str, Indicator] = {}
    for measure in data["measures"]:
        indicator = by_id(measure)
        if indicator is None:
            raise ValueError(f"[benefit_after] names an unknown measure {measure!r}")
        for name in indicator.names():
            measure_of.setdefault(name, indicator)
    names = any_of(sorted(measure_of, key=len, reverse=True))
    verbs = "|".join(re.escape(v) for v in sorted(data["verbs"], key=len, reverse=True))
    return _Vocab(
        granted=re.compile(f"(?:{verbs})了?.{{0,4}}?({names.pattern})"),
        measure_of=measure_of,
        names=names,
        replaces=frozenset(data["replaces"]),
        count_words=tuple(data["count_words"]),
    )


def benefit_after(
    indicator: Indicator | None, unit: str, noun: str | None, after: str, before: str
) -> Indicator | None:
    """The measure of recipients a count of people is of, by the benefit named after it in its clause
    (``after``) or, for a count word of those receiving, named before it in its sentence (``before``);
    None when the rule does not apply (the figure keeps ``indicator``).

    >>> benefit_after(None, "名", "老人", "老人按时发放高龄津贴", "为158名").id
    'elderly_allowance_persons'
    >>> benefit_after(None, "人", "享受人数", "", "为老人申办高龄津贴，享受人数达").id
    'elderly_allowance_persons'
    >>> benefit_after(None, "名", "残疾人", "残疾人办理了两项补贴", "为41名") is None
    True
    """
    if indicator is not None and indicator.id not in _vocab().replaces:
        return None
    voc = _vocab()
    found = voc.granted.search(after)
    if found is None and noun and noun.endswith(voc.count_words):
        found = voc.names.search(before)
        name = found.group() if found else None
    else:
        name = found.group(1) if found else None
    measure = voc.measure_of.get(name) if name else None
    return measure if measure is not None and unit in measure.units else None
