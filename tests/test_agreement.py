"""The inter-annotator agreement adapter on invented documents and two invented annotations of each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import agreement, agreement_compare
from evaluation.gold import gold_from_dict

TEXT = (
    "2022年松岭社区工作总结\n"
    "一、党建\n"
    "社区现有党员64名，其中女党员23名。全年开展文体活动15场，组建腰鼓队1支。\n"
    "二、平安\n"
    "组织夜间巡逻40次，调解邻里纠纷9起，全区刑事案件下降5起。\n"
)


def fact(quote: str, number_text: str, value: float, unit: str, **kw: object) -> dict:
    base = {
        "quote": quote,
        "number_text": number_text,
        "value": value,
        "low": None,
        "high": None,
        "unit": unit,
        "qualifier": "exact",
        "subject": None,
        "category": "other",
        "planned": False,
        "indicator": None,
        "breakdown": None,
        "scope": "unit",
    }
    base.update(kw)
    return base


def activity(quote: str, name: str, kind: str, category: str = "other") -> dict:
    return {"quote": quote, "name": name, "kind": kind, "category": category, "planned": False}


def doc(facts: list[dict], activities: list[dict]) -> dict:
    return {
        "doc": "songling.txt",
        "title": "2022年松岭社区工作总结",
        "community": "松岭社区",
        "year": 2022,
        "period": "year",
        "headings": [{"level": 1, "label": "一、", "text": "党建"}],
        "facts": facts,
        "activities": activities,
        "flags": [],
    }


GOLD = doc(
    [
        fact("现有党员64名", "64", 64, "名", subject="党员", indicator="party_members"),
        fact(
            "其中女党员23名",
            "23",
            23,
            "名",
            subject="女党员",
            indicator="party_members",
            breakdown={"sex": "女"},
        ),
        fact(
            "开展文体活动15场",
            "15",
            15,
            "场",
            subject="文体活动",
            indicator="activities_held",
            breakdown={"kind": "文体活动"},
        ),
        fact("腰鼓队1支", "1", 1, "支"),
        fact("夜间巡逻40次", "40", 40, "次", subject="夜间巡逻", indicator="patrols"),
        fact("调解邻里纠纷9起", "9", 9, "起", subject="纠纷", indicator="disputes_mediated"),
        fact(
            "刑事案件下降5起",
            "5",
            5,
            "起",
            indicator="criminal_cases",
            breakdown={"change": "下降"},
            scope="wider",
        ),
    ],
    [
        activity("开展文体活动15场", "文体活动", "event"),
        activity("组建腰鼓队1支", "腰鼓队", "organization"),
        activity("组织夜间巡逻40次", "夜间巡逻", "inspection"),
        activity("调解邻里纠纷9起", "调解邻里纠纷", "service"),
    ],
)
# The second annotator: the whole of 文体活动 (no breakdown), the unit's 刑事案件 (scope unit), a shorter
# 巡逻 name, 调解 as a campaign, and no 腰鼓队 but the 党员 count as an activity.
SECOND = doc(
    [
        fact("现有党员64名", "64", 64, "名", subject="党员", indicator="party_members"),
        fact(
            "其中女党员23名",
            "23",
            23,
            "名",
            subject="党员",
            indicator="party_members",
            breakdown={"sex": "女"},
        ),
        fact("开展文体活动15场", "15", 15, "场", subject="活动场次", indicator="activities_held"),
        fact("腰鼓队1支", "1", 1, "支"),
        fact("夜间巡逻40次", "40", 40, "次", subject="巡逻", indicator="patrols"),
        fact("调解邻里纠纷9起", "9", 9, "起", subject="邻里纠纷", indicator="disputes_mediated"),
        fact("刑事案件下降5起", "5", 5, "起", indicator="criminal_cases", breakdown={"change": "下降"}),
    ],
    [
        activity("开展文体活动15场", "文体活动", "event"),
        activity("组织夜间巡逻40次", "巡逻", "inspection"),
        activity("调解邻里纠纷9起", "调解邻里纠纷", "campaign"),
        activity("现有党员64名", "党员", "other"),
    ],
)


@pytest.fixture(scope="module")
def result() -> agreement_compare.Agreement:
    return agreement_compare.compare(gold_from_dict(GOLD), gold_from_dict(SECOND), TEXT)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([("a", "a"), ("b", "b"), ("a", "b"), ("b", "b")], 0.5),  # po 0.75, pe 0.5
        ([("a", "a"), ("b", "b"), ("c", "c")], 1.0),
        ([("a", "b"), ("b", "a")], -1.0),  # every item swapped
        ([("x", "x"), ("x", "y"), ("y", "y"), ("y", "y"), ("x", "x"), ("y", "x")], 1 / 3),
    ],
)
def test_cohen_kappa(pairs: list[tuple[str, str]], expected: float) -> None:
    assert agreement_compare.cohen_kappa(pairs) == pytest.approx(expected)


@pytest.mark.parametrize("pairs", [[], [("a", "a"), ("a", "a")]])
def test_cohen_kappa_undefined_without_variation(pairs: list[tuple[str, str]]) -> None:
    assert agreement_compare.cohen_kappa(pairs) is None


def test_as_parse_puts_every_record_where_its_quote_points() -> None:
    parse = agreement_compare.as_parse(gold_from_dict(SECOND), TEXT)
    assert [parse.original[f.start : f.end] for f in parse.facts] == ["64", "23", "15", "1", "40", "9", "5"]
    assert [parse.original[a.start : a.end] for a in parse.activities] == [
        "文体活动",
        "巡逻",
        "调解邻里纠纷",
        "党员",
    ]
    # an activity counts the facts inside its quote
    assert [a.facts for a in parse.activities] == [(2,), (4,), (5,), (0,)]
    assert (parse.doc.community, parse.doc.year, parse.doc.period) == ("松岭社区", 2022, "year")


def test_as_parse_refuses_a_quote_that_is_not_in_the_text() -> None:
    bad = doc([fact("现有团员12名", "12", 12, "名")], [])
    with pytest.raises(ValueError, match="现有团员12名"):
        agreement_compare.as_parse(gold_from_dict(bad), TEXT)


def test_activities_overlap_and_exact_span(result: agreement_compare.Agreement) -> None:
    overlap = result.score.activities.detection
    assert (overlap.tp, overlap.fp, overlap.fn) == (3, 1, 1)  # 巡逻 overlaps 夜间巡逻
    exact = result.exact_activities
    assert (exact.tp, exact.fp, exact.fn) == (2, 2, 2)  # but is not the same span
    assert result.score.activities.fields["kind"].correct == 2
    assert sorted(result.labels["activity kind"]) == [
        ("event", "event"),
        ("inspection", "inspection"),
        ("service", "campaign"),
    ]


def test_indicator_and_comparable_counts(result: agreement_compare.Agreement) -> None:
    facts = result.score.facts
    # gold: 6 facts with a section 4 indicator; the second disagrees on 文体活动 (breakdown) and 刑事案件 (scope)
    assert (facts.indicators.tp, facts.indicators.fp, facts.indicators.fn) == (4, 2, 2)
    # comparable: gold 党员, 巡逻, 纠纷; the second adds 文体活动 (刑事案件 keeps its breakdown on both sides)
    assert (facts.comparable.tp, facts.comparable.fp, facts.comparable.fn) == (3, 1, 0)
    assert (facts.fields["breakdown"].correct, facts.fields["breakdown"].total) == (5, 6)
    assert (facts.fields["scope"].correct, facts.fields["scope"].total) == (5, 6)
    # subject: 党员 ⊂ 女党员 and 纠纷 ⊂ 邻里纠纷 are right (the shorter at least half); 活动场次 ≠ 文体活动
    assert (facts.fields["subject"].correct, facts.fields["subject"].total) == (6, 7)


def test_label_pairs_and_kappa(result: agreement_compare.Agreement) -> None:
    scope = result.labels["scope"]
    assert len(scope) == 6 and ("wider", "unit") in scope
    assert ("kind", "none") in result.labels["breakdown dimension"]
    assert agreement_compare.cohen_kappa(result.labels["indicator"]) == pytest.approx(1.0)


def test_disagreements_name_the_field_and_both_values(result: agreement_compare.Agreement) -> None:
    found = {(d.part, d.field, d.quote) for d in result.disagreements}
    assert ("fact", "breakdown", "开展文体活动15场") in found
    assert ("fact", "scope", "刑事案件下降5起") in found
    assert ("activity", "kind", "调解邻里纠纷9起") in found
    assert ("activity", "name", "组织夜间巡逻40次") in found
    assert ("activity", "only in gold", "组建腰鼓队1支") in found
    assert ("activity", "only in second", "党员") in found
    assert not any(d.field == "indicator" for d in result.disagreements)


def test_total_pools_documents(result: agreement_compare.Agreement) -> None:
    both = agreement_compare.total([result, result])
    assert both.exact_activities.tp == 4
    assert both.score.facts.indicators.tp == 8
    assert len(both.labels["scope"]) == 12
    assert agreement_compare.cohen_kappa(both.labels["activity kind"]) == pytest.approx(
        agreement_compare.cohen_kappa(result.labels["activity kind"])
    )


def _folders(tmp_path: Path, second: dict) -> list[str]:
    """A gold folder, a second-annotation folder holding ``second`` and the document, as arguments."""
    gold_dir, second_dir, docs = tmp_path / "gold", tmp_path / "second", tmp_path / "docs"
    for folder, data in ((gold_dir, GOLD), (second_dir, second)):
        folder.mkdir()
        (folder / "songling.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    docs.mkdir()
    (docs / "songling.txt").write_text(TEXT, encoding="utf-8")
    return ["--second", str(second_dir), "--gold", str(gold_dir), "--docs", str(docs)]


def test_main_scores_folders_and_lists_disagreements(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = _folders(tmp_path, SECOND)
    assert agreement.main([*args, "--disagreements"]) == 0
    out = capsys.readouterr().out
    assert "| activities (exact name span) | P 0.500 R 0.500 F1 0.500 |" in out
    assert "songling.txt\tactivity\tonly in gold\t组建腰鼓队1支" in out
    assert agreement.main([*args, "--json"]) == 0
    table = {row["measure"]: row for row in json.loads(capsys.readouterr().out)["table"]}
    assert table["activity kind"]["agreement"] == "0.667"
    assert agreement.main([*args, "--only", "other"]) == 2  # nothing left to score


def test_main_refuses_a_second_annotation_without_gold(tmp_path: Path) -> None:
    second_dir = tmp_path / "second"
    second_dir.mkdir()
    (second_dir / "songling.json").write_text(json.dumps(SECOND, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="songling.json"):
        agreement.main(["--second", str(second_dir), "--gold", str(tmp_path / "none")])


def test_main_scores_the_pipeline_on_the_same_documents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*_folders(tmp_path, GOLD), "--pipeline", "--json"]
    assert agreement.main(args) == 0
    out = json.loads(capsys.readouterr().out)
    second = {row["measure"]: row for row in out["table"]}
    pipeline = {row["measure"]: row for row in out["pipeline"]}
    # the gold against itself agrees everywhere; the pipeline is scored on its own spans
    assert second["indicators P/R/F1 (SPEC 6)"]["agreement"] == "P 1.000 R 1.000 F1 1.000"
    assert second["activity kind"]["kappa"] == "1.000"
    assert set(pipeline) == set(second)
    assert pipeline["facts detection"]["counts"].startswith("tp ")


def test_the_shipped_second_annotations_fit_their_documents_and_gold() -> None:
    from evaluation.gold import validate_folder
    from evaluation.shared import MISSING, corpus_folders

    docs = corpus_folders(("dev",))
    if not docs:
        pytest.skip(MISSING)
    assert validate_folder(agreement.SECOND_DIR, docs) == []
    gold_dir = agreement.splits.gold_dir("dev")
    pairs = agreement.load_pairs(agreement.SECOND_DIR, gold_dir)
    # the facts were annotated on the gold's own spans: the same figures, in the same order; a later
    # gold audit (evaluation/gold/audit/) may drop a figure the second annotation still has, and may add
    # one only with a logged entry, which the pair leaves out (the second annotator never saw it)
    logged = set()
    for log in sorted((gold_dir.parent / "audit").glob("*.tsv")):
        for row in log.read_text(encoding="utf-8").splitlines()[1:]:
            doc, part, quote, field, before = row.split("\t")[:5]
            if part == "fact" and field == "(entry)" and before == "absent":
                logged.add((doc, quote))
    for gold, second in pairs:
        second_spans = iter((f.quote, f.number_text) for f in second.facts)
        gold_spans = [(f.quote, f.number_text) for f in gold.facts]
        assert all(span in second_spans for span in gold_spans), gold_spans
        added = agreement.added_since(second, gold_dir / Path(gold.file).name)
        assert all((gold.doc, quote) in logged for quote, _ in added), added


def test_show_spans_prints_where_the_figures_are_and_no_judgment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "songling.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    assert agreement.main(["--gold", str(tmp_path), "--show-spans", "songling"]) == 0
    shown = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [f["quote"] for f in shown] == [f["quote"] for f in GOLD["facts"]]
    assert all(set(f) == set(agreement.SPAN_FIELDS) for f in shown)
    assert "party_members" not in json.dumps(shown)
