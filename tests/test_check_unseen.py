"""The checker on wording the development documents did not have (issue 12, check).

Each case is an invented sentence in the style of a community report, written for one cause of a
miss or a false flag found on the blind-written reports (corpus/written): parts named by kind or by
post, totals after their parts, wholes that are changes, restated standing figures, rate bases in
other clauses, tables with a 合计 column. A case that fires has a twin that must stay quiet.
"""

from __future__ import annotations

import functools
import math

import pytest

from nlp.checks import check_document
from nlp.checks.lists import closing_noun, table_rows
from nlp.checks.markers import is_change
from nlp.checks.partitions import Band, whole_band
from nlp.checks.rate_words import is_bounded, rate_head
from nlp.pipeline import parse_text

TITLE = "青石社区2023年工作总结\n一、基本情况\n"


@functools.cache
def names_of(body: str) -> frozenset[str]:
    return frozenset(f.name for f in check_document(parse_text(TITLE + body)))


# (body, the rule, whether it fires)
CASES = {
    # parts named by kind of child or of post, no 其中 needed for posts
    "男孩/女孩 split the births": ("上半年出生12人，其中男孩5人、女孩6人。", "sum_mismatch", True),
    "男孩/女孩 adding up": ("上半年出生11人，其中男孩5人、女孩6人。", "sum_mismatch", False),
    "专职/兼职 posts": ("社区配备网格员18名，其中专职网格员10名、兼职网格员6名。", "sum_mismatch", True),
    "专职/兼职 posts adding up": ("社区配备网格员16名，其中专职网格员10名、兼职网格员6名。", "sum_mismatch", False),
    # a 其中 list of subsets named by the total's noun does not hide the age bands after it
    "age bands after a 其中 list of subsets": (
        "社区现有党员150名，其中女党员60名，预备党员4名。从年龄看，35岁以下党员20名，36岁至59岁党员50名，60岁以上党员70名。",
        "sum_mismatch",
        True,
    ),
    "age bands after a 其中 list, adding up": (
        "社区现有党员140名，其中女党员60名，预备党员4名。从年龄看，35岁以下党员20名，36岁至59岁党员50名，60岁以上党员70名。",
        "sum_mismatch",
        False,
    ),
    # a noun that implies its band: 老年人 are 60 and over
    "bands of 老年人": ("辖区共有老年人520人，其中60至79岁400人，80岁以上130人。", "sum_mismatch", True),
    "bands of 老年人 adding up": ("辖区共有老年人530人，其中60至79岁400人，80岁以上130人。", "sum_mismatch", False),
    # kinds of one head noun cannot add up to more than the whole; persons may overlap
    "kinds over the whole": ("社区现有文艺队伍9支，其中舞蹈队4支、合唱队3支、腰鼓队3支。", "sum_mismatch", True),
    "kinds under the whole (the list may stop early)": (
        "社区现有文艺队伍12支，其中舞蹈队4支、合唱队3支、腰鼓队3支。",
        "sum_mismatch",
        False,
    ),
    "kinds of persons overlap": (
        "社区注册志愿者300名，其中党员志愿者120名、青年志愿者100名、巾帼志愿者90名。",
        "sum_mismatch",
        False,
    ),
    "kinds after a change belong to the whole": (
        "社区共有服务队8支，比上年增加2支，其中党员服务队3支、巾帼服务队3支、青年服务队3支。",
        "sum_mismatch",
        True,
    ),
    # totals after their parts
    "partition closed by 总人口共": ("男性1620人，女性1560人，总人口共3150人。", "sum_mismatch", True),
    "partition closed by 总人口共, adding up": ("男性1620人，女性1560人，总人口共3180人。", "sum_mismatch", False),
    "partition closed by 共有党员": ("辖区党员中，男党员41名、女党员15名，共有党员55名。", "sum_mismatch", True),
    "a 、 list closed by 共计": ("辖区有中学1所、小学2所、幼儿园3所，共计7所。", "sum_mismatch", True),
    "a 、 list closed by 共计, adding up": ("辖区有中学1所、小学2所、幼儿园3所，共计6所。", "sum_mismatch", False),
    "共 before another count closes nothing": ("培训网格员30人、楼栋长40人，共覆盖居民500人。", "sum_mismatch", False),
    # a table whose header ends with 合计
    "a table row not adding up": (
        "主要数据如下：\n项目 4月 5月 6月 合计\n走访（户） 40 52 38 130\n调解（起） 3 2 4 10\n",
        "sum_mismatch",
        True,
    ),
    "a table adding up": (
        "主要数据如下：\n项目 4月 5月 6月 合计\n走访（户） 40 52 38 130\n调解（起） 3 2 4 9\n",
        "sum_mismatch",
        False,
    ),
    # wholes that are no wholes
    "a change is no whole of the 其中 after it": (
        "社区注册志愿者达到520名，比上年新增90名，其中党员志愿者150名、青年志愿者110名。",
        "subset_exceeds_total",
        False,
    ),
    "the whole before the change still is": (
        "社区共有党员40名，比上年增加5名，其中女党员45名。",
        "subset_exceeds_total",
        True,
    ),
    "a figure describing an item is no part": (
        "重点项目完成投资1.6亿元，其中总投资2.4亿元的物流中心项目完成投资0.7亿元。",
        "subset_exceeds_total",
        False,
    ),
    # the population is stated by a population noun, not by a group named with one
    "representatives are not the population": (
        "社区现有居民2800户。居民代表、楼栋长、党员代表共180人参加会议。辖区志愿者320名参加巡逻。",
        "implausible_magnitude",
        False,
    ),
    "常住居民 N户M人 states the population": (
        "辖区常住居民2100户6300人。全年为6800名居民建立健康档案。",
        "implausible_magnitude",
        True,
    ),
    # shares of a plan may exceed 100 %, shares of a population may not
    "a share of the annual plan": ("完成固定资产投资5.2亿元，占年度计划的112%。", "rate_out_of_range", False),
    "a share of the population": ("60岁以上老人900人，占总人口的112%。", "rate_out_of_range", True),
    # GRIM and rate bases
    "a rate naming its own population is not over the count before it": (
        "上门为57名行动不便的老人接种疫苗，辖区60岁以上老人全程接种率达到91.3%。",
        "rate_impossible",
        False,
    ),
    "a modifier-only rate is over the count before it": ("受理工单46件，按时办结率97%。", "rate_impossible", True),
    "two stages of an outcome are no base": (
        "第一针接种6200人，全程接种5900人，接种率达到90.5%。",
        "rate_mismatch",
        False,
    ),
    "who should have had it is the base": ("应接种人数1000人，已接种900人，接种率95%。", "rate_mismatch", True),
    "a numerator's base stated sentences before": (
        "本届共登记选民2400人。选举当天，参加投票的选民2100人，参选率为90%。",
        "rate_mismatch",
        True,
    ),
    "a numerator's base stated sentences before, agreeing": (
        "本届共登记选民2400人。选举当天，参加投票的选民2100人，参选率为87.5%。",
        "rate_mismatch",
        False,
    ),
    "a rate alone in its sentence": ("发放调查问卷200份，收回问卷180份。问卷回收率为95%。", "rate_mismatch", True),
    "a rate alone in its sentence, agreeing": ("发放调查问卷200份，收回问卷180份。问卷回收率为90%。", "rate_mismatch", False),
    # standing figures restated
    "全体 N名 X restates X": (
        "社区现有党员126名。\n二、党建工作\n开展主题党日活动，全体118名党员认领微心愿。",
        "conflicting_values",
        True,
    ),
    "全体 N名 X agreeing": (
        "社区现有党员126名。\n二、党建工作\n开展主题党日活动，全体126名党员认领微心愿。",
        "conflicting_values",
        False,
    ),
    "a size reached at a date": (
        "截至11月底，社区注册志愿者达到600名。\n二、志愿服务\n年底为全体560名注册志愿者购买保险。",
        "conflicting_values",
        True,
    ),
    "a count reached is no size without a date": (
        "社区注册志愿者达到600名。\n二、志愿服务\n年底为全体560名注册志愿者购买保险。",
        "conflicting_values",
        False,
    ),
}


