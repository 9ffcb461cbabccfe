"""The comparable-figures contrast set (evaluation/contrast/comparable_tenth.toml), case by case.

Each case is an invented report sentence with one figure and the indicator, breakdown (null or not)
and scope SPEC + GUIDELINES give it, fixed before the pipeline was run on it (tenth session). The
cases the pipeline still gets wrong are strict xfails with the class of failure as the reason, so a
fix shows up as an XPASS to move into the passing set. The set's totals are
``python -m evaluation.comparable_contrast`` (evaluation/README.md, "tenth session").
"""

from __future__ import annotations

import pytest

from evaluation.comparable_contrast import load_cases, run_case

# (text, figure) → why it still fails
KNOWN_FAILURES = {
    ("村党支部共有党员47名，包括女党员9名。", "9名"): "包括 read as a verb: its object is no counted noun",
    ("党委所属党员中，年龄在30岁以下的有7名。", "7名"): "a part named by a relative clause after …中 (no noun before the figure)",
    ("目前社区有在职党员回社区报到42名，退休党员65名。", "42名"): "a verb between the noun and its figure",
    ("社区党总支管理党员128名，其中流动党员14名，预备党员3名。", "128名"): "管理 makes those acted on, no stock",
    ("社区党员中长期在外地居住的有9名。", "9名"): "a part named by a relative clause after …中",
    ("社区现有低保户31户，低保人员52人，其中残疾人低保户分别为8户、13人。", "8户"): "分别为 between the noun and its figures",
    ("社区党员人数比去年增加5名。", "5名"): "a difference from last year (比去年增加) is not read as a change",
    ("刑事案件较上年减少6起，辖区治安持续好转。", "6起"): "a difference from last year (较上年减少) is not read as a change",
    ("全街道共有低保户450户，我社区占37户。", "37户"): "占 + a count: the unit's share of a wider total gets no measure",
    ("全市城乡居民医保参保人数达到98万人，社区参保率为97%。", "98万人"): "参保人数 is no synonym of the insurance measures",
    ("其中锦绣小区居住党员18名。", "18名"): "居住 before the noun unmakes the measure",
    ("第三网格内有流动人口65人。", "65人"): "内有 after a numbered grid: the grid is not read as a place",
    ("村里共有农户412户，其中上湾村民小组58户。", "58户"): "a bare count after a named part gets no measure",
    ("中秋文艺晚会现场观众达500人。", "500人"): "观众 is no synonym of participants",
    ("“四点半课堂”全年服务辖区学生1500人次。", "1500人次"): "服务 + people served of one named service is not read as participants",
    ("组织党员志愿者45人到敬老院开展慰问演出。", "45人"): "volunteers sent to one event are read as a kind of volunteers",
    ("户籍人口 5230 人，户籍户数 1904 户。", "1904 户"): "户籍户数: the 户籍 modifier closes 户数",
    ("在册党员76名，在职31名、离退休45名。", "45名"): "离退休 alone names the retirees measure before the list is read",
    ("社区低保户36户，其中因病致贫的12户。", "12户"): "the counted noun is a verb phrase (致贫), no part is read",
    ("辖区残疾人87人（一级12人，二级20人）。", "12人"): "a list opened by a bracket right after the whole",
    ("开展读书分享会8场。", "8场"): "分享会 is no name of an activity in the indicator table",
    ("支部党员64名，其中：女同志21名，大专以上学历党员30名。", "21名"): "女同志 is no marker of sex, and the noun is no name of the measure",
    ("支部党员64名，其中：女同志21名，大专以上学历党员30名。", "30名"): "a modifier with a number (大专以上学历) closes the measure",
    ("辖区内党龄50年以上的老党员有12名。", "12名"): "老党员 with a seniority clause is read as no measure",
    ("全村低保户23户，其中残疾人家庭7户。", "7户"): "a part named by another measure's noun (残疾人家庭) under 其中",
    ("共建单位华兴物业公司捐款5000元。", "5000元"): "a partner company before the figure is read as a kind, not another unit",
    ("辖区实验小学有学生1200名。", "1200名"): "a school named before the figure is not read as another unit",
    ("组织辖区120名青少年参加暑期夏令营。", "120名"): "a count of people sent to one event after 组织 gets no measure",
}

CASES = load_cases()


def _params():
    for case in CASES:
        reason = KNOWN_FAILURES.get((case.text, case.figure))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(case, marks=marks, id=f"{case.group}:{case.figure}:{case.text[:12]}")


@pytest.mark.parametrize("case", list(_params()))
def test_contrast_case(case) -> None:
    outcome = run_case(case)
    assert outcome.found, f"no fact at {case.figure!r}"
    got = (outcome.indicator, outcome.breakdown is None, outcome.scope if case.indicator else None)
    assert got == (case.indicator, case.breakdown is None, case.scope if case.indicator else None)


def test_known_failures_name_cases_of_the_set() -> None:
    keys = {(c.text, c.figure) for c in CASES}
    assert set(KNOWN_FAILURES) <= keys
