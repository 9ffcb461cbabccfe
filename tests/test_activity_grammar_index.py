"""The activity grammar's per-document look-ups (nlp/activities/grammar_index.py) and the faster
forms of its routines, each held to its plain definition on generated inputs.

Texts are put together from invented pieces in the genre's style (verbs, objects, figures,
punctuation, list commas before an opener such as 投资): no corpus sentence is copied.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nlp.activities import name_checks, names, sentence_rules, verb_context
from nlp.activities.grammar_index import GrammarIndex, Occurrences
from nlp.activities.sentence_rules import sub_clauses
from nlp.activities.vocab import _verb_kind, vocab
from nlp.activities.word_trie import trie_pattern
from nlp.records import Sentence
from nlp.text.document import Text

# --- generated inputs ------------------------------------------------------------------------------

_PIECES = [
    "开展", "积极开展", "组织", "组织党员", "举办", "召开", "走访", "慰问", "加强", "推进", "建设",
    "参与", "服务", "邀请", "在", "对", "以", "为", "投资", "出资", "投入", "党组织", "社会组织",
    "主题党日活动", "志愿服务", "健康讲座", "篮球赛", "象棋赛", "困难群众", "居民", "党员", "工作",
    "文明创建活动", "道路硬化", "运动会", "已完工", "建成", "基层组织", "思想道德建设", "的", "了",
    "和", "及", "与", "等", "共", "6次", "35户", "2000平方米", "3万元", "“平安家庭”", "“党员两小时”",
    "、", "、", "，", "，", "。", "；", "：", "\n", " ",
]
genre_text = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)
# names and objects: activity heads, list marks, leading words, manner modifiers and list tails
_NAME_PIECES = [
    "志愿服务", "健康讲座", "篮球赛", "文艺晚会", "居民", "小区", "“平安家庭”", "“青年伴读”", "和", "及",
    "与", "以及", "、", "、", "等", "等活动", "等形式", "的", "了", "一场", "一系列", "各种形式的",
    "形式多样", "丰富多彩", "，", "。", " ", "达", "共", "3个",
]
name_text = st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=10).map("".join)

_LETTERS = "党组织开展，"  # few letters: words overlap and nest often
word_lists = st.lists(st.text(alphabet=_LETTERS[:5], min_size=1, max_size=4), min_size=1, max_size=8)
short_text = st.text(alphabet=_LETTERS, max_size=20)


def _alternation(words: list[str]) -> str:
    """The plain form: the words, longest first, as one alternation."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


# --- word_trie --------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(word_lists, short_text, st.integers(0, 30), st.integers(0, 30))
def test_trie_pattern_matches_as_the_alternation(words: list[str], text: str, pos: int, end: int) -> None:
    plain, trie = re.compile(_alternation(words)), re.compile(trie_pattern(words))
    assert _spans(trie.finditer(text)) == _spans(plain.finditer(text))
    found, expected = trie.search(text, pos, end), plain.search(text, pos, end)
    assert (found and found.span()) == (expected and expected.span())
    # inside a pattern that backtracks over it, and in an overlapped scan
    wrap = "(?:{})+$"
    assert _spans(re.finditer(wrap.format(trie.pattern), text)) == _spans(re.finditer(wrap.format(plain.pattern), text))
    overlapped = regex.compile(trie.pattern).findall(text, overlapped=True)
    assert overlapped == regex.compile(plain.pattern).findall(text, overlapped=True)


def test_trie_pattern_rejects_an_empty_word() -> None:
    with pytest.raises(ValueError):
        trie_pattern(["开展", ""])


# --- Occurrences ---------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(word_lists, short_text)
def test_occurrences_search_as_the_pattern(words: list[str], text: str) -> None:
    pattern = re.compile(trie_pattern(words))
    found = Occurrences(pattern, text)
    spans = [(pos, end) for pos in range(len(text) + 1) for end in range(pos, len(text) + 2)]
    for pos, end in spans:  # every span: inside a match, across one's end, past the text
        expected = pattern.search(text, pos, end)
        assert found.search(pos, end) == (expected.span() if expected else None)
    starts, ends = np.array([s for s, _ in spans]), np.array([e for _, e in spans])
    assert found.within_each(starts, ends).tolist() == [pattern.search(text, s, e) is not None for s, e in spans]


