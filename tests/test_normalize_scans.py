"""Normalization's patterns that read a character before looking back at the one before it (so the
regex engine can jump between candidates) find what the patterns as first written find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.resources import load_toml
from nlp.text.junk import CJK, pinyin_regex
from nlp.text.normalize_layout import _LOST_SPACES, _PAGE_IN_SENTENCE, _SPACE_IN_CJK, _TRAILING_SPACE

SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")
PAGE_IN_SENTENCE = re.compile(rf"(?<=[{CJK}，,、])[ \t]+\d{{1,3}}[ \t]*\n[ \t]*\n[ \t]*(?=[{CJK}])")

LOST_SPACES = re.compile(r"\?{2,}")
TRAILING_SPACE = re.compile(r"[ \t\u3000]+(?=\n|\Z)")

PIECES = ["社", "區", "工作", " ", "  ", "\t", "\n", "12", "，", "、", "a", "(", ")", "(qū)", "(jié)", "?F", "?,F", "(xiàn)",
          "(2种)", "( shè qū )", "总结"]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_space_and_page_patterns_are_their_definitions(text: str) -> None:
    assert _spans(_SPACE_IN_CJK, text) == _spans(SPACE_IN_CJK, text)
    assert _spans(_PAGE_IN_SENTENCE, text) == _spans(PAGE_IN_SENTENCE, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "?", "??", "\u3000", " \n", "\t\n"]), max_size=25).map("".join))
def test_patterns_that_open_with_their_character_are_their_definitions(text: str) -> None:
    assert _spans(_LOST_SPACES, text) == _spans(LOST_SPACES, text)
    assert _spans(_TRAILING_SPACE, text) == _spans(TRAILING_SPACE, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_the_pinyin_pattern_is_its_definition(text: str) -> None:
    fast = pinyin_regex()
    cjk_branch, lost_branch = fast.pattern.split("|" + load_toml("junk_patterns.toml")["mojibake"]["lost"] + r"\(", 1)
    inside = cjk_branch.removeprefix(rf"\((?<=[{CJK}]\()")
    paren = rf"\({inside}"
    lost = load_toml("junk_patterns.toml")["mojibake"]["lost"]
    definition = re.compile(rf"(?<=[{CJK}]){paren}|{lost}{paren}")
    assert lost_branch == inside
    assert _spans(fast, text) == _spans(definition, text)


def test_the_patterns_find_something_here() -> None:
    assert _spans(_SPACE_IN_CJK, "工作 总结") == [(2, 3)]
    assert _spans(_PAGE_IN_SENTENCE, "改造小组的 2\n\n管网") == [(5, 9)]
    assert [m.group() for m in pinyin_regex().finditer("社區(qū)保證?,F(xiàn)")] == ["(qū)", "?,F(xiàn)"]
