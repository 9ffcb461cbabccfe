"""The checker on the issue's shapes of false error and of miss (issue 12; the third written batch).

Every case is an invented passage in the style of a community report. ``QUIET`` holds the shapes
the issue names as false errors — another year's or area's figures restated in parentheses,
比去年增加…（2017年为N人）, persons beside households, 由N增加到M, figures per unit — and those the
written reports showed (a 其中 list running on into a clause of work, money of another measure, a
people of the population): none may raise an error or a warning. ``FIRES`` holds planted errors
of the shapes the issue names as misses, each with a twin that adds up.
"""

from __future__ import annotations

import pytest
from check_helpers import flags_of as check_flags
from check_helpers import loud as loud_flags

from nlp.checks.among import among_noun
from nlp.checks.named_lists import listed_names
from nlp.checks.runs import per_unit

TITLE = "石桥社区2023年工作总结\n一、基本情况\n"



def flags_of(body: str) -> tuple:
    return check_flags(TITLE, body)


def loud(body: str) -> list[str]:
    return loud_flags(TITLE, body)


QUIET = {
    # another year's figures restated in a parenthesis
    "last year's households and sexes in a parenthesis": "社区现有居民1260户3850人（2019年为1198户3620人，其中男1790人、女1830人），其中男性1900人，女性1950人。",
    "a change with the base year in a parenthesis": "辖区60岁以上老人986人，比去年增加42人（2017年为944人）。",
    "jobs with the base year in a parenthesis": "全年新增就业岗位126个，比去年增加18个（2017年为108个）。",
    "members of last year in a parenthesis": "社区共有党员152名，其中女党员61名（上年为党员146名，女党员58名）。",
    "last year's cases in a parenthesis": "今年共调解矛盾纠纷48起，调解成功46起（去年同期为39起，成功35起）。",
    "two year-ends in a parenthesis": "社区共有党员131名（2021年底126名，2020年底120名）。",
    # another period named in the parenthesis (no year, no 上年)
    "a quarter in a parenthesis before 其中": "全年发放救助金18.6万元（第一季度发放6.2万元），其中临时救助9.8万元、医疗救助8.8万元。",
    "the last term in a parenthesis": "本届共登记选民3268人（上届3054人），其中女性选民1660人、男性选民1608人。",
    "before the adjustment, with its own parts": "社区共有网格员18名（调整前为22名，其中专职网格员12名、兼职网格员10名）。",
    # another area's figures restated in a parenthesis
    "the street's households in a parenthesis": "社区共有困难家庭35户（全街道共有困难家庭412户，其中低保户186户）。",
    "the town's vaccinations in a parenthesis": "社区疫苗接种2860人（全镇接种31250人，接种率92.5%）。",
    "the township's farmland in a parenthesis": "全村共有耕地1250亩（全乡耕地总面积18600亩，其中水田9200亩、旱地9400亩）。",
    # 由N增加到M
    "low-income households from N to M": "低保户由上年的42户减少到36户，低保人员由97人减少到81人。",
    "volunteers from N to M, then a part": "注册志愿者由年初的210名增加到356名，其中青年志愿者128名。",
    "a change from a stated base": "全年新增就业86人，比上年的72人增加14人，其中青年就业31人。",
    # a share of another period's figure may exceed 100 %
    "a share of last year's figure": "全年发放救助金86万元，占上年的112%。",
    "a share of a named year's figure": "社区集体经济收入48万元，占2021年的132%。",
    # persons beside households
    "persons visited beside households": "社区共有居民860户，走访慰问困难群众1200人次。",
    "households then persons of a village": "全村共有386户1260人，其中60岁以上老人420人，参加新农合1180人。",
    "persons and households of low income": "社区现有住户1520户，常住人口4380人，其中低保对象96人，低保户41户。",
    "migrant workers beside farm households": "全村共有农户412户，外出务工人员690人。",
    # figures per unit
    "an allowance per person": "全年发放高龄津贴28.6万元，每人每月100元，惠及高龄老人238人。",
    "farmland per person before its parts": "全村耕地面积3260亩，人均耕地2.6亩，其中水田1860亩，旱地1400亩。",
    "households per grid worker": "全社区共有网格员24名，平均每名网格员负责住户95户。",
    "persons per household": "社区现有居民2280户6720人，户均2.9人。",
    # a 其中 list that runs on into a clause of work
    "lessons, then theme days": "全年召开支部委员会12次、党员大会4次，上党课6次，其中专题党课3次，开展志愿服务活动18次。",
    "the disabled, then the elderly after a clause of work": "辖区登记残疾人132人，其中一级残疾21人，为36名残疾人申请补贴，80岁以上老人418人，90岁以上老人63人。",
    "donations received, then relief paid out": "全年接收捐款5.6万元，其中企业捐款3.2万元，发放慰问金8.4万元。",
    # money of another measure
    "turnover after tax": "辖区企业实现营业收入4.6亿元，缴纳税金1980万元，其中龙泰物流公司营业收入突破1.2亿元。",
    # a people of the population, and a pastoral village's residents
    "minority people beside the population": "全村共有牧民286户1130人，其中藏族1050人，其他少数民族80人，少数民族人口合计1130人。",
    "a minority total below the population": "全村共有村民486户1690人，其中汉族1610人，少数民族人口合计80人，占总人口的4.7%。",
    # a later clause naming another whole, or two wholes side by side before 其中
    "self-employed after enterprises": "辖区内共有企业46家，其中规模以上企业12家，个体工商户320家。",
    "registered and floating, then sexes": "辖区户籍人口3200人，流动人口860人，其中男性1650人，女性1550人。",
    # a partition followed by the rest: the named parts are not all
    "urban and rural, then others": "社区居民1860户，其中城镇户1200户，农村户600户，另有空挂户60户。",
    "at home and away, then the rest": "全村劳动力860人，在家务工320人，外出务工500人，其余40人为在校学生。",
    # GRIM: persons beside households, averages over events, participants as the base
    "a persons rate after households visited": "全年走访居民126户，居民满意率98.5%。",
    "a rate of the masses after families visited": "入户走访困难家庭126户，群众满意率达98.5%。",
    "participants are no base": "组织党员参加志愿服务46人，参与率93.9%。",
    "attendance averaged over sessions": "社区现有党员126名，全年组织学习24次，党员参学率92.3%。",
    "the newly insured are no numerator nor base": "全社区共有居民2860人，参加医保2750人，其中新增参保120人，参保率96.2%。",
    "a first dose is no base of the full course": "全年接种疫苗3860人，其中第一针2100人，全程接种1760人，接种率96.5%。",
    # a place without 全 before a figure names some of a group, not all of it
    "some needy families of the district": "社区现有困难家庭35户。为辖区15户困难家庭的子女发放助学金。",
    "some members of the district": "社区现有党员86名。辖区3名党员的先进事迹被市级媒体报道。",
    "some grid workers of the community": "社区共有网格员24名。社区5名网格员参加了区级培训。",
    "one branch after the committee's members": "社区居委会现有党员86名。第二党支部现有党员32名，其中女党员15名。",
    "members of two different committees": "村两委现有成员7人。村委会现有成员5人。",
    # lists of names before a count that counts something else, or is open
    "grids of two areas": "社区在城南、城北片区4个网格开展巡查。",
    "buildings of two compounds": "在东湖小区、西湖小区5个楼栋安装监控。",
    "an open list (等)": "在东湖、西湖等4个居民小组开展整治。",
    "households of three kinds": "走访低保户、残疾人、空巢老人5户。",
    "posts of two kinds": "社区设立党员先锋岗、志愿服务岗4个。",
    "posts of two kinds, named again": "社区设立党员先锋岗、志愿服务岗4个岗位。",
    # a rate base named 对象 is no numerator
    "those helped, all of them": "辖区现有刑满释放人员37名，其中重点帮教对象21名，帮教率100%。",
}