# --- GrammarIndex on generated documents -------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(genre_text)
def test_pieces_are_the_sub_clauses_of_each_clause(text: str) -> None:
    doc = Text.from_string(text)
    index = GrammarIndex(doc)
    t = doc.text
    expected = [
        (piece.norm_start, piece.norm_end, k)
        for k, clause in enumerate(doc.clauses)
        for piece in sub_clauses(t, clause)
    ]
    assert list(zip(index.piece_starts, index.piece_ends, index.piece_clause, strict=True)) == expected
    v = vocab()
    for k, sentence in enumerate(doc.sentences):
        first, last = index.sentence_first_piece[k], index.sentence_first_piece[k + 1]
        pieces = [(index.piece_starts[p], index.piece_ends[p]) for p in range(first, last)]
        whole = [(c.norm_start, c.norm_end) for c in doc.clauses_in(sentence.norm_start, sentence.norm_end)]
        assert pieces == [(c.norm_start, c.norm_end) for s, e in whole for c in sub_clauses(t, Sentence(s, e))]
        s, e = sentence.norm_start, sentence.norm_end
        assert index.sentence_has_verb[k] == (v.verb_re.search(t, s, e) is not None)
        may_name = v.completion_word_re.search(t, s, e) is not None or v.mentioned_re.search(t, s, e) is not None
        assert index.sentence_may_name[k] == may_name
    for p, (s, e) in enumerate(zip(index.piece_starts, index.piece_ends, strict=True)):
        assert index.piece_has_cue[p] == (v.cue_re.search(t, s, e) is not None)
        assert index.piece_has_verb[p] == (v.verb_re.search(t, s, e) is not None)


def _plain_is_verb_at(text: str, vs: int, ve: int, bounds: dict[int, str]) -> bool:
    """is_verb_at as first written: word starts as a dict, words containing a verb searched in a window."""
    v = vocab()
    if ve not in bounds:
        return False
    if vs not in bounds:
        fused = next((a for a in v.adverbs if text.startswith(a, vs - len(a), vs)), None)
        if fused is None or vs - len(fused) not in bounds:
            return False
    if text[vs:ve] in v.nominal and text[ve : ve + 1] not in ("了", "过"):
        before = next((p for p in range(vs - 1, max(-1, vs - 32), -1) if p in bounds), None)
        previous = bounds[before] if before is not None else ""
        if bounds.get(vs, "") in ("vn", "n") and (previous.startswith("n") or previous == "vn"):
            return False
    low, high = max(0, vs - v.not_verb_len + 1), vs + v.not_verb_len
    window = v.not_verb_re.finditer(text, low, high, overlapped=True)
    return not any(m.start() <= vs < m.end() for m in window)


def _pieces_as_verb_items_reads(index: GrammarIndex, t: str):
    """``(start, end, word bounds)`` of each non-empty piece, its end before the clause marks, as
    verb_items reads a piece."""
    for p, (cs, ce) in enumerate(zip(index.piece_starts, index.piece_ends, strict=True)):
        ce = cs + len(t[cs:ce].rstrip(names.CLAUSE_PUNCT))
        if ce > cs:
            yield cs, ce, index.word_bounds(index.piece_clause[p], cs, ce)


@settings(max_examples=150, deadline=None)
@given(genre_text)
def test_word_bounds_and_is_verb_at_as_their_plain_definitions(text: str) -> None:
    doc = Text.from_string(text)
    index = GrammarIndex(doc)
    t, verb = doc.text, regex.compile(vocab().verb_re.pattern)
    for cs, ce, bounds in _pieces_as_verb_items_reads(index, t):
        plain = doc.word_starts(cs, ce)
        assert set(plain) == {o for o in range(cs, ce + 1) if o in bounds}
        # the verbs' first test, both edges asked at once: ``a in bounds and b in bounds``, for
        # every pair in and around the span (before it, its edges, past its end)
        offsets = range(max(0, cs - 2), ce + 3)
        for a in offsets:
            for b in offsets:
                assert bounds.holds_word(a, b) == (a in bounds and b in bounds), (a, b)
        for m in verb.finditer(t, cs, ce, overlapped=True):
            assert verb_context.is_verb_at(index, *m.span(), bounds) == _plain_is_verb_at(t, *m.span(), plain)


# --- the name routines' fast paths ---------------------------------------------------------------------


def _plain_trim(text: str, start: int, end: int) -> tuple[int, int]:
    """trim as first written, without the test of its edges that returns at once."""
    v = vocab()
    changed = True
    while changed and start < end:
        piece = text[start:end]
        left = piece.lstrip(names.CLAUSE_PUNCT)
        kept = left.rstrip(names.CLAUSE_PUNCT + names.TRAILING)
        changed = len(kept) < len(piece)
        start += len(piece) - len(left)
        end = start + len(kept)
        if start >= end:
            break
        for word in v.leading_by_char.get(text[start], ()):
            if text.startswith(word, start, end) and end - start > len(word) + 1:
                start, changed = start + len(word), True
                break
        if start >= end:
            break
        for word in v.modifiers_by_char.get(text[start], ()):
            if text.startswith(word, start, end):
                after = start + len(word)
                if text.startswith("的", after, end):
                    after += 1
                if end - after >= 2:
                    start, changed = after, True
                break
    return start, end


