"""``parse_raw(on_stage=...)``: each step is reported as it runs inside the parse (the timing hook of
evaluation/bench_speed.py), in stage order, skipping disabled stages, without changing the record."""

from __future__ import annotations

import pytest

from corpus.readers import read_text
from nlp.pipeline import STAGE_NAMES, TEXT_STEP, parse_raw

TEXT = "青桐社区2024年上半年工作总结\n一、为民服务\n社区现有网格员12名，上半年走访独居老人46户，举办健康讲座3场。\n"

CASES = {
    "every stage": ((), (TEXT_STEP, *STAGE_NAMES)),
    "two disabled": (("activities", "checks"), (TEXT_STEP, *(n for n in STAGE_NAMES if n not in ("activities", "checks")))),
}


@pytest.mark.parametrize("disable, expected", CASES.values(), ids=CASES.keys())
def test_the_timer_hears_each_step_in_order_and_the_record_is_unchanged(disable, expected):
    heard: list[tuple[str, float]] = []
    timed = parse_raw(read_text(TEXT), disable, on_stage=lambda name, seconds: heard.append((name, seconds)))
    assert tuple(name for name, _ in heard) == expected
    assert all(seconds >= 0 for _, seconds in heard)
    assert timed.to_dict() == parse_raw(read_text(TEXT), disable).to_dict()
