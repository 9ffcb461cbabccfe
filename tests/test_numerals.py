"""nlp.figures.numerals: every numeral form of issue 3, exact Decimal values, write/parse round trip."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.figures.numeral_writer import write_number
from nlp.figures.numerals import parse_number
from nlp.records import Qualifier

VALUES = {
    "arabic": ("1,200", "1200"),
    "decimal": ("1.8", "1.8"),
    "decimal money": ("7.5", "7.5"),
    "float artefact": ("1.57", "1.57"),
    "full-width": ("１２００", "1200"),
    "one": ("一", "1"),
    "two": ("两", "2"),
    "fifteen": ("十五", "15"),
    "256": ("二百五十六", "256"),
    "1008 with 零": ("一千零八", "1008"),
    "34000": ("三万四千", "34000"),
    "1.8万": ("1.8万", "18000"),
    "3万4000": ("3万4000", "34000"),
    "25万6千": ("25万6千", "256000"),
    "一万五千亿": ("一万五千亿", "1500000000000"),
    "大写": ("壹佰贰拾叁", "123"),
    "大写 thousands": ("叁仟", "3000"),
    "〇": ("〇", "0"),
    "百分之九十": ("百分之九十", "90"),
    "三成": ("三成", "3"),
    "八成": ("八成", "8"),
    "三分之二": ("三分之二", "66.67"),
    "traditional 兩萬": ("兩萬", "20000"),
    "traditional 億": ("一億", "100000000"),
    "二百余万 approx": ("二百余万", "2000000"),
    "6万多": ("6万多", "60000"),
    "10几": ("10几", "10"),
}


@pytest.mark.parametrize("text,value", VALUES.values(), ids=VALUES.keys())
def test_value(text: str, value: str) -> None:
    n = parse_number(text)
    assert n is not None and n.value == Decimal(value)


RANGES = {
    "两三 is 2-3 not 23": ("两三", 2, 3),
    "一两 is 1-2 not 12": ("一两", 1, 2),
    "3-4": ("3-4", 3, 4),
    "三至五": ("三至五", 3, 5),
    "20—30": ("20—30", 20, 30),
    "3~5": ("3~5", 3, 5),
    "3-4万 scales both ends": ("3-4万", 30000, 40000),
}


@pytest.mark.parametrize("text,low,high", RANGES.values(), ids=RANGES.keys())
def test_range(text: str, low: int, high: int) -> None:
    n = parse_number(text)
    assert n is not None and n.qualifier is Qualifier.RANGE and n.value is None
    assert (n.low, n.high) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize("text", ["x", "xx", "XX", "××", "__", "＿＿", "*", "**", "***", "xx.xxx万"])
def test_masked(text: str) -> None:
    n = parse_number(text)
    assert n is not None and n.qualifier is Qualifier.MASKED and n.value is None


@pytest.mark.parametrize("text", ["切两半", "统一", "社区", "", "十四五", "3三"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_approx_carries_low_bound() -> None:
    n = parse_number("二百余万")
    assert n is not None and n.qualifier is Qualifier.APPROX and n.low == Decimal(2000000)


@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_integers(n: int) -> None:
    parsed = parse_number(write_number(n))
    assert parsed is not None and parsed.value == n


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
def test_round_trip_decimals(d: Decimal) -> None:
    parsed = parse_number(write_number(d))
    assert parsed is not None and parsed.value == d


@given(st.text(max_size=30))
def test_never_raises(text: str) -> None:
    parse_number(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123456789.万亿億萬", min_size=1, max_size=12))
def test_a_plain_number_reads_as_every_mark_would_read_it(text: str) -> None:
    """parse_number reads digits, points and 万/亿 with _core alone: what the marks would give."""
    from nlp.figures.numerals import _marked, _parse_number

    got, marked = _parse_number.__wrapped__(text), _marked(text, text)
    assert got == marked
    if got is not None:
        assert str(got.value) == str(marked.value)  # the same exponent too (75000.0)  # type: ignore[union-attr]
