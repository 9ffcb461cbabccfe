"""`zongjie train`: retrains the category model from labelled CSV files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cli import app

runner = CliRunner()

LABELLED = """text,category
组织党员开展主题党日活动,party_building
支部书记讲专题党课,party_building
调解邻里纠纷,governance_security
夜间治安巡逻,governance_security
为困难群众办理低保,social_assistance
走访慰问困难家庭,social_assistance
"""


REPORT = "一、平安建设\n全年调解邻里纠纷12起。\n二、民政工作\n为困难家庭办理低保8户，走访慰问30户。\n"
REPORT_GOLD = {
    "doc": "r1.txt",
    "facts": [
        {"quote": "纠纷12起", "number_text": "12", "subject": "纠纷", "category": "governance_security"},
        {"quote": "低保8户", "number_text": "8", "subject": "低保", "category": "social_assistance"},
        {"quote": "慰问30户", "number_text": "30", "subject": None, "category": "social_assistance"},
    ],
}


def gold_and_docs(tmp_path):
    """A tiny invented report and its gold facts: the real clauses the category model learns from."""
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    (docs / "r1.txt").write_text(REPORT, encoding="utf-8")
    (gold / "r1.json").write_text(json.dumps(REPORT_GOLD, ensure_ascii=False), encoding="utf-8")
    return ["--gold", str(gold), "--docs", str(docs)]


def test_train_writes_a_model_and_its_card(tmp_path):
    data = tmp_path / "labelled"
    data.mkdir()
    (data / "mine.csv").write_text(LABELLED, encoding="utf-8")
    out = tmp_path / "models"
    result = runner.invoke(app, ["train", "--data", str(data), "--out", str(out), *gold_and_docs(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (out / "category.skops").stat().st_size > 0
    card = json.loads((out / "category.json").read_text(encoding="utf-8"))
    assert {"party_building", "governance_security", "social_assistance"} <= set(card["classes"])
    assert (card["real_clauses"], card["real_documents"]) == (3, 1)
    assert "3 real clauses of 1 documents" in result.output


def test_train_rejects_an_unknown_category_with_one_sentence(tmp_path):
    data = tmp_path / "labelled"
    data.mkdir()
    (data / "bad.csv").write_text("text,category\n开展活动,sports\n", encoding="utf-8")
    args = ["train", "--data", str(data), "--out", str(tmp_path / "m"), *gold_and_docs(tmp_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "bad.csv:2" in result.output and "sports" in result.output
    assert "Traceback" not in result.output


def test_train_activities_writes_the_tagger_and_the_kind_weights(tmp_path):
    docs, gold, out = tmp_path / "docs", tmp_path / "gold", tmp_path / "models"
    docs.mkdir()
    gold.mkdir()
    texts = {
        "x1.txt": ("社区开展消夏纳凉晚会2场，召开楼栋长会议3次。\n", [("开展消夏纳凉晚会2场", "消夏纳凉晚会", "event"),
                                                           ("召开楼栋长会议3次", "楼栋长会议", "meeting")]),
        "x2.txt": ("村里组织巡河护河行动，举办手机防诈培训。\n", [("组织巡河护河行动", "巡河护河行动", "campaign"),
                                                      ("举办手机防诈培训", "手机防诈培训", "training")]),
    }  # fmt: skip
    for name, (text, acts) in texts.items():
        (docs / name).write_text(text, encoding="utf-8")
        record = {
            "doc": name, "title": None, "community": None, "year": None, "period": None,
            "headings": [], "facts": [], "flags": [],
            "activities": [{"quote": q, "name": n, "kind": k, "category": "other", "planned": False} for q, n, k in acts],
        }  # fmt: skip
        (gold / name.replace(".txt", ".json")).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    args = ["train", "--activities", "--gold", str(gold), "--docs", str(docs), "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "4 activities in 2 documents" in result.output
    assert (out / "activities.crfsuite").stat().st_size > 0 and (out / "activity_kinds.npz").stat().st_size > 0


def test_train_activities_names_a_gold_quote_that_is_not_in_its_document(tmp_path):
    (tmp_path / "d.txt").write_text("社区开展了活动。\n", encoding="utf-8")
    record = {
        "doc": "d.txt", "title": None, "community": None, "year": None, "period": None,
        "headings": [], "facts": [], "flags": [],
        "activities": [{"quote": "举办晚会", "name": "晚会", "kind": "event", "category": "other", "planned": False}],
    }  # fmt: skip
    (tmp_path / "d.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    args = ["train", "--activities", "--gold", str(tmp_path), "--docs", str(tmp_path), "--out", str(tmp_path / "m")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "举办晚会" in result.output and "Traceback" not in result.output
