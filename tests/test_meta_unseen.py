"""The unseen-like metadata measure (evaluation/meta_unseen.py, its cases in
evaluation/meta_unseen/cases.toml) as tests: whole small reports written for the tenth session, their
title, community, year and period fixed from SPEC and GUIDELINES before the pipeline ran on them. Known
failures are strict xfails with the reason."""

from __future__ import annotations

import pytest

from evaluation.meta_unseen import CASES, predict

# Cases the rules do not get right yet (strict: an xfail that passes fails the suite).
KNOWN_FAILURES: dict[str, str] = {
    "m15 period: 今年上半年 in the opening, the year in the title": (
        "meta15's expectation (H1) disagrees with GUIDELINES (a titled year is `year`) and with"
        " test_meta_stress's scope_sentence case (a period outside the scope sentence does not count):"
        " the rule that read it (leading_part) was withdrawn; the call is left to the gold's owners"
    ),
}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=case.name,
            marks=pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[case.name]) if case.name in KNOWN_FAILURES else (),
        )
        for case in CASES
    ],
)
def test_unseen_metadata(case):
    assert predict(case) == case.expected()


def test_case_names_are_unique():
    assert len({case.name for case in CASES}) == len(CASES)
