"""The figure scan's faster tests held to their plain definitions on generated text: the look-alike
veto scanned by hand in a window, and the numeral character classes read by one pattern."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures import lookalike_rules as L
from nlp.figures import quantities as Q
from nlp.figures.numerals import vocab

# Digits, numerals, magnitudes, units, the first characters of many look-alikes (一起, 三个代表,
# 年来, 号楼, 周岁以上, 12:30) and plain words.
ALPHABET = "0123456789一二三四五六七八九十百千万亿两〇零个次人户名年月日号楼岁周以上下起代表来期届组:：+×*， 。\n社区活动党员"


def _plain_veto(text: str, start: int, end: int) -> bool:
    g = Q.grammar()
    low, high = max(0, start - Q._WINDOW), min(len(text), end + Q._WINDOW)
    return any(m.start() < end and start < m.end() for m in g.lookalikes.finditer(text, low, high))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=50), st.data())
def test_the_veto_equals_finditer_in_its_window(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert Q._vetoed(Q.grammar(), text, start, end) == _plain_veto(text, start, end)


def test_the_veto_on_every_candidate_of_real_looking_text() -> None:
    text = "一起参加活动3次，三个代表学习2次，近年来新增5户，12:30开会3场，70周岁以上老人40名，3号楼住户12户"
    for candidate in Q.find_candidates(text):
        q = candidate.quantity
        assert Q._vetoed(Q.grammar(), text, q.norm_start, q.norm_end) == _plain_veto(text, q.norm_start, q.norm_end)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="一二三四五六七八九十百千万亿两〇零壹贰0123某", min_size=1, max_size=8))
def test_numeral_classes_equal_the_character_tests(num: str) -> None:
    v = vocab()
    assert L._is_positional(num) == (len(num) >= 2 and all(c in v.chinese for c in num))
    only_magnitudes = L.numeral_classes().magnitudes_only.fullmatch(num) is not None
    assert only_magnitudes == all(c in v.small or c in v.big for c in num)


FIGURE_ALPHABET = ALPHABET + "约近超余多第届“”《》元万块毛角%.,-~至"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=FIGURE_ALPHABET, max_size=60))
def test_figures_are_the_candidates_no_rule_rejects(text: str) -> None:
    """find_quantities skips reading the numbers of rejected candidates: the same figures."""
    expected = tuple(c.quantity for c in Q.find_candidates(text) if c.rule is None)
    assert Q.find_quantities(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=FIGURE_ALPHABET, max_size=60))
def test_figures_are_the_records_the_constructor_makes(text: str) -> None:
    """The scan fills each Quantity's fields without its __init__: the same record, field for field."""
    from dataclasses import fields

    from nlp.records import Quantity

    names = [f.name for f in fields(Quantity)]
    for candidate in Q.find_candidates(text):
        made = candidate.quantity
        rebuilt = Quantity(**{name: getattr(made, name) for name in names})
        assert made == rebuilt and hash(made) == hash(rebuilt) and repr(made) == repr(rebuilt)
        assert list(vars(made)) == names


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="一二三四五六七八九十百千万亿两〇零0123456789,.", min_size=1, max_size=8))
def test_number_shape_helpers_equal_their_definitions(num: str) -> None:
    v, classes = vocab(), L.numeral_classes()
    assert L._digit_count(num) == sum(c.isdecimal() for c in num)
    bare = classes.magnitudes_only.fullmatch(num) is not None and v.small.get(num.rstrip(classes.big)) != 10
    assert L._bare_magnitude(num) == bare
