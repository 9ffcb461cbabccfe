"""nlp/text/_tokens.c, the compiled word-by-word part of ``pos_cut_pieces``, gives exactly the words,
tags and starts of its Python form (which scans the text for place suffixes and the lexicon's
overrides), on text full of both, cut into pieces anywhere."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text import tokens

pytestmark = pytest.mark.skipif(tokens.COMPILED is None, reason="the _tokens kernel was not built")

# Characters of place suffixes, of the lexicon's override words (人次, 村委会, 退役军人, 党支部…),
# figures, punctuation, the piece separator and plain words.
ALPHABET = "村镇乡委会人次场车退役军党支部小组两困难群众宣传单满意度率龙泉新河其中有开展活动走访户名个0123456789，。、；\n \x00"

CASES = [
    ("其中龙泉村有党员85名，新河镇召开会议3场次", [8, 10, 19, 22]),
    ("走访退役军人次数20人次，村委会调整为5个村", [8, 10, 10, 12]),
    ("乡村振兴，镇街联动", []),
]


def _both(text: str, cuts: list[int], offset: int) -> tuple[object, object]:
    compiled = tokens.pos_cut_pieces(text, cuts, offset)
    kernel, tokens.COMPILED = tokens.COMPILED, None
    try:
        python = tokens.pos_cut_pieces(text, cuts, offset)
    finally:
        tokens.COMPILED = kernel
    return compiled, python


@pytest.mark.parametrize(("text", "cuts"), CASES)
def test_the_kernel_gives_the_python_forms_words(text: str, cuts: list[int]) -> None:
    compiled, python = _both(text, cuts, 7)
    assert compiled == python
    starts, words = compiled
    assert "".join(word for word, _ in words) == text and starts[-1] == 7 + len(text)


def test_the_lexicon_tag_and_the_place_split_are_kept() -> None:
    starts, words = tokens.pos_cut_pieces("其中龙泉村有党员85名", [8, 10])
    assert words[1:4] == [("龙泉", "nz"), ("村", "n"), ("有", "v")]
    assert starts[:5] == [0, 2, 4, 5, 6]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=ALPHABET, max_size=40),
    cuts=st.lists(st.integers(min_value=1, max_value=39), max_size=6),
    offset=st.integers(min_value=0, max_value=1000),
)
def test_the_kernel_equals_the_python_form_on_any_text(text: str, cuts: list[int], offset: int) -> None:
    cuts = sorted(c for c in cuts if c < len(text))
    compiled, python = _both(text, cuts, offset)
    assert compiled == python
