"""nlp/activities/_keys.c, the compiled look-up of ``WordKeys.encode`` and the compiled reading of
the new words' forms, gives exactly the keys, the words in order of first sight and the five
columns of the Python form, call after call on the same keys (pairs met before, new ones, repeats,
white space, clause marks and quotes)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.activities import token_arrays
from nlp.activities.token_arrays import WordKeys

pytestmark = pytest.mark.skipif(token_arrays.COMPILED is None, reason="the _keys kernel was not built")

_COLUMNS = ("length", "blank", "clause_mark", "opens_quote", "closes_quote")

# Characters of plain words, white space (full-width too), clause marks and quotes of both kinds.
_WORDS = st.text(alphabet="社区开展走访活动居民 \u3000\n，。、；:“”‘’《》\"", max_size=4)
_TAGS = st.sampled_from(["n", "v", "x", "ns", "m"])
_CALLS = st.lists(st.lists(st.tuples(_WORDS, _TAGS), max_size=12), max_size=5)

CALLS = [
    [("社区", "n"), ("开展", "v"), ("“", "x"), ("文明户", "n"), ("”", "x"), ("，", "x"), ("社区", "n")],
    [("开展", "v"), ("　", "x"), ("《", "x"), ("平安", "n"), ("》", "x"), ("开展", "v"), ("", "x")],
    [],
    [("“好邻居”", "nz"), ("社区", "n"), ("社区", "v")],
]


def _run(calls: list[list[tuple[str, str]]], compiled: bool) -> tuple[list[list[int]], WordKeys]:
    kernel = token_arrays.COMPILED
    if not compiled:
        token_arrays.COMPILED = None
    try:
        keys = WordKeys()
        found = [keys.encode(words).tolist() for words in calls]
    finally:
        token_arrays.COMPILED = kernel
    return found, keys


def _same(calls: list[list[tuple[str, str]]]) -> tuple[list[list[int]], WordKeys]:
    compiled, compiled_keys = _run(calls, True)
    python, python_keys = _run(calls, False)
    assert compiled == python
    assert compiled_keys.words == python_keys.words and compiled_keys.ids == python_keys.ids
    for name in _COLUMNS:
        a, b = getattr(compiled_keys, name), getattr(python_keys, name)
        assert a.dtype == b.dtype and np.array_equal(a, b), name
    return compiled, compiled_keys


def test_the_kernel_gives_the_python_forms_keys_and_columns() -> None:
    found, keys = _same(CALLS)
    assert found[0] == [0, 1, 2, 3, 4, 5, 0]  # a pair met again keeps its key
    assert found[1][0] == 1 and found[1][-2] == 1 and found[2] == []
    assert found[3][1:] == [0, keys.ids[("社区", "v")]]  # the same word with another tag is another pair
    at = {word: i for i, word in enumerate(keys.words)}
    assert keys.blank[at[("　", "x")]] and keys.blank[at[("", "x")]] and not keys.blank[at[("社区", "n")]]
    assert keys.clause_mark[at[("，", "x")]] and keys.opens_quote[at[("《", "x")]]
    assert keys.opens_quote[at[("“好邻居”", "nz")]] and keys.closes_quote[at[("“好邻居”", "nz")]]
    assert keys.length.tolist()[at[("文明户", "n")]] == 3


@settings(max_examples=300, deadline=None)
@given(calls=_CALLS)
def test_the_kernel_equals_the_python_form_on_any_words(calls: list[list[tuple[str, str]]]) -> None:
    _same(calls)


def test_the_kernel_refuses_what_is_not_a_pair() -> None:
    with pytest.raises(TypeError):
        token_arrays.COMPILED.describe(["社区"], frozenset(), frozenset(), frozenset())
