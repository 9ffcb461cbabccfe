"""nlp/activities/_marks.c, the compiled form of ``_MarkIndex.of``, gives every word exactly the
marks of the Python form: words that are, end with, start with or contain listed words, joined
listed words, pieces of them and characters around them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities import word_marks
from nlp.activities.word_marks import _kernel_tables, _mark_index, word_class, word_classes_of

pytestmark = pytest.mark.skipif(word_marks.COMPILED is None, reason="the _marks kernel was not built")


def _listed() -> list[str]:
    index = _mark_index()
    return sorted({*index.whole, *index.ends, *index.starts, *(w for _, words in index.contained_words for w in words)})


# Listed words, their first and last characters and halves, and characters no list opens or ends
_PIECES = sorted(
    {piece for word in _listed() for piece in (word, word[:1], word[-1:], word[: len(word) // 2], word[len(word) // 2 :])}
    | set("的了和x7 ，")
)
_WORDS = st.lists(st.sampled_from(_PIECES), max_size=4).map("".join)


def _compiled(words: list[str]) -> list[tuple[str, ...]]:
    tables = _kernel_tables()
    assert tables is not None
    return word_marks.COMPILED.marks_of(words, tables)


def test_every_listed_word_and_its_extensions_get_the_python_forms_marks() -> None:
    listed = _listed()
    words = listed + ["居民" + w for w in listed] + [w + "活动" for w in listed] + ["新" + w + "点" for w in listed]
    words += ["", "a", "７", "社区"]
    of = _mark_index().of
    assert _compiled(words) == [of(w) for w in words]
    assert word_classes_of(words) == [of(w) for w in words]


def test_known_words_read_their_marks() -> None:
    assert word_classes_of(["开展", "居民小区", "的"]) == [("light", "cut"), ("lex_place",), ()]
    assert word_class("居民小区") == ("lex_place",)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=20))
def test_generated_words_get_the_python_forms_marks(words: list[str]) -> None:
    of = _mark_index().of
    assert _compiled(words) == [of(w) for w in words]


def test_the_kernel_reads_any_iterable_of_words() -> None:
    words = ["开展", "居民小区"]
    assert word_classes_of(iter(words)) == word_classes_of(words) == [_mark_index().of(w) for w in words]
