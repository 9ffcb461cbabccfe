"""Look-alike traps (issue 12): numbers a report writes that are not figures (dates, document and
article numbers, clock times, phone numbers, age limits, ranks, names with digits, grades, list
numbers, planning periods, page counters, thresholds that sort items into a class …) beside real
figures written in the same shapes (3号楼 / 3栋楼, 第一季度 / 一季度完成3次, 十分 / 96.5分).

Every sentence is invented in the style of community reports and read by the whole pipeline; the
expected list holds the ``text`` of every fact it must find, in order (nothing else may be found)."""

from __future__ import annotations

import pytest

from nlp.figures.lookalike import is_counted_class
from nlp.figures.quantities import find_candidates
from nlp.pipeline import parse_text
from nlp.text.document import Text

# (sentence, the facts' text in order)
TRAPS = {
    # dates, document numbers, articles, clock times, phone numbers
    "date before a count": ("2023年5月12日，社区召开居民代表大会，到会代表46名。", ["46名"]),
    "document number": ("根据区民政局〔2022〕15号文件要求，新增低保户3户。", ["3户"]),
    "article number": ("依照《居民公约》第三条规定，劝导不文明行为12起。", ["12起"]),
    "clock times": ("阅览室每天7:30至9:00开放，接待读者1500人次。", ["1500人次"]),
    "clock time in 点 and 分": ("活动于下午3点20分开始，参加居民85人。", ["85人"]),
    "phone number": ("服务热线0571-86012345全天开通，受理诉求218件。", ["218件"]),
    "page counter": ("发布时间：2021-03-05  阅读：1862次", []),
    # ages and thresholds that define a group or a class
    "age limit before its group": ("为80周岁以上老人发放长寿补贴，共236人。", ["236人"]),
    "age band starting in months": ("为6月龄至6周岁儿童接种疫苗，完成接种358人。", ["358人"]),
    "income threshold with 的": ("对年收入5万元以下的家庭给予补贴，共补贴32户。", ["32户"]),
    "counted class of villages": ("仍有4个村集体经济收入低于8万元。", ["4个"]),
    "counted class of units": ("仍有6个单元距离投放点超过150米。", ["6个"]),
    "a bound the unit reaches stays": ("全村户均增收2000元以上。", ["2000元以上"]),
    "size class before a noun": ("引进5000万元以上项目4个。", ["4个"]),
    "time limit that defines a group": ("帮教刑满释放三年内的人员14名。", ["14名"]),
    "party age that defines a group": ("慰问40年党龄的老党员9名。", ["9名"]),
    # ranks, grades, levels
    "rank": ("垃圾分类考核排名进入全区前5名。", []),
    "a lead time stays": ("提前10天完成改造任务。", ["10天"]),
    "years before now": ("加上前两年改造的，全村累计改厕96户。", ["96户"]),
    "grade of a standard": ("辖区水质达到国家二级标准。", []),
    "grade after one level word": ("新增省二级示范幼儿园1所。", ["1所"]),
    "levels after two level words": ("街道和社区两级调解组织共调解纠纷31起。", ["两级", "31起"]),
    "session of a congress": ("完成了县十七届人大二次会议确定的任务。", []),
    "reduplicated measure word": ("经受住了一次次困难考验。", []),
    "an idiom of years": ("二十年如一日照料孤寡老人3名。", ["3名"]),
    "a numbered glossary entry": ("25.两所共建：指社区与学校共建。", []),
    "a zero statement stays": ("全年辖区刑事案件零发生。", ["零"]),
    "grades of disability": ("其中一、二级残疾人12名。", ["12名"]),
    "levels summed after their names": ("建立镇村两级河长巡河制度。", ["两级"]),
    "three levels after a list": ("形成区、街道、社区三级联动机制。", ["三级"]),
    # names with digits
    "building number": ("为3号楼加装电梯1部。", ["1部"]),
    "count of buildings": ("辖区新建住宅3栋楼。", ["3栋"]),
    "building number, traditional script": ("為3號樓加裝電梯1部。", ["1部"]),
    "village group after a preposition": ("在五组修建排水沟860米。", ["860米"]),
    "village group as a starting point": ("对二组至村部的道路进行硬化，全长1.5公里。", ["1.5公里"]),
    "planning period": ("“十四五”期间，社区新增停车位120个。", ["120个"]),
    "holiday name": ("“五一”期间组织义务劳动3次。", ["3次"]),
    "list number": ("3、完成老旧小区改造2个。", ["2个"]),
    "quarter named, then counted": ("第一季度共开展巡逻36次，一季度完成入户核查3次。", ["36次", "3次"]),
    # words with a numeral, articles and demonstratives
    "very": ("居民对此十分满意。", []),
    "all the way": ("一路走来，社区变化很大。", []),
    "demonstrative 这一": ("垃圾分类这一块，社区投入资金3万元。", ["3万元"]),
    "article 一 for a role": ("作为一名社区工作者，要带头做好服务。", []),
    "article 一 with a lower bound counts": ("每个街道至少建成一个示范点。", ["一个"]),
    "article 一 after 办了 counts": ("村里办了一个扶贫车间。", ["一个"]),
    "a year named by its place": ("2024年是社区发展的关键一年。", []),
    "a count announcing the list": ("今年采取五项举措：一是修路，二是建园。", []),
    "a count after its noun stays": ("今年实施项目三个：一是修路，二是建园，三是治水。", ["三个"]),
    "frequency after 每周": ("坚持每周一次大扫除，全年清理垃圾46吨。", ["一次", "46吨"]),
    "weekday": ("每周一上午召开例会。", []),
    # durations (GUIDELINES: 一年来 and N年来 are figures)
    "a year past": ("一年来，社区共开展活动86场。", ["一年", "86场"]),
    "years past, traditional script": ("三年來，社區累計投入120萬元。", ["三年", "120萬元"]),
    "many years: no number": ("多年来，社区坚持开展义诊。", []),
    "half a year past": ("半年来，社区共调解纠纷12起。", ["半年", "12起"]),
    "first half of the year is a period": ("上半年共调解纠纷12起。", ["12起"]),
    "half a month": ("从签约到投用仅用半个月。", ["半个月"]),
    # slogans, phases and spoken approximations
    "allotment slogan": ("坚持一户一就业，帮扶就业120人。", ["120人"]),
    "second phase of a project": ("推进物流港二期、农贸市场改造等项目5个。", ["5个"]),
    "two sessions": ("举办电商培训班两期。", ["两期"]),
    "spoken approximation with 来": ("在外务工的有两千来人。", ["两千来人"]),
    "a count right after a clock time": ("每天8:00—20:00两个时段安排值守。", ["两个"]),
    # units of things counted
    "truckloads": ("清运杂物45余车。", ["45余车"]),
    "boxes and doors": ("发放口罩300盒，更换防盗门26扇。", ["300盒", "26扇"]),
    "dishes and video channels": ("调整菜品12道，新装监控探头24路。", ["12道", "24路"]),
    "votes": ("以1860票当选为社区主任。", ["1860票"]),
    "a veto idiom": ("对安全生产实行一票否决。", []),
    "score and its scale": ("社区考核得分98.5分（满分100分）。", ["98.5分"]),
    # spacing of a table pasted as text
    "spaced figures in a list": ("辖区居民 2150 户、6380 人。", ["2150 户", "6380 人"]),
    "spaced masked figure": ("走访群众 ** 户，收集意见。", ["** 户"]),
    "spaced before the magnitude": ("发放补贴共计 12.5 万元。", ["12.5 万元"]),
    # digits glued to letters
    "Chinese numeral after a letter": ("A、B两个片区完成改造。", ["两个"]),
    "digits after a masked name": ("在xx3个小组推广种植。", ["3个"]),
    "a code": ("开通T2线公交。", []),
}


