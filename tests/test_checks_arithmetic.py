"""ZJ1xx arithmetic checks and the interval arithmetic under them.

Every text here is invented in the style of a community 工作总结.
"""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pytest

from nlp.checks import check_document
from nlp.checks.intervals import Interval, fact_interval, last_digit_step
from nlp.checks.partitions import Band, age_band, part_of, tiles
from nlp.pipeline import parse_text
from nlp.records import Fact, Qualifier

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
RULES = ("sum_mismatch", "subset_exceeds_total", "implausible_magnitude")


@functools.cache
def flags_of(text: str, name: str) -> tuple:
    return tuple(f for f in check_document(parse_text(text)) if f.name == name)


TITLE = "云溪社区2022年工作总结\n一、基本情况\n"

SUM_CASES = {
    "sex split wrong": ("社区总人口3200人，其中男1600人、女1500人。", True),
    "sex split right": ("社区总人口3200人，其中男1600人、女1600人。", False),
    "residence split in next sentence": ("社区总人口4100人。常住人口3600人，流动人口400人。", True),
    "residence split right": ("社区总人口4000人。常住人口3600人，流动人口400人。", False),
    "approximate parts can add up": ("辖区总人口3200余人，其中男1600余人、女1500余人。", False),
    "approximate parts cannot": ("辖区总人口3200人，其中男1000人、女1000余人。", True),
    "one part only is no partition": ("社区共有党员41名，其中女党员12名。", False),
    "age bands wrong": ("社区总人口2000人，其中18岁以下400人，18至60岁1200人，60岁以上300人。", True),
    "list closed by 合计": ("走访困难家庭：其中低保户30户、残疾人家庭20户，合计60户。", True),
    "list closed by 合计 right": ("走访困难家庭：其中低保户30户、残疾人家庭20户，合计50户。", False),
    "money list closed by 合计": ("发放慰问金：其中低保户3000元、残疾人2000元，合计6000元。", True),
    "party split is not the population's": (
        "社区总人口3200人，其中男1600人、女1600人。党员52名，男性党员37名、女性党员15名。",
        False,
    ),
    "party split wrong": ("社区共有党员49名，其中男党员39名、女党员12名。", True),
    "different units never sum": ("社区共有居民1100户，男1600人、女1500人。", False),
    "age bands 以上/以下 without 其中": ("社区户籍人口2500人，60周岁以上520人，60周岁以下1900人。", True),
    "age bands 以上/以下 right": ("社区户籍人口2500人，60周岁以上520人，60周岁以下1980人。", False),
    "bands inside the total's band": ("全村60岁以上老人300人，60至79岁230人、80岁以上60人。", True),
    "grades joined by 、": ("现有残疾人70人，其中一、二级25人，三、四级40人。", True),
    "grades joined by 、 right": ("现有残疾人70人，其中一、二级25人，三、四级45人。", False),
    "grades written together (adjacent_grades)": ("现有残疾人70人，其中一二级残疾25人，三四级残疾40人。", True),
    "grades written together, right": ("现有残疾人70人，其中一二级残疾25人，三四级残疾45人。", False),
    "numerals together that are no grades": ("现有残疾人70人，其中一级残疾25人，二五级残疾40人。", False),
    "households by cause of poverty (致贫 kinds) exceed the whole": ("全村脱贫户40户，其中因病致贫22户、因学致贫9户、因灾致贫12户。", True),
    "households by cause of poverty within the whole": ("全村脱贫户40户，其中因病致贫22户、因学致贫9户、因灾致贫7户。", False),
    "persons by cause against households is no sum": ("全村脱贫户40户，其中因病致贫52人、因学致贫9人。", False),
    "aside_passed: a 其中 after last year's figure in a parenthesis": ("现有低保户30户（上年为36户），其中城镇低保户12户、农村低保户21户。", True),
    "在家/外出 without 其中": ("全村劳动力900人，在家务工350人，外出务工500人。", True),
    "在家/外出 split the labour force, not the population": ("全村总人口2100人，在家务工350人，外出务工500人。", False),
    "urban/rural parts named with the total's noun": ("现有低保户80户，城镇低保50户、农村低保20户。", True),
    "persons after households": ("全村共有320户1100人，男性560人，女性520人。", True),
    "a parenthesis restating last year": ("社区户籍人口2500人（上年2430人，男1200人、女1230人）。", False),
    "an item of a 、 list is no total": ("在职人员30人、男性500人、女性480人。", False),
    "a part's siblings are no parts of it": ("常住人口2600人，流动人口400人，户籍人口2200人、外来人口600人。", False),
}


