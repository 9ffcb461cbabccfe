"""Numbered runs. A report in parts numbers each part anew (一、二、三、 … 一、二、): the second
run's headings are headings whether they stand alone or run on into their paragraph after a full
stop (found by perturb_bench's heading_run_on on a long report). The first heading after a title
with a site's suffix (…总结_1) is no word wrapped from a paragraph. Invented text."""

from __future__ import annotations

import pytest

from nlp.pipeline import parse_text

FIRST_PART = (
    "2023年青山县政府工作报告\n"
    "一、抓项目稳增长，经济运行持续向好。全年实施重点项目56个，完成投资42亿元。\n"
    "二、抓改革强服务，市场活力持续增强。全年新增市场主体3200户。\n"
    "三、补短板保基本，民生福祉不断提升。全年新增城镇就业2100人。\n"
    "一年来，全县上下紧紧围绕年初确定的目标任务，真抓实干，各项事业取得新的进展。\n"
    "2024年主要目标任务和重点工作\n"
    "今年政府工作的总体要求是：坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。\n"
)
# Without a part's title between them, a 1 that runs on after the last number is a list in a paragraph.
NO_PART_TITLE = (
    "2023年青山县政府工作报告\n"
    "一、抓项目稳增长，经济运行持续向好。全年实施重点项目56个，完成投资42亿元。\n"
    "二、抓改革强服务，市场活力持续增强。全年新增市场主体3200户。\n"
    "一、抓投入。全年新开工项目12个，完成投资3亿元。\n二、抓民生。新增就业岗位300个。\n"
)
SECOND_ALONE = "一、坚定不移抓项目建设\n持续扩大有效投资，全年实施重点项目60个。\n二、坚定不移抓乡村振兴\n新建高标准农田2万亩。\n"
SECOND_RUN_ON = "一、坚定不移抓项目建设。持续扩大有效投资，全年实施重点项目60个。\n二、坚定不移抓乡村振兴。新建高标准农田2万亩。\n"


@pytest.mark.parametrize("second", [SECOND_ALONE, SECOND_RUN_ON], ids=["alone", "run_on"])
def test_second_run_of_headings_is_found(second: str) -> None:
    parse = parse_text(FIRST_PART + second, disable=["activities", "categories", "checks"])
    headings = [s.heading for s in parse.sections]
    assert headings[-2:] == ["坚定不移抓项目建设", "坚定不移抓乡村振兴"]
    assert "抓项目稳增长，经济运行持续向好" in headings and "2024年主要目标任务和重点工作" in headings


def test_a_run_on_one_without_a_part_title_is_no_new_run() -> None:
    parse = parse_text(NO_PART_TITLE, disable=["activities", "categories", "checks"])
    assert [s.heading for s in parse.sections] == [
        "抓项目稳增长，经济运行持续向好",
        "抓改革强服务，市场活力持续增强",
    ]


def test_first_heading_after_a_title_with_a_site_suffix() -> None:
    # the title line ends in a digit (…总结_1): it is no paragraph cut mid-word (制 + newline + 2、度)
    text = "2023年东湖社区上半年民政服务工作总结_1\n一、民政民生工程\n全年走访困难家庭40户，发放救助金3.2万元。\n二、为老服务\n建成助餐点2个。\n"
    parse = parse_text(text, disable=["activities", "categories", "checks"])
    assert [s.heading for s in parse.sections] == ["民政民生工程", "为老服务"]
