"""The augmented copies the heading-end model is trained with (evaluation/heading_augment.py), on an
invented report: deterministic for a seed, every gold heading kept whole in every copy, and each shape
joining a heading to its paragraph as described. None of the sentences comes from a corpus document."""

from __future__ import annotations

import pytest

from evaluation.gold import GoldDoc, GoldHeading
from evaluation.heading_augment import Augment, augmented_texts
from evaluation.perturbations import Case

HEADINGS = (("一、", "加强基层组织建设"), ("二、", "坚持党建引领，凝聚治理合力"), ("三、", "民生保障"))
PARAGRAPHS = (
    "社区党委下设网格党支部4个，现有党员126名，全年组织主题党日活动12次，发展预备党员3名。",
    "今年以来，社区党委以红色网格为抓手，把党小组建在楼栋上，全年解决居民急难愁盼问题58件。",
    "全年为辖区困难家庭发放临时救助金8.6万元，新增公益性岗位15个，帮助失业人员再就业42人。",
)
TEXT = "2023年青禾社区工作总结\n" + "".join(f"{lab}{h}\n{p}\n" for (lab, h), p in zip(HEADINGS, PARAGRAPHS, strict=True))
GOLD = GoldDoc("invented.json", "invented.txt", None, None, None, None, tuple(GoldHeading(1, lab, h) for lab, h in HEADINGS))
CASE = Case("invented.txt", TEXT, GOLD, ("headings",))

# (shape, what every glued heading is followed by in the copy: the start of its paragraph after this join)
JOINED = [("glued", ""), ("space", " "), ("stop", "。"), ("colon", "：")]


@pytest.mark.parametrize(("shape", "join"), JOINED, ids=[j[0] for j in JOINED])
def test_a_heading_runs_on_into_its_paragraph(shape: str, join: str) -> None:
    (text,) = augmented_texts(CASE, Augment((shape,), 1.0, 1))
    for (label, heading), paragraph in zip(HEADINGS, PARAGRAPHS, strict=True):
        assert f"\n{label}{heading}{join}{paragraph}\n" in text


def test_prev_moves_a_heading_to_the_end_of_the_paragraph_before() -> None:
    (text,) = augmented_texts(CASE, Augment(("prev",), 1.0, 1))
    assert f"{PARAGRAPHS[0]}二、{HEADINGS[1][1]}\n{PARAGRAPHS[1]}" in text
    assert text.startswith("2023年青禾社区工作总结\n一、加强基层组织建设\n")  # no paragraph before the first


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_wrapped_copies_keep_every_heading_whole_and_repeat_for_a_seed(seed: int) -> None:
    aug = Augment(("wrapped",), 1.0, 3, seed)
    texts = augmented_texts(CASE, aug)
    assert texts == augmented_texts(CASE, aug) and len(texts) == 3
    for text in texts:
        lines = text.split("\n")
        assert max(map(len, lines)) <= 44 + len("坚持党建引领，凝聚治理合力")  # a PDF's width, a heading never cut
        for label, heading in HEADINGS:
            assert any(line.startswith(label + heading) for line in lines)
        assert "".join(lines) == TEXT.replace("\n", "")  # the text itself unchanged


def test_share_and_seed_choose_which_headings_glue() -> None:
    glued = [augmented_texts(CASE, Augment(("glued",), 0.5, 1, seed)) for seed in range(8)]
    assert len({tuple(t) for t in glued}) > 1  # seeds differ
    assert augmented_texts(CASE, Augment(("glued",), 0.0, 1)) == []  # nothing glued: no copy
