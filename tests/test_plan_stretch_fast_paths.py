"""The plan stretches' shortcuts (nlp/figures/plan_stretches.py) against their plain definitions on
generated text: the sentences holding a colon found from the colons, and the problems lead that needs
a colon."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.plan_stretches import _problem_words, _sentences, _sentences_with_colon, opens_problems

PIECES = [
    "：", ":", "。", "！", "？", "!", "?", "\n", "，", "；", "问题", "不足", "存在", "还有", "困难", "一是",
    "社区", "只有", "3个", "小区", "下一步", "将", "计划", " ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=1000, deadline=None)
@given(texts, st.integers(0, 80), st.integers(0, 80))
def test_sentences_with_colon_are_those_of_every_sentence(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    expected = [(s, e) for s, e in _sentences(text, start, end) if "：" in text[s:e] or ":" in text[s:e]]
    assert list(_sentences_with_colon(text, start, end)) == expected


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_sentences_cover_the_stretch_end_to_end(text: str) -> None:
    pieces = list(_sentences(text, 0, len(text)))
    assert "".join(text[s:e] for s, e in pieces) == text
    assert all(e > s for s, e in pieces)
    assert all(not any(c in text[s : e - 1] for c in "。！？!?\n") for s, e in pieces)


@settings(max_examples=1000, deadline=None)
@given(texts)
def test_opens_problems_is_the_lead_pattern(sentence: str) -> None:
    assert opens_problems(sentence) == (_problem_words()[1].search(sentence) is not None)
