"""The five calls the ninth session added to evaluation/gold/GUIDELINES.md ("Calls from the audit of
the test gold"), on invented report sentences read by the whole pipeline: durations opening a
review (过去一年，, 在这一年里), zeros written as "not one" (未发生一起, 无一人), programme labels
(四张清单), staff divided into working groups (下设…3个工作组) and 学习 of a group as training.

Every sentence is written for this file in the genre's style; none is taken from a corpus document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from nlp.pipeline import parse_text

# sentence → the figures expected, as (number_text, value, unit, indicator), in order
FIGURES = {
    # durations opening a review are figures as 一年来 is (value 1, unit 年, indicator null)
    "past year, opening": ("过去一年，社区党委带领居民群众攻坚克难。", [("一", 1, "年", None)]),
    "in the past year, opening": ("在过去的一年里，居委会班子团结协作。", [("一", 1, "年", None)]),
    "in this year, opening": ("在这一年里，我们共走访居民300户。", [("一", 1, "年", None), ("300", 300, "户", "households_visited")]),
    "this year, with a comma": ("这一年，面对汛情考验，我们坚守一线。", [("一", 1, "年", None)]),
    "a year on": ("一年下来，小区环境明显改善。", [("一", 1, "年", None)]),
    "how long the work took": ("通过一年的努力，垃圾分类覆盖全部小区。", [("一", 1, "年", None)]),
    "half a year of work": ("经过半年的努力，老旧小区改造全面完工。", [("半", Decimal("0.5"), "年", None)]),
    "since a year": ("现将一年以来的工作总结如下。", [("一", 1, "年", None)]),
    "this year's situation is no duration": ("这一年的情况向大家汇报如下。", []),
    "an extraordinary year is no duration": ("2023年是极不平凡的一年。", []),
    "the new year is no duration": ("新的一年，我们将继续努力。", []),
    "this year in a sentence about one event": ("这一年社区获评市级文明社区。", []),
    # "not one": value 0, unit the count word
    "not one fire": ("全年辖区未发生一起电动车火灾。", [("一", 0, "起", None)]),
    "not one case appeared": ("截至月底，小区未出现一例阳性病例。", [("一", 0, "例", None)]),
    "not one person": ("帮教对象无一人重新犯罪。", [("一", 0, "人", None)]),
    "did not happen, written 没有发生": ("汛期转移群众，没有发生一起伤亡事故。", [("一", 0, "起", None)]),
    "not one household": ("脱贫户全年未有一户返贫。", [("一", 0, "户", None)]),
    "a chain of counts": ("全年未发生一人一户因灾返贫。", [("一", 0, "人", None), ("一", 0, "户", None)]),
    "zero criminal cases is the measure's zero": ("全年未发生一起刑事案件。", [("一", 0, "起", "criminal_cases")]),
    "a zero counts no act of the unit": (
        "调解纠纷12件，无一件矛盾上交。",
        [("12", 12, "件", "disputes_mediated"), ("一", 0, "件", None)],
    ),
    "a zero of one sort is no figure of the measure": ("全年未发生一起越级上访。", [("一", 0, "起", None)]),
    "without exception is an idiom": ("各项整改任务无一例外按期完成。", []),
    "leave no one out is a standard": ("做到不漏一户、不落一人。", []),
    "无 with no numeral is no figure": ("全年辖区无刑事案件发生。", []),
    # programme labels are no figures
    "a programme label": ("社区推行“四张清单”管理。", []),
    "a label of batches": ("落实“三个一批”帮扶措施。", []),
    # staff divided into working groups: a fact, indicator null
    "working groups under a body": ("指挥部下设综合协调、物资保障、宣传引导3个工作组。", [("3", 3, "个", None)]),
    "staff divided into groups": ("社区把网格员分成4个工作小组。", [("4", 4, "个", None)]),
    "villager groups stay villager groups": ("全村分为6个村民小组。", [("6", 6, "个", "villager_groups")]),
}


@pytest.mark.parametrize(("text", "expected"), FIGURES.values(), ids=FIGURES.keys())
def test_figures_of_the_ninth_calls(text: str, expected: list[tuple]) -> None:
    facts = parse_text(text).facts
    got = [(f.number_text, f.value, f.unit, f.indicator) for f in facts]
    assert got == [(n, Decimal(v), u, i) for n, v, u, i in expected]


def test_durations_covering_the_review_have_no_subject_and_zeros_say_what_did_not_happen() -> None:
    facts = parse_text("一年来，社区未发生一起电动车火灾，无一人重新犯罪。").facts
    assert [(f.number_text, f.subject) for f in facts] == [("一", None), ("一", "电动车火灾"), ("一", "重新犯罪")]


# sentence → the activities expected, as (name, kind)
ACTIVITIES = {
    "working groups under a leading group are no organization": (
        "村里成立了脱贫攻坚工作领导小组，下设产业发展、基础设施、政策落实3个工作组。",
        [("脱贫攻坚工作领导小组", "organization")],
    ),
    "the groups' names listed before their count are no acts": ("领导小组下设宣传、督查2个工作组。", []),
    "cadres divided into squads": ("抽调干部组成5个小分队。", []),
    "one squad formed is an organization": ("由民警和网格员组成巡逻小分队。", [("巡逻小分队", "organization")]),
    "one named task force set up is an organization": ("社区成立疫情防控工作专班。", [("疫情防控工作专班", "organization")]),
    "teams set up keep their count": ("社区组建由党员组成的平安巡逻队3支。", [("平安巡逻队", "organization")]),
    "collective study is training": ("支部组织党员集中学习12次。", [("集中学习", "training")]),
    "thematic study is training": ("社区党委开展专题学习6次。", [("专题学习", "training")]),
    "a study group's session is training": ("召开理论中心组学习会4次。", [("理论中心组学习会", "training")]),
    "studying a congress's spirit is training": ("组织党员学习党的二十大精神。", [("学习党的二十大精神", "training")]),
    "study and discussion is training": ("分两批开展学习讨论。", [("学习讨论", "training")]),
    "a study visit stays a visit": ("组织居民骨干到先进社区参观学习。", [("参观学习", "visit")]),
}


@pytest.mark.parametrize(("text", "expected"), ACTIVITIES.values(), ids=ACTIVITIES.keys())
def test_activities_of_the_ninth_calls(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.name, a.kind.value) for a in parse_text(text).activities] == expected


def _entries(file: str, *path: str) -> list[tuple[str, str, str]]:
    from nlp.resources import load_toml

    data = load_toml(file)
    for key in path:
        data = data[key]
    return [(table, word, example) for table, words in data.items() for word, example in words.items()]


DURATION_ENTRIES = _entries("durations.toml")
NOT_ONE_ENTRIES = _entries("zeros.toml", "not_one")


@pytest.mark.parametrize(("table", "word", "example"), DURATION_ENTRIES, ids=[f"{t}:{w}" for t, w, _ in DURATION_ENTRIES])
def test_every_duration_word_has_an_example_read_as_a_duration(table: str, word: str, example: str) -> None:
    from nlp.figures.durations import is_marked_duration
    from nlp.figures.quantities import find_quantities
    from nlp.text.normalize import normalize

    assert word in example
    text = normalize(example).text
    assert any(is_marked_duration(text, q) for q in find_quantities(text))


@pytest.mark.parametrize(("table", "word", "example"), NOT_ONE_ENTRIES, ids=[f"{t}:{w}" for t, w, _ in NOT_ONE_ENTRIES])
def test_every_not_one_word_has_an_example_read_as_its_table_says(table: str, word: str, example: str) -> None:
    from nlp.figures.zeros import not_one_statements

    assert word in example
    zeros = not_one_statements(example)
    if table == "idioms":  # 无一例外: no zero
        assert zeros == ()
    else:
        assert zeros and all(q.value == 0 for q in zeros)
