"""The scorer (SPEC section 6) on invented documents and hand-built predictions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from evaluation import gold as goldmod
from evaluation import report, scorer
from evaluation.gold import GoldActivity, GoldDoc, GoldFact, GoldFlag, GoldHeading
from nlp.records import (
    Activity,
    ActivityKind,
    Category,
    DocMeta,
    DocType,
    Fact,
    Flag,
    Parse,
    Qualifier,
    Section,
    Severity,
)

TEXT = (
    "2023年青禾社区上半年工作总结\n"
    "一、党建工作\n"
    "社区现有党员58名，其中女党员21名。开展主题党日活动6次，参与党员300余人次。\n"
    "二、民生保障\n"
    "发放慰问金4.5万元，改造活动室120㎡，走访困难户3-5户，低保户xx户。\n"
    "（一）平安建设：\n"
    "调解纠纷12起，调解成功率100%。\n"
)


def at(text: str, quote: str, part: str | None = None) -> tuple[int, int]:
    start = text.index(quote) + (quote.index(part) if part else 0)
    return start, start + len(part or quote)


def meta(**kw: object) -> DocMeta:
    base = dict(
        id="0" * 64, path="qinghe.txt", encoding="utf-8", title="2023年青禾社区上半年工作总结",
        community="青禾社区", street=None, year=2023, period="H1", doc_type=DocType.SUMMARY, chars=len(TEXT),
    )  # fmt: skip
    base.update(kw)
    return DocMeta(**base)  # type: ignore[arg-type]


def gfact(quote: str, number_text: str, value: float | None, unit: str, **kw: object) -> GoldFact:
    base = dict(
        quote=quote, number_text=number_text, value=value, low=None, high=None, unit=unit,
        qualifier="exact", subject=None, category="other", planned=False,
    )  # fmt: skip
    base.update(kw)
    return GoldFact(**base)  # type: ignore[arg-type]


def pfact(i: int, quote: str, part: str, value: float | None, unit: str, **kw: object) -> Fact:
    start, end = at(TEXT, quote, part)
    base = dict(
        id=i, section=None, start=start, end=end, text=TEXT[start:end], number_text=part, value=value,
        low=None, high=None, unit=unit, qualifier=Qualifier.EXACT, subject=None, indicator=None,
    )  # fmt: skip
    base.update(kw)
    return Fact(**base)  # type: ignore[arg-type]


def gdoc(**kw: object) -> GoldDoc:
    base = dict(file="qinghe.json", doc="qinghe.txt", title="2023年青禾社区上半年工作总结", community="青禾社区",
                year=2023, period="H1")  # fmt: skip
    base.update(kw)
    return GoldDoc(**base)  # type: ignore[arg-type]


def parse_of(**kw: object) -> Parse:
    base: dict[str, object] = dict(doc=meta(), original=TEXT)
    base.update(kw)
    return Parse(**base)  # type: ignore[arg-type]


# ---------------------------------------------------------------- matching

MATCH_CASES = {
    "nearest wins over first": ([(10, 12)], [(5, 15), (10, 12)], [(0, 1)]),
    "one to one: two golds, one prediction": ([(10, 12), (11, 14)], [(11, 13)], [(1, 0)]),
    "touching is not overlapping": ([(0, 3)], [(3, 5)], []),
    "each gold its own prediction": ([(0, 2), (4, 6)], [(4, 5), (1, 2)], [(1, 0), (0, 1)]),
    "greedy global order": ([(0, 10), (8, 12)], [(8, 11)], [(1, 0)]),
}


@pytest.mark.parametrize("gold, pred, expected", MATCH_CASES.values(), ids=MATCH_CASES.keys())
def test_match_nearest(gold, pred, expected):
    assert scorer.match_nearest(gold, pred) == expected


# ---------------------------------------------------------------- fact fields

VALUE_CASES = {
    "万元 scaled": (gfact("4.5万元", "4.5", 4.5, "万元"), 45000.0, None, None, True),
    "万元 not scaled by the prediction": (gfact("4.5万元", "4.5", 4.5, "万元"), 4.5, None, None, False),
    "亿 scaled": (gfact("1.2亿元", "1.2", 1.2, "亿元"), 120000000.0, None, None, True),
    "千万 scaled": (gfact("3千万元", "3", 3, "千万元"), 30000000.0, None, None, True),
    "float artefact tolerated": (gfact("0.3", "0.3", 0.3, ""), 0.1 + 0.2, None, None, True),
    "range bounds": (gfact("3-5户", "3-5", None, "户", low=3, high=5, qualifier="range"), None, 3, 5, True),
    "range wrong bound": (
        gfact("3-5户", "3-5", None, "户", low=3, high=5, qualifier="range"),
        None,
        3,
        4,
        False,
    ),
    "masked wants null": (gfact("xx户", "xx", None, "户", qualifier="masked"), None, None, None, True),
    "masked given a value": (gfact("xx户", "xx", None, "户", qualifier="masked"), 0.0, None, None, False),
    "approx compares value": (
        gfact("300余人次", "300", 300, "人次", qualifier="approx"),
        300.0,
        300,
        None,
        True,
    ),
}


@pytest.mark.parametrize("g, value, low, high, expected", VALUE_CASES.values(), ids=VALUE_CASES.keys())
def test_value_correct(g, value, low, high, expected):
    pred = pfact(0, "58名", "58", value, "", low=low, high=high)
    assert scorer.value_correct(g, pred) is expected


UNIT_CASES = {
    "万元 is 元": ("万元", "元", True),
    "万人 is 人": ("万人", "人", True),
    "㎡ is 平方米": ("㎡", "平方米", True),
    "平米 is 平方米": ("平米", "平方米", True),
    "万平方米 is ㎡": ("万平方米", "㎡", True),
    "人 is not 人次": ("人", "人次", False),
    "户 is not 人": ("户", "人", False),
    "no unit": ("", "", True),
}


@pytest.mark.parametrize("g, p, expected", UNIT_CASES.values(), ids=UNIT_CASES.keys())
def test_unit_correct(g, p, expected):
    assert scorer.unit_correct(g, p) is expected


SUBJECT_CASES = {
    "equal": ("党员", "党员", True),
    "gold inside longer prediction, half": ("党员", "女党员", True),
    "prediction too long": ("党员", "社区现有党员", False),
    "prediction inside gold": ("群众满意率", "满意率", True),
    "punctuation and spaces ignored": ("“党员两小时”活动", "党员 两小时活动", True),
    "no containment": ("低保户", "困难户", False),
    "both null": (None, None, True),
    "gold null": (None, "党员", False),
    "prediction null": ("党员", None, False),
}


@pytest.mark.parametrize("g, p, expected", SUBJECT_CASES.values(), ids=SUBJECT_CASES.keys())
def test_subject_correct(g, p, expected):
    assert scorer.subject_correct(g, p) is expected


# ---------------------------------------------------------------- facts on a document

GOLD_FACTS = (
    gfact("现有党员58名", "58", 58, "名", subject="党员", category="party_building", indicator="party_members"),
    gfact("女党员21名", "21", 21, "名", subject="女党员", category="party_building", indicator="party_members",
          breakdown={"sex": "女"}),
    gfact("300余人次", "300", 300, "人次", qualifier="approx", subject="参与党员", category="party_building",
          indicator="participants"),
    gfact("慰问金4.5万元", "4.5", 4.5, "万元", subject="慰问金", category="social_assistance",
          indicator="funds_disbursed_yuan"),
    gfact("活动室120㎡", "120", 120, "平方米", subject="活动室", category="infrastructure_investment"),
)


def test_facts_detection_strict_and_fields():
    preds = (
        pfact(1, "现有党员58名", "58名", 58.0, "名", subject="党员", category=Category.PARTY_BUILDING),
        # right place, wrong qualifier: detected, not strict
        pfact(2, "300余人次", "300余人次", 300.0, "人次", subject="人次", category=Category.PARTY_BUILDING),
        pfact(
            3,
            "慰问金4.5万元",
            "4.5万元",
            45000.0,
            "元",
            subject="慰问金",
            category=Category.SOCIAL_ASSISTANCE,
        ),
        pfact(4, "活动室120㎡", "120㎡", 120.0, "㎡", subject="活动室", category=Category.OTHER),
        # a year is not a fact: a false positive
        pfact(5, "2023年", "2023", 2023.0, "年"),
    )
    score, pairs = scorer.score_facts(gdoc(facts=GOLD_FACTS), parse_of(facts=preds),
                                      scorer.gold_fact_spans(gdoc(facts=GOLD_FACTS), TEXT))  # fmt: skip
    assert score.detection == scorer.Counts(tp=4, fp=1, fn=1)
    assert score.strict == scorer.Counts(tp=3, fp=2, fn=2)
    assert sorted(pairs) == [(0, 0), (2, 1), (3, 2), (4, 3)]
    assert score.fields["value"] == scorer.Tally(4, 4)
    assert score.fields["unit"] == scorer.Tally(4, 4)
    assert score.fields["qualifier"] == scorer.Tally(3, 4)
    assert score.fields["category"] == scorer.Tally(3, 4)
    assert score.fields["subject"] == scorer.Tally(3, 4)  # 人次 is not 参与党员
    assert score.fields["planned"] == scorer.Tally(4, 4)


# ---------------------------------------------------------------- indicators, breakdown, scope


@dataclass(frozen=True)
class ColumnFact(Fact):
    """A prediction that carries breakdown and scope, as the pipeline does once they exist."""

    breakdown: dict[str, str] | None = None
    scope: str = "unit"


PARTY = ("现有党员58名", "58")  # (quote, number) of the one figure each case below is about

# (gold indicator, breakdown, scope), (predicted ...; None = a Fact without breakdown/scope fields),
# expected (indicator tp, fp, fn), expected (comparable tp, fp, fn)
INDICATOR_CASES = {
    "same column": (("party_members", None, "unit"), ("party_members", None, "unit"), (1, 0, 0), (1, 0, 0)),
    "old prediction counts as whole and unit": (("party_members", None, "unit"), ("party_members", None), (1, 0, 0), (1, 0, 0)),
    "part taken for the whole": (("party_members", {"sex": "女"}, "unit"), ("party_members", None, "unit"), (0, 1, 1), (0, 1, 0)),
    "part found as a part": (("party_members", {"sex": "女"}, "unit"), ("party_members", {"sex": "女"}, "unit"), (1, 0, 0), (0, 0, 0)),
    "another part still a part": (("party_members", {"sex": "女"}, "unit"), ("party_members", {"age": "30岁以下"}, "unit"), (1, 0, 0), (0, 0, 0)),
    "wider figure taken as the unit's": (("party_members", None, "wider"), ("party_members", None, "unit"), (0, 1, 1), (0, 1, 0)),
    "wrong indicator": (("party_members", None, "unit"), ("households_total", None, "unit"), (0, 1, 1), (0, 1, 1)),
    "indicator invented": ((None, None, "unit"), ("party_members", None, "unit"), (0, 1, 0), (0, 1, 0)),
    "indicator missed": (("party_members", None, "unit"), (None, None, "unit"), (0, 0, 1), (0, 0, 1)),
    "id outside SPEC section 4 is not counted": (("party_branches", None, "unit"), ("party_branches", None, "unit"), (0, 0, 0), (0, 0, 0)),
    "part of another unit's figure": (("party_members", {"sex": "女"}, "part"), ("party_members", {"sex": "女"}, "part"), (1, 0, 0), (0, 0, 0)),
}  # fmt: skip


def _pred_with(i: int, quote: str, part: str, pred: tuple, value: float) -> Fact:
    if len(pred) == 2:  # a record made before breakdown and scope existed
        return pfact(i, quote, part, value, "名", indicator=pred[0])
    start, end = at(TEXT, quote, part)
    return ColumnFact(id=i, section=None, start=start, end=end, text=part, number_text=part, value=value,
                      low=None, high=None, unit="名", qualifier=Qualifier.EXACT, subject=None,
                      indicator=pred[0], breakdown=pred[1], scope=pred[2])  # fmt: skip


@pytest.mark.parametrize("g, p, ind, cmp", INDICATOR_CASES.values(), ids=INDICATOR_CASES.keys())
def test_indicator_and_comparable_counts(g, p, ind, cmp):
    gold = gdoc(facts=(gfact(*PARTY, 58, "名", indicator=g[0], breakdown=g[1], scope=g[2]),))
    parse = parse_of(facts=(_pred_with(0, *PARTY, p, 58.0),))
    score, _ = scorer.score_facts(gold, parse, scorer.gold_fact_spans(gold, TEXT))
    assert score.indicators == scorer.Counts(*ind)
    assert score.comparable == scorer.Counts(*cmp)


def test_unmatched_figures_count_against_indicator_precision_and_recall():
    gold = gdoc(facts=(gfact(*PARTY, 58, "名", indicator="party_members"),
                       gfact("调解纠纷12起", "12", 12, "起", indicator="disputes_mediated")))  # fmt: skip
    # the 12 is not found; a year is taken as a party_members figure
    parse = parse_of(facts=(_pred_with(0, *PARTY, ("party_members", None), 58.0),
                            _pred_with(1, "2023年", "2023", ("party_members", None), 2023.0)))  # fmt: skip
    score, _ = scorer.score_facts(gold, parse, scorer.gold_fact_spans(gold, TEXT))
    assert score.indicators == scorer.Counts(tp=1, fp=1, fn=1)
    assert score.comparable == scorer.Counts(tp=1, fp=1, fn=1)


def test_breakdown_and_scope_are_tallied_where_gold_has_an_indicator():
    gold = gdoc(facts=(
        gfact(*PARTY, 58, "名", indicator="party_members"),
        gfact("女党员21名", "21", 21, "名", indicator="party_members", breakdown={"sex": "女"}),
        gfact("活动室120㎡", "120", 120, "平方米"),  # no indicator: not tallied for breakdown or scope
    ))  # fmt: skip
    parse = parse_of(facts=(
        _pred_with(0, *PARTY, ("party_members", None, "unit"), 58.0),
        _pred_with(1, "女党员21名", "21", ("party_members", {"sex": "女 "}, "part"), 21.0),
        _pred_with(2, "活动室120㎡", "120", (None, None, "wider"), 120.0),
    ))  # fmt: skip
    score, _ = scorer.score_facts(gold, parse, scorer.gold_fact_spans(gold, TEXT))
    assert score.fields["indicator"] == scorer.Tally(3, 3)
    assert score.fields["breakdown"] == scorer.Tally(2, 2)  # words compared without spaces
    assert score.fields["scope"] == scorer.Tally(1, 2)
    text = report.render_text(scorer.Report((scorer.DocScore("qinghe.txt", facts=score),), ("facts",)))
    assert "indicators  P 0.500  R 0.500" in text and "comparable  P 1.000  R 1.000" in text


BREAKDOWN_CASES = {
    "both whole": (None, None, True),
    "same part": ({"area": "城市"}, {"area": "城市"}, True),
    "punctuation aside": ({"kind": "一、二级"}, {"kind": "一二级"}, True),
    "part missed": ({"area": "城市"}, None, False),
    "other dimension": ({"area": "城市"}, {"kind": "城市"}, False),
    "other words": ({"age": "60岁以上"}, {"age": "80岁以上"}, False),
}


@pytest.mark.parametrize("g, p, expected", BREAKDOWN_CASES.values(), ids=BREAKDOWN_CASES.keys())
def test_breakdown_correct(g, p, expected):
    assert scorer.breakdown_correct(g, p) is expected


def test_fact_span_is_first_number_inside_quote():
    g = gdoc(facts=(gfact("调解纠纷12起，调解成功率100%", "100", 100, "%"),))
    (span,) = scorer.gold_fact_spans(g, TEXT)
    assert TEXT[span[0] : span[1]] == "100"
    # a prediction on the 12 does not overlap the gold 100
    pred = pfact(1, "调解纠纷12起", "12起", 12.0, "起")
    score, _ = scorer.score_facts(g, parse_of(facts=(pred,)), [span])
    assert score.detection == scorer.Counts(0, 1, 1)


def test_unlocatable_quote_is_a_gold_error():
    g = gdoc(facts=(gfact("现有团员9名", "9", 9, "名"),))
    with pytest.raises(goldmod.GoldError, match="exactly once"):
        scorer.score_document(g, parse_of())


# ---------------------------------------------------------------- headings and metadata


def section(i: int, level: int, label: str, heading: str) -> Section:
    return Section(id=i, parent=None, level=level, label=label, heading=heading, start=0, end=1)


def test_headings_strip_surrounding_punctuation_only():
    g = gdoc(headings=(GoldHeading(1, "一、", "党建工作"), GoldHeading(1, "二、", "民生保障"),
                       GoldHeading(2, "（一）", "平安建设"), GoldHeading(3, "1、", "党员 教育")))  # fmt: skip
    p = parse_of(sections=(section(0, 1, "一、", "党建工作。"), section(1, 1, "二、", " 民生保障"),
                           section(2, 2, "（一）", "平安建设："), section(3, 3, "1、", "党员教育"),
                           section(4, 2, "（二）", "民生保障")))  # fmt: skip
    # inner space is kept, so 党员教育 ≠ 党员 教育; a wrong level does not match
    assert scorer.score_headings(g, p) == scorer.Counts(tp=3, fp=2, fn=1)


def test_headings_are_a_multiset():
    g = gdoc(headings=(GoldHeading(2, "（一）", "工作开展情况"), GoldHeading(2, "（一）", "工作开展情况")))
    p = parse_of(sections=(section(0, 2, "（一）", "工作开展情况"),))
    assert scorer.score_headings(g, p) == scorer.Counts(tp=1, fp=0, fn=1)


META_CASES = {
    "all right": ({}, {"title": 1, "community": 1, "year": 1, "period": 1}),
    "surrounding spaces ignored": ({"title": " 2023年青禾社区上半年工作总结 "}, {"title": 1}),
    "wrong period": ({"period": "year"}, {"period": 0}),
    "null community predicted": ({"community": None}, {"community": 0}),
    "wrong year": ({"year": 2022}, {"year": 0}),
}


@pytest.mark.parametrize("changes, expected", META_CASES.values(), ids=META_CASES.keys())
def test_meta(changes, expected):
    score = scorer.score_meta(gdoc(), parse_of(doc=meta(**changes)))
    for name, correct in expected.items():
        assert score[name] == scorer.Tally(correct, 1)


def test_meta_null_gold_matches_null_prediction():
    assert (
        scorer.score_meta(gdoc(community=None), parse_of(doc=meta(community=None)))["community"].correct == 1
    )


# ---------------------------------------------------------------- activities


def pact(i: int, name: str, kind: ActivityKind, facts: tuple[int, ...] = (), **kw: object) -> Activity:
    start, end = at(TEXT, name)
    return Activity(id=i, section=None, start=start, end=end, text=name, verb=None, name=name, kind=kind,
                    facts=facts, **kw)  # type: ignore[arg-type]  # fmt: skip


GOLD_ACTS = (
    GoldActivity("开展主题党日活动6次", "主题党日活动", "meeting", "party_building", False),
    GoldActivity("走访困难户3-5户", "走访困难户", "visit", "social_assistance", False),
    GoldActivity("调解纠纷12起", "调解纠纷", "other", "governance_security", False),
)
GOLD_ACT_FACTS = (
    gfact("党日活动6次", "6", 6, "次"),
    gfact("困难户3-5户", "3-5", None, "户", low=3, high=5, qualifier="range"),
    gfact("纠纷12起", "12", 12, "起"),
)


def test_activities_detection_kind_and_count_linked():
    facts = (
        pfact(10, "党日活动6次", "6次", 6.0, "次"),
        pfact(11, "困难户3-5户", "3-5户", None, "户", low=3.0, high=5.0, qualifier=Qualifier.RANGE),
    )
    acts = (
        pact(1, "主题党日活动", ActivityKind.MEETING, (10,), category=Category.PARTY_BUILDING),
        pact(
            2, "走访困难户", ActivityKind.VISIT, (), category=Category.SOCIAL_ASSISTANCE, planned=True
        ),  # count not linked; called planned where the gold says done
        pact(3, "慰问金", ActivityKind.OTHER),  # not in gold
    )
    g = gdoc(facts=GOLD_ACT_FACTS, activities=GOLD_ACTS)
    score = scorer.score_document(g, parse_of(facts=facts, activities=acts)).activities
    assert score is not None
    assert score.detection == scorer.Counts(tp=2, fp=1, fn=1)
    assert score.fields["kind"] == scorer.Tally(2, 2)
    assert score.fields["category"] == scorer.Tally(2, 2)
    assert score.fields["planned"] == scorer.Tally(1, 2)
    # three gold activities carry a count; only the first is linked (the third is not even found)
    assert score.count_linked == scorer.Tally(1, 3)


# ---------------------------------------------------------------- flags


def pflag(name: str, quote: str, severity: Severity = Severity.ERROR) -> Flag:
    start, end = at(TEXT, quote)
    return Flag(name=name, code="ZJ000", severity=severity, start=start, end=end, line=1, col=1, message="")


def test_flags_need_name_and_overlap():
    g = gdoc(flags=(GoldFlag("masked_figure", "低保户xx户", "placeholder"),
                    GoldFlag("sum_mismatch", "现有党员58名，其中女党员21名", "invented")))  # fmt: skip
    preds = (
        pflag("masked_figure", "xx户", Severity.WARNING),  # matches
        pflag("rate_out_of_range", "现有党员58名"),  # overlaps but wrong name
        pflag("approximate_figure", "300余人次", Severity.INFO),  # info: not counted
        pflag("template_text", "二、民生保障", Severity.WARNING),  # unannotated: not counted
    )
    assert scorer.score_flags(g, parse_of(flags=preds)) == scorer.Counts(tp=1, fp=1, fn=1)


# ---------------------------------------------------------------- totals, runs and reports


def test_evaluate_records_missing_and_failing_documents(tmp_path: Path):
    (tmp_path / "qinghe.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "broken.txt").write_text(TEXT, encoding="utf-8")
    golds = [gdoc(), gdoc(doc="absent.txt"), gdoc(doc="broken.txt")]

    def fake_parse(path: Path) -> Parse:
        if path.name == "broken.txt":
            raise ValueError("cannot decode")
        return parse_of()

    result = scorer.evaluate(golds, [tmp_path], parse_fn=fake_parse)
    rows = {s.doc: s for s in result.documents}
    assert rows["qinghe.txt"].error is None and rows["qinghe.txt"].meta["year"] == scorer.Tally(1, 1)
    assert "not found" in rows["absent.txt"].error
    assert "cannot decode" in rows["broken.txt"].error
    assert result.total.meta["title"] == scorer.Tally(1, 1)


def test_totals_are_micro_averaged():
    a = scorer.DocScore("a", headings=scorer.Counts(9, 1, 0))
    b = scorer.DocScore("b", headings=scorer.Counts(0, 0, 10))
    total = scorer.total_of([a, b, scorer.DocScore("c", error="unreadable")])
    assert total.headings == scorer.Counts(9, 1, 10)
    assert round(total.headings.recall, 3) == 0.474


def test_report_text_and_json_show_counts():
    g = gdoc(facts=GOLD_FACTS[:1], headings=(GoldHeading(1, "一、", "党建工作"),))
    p = parse_of(
        facts=(
            pfact(1, "现有党员58名", "58名", 58.0, "名", subject="党员", category=Category.PARTY_BUILDING),
        ),  # fmt: skip
        sections=(section(0, 1, "一、", "党建工作"),),
    )
    result = scorer.Report((scorer.score_document(g, p), scorer.DocScore("bad.txt", error="unreadable")))
    text = report.render_text(result)
    assert "value 1.000 (1/1)" in text
    assert "bad.txt" in text and "ERROR unreadable" in text
    data = report.report_dict(result)
    assert data["total"]["facts"]["detection"]["f1"] == 1.0
    assert data["total"]["meta"]["overall"] == {"correct": 4, "total": 4, "rate": 1.0}
    assert data["errors"] == 1


# ---------------------------------------------------------------- gold validation

GOOD = {
    "doc": "qinghe.txt", "title": "2023年青禾社区上半年工作总结", "community": "青禾社区", "year": 2023,
    "period": "H1", "headings": [{"level": 1, "label": "一、", "text": "党建工作"}],
    "facts": [{"quote": "现有党员58名", "number_text": "58", "value": 58, "low": None, "high": None,
               "unit": "名", "qualifier": "exact", "subject": "党员", "category": "party_building",
               "planned": False, "indicator": "party_members", "breakdown": None, "scope": "unit"}],
    "activities": [{"quote": "开展主题党日活动6次", "name": "主题党日活动", "kind": "meeting",
                    "category": "party_building", "planned": False}],
    "flags": [{"code": "masked_figure", "quote": "低保户xx户", "why": "placeholder"}],
}  # fmt: skip


def _with(path: tuple, value: object) -> dict:
    import copy

    data = copy.deepcopy(GOOD)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


PROBLEM_CASES = {
    "good file": (GOOD, []),
    "missing top key": (_with(("period",), KeyError), ["missing key 'period'"]),
    "missing fact key": (_with(("facts", 0, "unit"), KeyError), ["facts[0]: missing key 'unit'"]),
    "bad qualifier": (_with(("facts", 0, "qualifier"), "about"), ["facts[0]: qualifier 'about'"]),
    "bad category": (_with(("facts", 0, "category"), "party"), ["facts[0]: category 'party'"]),
    "bad kind": (_with(("activities", 0, "kind"), "party"), ["activities[0]: kind 'party'"]),
    "bad flag code": (_with(("flags", 0, "code"), "ZJ401"), ["flags[0]: code 'ZJ401'"]),
    "bad heading level": (_with(("headings", 0, "level"), 5), ["headings[0]: level 5"]),
    "bad period": (_with(("period",), "上半年"), ["period '上半年'"]),
    "range without bounds": (_with(("facts", 0, "qualifier"), "range"), ["facts[0]: a range needs"]),
    "missing indicator key": (_with(("facts", 0, "indicator"), KeyError), ["facts[0]: missing key 'indicator'"]),
    "unknown indicator": (_with(("facts", 0, "indicator"), "party_member"), ["facts[0]: indicator 'party_member'"]),
    "bad breakdown dimension": (_with(("facts", 0, "breakdown"), {"gender": "女"}), ["facts[0]: breakdown dimension"]),
    "empty breakdown": (_with(("facts", 0, "breakdown"), {}), ["facts[0]: breakdown must be null"]),
    "breakdown without words": (_with(("facts", 0, "breakdown"), {"sex": ""}), ["facts[0]: breakdown 'sex' must"]),
    "bad scope": (_with(("facts", 0, "scope"), "community"), ["facts[0]: scope 'community'"]),
}


@pytest.mark.parametrize("data, expected", PROBLEM_CASES.values(), ids=PROBLEM_CASES.keys())
def test_shape_problems(data, expected):
    problems = goldmod.shape_problems(data)
    assert len(problems) == len(expected)
    for problem, start in zip(problems, expected, strict=True):
        assert problem.startswith(start)


TEXT_PROBLEM_CASES = {
    "quote not found": (("facts", 0, "quote"), "社区党员58名", "not found"),
    "quote three times": (("flags", 0, "quote"), "党员", "occurs 3 times"),
    "number outside quote": (("facts", 0, "number_text"), "21", "is not inside quote"),
    "activity name outside quote": (("activities", 0, "name"), "党课", "is not inside quote"),
    "flag quote not found": (("flags", 0, "quote"), "低保户XX户", "not found"),
}


def test_two_gold_facts_on_one_span_are_a_problem():
    data = _with(("facts",), GOOD["facts"] * 2)
    data["facts"][1] = dict(data["facts"][1], quote="党员58名")
    problems = goldmod.text_problems(goldmod.gold_from_dict(data), TEXT)
    assert problems == ["facts[1]: same span as facts[0] ('58' in '党员58名')"]


@pytest.mark.parametrize("path, value, message", TEXT_PROBLEM_CASES.values(), ids=TEXT_PROBLEM_CASES.keys())
def test_text_problems(path, value, message):
    gold = goldmod.gold_from_dict(_with(path, value))
    problems = goldmod.text_problems(gold, TEXT)
    assert len(problems) == 1 and message in problems[0]
    assert goldmod.text_problems(goldmod.gold_from_dict(GOOD), TEXT) == []


def test_validate_command_lists_problems_per_file(tmp_path: Path, capsys):
    import json

    golds, docs = tmp_path / "gold", tmp_path / "docs" / "nested"
    golds.mkdir()
    docs.mkdir(parents=True)
    (docs / "qinghe.txt").write_text(TEXT, encoding="utf-8")
    (golds / "qinghe.json").write_text(
        json.dumps(_with(("facts", 0, "number_text"), "99"), ensure_ascii=False)
    )
    (golds / "other.json").write_text("{not json", encoding="utf-8")
    assert goldmod.main(["validate", str(golds), "--docs", str(tmp_path / "docs")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any(line.startswith("qinghe.json: facts[0]: number_text '99'") for line in out)
    assert any("other.json" in line and "not valid JSON" in line for line in out)
    (golds / "other.json").unlink()
    (golds / "qinghe.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    assert goldmod.main(["validate", str(golds), "--docs", str(tmp_path / "docs")]) == 0


def oracle(gold: GoldDoc, text: str) -> Parse:
    """The parse a perfect pipeline would return for ``gold``."""
    facts = []
    for i, g in enumerate(gold.facts):
        start, end = goldmod.inner_span(text, g.quote, g.number_text)
        scale, unit = scorer.split_unit(g.unit)
        facts.append(ColumnFact(
            id=i, section=None, start=start, end=end, text=text[start:end], number_text=g.number_text,
            value=None if g.value is None else g.value * scale, low=None if g.low is None else g.low * scale,
            high=None if g.high is None else g.high * scale, unit=unit, qualifier=Qualifier(g.qualifier),
            subject=g.subject, indicator=g.indicator, category=Category(g.category), planned=g.planned,
            breakdown=g.breakdown, scope=g.scope,
        ))  # fmt: skip
    acts = []
    for i, a in enumerate(gold.activities):
        start, end = goldmod.inner_span(text, a.quote, a.name)
        qs, qe = goldmod.quote_span(text, a.quote)
        linked = tuple(f.id for f in facts if qs <= f.start and f.end <= qe)
        acts.append(Activity(id=i, section=None, start=start, end=end, text=a.name, verb=None, name=a.name,
                             kind=ActivityKind(a.kind), facts=linked, category=Category(a.category)))  # fmt: skip
    flags = []
    for g in gold.flags:
        start, end = goldmod.quote_span(text, g.quote)
        flags.append(Flag(g.code, "ZJ000", Severity.ERROR, start, end, 1, 1, g.why))
    sections = tuple(section(i, h.level, h.label, h.text) for i, h in enumerate(gold.headings))
    return parse_of(facts=tuple(facts), activities=tuple(acts), flags=tuple(flags), sections=sections)


def test_a_perfect_parse_scores_one_everywhere():
    g = gdoc(
        facts=GOLD_FACTS + GOLD_ACT_FACTS[:1] + (gfact("低保户xx户", "xx", None, "户", qualifier="masked"),),
        activities=GOLD_ACTS[:2],
        headings=(GoldHeading(1, "一、", "党建工作"), GoldHeading(2, "（一）", "平安建设")),
        flags=(GoldFlag("masked_figure", "低保户xx户", "placeholder"),),
    )
    total = scorer.Report((scorer.score_document(g, oracle(g, TEXT)),)).total
    assert total.facts.strict.f1 == 1.0 and total.facts.detection.f1 == 1.0
    assert total.facts.indicators == scorer.Counts(4, 0, 0) and total.facts.comparable == scorer.Counts(3, 0, 0)
    assert all(t.correct == t.total > 0 for t in total.facts.fields.values())
    assert total.headings.f1 == 1.0 and total.flags.f1 == 1.0
    assert total.activities.detection.f1 == 1.0
    assert total.activities.count_linked == scorer.Tally(1, 1)
    assert all(t.correct == t.total == 1 for t in total.meta.values())
