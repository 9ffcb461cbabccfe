"""Rules of check17 on invented sentences: a count of persons right after a count of households
names the same group (rule household_persons_pair, nlp/checks/contexts.py), and kinds named by a
numbered class of one register exclude each other (rule numbered_classes, nlp/checks/lists.py)."""

from __future__ import annotations

import pytest

from nlp.checks import check_document
from nlp.pipeline import parse_text

TITLE = "红枫村2023年工作总结\n一、基本情况\n"


def loud(body: str) -> list[str]:
    """Names of the error and warning flags of a passage under a village's title."""
    return [f.name for f in check_document(parse_text(TITLE + body)) if f.severity.value in ("error", "warning")]


FIRES = [
    # household_persons_pair: the 人 after 户 are the persons of those households
    ("a group's persons above the whole's", "全村共有住户512户1630人，其中特困供养户9户1712人。", "subset_exceeds_total"),
    ("persons of two groups above the whole's", "全村共有农户288户905人，其中五保户6户7人，低保户20户951人。", "subset_exceeds_total"),
    # numbered_classes: 一类/二类 of one register
    ("classes of assistance above the whole", "全村纳入低保41户，其中一类低保15户、二类低保29户。", "sum_mismatch"),
    ("insurance levels above the insured", "全村参加养老保险缴费860人，其中A档缴费520人、B档缴费390人。", "sum_mismatch"),
]
QUIET = [
    ("a group's persons within the whole's", "全村共有住户512户1630人，其中特困供养户9户12人。"),
    ("groups with their persons within", "全村共有农户288户905人，其中五保户6户7人，低保户20户51人。"),
    ("classes falling short of the whole", "全村纳入低保41户，其中一类低保15户、二类低保20户。"),
    ("levels adding up", "全村参加养老保险缴费860人，其中A档缴费520人、B档缴费340人。"),
    ("classes of different things", "全村纳入低保41户，其中一类低保15户、二类残疾户29户。"),
    ("persons of the households without a pair", "全村共有住户512户，共有党员46名，其中女党员12名。"),
]


@pytest.mark.parametrize(("name", "body", "flag"), FIRES, ids=[c[0] for c in FIRES])
def test_fires(name: str, body: str, flag: str) -> None:
    assert flag in loud(body)


@pytest.mark.parametrize(("name", "body"), QUIET, ids=[c[0] for c in QUIET])
def test_quiet(name: str, body: str) -> None:
    assert loud(body) == []
