"""The label grammar's named rules (nlp/text/labels.py RULES): each rule reads its own invented example,
weak shapes only when asked, and the look-alikes of the weak shapes (decimals, thousands separators,
number pairs) read as no label at all."""

from __future__ import annotations

import pytest

from nlp.text.labels import RULES, confirm_runs, label_at, vocab


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_each_rule_reads_its_example(rule) -> None:
    m = vocab().label.match(rule.example)
    assert m is not None and m.lastgroup == rule.name
    label = label_at(rule.example, 0, weak=True)
    assert label is not None and label.kind == rule.kind and label.weak == rule.weak
    assert (label_at(rule.example, 0) is None) == rule.weak


# (line, kind, number, level, label as written) — read with weak shapes allowed
LABELS = [
    ("1）完善议事制度", "pdig", 1, 4, "1）"),
    ("12)拓宽参与渠道", "pdig", 12, 4, "12)"),
    ("  3，守牢安全底线", "dig", 3, 3, "3，"),
    ("2,做实便民服务", "dig", 2, 3, "2,"),
    ("1.2023年工作回顾", "dig", 1, 3, "1."),
    ("1．2024年重点任务", "dig", 1, 3, "1．"),
    ("4.12345热线诉求办理", "dig", 4, 3, "4."),
    ("一.2023年工作回顾", "cn", 1, 1, "一."),
    ("十二．2024年工作打算", "cn", 12, 1, "十二．"),
]


@pytest.mark.parametrize(("line", "kind", "number", "level", "written"), LABELS)
def test_label_shapes(line: str, kind: str, number: int, level: int, written: str) -> None:
    label = label_at(line, 0, weak=True)
    assert (label.kind, label.number, label.level, line[label.start : label.end]) == (kind, number, level, written)


# A number opening a line that is no label, even with weak shapes allowed.
NOT_LABELS = [
    "1.8万元用于修缮居民活动室",  # a decimal and its magnitude
    "2.5%的居民参与评议",  # a rate
    "3.2公里道路完成硬化",  # a length
    "1.5个百分点",  # a count unit after the fraction
    "12.6亿元",  # a two-digit integer part
    "1,200元慰问金",  # a thousands separator
    "1，2号楼完成改造",  # two numbers, not a label
    "2023.5",  # a year and a month, no label of two digits
    "0、无",  # no label numbers 0
]


@pytest.mark.parametrize("line", NOT_LABELS)
def test_look_alikes_are_no_labels(line: str) -> None:
    assert label_at(line, 0, weak=True) is None


# (lines, which open a physical line, the numbers confirm_runs keeps; None = no label)
RUNS = [
    (["1，完善议事制度", "正文。", "2，拓宽参与渠道"], [True, True, True], [1, None, 2]),
    (["1，完善议事制度", "正文。", "3，拓宽参与渠道"], [True, True, True], [None, None, None]),
    (["1，完善议事制度", "2，拓宽参与渠道"], [True, False], [None, None]),  # the second split after a stop
    (["1.做好议事协商", "2.2023年工作回顾"], [True, True], [1, 2]),  # a strong dot label before it
    (["1、做好议事协商", "2.2023年工作回顾"], [True, True], [1, None]),  # another mark: no run of dots
    (["一、回顾", "1，党建", "2，治理", "二、打算", "1，服务", "2，安全"], [True] * 6, [1, 1, 2, 2, 1, 2]),
]


@pytest.mark.parametrize(("lines", "starts", "numbers"), RUNS)
def test_weak_labels_stand_only_in_runs(lines: list[str], starts: list[bool], numbers: list[int | None]) -> None:
    labels = confirm_runs(lines, [label_at(line, 0, weak=True) for line in lines], starts)
    assert [label and label.number for label in labels] == numbers
