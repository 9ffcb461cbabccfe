"""Rules that decide which people a count of people counts, read from its clause (the other clause
rules are nlp/figures/clause_rules.py; nlp/figures/resolve.py applies both). The words are data
(``nlp/resources/resolution.toml``, the tables named after each rule):

- ``participant_measure`` (``[participating]``): 参加党员56人次, 参与居民210人, 听众近900人次 count those
  who took part in an act (参训党员130人次: trainees);
- ``registered_noun`` + ``measure_of_phrase`` (``[registering]``): 在职党员到社区报到43名 counts 在职党员;
- ``employment_outcome`` (``[employment_outcome]``): 帮助失业人员再就业61人 counts employed persons;
- ``team_before`` (``[teams]``): 组建“银铃守护”志愿服务队，吸纳志愿者186名 counts one team's volunteers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from nlp.figures.clause_rules import PHRASE_BREAKS
from nlp.figures.clauses import any_of
from nlp.figures.indicators import Indicator
from nlp.figures.measures import resolve_noun
from nlp.resources import load_toml


@dataclass(frozen=True)
class _Vocab:
    taking_part: tuple[str, ...]
    bringing: tuple[str, ...]
    learning: tuple[str, ...]
    act_units: frozenset[str]
    any_taking_part: re.Pattern[str]  # one search for "any of the words in the clause"
    any_bringing: re.Pattern[str]
    any_learning: re.Pattern[str]
    bare_leads: tuple[str, ...]
    participant_units: frozenset[str]
    repeat_units: frozenset[str]
    people_heads: tuple[str, ...]
    registering: tuple[str, ...]
    team_heads: tuple[str, ...]
    team_openers: tuple[str, ...]
    stock_words: tuple[str, ...]
    employment_measure: str
    employment_words: tuple[str, ...]  # longest first
    employment_kinds: tuple[str, ...]
    employment_driven: tuple[str, ...]  # verbs that make jobs through one programme (带动就业)


def _any_word(words: list[str]) -> re.Pattern[str]:
    if not words:
        raise ValueError("an empty word list would match every clause")
    return any_of(words)


@cache
def _vocab() -> _Vocab:
    data = load_toml("resolution.toml")
    part = data["participating"]
    return _Vocab(
        taking_part=tuple(part["taking_part"]),
        bringing=tuple(part["bringing"]),
        learning=tuple(part["learning"]),
        any_taking_part=_any_word(part["taking_part"]),
        any_bringing=_any_word(part["bringing"]),
        any_learning=_any_word(part["learning"]),
        act_units=frozenset(part["act_units"]),
        bare_leads=tuple(part["bare_leads"]),
        participant_units=frozenset(part["units"]),
        repeat_units=frozenset(part["repeat_units"]),
        people_heads=tuple(part["heads"]),
        registering=tuple(data["registering"]["verbs"]),
        team_heads=tuple(sorted(data["teams"]["heads"], key=len, reverse=True)),
        team_openers=tuple(data["teams"]["openers"]),
        stock_words=tuple(data["teams"]["whole_words"]),
        employment_measure=data["employment_outcome"]["measure"],
        employment_words=tuple(sorted(data["employment_outcome"]["words"], key=len, reverse=True)),
        employment_kinds=tuple(data["employment_outcome"]["kinds"]),
        employment_driven=tuple(data["employment_outcome"]["driven"]),
    )


def counts_people_taking_part(unit: str) -> bool:
    """Whether ``participant_measure`` can name a measure of a figure in ``unit`` (it reads nothing else
    otherwise).

    >>> counts_people_taking_part("人次"), counts_people_taking_part("元")
    (True, False)
    """
    return unit in _vocab().participant_units


def participant_measure(clause: str, noun: str | None, unit: str, unit_before: str | None) -> str | None:
    """The measure of a count of people who took part in an act, or None: a verb of taking part in its
    clause (参加党员56人次, 参赛居民64人), a verb that brings or reaches people and a count of attendances
    (发动群众620人次), or, with no verb, attendances right after a count of acts (举办11期，听众近900人次) →
    participants; a verb of attending a lesson (参训党员130人次) → trainees.

    ``clause`` runs up to the end of the counted noun; ``unit_before`` is the unit of the figure before
    it in its sentence, if any.

    >>> participant_measure("参加党员", "党员", "人次", None), participant_measure("参与居民", "居民", "人", None)
    ('participants', 'participants')
    >>> participant_measure("组织党员", "党员", "名", None), participant_measure("听众", "听众", "人次", "期")
    (None, 'participants')
    >>> participant_measure("社区党员", "党员", "名", "次"), participant_measure("接待来访群众", "来访群众", "人次", "件")
    (None, None)
    >>> participant_measure("参训党员", "参训党员", "人次", "期"), participant_measure("服务居民", "服务居民", "人次", "场")
    ('trainees', None)
    """
    voc = _vocab()
    if unit not in voc.participant_units:
        return None
    if noun and not noun.endswith(voc.people_heads):
        return None
    if voc.any_learning.search(clause):
        return "trainees"
    if voc.any_taking_part.search(clause):
        return "participants"
    if unit not in voc.repeat_units:
        return None
    if voc.any_bringing.search(clause):
        return "participants"
    lead = clause[: len(clause) - len(noun)] if noun and clause.endswith(noun) else clause
    head = next((h for h in voc.people_heads if noun and noun.endswith(h)), "")
    rest = noun[: len(noun) - len(head)] if noun else ""  # 服务|居民: a verb of its own, another measure
    bare = (lead.strip(" \u3000") in voc.bare_leads or not lead.strip(" \u3000")) and (
        not rest or rest.endswith(voc.people_heads)
    )
    return "participants" if bare and unit_before in voc.act_units else None


def registered_noun(clause: str) -> str | None:
    """The noun a count after a verb of registering counts: the words before the verb and its 到-place
    phrase (在职党员到社区报到 → 在职党员); None when the clause does not end with such a verb.

    >>> registered_noun("辖区在职党员到社区报到"), registered_noun("在职党员报到"), registered_noun("社区党员")
    ('辖区在职党员', '在职党员', None)
    """
    clause = clause.rstrip("了共达计 ")
    registering = _vocab().registering
    if not clause.endswith(registering):
        return None  # (one call for the whole tuple: most clauses end in no such verb)
    verb = next(v for v in registering if clause.endswith(v))
    before = clause[: -len(verb)]
    place = before.rfind("到")
    return (before[:place] if place > 0 else before) or None


def measure_of_phrase(phrase: str, unit: str, reach: int = 10) -> tuple[Indicator, dict[str, str] | None] | None:
    """The measure the longest tail of ``phrase`` (at most ``reach`` characters) names in ``unit``.

    >>> ind, parts = measure_of_phrase("辖区在职党员", "名"); ind.id, parts
    ('party_members', {'status': '在职'})
    """
    for start in range(max(0, len(phrase) - reach), len(phrase)):
        indicator, parts, _ = resolve_noun(phrase[start:], unit)
        if indicator is not None:
            return indicator, parts
    return None


def employment_outcome(upto_noun: str, after: str) -> tuple[str, dict[str, str] | None] | None:
    """The measure and part of people helped into work: the words of finding work end the counted
    phrase (帮助失业人员再就业|61人) or follow the figure (帮助42名失业人员|实现再就业).

    >>> employment_outcome("帮助失业人员再就业", ""), employment_outcome("帮助", "失业人员实现再就业")
    (('employed_persons', {'kind': '再就业'}), ('employed_persons', {'kind': '再就业'}))
    >>> employment_outcome("新增就业", ""), employment_outcome("为", "失业人员提供就业指导")
    (None, None)
    >>> employment_outcome("扶持带动就业", ""), employment_outcome("帮扶就业困难人员再就业", "")
    (('employed_persons', {'kind': '扶持带动'}), ('employed_persons', {'kind': '再就业'}))
    """
    voc = _vocab()
    words = voc.employment_words  # (one endswith of the tuple first: most phrases end in none of them)
    word = next((w for w in words if upto_noun.endswith(w)), None) if upto_noun.endswith(words) else None
    word = word or (next((w for w in words if after.endswith(w)), None) if after.endswith(words) else None)
    if word is None:
        if upto_noun.endswith(_JOBS) and (driven := _driven_kind(upto_noun[: -len(_JOBS)], voc.employment_driven)):
            return voc.employment_measure, {"kind": driven}
        return None
    kind = next((k for k in voc.employment_kinds if k in word), None)
    return voc.employment_measure, {"kind": kind} if kind else None


_JOBS = "就业"


def _driven_kind(before_jobs: str, verbs: tuple[str, ...]) -> str | None:
    """Rule ``driven_jobs``: jobs a programme made (扶持带动|就业, 帮扶高校毕业生|就业) are a part of
    employment: the group helped when one is named after the verb, else the verb phrase.

    >>> _driven_kind("扶持带动", ("带动", "扶持")), _driven_kind("帮扶高校毕业生", ("帮扶",)), _driven_kind("城镇新增", ("带动",))
    ('扶持带动', '高校毕业生', None)
    """
    at = max(((before_jobs.rfind(v), v) for v in verbs), default=(-1, ""))
    if at[0] < 0:
        return None
    group = before_jobs[at[0] + len(at[1]) :]
    if group:
        return group
    start = at[0]
    while start > 0 and any(before_jobs.endswith(v, 0, start) for v in verbs):  # 扶持|带动: the verbs joined
        start -= len(next(v for v in verbs if before_jobs.endswith(v, 0, start)))
    return before_jobs[start:]


def team_before(sentence: str, noun: str | None) -> str | None:
    """The one team a count of volunteers belongs to: a team named earlier in the sentence and not
    counted itself (组建“银铃守护”志愿服务队，吸纳志愿者 → “银铃守护”志愿服务队); None for the registered
    stock (注册志愿者) or with no team named.

    >>> team_before("社区组建“银铃守护”志愿服务队，吸纳志愿者", "志愿者")
    '“银铃守护”志愿服务队'
    >>> team_before("组建志愿服务队5支，注册志愿者", "注册志愿者"), team_before("组建志愿服务队5支，吸纳", None)
    (None, None)
    """
    voc = _vocab()
    if noun and any(word in noun for word in voc.stock_words):
        return None
    best = max(((sentence.rfind(head), head) for head in voc.team_heads), default=(-1, ""))
    at, head = best
    if at < 0:
        return None
    end = at + len(head)
    if end < len(sentence) and (sentence[end].isdigit() or sentence[end] in "一二三四五六七八九十两"):
        return None  # 组建志愿服务队5支: teams counted
    start = max(sentence.rfind(mark, 0, at) for mark in PHRASE_BREAKS + "、") + 1
    for opener in voc.team_openers:
        found = sentence.find(opener, start, at)
        if found >= 0:
            start = found + len(opener)
            break
    return sentence[start:end] or None
