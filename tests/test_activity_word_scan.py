"""A word list scanned over a document (nlp/activities/word_scan.py): the compiled form (the optional
kernel nlp/activities/_scan.c) and the Python form each held to the plain definitions on generated
words and texts, and to each other on invented reports."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities import word_scan
from nlp.activities.grammar_index import word_scans
from nlp.activities.vocab import holds_head, keyword_kinds, kind_keyword, vocab
from nlp.activities.word_scan import WordScan, containing_test, first_word_test

_LETTERS = "党组织开展，"  # few letters: words overlap and nest often
word_lists = st.lists(st.text(alphabet=_LETTERS[:5], min_size=1, max_size=4), min_size=1, max_size=8)
short_text = st.text(alphabet=_LETTERS + "𠀀", max_size=24)  # (a character beyond the BMP too)

FORMS = [
    pytest.param(False, id="python"),
    pytest.param(
        True,
        id="compiled",
        marks=pytest.mark.skipif(
            word_scan.COMPILED is None,
            reason="nlp.activities._scan not built (make kernels) or ZONGJIE_PURE_PYTHON set",
        ),
    ),
]


def _alternation(words: list[str]) -> str:
    """The plain form: the words, longest first, as one alternation."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda w: (-len(w), w))))


@pytest.mark.parametrize("compiled", FORMS)
@settings(max_examples=300, deadline=None)
@given(words=word_lists, text=short_text)
def test_spans_are_the_alternations_matches_with_their_words(compiled: bool, words: list[str], text: str) -> None:
    scan = WordScan(words, compiled=compiled)
    starts, ends, found = scan.spans(text)
    expected = [m.span() for m in re.finditer(_alternation(words), text)]
    assert list(zip(starts, ends, strict=True)) == expected
    assert [scan.words[i] for i in found] == [text[s:e] for s, e in expected]
    assert all(words.index(words[i]) == i for i in found)  # a repeated word: its first index


@pytest.mark.parametrize("compiled", FORMS)
@settings(max_examples=300, deadline=None)
@given(words=word_lists, text=short_text)
def test_covered_is_every_offset_inside_an_overlapped_match(compiled: bool, words: list[str], text: str) -> None:
    expected = {p for m in regex.finditer(_alternation(words), text, overlapped=True) for p in range(*m.span())}
    assert WordScan(words, compiled=compiled).covered(text) == expected


@pytest.mark.parametrize("compiled", FORMS)
@settings(max_examples=300, deadline=None)
@given(words=word_lists, text=short_text, span=st.tuples(st.integers(-3, 30), st.integers(-3, 30)))
def test_containing_test_is_the_alternations_search(
    compiled: bool, words: list[str], text: str, span: tuple[int, int]
) -> None:
    holds = containing_test(words, compiled=compiled)
    pattern = re.compile(_alternation(words))
    assert holds(text) is (pattern.search(text) is not None)
    assert holds(text, *span) is (pattern.search(text, *span) is not None)


@pytest.mark.parametrize("compiled", FORMS)
@settings(max_examples=300, deadline=None)
@given(words=word_lists, text=short_text)
def test_first_word_is_the_word_the_alternations_search_finds(compiled: bool, words: list[str], text: str) -> None:
    found = re.search(_alternation(words), text)
    expected = words.index(found.group()) if found is not None else -1
    assert first_word_test(words, compiled=compiled)(text) == expected


def test_kind_keywords_one_by_one_and_all_at_once() -> None:
    names = ["消防安全培训班", "篮球赛", "辖区居民", "主题党日活动", ""]
    assert keyword_kinds(names) == [kind_keyword(name) for name in names]
    assert kind_keyword("辖区居民") is None and kind_keyword("篮球赛") is not None


_REPORT = (
    "今年以来，社区党组织组织开展主题党日活动6次，举办健康讲座、消防知识培训等活动，"
    "走访慰问困难群众35户。新建文化广场已完工，社会组织参与志愿服务，推进基层组织建设。"
)


@pytest.mark.skipif(word_scan.COMPILED is None, reason="nlp.activities._scan not built (make kernels)")
@pytest.mark.parametrize("text", [_REPORT, _REPORT * 3 + "\n一、加强党的建设\n", ""])
def test_the_two_forms_agree_on_the_grammars_word_lists(text: str) -> None:
    for scan in word_scans():
        plain = WordScan(scan.words, compiled=False)
        assert scan.spans(text) == plain.spans(text)
        assert scan.covered(text) == plain.covered(text)


@pytest.mark.parametrize("compiled", FORMS)
def test_the_head_test_agrees_with_the_head_pattern_on_names_and_pieces(compiled: bool) -> None:
    holds = containing_test(vocab().head_words, compiled=compiled)
    names = ["消防知识讲座", "辖区居民", "主题党日", "困难群众35户", "", "新建文化广场已完工"]
    for name in names:
        assert holds(name) is (vocab().head_re.search(name) is not None)
    for start in range(0, len(_REPORT), 7):
        for end in (start + 3, start + 12, len(_REPORT)):
            assert holds(_REPORT, start, end) is (vocab().head_re.search(_REPORT, start, end) is not None)
    assert holds_head()("居民议事会") and not holds_head()("辖区居民")


def test_an_empty_word_is_refused() -> None:
    with pytest.raises(ValueError):
        WordScan(["开展", ""])
