"""The planned measure on the long government reports (evaluation/planned_long.py, tenth session):
the sample it lists for blind labelling, the labels file, and the pipeline against the labels of
two reports (the past-year sentence of a plan part, a glossary in a plan section)."""

from __future__ import annotations

from collections import Counter

import pytest

from evaluation import planned_long as pl


def _item(path: str, n: int) -> pl.Item:
    return pl.Item(f"L99:{n}-{n + 2}", "L99", path, f"句子{n}【{n}个】。", f"{n}个", False)


def test_sample_takes_every_top_level_section_in_turn_and_one_figure_per_sentence() -> None:
    items = [_item("一、回顾 > 民生", n) for n in range(10)] + [_item("二、计划", n) for n in range(10, 13)]
    items.append(pl.Item("L99:50-52", "L99", "二、计划", "句子10【10个】。", "10个", True))  # same sentence again
    chosen = pl.sample(items, per_doc=6, seed=1)
    by_part = Counter(item.path.split(" > ")[0] for item in chosen)
    assert len(chosen) == 6
    assert by_part == {"一、回顾": 3, "二、计划": 3}
    assert len({item.sentence.replace(f"【{item.figure}】", item.figure) for item in chosen}) == 6


def test_labels_file_is_blind_and_balanced() -> None:
    labels = pl.read_labels()
    per_report = Counter(key.split(":")[0] for key in labels)
    assert len(labels) == 299
    assert set(per_report) == {f"L{i:02d}" for i in range(1, 14)} and min(per_report.values()) >= 20
    assert 0.3 < sum(labels.values()) / len(labels) < 0.7  # both verdicts well represented


@pytest.mark.parametrize("report", ["L02", "L12"])
def test_pipeline_agrees_with_the_blind_labels(report: str) -> None:
    paths = [p for p in pl.long_reports() if p.stem == report]
    if not paths:
        pytest.skip("corpus/long not found (set ZONGJIE_SHARED)")
    labels = {k: v for k, v in pl.read_labels().items() if k.startswith(report + ":")}
    found = {item.key: item for item in pl.items_of(paths[0])}
    wrong = [(k, found[k].sentence) for k, gold in labels.items() if k in found and found[k].planned != gold]
    assert all(k in found for k in labels)
    assert wrong == []
