"""The figure pattern's fast form (nlp/figures/figure_pattern.py) matches exactly what its plain form
matches: the same span and the same groups at every position of generated and corpus text."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.figure_grammar import grammar
from nlp.figures.figure_pattern import figure_regex
from nlp.figures.numerals import vocab
from nlp.text.normalize import normalize

# Numerals, magnitudes, separators, masks, qualifiers, units (numeral-led ones too: 千米, 百分点),
# joiners, cents, brackets, spaces and a few plain characters.
ALPHABET = (
    "0123456789٣.,，点%-—~至到约近超不足余多几数以上下内左右()（）含半年个月天人户名次元块角毛分钱之"
    "百分千米克瓦时万亿十两一二三四五六七八九〇零壹XxX×*某平方公里 \u3000\xa0社区开展"
)


@cache
def _forms() -> tuple[re.Pattern[str], re.Pattern[str]]:
    g = grammar()
    names = {variant: unit.name for variant, unit in g.units.items()}
    return g.pattern, re.compile(figure_regex(vocab(), names, g.qualifiers, fast=False))


def _reading(pattern: re.Pattern[str], text: str, pos: int) -> tuple | None:
    m = pattern.match(text, pos)
    return None if m is None else (m.span(), tuple(m.span(name) for name in pattern.groupindex))


def _same_at_every_position(text: str) -> None:
    fast, plain = _forms()
    assert list(fast.groupindex) == list(plain.groupindex)
    for pos in range(len(text)):
        assert _reading(fast, text, pos) == _reading(plain, text, pos), (text, pos)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_fast_form_matches_the_plain_form_on_any_text(text: str) -> None:
    _same_at_every_position(text)


@pytest.mark.parametrize(
    "text",
    [
        "三分之二的居民，百分之九十五点五，千分之三",
        "5千米-10千米，3百分点，600万千瓦时，1.2万元--5万元，50万元（含）以上",
        "共计 16.2 万元，总人口 1234 人，十块三毛，一百三十五块六角七分钱",
        "不少于5次、不到10人、约计3000人、大约二三十户、数十次、几百人、20余场次、1平方多公里",
        "82，225.00元，1,200元，1,2345元，3.5.6个，xx户，XX.XX元，半年来，半个月",
        "20:00两个时段，队伍3支，伍佰元，二〇二一年",
    ],
)
def test_fast_form_matches_the_plain_form_on_written_figures(text: str) -> None:
    _same_at_every_position(text)


def test_fast_form_matches_the_plain_form_on_the_corpus() -> None:
    from evaluation.shared import MISSING, corpus_documents

    paths = corpus_documents()
    if not paths:
        pytest.skip(MISSING)
    fast, plain = _forms()
    starts = grammar().starts
    for path in paths:
        text = normalize(path.read_text(encoding="utf-8", errors="replace")).text
        for found in starts.finditer(text):  # (elsewhere neither form can match)
            pos = found.start()
            assert _reading(fast, text, pos) == _reading(plain, text, pos), (path.name, pos)


def test_a_vocabulary_the_fast_form_cannot_hold_gets_the_plain_form() -> None:
    """A fraction infix that opens with a numeral would let a shorter number be followed by it:
    then the number's repeats must stay backtracking (point 1 of the module's docstring)."""
    g = grammar()
    names = {variant: unit.name for variant, unit in g.units.items()}
    odd = dataclasses.replace(vocab(), fraction=("十之",))
    assert figure_regex(odd, names, g.qualifiers) == figure_regex(odd, names, g.qualifiers, fast=False)
    assert figure_regex(vocab(), names, g.qualifiers) != figure_regex(vocab(), names, g.qualifiers, fast=False)
