"""The activity stage's shortcuts against the plain routines they replace (issue 8).

``extract._records`` asks ``_linked`` once per stretch and (through the facts' ``PlanState``)
``is_planned_sentence`` once per window, and binds the offset map once; the tests of a whole name (``has_head``, ``is_slogan``,
``is_aim``, ``ends_with_activity_head``, ``kind_keyword``, ``type_of_name``, the rules' kind
``_kind_of``) are cached by name; ``_dedupe`` orders by two stable sorts instead of a key function; ``_activity`` fills a record's fields at
once.
Here each is held to the plain computation, one find or one name at a time, on generated
documents and names in the genre's style (phrases invented for the test).
"""

from __future__ import annotations

from bisect import bisect_left

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities import activity_types as types_module
from nlp.activities import extract
from nlp.activities.clause_rules import Found
from nlp.activities.extract import _dedupe, _finds, _kind_of, _linked, _records
from nlp.activities.name_checks import ends_with_activity_head, has_head, is_aim, is_slogan
from nlp.activities.sentence_rules import ranges_within
from nlp.activities.vocab import activity_types, kind_keyword, type_of_name, vocab
from nlp.figures.facts import plan_state, plan_window
from nlp.figures.planned import is_planned_sentence
from nlp.figures.year_ahead import is_year_ahead_figure
from nlp.pipeline import parse_text
from nlp.records import Activity, ActivityKind, Category, Sentence

LEADS = ["", "今年", "全年", "下一步,", "计划", "力争", "明年将继续", "社区党支部", "我们"]
VERBS = ["开展", "组织", "举办", "召开", "成立", "走访慰问", "加强", "推进", "新建", "组织党员参观"]
OBJECTS = [
    "消防安全培训",
    "篮球赛、象棋赛、乒乓球赛等文体活动",
    "“邻里节”“好邻居”等评选活动",
    "居民代表大会",
    "健康知识讲座和义诊活动",
    "辖区困难群众",
    "志愿服务队",
    "和谐社区建设",
    "老年活动室",
    "垃圾分类宣传进小区活动",
]
TAILS = ["", "3次", "12场", ",参与群众200余人次", ",覆盖居民1500户", "1个", ",投资5万元"]
ENDS = ["。", "；", ",", "。\n"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    clauses = draw(
        st.lists(
            st.tuples(*(st.sampled_from(words) for words in (LEADS, VERBS, OBJECTS, TAILS, ENDS))),
            min_size=1,
            max_size=12,
        )
    )
    heading = draw(st.sampled_from(["", "一、党建工作\n", "二、下半年工作计划\n"]))
    return heading + "".join("".join(parts) for parts in clauses)


def _plain_records(doc, sections, ordered, sentence_facts, index, found, learned_kinds, plan_document):
    """The records as the stage made them before: every question asked of every find."""
    text = doc.text
    group_facts: dict[int, set[int]] = {}
    for f in found:
        inside = sentence_facts.get(f.sentence.norm_start)
        if inside is None:
            inside = [x for x in ordered if f.sentence.norm_start <= x.norm_start < f.sentence.norm_end]
        group_facts.setdefault(f.group, set()).update(_linked(f, inside, index))
    section_at = extract.SectionLookup(sections)
    plans = plan_state(doc, sections, plan_document, None)
    activities = []
    for i, f in enumerate(found):
        start, end = doc.to_original(f.norm_start, f.norm_end)
        section = section_at(f.norm_start)
        verb = None
        if f.verb is not None:
            vs, ve = doc.to_original(f.reach_start, f.reach_start + len(f.verb))
            verb = doc.original[vs:ve]
        name = text[f.norm_start : f.norm_end]
        kind_type = type_of_name.__wrapped__(name)
        activities.append(
            Activity(
                id=i,
                section=section.id if section else None,
                start=start,
                end=end,
                text=doc.original[start:end],
                verb=verb,
                name=doc.original[start:end],
                kind=learned_kinds[i]
                if learned_kinds is not None
                else _kind_of.__wrapped__(name, f.verb, f.list_kind),
                facts=tuple(sorted(group_facts.get(f.group, ()))),
                category=kind_type.category if kind_type is not None else Category.OTHER,
                planned=plans.in_plan_part(f.norm_start)
                or plans.led(f.norm_start)  # rule sentence_lead
                or is_planned_sentence(plan_window(doc, f.norm_start, f.norm_end))
                or is_year_ahead_figure(doc, f.norm_start, f.norm_end, None),
                norm_start=f.norm_start,
                norm_end=f.norm_end,
            )
        )
    return tuple(activities)


@pytest.mark.parametrize("learned", [False, True])
@settings(max_examples=60, deadline=None)
@given(text=documents(), plan_document=st.booleans())
def test_records_match_the_plain_per_find_questions(text: str, plan_document: bool, learned: bool) -> None:
    p = parse_text(text, disable=["activities", "categories", "checks"])
    assert p.text is not None
    made = _finds(p.text, p.sections, p.facts, learned)
    fast = _records(p.text, p.sections, *made, plan_state(p.text, p.sections, plan_document, None))
    assert fast == _plain_records(p.text, p.sections, *made, plan_document)
    assert fast == extract.find_activities(p.text, p.sections, p.facts, plan_document, learned)


def test_an_activity_filled_at_once_is_the_dataclasss_record() -> None:
    values = (3, 1, 10, 16, "健康讲座", "举办", "健康讲座", ActivityKind.TRAINING, (2,), Category.HEALTH_EPIDEMIC, True, 9, 15)
    made, plain = extract._activity(*values), Activity(*values)
    assert made == plain and vars(made) == vars(plain) and repr(made) == repr(plain) and hash(made) == hash(plain)
    with pytest.raises(ValueError):  # a field missing: refused, not a record without it
        extract._activity(*values[:-1])


def test_generated_documents_have_activities_to_compare() -> None:
    # the property above must compare something: a typical generated document has finds
    p = parse_text("今年开展消防安全培训3次,参与群众200余人次。下一步,力争举办居民代表大会。")
    assert p.text is not None
    assert [a.name for a in p.activities] == ["消防安全培训", "居民代表大会"]
    assert [a.planned for a in p.activities] == [False, True]


NAME_PIECES = [*OBJECTS, "的", "工作", "意识", "精神", "“", "”", "等", "活动", "队", "党员", "居民", "讲座", "中"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NAME_PIECES) | st.text(alphabet="社区服务建设宣传学习会议", max_size=3), max_size=5))
def test_name_tests_cached_by_name_answer_as_the_plain_ones(pieces: list[str]) -> None:
    name = "".join(pieces)
    for cached in (has_head, is_aim, kind_keyword, type_of_name, ends_with_activity_head):
        assert cached(name) == cached.__wrapped__(name), cached.__name__
        assert cached(name) == cached.__wrapped__(name), cached.__name__  # a second time: from the cache
    for content in (False, True):
        assert is_slogan(name, content=content) == is_slogan.__wrapped__(name, content=content)
    for verb in (None, "开展", "走访", "成立", "新建", "评选"):
        for list_kind in (None, kind_keyword("评选活动")):
            assert _kind_of(name, verb, list_kind) == _kind_of.__wrapped__(name, verb, list_kind)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.integers(0, 3)), max_size=20))
