"""indicator_values by the rules of SPEC section 5, on hand-made SPEC records written straight into a store.

Records carry `breakdown` and `scope` here (the fields the indicators work adds), so the rules are
tested whatever the parser produces today.
"""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from nlp.dataset.communities import resolve_identity
from nlp.dataset.rows import Provenance, document_rows, quote_around
from nlp.dataset.store import Store

TEXT = "社区现有党员73名，其中女党员16名。全区党员5万名。计划发展党员2名。低保户xx户。"


def fact(i, start, end, value, indicator="party_members", unit="名", **extra):
    base = {"id": i, "section": None, "start": start, "end": end, "text": TEXT[start:end],
            "number_text": TEXT[start:end], "value": value, "low": None, "high": None, "unit": unit,
            "qualifier": "exact", "subject": "党员", "indicator": indicator, "category": "party_building",
            "planned": False}
    return {**base, **extra}


def record(doc_id, facts, community="青苗社区", year=2023, period="H1", street=None):
    doc = {"id": doc_id, "path": f"{doc_id[:4]}.txt", "encoding": "utf-8", "title": None, "community": community,
           "street": street, "year": year, "period": period, "doc_type": "summary", "chars": len(TEXT)}
    return {"doc": doc, "sections": [], "facts": facts, "activities": [], "flags": []}


def write(out, records):
    with Store(out) as store:
        for seq, rec in enumerate(records):
            rows = document_rows(rec, TEXT, resolve_identity(rec["doc"]),
                                 Provenance(seq, "test", datetime(2024, 1, 1), 100, "txt"))
            store.write(rows)
        store.finalize()
        return store.frame("indicator_values"), store.frame("facts")


WHOLE = fact(0, 6, 9, 73.0)
FEMALE = fact(1, 14, 17, 16.0, breakdown={"sex": "女"})
WIDER = fact(2, 23, 26, 50000.0, scope="wider")
PLANNED = fact(3, 33, 35, 2.0, planned=True)
MASKED = fact(4, 40, 43, None, indicator="low_income_households", unit="户", qualifier="masked")


def test_only_whole_unit_done_figures_with_a_value_are_compared(tmp_path):
    values, facts = write(tmp_path / "d.duckdb", [record("a" * 64, [WHOLE, FEMALE, WIDER, PLANNED, MASKED])])
    assert list(zip(values.indicator, values.value, values.status, strict=True)) == [("party_members", 73.0, "single")]
    assert values.quote[0] == "社区现有党员73名，其中女党员16名。"
    stored = facts.set_index("id")
    assert stored.loc[1, "breakdown"] == '{"sex": "女"}' and pd.isna(stored.loc[0, "breakdown"])
    assert list(stored.scope) == ["unit", "unit", "wider", "unit", "unit"]  # missing scope → unit


