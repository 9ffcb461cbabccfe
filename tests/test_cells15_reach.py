"""Figures no indicator reached (cells15): the unit's registers after 为/对 + 辖区, the recipients of a
benefit named after the count, doses, 下辖, homes and people screened, persons joined by 、 to their
households, a count word naming the measure before it, and the synonyms grown for them.

Sentences written for these tests in the style of a community report.
"""

import pytest
from fact_helpers import fact_at

COMMUNITY = "松涛社区2023年工作总结\n"

# (sentence, figure, indicator, breakdown)
CASES = [
    # rule own_group: 为/对 + the unit's own word + a register of the unit: the stock stays
    ("社区为辖区61名持证残疾人更新了档案。", "61名", "disabled_persons", None),
    ("社区对辖区9名社区矫正对象逐一谈话。", "9名", "community_corrections", None),
    ("联合派出所对辖区433间出租房屋登记造册。", "433间", "rental_houses", None),
    ("全年为全村低保户19户41人发放低保金。", "19户", "low_income_households", None),
    ("全年为全村低保户19户41人发放低保金。", "41人", "low_income_persons", None),
    # … not a group served that is no register, nor a group brought along, nor one without the unit's word
    ("暑期为辖区28名小学生开设托管班。", "28名", None, None),
    ("组织辖区党员37名参观纪念馆。", "37名", None, None),
    ("社区为16名残疾人适配了轮椅。", "16名", None, None),
    # rule benefit_after: the benefit named after a count of people makes them its recipients, whole
    ("社区为143名80周岁以上老人发放高龄津贴。", "143名", "elderly_allowance_persons", None),
    ("全年共为88名高龄老人办理了高龄补贴。", "88名", "elderly_allowance_persons", None),
    ("社区为辖区80周岁以上老人126人按季发放高龄津贴。", "126人", "elderly_allowance_persons", None),
    ("为老人申办高龄津贴，享受人数达177人。", "177人", "elderly_allowance_persons", None),
    ("社区有80岁以上老人126人。", "126人", "elderly_persons", {"age": "80岁以上"}),
    # doses are a unit of vaccinations
    ("累计接种新冠疫苗4310剂次。", "4310剂次", "vaccinations", None),
    # 下辖 is the unit having what it counts
    ("社区下辖住宅小区8个。", "8个", "residential_compounds", None),
    # homes and people screened, their persons joined by 、, 累计 of a period's screening
    ("累计排查住户1870户、4960人。", "1870户", "epidemic_screening", None),
    ("累计排查住户1870户、4960人。", "4960人", "epidemic_screening", None),
    ("目前共有低保户31户、66人。", "66人", "low_income_persons", None),
    ("辖区居民1900户、5600人。", "5600人", "population_total", None),
    # rule count_word_total: a count word names the measure the sentence counted before
    ("新增低保户4户，总数达到61户。", "61户", "low_income_households", None),
    ("社区新增视频监控点位20个，总数增加到85个。", "85个", "cameras", None),
    # synonyms grown (indicators.csv)
    ("社区张贴宣传海报160张。", "160张", "propaganda_materials", None),
    ("发放政策明白卡700份。", "700份", "propaganda_materials", None),
    ("辖区有个体工商户140户。", "140户", "enterprises", None),
    ("食堂全年供餐3900余人次。", "3900余人次", "elderly_meals", None),
    ("设立党员服务岗7个。", "7个", "pioneer_posts", None),
    ("全村下设6个居民小组。", "6个", "villager_groups", None),
    ("全村符合政策生育率为97.6%。", "97.6%", "family_planning_rate", None),
    # words the segmenter keeps whole (lexicon.txt), so the noun is read: 出租户, 分类桶, 脱贫户
    ("上门登记出租户 215 户。", "215 户", "rental_houses", None),
    ("小区配置分类桶 96 个。", "96 个", "waste_bins", None),
    ("全村共有640户脱贫户。", "640户", "hardship_households", None),
]


def _fact(text: str, figure: str):
    return fact_at(COMMUNITY, text, figure)


@pytest.mark.parametrize(("text", "figure", "indicator", "breakdown"), CASES)
def test_figures_reached(text, figure, indicator, breakdown):
    fact = _fact(text, figure)
    assert fact.indicator == indicator
    assert fact.breakdown == breakdown
