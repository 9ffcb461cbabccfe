"""The document topic of the fact category (nlp/categories/topic.py), read by the whole pipeline on
invented reports: a special-topic report's topic-neutral figure takes the topic its title names, a
figure that names its own area keeps it, and a general report's figures do not move (they read as
the same body with no title at all). None of these titles or sentences is a corpus sentence."""

from __future__ import annotations

import pytest

from nlp.categories.categorize import training_examples
from nlp.categories.topic import document_topic, title_keywords, title_topic
from nlp.pipeline import parse_text
from nlp.records import Category
from nlp.resources import load_csv

TITLES = [
    # (title, the topic its title names or None)
    ("青柳社区2023年禁毒工作总结", "governance_security"),
    ("桃源街道2021年1—9月民政工作总结", "social_assistance"),
    ("杏林村2019年计划生育协会工作总结", "health_epidemic"),
    ("梨花社區2020年垃圾分類工作總結", "environment_sanitation"),
    ("青柳社区关工委2020年关心下一代工作总结", "education_youth"),
    ("石溪社区2018年安全生产、消防及禁毒专项工作总结", "governance_security"),
    ("荷塘社区2016年劳动就业和社会保障工作总结", "employment_social_security"),  # 就业 ends a word
    ("梨花社區(qū)2021年文明創(chuàng)建工作總結(jié)", "culture_civility"),  # pinyin glosses a converter left inside the topic word
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


TITLE_LEXICON = [
    # (invented title, the topic its title names or None): the words only a title carries
    # (nlp/resources/title_topics.csv) and the words deliberately left out of it
    ("青柳社区退役军人服务站2020年工作总结", "social_assistance"),  # not community_services' 服务站
    ("桃源街道2019年双拥优抚工作总结", "social_assistance"),
    ("梨花社区2022年为老服务工作总结", "social_assistance"),
    ("青柳社区2020年创文工作总结", "culture_civility"),
    ("青柳社区2019年创建全国文明城市工作总结", "culture_civility"),
    ("青柳社區2015年精神文明建設工作總結", "culture_civility"),  # traditional script
    ("青柳社区2021年民族团结进步创建工作总结", "culture_civility"),  # not demographics_basic's 民族
    ("杏林村2021年农村人居环境整治工作总结", "environment_sanitation"),
    ("石溪村2020年防汛工作总结", "governance_security"),
    ("青柳社区2014年换届选举工作总结", "self_governance"),
    ("青柳社区关工委2019年工作总结", "education_youth"),
    ("荷塘社区2016年社会保障工作总结", "employment_social_security"),
    ("青柳社区2019年创建文明城市暨环境卫生专项整治工作总结", None),  # two areas
    ("青柳社区2017年党支部换届选举工作总结", None),  # party_building and self_governance
    ("青柳社区妇联2018年度工作总结", None),  # women's work spans many areas: no SPEC category
    ("杏林村2022年乡村振兴工作总结", None),  # 产业, 生态, 乡风, 治理: a general report
    ("青柳社区2021年社区治理工作总结", None),
]  # fmt: skip


@pytest.mark.parametrize(("title", "topic"), TITLE_LEXICON)
def test_title_lexicon_names_the_topic(title: str, topic: str | None) -> None:
    found = title_topic(title, ["青柳社区", "杏林村", "桃源街道", "梨花社区", "石溪村", "荷塘社区"])
    assert (found.value if found is not None else None) == topic


def _lexicon() -> list[tuple[str, str, str]]:
    return [(row["word"], row["category"], row["example"]) for _, row in load_csv("title_topics.csv", ("word", "category", "example", "source"))]


@pytest.mark.parametrize(("word", "category", "example"), _lexicon())
def test_each_title_word_finds_its_example(word: str, category: str, example: str) -> None:
    assert word in [k for k, _ in title_keywords(example)]
    found = title_topic(example)
    assert found is not None and found.value == category


def test_title_words_are_no_training_rows_of_the_category_model(tmp_path, monkeypatch) -> None:
    """A word added to the title lexicon (here through a user resource file) finds its topic and
    leaves the category model's training rows as they were, so adding one retrains nothing."""
    import nlp.categories.topic as topic

    before = training_examples(real=())
    (tmp_path / "title_topics.csv").write_text(
        "word,category,example,source\n禁燃,governance_security,青柳社区2020年禁燃工作总结,test\n", encoding="utf-8"
    )
    monkeypatch.setenv("ZONGJIE_RESOURCES", str(tmp_path))
    load_csv.cache_clear()
    topic._keywords.cache_clear()
    try:
        assert title_topic("青柳社区2020年禁燃工作总结") == Category.GOVERNANCE_SECURITY
        assert training_examples(real=()) == before
        assert "禁燃" not in before[0]
    finally:
        monkeypatch.delenv("ZONGJIE_RESOURCES")
        load_csv.cache_clear()
        topic._keywords.cache_clear()
