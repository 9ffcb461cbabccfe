"""Inputs built to be slow: a megabyte of one kind of text must parse (or fail with a recorded
ParseError), never hang. These assert what the parse returns, not how long it took: speed is
measured in evaluation/bench_speed.py. Each case parses a megabyte in a few seconds."""

from __future__ import annotations

import pytest

from nlp.errors import ParseError
from nlp.pipeline import parse_raw, parse_text, pipe
from nlp.records import RawDoc

MEGABYTE = 1_000_000


def repeated(unit: str, size: int = MEGABYTE) -> str:
    """``unit`` repeated to ``size`` UTF-8 bytes."""
    return unit * (size // len(unit.encode("utf-8")))


# (name, text, what the parse must show)
CASES = [
    ("one line of digits", "1" * MEGABYTE, lambda p: p.facts == () and p.doc.chars == MEGABYTE),
    ("repeated figures", repeated("5人次户名场"), lambda p: len(p.facts) > 10_000),
    ("nested brackets", repeated("（") + repeated("）"), lambda p: p.facts == ()),
    ("mixed open brackets", repeated("(（[【《“"), lambda p: p.facts == ()),
    ("repeated numerals", repeated("三十五万六千七百八十九"), lambda p: p.doc.chars > 300_000),
    ("repeated rates", repeated("满意率95%，"), lambda p: len(p.facts) > 10_000),
]


@pytest.mark.parametrize("name, text, holds", CASES, ids=[c[0] for c in CASES])
def test_a_megabyte_of_one_pattern_parses(name, text, holds) -> None:
    parsed = parse_text(text, disable=["activities", "categories"], time_budget=None)
    assert holds(parsed)
    assert all(parsed.original[f.start : f.end] == f.text for f in parsed.facts[:1000])


def test_the_full_pipeline_on_dense_figures() -> None:
    text = repeated("开展活动5次，参加群众120人次，满意率98%。", 200_000)
    parsed = parse_text(text, time_budget=None)
    assert len(parsed.facts) == 3 * text.count("。")
    assert len(parsed.activities) == text.count("。")


def test_a_spent_time_budget_is_a_parse_error() -> None:
    raw = RawDoc(id="0" * 64, path="slow.txt", text=repeated("5人次户名场", 200_000), encoding="utf-8")
    with pytest.raises(ParseError, match="time budget"):
        parse_raw(raw, time_budget=0.0)


def test_a_batch_records_the_document_over_budget_and_goes_on(tmp_path) -> None:
    (tmp_path / "a_slow.txt").write_text(repeated("5人次户名场", 200_000), encoding="utf-8")
    (tmp_path / "b_fine.txt").write_text("社区现有党员41名。\n", encoding="utf-8")
    slow, fine = list(pipe([tmp_path], time_budget=0.0))
    assert isinstance(slow, ParseError) and "a_slow.txt" in str(slow) and "time budget" in str(slow)
    assert isinstance(fine, ParseError)  # a zero budget is spent by every document
    slow, fine = list(pipe([tmp_path], time_budget=None))
    assert len(fine.facts) == 1 and len(slow.facts) > 1000
