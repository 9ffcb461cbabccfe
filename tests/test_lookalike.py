"""Figures and look-alikes: the grammar's named rules (find_candidates), the features the learned filter
reads (nlp/figures/lookalike.py), the filter itself, and the shipped model through the pipeline.
Every sentence here is invented."""

from __future__ import annotations

import pytest

from nlp.figures.lookalike import (
    MODEL_PATH,
    LookalikeModel,
    feature_names,
    features,
    is_size_class,
    keep_figures,
    load_lookalike_model,
)
from nlp.figures.quantities import find_candidates
from nlp.pipeline import parse_text
from nlp.text.document import Text

# (sentence, number as written in the candidate, the rule that rejects it; None: a figure by the rules)
RULES = {
    "ordinal": ("第三批志愿者已到位", "三", "ordinal"),
    "short quotation": ("落实“两个确保”要求", "两", "quoted"),
    "long document title": ("组织学习《关于做好2个重点领域安全工作的通知》精神", "2", "quoted"),
    "threshold with a magnitude": ("年收入8万以上的家庭有3户", "8", "threshold"),
    "threshold with a unit": ("存栏200头以上规模的养殖户", "200", "threshold"),
    "year": ("2023年社区换届", "2023", "year"),
    "age limit": ("为65岁以上老人体检", "65", "pattern"),
    "article 一 before a noun phrase": ("探索一条新路子", "一", "article_one"),
    "count after the age limit": ("为65岁以上老人体检，共体检120人", "120", None),
    "rate bound stays": ("居民满意率达百分之九十以上的目标", "百分之九十", None),
    "count": ("社区现有党员46名", "46", None),
    "service circle": ("打造15分钟便民生活圈", "15", "pattern"),
    "a measured time stays": ("每次活动持续30分钟以上", "30", None),
}


@pytest.mark.parametrize("sentence, number, rule", RULES.values(), ids=RULES.keys())
def test_the_rule_that_rejects_a_candidate(sentence: str, number: str, rule: str | None):
    found = {c.quantity.number_text: c.rule for c in find_candidates(Text.from_string(sentence).text)}
    assert number in found and found[number] == rule


# (sentence, which candidate (by number), a feature it must have, a feature it must not have)
FEATURES = {
    "inside a quotation": ("开展“一元钱献爱心温暖进万家”募捐", "一", "in_quote", "in_bracket"),
    "inside brackets": ("帮扶困难户（共12户）", "12", "in_bracket", "in_quote"),
    "closed quotation before": ("开展“爱心送考”活动12场", "12", "clause_end", "in_quote"),
    "after 第": ("第 3 次会议", "3", "di_before", "clause_start"),
    "per person": ("每位党员每季度参加一次志愿服务", "一", "every_before", "clause_end"),
    "clause start": ("工作如下：\n3个小区完成改造", "3", "clause_start", "di_before"),
    "defines a group": ("年收入8万以上的家庭有3户", "8", "defines_group", "clause_end"),
    "article before a noun": ("作为一名社区干部", "一", "one_before_noun", "clause_end"),
    "a count at its clause end": ("社区成立服务队一支。", "一", "clause_end", "one_before_noun"),
}


@pytest.mark.parametrize("sentence, number, present, absent", FEATURES.values(), ids=FEATURES.keys())
def test_features(sentence: str, number: str, present: str, absent: str):
    doc = Text.from_string(sentence)
    candidate = next(c.quantity for c in find_candidates(doc.text) if c.quantity.number_text == number)
    found = features(doc, candidate)
    assert present in found and absent not in found


# (sentence, number, whether the size_class rule vetoes it)
SIZE_CLASSES = {
    "money before a noun": ("力争引进20亿元以上项目3个", "20", True),
    "area before a noun": ("每镇建设一个3000亩以上园区", "3000", True),
    "a magnitude before a noun": ("收入10万以上村占比过半", "10", True),
    "a count before its noun": ("帮扶1600户以上牧户", "1600", False),
    "an amount at the clause end": ("人均收入达到2万元以上。", "2", False),
}


@pytest.mark.parametrize("sentence, number, vetoed", SIZE_CLASSES.values(), ids=SIZE_CLASSES.keys())
def test_size_class_rule(sentence: str, number: str, vetoed: bool):
    doc = Text.from_string(sentence)
    candidate = next(q for q in doc.figures if q.number_text == number)
    assert is_size_class(doc, candidate) is vetoed


