"""The scans the checks make over a whole document, against their character-by-character definitions."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.checks.contexts import paren_groups
from nlp.checks.surface import find_masked_figures, surface_grammar
from nlp.text.spans import LineIndex


def reference_paren_groups(text: str, start: int, end: int) -> list[tuple[int, int]]:
    stack, groups = [], []
    for i in range(start, end):
        if text[i] in "（(":
            stack.append(i)
        elif text[i] in "）)" and stack:
            groups.append((stack.pop(), i))
    return sorted(groups + [(o, end) for o in stack])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="（()）人口3\n", max_size=40), st.data())
def test_paren_groups_pair_parentheses_as_a_stack_does(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert paren_groups(text, start, end) == reference_paren_groups(text, start, end)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="ab\n\r社", max_size=30))
def test_line_index_counts_line_feeds(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        assert index.line_col(offset) == (line, col)


MASKED_CASES = [
    ("走访xx户，发放***余份", ["xx户", "***余份"]),
    ("投入xx.xxx万元，完成率达百分之xx", ["xx.xxx万元", "百分之xx"]),
    ("20xx年，xx社区，第xx名", []),
    ("服务ＸＸ人次", ["ＸＸ人次"]),
]


@pytest.mark.parametrize("text, spans", MASKED_CASES, ids=[c[0] for c in MASKED_CASES])
def test_masked_figures(text: str, spans: list[str]) -> None:
    assert [text[s:e] for s, e in find_masked_figures(text)] == spans


def test_the_masked_pattern_finds_what_it_finds_without_its_opening_lookahead() -> None:
    masked = surface_grammar().masked
    opening = re.match(r"\(\?=\[(?:[^\]\\]|\\.)*\]\)", masked.pattern)
    assert opening, "the masked pattern opens with a lookahead on its first characters"
    plain = re.compile(masked.pattern[opening.end() :])
    text = "".join(case for case, _ in MASKED_CASES) + "共xX户，**%，百分之＊＊，约xx余万元"
    assert [m.span() for m in masked.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert list(masked.finditer(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["金", "元", "户", "人次", " ", "\u3000", "\t", "，", "a", "\n", "共计"]), max_size=25))
def test_the_blank_gap_pattern_is_its_definition(pieces: list[str]) -> None:
    """A blank run of two or more after a CJK character, then a unit: the pattern reads the blank
    before looking back, so the scan can jump from blank to blank."""
    from nlp.checks.surface import _alt

    grammar = surface_grammar()
    units = _alt(grammar.words["missing_figure"]["blank_units"])
    definition = re.compile(
        rf"(?<=[\u4e00-\u9fff])(?P<gap>[ \u3000\t]{{2,}})(?P<unit>{units})(?=[,，。;；、)）\s]|$)"
    )
    text = "".join(pieces)
    found = [(m.span(), m.groupdict()) for m in grammar.blank_gap.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in definition.finditer(text)]