@pytest.mark.parametrize("body", QUIET.values(), ids=QUIET.keys())
def test_no_false_error(body: str) -> None:
    assert loud(body) == []


# (body, the rule, whether it fires)
FIRES = {
    # a numerator that names its base before 中, paragraphs away
    "among a group stated before": (
        "已婚育龄妇女1046人，其中流动人口已婚育龄妇女213人。\n二、主要工作\n已婚育龄妇女中落实各类避孕节育措施905人，措施落实率93.2%。",
        "rate_mismatch",
        True,
    ),
    "among a group stated before, adding up": (
        "已婚育龄妇女1046人，其中流动人口已婚育龄妇女213人。\n二、主要工作\n已婚育龄妇女中落实各类避孕节育措施905人，措施落实率86.5%。",
        "rate_mismatch",
        False,
    ),
    # shares the vocabulary lacked
    "births within the policy (GRIM)": ("全年出生人口64人，政策符合率98.9%。", "rate_impossible", True),
    "births within the policy, possible": ("全年出生人口64人，政策符合率98.4%。", "rate_impossible", False),
    "placements of those registered": ("社区共登记安置对象21名，已安置19名，安置率95.2%。", "rate_mismatch", True),
    "placements of those registered, adding up": ("社区共登记安置对象21名，已安置19名，安置率90.5%。", "rate_mismatch", False),
    # a standing figure restated after the place that counts it whole
    "low-income households restated": (
        "全村现有低保户31户72人。\n三、存在的问题\n低保动态管理压力大，全村33户低保户中部分家庭收入变化未能及时掌握。",
        "conflicting_values",
        True,
    ),
    "low-income households restated alike": (
        "全村现有低保户31户72人。\n三、存在的问题\n低保动态管理压力大，全村31户低保户中部分家庭收入变化未能及时掌握。",
        "conflicting_values",
        False,
    ),
    "households restated after 为全村": (
        "全村共有牧民312户1426人。\n二、主要工作\n为全村316户牧民发放政策明白卡。",
        "conflicting_values",
        True,
    ),
    "households restated after 为全村, alike": (
        "全村共有牧民312户1426人。\n二、主要工作\n为全村312户牧民发放政策明白卡。",
        "conflicting_values",
        False,
    ),
    # the document's own body named before a standing figure
    "members of the residents' committee branch restated": (
        "居委会党支部现有党员86名，下设3个党小组。\n三、存在的问题\n党员队伍老化，辖区68名党员中60岁以上的占一半以上。",
        "conflicting_values",
        True,
    ),
    "members of the residents' committee branch restated alike": (
        "居委会党支部现有党员86名，下设3个党小组。\n三、存在的问题\n党员队伍老化，辖区86名党员中60岁以上的占一半以上。",
        "conflicting_values",
        False,
    ),
    "one branch of several beside the committee": (
        "社区党委现有党员218名。第二党支部现有党员32名，其中女党员15名。",
        "conflicting_values",
        False,
    ),
    # later clauses of a 其中 list that stay parts: members of a partition, bands, the same noun
    "bands of members in later clauses": (
        "社区共有党员186名，其中男党员120名、女党员66名，35岁以下党员28名，60岁以上党员197名。",
        "subset_exceeds_total",
        True,
    ),
    "the same noun in a later clause": ("社区现有低保户44户，其中城镇低保户30户，农村低保户54户。", "subset_exceeds_total", True),
    "sexes after a total beside its part": ("社区总人口4000人，流动人口860人，其中男性450人，女性420人。", "sum_mismatch", True),
    # a count of the names listed right before it
    "names listed, one more counted": ("在柳溪、石门、青岗4个居民小组开展环境整治。", "sum_mismatch", True),
    "names listed and counted alike": ("在柳溪、石门、青岗3个居民小组开展环境整治。", "sum_mismatch", False),
    "teams named, one fewer counted": ("组织红枫、青松、翠柏2支志愿服务队开展活动。", "sum_mismatch", True),
    # money split by source, the last source making up the rest
    "sources ending with 自筹, short of the whole": (
        "全年改造总投资1920万元，其中区财政补助1240万元、街道配套350万元，产权单位和居民自筹250万元。",
        "sum_mismatch",
        True,
    ),
    "sources ending with 自筹, adding up": (
        "全年改造总投资1840万元，其中区财政补助1240万元、街道配套350万元，产权单位和居民自筹250万元。",
        "sum_mismatch",
        False,
    ),
    "sources without the rest may fall short": (
        "全年改造总投资1920万元，其中区财政补助1240万元、街道配套350万元。",
        "sum_mismatch",
        False,
    ),
    # parts of the labour force by place of work, with no 其中
    "at home and away, no 其中": ("全村劳动力1320人，在家务农580人，外出务工760人。", "sum_mismatch", True),
    "at home and away, adding up": ("全村劳动力1340人，在家务农580人，外出务工760人。", "sum_mismatch", False),
    "within and outside the province": ("全村转移就业184人，其中省内务工87人、省外务工92人。", "sum_mismatch", True),
    "within and outside the province, adding up": ("全村转移就业184人，其中省内务工87人、省外务工97人。", "sum_mismatch", False),
    "urban and rural, nothing after": ("社区居民1860户，其中城镇户1200户，农村户600户。", "sum_mismatch", True),
    # the shapes of miss that the checker already reads (kept here as a guard)
    "grades joined in pairs": ("辖区持证残疾人186人，其中一、二级残疾人72人，三、四级残疾人108人。", "sum_mismatch", True),
    "grades joined in pairs, adding up": ("辖区持证残疾人180人，其中一、二级残疾人72人，三、四级残疾人108人。", "sum_mismatch", False),
    "GRIM with the base as 对N户": ("社区对126户困难家庭开展满意度回访，满意率96.5%。", "rate_impossible", True),
    "GRIM over members, no sessions between": ("社区现有党员126名，党员参学率92.3%。", "rate_impossible", True),
    "GRIM with the base as 对N户, possible": ("社区对126户困难家庭开展满意度回访，满意率96.8%。", "rate_impossible", False),
    "GRIM with the base as N个小区参加": ("全年共有9个小区参加垃圾分类评比，达标率87.5%，另有3个小区被评为示范小区。", "rate_impossible", True),
    "GRIM with the base as N个小区参加, possible": ("全年共有8个小区参加垃圾分类评比，达标率87.5%，另有3个小区被评为示范小区。", "rate_impossible", False),
    "a share above 100 %": ("辖区共有适龄儿童240名，已入学238名，入学率占全部适龄儿童的102%。", "rate_out_of_range", True),
    "a share of the population above 100 %": ("社区总人口3200人，60岁以上老人3300人，占总人口的103.1%。", "rate_out_of_range", True),
    "rates in traditional script": ("社區共有黨員120名，參學黨員114名，參學率98.3%。", "rate_mismatch", True),
    "rates in traditional script, adding up": ("社區共有黨員120名，參學黨員114名，參學率95%。", "rate_mismatch", False),
    "a sub-population above the population": ("全村常住人口1860人。全村60岁以上老人2010人，其中80岁以上老人316人。", "implausible_magnitude", True),
    "a sub-population below the population": ("全村常住人口1860人。全村60岁以上老人410人，其中80岁以上老人316人。", "implausible_magnitude", False),
    "numerator and base in different sentences": ("共发放调查问卷300份。经统计，收回问卷276份，回收率95%。", "rate_mismatch", True),
}


