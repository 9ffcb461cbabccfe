"""The learned heading end (nlp.text.heading_end): where a numbered heading that runs on into its
paragraph without punctuation ends. Invented lines in the style of work reports; the known misses
are xfail so that a better model shows up as XPASS."""

from __future__ import annotations

import pytest

from nlp.text.document import Text
from nlp.text.heading_end import EndModel, learned_end, load_end_model, offered
from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

RUN_IN = "。全年新增市场主体500户，完成投资12亿元"


def words_of(phrase: str):
    """The phrase's words as the document's Text gives them."""
    return lambda: Text.from_string(phrase).words(0, len(phrase))

CASES = {
    # heading, then the run-in sub-heading glued to it, as a flattened page prints them
    "glued run-in after a noun phrase": ("聚焦产业提质增效，加快构建现代产业体系", "大力发展先进制造业", True),
    "glued run-in starting with an adverb": ("坚持生态优先，筑牢绿色发展屏障", "持续打好蓝天保卫战", True),
    "glued run-in after 福祉": ("聚焦民生实事办理，持续增进群众福祉", "不断完善社会保障体系", False),
    "glued run-in after 振兴": ("聚焦农旅融合发展，全面推进乡村振兴", "扎实开展农村人居环境整治", False),
    # a run-on heading ended by its full stop is whole
    "whole: two parallel clauses": ("抓项目促投资，全县经济运行稳中有进", "", True),
    "whole: a guarantee clause": ("强化组织保障，确保各项任务落到实处", "", True),
    "whole: a numbered promise": ("坚持人民至上，全力办好十项民生实事", "", True),
}


@pytest.mark.parametrize(
    "case",
    [pytest.param(k, marks=() if CASES[k][2] else pytest.mark.xfail(reason="known miss of the end model", strict=True))
     for k in CASES],
    ids=list(CASES),
)
def test_learned_end(case):
    heading, glued, _ = CASES[case]
    phrase = heading + glued
    assert phrase[: learned_end(phrase, RUN_IN, words_of(phrase))] == heading


def test_only_long_run_on_phrases_are_offered():
    assert not offered("加强党建引领", RUN_IN)  # short: a heading as it stands
    assert not offered("聚焦产业提质增效，加快构建现代产业体系", "")  # alone on its line, heading-sized
    # alone on its line but longer than 9 in 10 headings: a heading glued to its paragraph's first line
    assert offered("聚焦产业提质增效，加快构建现代产业体系大力发展先进制造业", "")
    # a model that finds no boundary likely enough leaves the phrase whole
    phrase = "聚焦产业提质增效，加快构建现代产业体系大力发展先进制造业"
    assert learned_end(phrase, RUN_IN, words_of(phrase), EndModel({}, -5.0, 0.7)) == len(phrase)
    assert learned_end(phrase, RUN_IN, words_of(phrase), EndModel({"rw=大力发展": 10.0}, -5.0, 0.7)) == phrase.index("大力")


def test_flattened_report_outline():
    model = load_end_model()
    assert model is not None and 0.5 <= model.threshold < 1
    para = "一年来，全县上下真抓实干，经济社会发展取得新成效。"
    text = (
        f"各位代表：{para * 8}一、聚焦产业提质增效，加快构建现代产业体系大力发展先进制造业。全年新增规上企业12家，"
        f"完成工业投资20亿元。{para * 3}二、抓项目促投资，全县经济运行稳中有进。全年完成固定资产投资45亿元。{para * 3}"
    )
    heads = [(s.label, s.heading) for s in build_outline(normalize(text))]
    assert heads == [("一、", "聚焦产业提质增效，加快构建现代产业体系"), ("二、", "抓项目促投资，全县经济运行稳中有进")]
