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


def test_train_writes_a_model_and_its_card(tmp_path):
    data = tmp_path / "labelled"
    data.mkdir()
    (data / "mine.csv").write_text(LABELLED, encoding="utf-8")
    out = tmp_path / "models"
    result = runner.invoke(app, ["train", "--data", str(data), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "category.skops").stat().st_size > 0
    card = json.loads((out / "category.json").read_text(encoding="utf-8"))
    assert {"party_building", "governance_security", "social_assistance"} <= set(card["classes"])
    assert "trained on" in result.output


def test_train_rejects_an_unknown_category_with_one_sentence(tmp_path):
    data = tmp_path / "labelled"
    data.mkdir()
    (data / "bad.csv").write_text("text,category\n开展活动,sports\n", encoding="utf-8")
    result = runner.invoke(app, ["train", "--data", str(data), "--out", str(tmp_path / "m")])
    assert result.exit_code == 2
    assert "bad.csv:2" in result.output and "sports" in result.output
    assert "Traceback" not in result.output