@pytest.mark.parametrize("body,name,fires", CASES.values(), ids=CASES.keys())
def test_unseen_wording(body: str, name: str, fires: bool) -> None:
    assert (name in names_of(body)) == fires


@pytest.mark.parametrize(
    "label,changed",
    [("比上年新增", True), ("较去年同期增加", True), ("比2021年减少", True), ("新增就业", False), ("现有党员", False)],
)
def test_is_change(label: str, changed: bool) -> None:
    assert is_change(label) is changed


@pytest.mark.parametrize(
    "label,noun",
    [("共计", ""), ("合计", ""), ("总人口共", "总人口"), ("共有党员", "党员"), ("共覆盖居民", None), ("全年走访", None)],
)
def test_closing_noun(label: str, noun: str | None) -> None:
    assert closing_noun(label) == noun


@pytest.mark.parametrize(
    "label,band",
    [
        ("60岁以上老人", Band(60, math.inf)),
        ("辖区共有老年人", Band(60, math.inf)),
        ("高龄老人", Band(80, math.inf)),
        ("未成年人", Band(0, 18)),
        ("党员", None),
    ],
)
def test_whole_band(label: str, band: Band | None) -> None:
    assert whole_band(label) == band


def test_table_rows_reads_a_glued_header_and_stops_at_the_table_end() -> None:
    text = "项目 7月 8月 9月合计\n巡逻（次） 20 21 22 63\n宣传（场） 1 2 3 7\n\n（二）其他 1 2 3 7\n"
    rows = [text[s:e] for s, e, _ in table_rows(text)]
    assert rows == ["宣传（场） 1 2 3 7"]


