"""Faster routines of the text stages held to their plain definitions on generated text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.title import _SPACES as SPACES
from nlp.text.title import iter_lines, lines


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