@settings(max_examples=300, deadline=None)
@given(name_text, st.integers(0, 8), st.integers(0, 8))
def test_trim_as_its_plain_definition(text: str, a: int, b: int) -> None:
    start, end = min(a, len(text)), max(0, len(text) - b)
    assert names.trim(text, start, end) == _plain_trim(text, start, end)


@contextmanager
def _slow_paths() -> Iterator[None]:
    """Every span holds a split mark and a list tail: split_items and strip_tail take their slow paths."""
    saved = names._SPLIT_MARK, name_checks._tails
    names._SPLIT_MARK, name_checks._tails = re.compile(""), lambda: re.compile("")
    try:
        yield
    finally:
        names._SPLIT_MARK, name_checks._tails = saved


@settings(max_examples=300, deadline=None)
@given(name_text, st.integers(0, 4), st.integers(0, 4), st.booleans(), st.booleans())
@example("篮球赛和文艺晚会", 0, 0, False, False)
@example("“平安家庭”“青年伴读”等活动", 0, 0, False, False)
@example("篮球赛、文艺晚会及健康讲座等活动", 0, 0, False, True)
def test_split_items_as_without_the_quick_tests(text: str, a: int, b: int, enumerating: bool, strict: bool) -> None:
    start, end = min(a, len(text)), max(0, len(text) - b)
    fast = names.split_items(text, start, end, enumerating, strict)
    with _slow_paths():
        assert names.split_items(text, start, end, enumerating, strict) == fast


@settings(max_examples=300, deadline=None)
@given(name_text)
def test_strip_tail_and_cut_as_their_plain_definitions(item: str) -> None:
    plain = next((item[:i] for tail in vocab().list_tails if (i := item.find(tail)) >= 2), item)
    assert name_checks.strip_tail(item) == plain
    masked = names.outside_quotes(item)
    cuts = [i for i, ch in enumerate(masked) if ch == "、"]
    bounds = [-1, *cuts, len(item)]
    assert names._cut_at(item, "、") == [(a + 1, b) for a, b in zip(bounds, bounds[1:], strict=False)]


def test_verb_kind_is_the_first_verb_kind_the_verb_ends_with() -> None:
    for verb in [*vocab().light, *vocab().content, "某某", "组织开展"]:
        plain = next((kind for word, kind in vocab().verb_kinds.items() if verb.endswith(word)), None)
        assert _verb_kind(verb) is plain


# A clause of names and counted figures: (text, its figures as (start, end, unit)).
_NOUN_NAMES = ["党课", "居民代表大会", "社区", "每年", "共", "累计", "开展", "消防安全培训", "志愿者队伍", "绿地面积",
               "投资", "建筑", "的公厕", "，", "、", "其中", "健康讲座", "文艺汇演", "地震捐款", "现有党员"]
_NOUN_FIGURES = [("2", "次"), ("4", "场"), ("25", "%"), ("5930", "元"), ("3", "支"), ("40", "平方米"), ("200", "人")]


@st.composite
def counted_clauses(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text, figures = "", []
    for piece in draw(st.lists(st.sampled_from(_NOUN_NAMES) | st.sampled_from(_NOUN_FIGURES), min_size=1, max_size=12)):
        if isinstance(piece, tuple):
            figures.append((len(text), len(text) + len(piece[0] + piece[1]), piece[1]))
            piece = piece[0] + piece[1]
        text += piece
    return text, figures


@settings(max_examples=400, deadline=None)
@given(counted_clauses())
@example(("党课2次", [(2, 4, "次")]))
@example(("投资8万元修建60平方米的公厕1个", [(2, 5, "元"), (7, 12, "平方米"), (15, 17, "个")]))
def test_noun_items_as_without_the_quick_head_test(clause: tuple[str, list[tuple[int, int, str]]]) -> None:
    """A figure with no head word in its reach is skipped at once: the same finds as reading it."""
    import dataclasses

    from nlp.activities import clause_rules

    text, figures = clause
    span = Sentence(0, len(text))
    fast = clause_rules.noun_items(text, span, figures, span, 0)
    saved = clause_rules.vocab
    everywhere = dataclasses.replace(vocab(), head_re=re.compile(""))  # a "head" at every offset
    clause_rules.vocab = lambda: everywhere
    try:
        assert clause_rules.noun_items(text, span, figures, span, 0) == fast
    finally:
        clause_rules.vocab = saved


@settings(max_examples=300, deadline=None)
@given(name_text)
@example("象棋赛")
@example("，乒乓球赛等活动。")
def test_continuation_as_without_the_quick_head_test(text: str) -> None:
    """A clause with no head word is no continued list item: the same finds as reading it."""
    import dataclasses

    from nlp.activities import verbless_rules

    span = Sentence(0, len(text))
    fast = verbless_rules.continuation(text, span, span, 0)
    saved = verbless_rules.vocab
    everywhere = dataclasses.replace(vocab(), head_re=re.compile(""))  # a "head" at every offset
    verbless_rules.vocab = lambda: everywhere
    try:
        assert verbless_rules.continuation(text, span, span, 0) == fast
    finally:
        verbless_rules.vocab = saved


@settings(max_examples=300, deadline=None)
@given(genre_text)
@example("以“平安家庭”创建活动为载体，道路硬化已完工。")
@example("在街道运动会中获奖，新建公厕已建成")
def test_completion_and_mention_rules_need_their_own_word(text: str) -> None:
    """The index asks one flag for both rules (``sentence_may_name``): each must find nothing in a
    clause without its own word, whatever the other's words there."""
    from nlp.activities import verbless_rules

    v = vocab()
    doc = Text.from_string(text)
    t = doc.text
    for sentence in doc.sentences:
        for clause in doc.clauses_in(sentence.norm_start, sentence.norm_end):
            s, e = clause.norm_start, clause.norm_end
            if v.completion_word_re.search(t, s, e) is None:
                assert verbless_rules.completed(t, clause, sentence, 0) == []
            if v.mentioned_re.search(t, s, e) is None:
                assert verbless_rules.mentioned(t, clause, sentence, 0) == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="社区工作总结报告计划，,。；;：: \u3000活动", max_size=16))
