"""``_present_openings`` (rule present_state tried only at sentence starts that hold its words) gives
exactly the matches of the plain ``finditer`` it replaces, on generated text and every corpus text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.planned import _PRESENT_OPENING, _present_openings

PIECES = [
    "现有", "目前有", "现共有", "目前共有", "截至", "2023年底", "，", "。", "！", "？", "!", "；", ";", "\n", " ",
    "\u3000", "1.", "2、", "社区", "党员", "41名", "将", "计划", "有", "现", "目前", "共",
]


def _spans(matches) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_same_matches_as_finditer(text: str) -> None:
    assert _spans(_present_openings(text)) == _spans(_PRESENT_OPENING.finditer(text))


def test_the_same_matches_on_every_corpus_text() -> None:
    from evaluation.shared import MISSING, ROOT, corpus_documents

    paths = corpus_documents() + sorted((ROOT / "corpus" / "written").glob("*.txt"))
    if not corpus_documents():
        pytest.skip(MISSING)
    found = 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = _spans(_PRESENT_OPENING.finditer(text))
        assert _spans(_present_openings(text)) == expected, path.name
        found += len(expected)
    assert found  # the corpus states what exists, so the comparison saw matches