@pytest.mark.parametrize("body,fires", list(SUM_CASES.values()), ids=list(SUM_CASES))
def test_sum_mismatch_cases(body, fires):
    flags = flags_of(TITLE + body, "sum_mismatch")
    assert bool(flags) == fires
    if fires:
        assert "与总数" in flags[0].message


SUBSET_CASES = {
    "part larger than whole": ("社区共有党员41名，其中预备党员50名。", True),
    "later item of the 其中 list": ("社区共有党员41名，其中女党员12名、60岁以上党员45名。", True),
    "parts smaller": ("社区共有党员41名，其中女党员12名、60岁以上党员20名。", False),
    "whole of another unit": ("参与居民1200人次，其中老年人1500人。", False),
    "approximate whole": ("服务群众500余人，其中老年人560人。", False),
    "其中 opening the next sentence": ("全村现有脱贫户45户。其中，监测户52户。", True),
    "an age band inside the whole's band": ("辖区60岁以上老人210人，80岁以上老人230人。", True),
    "an age band inside the whole's band, smaller": ("辖区60岁以上老人210人，80岁以上老人30人。", False),
    "the whole's noun with a modifier": ("社区现有楼栋长40名，党员楼栋长45名。", True),
    "a modifier without a stated whole": ("走访党员20名，慰问老党员30名。", False),
    "persons are no part of households": ("全村共有300户，其中外出务工人员450人。", False),
}


@pytest.mark.parametrize("body,fires", SUBSET_CASES.values(), ids=SUBSET_CASES.keys())
def test_subset_cases(body, fires):
    assert bool(flags_of(TITLE + body, "subset_exceeds_total")) == fires


MAGNITUDE_CASES = {
    "households above households": ("社区现有居民800户，总人口2400人。全年走访低保户950户。", True),
    "persons above population": ("社区现有居民800户，总人口2400人。为残疾人3000人办理补贴。", True),
    "beneficiaries may come from outside": ("社区总人口2400人。举办义诊活动，受益群众3000人。", False),
    "person-times are not persons": ("社区总人口2400人。全年服务居民6000人次。", False),
    "no population stated": ("全年为残疾人3000人办理补贴。", False),
    "persons right after households state the population": ("全村共有300户1020人。外出务工人员1300人。", True),
    "households after 共…户居民": ("本社区共900户居民。为1100户家庭更换燃气表。", True),
    "persons are never compared with households": ("社区现有居民900户。全年为困难群众1500人发放物资。", False),
    "a parenthesis about the town": ("全村共有300户1020人（全镇2.3万人）。", False),
    "家 counts businesses, not households": ("社区现有居民300户。辖区内有个体商户及驻区单位420家。", False),
}


@pytest.mark.parametrize("body,fires", MAGNITUDE_CASES.values(), ids=MAGNITUDE_CASES.keys())
def test_implausible_magnitude_cases(body, fires):
    assert bool(flags_of(TITLE + body, "implausible_magnitude")) == fires


def _fact(
    text: str, number_text: str, value: float | None, qualifier: Qualifier, low=None, high=None
) -> Fact:
    return Fact(0, None, 0, len(text), text, number_text, value, low, high, "人", qualifier, None, None)


