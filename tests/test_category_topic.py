"""The document topic of the fact category (nlp/categories/topic.py), read by the whole pipeline on
invented reports: a special-topic report's topic-neutral figure takes the topic its title names, a
figure that names its own area keeps it, and a general report's figures do not move (they read as
the same body with no title at all). None of these titles or sentences is a corpus sentence."""

from __future__ import annotations

import pytest

from nlp.categories.topic import document_topic, title_keywords
from nlp.pipeline import parse_text

TITLES = [
    # (title, the topic its title names or None)
    ("青柳社区2023年禁毒工作总结", "governance_security"),
    ("桃源街道2021年1—9月民政工作总结", "social_assistance"),
    ("杏林村2019年计划生育协会工作总结", "health_epidemic"),
    ("梨花社區2020年垃圾分類工作總結", "environment_sanitation"),
    ("青柳社区关工委2020年关心下一代工作总结", "education_youth"),
    ("石溪社区2018年安全生产、消防及禁毒专项工作总结", "governance_security"),
    ("荷塘社区2016年劳动就业和社会保障工作总结", "employment_social_security"),  # 就业 ends a word
    ("青柳社区2023年工作总结", None),
    ("青柳社区2023年上半年工作总结及下半年工作计划", None),
    ("青柳社区2023年党建工作总结", None),  # party_building names who works, not a field of work
    ("青柳社区2022年老旧小区改造及物业管理工作总结", None),  # two areas: no single topic
    ("某某区人民政府某某街道办事处2020年工作总结", None),  # 人民政府 holds 民政, neither starting nor ending a word
    ("文化路社区2022年工作总结", None),  # the unit's own name is no topic
]  # fmt: skip


@pytest.mark.parametrize(("title", "topic"), TITLES)
def test_title_names_the_documents_topic(title: str, topic: str | None) -> None:
    parse = parse_text(f"{title}\n\n一、主要工作\n全年开展各类活动12场。\n")
    found = document_topic(parse.doc)
    assert (found.value if found is not None else None) == topic


def _categories(document: str) -> dict[str, str]:
    return {f.number_text: f.category.value for f in parse_text(document).facts}


BODY = "一、主要工作\n{sentence}\n"
NEUTRAL = [
    # (special-topic title, a topic-neutral sentence, its figure, the report's topic)
    ("青柳社区2023年禁毒工作总结", "发放宣传资料3000份。", "3000", "governance_security"),
    ("青柳社区2023年禁毒工作总结", "开展主题活动10场，覆盖居民2000余人。", "10", "governance_security"),
    ("桃源街道2021年民政工作总结", "全年累计服务群众3200人次。", "3200", "social_assistance"),
    ("杏林村2019年计划生育工作总结", "群众知晓率达到95%。", "95", "health_epidemic"),
    ("梨花社区2020年垃圾分类工作总结", "建立工作台账12本。", "12", "environment_sanitation"),
    ("梨花社区2020年垃圾分类工作总结", "设立咨询点5个，接受群众咨询230人次。", "230", "environment_sanitation"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "sentence", "number", "topic"), NEUTRAL)
def test_special_topic_reports_neutral_figure_takes_its_topic(title: str, sentence: str, number: str, topic: str) -> None:
    body = BODY.format(sentence=sentence)
    assert _categories(f"{title}\n\n{body}")[number] == topic
    general = _categories(f"青柳社区2023年工作总结\n\n{body}")
    assert general[number] != topic  # the title alone moved it
    assert general == _categories(body)  # a general title moves nothing


OWN_AREA = [
    # (special-topic title, a sentence that names its own area, its figure, that area)
    ("青柳社区2023年禁毒工作总结", "召开居民代表大会3次。", "3", "self_governance"),
    ("桃源街道2021年民政工作总结", "全年调解矛盾纠纷37起，调解成功率98%。", "37", "governance_security"),
    ("梨花社区2020年垃圾分类工作总结", "社区现有党员86名。", "86", "party_building"),
]  # fmt: skip


@pytest.mark.parametrize(("title", "sentence", "number", "area"), OWN_AREA)
def test_figure_naming_its_own_area_keeps_it(title: str, sentence: str, number: str, area: str) -> None:
    assert _categories(f"{title}\n\n{BODY.format(sentence=sentence)}")[number] == area


GENERAL_BODY = (
    "一、社区基本情况\n社区现有居民2300户，其中党员86名。\n"
    "二、主要工作\n全年开展各类活动24场，发放宣传资料3000份，调解矛盾纠纷37起，群众满意率达到96%。\n"
)


@pytest.mark.parametrize("title", [t for t, topic in TITLES if topic is None])
def test_general_reports_figures_do_not_move(title: str) -> None:
    assert _categories(f"{title}\n\n{GENERAL_BODY}") == _categories(GENERAL_BODY)


@pytest.mark.parametrize(
    ("title", "keywords"),
    [
        ("文化路社区2021年禁毒工作总结", ["禁毒"]),
        ("社区人口计生与社区卫生工作总结", ["计生"]),
        ("槐湾社区综治维稳及平安建设工作总结", ["综治", "维稳", "平安"]),
    ],
)
def test_scope_words_of_a_title(title: str, keywords: list[str]) -> None:
    assert [k for k, _ in title_keywords(title, ["文化路社区"])] == keywords
