"""Where a whole and the run of its parts stop (partitions.toml [runs]).

Named rules, each read from the shape of the clause, never from one phrase:

- ``work_clause``: a 其中 list is nominal (其中女党员12名，预备党员3名); a later clause that opens
  with a verb of work or a preposition of service (为/对/组织/开展 …) reports work done, so the list
  has ended — 残疾人247人，其中重度58人，为41名残疾人办理补贴，60岁以上老人3916人: the 3916 is
  no part of the 247. Unless the 其中 part opened with the same verb (其中开展文艺活动10次，开展
  体育活动8次 lists activities by kind).
- ``other_measure``: money named by another measure than the whole's is no part of it — 上缴税收
  2860万元，其中某商贸城营业额突破1亿元 (turnover is no part of tax); parts by source or use name no
  measure of their own (其中区财政补助1240万元).
- ``no_whole``: a figure per unit (人均耕地2.6亩, 户均2.9人) or a change reached from a comparison
  base (比上年的72人增加14人) is no whole of a 其中 after it nor the total of a partition.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from nlp.checks.contexts import Context
from nlp.checks.intervals import vocab
from nlp.checks.markers import _subset_label, is_change

_CLAUSE_BREAKS = "，,；;"


def _runs() -> dict:
    return vocab()["runs"]


@lru_cache(maxsize=4096)
def _opening_verb(label: str) -> str | None:
    """The verb of work or preposition of service a label opens with (为, 组织, 开展 …), else None."""
    text = label.strip(" 、，,：:").removeprefix("其中").lstrip(" ，,：:")
    words = _runs()["work_openers"] + vocab()["markers"]["activity_verbs"]
    if not text.startswith(tuple(words)):
        return None  # (most labels open with none: no need to try them longest first)
    for word in sorted(words, key=len, reverse=True):
        if text.startswith(word):
            return word
    return None


def _clause_break_before(ctxs: Sequence[Context], i: int, text: str) -> bool:
    between = text[ctxs[i - 1].fact.norm_end : ctxs[i].fact.norm_start]
    return any(ch in between for ch in _CLAUSE_BREAKS)


def _bare(label: str) -> str:
    return label.strip(" 、，,：:").removeprefix("其中").strip(" 、，,：:")


def foreign_clause(ctxs: Sequence[Context], i: int, opener: int, whole: Context, text: str) -> bool:
    """Figure ``i`` opens a later clause that names no part of ``whole`` (rule ``foreign_clause``):
    not a member of a named partition nor an age band, and its words end otherwise than the
    whole's and the first part's — 共有企业46家，其中规模以上企业12家，个体工商户320家: the 320 is
    another whole. 其中男党员120名，35岁以下党员28名 and 其中男性…，女性… stay parts."""
    from nlp.checks.partitions import part_band, part_of

    if i <= opener or whole.family == "元" or not _clause_break_before(ctxs, i, text):
        return False  # money by source names no common noun (财政补助…，居民自筹…): other_measure reads it
    label = _bare(ctxs[i].label)
    if len(label) <= 1 or part_of(ctxs[i].label, whole.label) is not None or part_band(ctxs[i].label) is not None:
        return False
    ends = {_bare(whole.label)[-1:], _bare(ctxs[opener].label)[-1:]} - {""}
    return not label.endswith(tuple(ends))


def parallel_whole(ctxs: Sequence[Context], k: int) -> bool:
    """Figure ``k``, the figure before a 其中, follows a figure of its unit in its sentence that is
    no total of it and no comparison: two wholes side by side, so which one the 其中 splits is not
    said (rule ``parallel_whole``) — 户籍人口3200人，流动人口860人，其中男性1650人…"""
    from nlp.checks.markers import _is_total

    if k == 0:
        return False
    whole = ctxs[k]
    j = k - 1
    while j >= 0 and ctxs[j].paren != whole.paren and ctxs[j].sentence == whole.sentence:
        j -= 1  # a parenthesis on an earlier figure (总人口1106人（男…、女…），劳动力672人) names no whole beside it
    if j < 0:
        return False
    before = ctxs[j]
    if before.sentence != whole.sentence or before.family != whole.family or before.aside != whole.aside:
        return False
    if not _bare(before.label):
        return False  # 共有农户412户1386人: the persons go with the households before them, a stated total
    if _is_total(before) or _is_total(whole) or no_whole(ctxs, j) or no_whole(ctxs, k):
        return False
    return not _subset_label(before.label) and not _subset_label(whole.label)


def work_clause(ctxs: Sequence[Context], i: int, opener: int, text: str) -> bool:
    """Figure ``i`` opens a clause of work after the 其中 clause of figure ``opener``: the list of
    parts has ended (rule ``work_clause``)."""
    if i <= opener or i == 0:
        return False
    c = ctxs[i]
    if not _clause_break_before(ctxs, i, text):
        return False  # the same clause as the figure before: still the list (其中男30人、女11人)
    verb = _opening_verb(c.label)
    return verb is not None and verb != _opening_verb(ctxs[opener].label)


@lru_cache(maxsize=4096)
def _measure_of(label: str) -> str | None:
    """The group of the money measure a label names (税收, 营业额, 产值 …), the longest word first."""
    groups: dict[str, list[str]] = _runs()["money_measures"]
    best: tuple[int, str] | None = None
    for group, words in groups.items():
        for word in words:
            if word in label and (best is None or len(word) > best[0]):
                best = (len(word), group)
    return best[1] if best else None


def other_measure(part: Context, whole: Context) -> bool:
    """The part is money of another measure than the whole's (rule ``other_measure``)."""
    if part.family != "元" or whole.family != "元":
        return False
    mine, theirs = _measure_of(part.label), _measure_of(whole.label)
    return mine is not None and theirs is not None and mine != theirs