def test_a_model_vetoes_below_its_threshold_and_no_model_keeps_all():
    doc = Text.from_string("开展“一元钱献爱心温暖进万家”募捐，筹款3200元。")
    quoted_out = LookalikeModel({"in_quote": -8.0}, 2.0, 0.5)
    assert [q.number_text for q in keep_figures(doc, doc.figures, quoted_out)] == ["3200"]
    assert [q.number_text for q in keep_figures(doc, doc.figures, LookalikeModel({}, 2.0, 0.5))] == ["一", "3200"]


def test_model_round_trip_and_shipped_model(tmp_path):
    model = LookalikeModel({"in_quote": -1.5, "unit=名": 0.25}, 0.75, 0.2)
    assert LookalikeModel.from_dict(model.to_dict()) == model
    shipped = load_lookalike_model()
    if shipped is None:
        pytest.skip(f"{MODEL_PATH.name} not shipped")
    assert 0 < shipped.threshold < 1 and shipped.weights


# The shipped model through the whole pipeline: look-alikes the grammar lets through and the filter
# vetoes, and figures of the same shapes that must stay (sentence, numbers that are figures).
PIPELINE = {
    "slogan in a quotation too long for the rule": ("今年开展“一元钱献爱心温暖进万家”募捐活动，筹款3200元。", ["3200"]),
    "project phase after a name": ("推进物流中心三期等项目建设，新增管网8公里。", ["8"]),
    "project phase in brackets": ("完成污水处理厂（一期）扩建。", []),
    "per-event 一次 in a rule": pytest.param(
        "会议迟到一次扣款5元。", ["5"],
        marks=pytest.mark.xfail(reason="retrained on the reviewed long-report gold, the filter keeps 一次 here "
                                "(the gold is split on the article 一 with 次: see LOOKALIKE_MODEL_CARD.md)"),
    ),
    # GUIDELINES ("how-often figures (每季度召开一次) are facts"), and the written reports' gold with it
    "per-period 一次 after 每 is a figure": ("要求每位党员每季度参加一次志愿服务，全年服务1200小时。", ["一", "1200"]),
    "一 in a term before a noun": ("全区高考一本上线率提高2个百分点。", ["2"]),
    "figures beside them": ("社区现有党员46名，发放慰问金3000元。", ["46", "3000"]),
    "sessions counted at the clause end": ("全年开展培训三期，培训居民120人次。", ["三", "120"]),
    "一 with a counting verb": ("新建一处健身广场。", ["一"]),
    "size class before a noun": ("力争引进20亿元以上项目3个。", ["3"]),
}


@pytest.mark.parametrize("sentence, numbers", PIPELINE.values(), ids=PIPELINE.keys())
def test_pipeline_keeps_figures_and_drops_lookalikes(sentence: str, numbers: list[str]):
    facts = parse_text(sentence, disable=["activities", "categories", "checks"]).facts
    assert [f.number_text for f in facts] == numbers


@pytest.mark.parametrize("sentence", [s for s, _, _, _ in FEATURES.values()])
def test_feature_names_are_distinct(sentence: str):
    """The model sums weights over the names as listed: a name listed twice would count twice."""
    doc = Text.from_string(sentence)
    for q in doc.figures:
        names = feature_names(doc, q)
        assert len(names) == len(set(names)) and features(doc, q) == dict.fromkeys(names, 1.0)


# The features of the figure itself and of its edges are kept per (unit, number …) and per edge
# characters: figures that share them get the same names, figures that differ get their own.
OWN_AND_EDGE_CASES = [
    ("走访困难户1200户，发放慰问金3万元。", 0, {"unit=户", "log=3", "digits=4", "p2=难户", "n2=，发", "unit+n1c=户+punct"}),
    ("走访困难户1200户，发放慰问金3万元。", 1, {"unit=元", "magnitude", "log=4", "n1=。", "p1c+n1c=cjk+punct"}),
    ("新建道路3至5公里。走访12户。", 0, {"range", "log=0", "n1c=punct", "unit=公里"}),
    ("走访12户，慰问12户。", 1, {"unit=户", "log=1", "p2=慰问", "n2=。"}),
]


@pytest.mark.parametrize("text, index, expected", OWN_AND_EDGE_CASES)
def test_feature_names_of_a_figure_and_its_edges(text: str, index: int, expected: set[str]) -> None:
    doc = Text.from_string(text)
    names = feature_names(doc, doc.figures[index])
    assert expected <= set(names)
    assert len(names) == len(set(names))
    assert feature_names(doc, doc.figures[index]) == names  # read again: the same names in the same order
