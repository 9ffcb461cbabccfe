"""Heading errors found on the third batch of written reports (tune half), each fixed by a general
rule; the cases are invented documents in the genre's style (no corpus sentence).

- a heading glued after the previous paragraph's full stop, with no space (``…参加。三、测评情况``);
- an enumeration that opens a line (``1、…；2、…；3、…``) or a list item whose lead is a statement with
  figures, its next item on the same line (``（1）教育方面，发放…万元。（2）…``): not headings;
- a heading wrapped over two lines by a narrower heading font (``…维护辖区和谐`` + newline + ``稳定``).
"""

from __future__ import annotations

import pytest

from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

PARA = "今年以来，在街道党工委的正确领导下，社区各项工作稳步推进，居民满意度不断提高，取得了较好成效。"


def outline(text: str) -> list[tuple[int, str, str]]:
    return [(s.level, s.label, s.heading) for s in build_outline(normalize(text))]


GLUED = {
    "a top heading glued after a paragraph, alone to its line end": (
        "一、基本情况\n" + PARA + "\n二、主要做法\n" + PARA + "全年开展活动26场，参与居民900余人次。三、群众评议情况\n"
        "11月中旬，社区组织居民代表对两委班子进行评议，满意率95.2%。\n四、下一步打算\n" + PARA,
        [(1, "一、", "基本情况"), (1, "二、", "主要做法"), (1, "三、", "群众评议情况"), (1, "四、", "下一步打算")],
    ),
    "a sub-heading glued after a paragraph, running on to its full stop": (
        "一、主要工作\n（一）强化组织建设。" + PARA + "\n（二）做好民生保障。" + PARA
        + "（三）抓实环境整治。全年清理卫生死角46处，清运垃圾80余吨。\n二、存在问题\n" + PARA,
        [(1, "一、", "主要工作"), (2, "（一）", "强化组织建设"), (2, "（二）", "做好民生保障"),
         (2, "（三）", "抓实环境整治"), (1, "二、", "存在问题")],
    ),
    "run-in sub-headings in one paragraph continue the first": (
        "一、工作回顾\n" + PARA + "\n二、下半年打算\n（一）抓好项目建设。力争完成投资2亿元。（二）稳住粮食生产。"
        "计划种植水稻1.5万亩。（三）守住安全底线。每月开展1次安全检查。\n",
        [(1, "一、", "工作回顾"), (1, "二、", "下半年打算"), (2, "（一）", "抓好项目建设"),
         (2, "（二）", "稳住粮食生产"), (2, "（三）", "守住安全底线")],
    ),
    "an enumeration inside a paragraph continues no line's numbering": (
        "一、主要做法\n社区重点抓了三项工作。1、建立台账。2、定期走访。3、跟踪问效。\n二、取得成效\n" + PARA,
        [(1, "一、", "主要做法"), (1, "二、", "取得成效")],
    ),
    "a glued label whose phrase states a figure is a sentence, not a heading": (
        "一、基本情况\n" + PARA + "\n二、主要做法\n" + PARA + "三、全年共发放慰问金2.4万元，惠及困难群众60户。\n",
        [(1, "一、", "基本情况"), (1, "二、", "主要做法")],
    ),
    "a glued label out of sequence stays in its paragraph": (
        "一、基本情况\n" + PARA + "\n二、主要做法\n" + PARA + "五、其他事项\n" + PARA,
        [(1, "一、", "基本情况"), (1, "二、", "主要做法")],
    ),
}


