"""The category model: clear sentences land in their category, the model file is safe, training is stable.

The sentences below are invented for these tests and are not in corpus/labelled/ (a test checks
that), so they measure the shipped model on unseen text. Accuracy on real documents is reported
by `zongjie evaluate` and in models/MODEL_CARD.md, not asserted here.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources as importlib_resources

import pytest

from nlp.categories.categorize import (
    _TRUSTED,
    MODEL_FILE,
    build_estimator,
    categorize,
    category_probabilities,
    labelled_sentences,
    training_examples,
)
from nlp.categories.training import clauses_of, default_doc_folders, default_gold_dirs, real_clauses
from nlp.records import Category

CLEAR = [
    ("party_members", "截至年底，社区党委共有正式党员112名、预备党员3名", "party_building"),
    ("party_lesson_heading", "（二）从严治党，推动支部标准化规范化建设", "party_building"),
    ("party_plan", "明年计划组织党员集中学习不少于10次，开展主题党日12次", "party_building"),
    ("mediation", "今年以来共受理各类纠纷27件，成功调解25件，调解成功率92.6%", "governance_security"),
    ("grid", "将辖区划分为12个网格，每个网格配备1名专职网格员", "governance_security"),
    ("antifraud_publicity", "组织开展防范电信诈骗宣传6场，发放反诈宣传折页1800份", "governance_security"),
    ("safety_satisfaction", "群众对社会治安满意率达到97%，未发生重大刑事案件", "governance_security"),
    ("dibao", "全年为31户低保家庭发放低保金28.6万元", "social_assistance"),
    ("elderly_allowance", "为辖区90周岁以上老人按月发放高龄补贴，共计46人", "social_assistance"),
    ("holiday_visits", "中秋节前走访慰问困难群众和残疾人家庭35户", "social_assistance"),
    ("reemployment", "举办下岗失业人员再就业培训班2期，帮助28人实现再就业", "employment_social_security"),
    ("retirees", "为社区312名退休人员完成养老金领取资格认证", "employment_social_security"),
    ("insurance", "城乡居民医疗保险参保人数3650人，参保率97%", "employment_social_security"),
    ("nucleic", "疫情期间设置核酸采样点4个，累计采样3.2万人次", "health_epidemic"),
    ("family_planning", "辖区已婚育龄妇女540人，全年落实各项避孕节育措施", "health_epidemic"),
    ("epidemic_publicity", "开展新冠疫情防控宣传，发放防疫知识手册2500份", "health_epidemic"),
    ("checkups", "组织辖区老年人免费体检，共体检380人", "health_epidemic"),
    ("arts_events", "举办迎新春文艺联欢会，群众自编自演节目15个", "culture_civility"),
    ("civility", "开展文明家庭、五好家庭评选，表彰先进家庭22户", "culture_civility"),
    ("waste_publicity", "深入小区开展垃圾分类宣传，入户指导居民1900户", "environment_sanitation"),
    ("cleanup", "组织环境卫生大整治行动12次，清理垃圾杂物60余吨", "environment_sanitation"),
    ("greening_investment", "投入资金5万元用于小区绿化提升，补种草坪800平方米", "environment_sanitation"),
    ("road_investment", "投资38万元硬化进组道路2.1公里", "infrastructure_investment"),
    ("old_estate", "完成2个老旧小区改造，更新供水管网1600米", "infrastructure_investment"),
    ("crops", "引导农户种植蔬菜900亩，户均增收4000元", "economy_industry"),
    ("tourism", "依托古村落发展乡村旅游，全年接待游客2万人次", "economy_industry"),
    ("volunteers", "社区登记在册志愿者420名，全年开展志愿服务活动58次", "volunteer_service"),
    ("volunteer_team", "成立巾帼志愿服务队，吸纳志愿者36人", "volunteer_service"),
    ("service_window", "社区服务大厅设置综合窗口4个，全年受理居民业务3100件", "community_services"),
    ("property", "督促物业公司整改小区管理问题31个，物业服务满意度明显提升", "community_services"),
    ("residents_congress", "召开居民代表会议3次，审议通过小区停车管理办法", "self_governance"),
    ("open_affairs", "每季度公开社区财务收支和重大事项，公开事项36项", "self_governance"),
    ("households", "社区辖区面积0.9平方公里，共有居民1860户5200人", "demographics_basic"),
    ("office", "社区办公服务用房面积320平方米，设有会议室和档案室", "demographics_basic"),
    ("students", "暑期为辖区中小学生开办托管班，服务学生65名", "education_youth"),
    ("minors", "开展未成年人思想道德建设主题教育活动8场", "education_youth"),
]

# Clauses in the style of a county or city government's work report (the genre of the long reports
# whose gold clauses the model now learns from), invented for these tests.
REPORT_CLAUSES = [
    ("industry", "全市规模以上工业增加值增长7.5%，高新技术企业达到260家", "economy_industry"),
    ("tourism_income", "全年接待游客1200万人次，实现旅游收入95亿元", "economy_industry"),
    ("urban_jobs", "全年城镇新增就业1.8万人，城镇登记失业率控制在3.5%以内", "employment_social_security"),
    ("pension_coverage", "全县城乡居民基本养老保险参保率稳定在95%以上", "employment_social_security"),
    ("air_quality", "中心城区空气质量优良天数比例达到86%，森林覆盖率提高到41%", "environment_sanitation"),
    ("rural_roads", "新建改建农村公路320公里，完成棚户区改造2600套", "infrastructure_investment"),
    ("school_places", "新增义务教育学位4800个，改扩建中小学12所", "education_youth"),
    ("assistance_funds", "发放城乡低保金1.6亿元，特困人员供养标准提高8%", "social_assistance"),
    ("fraud_cases", "破获电信网络诈骗案件210起，刑事案件立案数下降11%", "governance_security"),
    ("elderly_centres", "新建社区养老服务中心18个，嵌入式托育点9个", "community_services"),
]

KNOWN_CONFUSIONS: list[tuple[str, str, str]] = []


@pytest.mark.parametrize(("name", "text", "expected"), CLEAR, ids=[c[0] for c in CLEAR])
def test_clear_sentence_gets_its_category(name: str, text: str, expected: str) -> None:
    assert categorize([text]) == [Category(expected)]


@pytest.mark.parametrize(("name", "text", "expected"), REPORT_CLAUSES, ids=[c[0] for c in REPORT_CLAUSES])
def test_government_report_clause_gets_its_category(name: str, text: str, expected: str) -> None:
    assert categorize([text]) == [Category(expected)]


def test_every_category_has_a_clear_example() -> None:
    covered = {expected for _, _, expected in CLEAR}
    assert covered >= {c.value for c in Category} - {"other"}


def test_test_sentences_are_not_training_data() -> None:
    texts = {text for text, _ in labelled_sentences()}
    assert not [text for _, text, _ in CLEAR + REPORT_CLAUSES if text in texts]


def test_report_clauses_are_not_real_clauses(real) -> None:
    assert not [text for _, text, _ in REPORT_CLAUSES if any(text in row.text for row in real)]


def test_probabilities_are_distributions_in_category_order() -> None:
    probs = category_probabilities(["组织党员开展主题党日活动6次", "清运生活垃圾80吨"])
    assert probs.shape == (2, len(Category))
    assert probs.sum(axis=1) == pytest.approx([1.0, 1.0])
    order = list(Category)
    assert order[probs[0].argmax()] is Category.PARTY_BUILDING
    assert order[probs[1].argmax()] is Category.ENVIRONMENT_SANITATION


def test_empty_input() -> None:
    assert categorize([]) == []
    assert category_probabilities([]).shape == (0, len(Category))


def test_model_file_holds_only_trusted_types() -> None:
    import skops.io as sio

    data = importlib_resources.files("models").joinpath(MODEL_FILE).read_bytes()
    assert set(sio.get_untrusted_types(data=data)) <= set(_TRUSTED)
    assert len(data) < 10_000_000


def test_labelled_data_is_balanced_and_consistent() -> None:
    rows = labelled_sentences()
    counts = Counter(category for _, category in rows)
    assert set(counts) == {c.value for c in Category}
    assert min(counts[c.value] for c in Category if c.value != "other") >= 40
    labels_of: dict[str, set[str]] = {}
    for text, category in rows:
        labels_of.setdefault(text, set()).add(category)
    assert not {t: c for t, c in labels_of.items() if len(c) > 1}


@pytest.fixture(scope="module")
def real():
    """The real clauses of the development gold; they need the shared corpus."""
    folders = default_doc_folders()
    if not all(folder.is_dir() for folder in folders):
        pytest.skip(f"shared corpus not found at {folders[0].parent} (set ZONGJIE_SHARED)")
    return real_clauses(default_gold_dirs(), folders)


@pytest.fixture(scope="module")
def two_fits(real):
    texts, labels = training_examples(real=real)
    return build_estimator().fit(texts, labels), build_estimator().fit(texts, labels)


def test_training_is_deterministic_in_labels(two_fits) -> None:
    first, second = two_fits
    probe = [text for _, text, _ in CLEAR]
    assert list(first.predict(probe)) == list(second.predict(probe))


def test_shipped_model_is_trained_on_the_current_data(two_fits, real) -> None:
    """Fails when corpus/labelled, the keywords or the dev gold changed without `zongjie train`."""
    fresh, _ = two_fits
    probe = (
        [text for _, text, _ in CLEAR]
        + [text for text, _ in labelled_sentences()[::7]]
        + [row.text for row in real[::5]]
    )
    shipped = [c.value for c in categorize(probe)]
    agree = sum(a == b for a, b in zip(shipped, fresh.predict(probe), strict=True))
    assert agree / len(probe) >= 0.99


def test_every_gold_fact_of_the_development_split_becomes_a_training_row(real) -> None:
    """Real clauses: one per gold fact whose quote is found, read as the pipeline reads a figure."""
    import json

    facts = [
        fact
        for folder in default_gold_dirs()
        for path in sorted(folder.glob("*.json"))
        for fact in json.loads(path.read_text(encoding="utf-8"))["facts"]
    ]
    assert len(real) >= 0.95 * len(facts)
    assert {row.category for row in real} <= {c.value for c in Category}
    assert all(len(row.text) <= 400 + 40 for row in real)


def test_a_real_clause_is_the_subject_and_the_normalized_sentence_around_the_figure() -> None:
    original = "一、基本情况\n社區現有黨員41名。全年开展活动６次，参与群众300余人次。"
    facts = [
        {"quote": "参与群众300余人次", "number_text": "300", "subject": "参与群众", "category": "culture_civility"},
        {"quote": "活动６次", "number_text": "６", "subject": "活动", "category": "culture_civility"},
        {"quote": "不在文中5次", "number_text": "5", "subject": None, "category": "other"},
    ]
    rows = clauses_of("x.txt", original, facts)
    assert [row.text for row in rows] == [
        "参与群众 全年开展活动6次，参与群众300余人次。",
        "活动 全年开展活动6次，参与群众300余人次。",
    ]
    assert [row.category for row in rows] == ["culture_civility"] * 2


def test_prediction_weights_agree_with_the_scikit_learn_estimator():
    """Parsing predicts from models/category.npz; it must say what the skops estimator says."""
    import numpy as np

    from nlp.categories.categorize import _weights, load_estimator, training_examples

    texts = training_examples()[0][:400] + ["社区现有党员38名,其中支委成员4名", "全年调解纠纷  23起", "ABC 混合 Text"]
    expected = load_estimator().predict_proba(texts)
    assert np.allclose(_weights().probabilities(texts), expected, atol=1e-9)


BATCH_DOCUMENT = (
    "一、党建引领\n社区党委现有党员86名，全年开展主题党日活动12次，组织党员参观红色教育基地。\n"
    "二、平安建设\n调解邻里纠纷19件，组织消防演练3场，走访独居老人40户。\n"
    "三、环境整治\n清运卫生死角垃圾65吨，新建垃圾分类亭4处。\n"
)


def test_one_batched_call_per_document_gives_the_labels_of_one_call_per_kind() -> None:
    """categorize_parse scores sections, facts and activities in one model call; the separate
    functions score each kind on its own. Both must label every record alike."""
    from nlp.categories.assign import (
        categorize_activities,
        categorize_facts,
        categorize_parse,
        categorize_sections,
    )
    from nlp.pipeline import parse_text

    parsed = parse_text(BATCH_DOCUMENT, disable=["categories", "checks"])
    assert parsed.text is not None and parsed.sections and parsed.facts and parsed.activities
    batched = categorize_parse(parsed)
    sections = categorize_sections(parsed.text, parsed.sections)
    assert [s.category for s in batched.sections] == [s.category for s in sections]
    assert [f.category for f in batched.facts] == [
        f.category for f in categorize_facts(parsed.text, parsed.facts, sections)
    ]
    assert [a.category for a in batched.activities] == [
        a.category for a in categorize_activities(parsed.text, parsed.activities, sections)
    ]
    assert {s.category for s in batched.sections} != {Category.OTHER}


def test_scoring_texts_together_equals_scoring_each_alone() -> None:
    """n-grams of all texts are counted side by side; none may cross from one text into the next."""
    import numpy as np

    texts = ["社区党委现有党员86名", "", "调解纠纷19件", "ab", "清运垃圾65吨  新建分类亭4处"]
    together = category_probabilities(texts)
    alone = np.vstack([category_probabilities([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-12)
