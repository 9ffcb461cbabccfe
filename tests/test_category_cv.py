"""evaluation/category_cv.py on a tiny invented set: gold facts are matched, grouped and predicted
with leave-documents-out folds. The documents are written for this test."""

from __future__ import annotations

import json

import numpy as np
import pytest

from evaluation.category_cv import (
    Case,
    Setting,
    cases,
    confusion,
    estimate,
    fit,
    predict,
    row,
    shipped_as_parsed,
    tally,
)
from nlp.categories.training import RealClause, real_clauses

DOCUMENTS = {
    "a.txt": "一、平安建设\n全年调解邻里纠纷12起，组织治安巡逻40次。\n二、民政救助\n为困难家庭办理低保8户。\n",
    "b.txt": "一、综治维稳\n受理矛盾纠纷15件，开展消防检查22次。\n二、社会救助\n走访慰问低保户36户。\n",
    "c.txt": "（一）平安社区\n化解信访积案3件，夜间巡逻55次。\n（二）困难帮扶\n发放临时救助金2万元，救助困难群众9人。\n",
    "L1.txt": "一、总体情况\n全市社会治安持续好转，刑事案件下降12%。\n二、兜底保障\n城乡低保对象1.2万人，发放救助资金3000万元。\n",
}
FACTS = {
    "a.txt": [
        ("纠纷12起", "12", "governance_security"),
        ("巡逻40次", "40", "governance_security"),
        ("低保8户", "8", "social_assistance"),
    ],
    "b.txt": [
        ("纠纷15件", "15", "governance_security"),
        ("检查22次", "22", "governance_security"),
        ("低保户36户", "36", "social_assistance"),
    ],
    "c.txt": [
        ("积案3件", "3", "governance_security"),
        ("巡逻55次", "55", "governance_security"),
        ("群众9人", "9", "social_assistance"),
    ],
    "L1.txt": [("下降12%", "12", "governance_security"), ("对象1.2万人", "1.2", "social_assistance")],
}


def _fact(quote: str, number: str, category: str) -> dict:
    return {
        "quote": quote, "number_text": number, "value": float(number), "low": None, "high": None, "unit": "",
        "qualifier": "exact", "subject": None, "category": category, "planned": False,
        "indicator": None, "breakdown": None, "scope": "unit",
    }  # fmt: skip


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("cv")
    docs, gold, excerpts = root / "docs", root / "gold", root / "gold" / "facts"
    for folder in (docs, gold, excerpts):
        folder.mkdir()
    for name, text in DOCUMENTS.items():
        (docs / name).write_text(text, encoding="utf-8")
        data = {
            "doc": name, "title": None, "community": None, "year": None, "period": None,
            "headings": [], "facts": [_fact(*f) for f in FACTS[name]], "activities": [], "flags": [],
        }  # fmt: skip
        target = gold
        if name.startswith("L"):  # a facts-only excerpt file, as gold/dev/facts/Lxx.json
            data |= {"parts": ["facts"], "excerpts": [text.split("\n")[1], text.split("\n")[3]]}
            target = excerpts
        (target / name.replace(".txt", ".json")).write_text(
            json.dumps(data, ensure_ascii=False), encoding="utf-8"
        )
    return [gold, excerpts], [docs]


def test_gold_facts_are_matched_and_grouped(tiny) -> None:
    found = cases(*tiny)
    assert sorted((c.doc, c.group) for c in found) == sorted(
        (name, "long" if name.startswith("L") else "dev") for name, facts in FACTS.items() for _ in facts
    )
    by_quote = {c.doc + c.sentence: c for c in found}
    assert any("平安建设" in c.headings for c in by_quote.values())


def test_the_estimate_counts_every_matched_fact_once_per_group(tiny) -> None:
    found = cases(*tiny)
    real = real_clauses(*tiny)
    assert len(real) == sum(len(f) for f in FACTS.values())
    for setting in (Setting("real"), Setting("invented", real=False), Setting("clause", context="clause")):
        result = estimate(found, real, setting, folds=2)
        assert result["dev"][1] == 9 and result["long"][1] == 2 and result["all"][1] == 11
        assert all(0 <= right <= n for right, n in result.values())
    assert shipped_as_parsed(found)["all"][1] == 11
    assert row("x", {"dev": (3, 4)}) == "| x | 0.750 (3/4) | – | – |"


TEXTS = [
    ("sentence", "低保 为困难家庭办理低保8户。"),
    ("clause", "低保 为困难家庭办理低保8户"),
    ("sentence+heading", "二、民政 低保 为困难家庭办理低保8户。"),
    ("sentence+path", "工作总结 二、民政 低保 为困难家庭办理低保8户。"),
]