@pytest.mark.parametrize(
    "name,bounded",
    [("占年度计划的", False), ("占目标任务的", False), ("占总人口的", True), ("参选率", True), ("居民满意率", True)],
)
def test_shares_of_a_plan_are_unbounded(name: str, bounded: bool) -> None:
    assert is_bounded(name) is bounded


def test_rate_head_is_the_name_before_the_outcome() -> None:
    assert rate_head("按时办结率") == "按时"
    assert len(rate_head("辖区60岁以上老人疫苗全程接种率")) > 4


MORE_CASES = {
    "kinds of an exclusive classification of persons": (
        "共有残疾人62人，其中肢体残疾30人、视力残疾12人、听力残疾10人、智力残疾6人、精神残疾5人。",
        "sum_mismatch",
        True,
    ),
    "kinds of an exclusive classification, adding up": (
        "共有残疾人63人，其中肢体残疾30人、视力残疾12人、听力残疾10人、智力残疾6人、精神残疾5人。",
        "sum_mismatch",
        False,
    ),
    "kinds of households after a persons figure": (
        "全村现有贫困户45户120人，其中一般贫困户30户、低保贫困户10户、五保贫困户6户。",
        "sum_mismatch",
        True,
    ),
    "money split by source": ("全年投入资金120万元，其中上级补助90万元、村集体自筹50万元。", "sum_mismatch", True),
    "money split by source, adding up": ("全年投入资金120万元，其中上级补助70万元、村集体自筹50万元。", "sum_mismatch", False),
    "水田/旱地 split the farmland": ("全村耕地面积3200亩，其中水田1800亩、旱地1500亩。", "sum_mismatch", True),
    "a share's whole stated after it": ("老年人口1800人，占全村人口的60%，全村共有人口2400人。", "rate_mismatch", True),
    "a share's whole stated after it, agreeing": ("老年人口1800人，占全村人口的75%，全村共有人口2400人。", "rate_mismatch", False),
}


@pytest.mark.parametrize("body,name,fires", MORE_CASES.values(), ids=MORE_CASES.keys())
def test_unseen_wording_more(body: str, name: str, fires: bool) -> None:
    assert (name in names_of(body)) == fires


