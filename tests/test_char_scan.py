"""nlp/text/char_scan.py: the matches found from a pattern's first characters (by ``str.find``) are
``finditer``'s, for every pattern the pipeline scans this way, on text dense in those characters."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.checks import gaps
from nlp.checks.surface_grammar import surface_grammar
from nlp.figures.figure_grammar import grammar
from nlp.text import junk, normalize_layout
from nlp.text.char_scan import char_positions, finditer_from_chars, first_chars, search_from_chars


def _scanned() -> list[re.Pattern[str]]:
    g = surface_grammar()
    patterns = [
        normalize_layout._PAGE_IN_SENTENCE,
        normalize_layout._TRAILING_SPACE,
        grammar().quoted,
        gaps._PERCENT_SIGN,
        g.mask_char,
        g.blank_gap,
    ]
    replace = junk._replace_regex()
    return patterns + [junk.pinyin_regex()] + ([replace] if replace is not None else [])


# Spaces, tabs, ideographic spaces, line breaks, quotation and title marks, percent signs, mask
# characters, figures, units and plain words: every first character of the patterns above, often.
ALPHABET = " \t\u3000\n“”\"「」『』《》‘’%％_×＿*Xxｘ＊Ｘ\\rM0123456789２元人户个共有开展活动社区党员，。、()?,Fqūjiéxiàn"


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


@pytest.mark.parametrize("pattern", _scanned(), ids=lambda p: p.pattern[:24])
def test_each_scanned_pattern_has_few_known_first_characters(pattern: re.Pattern[str]) -> None:
    chars = first_chars(pattern)
    assert chars is not None and 0 < len(chars) <= 12


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_the_matches_are_finditers_on_dense_text(text: str) -> None:
    for pattern in _scanned():
        assert _spans(finditer_from_chars(pattern, text)) == _spans(pattern.finditer(text))


def test_written_cases() -> None:
    text = "社区 \n居民满意率98%，增长5%20未改，“幸福里”小区《社区服务指南》发放 份，共有××户\u3000\n结束_M_M_，總結(jié)，保證?,F(xiàn)"
    for pattern in _scanned():
        assert _spans(finditer_from_chars(pattern, text)) == _spans(pattern.finditer(text))
    assert [m.group() for m in finditer_from_chars(gaps._PERCENT_SIGN, text)] == ["%"]  # %20 is a URL escape


def test_a_pattern_whose_first_characters_are_unknown_or_many_is_scanned_by_finditer() -> None:
    assert first_chars(re.compile(r"\d+人")) is None  # a category
    assert first_chars(re.compile(r"(?:共)?有\d+")) is None  # may start with either
    assert first_chars(re.compile("[一二三四五六七八九十百千万零两]个")) is None  # more than 12
    assert first_chars(re.compile("[%％]", re.IGNORECASE)) is None
    many = re.compile(r"\d+人")
    assert _spans(finditer_from_chars(many, "共3人，又5人")) == _spans(many.finditer("共3人，又5人"))


def test_char_positions_in_order_within_bounds() -> None:
    text = "a%b％c%d"
    assert char_positions(text, "%％") == [1, 3, 5]
    assert char_positions(text, "%％", 2, 5) == [3]
    assert char_positions(text, "%%") == [1, 5]
    assert char_positions(text, "") == []


def _year_patterns() -> list[re.Pattern[str]]:
    from nlp.checks.consistency import _YEAR

    return [_YEAR, re.compile(r"(?<!\d)((?:19|20)\d{2})年(?:主要工作回顾|工作回顾)")]


YEARS = "12090年至到-—~月 以来工作回顾主要，。\n"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=YEARS, max_size=80), st.integers(min_value=0, max_value=90))
def test_years_from_a_position_and_the_first_year_are_finditers_and_searchs(text: str, pos: int) -> None:
    for pattern in _year_patterns():
        assert _spans(finditer_from_chars(pattern, text, pos)) == _spans(pattern.finditer(text, pos))
        found, expected = search_from_chars(pattern, text), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span())


def test_the_year_a_review_heading_names() -> None:
    from nlp.text.year import reviewed_year

    assert reviewed_year("各位居民代表：\n12户完成改造，2021年底前验收\n二、2022年工作回顾\n") == 2022
    assert reviewed_year("一、三年来工作回顾\n共走访2019户") is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="。！？!?;；，,、：:”’）)》」』】 \n社区开展活动6次", max_size=80))
def test_a_sentence_end_run_then_a_clause_break_is_found_as_by_search(text: str) -> None:
    from nlp.text.sentences import _SENTENCE_RUN_THEN_BREAK as run_then_break

    found, expected = search_from_chars(run_then_break, text), run_then_break.search(text)
    assert (found and found.span()) == (expected and expected.span())