CASES = [
    # (values given by the documents, in the order they are added) → (status, value, n_facts)
    ([73.0], ("single", 73.0, 1)),
    ([73.0, 73.0], ("agree", 73.0, 2)),
    ([73.0, 75.0], ("conflict", 75.0, 2)),
    ([75.0, 73.0, 73.0], ("conflict", 73.0, 3)),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_status_and_the_latest_documents_value(tmp_path, given, expected):
    records = [record(f"{i:x}" * 64, [fact(0, 6, 9, v)]) for i, v in enumerate(given, start=1)]
    values, _ = write(tmp_path / "d.duckdb", records)
    assert len(values) == 1
    row = values.iloc[0]
    assert (row.status, row.value, row.n_facts) == expected
    assert row.doc_id == records[-1]["doc"]["id"]


def test_periods_years_and_communities_are_kept_apart(tmp_path):
    records = [
        record("1" * 64, [fact(0, 6, 9, 73.0)], period="H1"),
        record("2" * 64, [fact(0, 6, 9, 75.0)], period="H2"),
        record("3" * 64, [fact(0, 6, 9, 70.0)], year=2022, period="H2"),
        record("4" * 64, [fact(0, 6, 9, 12.0)], community="石桥村委会"),
        record("5" * 64, [fact(0, 6, 9, 13.0)], community="xx社区"),
        record("6" * 64, [fact(0, 6, 9, 14.0)], community=None),
    ]
    values, _ = write(tmp_path / "d.duckdb", records)
    got = sorted(zip(values.community_id, values.year.astype(object), values.period, values.value, strict=True))
    assert got == sorted([
        ("青苗社区", 2023, "H1", 73.0), ("青苗社区", 2023, "H2", 75.0), ("青苗社区", 2022, "H2", 70.0),
        ("石桥村", 2023, "H1", 12.0), ("unknown:" + "5" * 12, 2023, "H1", 13.0),
        ("unknown:" + "6" * 12, 2023, "H1", 14.0),
    ])
    assert set(values.status) == {"single"}


def test_a_document_without_street_joins_the_one_street_of_its_name(tmp_path):
    out = tmp_path / "d.duckdb"
    records = [
        record("1" * 64, [fact(0, 6, 9, 73.0)], period="H1", street="柳河街道"),
        record("2" * 64, [fact(0, 6, 9, 75.0)], period="H2"),
    ]
    values, facts = write(out, records)
    assert set(values.community_id) == set(facts.community_id) == {"柳河街道/青苗社区"}
    # a second street with a 青苗社区: the street-less report can no longer tell which one it is
    values, facts = write(out, [record("3" * 64, [fact(0, 6, 9, 40.0)], street="青石街道")])
    assert set(values.community_id) == {"柳河街道/青苗社区", "青石街道/青苗社区", "青苗社区"}
    assert set(facts[facts.doc_id == "2" * 64].community_id) == {"青苗社区"}


QUOTES = [
    ("一、党建\n社区现有党员73名，其中女党员16名。", 11, 14, "社区现有党员73名，其中女党员16名。"),
    ("共调解纠纷27起；成功25起", 5, 8, "共调解纠纷27起；"),
    ("党员73名", 2, 5, "党员73名"),
]


@pytest.mark.parametrize(("text", "start", "end", "quote"), QUOTES)
def test_quote_is_the_clause_as_written(text, start, end, quote):
    assert quote_around(text, start, end) == quote


# One document, several candidates of one indicator (the within-document rules of indicator_values).
SAMPLING = "全年开展全员核酸检测8轮，累计采样4.2万人次。另有2轮重点人群筛查。全村现有特困供养人员5户7人。"


def figure(text, i, written, value, indicator, unit, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(written, start + 1)
    return {"id": i, "section": None, "start": start, "end": start + len(written), "text": written,
            "number_text": written, "value": value, "low": None, "high": None, "unit": unit,
            "qualifier": "exact", "subject": None, "indicator": indicator, "category": "health_epidemic",
            "planned": False}


def one_document(tmp_path, text, facts):
    rec = record("e" * 64, facts)
    with Store(tmp_path / "d.duckdb") as store:
        store.write(document_rows(rec, text, resolve_identity(rec["doc"]),
                                  Provenance(0, "test", datetime(2024, 1, 1), 100, "txt")))
        store.finalize()
        return store.frame("indicator_values").set_index("indicator")


def test_one_act_in_two_units_gives_the_measures_own_unit(tmp_path):
    facts = [
        figure(SAMPLING, 0, "8", 8.0, "nucleic_acid_tests", "轮"),
        figure(SAMPLING, 1, "4.2", 42000.0, "nucleic_acid_tests", "人次"),
        figure(SAMPLING, 2, "2", 2.0, "nucleic_acid_tests", "轮", nth=1),
        figure(SAMPLING, 3, "5", 5.0, "extreme_poverty_persons", "户", nth=0),
        figure(SAMPLING, 4, "7", 7.0, "extreme_poverty_persons", "人"),
    ]
    values = one_document(tmp_path, SAMPLING, facts)
    assert (values.loc["nucleic_acid_tests", "value"], values.loc["nucleic_acid_tests", "unit"]) == (42000.0, "人次")
    assert values.loc["nucleic_acid_tests", "n_facts"] == 3 and values.loc["nucleic_acid_tests", "status"] == "conflict"
    assert values.loc["extreme_poverty_persons", "value"] == 7.0


def test_across_sentences_the_first_figure_counts_whatever_its_unit(tmp_path):
    text = "全年为群众办实事50件。入户走访发现问题213个。"  # 件 is the second of the measure's units, 个 the first
    facts = [figure(text, 0, "50", 50.0, "problems_resolved", "件"), figure(text, 1, "213", 213.0, "problems_resolved", "个")]
    assert one_document(tmp_path, text, facts).loc["problems_resolved", "value"] == 50.0


def test_a_candidate_with_no_unit_still_conflicts(tmp_path):
    text = "党员60名。党员61。"
    facts = [figure(text, 0, "60", 60.0, "party_members", "名"), figure(text, 1, "61", 61.0, "party_members", None)]
    assert one_document(tmp_path, text, facts).loc["party_members", "status"] == "conflict"


def test_a_document_of_no_year_dates_its_figures_by_the_year_opening_their_line(tmp_path):
    text = "2021年，全县改造老旧小区18个，当年完工15个。2022年，全县改造老旧小区26个。"
    facts = [figure(text, 0, "18", 18.0, "old_compounds_renovated", "个"),
             figure(text, 1, "26", 26.0, "old_compounds_renovated", "个")]
    rec = record("f" * 64, facts, year=None)
    with Store(tmp_path / "d.duckdb") as store:
        store.write(document_rows(rec, text, resolve_identity(rec["doc"]),
                                  Provenance(0, "test", datetime(2024, 1, 1), 100, "txt")))
        store.finalize()
        values = store.frame("indicator_values")
    assert sorted(zip(values.year.astype(object), values.value, strict=True)) == [(2021, 18.0), (2022, 26.0)]
    # a document whose year is known keeps it for every figure (an earlier year's figure is resolution's)
    values = one_document(tmp_path / "b", text, facts)
    assert values.loc["old_compounds_renovated", "year"] == 2023 and values.loc["old_compounds_renovated", "value"] == 18.0


def test_within_a_sentence_the_figure_naming_the_measures_act_counts(tmp_path):
    # rule measure_act: found, then fixed; the measure counts hazards fixed (cells.toml adds 整改)
    text = "全年排查消防隐患45处，已整改43处。受理民间纠纷20起，调处18起。"
    facts = [
        {**figure(text, 0, "45", 45.0, "hazards_fixed", "处"), "subject": "排查消防隐患"},
        {**figure(text, 1, "43", 43.0, "hazards_fixed", "处"), "subject": "整改"},
        {**figure(text, 2, "20", 20.0, "disputes_mediated", "起"), "subject": "民间纠纷"},
        {**figure(text, 3, "18", 18.0, "disputes_mediated", "起"), "subject": "调处"},  # a verb of indicators.csv
    ]
    values = one_document(tmp_path, text, facts)
    assert values.loc["hazards_fixed", "value"] == 43.0 and values.loc["hazards_fixed", "status"] == "conflict"
    assert values.loc["disputes_mediated", "value"] == 18.0
    # across sentences the first figure still counts, whatever its subject
    text = "全年排查消防隐患45处。已整改43处。"
    facts = [{**figure(text, 0, "45", 45.0, "hazards_fixed", "处"), "subject": "排查消防隐患"},
             {**figure(text, 1, "43", 43.0, "hazards_fixed", "处"), "subject": "整改"}]
    assert one_document(tmp_path / "b", text, facts).loc["hazards_fixed", "value"] == 45.0


def test_a_long_sentence_is_one_sentence_for_the_rules_whatever_its_quotes(tmp_path):
    # cells17: the rules within a sentence read the sentence, not the quote (a window of 60 characters
    # each side): in a long sentence the two figures' quotes differ, and the first figure (the rounds)
    # won before across "sentences"; the measure's own unit (人次) is the cell's
    text = ("本季度社区按照上级部署在辖区各小区设置临时采样点并组织居民分批分时段有序参加区域核酸检测共11轮，"
            "期间志愿者和网格员每天提前入户通知、现场维持秩序、协助老人扫码登记并为行动不便的居民提供上门采样服务，"
            "累计采样4.6万人次。")
    facts = [figure(text, 0, "11", 11.0, "nucleic_acid_tests", "轮"),
             figure(text, 1, "4.6", 46000.0, "nucleic_acid_tests", "人次")]
    assert quote_around(text, facts[0]["start"], facts[0]["end"]) != quote_around(text, facts[1]["start"], facts[1]["end"])
    values = one_document(tmp_path, text, facts)
    assert values.loc["nucleic_acid_tests", "unit"] == "人次"


def test_a_store_of_an_earlier_version_gains_the_sentence_column(tmp_path):
    import duckdb

    from nlp.dataset.schema import create_statement

    out = tmp_path / "old.duckdb"
    con = duckdb.connect(str(out))
    con.execute(create_statement("facts").replace(', "sentence" INTEGER', ""))  # the facts table before cells17
    con.execute("INSERT INTO facts (doc_id, id, quote) VALUES ('x', 0, '社区现有党员73名')")
    con.close()
    values, facts = write(out, [record("a" * 64, [WHOLE])])
    assert values.value.tolist() == [73.0]
    assert facts.set_index("doc_id").loc["a" * 64, "sentence"] == 0 and pd.isna(facts.set_index("doc_id").loc["x", "sentence"])
