"""Faster routines of the text stages held to their plain definitions on generated text."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.line_spans import SPACES, iter_lines, lines


def _plain_lines(text: str) -> list[tuple[int, int]]:
    """Non-empty lines without surrounding spaces, as first written: every line split and stripped."""
    spans, pos = [], 0
    for raw in text.split("\n"):
        s, e = pos, pos + len(raw)
        while s < e and text[s] in SPACES:
            s += 1
        while e > s and text[e - 1] in SPACES:
            e -= 1
        if e > s:
            spans.append((s, e))
        pos += len(raw) + 1
    return spans


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="社区总结\n \t\u3000\xa0\r一、", max_size=40))
def test_lines_one_at_a_time_equal_the_lines_split_at_once(text: str) -> None:
    assert list(iter_lines(text)) == lines(text) == _plain_lines(text)


def _plain_boundary_features(phrase: str, boundary: tuple[int, str, str, str, str]) -> dict[str, float]:
    """heading_end.boundary_features as first written: the commas read again for every boundary."""
    from nlp.text.heading_end import _bucket

    k, left, left_tag, right, right_tag = boundary
    commas = [i for i, ch in enumerate(phrase[:k]) if ch in "，,"]
    first = commas[0] if commas else k
    clause = k - (commas[-1] + 1 if commas else 0)
    rest = phrase[k:]
    names = [
        f"L1={phrase[k - 1]}", f"L2={phrase[k - 2 : k]}", f"R1={phrase[k]}", f"R2={phrase[k : k + 2]}",
        f"lw={left}", f"rw={right}", f"lt={left_tag}", f"rt={right_tag}", f"tags={left_tag}|{right_tag}",
        f"commas={min(len(commas), 2)}",
        f"head_len={_bucket(k, (6, 10, 14, 20, 26))}",
        f"rest_len={_bucket(len(rest), (4, 8, 14, 24))}",
        f"rest_comma={any(ch in '，,' for ch in rest)}",
        f"phrase_len={_bucket(len(phrase), (18, 22, 26, 30, 36, 44))}",
    ]
    if commas:
        names += [f"clause_vs_first={max(-4, min(4, clause - first))}", f"parallel={abs(clause - first) <= 1}"]
    else:
        names.append("one_clause")
    return {name: 1.0 for name in names}


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="抓项目聚焦效益增，,经济持续巩固回升势头实施大力社区党建", min_size=5, max_size=40),
    st.dictionaries(st.sampled_from(["lt=v", "rt=n", "commas=1", "one_clause", "R1=大", "lw=项目", "parallel=True"]),
                    st.floats(-3, 3, allow_nan=False), max_size=7),
)
def test_the_heading_end_model_equals_its_plain_reading(phrase: str, weights: dict[str, float]) -> None:
    from nlp.text.heading_end import EndModel, boundaries, boundary_features, couplet_cut
    from nlp.text.tokens import pos_cut

    model = EndModel(weights, intercept=-0.5, threshold=0.3)
    words = pos_cut(phrase)
    couplet = couplet_cut(phrase, {boundary[0] for boundary in boundaries(phrase, words)})
    if couplet is not None:  # a parallel couplet is cut before the model is asked (EndModel.cut)
        assert model.cut(phrase, words) == couplet
        return
    best, best_p = len(phrase), model.threshold
    for boundary in boundaries(phrase, words):
        features = _plain_boundary_features(phrase, boundary)
        assert boundary_features(phrase, boundary) == features
        z = model.intercept + sum(model.weights.get(name, 0.0) * v for name, v in features.items())
        p = 1.0 / (1.0 + math.exp(-z))
        assert model.probability(features) == p
        if p >= best_p:
            best, best_p = boundary[0], p
    assert model.cut(phrase, words) == best


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="社区党员41名，。！\n 、“”开展活动6次", max_size=50))
def test_the_sentence_and_clause_at_an_offset_are_those_that_contain_it(text: str) -> None:
    from nlp.text.document import Text

    doc = Text.from_string(text)
    for offset in range(-1, len(doc.text) + 2):
        sentence = next((s for s in doc.sentences if s.norm_start <= offset < s.norm_end), None)
        clause = next((c for c in doc.clauses if c.norm_start <= offset < c.norm_end), None)
        assert doc.sentence_at(offset) == sentence and doc.clause_at(offset) == clause


BLOCK_FRAGMENTS = ["5个", "村", "调整为", "社区", "党员", "41名", "其中", "龙泉村有", "，", "。", "、", "\n", " ", "\r\n",
                   "（", "）", "“", "”", "共计", "12.5%", "x"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_FRAGMENTS), max_size=40).map("".join))
def test_clause_words_equal_each_piece_cut_alone(text: str) -> None:
    """Every clause's words (its pieces between figure edges joined in one call) equal its pieces cut
    alone, asked in any order."""
    from nlp.text import document
    from nlp.text.tokens import pos_cut

    doc = document.Text.from_string(text)
    for i in reversed(range(len(doc.clauses))):  # from the end: the order a stage asks in does not matter
        clause = doc.clauses[i]
        edges = sorted({clause.norm_start, clause.norm_end} | {
            e for q in doc.figures for e in (q.norm_start, q.norm_end) if clause.norm_start < e < clause.norm_end})
        expected = [w for a, b in zip(edges, edges[1:], strict=False) for w in pos_cut(doc.text[a:b])]
        starts, words = doc.clause_words(i)
        assert list(words) == expected
        assert starts == [clause.norm_start + sum(len(w) for w, _ in words[:k]) for k in range(len(words))]
