"""evaluation.dataset_bench: which gold documents it finds and how it counts a document's cells."""

from __future__ import annotations

import json

from evaluation.dataset_bench import located, main, score


def gold_fact(quote, value, indicator, unit="名", **extra):
    base = {"quote": quote, "number_text": str(value), "value": value, "low": None, "high": None, "unit": unit,
            "qualifier": "exact", "subject": None, "category": "party_building", "planned": False,
            "indicator": indicator, "breakdown": None, "scope": "unit"}
    return {**base, **extra}


def row(indicator, value, unit="名"):
    return {"indicator": indicator, "value": value, "low": None, "high": None, "unit": unit}


GOLD = {"doc": "a.txt", "facts": [
    gold_fact("现有党员120名", 120, "party_members"),
    gold_fact("其中女党员45名", 45, "party_members", breakdown={"sex": "女"}),
    gold_fact("调解纠纷xx起", None, "disputes_mediated", unit="起", qualifier="masked"),
    gold_fact("志愿者3.5万人次", 3.5, "participants", unit="万人次"),
    gold_fact("计划发展党员2名", 2, "party_members", planned=True),
]}


def test_a_part_is_a_right_row_but_not_a_comparable_one():
    scored = score(GOLD, [row("party_members", 45.0)])
    assert (scored.rows, scored.rows_right, scored.rows_comparable) == (1, 1, 0)
    assert scored.gold_present == 0


def test_masked_gold_values_are_counted_apart_not_as_missing():
    scored = score(GOLD, [row("party_members", 120.0), row("participants", 35000.0, "人次")])
    assert (scored.gold_comparable, scored.gold_present, scored.gold_masked) == (2, 2, 1)
    assert (scored.rows_right, scored.rows_comparable) == (2, 2)
    assert scored.gold_with_indicator == 5


def test_documents_are_found_in_every_docs_folder_and_the_rest_are_named(tmp_path):
    gold, seeds, dev = tmp_path / "gold", tmp_path / "seeds", tmp_path / "dev"
    for folder in (gold, seeds, dev):
        folder.mkdir()
    for name, folder in (("s1.txt", seeds), ("d1.txt", dev), ("gone.txt", None)):
        (gold / name.replace(".txt", ".json")).write_text(json.dumps({"doc": name, "facts": []}), encoding="utf-8")
        if folder is not None:
            (folder / name).write_text("青苗社区2023年工作总结\n社区现有党员120名。", encoding="utf-8")
    found, unfound = located(gold, [seeds, dev])
    assert sorted(path.name for _, path in found) == ["d1.txt", "s1.txt"]
    assert unfound == ["gone.txt"]


def test_docs_may_be_given_more_than_once(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr("evaluation.dataset_bench.run",
                        lambda gold, docs, jobs, half=None: seen.setdefault("docs", (docs, half)) and [])
    main([str(tmp_path), "--docs", "seeds", "--docs", "dev", "--half", "held"])
    docs, half = seen["docs"]
    assert [p.name for p in docs] == ["seeds", "dev"] and half == "held"


def test_a_half_is_every_other_gold_file_by_name(tmp_path):
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    for name in ("w1", "w2", "w3", "w4", "w5"):
        (gold / f"{name}.json").write_text(json.dumps({"doc": f"{name}.txt", "facts": []}), encoding="utf-8")
        (docs / f"{name}.txt").write_text("青苗社区2023年工作总结\n社区现有党员120名。", encoding="utf-8")
    names = {half: [d["doc"] for d, _ in located(gold, [docs], half)[0]] for half in ("tune", "held", None)}
    assert names == {"tune": ["w1.txt", "w3.txt", "w5.txt"], "held": ["w2.txt", "w4.txt"],
                     None: ["w1.txt", "w2.txt", "w3.txt", "w4.txt", "w5.txt"]}


TEXT = "社区现有党员120名，其中女党员45名。计划发展党员3名。社区办公用房面积300平方米。"


def fact(i, written, value, indicator, breakdown=None, planned=False, unit="名", subject="党员", year=None):
    return {"id": i, "start": TEXT.index(written), "value": value, "low": None, "indicator": indicator,
            "breakdown": breakdown, "scope": "unit", "planned": planned, "unit": unit, "subject": subject,
            "year": year, "period": None, "quote": "社区现有党员120名，其中女党员45名。"}


def test_a_missing_value_is_classified_by_what_became_of_its_figure():
    from evaluation.cells_classes import _missing_class

    whole = gold_fact("社区现有党员120名", 120, "party_members")
    female = fact(1, "45", 45.0, "party_members", breakdown='{"sex": "女"}')
    rows = [{"indicator": "party_members", "fact_id": 1, "year": None, "period": None}]
    assert _missing_class(TEXT, whole, [fact(0, "120", 120.0, None), female], rows, [whole]) == "no indicator"
    assert _missing_class(TEXT, whole, [fact(0, "120", 120.0, None, subject=None), female], rows, [whole]) \
        == "no indicator, no subject"
    assert _missing_class(TEXT, whole, [fact(0, "120", 120.0, "party_members", year=2022), female], rows, [whole]) \
        == "row: another year or period"
    assert _missing_class(TEXT, whole, [fact(0, "12", 12.0, "party_members"), female], rows, [whole]) \
        == "value scaled or rounded otherwise"
    assert _missing_class(TEXT, whole, [fact(0, "120", 120.0, "party_members", breakdown='{"a": 1}')], rows,
                          [whole]) == "breakdown given"
    assert _missing_class(TEXT, whole, [fact(0, "120", 120.0, "party_members"), female], rows, [whole]) \
        == "row: a wrong candidate, act or first in sentence"
    assert _missing_class(TEXT, whole, [female], rows, [whole]) == "not extracted"


def test_a_wrong_row_is_classified_by_what_the_gold_says_of_its_fact():
    from evaluation.cells_classes import _wrong_class

    golds = [gold_fact("其中女党员45名", 45, "party_members", breakdown={"sex": "女"}),
             gold_fact("社区办公用房面积300平方米", 300, None, unit="平方米")]
    facts = [fact(1, "45", 45.0, "party_members"), fact(2, "300", 300.0, "area_total", unit="平方米"),
             fact(3, "3名", 3.0, "party_members")]
    assert _wrong_class(TEXT, {"indicator": "party_members", "fact_id": 1}, facts, golds) == "gold: breakdown"
    assert _wrong_class(TEXT, {"indicator": "area_total", "fact_id": 2}, facts, golds) == "gold: another or no indicator"
    assert _wrong_class(TEXT, {"indicator": "party_members", "fact_id": 3}, facts, golds) == "fact not in gold"


def test_contrast_cases_name_known_indicators_and_expect_something():
    from pathlib import Path

    from evaluation.cells_contrast import CASES_FILE, load_cases
    from nlp.figures.indicators import by_id

    for path in (CASES_FILE, Path(CASES_FILE).with_name("cells_twelfth.toml")):
        for case in load_cases(path):
            named = [*case.get("cells", {}), *case.get("absent", [])]
            assert named, case["id"]
            assert all(by_id(i) is not None for i in named), case["id"]
