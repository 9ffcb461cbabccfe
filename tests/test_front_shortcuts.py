"""Faster routines of the front (labels, boilerplate lines, word tagging) held to their plain
definitions on generated text and, where the shared corpus is present, on its lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.labels import label_at, label_at_each_pattern

# Characters a label is made of, with spaces, terminators and a few others around them.
LABEL_ALPHABET = "第一二三四五十百两〇零123（()）、.．，,：: \t\u3000\xa0部分章节编篇社区"


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=LABEL_ALPHABET, max_size=14), st.integers(min_value=0, max_value=4))
def test_label_at_with_one_pattern_is_the_patterns_tried_in_turn(line: str, pos: int) -> None:
    pos = min(pos, len(line))
    assert label_at(line, pos) == label_at_each_pattern(line, pos)


@pytest.mark.parametrize(
    "line",
    ["第一部分 回顾", "  （二）加强治理", "(3)入户走访", "十二、其他", "1.8万元", "3、服务老人", "第十章", "（0）无", "一是抓班子"],
)
def test_label_at_on_written_labels(line: str) -> None:
    assert label_at(line, 0) == label_at_each_pattern(line, 0)


def test_label_at_on_every_line_start_of_the_corpus() -> None:
    from evaluation.shared import MISSING, corpus_documents

    paths = corpus_documents()
    if not paths:
        pytest.skip(MISSING)
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        for line in text.splitlines():
            for pos in range(min(len(line), 3)):
                assert label_at(line, pos) == label_at_each_pattern(line, pos), (path.name, line[:30])
