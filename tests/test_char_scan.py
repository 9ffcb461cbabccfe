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


def _plan_scans() -> list[re.Pattern[str]]:
    """The plan parts' whole-text and stretch scans tried from their first characters (sp16a): the
    colons of a stretch, the words of a present state, the line-ending colon of an announcement, the
    first two characters of a glossary's title."""
    from nlp.figures import done_state, list_lead, plan_stretches, planned

    return [plan_stretches._COLON, planned._PRESENT_WORDS, list_lead._COLON_ENDS_LINE, done_state._notes_openings()]


# Colons, spaces before a line break, the words of a present state (现有, 目前共有) and of a glossary's
# title (名 词 解 释, 注释, 短语), their characters alone, and plain text between.
PLANS = "：: \t\u3000\n现有目前共名词解释注短语社区将新建党员12个。，"


@pytest.mark.parametrize("pattern", _plan_scans(), ids=lambda p: p.pattern[:24])
def test_each_plan_scan_has_few_known_first_characters(pattern: re.Pattern[str]) -> None:
    chars = first_chars(pattern)
    assert chars is not None and 0 < len(chars) <= 12


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=PLANS, max_size=100), st.integers(min_value=-2, max_value=110), st.integers(min_value=-2, max_value=110))
def test_the_plan_scans_are_finditers_within_a_stretch(text: str, pos: int, end: int) -> None:
    for pattern in _plan_scans():
        assert _spans(finditer_from_chars(pattern, text)) == _spans(pattern.finditer(text))
        # within [pos, end): the look-ahead of the line-ending colon sees no line break past end
        assert _spans(finditer_from_chars(pattern, text, max(pos, 0), end)) == _spans(pattern.finditer(text, max(pos, 0), end))


def test_the_plan_scans_written_cases() -> None:
    from nlp.figures.done_state import notes_appendix
    from nlp.figures.list_lead import _announcements

    text = "二、明年打算\n主要做好以下工作：\n社区现有党员46名，目前共有志愿者80人。\n附：\n名 词 解 释\n注：口袋公园指小游园。"
    for pattern in _plan_scans():
        assert _spans(finditer_from_chars(pattern, text)) == _spans(pattern.finditer(text))
        assert _spans(finditer_from_chars(pattern, text, 3, 40)) == _spans(pattern.finditer(text, 3, 40))
    colon = text.index("附：") + 1
    assert (colon, colon + 1) in _announcements(text)  # a colon ending its line announces
    line_end = re.compile("[：:](?=[ \t\u3000]*\n)")
    assert _spans(finditer_from_chars(line_end, text, colon - 1, colon + 2)) == [(colon, colon + 1, ())]
    assert _spans(finditer_from_chars(line_end, text, colon - 1, colon + 1)) == []  # its line break is past the end
    assert notes_appendix(text) == [(text.index("名 词 解 释"), len(text))]  # the glossary to the end
