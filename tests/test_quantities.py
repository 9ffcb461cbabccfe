"""nlp.figures.quantities: the figures of issue 3, its look-alikes, offsets and speed-independent invariants."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp.figures.quantities import find_quantities

KNOWN = json.loads((Path(__file__).parents[1] / "evaluation/numerals/known.json").read_text(encoding="utf-8"))
FIGURES = {c["input"]: c["expected"] for c in KNOWN["quantities"] if c["expected"]}
NOT_FIGURES = [c["input"] for c in KNOWN["quantities"] if not c["expected"]] + [
    "十九届六中全会", "庆祝七一", "学习两会精神", "十四五规划", "“四百”活动", "一站式服务", "万一发生", "坚守一线",
    "“365”志愿服务", "1+N模式", "“两委”换届", "3+1制度", "三驾马车", "家住18幢", "3号楼", "5单元", "第3页共5页",
    "—12—", "20xx年", "二〇二一年", "上半年", "1、加强党建", "（2）完善制度", "①宣传", "一是加强学习",
    "联系电话13912345678", "一起参加活动", "一批骨干", "一直坚持", "一些问题", "一次性补助", "进一步加强", "高度一致",
    "一体化推进", "70岁以上老人", "学习《关于做好2个重点领域安全工作的通知》精神", "年收入8万以上的家庭",
    "提供7×24小时服务", "打造15分钟便民生活圈", "三次产业协调发展",
]


def _dec(x: object) -> Decimal | None:
    return None if x is None else Decimal(str(x))


@pytest.mark.parametrize("text", FIGURES, ids=FIGURES)
def test_figure(text: str) -> None:
    got = find_quantities(text)
    want = FIGURES[text]
    assert len(got) == len(want)
    for q, w in zip(got, want, strict=True):
        assert (q.number_text, q.unit, q.qualifier.value) == (w["number_text"], w["unit"], w["qualifier"])
        assert (q.value, q.low, q.high) == (_dec(w["value"]), _dec(w["low"]), _dec(w["high"]))


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_a_figure(text: str) -> None:
    assert find_quantities(text) == ()


SPANS = {
    "qualifier and unit": ("共开展20余场次活动", "20余场次"),
    "money": ("投资7.5万元修缮", "7.5万元"),
    "range": ("每月3-4次", "3-4次"),
    "masked": ("走访xx户。", "xx户"),
    "percent words": ("达到百分之九十。", "百分之九十"),
    "double qualifier": ("约5000余人参加", "约5000余人"),
    "近千人": ("吸引近千人", "近千人"),
    "at least": ("满意率95%以上。", "95%以上"),
}


@pytest.mark.parametrize("text,span", SPANS.values(), ids=SPANS.keys())
def test_span_covers_qualifier_and_unit(text: str, span: str) -> None:
    (q,) = find_quantities(text)
    assert text[q.norm_start:q.norm_end] == span


def test_two_facts_in_one_clause() -> None:
    got = find_quantities("现有低保户86户203人，其中支委成员4名")
    assert [(q.value, q.unit) for q in got] == [(86, "户"), (203, "人"), (4, "名")]


def test_age_limit_is_not_a_count_but_the_count_is() -> None:
    got = find_quantities("全社区80岁以上老人156人")
    assert [(q.number_text, q.unit) for q in got] == [("156", "人")]


@pytest.mark.xfail(reason="vague 数十/几十 has no agreed value yet; read as approx 10", strict=False)
def test_vague_tens() -> None:
    (q,) = find_quantities("指导数十次")
    assert q.value is None


@given(st.text(alphabet="0123456789一二两三十百千万余多约近xX%-至年月日人户次元名个第、“”。，", max_size=40))
def test_never_raises_and_spans_hold(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.norm_start < q.norm_end <= len(text)
        assert q.number_text in text[q.norm_start:q.norm_end]


# Bound words of government reports and a foreign currency (invented sentences).
BOUNDS_AND_CURRENCY = {
    "突破 is a lower bound": ("旅客吞吐量突破150万人次", "150", "人次", "at_least"),
    "控制在 is an upper bound": ("失业率控制在4.5%", "4.5", "%", "at_most"),
    "控制在…左右 stays approximate": ("涨幅控制在3%左右", "3", "%", "approx"),
    "US dollars keep their unit": ("实际利用外资6.2亿美元", "6.2", "美元", "exact"),
    "千 that begins a unit is the unit's": ("新增光伏装机600万千瓦", "600", "千瓦", "exact"),
    "千克 is kilograms, not thousands of grams": ("发放大米5千克", "5", "公斤", "exact"),
    "a concentration": ("年平均浓度18.4微克/立方米", "18.4", "微克/立方米", "exact"),
    "energy": ("全年节电3.2亿千瓦时", "3.2", "千瓦时", "exact"),
}


@pytest.mark.parametrize("text, number, unit, qualifier", BOUNDS_AND_CURRENCY.values(), ids=BOUNDS_AND_CURRENCY.keys())
def test_bounds_and_currency(text: str, number: str, unit: str, qualifier: str) -> None:
    (q,) = find_quantities(text)
    assert (q.number_text, q.unit, q.qualifier.value) == (number, unit, qualifier)


ZEROS = [
    ("全年辖区刑事案件零发生。", ["零"]),
    ("疫情期间辖区零确诊、零疑似。", ["零", "零"]),
    ("越级上访为零，卫生死角动态清零。", ["零", "零"]),
    ("零星垃圾及时清运，零售商户46家，服务零距离，实现零突破。", ["46"]),
    ("社区有党员一百零五名。", ["一百零五"]),
    ("全年未发生一起火灾，无一人受伤。", ["一", "一"]),
]


@pytest.mark.parametrize(("text", "numbers"), ZEROS, ids=[t for t, _ in ZEROS])
def test_zero_statements_are_figures_of_value_zero(text: str, numbers: list[str]) -> None:
    found = find_quantities(text)
    assert [q.number_text for q in found] == numbers
    assert all(q.value == 0 and q.unit == "" for q in found if q.number_text == "零")
    assert all(q.value == 0 and q.unit for q in found if q.number_text == "一")  # "not one": the count word


LOOKALIKES = [
    "重点抓好以下六个方面的工作：",
    "开展桶边督导和二次分拣。",
    "推进平台二期建设。",
    "做到不漏一户、不落一人。",
    "各项整改任务无一例外按期完成。",
    "为残疾人办理两项补贴。",
    "志愿者年龄最大的76岁、最小的32岁。",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_guideline_look_alikes_are_no_figures(text: str) -> None:
    assert find_quantities(text) == ()


def test_a_count_with_two_stays_a_figure() -> None:
    assert [q.number_text for q in find_quantities("开展入户走访两次，召开会议二次。")] == ["两", "二"]


# A table pasted as text separates its cells with tabs: the figure after the label's tab is spaced out
# on both sides like 总人口 1234 人, and a space before its unit is no reason to reject it.
TABLE_CELLS = [
    ("总户数\t2204 户\t总人口\t6873 人", ["2204", "6873"]),
    ("党员\t96 名\t低保户\t31 户", ["96", "31"]),
]


@pytest.mark.parametrize(("text", "numbers"), TABLE_CELLS, ids=[t for t, _ in TABLE_CELLS])
def test_figures_in_tab_separated_table_cells(text: str, numbers: list[str]) -> None:
    assert [q.number_text for q in find_quantities(text)] == numbers
