"""nlp.figures.scan: trying a pattern only where it can start gives exactly what finditer gives.

The figure grammar and the look-alike pattern are scanned this way (nlp/figures/quantities.py); if a
first character were missing from the start class, a figure would silently disappear.
"""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.figure_grammar import grammar
from nlp.figures.numerals import vocab
from nlp.figures.scan import (
    char_class,
    matches_from,
    patterns_by_first_char,
    possessive_opening,
    second_chars,
    starting_chars,
)
from nlp.resources import load_toml

# Characters that matter to the two patterns, and some that do not: digits of several scripts,
# numerals, magnitudes, masks, qualifier words, units, joiners, brackets, quotes and plain words.
ALPHABET = (
    "0123456789٣０１.,，%-—~至到约近超不大多余左右以上下及含()（）“”《》第年月日号人户名个次元万亿千百十"
    "一二三四五六七八九两〇零XxX×*某分之成点社区开展活动党员全会届期岁周 \n"
)
CASES = [
    "社区现有党员41名，其中女党员16名。",
    "投资7.5万元，修缮20余场次；约计3000人参加，超过百分之九十",
    "2021年3月5日第三批“三个代表”，一起参加，三分之二的居民",
    "xx社区某某村XX户，1,200元，82，225.00元，十块三毛",
    "不少于5次、不到10人、控制在3%以内、大约二三十户",
]


def _spans(matches):
    return [m.span() for m in matches]


@pytest.mark.parametrize("text", CASES)
def test_figure_scan_equals_finditer(text):
    g = grammar()
    assert _spans(matches_from(g.pattern, g.starts, text)) == _spans(g.pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_figure_scan_equals_finditer_on_any_text(text):
    g = grammar()
    assert _spans(matches_from(g.pattern, g.starts, text)) == _spans(g.pattern.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_lookalike_scan_equals_finditer_in_a_window(text, a, b):
    g = grammar()
    low, high = min(a, b, len(text)), min(max(a, b), len(text))
    assert g.lookalike_starts is not None
    got = _spans(matches_from(g.lookalikes, g.lookalike_starts, text, low, high))
    assert got == _spans(g.lookalikes.finditer(text, low, high))
    middle = (low + high) // 2
    before = _spans(matches_from(g.lookalikes, g.lookalike_starts, text, low, high, before=middle))
    assert before == [span for span in got if span[0] < middle]


def test_every_first_character_of_a_figure_is_a_start():
    """Each numeral, magnitude, mask and qualifier of the vocabulary can begin a figure."""
    v, g = vocab(), grammar()
    firsts = set(v.chinese) | set(v.small) | set(v.big) | {w[0] for w in g.qualifiers["before"]}
    assert all(g.starts.fullmatch(ch) for ch in firsts | {"7", "٣"})
    assert g.starts.fullmatch("社") is None


def test_starting_chars_of_alternatives():
    assert starting_chars(r"(?:第)?[一二]个") is None  # an optional first part: unknown
    assert starting_chars(r"三(?:批|次)|[0-9]+年") == frozenset("三0123456789")
    assert char_class("一").pattern == re.compile("[一]").pattern


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=40), st.data())
def test_lookalikes_by_first_character_match_the_whole_alternation(text, data):
    g = grammar()
    assert g.lookalikes_at is not None
    pos = data.draw(st.integers(0, len(text) - 1))
    high = data.draw(st.integers(pos, len(text)))
    whole = g.lookalikes.match(text, pos, high)
    if g.lookalike_starts.match(text, pos) is None:
        assert whole is None  # (no look-alike starts with this character)
    else:
        part = g.lookalikes_at[text[pos]].match(text, pos, high)
        assert (part and part.span()) == (whole and whole.span())


def test_patterns_by_first_char_keep_the_order_of_the_alternatives():
    found = patterns_by_first_char(["[0-9]+", "1号楼", "[0-9]+号"], ["0123456789"])
    assert found["1"].match("1号楼").group() == "1"  # the first alternative wins, as in the whole
    assert patterns_by_first_char(["x*y"], []) is None


# Every character \s matches, by the engine itself (over the Basic Multilingual Plane)
REGEX_SPACES = "".join(ch for ch in map(chr, range(0x10000)) if re.fullmatch(r"\s", ch))

# (pattern, first character, the characters that may follow it; None: any)
SECOND_CHAR_CASES = [
    (r"[0-9]+周年", "5", "0123456789周"),
    (r"(?:这|那)一批", "那", "一"),
    (r"[0-9〇]{4}\s*年", "〇", "0123456789〇"),  # a repeat longer than two characters
    (r"第\s*[0-9]+页", "第", "0123456789" + REGEX_SPACES),  # \s: every space
    (r"(?<![0-9])二期(?=[、，])", "二", "期"),  # assertions take no character
    (r"只\S?一个", "只", None),  # \S: any character
    (r"一|一起", "一", None),  # a match may end after one character
]


@pytest.mark.parametrize(("pattern", "first", "follow"), SECOND_CHAR_CASES)
def test_second_chars_of_a_pattern(pattern, first, follow):
    found = second_chars(pattern)
    assert found is not None
    assert found[first] == (None if follow is None else frozenset(follow))


def test_second_chars_unknown_where_a_match_can_be_empty():
    assert second_chars(r"(?:第)?") is None
    assert second_chars(r"[^0-9]+年") is None  # a first character not listed


