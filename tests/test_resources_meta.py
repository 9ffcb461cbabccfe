"""meta.toml keeps its word lists as tables of word = example; every example shows its word in use."""

from __future__ import annotations

import pytest

from nlp.resources import load_toml

META = load_toml("meta.toml")
TABLES = {
    f"{group}.{name}": words
    for group, table in META.items()
    for name, words in table.items()
    if isinstance(words, dict)
}


def test_every_word_list_has_its_examples():
    """A list kept as a list (read so elsewhere) has a ``<name>_examples`` table with every word."""
    missing = {
        f"{g}.{n}": [w for w in v if w not in t.get(f"{n}_examples", {})]
        for g, t in META.items()
        for n, v in t.items()
        if isinstance(v, list)
    }
    assert {k: v for k, v in missing.items() if v} == {}
    assert len(TABLES) >= 30


@pytest.mark.parametrize("table", sorted(TABLES))
def test_each_example_contains_its_word(table):
    words = TABLES[table]
    missing = {w: ex for w, ex in words.items() if not isinstance(ex, str) or w not in ex}
    assert missing == {}
