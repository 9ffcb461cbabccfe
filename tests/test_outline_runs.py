"""A report in parts numbers each part anew (一、二、三、 … 一、二、): the second run's headings are
headings whether they stand alone or run on into their paragraph after a full stop (found by
perturb_bench's heading_run_on on a long report). Invented text."""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

FIRST_PART = (
    "2023年青山县政府工作报告\n"
    "一、抓项目稳增长，经济运行持续向好。全年实施重点项目56个，完成投资42亿元。\n"
    "二、抓改革优服务，发展活力不断增强。全年新增市场主体3200户。\n"
    "三、补短板兜底线，民生福祉更加殷实。全年新增城镇就业2100人。\n"
    "2024年主要目标任务和重点工作\n"
)
SECOND_ALONE = "一、坚定不移抓项目建设\n持续扩大有效投资，全年实施重点项目60个。\n二、坚定不移抓乡村振兴\n新建高标准农田2万亩。\n"
SECOND_RUN_ON = "一、坚定不移抓项目建设。持续扩大有效投资，全年实施重点项目60个。\n二、坚定不移抓乡村振兴。新建高标准农田2万亩。\n"


@pytest.mark.parametrize("second", [SECOND_ALONE, SECOND_RUN_ON], ids=["alone", "run_on"])
def test_second_run_of_headings_is_found(second: str) -> None:
    parse = parse_text(FIRST_PART + second, disable=["activities", "categories", "checks"])
    headings = [s.heading for s in parse.sections]
    assert headings[-2:] == ["坚定不移抓项目建设", "坚定不移抓乡村振兴"]
    assert "抓项目稳增长，经济运行持续向好" in headings