@pytest.mark.parametrize("text, expected", GLUED.values(), ids=GLUED.keys())
def test_glued_heading(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected


LISTS = {
    "an enumeration opening a line under a heading": (
        "一、工作成效\n" + PARA + "\n二、存在的不足\n1、活动场地仅120平方米，难以满足需求；2、老旧小区多，物业缺位；"
        "3、工作人员业务能力有待提升。\n三、下一步打算\n" + PARA,
        [(1, "一、", "工作成效"), (1, "二、", "存在的不足"), (1, "三、", "下一步打算")],
    ),
    "list items whose leads state figures, the next on the same line": (
        "一、主要工作\n（一）落实兜底保障。\n（1）救助方面，发放临时救助金3.6万元，惠及困难群众52户。（2）医疗方面，"
        "参加城乡居民医保1260人，参保率99.1%。\n（二）改善人居环境。" + PARA,
        [(1, "一、", "主要工作"), (2, "（一）", "落实兜底保障"), (2, "（二）", "改善人居环境")],
    ),
    "numbered sub-headings on their own lines stay headings": (
        "一、主要工作\n1、加强党建引领。" + PARA + "\n2、抓好民生保障。" + PARA + "\n二、下一步打算\n" + PARA,
        [(1, "一、", "主要工作"), (3, "1、", "加强党建引领"), (3, "2、", "抓好民生保障"), (1, "二、", "下一步打算")],
    ),
}


@pytest.mark.parametrize("text, expected", LISTS.values(), ids=LISTS.keys())
def test_inline_enumeration_is_no_heading(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected


# A hard-wrapped export: every body line broken at 30 characters.
BODY = "社区组建治安巡逻队两支，队员共三十六人，坚持每晚巡逻，\n全年巡逻三百余次，开展矛盾纠纷排查十二次，受理纠纷二十\n八起，调解成功二十七起，对出租房屋逐户登记，开展消防安\n全检查，整改隐患若干处，辖区全年未发生重大刑事案件。\n"
WRAPPED = {
    "a heading in larger type wraps its last words onto a line of their own": (
        "一、主要工作\n" + BODY * 3 + "（一）深化平安社区建设，维护辖区和谐\n稳定\n" + BODY * 3
        + "（二）加强环境整治，建设美丽家园\n" + BODY * 3,
        [(1, "一、", "主要工作"), (2, "（一）", "深化平安社区建设，维护辖区和谐稳定"),
         (2, "（二）", "加强环境整治，建设美丽家园")],
    ),
    "a full-width heading wraps a fragment onto the next line": (
        "一、主要工作\n" + BODY * 3 + "（一）聚焦乡村振兴，全力推进村庄道路、供水和人居环境整\n治提升工作\n" + BODY * 3,
        [(1, "一、", "主要工作"), (2, "（一）", "聚焦乡村振兴，全力推进村庄道路、供水和人居环境整治提升工作")],
    ),
    "a fragment line after a short heading in an unwrapped page is its own heading": (
        "一、主要工作\n" + PARA + "\n1.解决居民实际困难\n东苑居委\n" + PARA * 2 + "\n",
        [(1, "一、", "主要工作"), (3, "1.", "解决居民实际困难"), (4, "", "东苑居委")],
    ),
}


@pytest.mark.parametrize("text, expected", WRAPPED.values(), ids=WRAPPED.keys())
def test_wrapped_heading_fragment(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected


def test_the_check_half_is_never_read(tmp_path) -> None:
    """The heading transfer loads written gold with the check half skipped before any file is read:
    a check-half gold file that is not even JSON does not stop the load."""
    from evaluation.gold import GoldError
    from evaluation.heading_train import _load
    from evaluation.written_curve import withheld

    (tmp_path / "w066.json").write_text("not json", encoding="utf-8")
    (tmp_path / "w073_2022年第三季度工作总结.json").write_text("not json", encoding="utf-8")
    assert _load(tmp_path, [tmp_path], "written", skip=withheld) == []
    with pytest.raises(GoldError):
        _load(tmp_path, [tmp_path], "written")


RUN_ON = {
    "a couplet heading glued to its paragraph ends after its second clause": (
        PARA + "\n一、健全网格体系，夯实基层基础\n" + PARA + "\n二、强化矛盾调处，守护平安家园坚持“小事不出楼栋、大事不出社区”，"
        "全年共受理各类纠纷64起，调解成功61起。\n",
        [(1, "一、", "健全网格体系，夯实基层基础"), (1, "二、", "强化矛盾调处，守护平安家园")],
    ),
    "a sentence whose clauses happen to be equal stays whole": (
        "一、存在的不足\n" + PARA + "\n1、活动场地严重不足，老年人文体活动室依然缺乏，群众意见较大。\n二、下一步打算\n" + PARA,
        [(1, "一、", "存在的不足"), (3, "1、", "活动场地严重不足，老年人文体活动室依然缺乏，群众意见较大"),
         (1, "二、", "下一步打算")],
    ),
    "a plan item does not end inside its figure": (
        "一、下一步打算\n1、力争发展新党员3名以上，培训入党积极分子不少于10人。\n2、计划开展志愿服务20场以上，服务居民不少于800人次。\n",
        [(1, "一、", "下一步打算"), (3, "1、", "力争发展新党员3名以上，培训入党积极分子不少于10人"),
         (3, "2、", "计划开展志愿服务20场以上，服务居民不少于800人次")],
    ),
}


@pytest.mark.parametrize("text, expected", RUN_ON.values(), ids=RUN_ON.keys())
def test_run_on_heading_end(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected


UNNUMBERED = {
    "an unnumbered plan heading with a year": (
        "一、主要工作\n" + PARA + "\n二、工作成效\n" + PARA + "\n\n2024年打算\n继续深化邻里互助活动，力争志愿者人数突破300名，"
        "计划举办健康讲座不少于8场。\n",
        [(1, "一、", "主要工作"), (1, "二、", "工作成效"), (1, "", "2024年打算")],
    ),
    "an unnumbered problems part after a topic heading is a top-level part": (
        "一、党建引领\n" + PARA + "\n二、环境整治\n" + PARA + "\n存在的不足\n一是活动经费不足，二是志愿者年龄偏大，"
        "三是青年居民参与不多，需在今后工作中加以改进。\n",
        [(1, "一、", "党建引领"), (1, "二、", "环境整治"), (1, "", "存在的不足")],
    ),
    "a part title over items numbered anew takes the place of their old parent": (
        "一、民生保障\n" + PARA + "\n（一）社会救助。" + PARA + "\n（二）就业服务。" + PARA + "\n\n文化建设和环境卫生\n（一）文体活动。"
        + PARA + "\n（二）环境整治。" + PARA,
        [(1, "一、", "民生保障"), (2, "（一）", "社会救助"), (2, "（二）", "就业服务"), (1, "", "文化建设和环境卫生"),
         (2, "（一）", "文体活动"), (2, "（二）", "环境整治")],
    ),
    "a lead line over the first items of its heading stays below it": (
        "一、民生保障\n" + PARA + "\n社会救助工作\n（一）低保。" + PARA + "\n（二）临时救助。" + PARA,
        [(1, "一、", "民生保障"), (2, "", "社会救助工作"), (2, "（一）", "低保"), (2, "（二）", "临时救助")],
    ),
    "the closing signature is no heading, an address line between name and date": (
        "一、党建工作\n" + PARA + "\n二、明年打算\n" + PARA + "\n\n中共柳岸社区支部委员会\n（地址：柳岸路8号党群服务中心，电话：0731-8555xxxx）\n"
        "2021年1月5日\n",
        [(1, "一、", "党建工作"), (1, "二、", "明年打算")],
    ),
}


def test_every_problem_part_word_has_an_example_read_as_one() -> None:
    from nlp.resources import load_toml
    from nlp.text.labels import is_problem_part

    for word, example in load_toml("outline.toml")["problem_parts"].items():
        assert word in example and is_problem_part(example), word


@pytest.mark.parametrize("text, expected", UNNUMBERED.values(), ids=UNNUMBERED.keys())
def test_unnumbered_heading(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected


def test_no_run_on_cut_leaves_a_dangling_word() -> None:
    """Every example of headings.toml [dangling_ends] holds its word, and the grammar's cut keeps it whole."""
    from nlp.resources import load_toml
    from nlp.text.heading_words import run_on_cut

    for word, example in load_toml("headings.toml")["dangling_ends"].items():
        assert word in example and run_on_cut(example) == len(example), word


def test_a_plan_item_with_a_year_after_a_conjunction_stays_whole() -> None:
    text = (
        "一、下一步打算\n1、做好低保年度复核和2016年城乡低保标准调整的测算工作，确保12月底前审核完毕。\n"
        "2、继续开展走访慰问活动。\n"
    )
    assert outline(text)[1] == (3, "1、", "做好低保年度复核和2016年城乡低保标准调整的测算工作，确保12月底前审核完毕")


COLON = {
    "a heading alone on its line keeps the words after its colon": (
        PARA + "\n一、禁毒工作：早发现、早帮教、早回归\n" + PARA + "\n二、消防安全：勤巡查、快整改\n" + PARA,
        [(1, "一、", "禁毒工作：早发现、早帮教、早回归"), (1, "二、", "消防安全：勤巡查、快整改")],
    ),
    "a heading running on after its colon ends there": (
        PARA + "\n一、关爱老年人：社区现有80岁以上老人56名，全年上门走访110户次。\n二、服务残疾人：协助办理残疾证9本。\n",
        [(1, "一、", "关爱老年人"), (1, "二、", "服务残疾人")],
    ),
}


@pytest.mark.parametrize("text, expected", COLON.values(), ids=COLON.keys())
def test_colon_inside_a_heading(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert outline(text) == expected