@pytest.mark.parametrize("body,name,fires", FIRES.values(), ids=FIRES.keys())
def test_planted_error_shapes(body: str, name: str, fires: bool) -> None:
    assert (name in {f.name for f in flags_of(body)}) is fires


def test_a_restated_total_is_a_conflict_not_a_magnitude() -> None:
    body = FIRES["households restated after 为全村"][0]
    assert "implausible_magnitude" not in {f.name for f in flags_of(body)}


@pytest.mark.parametrize(
    "label,noun",
    [
        ("已婚育龄妇女中落实各类避孕节育措施", "已婚育龄妇女"),
        ("全社区困难党员中", "困难党员"),
        ("其中女党员", None),
        ("社区日间照料中心接待", None),
        ("组织开展活动中", None),
    ],
)
def test_among_noun(label: str, noun: str | None) -> None:
    assert among_noun(label) == noun


@pytest.mark.parametrize(
    "label,is_per_unit",
    [("人均耕地", True), ("户均", True), ("每人每月", True), ("全村耕地面积", False), ("其中水田", False)],
)
def test_per_unit(label: str, is_per_unit: bool) -> None:
    assert per_unit(label) is is_per_unit


@pytest.mark.parametrize(
    "label,names",
    [("社区在柳溪、石门、青岗", 3), ("设立先锋岗、服务岗", None), ("在东湖、西湖等", None), ("城南、城北片区", None), ("开展整治", None), ("第1、2", None)],
)
def test_listed_names(label: str, names: int | None) -> None:
    assert listed_names(label) == names
