"""ZJ2xx rate checks: range, GRIM, numerator/base agreement, support.

Every text here is invented in the style of a community 工作总结.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from nlp.checks import check_document
from nlp.checks.intervals import rate_interval
from nlp.checks.rate_words import is_bounded, outcome_word, rate_name, rate_object
from nlp.pipeline import parse_text
from nlp.records import Fact, Qualifier

FIXTURES = Path(__file__).parent / "fixtures" / "checks"
RULES = ("rate_out_of_range", "rate_impossible", "rate_mismatch", "unsupported_rate")
TITLE = "桂园社区2022年工作总结\n一、综治平安\n"


@functools.cache
def flags_of(text: str, name: str) -> tuple:
    return tuple(f for f in check_document(parse_text(text)) if f.name == name)


CASES = {
    "GRIM: 90% of 9 is impossible": ("全年调解矛盾纠纷9起，调解成功率90%。", "rate_impossible"),
    "GRIM: 90% of 10 is possible": ("全年调解矛盾纠纷10起，调解成功率90%。", None),
    "GRIM: one decimal is stricter": ("全年调解矛盾纠纷30起，调解成功率96.5%。", "rate_impossible"),
    "GRIM: one decimal possible": ("全年调解矛盾纠纷30起，调解成功率96.7%。", None),
    "GRIM: bare 成功率 takes the count before": ("调处矛盾纠纷9起，成功率90%。", "rate_impossible"),
    "GRIM: unrelated count is no base": ("开展普法宣传9次，调解成功率90%。", None),
    "GRIM: 分别 pairs rates with a list": ("办结建议14件、提案13件，满意率分别达97%和96%。", None),
    "mismatch: 18 of 20 is not 95%": ("调解纠纷20起，成功调解18起，调解成功率95%。", "rate_mismatch"),
    "mismatch: 19 of 20 is 95%": ("调解纠纷20起，成功调解19起，调解成功率95%。", None),
    "mismatch: 办结 over 受理": ("受理信访件25件，办结22件，办结率96%。", "rate_mismatch"),
    "out of range": ("群众安全感满意率达到102%。", "rate_out_of_range"),
    "growth may exceed 100%": ("辖区刑事案件同比下降120%。", None),
    "completion may exceed 100%": ("全年任务完成率达112%。", None),
    "GRIM: base declared by 对N户": ("对17户空巢老人开展电话回访，回访满意率达90%。", "rate_impossible"),
    "GRIM: base declared by N个…参加": ("7个网格参加季度考评，考评优秀率为80%。", "rate_impossible"),
    "GRIM: declared base, possible rate": ("对20户空巢老人开展电话回访，回访满意率达90%。", None),
    "GRIM: times are no declared base": ("向居民报告工作2次、接受评议2次、意见处理率98%。", None),
    "mismatch: outcome synonym after the figure": ("抽查门店25家，其中21家达标，达标率96%。", "rate_mismatch"),
    "mismatch: base in the sentence before": ("全年受理居民诉求40件。已办结34件，办结率95%。", "rate_mismatch"),
    "mismatch: no base across an unrelated clause": (
        "全年受理居民诉求40件，转办15件。开展回访，已办结34件，办结率95%。", None),
    "mismatch: 占 share of a stated whole": ("社区总人口2000人，低保对象150人，占总人口的10%。", "rate_mismatch"),
    "mismatch: 占 share right": ("社区总人口2000人，低保对象150人，占总人口的7.5%。", None),
    "out of range: 占 share": ("辖区低保户占总户数的118%。", "rate_out_of_range"),
    "out of range: traditional script": ("居民對社區服務的滿意率達106%。", "rate_out_of_range"),
    # thirteenth session (check15): survey_of_outcome, score_index, eligible_after, whole_inside_share,
    # the outcome synonyms of 参保/参合/受检
    "survey_of_outcome: the surveyed are the base": ("对辖区45户困难家庭开展满意度回访，满意率为95.8%。", "rate_impossible"),
    "survey_of_outcome: a possible rate stays quiet": ("对辖区45户困难家庭开展满意度回访，满意率为95.6%。", None),
    "score_index: a degree may be a mean score": ("对辖区45户困难家庭开展满意度回访，满意度为95.8%。", None),
    "eligible_after: 应参保 after the numerator": ("社区参加养老保险980人，应参保1000人，参保率99%。", "rate_mismatch"),
    "eligible_after: right rate": ("社区参加养老保险980人，应参保1000人，参保率98%。", None),
    "参合 synonym over its stated base": ("全村应参合人数800人，参加新农合776人，参合率98%。", "rate_mismatch"),
    "受检 over the women of the sentence before": ("辖区已婚育龄妇女300人。组织免费体检，受检285人，受检率97%。", "rate_mismatch"),
    "whole_inside_share: wrong share": ("辖区残疾人62人，占总人口3100人的3%。", "rate_mismatch"),
    "whole_inside_share: right share": ("辖区残疾人62人，占总人口3100人的2%。", None),
}


@pytest.mark.parametrize("body,expected", list(CASES.values()), ids=list(CASES))
def test_rate_cases(body, expected):
    text = TITLE + body
    fired = {name for name in RULES[:3] if flags_of(text, name)}
    assert fired == ({expected} if expected else set())


def test_a_share_with_its_whole_inside_is_named_by_its_zhan_phrase():
    text = TITLE + "辖区残疾人62人，占总人口3100人的102%。"
    assert {name for name in RULES[:3] if flags_of(text, name)} == {"rate_out_of_range", "rate_mismatch"}
    assert "占总人口的" in flags_of(text, "rate_out_of_range")[0].message


def test_messages_carry_the_figures():
    (flag,) = flags_of(TITLE + "全年调解矛盾纠纷9起，调解成功率90%。", "rate_impossible")
    assert "90%" in flag.message and "9" in flag.message and "8/9" in flag.message


def _rate(
    number_text: str, value: float, qualifier: Qualifier = Qualifier.EXACT, text: str | None = None
) -> Fact:
    text = text or f"{number_text}%"
    return Fact(0, None, 0, len(text), text, number_text, value, None, None, "%", qualifier, None, None)


@pytest.mark.parametrize(
    "fact,low,high",
    [
        (_rate("95", 95), 94.5, 95.5),
        (_rate("95.0", 95), 94.95, 95.05),
        (_rate("100", 100), 99.5, 100.5),
        (_rate("95", 95, Qualifier.AT_LEAST, "95%以上"), 94.5, float("inf")),
    ],
    ids=["95%", "95.0%", "100%", "95%以上"],
)
def test_rate_interval(fact, low, high):
    iv = rate_interval(fact)
    assert iv.low == pytest.approx(low) and iv.high == pytest.approx(high)


@pytest.mark.parametrize(
    "label,name,bounded,outcome,obj",
    [
        ("全年调解成功率达到", "全年调解成功率", True, "成功", "调解"),
        ("居民满意率为", "居民满意率", True, "满意", "居民"),
        ("办结率", "办结率", True, "办结", ""),
        ("同比增长率达", "同比增长率", False, None, "增长"),
    ],
)
def test_rate_words(label, name, bounded, outcome, obj):
    assert rate_name(label) == name
    assert is_bounded(name) is bounded
    assert outcome_word(name) == outcome
    assert rate_object(name) == obj


@pytest.mark.parametrize(
    "body, numerator, base",
    [
        # numerator_of_list: a group after 其中 of a count carrying the outcome is no numerator
        ("辖区适龄儿童520人，已接种疫苗506人，其中接种第三针288人，接种率97.3%。", "506人", "520人"),
        ("全村应参保1260人，已参保1238人，其中新参保36人，参保率98.3%。", "1238人", "1260人"),
        # unless the rate names the group (按时办结率 is of the 80 on time)
        ("受理诉求96件，已办结诉求86件，其中按时办结80件，按时办结率93.0%。", "80件", None),
    ],
)
def test_the_numerator_of_a_rate_after_a_list(body: str, numerator: str, base: str | None) -> None:
    from nlp.checks.contexts import contexts
    from nlp.checks.rate_bases import numerator_and_base

    ctxs = contexts(parse_text("柳塘社区2022年工作总结\n一、基本情况\n" + body))
    r = next(i for i, c in enumerate(ctxs) if c.fact.unit == "%")
    n, b = numerator_and_base(ctxs, r)
    assert (n and n.fact.text, b and b.fact.text) == (numerator, base)