def test_a_text_ending_with_a_clause_mark_is_no_title(text: str) -> None:
    # find_in_sentence asks is_title only of sentences not ending so: the test it skips says no
    if text[-1:] in sentence_rules._TITLE_BREAKS:
        assert not sentence_rules.is_title(text)
    assert sentence_rules.is_title(text) == (
        text.strip().endswith(vocab().title_ends) and not any(ch in text.strip() for ch in "，,。；;：:")
    )


# --- the cheaper tests first (sp16b) --------------------------------------------------------------------

# dividing verbs, counts, classifiers and group heads, near and far from a name, across clause ends
_GROUP_PIECES = [
    "下设", "分成", "组成", "成立", "宣传", "督查", "、", "等", "4", "12", "三", "两", "个", "支", "工作组",
    "小分队", "志愿服务队", "班", "居民", "巡逻队", "，", "。", "：", "的", "开展", "活动",
]
group_text = st.lists(st.sampled_from(_GROUP_PIECES), min_size=1, max_size=40).map("".join)


def _plain_divided_into_groups(text: str, start: int, end: int) -> bool:
    """divided_into_groups as first written: the count's pattern tried after every name."""
    counted_before = text.startswith(name_checks.GROUP_COUNTERS, start - 1)
    if not counted_before and name_checks._COUNT_AFTER.match(text, end, end + name_checks._DIVIDED_REACH) is None:
        return False
    return name_checks._divided().search(text, max(0, start - name_checks._DIVIDED_REACH), start) is not None


@settings(max_examples=200, deadline=None)
@given(group_text)
@example("下设宣传、督查等4个工作组，成立2个志愿服务队")
@example("组成巡逻、宣传三支小分队")
def test_divided_into_groups_as_its_plain_definition(text: str) -> None:
    for s in range(len(text)):
        for e in range(s + 1, min(len(text), s + 8) + 1):
            assert name_checks.divided_into_groups(text, s, e) == _plain_divided_into_groups(text, s, e), (s, e)


def test_a_classifier_at_the_edge_of_the_reach_still_counts() -> None:
    # the count's classifier as the last character the pattern may read: the gate must see it too
    name = "宣传"
    filler = "和" * (name_checks._DIVIDED_REACH - 3)
    text = "下设" + name + filler + "4个组"
    start, end = 2, 2 + len(name)
    assert text.index("个") == end + name_checks._DIVIDED_REACH - 2
    assert name_checks.divided_into_groups(text, start, end) == _plain_divided_into_groups(text, start, end)
    assert name_checks.divided_into_groups(text, start, end)


@settings(max_examples=150, deadline=None)
@given(genre_text)
def test_a_verb_inside_a_word_that_is_no_verb_is_never_one(text: str) -> None:
    # verb_items skips a match starting in ``not_verb_offsets`` before it makes the piece's word bounds:
    # is_verb_at must reject every such match whatever the bounds say
    doc = Text.from_string(text)
    index = GrammarIndex(doc)
    t, verb = doc.text, regex.compile(vocab().verb_re.pattern)
    for cs, ce, bounds in _pieces_as_verb_items_reads(index, t):
        for m in verb.finditer(t, cs, ce, overlapped=True):
            if m.start() in index.not_verb_offsets:
                assert not verb_context.is_verb_at(index, *m.span(), bounds)