@lru_cache(maxsize=4096)
def per_unit(label: str) -> bool:
    """The figure is per person, household or unit (人均耕地, 户均, 每人每月): no whole, no total."""
    return any(word in label for word in _runs()["per_unit"])


def change_from_base(ctxs: Sequence[Context], k: int) -> bool:
    """Figure ``k`` is a change reached from the comparison base stated just before it in its
    clause: 比上年的72人增加14人 (the 72 is the base, the 14 the change)."""
    if k == 0 or not ctxs[k].label.startswith(tuple(_runs()["change_verbs"])):
        return False
    base = ctxs[k - 1]
    return base.sentence == ctxs[k].sentence and is_change(base.label)


def no_whole(ctxs: Sequence[Context], k: int) -> bool:
    """Figure ``k`` can be no whole of the parts after it (rule ``no_whole``)."""
    label = ctxs[k].label
    return is_change(label) or per_unit(label) or change_from_base(ctxs, k)


# A remainder is read among this many figures after the last part, in the part's sentence.
MAX_REMAINDER_AFTER = 3


# A remainder said in words is looked for this many characters after the last part.
MAX_REMAINDER_WORDS = 24


def remainder_after(ctxs: Sequence[Context], last_part: Context, text: str = "") -> bool:
    """A figure of the parts' unit right after them says there are more (rule ``remainder``:
    其中城镇户1200户，农村户600户，另有空挂户60户; 其余40人为在校学生): the named parts are not all.
    So does a clause after the last part opening with such a word, with no figure (rule
    ``remainder_in_words``: 其中外出务工1160人、在家务农620人，其余在本地企业务工)."""
    words = _runs()["remainder"]
    i = bisect_left(ctxs, last_part.fact.norm_start, key=lambda c: c.fact.norm_start)
    if text:  # up to the next figure, at most a clause or two: linear on a sentence of many figures
        end = min(last_part.sent_end, last_part.fact.norm_end + MAX_REMAINDER_WORDS)
        if i + 1 < len(ctxs):
            end = min(end, ctxs[i + 1].fact.norm_start)
        rest = text[last_part.fact.norm_end : end]
        if any(clause.lstrip().startswith(tuple(words)) for clause in re.split("[，,；;]", rest)[1:]):
            return True
    for c in ctxs[i + 1 : i + 1 + MAX_REMAINDER_AFTER]:
        if c.sentence != last_part.sentence:
            break
        if c.family == last_part.family and any(w in c.label for w in words):
            return True
    return False