INTERVALS = {
    "exact": (_fact("3200人", "3200", 3200, Qualifier.EXACT), Interval(3200, 3200)),
    "10余": (_fact("10余人", "10", 10, Qualifier.APPROX), Interval(10, 20)),
    "100余": (_fact("100余人", "100", 100, Qualifier.APPROX), Interval(100, 200)),
    "35多": (_fact("35多人", "35", 35, Qualifier.APPROX), Interval(35, 36)),
    "约1.2万": (_fact("约1.2万人", "1.2", 12000, Qualifier.APPROX), Interval(11400, 12600)),
    "1.2万 exact carries rounding": (_fact("1.2万人", "1.2", 12000, Qualifier.EXACT), Interval(11500, 12500)),
    "近500": (_fact("近500人", "500", 500, Qualifier.APPROX), Interval(450, 500)),
    "以上": (_fact("500人以上", "500", 500, Qualifier.AT_LEAST), Interval(500, math.inf)),
    "不足": (_fact("不足500人", "500", 500, Qualifier.AT_MOST), Interval(0, 500)),
    "range": (_fact("3-4人", "3-4", None, Qualifier.RANGE, 3, 4), Interval(3, 4)),
    "masked": (_fact("xx人", "xx", None, Qualifier.MASKED), None),
}


@pytest.mark.parametrize("fact,expected", INTERVALS.values(), ids=INTERVALS.keys())
def test_fact_interval(fact, expected):
    got = fact_interval(fact)
    if expected is None:
        assert got is None
    else:
        assert got.low == pytest.approx(expected.low) and got.high == pytest.approx(expected.high)


@pytest.mark.parametrize(
    "number_text,value,step",
    [("95", 95, 1), ("95.0", 95, 0.1), ("1.25", 12500, 100), ("3000", 3000, 1000), ("二十", 20, 10)],
)
def test_last_digit_step(number_text, value, step):
    assert last_digit_step(number_text, value) == pytest.approx(step)


@pytest.mark.parametrize(
    "label,whole,member",
    [
        ("其中男", "", ("sex", {0})),
        ("、女性", "", ("sex", {1})),
        ("常住人口", "", ("residence", {0})),
        ("外出务工人员", "全村劳动力", ("work_place", {1})),
        ("其中城镇低保", "社区现有低保户", ("urban_rural", {0})),
        ("其中城镇低保", "社区总人口", None),
        ("一、二级", "持证残疾人", ("disability_grade", {0, 1})),
        ("一至三级", "登记残疾人", ("disability_grade", {0, 1, 2})),
        ("三、四级", "总人口", None),
        ("男党员", "总人口", None),
        ("居民", "", None),
        ("残疾人", "", None),
    ],
)
def test_part_of(label, whole, member):
    got = part_of(label, whole)
    assert (got and (got[0], set(got[1]))) == (member and (member[0], set(member[1])))


@pytest.mark.parametrize(
    "label,band",
    [
        ("60岁以上", Band(60, math.inf)),
        ("六十周岁及以上", Band(60, math.inf)),
        ("60岁以下", Band(0, 60)),
        ("18至59岁", Band(18, 60)),
        ("未满18周岁", Band(0, 18)),
        ("党员", None),
    ],
)
def test_age_band(label, band):
    assert age_band(label) == band


@pytest.mark.parametrize(
    "bands,whole,expected",
    [
        ([Band(60, math.inf), Band(0, 60)], Band(0, math.inf), True),
        ([Band(0, 18), Band(18, 61), Band(60, math.inf)], Band(0, math.inf), True),
        ([Band(60, 80), Band(80, math.inf)], Band(60, math.inf), True),
        ([Band(60, math.inf), Band(80, math.inf)], Band(0, math.inf), False),
        ([Band(60, math.inf)], Band(0, math.inf), False),
    ],
)
def test_tiles(bands, whole, expected):
    assert tiles(bands, whole) is expected
