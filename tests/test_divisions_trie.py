"""The county names are matched through a trie-shaped regex: it must find what the plain
alternation of the names, longest first, finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.divisions import _divisions, _table, trie_alternation

WORDS = ["杨浦区", "杨浦", "浦东新区", "东新", "新区", "区", "长白新村"]


def _plain(words) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=5, unique=True), st.text(alphabet="杨浦东新区长白村x", max_size=30))
def test_the_trie_finds_what_the_alternation_finds(words: list[str], text: str) -> None:
    trie = re.compile(trie_alternation(sorted(words, key=len, reverse=True)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in _plain(words).finditer(text)]


def test_the_county_table_through_the_trie() -> None:
    _, counties = _table()
    _, pattern = _divisions()
    # every name once, run together and apart, so that names overlap and nest
    text = "".join(counties) + "，".join(counties) + "上海市杨浦区长白新村街道"
    found = [m.span() for m in pattern.finditer(text)]
    assert found == [m.span() for m in _plain(counties).finditer(text)]
    assert len(found) > len(counties)