RESTATED_AND_MASKED = {
    "人数为 states a standing figure": (
        "全社区党员人数为126人。\n二、党建工作\n社区现有党员118名。",
        "conflicting_values",
        True,
    ),
    "全体 X N名: the group named before the figure": (
        "社区现有党员126名。\n二、党建工作\n组织全体党员118名参加集中学习。",
        "conflicting_values",
        True,
    ),
    "全体 X N名 agreeing": (
        "社区现有党员126名。\n二、党建工作\n组织全体党员126名参加集中学习。",
        "conflicting_values",
        False,
    ),
    "a mask inside a cited title is a name": (
        "根据《关于甲街道等x个街道委托管理的通知》要求，完成移交。",
        "masked_figure",
        False,
    ),
    "a mask outside the title is a figure": (
        "根据《关于委托管理的通知》要求，完成x个街道的移交。",
        "masked_figure",
        True,
    ),
}


@pytest.mark.parametrize("body,name,fires", RESTATED_AND_MASKED.values(), ids=RESTATED_AND_MASKED.keys())
def test_restated_and_masked(body: str, name: str, fires: bool) -> None:
    assert (name in names_of(body)) == fires


LISTS_WITHOUT_QIZHONG = {
    "kinds in a 、 list right after a stated whole": (
        "社区现有文体队伍12支，广场舞队5支、合唱队4支、腰鼓队4支。",
        "sum_mismatch",
        True,
    ),
    "kinds in a 、 list right after a stated whole, under it": (
        "社区现有文体队伍12支，广场舞队5支、合唱队4支、腰鼓队3支。",
        "sum_mismatch",
        False,
    ),
    "money without 其中 needs one head noun": (
        "社区共有投入资金30万元，慰问金20万元、助学金15万元。",
        "sum_mismatch",
        False,
    ),
    "an item of a list is no whole of the items after it": (
        "全年创建共富示范村5个、美丽示范村6个、整洁示范村40个。",
        "sum_mismatch",
        False,
    ),
    "共 inside a word is no total": (
        "全年打造共富示范村5个，美丽示范村3个、整洁示范村4个。",
        "sum_mismatch",
        False,
    ),
}


@pytest.mark.parametrize("body,name,fires", LISTS_WITHOUT_QIZHONG.values(), ids=LISTS_WITHOUT_QIZHONG.keys())
def test_lists_without_qizhong(body: str, name: str, fires: bool) -> None:
    assert (name in names_of(body)) == fires


POPULATION = {
    "居民 N户、M人 states the population": (
        "社区辖区面积1.2平方公里，居民2800户、8600人。\n二、民生\n为9000名居民建立健康档案。",
        "implausible_magnitude",
        True,
    ),
    "住户 with only the place before it states the households": (
        "辖区内住户2800户，常住人口8600人。\n二、民生\n为3000户家庭更换燃气表。",
        "implausible_magnitude",
        True,
    ),
    "a population word after an activity verb states nothing": (
        "走访居民280户。\n二、民生\n为300户家庭更换燃气表。",
        "implausible_magnitude",
        False,
    ),
}


@pytest.mark.parametrize("body,name,fires", POPULATION.values(), ids=POPULATION.keys())
def test_population_statements(body: str, name: str, fires: bool) -> None:
    assert (name in names_of(body)) == fires


def test_households_a_project_reaches_are_not_the_population() -> None:
    body = "改造老旧楼院12个，涉及31栋楼、住户940户。\n二、民生\n社区共800户居民。为1596户家庭安装燃气报警器。"
    assert "implausible_magnitude" in names_of(body)


@pytest.mark.parametrize(
    "body,fires",
    [
        ("社区共有党员120名，参加学习115名，参学率达到99%。", True),
        ("社区共有党员120名，参加学习115名，参学率达到95.8%。", False),
        ("召开居民代表会议，应到代表45人，到会42人，到会率为98%。", True),
    ],
)
def test_attendance_rates(body: str, fires: bool) -> None:
    assert ("rate_mismatch" in names_of(body)) == fires