def test_every_lookalike_start_has_its_second_characters():
    g = grammar()
    assert g.lookalike_seconds is not None
    assert all(g.lookalike_starts.fullmatch(ch) for ch in g.lookalike_seconds)
    every_start = {ch for chars in (ALPHABET, "建过新的这那是满最前共精浏年月全以如下抓做办不没无") for ch in chars}
    assert all(ch in g.lookalike_seconds for ch in every_start if g.lookalike_starts.fullmatch(ch))


# Characters that start look-alikes through their second (建党, 的一年, 这一批, 过去三年, 满分 …)
LOOKALIKE_ALPHABET = ALPHABET + "建党军国过去新的这那是满最前共精页篇号楼单元室层幢栋级圈小时+＋:：xX"


def _assert_second_chars_allow(text, pos, high):
    """Where the second-character test says no, the look-alike pattern does not match."""
    g = grammar()
    m = g.lookalikes.match(text, pos, high)
    follow = g.lookalike_seconds.get(text[pos])
    if m is not None and follow is not None:
        assert m.end() - pos >= 2 and text[pos + 1] in follow, (text, pos, m.group())


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=LOOKALIKE_ALPHABET, min_size=1, max_size=40), st.data())
def test_a_lookalike_starts_only_with_two_characters_second_chars_allows(text, data):
    pos = data.draw(st.integers(0, len(text) - 1))
    _assert_second_chars_allow(text, pos, data.draw(st.integers(pos, len(text))))


# Pieces that join into look-alikes (2021周年, 建党100周年, 第 3 页, 12:30, 七十周岁以上, 三届四次全会 …)
LOOKALIKE_PIECES = [
    "5", "12", "2021", "2021.3", "三", "十", "一", "两", "七十", "周年", "篇", "号楼", "周岁", "岁", "以上",
    "年级", "中全会", "届", "期", "次会议", "全会", ":30", "：", "年", "月", "日", "号", "小时", "×", "+", "N",
    "页", "第", "共", "建党", "过去", "的", "这", "一批", "一起", "满分", "分", "分钟", "万", "元", "企业",
    "人小组", "项", "个", "组", " ", "，", "、", "。", "\n", "社区",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(LOOKALIKE_PIECES), min_size=1, max_size=12))
def test_second_chars_allow_every_lookalike_of_joined_pieces(pieces):
    text = "".join(pieces)
    for pos in range(len(text)):
        _assert_second_chars_allow(text, pos, len(text))


def test_second_chars_allow_every_lookalike_of_two_pieces():
    for first in LOOKALIKE_PIECES:
        for second in LOOKALIKE_PIECES:
            text = first + second
            for pos in range(len(text)):
                _assert_second_chars_allow(text, pos, len(text))


def test_the_listed_digits_are_every_digit_of_the_plane():
    """The start class lists the digits \\d matches below U+10000 (found by their runs of ten)."""
    from nlp.figures.scan import _bmp_digits

    every = "".join(ch for ch in map(chr, range(0x10000)) if re.fullmatch(r"\d", ch))
    assert _bmp_digits() == every


def test_a_start_class_with_digits_matches_every_digit_and_no_other_plain_character():
    found = char_class("一", digits=True)
    sample = [*map(chr, range(0x3000)), *"０９٣߀𝟎𝟗𑁦", "一", "社", "\U0001d7ce"]
    for ch in sample:
        expected = ch == "一" or re.fullmatch(r"\d", ch) is not None or ord(ch) > 0xFFFF
        assert (found.fullmatch(ch) is not None) == expected, ch


# Runs of digits and numerals before the characters the look-alikes end their runs with (届 周 岁 号 …)
_RUNS = st.lists(
    st.sampled_from(["1", "20", "2023", "十", "一二", "三", "届", "周年", "岁", "号", "楼", "年级", "月", "日", "篇", "以上", ":", "：", "x", "单元", "次、", "会议", "，", "的"]),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_RUNS, st.data())
def test_possessive_openings_match_what_the_look_alikes_match(text, data):
    """Every look-alike with its opening run made possessive (where ``possessive_opening`` does it)
    matches the same span as the look-alike, at any position, up to any end."""
    pos = data.draw(st.integers(0, len(text)))
    high = data.draw(st.integers(pos, len(text)))
    for alternative in load_toml("not_figures.toml")["patterns"]:
        fast, plain = re.compile(possessive_opening(alternative)), re.compile(alternative)
        a, b = fast.match(text, pos, high), plain.match(text, pos, high)
        assert (a and a.span()) == (b and b.span()), (alternative, text, pos, high)


def test_possessive_opening_only_where_the_rest_cannot_start_in_the_run():
    assert possessive_opening("[0-9]+周年") == "[0-9]++周年"
    assert possessive_opening("[0-9一二]{1,2}年") == "[0-9一二]{1,2}+年"
    assert possessive_opening("[0-9]+[0-9一]年") == "[0-9]+[0-9一]年"  # the rest may start with a digit
    assert possessive_opening("[0-9]+(?:年)?") == "[0-9]+(?:年)?"  # the rest may be empty
    assert possessive_opening("[0-9]+?年") == "[0-9]+?年"  # a lazy run stays as it is
    assert possessive_opening("(?<!第)[0-9]+期") == "(?<!第)[0-9]+期"
    text = "2023年，12周年"
    assert re.compile(possessive_opening("[0-9]+周年")).search(text).span() == (6, 10)
