"""The unseen-like look-alike measures of the tenth session: the blind labels of long-report
candidates (evaluation/lookalike_long/labels*.tsv) and the traps planted into long reports
(evaluation/lookalike_plant.py)."""

from __future__ import annotations

import random
import re

import pytest

from evaluation.lookalike_long import LABEL_DIR, Item, doc_path, long_dir, read_labels, score, sentence
from evaluation.lookalike_plant import load_traps, plant_copy, slots

LABEL_FILES = sorted(LABEL_DIR.glob("labels*.tsv"))


def test_four_disjoint_samples_of_well_formed_labels():
    assert len(LABEL_FILES) == 4
    seen: set[str] = set()
    for path in LABEL_FILES:
        rows = read_labels(path)
        assert len(rows) >= 240
        ids = {item.id for item, _, _ in rows}
        assert len(ids) == len(rows) and not ids & seen  # no candidate labelled twice
        seen |= ids
        assert {label for _, label, _ in rows} <= {"F", "L", "?"}
        assert all(item.id == f"{item.doc[:-4]}:{item.start}" and item.start < item.end for item, _, _ in rows)


def test_label_spans_are_the_documents_text():
    if not long_dir().is_dir():
        pytest.skip(f"the shared corpus' long reports are not at {long_dir()} (set ZONGJIE_SHARED)")
    from corpus.readers import read_path

    texts: dict[str, str] = {}
    for path in LABEL_FILES:
        for item, _, _ in read_labels(path):
            text = texts.setdefault(item.doc, read_path(doc_path(item.doc)).text)
            assert text[item.start : item.end].replace("\n", "\\n") == item.span


SCORE_CASES = {
    # (labels, taken), rejection P and R, look-alikes taken
    "all right": ([("F", True), ("L", False)], 1.0, 1.0, "0/1 = 0.0 %"),
    "one look-alike taken": ([("F", True), ("L", True), ("L", False)], 1.0, 0.5, "1/2 = 50.0 %"),
    "a figure rejected": ([("F", False), ("L", False), ("F", True)], 0.5, 1.0, "0/1 = 0.0 %"),
    "left open is not counted": ([("?", True), ("F", True), ("L", False)], 1.0, 1.0, "0/1 = 0.0 %"),
}


@pytest.mark.parametrize("rows, p, r, taken", SCORE_CASES.values(), ids=SCORE_CASES.keys())
def test_score(rows, p, r, taken):
    labels = [(Item(f"d:{i}", "d.txt", i, i + 1, "x"), lab, "") for i, (lab, _) in enumerate(rows)]
    result = score(labels, {f"d:{i}": kept for i, (_, kept) in enumerate(rows)})
    assert (result["rejection_p"], result["rejection_r"], result["lookalikes_taken"]) == (p, r, taken)


def test_sentence_marks_the_span():
    text = "第一句。社区召开会议，到会代表46名。下一句"
    at = text.index("46名")
    assert sentence(text, at, at + 3) == "社区召开会议，到会代表【46名】。"


def test_planted_traps_land_whole_with_their_figures():
    text = "".join(f"社区第{i}段工作情况良好，居民满意度较高，各项任务稳步推进。" for i in range(40))
    ends = [m.end() for m in re.finditer("。", text)]
    traps = load_traps()
    new_text, planted = plant_copy(text, ends, traps[:8], random.Random(1))
    assert len(planted) == 8 and len(new_text) > len(text)
    for p in planted:
        start, end = p.span
        inserted = new_text[start:end]
        assert inserted not in text and inserted.endswith("。")
        assert len(p.figures) == len(p.trap.figures)
        for a, b in p.figures:
            assert start <= a < b <= end


def test_every_trap_fills_its_slots():
    values = slots(random.Random(0))
    for trap in load_traps():
        filled = trap.sentence.format(**values)
        assert "{" not in filled and all(f.format(**values) in filled for f in trap.figures)
