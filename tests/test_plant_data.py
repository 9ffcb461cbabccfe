"""The planted-error phrasings of the check benchmark: well-formed, split once, errors certain.

Only the data and the shapes are tested here (fast, no corpus); the benchmark itself is
``python -m evaluation.check_bench``.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from evaluation.plant_data import SPLITS, phrasings, split_phrasings
from evaluation.plant_errors import KINDS, plant
from evaluation.plant_shapes import SHAPES, Scale, cn_int
from nlp.pipeline import parse_text

SENTENCE_KINDS = set(KINDS) - {"period_mismatch", "template_text"}  # these two are mutations


def test_every_sentence_kind_has_at_least_six_phrasings_and_traps_exist():
    counts = Counter(p.kind for p in phrasings())
    assert {k for k in SENTENCE_KINDS if counts[k] < 6} == set()
    assert counts["trap"] >= 12


def test_split_is_disjoint_and_both_sides_have_every_kind():
    sides = {s: split_phrasings(s) for s in SPLITS}
    dev_ids = {p.id for ps in sides["dev"].values() for p in ps}
    test_ids = {p.id for ps in sides["test"].values() for p in ps}
    assert not dev_ids & test_ids
    assert dev_ids | test_ids == {p.id for p in phrasings()}
    for kind in SENTENCE_KINDS | {"trap"}:
        assert sides["dev"].get(kind) and sides["test"].get(kind), kind


@pytest.mark.parametrize("shape,parts", [("sum2", "ab"), ("sum3", "abc"), ("sum4", "abcd")])
@pytest.mark.parametrize("persons", [0, 5000, 2_000_000])
def test_sum_shapes_never_add_up(shape, parts, persons):
    def number(v) -> float:
        return float(str(v).removesuffix("万"))

    for seed in range(200):
        values = SHAPES[shape](random.Random(seed), Scale(persons=persons))
        assert sum(number(values[k]) for k in parts) != number(values["total"])


def test_grim_shape_rate_is_impossible_and_trap_rate_possible():
    for seed in range(200):
        v = SHAPES["grim"](random.Random(seed), Scale())
        assert not any(abs(k * 100 / v["n"] - v["r"]) <= 0.5 for k in range(v["n"] + 1))
        ok = SHAPES["grim_ok"](random.Random(seed), Scale())
        assert any(abs(k * 100 / ok["n"] - ok["r"]) <= 0.5 for k in range(ok["n"] + 1))


def test_mismatch_shapes_are_off_by_at_least_four_and_a_half_points():
    for seed in range(200):
        for shape in ("mismatch", "share"):
            v = SHAPES[shape](random.Random(seed), Scale())
            assert abs(v["k"] * 100 / v["n"] - v["r"]) >= 4.5


@pytest.mark.parametrize("n,text", [(105, "一百零五"), (96, "九十六"), (300, "三百"), (12, "十二"), (1010, "一千零一十")])
def test_cn_int(n, text):
    assert cn_int(n) == text


def test_plant_inserts_marked_sentences_into_a_document():
    body = "".join(f"社区第{i}网格全年开展巡逻活动{i + 10}次，排查隐患{i + 3}处。" for i in range(1, 9))
    doc = parse_text(f"云溪社区2022年工作总结\n一、基本情况\n{body}\n")
    by_kind = split_phrasings("dev")
    text, plants = plant(doc, ("sum_mismatch", "trap"), random.Random(1), by_kind)
    assert [p.name for p in plants] == ["sum_mismatch", "trap"]
    for p in plants:
        assert p.phrasing and all(text[a:b].endswith("。") for a, b in p.spans)
    assert text.startswith("云溪社区2022年工作总结")
