"""The shared Text: sentences, clauses, words cut once, figures as word boundaries, pickling; and the
stage table. Stages are run here on a small Text, without the rest of the pipeline."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.facts import build_facts
from nlp.figures.subjects import find_subjects
from nlp.pipeline import STAGES, parse_text
from nlp.text.document import Text

DOC = "一、党建工作\n社区现有党员41名，其中女党员16名。开展主题党日活动6次！\n下半年，力争发展党员2名。"


def test_sentences_and_clauses_follow_the_one_definition() -> None:
    doc = Text.from_string(DOC)
    assert [doc.span_text(s) for s in doc.sentences] == [
        "一、党建工作",
        "社区现有党员41名，其中女党员16名。",
        "开展主题党日活动6次！",
        "下半年，力争发展党员2名。",
    ]
    assert [doc.span_text(c) for c in doc.clauses] == [
        "一、党建工作",
        "社区现有党员41名，",
        "其中女党员16名。",
        "开展主题党日活动6次！",
        "下半年，",
        "力争发展党员2名。",
    ]


def test_words_are_cut_once_per_clause_and_only_when_asked() -> None:
    doc = Text.from_string(DOC)
    assert doc.segmented_clauses == 0
    start = doc.text.index("社区")
    first = doc.words(start, start + 6)
    assert first == (("社区", "n"), ("现有", "b"), ("党员", "n"))
    assert doc.segmented_clauses == 1
    doc.words(start + 2, start + 4)
    assert doc.segmented_clauses == 1  # the same clause: read from the cache


CUT_CASES = [
    # (text, span as text, words) — a span inside a word keeps the part inside, cut on its own
    ("社区现有党员41名", "现有党员", [("现有", "b"), ("党员", "n")]),
    ("社区现有党员41名", "有党", [("有", "v"), ("党", "n")]),
    ("共有5个村参加", "村参加", [("村", "n"), ("参加", "v")]),
]


@pytest.mark.parametrize("text, span, words", CUT_CASES, ids=[c[1] for c in CUT_CASES])
def test_words_of_a_span(text: str, span: str, words: list[tuple[str, str]]) -> None:
    doc = Text.from_string(text)
    start = doc.text.index(span)
    assert list(doc.words(start, start + len(span))) == words


def test_no_word_crosses_a_figure_edge() -> None:
    doc = Text.from_string("由原来5个村调整为3个社区")
    figure = doc.figures[0]
    assert doc.text[figure.norm_start : figure.norm_end] == "5个"
    after = doc.words(figure.norm_end, figure.norm_end + 1)
    assert after == (("村", "n"),)  # not the dictionary's 个村


def test_a_long_sentence_gives_a_bounded_context() -> None:
    doc = Text.from_string("开展活动5次" * 500)
    assert len(doc.context(1500, 1502, limit=400)) == 400 + 2  # the window and the span
    assert doc.context(0, 2) != doc.text


def test_text_pickles_without_its_word_cache() -> None:
    doc = Text.from_string(DOC)
    doc.words(0, len(doc.text))
    again = pickle.loads(pickle.dumps(doc))
    assert again.text == doc.text and again.sentences == doc.sentences and again.figures == doc.figures
    assert again.segmented_clauses == 0



def test_sentence_spans_carry_no_dict_and_keep_their_value_semantics() -> None:
    """Sentence is slotted (a document has thousands): frozen, equal and hashed by value, picklable."""
    import dataclasses

    doc = Text.from_string(DOC)
    span = doc.clauses[1]
    assert not hasattr(span, "__dict__")
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.norm_start = 0  # type: ignore[misc]
    again = pickle.loads(pickle.dumps(doc.clauses))
    assert again == doc.clauses and {*again} == {*doc.clauses}
    assert dataclasses.replace(span, norm_end=span.norm_end) == span

def test_subjects_stage_on_a_small_text() -> None:
    doc = Text.from_string("社区现有党员41名，其中女党员16名，走访困难户20户。")
    assert find_subjects(doc, doc.figures) == ("党员", "女党员", "困难户")


def test_facts_stage_on_a_small_text() -> None:
    doc = Text.from_string("下半年，计划走访困难户20户。")
    (fact,) = build_facts(doc, doc.figures, sections=())
    assert (fact.text, fact.subject, fact.planned, fact.section) == ("20户", "困难户", True, None)
    assert fact.category.value == "other"  # categories are the categories stage's


def test_every_stage_requires_only_what_earlier_stages_assign() -> None:
    assigned = {"text"}
    for stage in STAGES:
        assert {r.split(".")[0] for r in stage.requires} <= assigned | {"doc"}, stage.name
        assigned |= {a.split(".")[0] for a in stage.assigns}


def test_disable_skips_stages_by_name() -> None:
    full = parse_text(DOC)
    lean = parse_text(DOC, disable=["activities", "categories", "checks"])
    assert full.activities and lean.activities == () and lean.flags == ()
    assert {f.category.value for f in lean.facts} == {"other"}
    assert [f.text for f in lean.facts] == [f.text for f in full.facts]
    assert lean.sentences == full.sentences and len(lean.sentences) == 4


def test_an_unknown_stage_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown stage activity"):
        parse_text(DOC, disable=["activity"])


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="社区现有党员41名其中女16开展活动6次，。、“”（）\n 村个", max_size=60), st.data())
def test_the_words_of_a_span_inside_a_clause_spell_it(text: str, data: st.DataObject) -> None:
    doc = Text.from_string(text)
    for clause in doc.clauses:
        start = data.draw(st.integers(clause.norm_start, clause.norm_end))
        end = data.draw(st.integers(start, clause.norm_end))
        assert "".join(w for w, _ in doc.words(start, end)) == doc.text[start:end]
        edges = {q.norm_start for q in doc.figures} | {q.norm_end for q in doc.figures}
        starts = set(doc.word_starts(clause.norm_start, clause.norm_end))
        assert {e for e in edges if clause.norm_start <= e <= clause.norm_end} <= starts


def _piecewise_words(doc: Text, clause) -> list[tuple[str, str]]:
    """What the clause's words must be: each piece between the clause's edges and the figure edges
    inside it, segmented on its own (the definition the Text keeps while segmenting less often)."""
    from nlp.text.tokens import pos_cut

    edges = sorted(
        {clause.norm_start, clause.norm_end}
        | {e for q in doc.figures for e in (q.norm_start, q.norm_end) if clause.norm_start < e < clause.norm_end}
    )
    return [w for a, b in zip(edges, edges[1:], strict=False) for w in pos_cut(doc.text[a:b])]


# Pieces of text where a dictionary word would cross a figure edge (5个|村), place suffixes, the
# characters jieba keeps in one block with Han characters, and separators (punctuation, space, CRLF).
FRAGMENTS = ["5个", "村", "调整为", "社区", "党员", "41名", "其中", "镇", "乡", "户", "12.5%", "-", "+", "_", "#",
             "&", "aB", "x", "，", "。", "、", "：", "“", "”", "（", "）", "(", "\n", "\r", "\r\n", " ", "\t", "共计"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
def test_words_read_from_the_sentence_equal_those_of_each_piece(text: str) -> None:
    from nlp.figures.quantities import find_quantities
    from nlp.records import Normalized
    from nlp.text.spans import OffsetMap

    doc = Text(Normalized(text, text, OffsetMap.identity(len(text))), find_quantities(text))
    for i, clause in enumerate(doc.clauses):
        starts, words = doc.clause_words(i)
        assert list(words) == _piecewise_words(doc, clause)
        assert starts == [clause.norm_start + sum(len(w) for w, _ in words[:k]) for k in range(len(words))]


def test_corpus_clause_words_equal_those_of_each_piece() -> None:
    """The same on real documents: every clause of ten development documents."""
    from corpus.readers import read_path
    from evaluation.shared import MISSING, corpus_documents

    paths = corpus_documents()[::5][:10]
    if not paths:
        pytest.skip(MISSING)
    for path in paths:
        doc = Text.from_string(read_path(path).text)
        for i, clause in enumerate(doc.clauses):
            assert list(doc.clause_words(i)[1]) == _piecewise_words(doc, clause), (path.name, i)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join), st.data())
def test_clauses_in_clips_the_overlapping_clauses(text: str, data: st.DataObject) -> None:
    doc = Text.from_string(text)
    start = data.draw(st.integers(0, len(doc.text)))
    end = data.draw(st.integers(0, len(doc.text)))
    expected = []
    for clause in doc.clauses:
        a, b = max(clause.norm_start, start), min(clause.norm_end, end)
        if b > a:
            expected.append((a, b))
    assert [(c.norm_start, c.norm_end) for c in doc.clauses_in(start, end)] == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join), st.data())
def test_words_of_whole_words_are_the_clause_words_between(text: str, data: st.DataObject) -> None:
    doc = Text.from_string(text)
    if not doc.clauses:
        return
    index = data.draw(st.integers(0, len(doc.clauses) - 1))
    starts, words = doc.clause_words(index)
    first = data.draw(st.integers(0, len(words)))
    last = data.draw(st.integers(first, len(words)))
    if first == last:
        return
    end = starts[last - 1] + len(words[last - 1][0])
    assert doc.words(starts[first], end) == words[first:last]


def test_clauses_in_a_whole_sentence_are_its_clauses_uncut() -> None:
    doc = Text.from_string("社区现有党员41名，其中女党员16名。\n开展活动6次：讲座3次，义诊2次。")
    for sentence in doc.sentences:
        inside = tuple(c for c in doc.clauses if sentence.norm_start <= c.norm_start < sentence.norm_end)
        assert doc.clauses_in(sentence.norm_start, sentence.norm_end) == inside
    assert [doc.span_text(c) for c in doc.clauses_in(2, 12)] == ["现有党员41名，", "其中"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join))
def test_clause_index_names_the_clause_at_an_offset(text: str) -> None:
    doc = Text.from_string(text)
    for offset in range(len(doc.text) + 1):
        index = doc.clause_index(offset)
        around = doc.clause_range(offset, offset + 1)
        assert index == (around[0] if around else None)
        assert (doc.clauses[index] if index is not None else None) == doc.clause_at(offset)


SHORT_AND_LONG = ["41名", "，", "3个", "村有", "其中龙泉村有党员85名", "社区现有党员"]


@pytest.mark.parametrize("piece", SHORT_AND_LONG)
def test_a_short_piece_is_cut_as_the_segmenter_cuts_it(piece: str) -> None:
    from nlp.text.tokens import _pos_cut, pos_cut

    assert pos_cut(piece) == _pos_cut(piece)
    assert pos_cut(piece) == pos_cut(piece)  # read again (from the cache when short): the same words
    assert "".join(word for word, _ in pos_cut(piece)) == piece
