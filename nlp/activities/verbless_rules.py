"""The activity grammar for clauses without a verb of doing: an enumerated list (…一系列活动,如:
A、B), a list continued in the next clause, a project reported finished, a named activity
mentioned in passing.
"""

from __future__ import annotations

import regex

from nlp.activities.clause_rules import Found
from nlp.activities.name_checks import ends_with_activity_head, has_head, is_slogan, strip_tail
from nlp.activities.names import CLOSE_QUOTES, OPEN_QUOTES, outside_quotes, split_items, split_pair, trim
from nlp.activities.vocab import holds_head, kind_keyword, vocab
from nlp.records import ActivityKind, Sentence

_DIGIT = regex.compile(r"\d")
_ORDINAL = regex.compile(r"[一二三四五六七八九十]{1,2}是")  # 一是, 二是: inline numbering, no part of a name
_NOT_A_NAME = regex.compile(r"\d|上述|以上|各项|该|所有")  # a figure or a pointer back: no project's own name


def enumerated(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[Found]:
    """…一系列活动,如:腊八节送腊八粥、迎新春茶话会 — every listed item is an activity."""
    s, e = trim(text, clause.norm_start, clause.norm_end)
    items = [trim(text, a, b) for a, b in split_items(text, s, e, enumerating=True)]
    items = [(a, b) for a, b in items if 2 <= b - a <= 30 and not is_slogan(text[a:b])]
    return [Found(a, b, None, a, clause.norm_end, sentence, group + 1) for a, b in items]


def continuation(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[Found]:
    """,象棋赛,乒乓球赛: a short verbless clause of activity nouns continuing a list."""
    v = vocab()
    if not holds_head()(text, clause.norm_start, clause.norm_end):  # (``v.head_re`` not found)
        return []  # the name must end with an activity head: with no head word in the clause, none
    s, e = trim(text, clause.norm_start, clause.norm_end)
    name = strip_tail(text[s:e])
    e = s + len(name)
    # each test alone rejects the name, so the cheapest runs first (the length: most clauses are longer)
    if (
        2 <= e - s <= 12
        and ends_with_activity_head(name.rstrip(CLOSE_QUOTES))
        and v.verb_re.match(name) is None  # verbless
        and not name.startswith(v.prepositions + ("即", "做到", "结合"))
        and not is_slogan(name)
        and not _DIGIT.search(name)
    ):
        return [Found(s, e, None, s, clause.norm_end, sentence, group)]
    return []


def completed(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[Found]:
    """人畜饮水工程已经完工, 全长3公里的滨河路已竣工通车, 8处健身广场投入使用: a named project reported
    finished (or opened, or started: 开工建设)."""
    m = vocab().completion_re.search(text, clause.norm_start, clause.norm_end)
    if m is None:
        return []
    v = vocab()
    s, e = trim(text, clause.norm_start, clause.norm_end)
    de = text.rfind("的", s, m.start())
    start = de + 1 if de >= 0 else s
    ordinal = _ORDINAL.match(text, start, m.start())  # 一是通组公路硬化工程已完工: the list's numbering
    if ordinal is not None:
        start = ordinal.end()
    lead = v.count_lead_re.match(text, start, m.start())  # 8处健身广场投入使用: the count is no part of the name
    if lead is not None:
        start = lead.end()
    found = []
    for a, b in split_pair(text, *trim(text, start, m.start())):
        name = text[a:b]
        if 2 <= b - a <= 20 and (has_head(name) or name.endswith(v.facility_ends)) and not is_slogan(name):
            if not _NOT_A_NAME.search(name) and name not in v.generic:
                found.append(
                    Found(
                        a,
                        b,
                        None,
                        clause.norm_start,
                        clause.norm_end,
                        sentence,
                        group + 1,
                        ActivityKind.PROJECT,
                    )
                )
    return found


def mentioned(text: str, clause: Sentence, sentence: Sentence, group: int) -> list[Found]:
    """以“平安家庭”创建活动为载体, 在街道运动会中: a named activity mentioned without a verb of doing."""
    v = vocab()
    if v.mentioned_re.search(text, clause.norm_start, clause.norm_end) is None:
        return []
    s, e = trim(text, clause.norm_start, clause.norm_end)
    found = []
    for m in v.mentioned_re.finditer(text, s, e):
        start = s
        for frame in v.frames:
            i = text.rfind(frame, s, m.start())
            if i >= 0 and i + len(frame) > start and not _quoted_at(text, s, i):
                start = i + len(frame)
        a, b = trim(text, start, m.end())
        name = text[a:b]
        if b - a < 4 or b - a > 24 or _DIGIT.search(name) or is_slogan(name) or name in v.generic:
            continue
        if name.startswith(v.modifiers) or name.startswith(
            ("各", "本", "此", "这", "该", "相关", "多", "如")
        ):
            continue
        verb = v.verb_re.search(outside_quotes(name))
        if verb is not None and verb.group() not in ("创建", "学习"):  # a clause, not a name
            continue
        items = split_pair(text, a, b)
        head = kind_keyword(text[items[-1][1] : b]) if len(items) > 1 else None  # “…”“…”创建活动
        found = [Found(x, y, None, a, clause.norm_end, sentence, group + 1, head) for x, y in items]
    return found


def _quoted_at(text: str, start: int, i: int) -> bool:
    """True when position ``i`` is inside quotes opened after ``start``."""
    piece = text[start:i]
    return sum(piece.count(q) for q in OPEN_QUOTES) > sum(piece.count(q) for q in CLOSE_QUOTES)