def test_dedupe_keeps_what_the_plain_key_order_keeps(spans: list[tuple[int, int, int]]) -> None:
    sentence = Sentence(0, 40)
    found = [Found(s, s + n, None, s, s + n, sentence, group) for s, n, group in spans]
    plain: list[Found] = []
    for f in sorted(found, key=lambda x: (x.norm_start, -x.norm_end)):
        if plain and f.norm_start < plain[-1].norm_end:
            continue
        plain.append(f)
    assert _dedupe(found) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 60), max_size=12), st.lists(st.integers(0, 60), max_size=10), st.data())
def test_ranges_within_is_bisect_per_span(starts: list[int], cuts: list[int], data: st.DataObject) -> None:
    # spans in order, not overlapping (a sentence's pieces), some figures outside every span
    bounds = sorted(set(cuts))
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if data.draw(st.booleans())]
    starts = sorted(starts)
    span_starts, span_ends = [a for a, _ in spans], [b for _, b in spans]
    first = data.draw(st.integers(0, len(spans)))
    plain = [(bisect_left(starts, a), bisect_left(starts, b)) for a, b in spans[first:]]
    assert ranges_within(starts, span_starts, span_ends, first, len(spans)) == plain


def _kind_keyword_by_scan(name: str):
    """``kind_keyword`` as an overlapped scan of the keywords' pattern (the plain form)."""
    v = vocab()
    best, word = None, ""
    for m in v.kind_re.finditer(name, overlapped=True):
        key = (m.end(), len(m.group()))
        if best is None or key > best:
            best, word = key, m.group()
    return v.kind_of_word[word] if best else None


KEYWORD_PIECES = sorted(vocab().kind_of_word) + ["社区", "居民", "的", "会", "队", "班", "活动"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(KEYWORD_PIECES) | st.text(alphabet="培训会议队活动班赛讲座", max_size=3), max_size=6))
def test_kind_keyword_read_backwards_is_the_overlapped_scan(pieces: list[str]) -> None:
    name = "".join(pieces)
    assert kind_keyword.__wrapped__(name) == _kind_keyword_by_scan(name)


