"""The figure scan's readings (nlp/figures/figure_reading.py) and its pass over quotations
(nlp/figures/quantities.py) held to their plain definitions: a reading kept from an earlier figure
is the reading the figure gets on its own, and the quotations are asked in one pass."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures import figure_reading as R
from nlp.figures import quantities as Q
from nlp.figures.figure_grammar import FigureGroups, grammar

# Digits, numerals, magnitudes, qualifiers, units, joiners, cents, quotation marks, spaces and words.
ALPHABET = "0123456789.,一二三四五六七八九十百千万亿两半约近超余多几数以上下内左右元块角毛分钱人户名次个年平方公里米-~至到（含）“”《》 社区开展"


def _cold(text: str) -> tuple[Q.Candidate, ...]:
    R.unit_reading.cache_clear()
    R.number_reading.cache_clear()
    return Q.find_candidates(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=ALPHABET, max_size=40), min_size=2, max_size=4))
def test_a_kept_reading_is_the_reading_of_the_figure_alone(texts: list[str]) -> None:
    """Readings kept from other texts (other contexts, other positions) change no candidate."""
    alone = [_cold(text) for text in texts]
    for text in texts:
        Q.find_candidates(text)
    assert [Q.find_candidates(text) for text in texts] == alone
    assert [Q.find_candidates(text) for text in reversed(texts)] == alone[::-1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("投资1万元--5万元", [("1万元--5", None, "10000", "50000", "元")]),
        ("补助1万元（含）-5万元", [("1万元（含）-5", None, "10000", "50000", "元")]),
        ("安置3人-5户", []),  # the ends name two units: no range, and no figure
        ("再投资2万元-3万元，另1万元--5万元", [("2万元-3", None, "20000", "30000", "元"),
                                          ("1万元--5", None, "10000", "50000", "元")]),
    ],
)
def test_a_range_with_a_unit_on_its_left_end(text: str, expected: list[tuple]) -> None:
    """Where the left end's unit stands is part of what a reading is kept by."""
    for _ in range(2):  # read, then kept
        got = [
            (q.number_text, *(None if x is None else str(x) for x in (q.value, q.low, q.high)), q.unit)
            for q in Q.find_quantities(text)
        ]
        assert got == expected


def test_the_groups_are_the_pattern_groups() -> None:
    assert tuple(grammar().pattern.groupindex) == FigureGroups._fields
    m = grammar().pattern.match("约3.5万元")
    groups = FigureGroups._make(m.groups())  # type: ignore[union-attr]
    assert (groups.pre, groups.num, groups.unit) == ("约", "3.5万", "元")


def test_a_reading_holds_immutable_values() -> None:
    read = R.number_reading(grammar().pattern.match("7.5万元").groups(), None)  # type: ignore[union-attr]
    assert read is not None and read.value == Decimal(75000) and isinstance(read.value, Decimal)
    assert read.number_text == "7.5" and read.unit_text == "万元"


def _plain_overlap(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start - Q._Quotations.REACH <= s < end and start < e for s, e in spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="“”《》ab1", max_size=80), st.lists(st.integers(0, 80), max_size=12))
def test_quotations_asked_in_one_pass_answer_as_each_alone(text: str, starts: list[int]) -> None:
    quoted = Q._Quotations(text, grammar().quoted)
    spans = [(m.start() + 1, m.end() - 1) for m in grammar().quoted.finditer(text)]
    for start in sorted(starts):
        end = start + 2
        assert quoted.overlap(start, end) == _plain_overlap(spans, start, end), (text, start)


def test_a_number_inside_a_long_title_is_quoted() -> None:
    text = "学习《" + "关于" * 20 + "做好2个重点领域工作的通知》，开展活动3次"  # the 2 is 45 characters in
    rules = {c.quantity.number_text: c.rule for c in Q.find_candidates(text)}
    assert rules == {"2": "quoted", "3": None}


@pytest.mark.parametrize(
    "text, expected",
    [
        # minus_rate (eleventh session): a minus before a rate's digits after a Chinese word is a sign
        ("全镇农业产值增长-0.3%。", [("-0.3", Decimal("-0.3"), "%")]),
        ("社区人口自然增长率为－1.2‰。", [("-1.2", Decimal("-1.2"), "‰")]),
        ("集体经济收入同比−2.5个百分点。", [("-2.5", Decimal("-2.5"), "百分点")]),
        # a sign after a letter or a digit joins a code; a count after a dash stays no figure, as before
        ("采用B-5%标准配比。", []),
        ("走访群众-3人。", []),
    ],
)
def test_a_minus_before_a_rate_is_its_sign(text: str, expected: list[tuple]) -> None:
    from nlp.text.normalize import normalize

    found = Q.find_quantities(normalize(text).text)
    assert [(q.number_text, q.value, q.unit) for q in found] == expected
