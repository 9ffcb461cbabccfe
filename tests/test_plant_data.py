"""The planted-error phrasings of the check benchmark: well-formed, split once, errors certain.

Only the data and the shapes are tested here (fast, no corpus); the benchmark itself is
``python -m evaluation.check_bench``. The placement tests read both halves' files by code (ids and
sides only, nothing printed) so that no person has to open plants/test/.
"""

from __future__ import annotations

import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from evaluation.plant_data import (
    PLANTS,
    SPLITS,
    assign,
    draw_split,
    drawn,
    late_split,
    load_half,
    phrasings,
    split_phrasings,
)
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


def test_every_phrasing_of_the_initial_draw_lies_in_the_folder_of_its_side():
    # the draw recomputed from split.toml's ids is the record the folders are held to: a test-half
    # phrasing copied or moved into plants/dev/ (or the reverse) fails here
    initial = draw_split(drawn())
    for split in SPLITS:
        other = next(s for s in SPLITS if s != split)
        in_folder = {p.id for p in load_half(split)}
        assert in_folder & set(initial[other]) == set(), f"plants/{split}/ holds phrasings of {other}"
        assert set(initial[split]) <= in_folder, f"phrasings of {split} missing from plants/{split}/"


def test_phrasings_added_after_the_draw_lie_where_the_hash_of_their_id_says():
    initial = {pid for ids in drawn().values() for pid in ids}
    for split in SPLITS:
        late = [p.id for p in load_half(split) if p.id not in initial]
        assert [pid for pid in late if late_split(pid) != split] == []


# computed with the hash rule as it was when the split lived in split.toml (commit 0ca2935)
@pytest.mark.parametrize(
    "pid,side",
    [
        ("approx-later-1", "test"),
        ("approx-later-2", "dev"),
        ("approx-later-3", "dev"),
        ("sum-later-1", "test"),
        ("sum-later-3", "test"),
        ("trap-later-3", "dev"),
        ("trap-later-4", "dev"),
        ("mask-later-1", "test"),
    ],
)
def test_the_hash_rule_places_new_ids_as_before(pid, side):
    assert late_split(pid) == side


_NEW = """
[[phrasing]]
id = "{pid}"
shape = "approx"
sentences = ["全年组织义务植树活动{{n}}余次。"]
"""


def _copy_plants(tmp_path: Path) -> Path:
    root = tmp_path / "plants"
    shutil.copytree(PLANTS, root)
    return root


def test_an_id_in_both_halves_is_refused(tmp_path):
    root = _copy_plants(tmp_path)
    for split in SPLITS:
        with (root / split / "approximate_figure.toml").open("a", encoding="utf-8") as f:
            f.write(_NEW.format(pid="approx-later-2"))
    with pytest.raises(ValueError, match="in both"):
        phrasings(root)


def test_assign_moves_a_new_phrasing_to_the_side_its_hash_names_and_leaves_the_rest(tmp_path):
    root = _copy_plants(tmp_path)
    dev_file, test_file = (root / s / "approximate_figure.toml" for s in SPLITS)
    before = {s: (root / s / "approximate_figure.toml").read_text(encoding="utf-8") for s in SPLITS}
    with dev_file.open("a", encoding="utf-8") as f:
        f.write(_NEW.format(pid="approx-later-1") + _NEW.format(pid="approx-later-2"))  # hash: test, dev
    with pytest.raises(ValueError, match="approx-later-1"):
        split_phrasings("dev", root)

    assert assign(root) == [("approx-later-1", "test")]
    assert dev_file.read_text(encoding="utf-8") == before["dev"] + _NEW.format(pid="approx-later-2")
    assert test_file.read_text(encoding="utf-8") == before["test"] + _NEW.format(pid="approx-later-1")
    dev_ids = {p.id for ps in split_phrasings("dev", root).values() for p in ps}
    test_ids = {p.id for ps in split_phrasings("test", root).values() for p in ps}
    assert "approx-later-2" in dev_ids and "approx-later-1" in test_ids
    assert assign(root) == []  # placed once, it stays


def test_assign_puts_back_a_phrasing_of_the_draw_moved_to_the_wrong_side(tmp_path):
    root = _copy_plants(tmp_path)
    dev_id = sorted(p.id for p in load_half("dev") if p.kind == "missing_figure")[0]
    src, dst = root / "dev" / "missing_figure.toml", root / "test" / "missing_figure.toml"
    original = src.read_text(encoding="utf-8")
    head, rest = original.split(f'[[phrasing]]\nid = "{dev_id}"\n', 1)
    block_end = rest.find("\n[[phrasing]]")
    block = f'[[phrasing]]\nid = "{dev_id}"\n' + (rest if block_end < 0 else rest[: block_end + 1])
    src.write_text(original.replace(block, ""), encoding="utf-8")
    dst.write_text(dst.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")
    with pytest.raises(ValueError, match=dev_id):
        split_phrasings("test", root)
    assert assign(root) == [(dev_id, "dev")]
    assert {p.id for p in load_half("dev", root)} == {p.id for p in load_half("dev")}


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