def test_kind_keyword_on_every_keyword_and_its_neighbours() -> None:
    # every keyword alone, before another and after another (a keyword ending another one with a
    # different kind, 委员会 in 支部委员会, is where the longest-first order matters)
    words = sorted(vocab().kind_of_word)
    names = [*words, *(a + b for a in words for b in words[::13]), *("社区" + w + "的" for w in words)]
    assert [kind_keyword.__wrapped__(n) for n in names] == [_kind_keyword_by_scan(n) for n in names]


# --- a word's vocabulary marks (the tagger's ``v:`` attributes) ---------------------------------------


def _plain_word_class(word: str) -> tuple[str, ...]:
    """Every list of the vocabulary and of the lexicon, asked one after the other."""
    from nlp.activities.lexicons import LEXICON_MATCH, words_by_class
    from nlp.activities.word_marks import _WORD_MARKS

    v = vocab()
    lists = [(how, getattr(v, name), mark) for name, how, mark in _WORD_MARKS]
    lists += [(LEXICON_MATCH[c], words, "lex_" + c) for c, words in words_by_class().items()]
    tests = {
        "in": lambda words: word in words,
        "endswith": lambda words: word.endswith(tuple(words)),
        "startswith": lambda words: word.startswith(tuple(words)),
        "contains": lambda words: any(w in word for w in words),
    }
    return tuple(mark for how, words, mark in lists if tests[how](words))


def _mark_words() -> list[str]:
    from nlp.activities.word_marks import _mark_index

    index = _mark_index()
    return sorted({*index.whole, *index.ends, *index.starts})


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_mark_words()) | st.text(alphabet="社区居民开展活动服务中心队站们", max_size=3), max_size=3)
)
def test_word_marks_by_index_are_the_lists_asked_one_by_one(pieces: list[str]) -> None:
    from nlp.activities.word_marks import _mark_index

    word = "".join(pieces)
    assert _mark_index().of(word) == _plain_word_class(word)


def test_word_marks_of_every_listed_word() -> None:
    from nlp.activities.word_marks import _mark_index

    index = _mark_index()
    words = _mark_words()
    assert len(words) > 200
    for word in words:
        assert index.of(word) == _plain_word_class(word), word


def _type_by_overlapped_regex(name: str):
    """``type_of_name`` as it was written: ``regex``'s overlapped scan of the synonyms'
    alternation, the synonym of lowest rank (longest, then first in the table) wins."""
    import regex

    from nlp.activities.activity_types import _by_synonym
    from nlp.activities.word_trie import trie_pattern

    rank: dict[str, tuple[int, object]] = {}
    for i, (synonym, activity_type) in enumerate(_by_synonym()):
        rank.setdefault(synonym, (i, activity_type))
    found = regex.compile(trie_pattern(rank)).findall(name, overlapped=True)
    return rank[min(found, key=lambda s: rank[s][0])][1] if found else None


_SYNONYM_PIECES = sorted({s for t in activity_types() for s in t.synonyms})


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_SYNONYM_PIECES), st.sampled_from(OBJECTS), st.sampled_from(["的", "“", "”", "和", "社区", "某某"])),
        min_size=0,
        max_size=5,
    )
)
def test_type_of_name_matches_the_overlapped_regex_scan(pieces: list[str]) -> None:
    # synonyms overlapping and nested in one another (many share a head: 活动, 会, 培训)
    name = "".join(pieces)
    assert type_of_name.__wrapped__(name) == _type_by_overlapped_regex(name)


def test_type_of_name_matches_the_overlapped_regex_scan_on_every_synonym_pair() -> None:
    for a in _SYNONYM_PIECES:
        for b in _SYNONYM_PIECES[:60]:
            name = a + b
            assert type_of_name.__wrapped__(name) == _type_by_overlapped_regex(name), name


@pytest.mark.skipif(types_module.COMPILED is None, reason="the _scan kernel was not built")
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_SYNONYM_PIECES), st.sampled_from(["的", "“", "”", "进", "社区", "某某", "会"])),
        min_size=0,
        max_size=6,
    )
)
def test_type_of_name_by_the_scan_kernel_is_the_automatons(pieces: list[str]) -> None:
    # the _scan kernel's walk of the ranked synonyms (when built) and the Aho-Corasick automaton
    # (the Python form) give the same type on names of overlapping and repeated synonyms
    name = "".join(pieces)
    kernel = types_module.COMPILED
    found = types_module.type_of_name.__wrapped__(name)
    types_module.COMPILED = None
    try:
        assert found == types_module.type_of_name.__wrapped__(name)
    finally:
        types_module.COMPILED = kernel
