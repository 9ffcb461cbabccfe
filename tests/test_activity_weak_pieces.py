"""The screen of weak-only pieces (nlp/activities/weak_pieces.py): the activity rules find the same
with it and without it, and each of its two tests holds to its plain definition.

Texts are put together from invented pieces in the genre's style (weak and other verbs, activity
heads, plain nouns, figures, punctuation): no corpus sentence is copied.
"""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp.activities import extract
from nlp.activities.clause_rules import verb_items
from nlp.activities.grammar_index import GrammarIndex, Occurrences, word_scans
from nlp.activities.vocab import vocab
from nlp.activities.weak_pieces import strong_verb_spans
from nlp.pipeline import parse_text
from nlp.records import Sentence
from nlp.text.document import Text

_PIECES = [
    # weak verbs, other verbs, verbs inside longer words
    "加强", "推进", "做好", "完成", "建立", "参加", "发放", "建设", "健全", "落实",
    "开展", "举办", "召开", "走访", "慰问", "组织", "组织党员", "党组织", "建成", "新建", "完成",
    "立健全", "立", "户",  # after 新建 or 完成, they make a verb that is not weak begin inside it
    # activity heads and plain nouns
    "活动", "讲座", "培训", "篮球赛", "志愿服务", "“平安家庭”", "居民", "社区", "管理", "工作",
    "安全", "环境", "制度", "意识", "队伍", "困难群众",
    # figures, particles, list marks, punctuation
    "6次", "35户", "3万元", "共", "的", "了", "和", "等", "投资", "、", "，", "，", "。", "；", "\n",
]
genre_text = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map("".join)


def _rule_finds(text: str, screen: bool) -> list[tuple]:
    """The rules' finds (no learned tagger) of ``text``, with the screen on or off."""
    parse = parse_text(text, disable=["activities", "categories", "checks"])
    index = partial(GrammarIndex, screen_weak_pieces=screen)
    saved = extract.GrammarIndex
    extract.GrammarIndex = index
    try:
        ordered, _, _, found, _ = extract._finds(parse.text, parse.sections, parse.facts, learned=False)
    finally:
        extract.GrammarIndex = saved
    return [tuple(f) for f in found]


@settings(max_examples=150, deadline=None)
@given(genre_text)
@example("加强社区管理，做好安全工作，开展篮球赛6次。")
@example("走访居民，慰问老党员。")  # other verbs find names without a head
@example("新建立健全居民公约，完成立项。")  # 建立健全 and 成立 begin inside 新建 and 完成
@example("推进志愿服务队伍建设，建立健全制度，发放慰问金3万元。")
@example("组织党员参加培训，党组织建设，完成环境整治和“平安家庭”创建活动。")
def test_the_rules_find_the_same_with_and_without_the_screen(text: str) -> None:
    assert _rule_finds(text, screen=True) == _rule_finds(text, screen=False)


@settings(max_examples=200, deadline=None)
@given(genre_text)
@example("加强社区管理，做好安全工作。")
def test_verb_items_finds_nothing_in_a_screened_piece(text: str) -> None:
    """Each piece with a verb that the screen leaves out gives ``verb_items`` nothing when no
    figure lies in it (the only case in which the rules skip it)."""
    doc = Text.from_string(text)
    index = GrammarIndex(doc)
    sentence = Sentence(0, len(doc.text))
    for p, (s, e) in enumerate(zip(index.piece_starts, index.piece_ends, strict=True)):
        if index.piece_has_verb[p] and not index.piece_verbs_may_act[p]:
            assert verb_items(index, (s, e), index.piece_clause[p], [], sentence, 0) == []


@settings(max_examples=300, deadline=None)
@given(genre_text)
def test_every_offset_outside_the_strong_spans_starts_weak_verbs_only(text: str) -> None:
    """Plain definition: at an offset no strong span holds, every verb of the list that occurs
    there (at any length, to any end) is weak."""
    v = vocab()
    verbs = {*v.light, *v.content}
    found = Occurrences(v.verb_re, text)
    starts, ends = strong_verb_spans(found)
    # read by the index of each match's word, as the grammar index's scan gives them: the same
    scanned = strong_verb_spans(Occurrences(v.verb_re, text, word_scans()[0].spans(text)))
    assert [scanned[0].tolist(), scanned[1].tolist()] == [starts.tolist(), ends.tolist()]
    held = {q for s, e in zip(starts.tolist(), ends.tolist(), strict=True) for q in range(s, e)}
    for q in range(len(text)):
        if q not in held:
            there = [w for w in verbs if text.startswith(w, q)]
            assert all(w in v.weak_verbs for w in there), (q, there)


@pytest.mark.parametrize(
    ("clause", "may_act"),
    [
        ("加强居民联系", False),  # weak verb, no head, no figure
        ("推进居民自治", False),
        ("开展居民联系", True),  # a verb that is not weak
        ("加强安全知识讲座", True),  # weak verb, an activity head after it
        ("讲座加强", False),  # the head before the only verb: no name can hold it
        ("党风廉政建设", False),  # the head is the only verb itself
        ("新建居民公约", False),
        ("新建立健全居民公约", True),  # 建立健全, not weak, begins inside 新建
        ("加强党风廉政建设", True),  # a head after the first verb
        ("居民", False),  # no verb at all
    ],
)
def test_a_piece_may_act_with_a_strong_verb_or_a_head_after_its_first_verb(clause: str, may_act: bool) -> None:
    index = GrammarIndex(Text.from_string(clause + "。"))
    assert index.piece_verbs_may_act == [may_act]
