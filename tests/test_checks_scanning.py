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


def _flat_alt(words) -> str:
    """An alternation of the words, longest first, one after another."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="人次户口元万", max_size=3), min_size=1, max_size=8),
    st.text(alphabet="人次户口元万3，", max_size=20),
    st.sampled_from(["", "3", "(?=，)", "次"]),
)
def test_the_grouped_alternation_matches_as_the_flat_one(words: list[str], text: str, after: str) -> None:
    """Grouped by first character, the words are tried in the same order wherever they can match,
    so every match, and the word taken before what follows, is the flat alternation's."""
    from nlp.checks.surface_grammar import _alt

    grouped, flat = re.compile(f"(?P<w>{_alt(words)}){after}"), re.compile(f"(?P<w>{_flat_alt(words)}){after}")
    assert [(m.span(), m.group("w")) for m in grouped.finditer(text)] == [
        (m.span(), m.group("w")) for m in flat.finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["金", "元", "户", "人次", " ", "\u3000", "\t", "，", "a", "\n", "共计"]), max_size=25))
def test_the_blank_gap_pattern_is_its_definition(pieces: list[str]) -> None:
    """A blank run of two or more after a CJK character, then a unit: the pattern reads the blank
    before looking back, so the scan can jump from blank to blank."""
    grammar = surface_grammar()
    units = _flat_alt(grammar.words["missing_figure"]["blank_units"])
    definition = re.compile(
        rf"(?<=[\u4e00-\u9fff])(?P<gap>[ \u3000\t]{{2,}})(?P<unit>{units})(?=[,，。;；、)）\s]|$)"
    )
    text = "".join(pieces)
    found = [(m.span(), m.groupdict()) for m in grammar.blank_gap.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in definition.finditer(text)]


def _duplicated_definition() -> re.Pattern[str]:
    """The doubled-unit pattern as first written: the look back before the number's first character."""
    from nlp.figures.numerals import vocab

    v = vocab()
    masks = "".join(m for m in v.masks if m != "某") + "ｘＸ"
    chinese = "".join(list(v.chinese) + list(v.small))
    numeral_chars = "".join(sorted(set("".join(v.digits) + chinese + "".join(v.big) + masks + ".")))
    number = (
        rf"(?<![{re.escape(numeral_chars)}])(?:\d+(?:\.\d+)?|[{re.escape(chinese)}]+|[{re.escape(masks)}]+)"
        rf"[{re.escape(''.join(v.approx))}]?[{re.escape(''.join(v.big))}]?"
    )
    return re.compile(rf"(?P<num>{number})(?P<unit>{_flat_alt(surface_grammar().units)})")


# digits, Chinese numerals, masks, approximations, magnitudes, units and other characters
FIGURE_PIECES = ["1", "2", ".", "三", "十", "两", "x", "*", "余", "多", "万", "人", "次", "户", "名", "起",
                 "元", "人次", "平方米", "社", "，", " ", "\n", "%", "％", "a", "F"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=30))
def test_the_doubled_unit_pattern_is_its_definition(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = [(m.span(), m.groupdict()) for m in surface_grammar().duplicated.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in _duplicated_definition().finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["%", "％", " ", "\u3000", "\t", "\n", "3", "F", "a", "率", "为"]), max_size=30))
def test_percent_signs_are_the_gap_pattern(pieces: list[str]) -> None:
    from nlp.checks.gaps import _percent_signs

    text = "".join(pieces)
    definition = re.compile(r"(?P<gap>[^\S\n]*)[%％](?![0-9A-Fa-f]{2})")
    expected = [(m.start(), m.end("gap"), m.end()) for m in definition.finditer(text)]
    assert list(_percent_signs(text)) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["余", "户", "人次", "平方", "米", "方", "\n", "走", "访", "3"]), max_size=30))
def test_yu_units_are_the_yu_gap_pattern(pieces: list[str]) -> None:
    from nlp.checks.gaps import _yu_units

    text = "".join(pieces)
    grammar = surface_grammar()
    definition = re.compile(rf"(?P<pre>.)(?P<unit>{grammar.yu_unit.pattern})")
    assert [(u.start() - 1, u.end()) for u in _yu_units(grammar, text)] == [m.span() for m in definition.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 6)), max_size=12), max_size=5))
def test_taken_spans_answer_as_a_list_scan_does(patterns: list[list[tuple[int, int]]]) -> None:
    """Each pattern offers spans in text order; a span is kept when it overlaps none kept before."""
    from nlp.checks.gaps import _Taken

    taken, seen = _Taken(), []
    for offers in patterns:
        taken.next_pattern()
        for start, length in sorted(offers):
            expected = not any(start < e and s < start + length for s, e in seen)
            if expected:
                seen.append((start, start + length))
            assert taken.fresh(start, start + length) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["19", "20", "2", "1", "9", "0", "年", " ", "-", "至", "\n", "月", "届"]), max_size=25))
def test_the_year_pattern_is_its_definition(pieces: list[str]) -> None:
    from nlp.checks.consistency import _YEAR

    definition = re.compile(r"(?<![\d\-—～~至到])((?:19|20)\d\d)\s*年(?![\d]*[\-—～~至到])")
    text = "".join(pieces)
    assert [(m.span(), m.group(1)) for m in _YEAR.finditer(text)] == [
        (m.span(), m.group(1)) for m in definition.finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab\n\r社", max_size=30), st.data())
def test_line_cols_are_the_line_index(text: str, data: st.DataObject) -> None:
    from nlp.checks.registry import line_cols

    offsets = data.draw(st.lists(st.integers(0, len(text)), max_size=8))
    index = LineIndex(text)
    assert line_cols(text, offsets) == {offset: index.line_col(offset) for offset in offsets}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["x", "X", "*", "×", "_", "ｘ", "约", "大约", "百分之", "近", "不", "足", ".", "-",
                                 "余", "万", "户", "人次", "%", "年", "社区", "\n", "2"]), max_size=25))
def test_masked_matches_are_the_pattern_s_matches(pieces: list[str]) -> None:
    from nlp.checks.surface import _masked_matches

    grammar = surface_grammar()
    text = "".join(pieces)
    found = [(m.span(), m.groupdict()) for m in _masked_matches(grammar, text)]
    assert found == [(m.span(), m.groupdict()) for m in grammar.masked.finditer(text)]