@pytest.mark.parametrize("sentence, facts", TRAPS.values(), ids=TRAPS.keys())
def test_figures_and_lookalikes(sentence: str, facts: list[str]):
    found = parse_text(sentence, disable=["activities", "categories", "checks"]).facts
    assert [f.text for f in found] == facts


# (sentence, number as written, the rule that rejects it): the named rules behind the traps above
RULES = {
    "digits-only unit": ("大家十分关心", "十", "unit_digits_only"),
    "minutes of a clock": ("上午9点30分集合", "30", "clock_or_ratio"),
    "grade, not levels": ("达到国家一级标准", "一", "unit_only_after"),
    "a spaced figure needs a space or separator before it": ("表2 户", "2", "spaced_unit"),
    "weekday before a unit that is no count": ("每周二天气晴", "二", "word_prefix"),
}


@pytest.mark.parametrize("sentence, number, rule", RULES.values(), ids=RULES.keys())
def test_the_named_rule(sentence: str, number: str, rule: str):
    found = {c.quantity.number_text: c.rule for c in find_candidates(Text.from_string(sentence).text)}
    assert found.get(number, "no candidate") == rule


# (sentence, number, whether counted_class rejects it)
COUNTED = {
    "money after 有N个": ("有3个村集体收入低于10万元", "10", True),
    "length after a masked count": ("仍有*个单元距离投放点超过200米", "200", True),
    "score after households": ("有87户家庭积分超过500分", "500", True),
    "the count itself": ("有3个村集体收入低于10万元", "3", False),
    "no count before": ("户均增收3000元以上", "3000", False),
    "a rate stays": ("有2个小区覆盖率超过90%", "90", False),
}


@pytest.mark.parametrize("sentence, number, rejected", COUNTED.values(), ids=COUNTED.keys())
def test_counted_class(sentence: str, number: str, rejected: bool):
    doc = Text.from_string(sentence)
    q = next(q for q in doc.figures if q.number_text == number)
    assert is_counted_class(doc, q) is rejected