@pytest.mark.parametrize(("context", "expected"), TEXTS, ids=[t[0] for t in TEXTS])
def test_each_context_reads_its_part(context: str, expected: str) -> None:
    case = Case(
        "x",
        "dev",
        "social_assistance",
        "other",
        "低保",
        "为困难家庭办理低保8户",
        "为困难家庭办理低保8户。",
        ("工作总结", "二、民政"),
    )
    assert case.text(context) == expected


def _case(doc: str, group: str, gold: str) -> Case:
    return Case(doc, group, gold, "other", "", "", "", ())


TALLIES = [
    # (gold, predicted) per case of documents a (dev), L (long), w (written); expected (right, n) per group
    (
        [("a", "dev", "party_building", "party_building"), ("L", "long", "economy_industry", "other")],
        {"dev": (1, 1), "long": (0, 1), "all": (1, 2)},
    ),
    (
        [("w", "written", "social_assistance", "community_services"), ("w", "written", "other", "other")],
        {"written": (1, 2), "all": (1, 2)},
    ),
]


@pytest.mark.parametrize(("rows", "expected"), TALLIES)
def test_tally_counts_each_group_and_all(rows, expected) -> None:
    test = [_case(doc, group, gold) for doc, group, gold, _ in rows]
    assert tally(test, [predicted for *_, predicted in rows]) == expected


def test_confusion_gives_each_category_then_the_most_frequent_errors() -> None:
    golds = ["social_assistance"] * 3 + ["community_services"]
    predicted = ["social_assistance", "community_services", "community_services", "community_services"]
    lines = confusion([_case("a", "dev", g) for g in golds], predicted)
    assert lines[0].split() == ["social_assistance", "0.333", "(1/3)"]
    assert lines[1].split() == ["community_services", "1.000", "(1/1)"]
    assert lines[2].split() == ["2", "×", "gold", "social_assistance", "→", "community_services"]
    assert len(lines) == 3


def test_weighted_rows_count_by_their_weight() -> None:
    """The written reports' rows enter training at their row weight: many rows of one label move a
    clause to it at weight 1 and leave it where the invented data puts it at a tiny weight."""
    clause = "巡逻 组织治安巡逻40次，调解纠纷5起。"
    odd = [RealClause("w", clause, "environment_sanitation")] * 30
    setting = Setting("weighted", c=4.0, max_features=3_000)  # small, so that lbfgs fits in seconds
    probe = [Case("x", "dev", "governance_security", "other", "巡逻", clause, clause[3:], ())]
    assert predict(fit(setting, [], odd, 1.0), probe, setting) == ["environment_sanitation"]
    assert predict(fit(setting, [], odd, 0.001), probe, setting) == ["governance_security"]


class _Classes:
    """What ``mix_topics`` reads of a model for a title topic: its class order."""

    classes_ = np.array(["environment_sanitation", "governance_security", "culture_civility"])


TOPIC_CASES = [
    # (title, unit names, a figure's probabilities, setting's unsure limit, expected after mixing)
    ("青柳社区2023年禁毒工作总结", ("青柳社区",), [0.2, 0.2, 0.6], 1.0, [0.14, 0.44, 0.42]),
    ("青柳社区2023年禁毒工作总结", ("青柳社区",), [0.2, 0.2, 0.6], 0.5, [0.2, 0.2, 0.6]),  # sure: left
    ("青柳社区2023年工作总结", ("青柳社区",), [0.2, 0.2, 0.6], 1.0, [0.2, 0.2, 0.6]),  # no topic
    ("青柳社区2023年党建工作总结", ("青柳社区",), [0.2, 0.2, 0.6], 1.0, [0.2, 0.2, 0.6]),
    ("", (), [0.2, 0.2, 0.6], 1.0, [0.2, 0.2, 0.6]),  # no title
]  # fmt: skip


@pytest.mark.parametrize(("title", "names", "probabilities", "unsure", "expected"), TOPIC_CASES)
def test_the_title_topic_is_mixed_into_its_documents_figures(title, names, probabilities, unsure, expected) -> None:
    from evaluation.category_topic import mix_topics

    case = Case("a.txt", "dev", "governance_security", "other", "宣传资料", "", "发放宣传资料300份", (), title=title, names=names)
    setting = Setting("topic", topic_unsure=unsure)
    mixed = mix_topics(_Classes(), np.array([probabilities]), [case], setting)
    assert mixed[0].round(2).tolist() == expected
