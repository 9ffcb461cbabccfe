"""The learned indicator decision's cross-validation (evaluation/indicator_cv.py): what the model reads
of a figure, how each way of combining it with the rules decides, and that a model fitted on
labelled figures learns a word the rules miss. Invented sentences only."""

import pytest

from evaluation.indicator_cv import decide, fit
from evaluation.indicator_data import NONE, PART, Candidate, figure_features
from nlp.figures.resolution_state import Figure, Resolution
from nlp.pipeline import parse_text
from nlp.records import Scope

TEXT = "一、党建工作\n今年社区共有在册党员58名，其中女党员21名。\n全市新增就业岗位3000个。"


def _figure_at(text: str, number: str, subject: str | None, unit: str) -> Figure:
    start = text.index(number)
    return Figure(start, start + len(number) + len(unit), subject, unit)


def test_features_read_unit_subject_clause_and_rules():
    figure = _figure_at(TEXT, "21", "女党员", "名")
    found = set(figure_features(TEXT, figure, Resolution("party_members", {"sex": "女"}), "exact", "党建工作"))
    assert {"u=名", "s=女党员", "s2=党员", "c2=其中", "p3=女党员", "w2=党员"} <= found
    assert {"r=party_members", "rb=part", "rd=sex", "rs=unit", "q=exact", "hd=党建", "h2=今年"} <= found
    plain = set(figure_features(TEXT, figure, None))
    assert not any(f.startswith(("r=", "rb=", "rd=", "rs=")) for f in plain)


def test_features_of_a_pipeline_figure():
    parse = parse_text("幸福社区2024年工作总结\n社区现有低保户36户，居民520人参加了健身活动。")
    text = parse.text.text
    households = next(f for f in parse.facts if f.unit == "户")
    figure = Figure(households.norm_start, households.norm_end, households.subject, households.unit)
    found = figure_features(text, figure, Resolution(households.indicator, households.breakdown, households.scope))
    assert {"r=low_income_households", "rb=whole", "p3=低保户", "c2=现有"} <= set(found)
    people = next(f for f in parse.facts if f.unit == "人")
    figure = Figure(people.norm_start, people.norm_end, people.subject, people.unit)
    assert "a2=参加" in figure_features(text, figure, None)


def _candidate(rule: str | None, breakdown=None, label: str = NONE) -> Candidate:
    parse = parse_text("幸福社区2024年工作总结\n社区现有党员73名。")
    fact = parse.facts[0]
    from dataclasses import replace

    fact = replace(fact, indicator=rule, breakdown=breakdown, scope=Scope.UNIT)
    return Candidate(fact, (), (), label, label, Scope.WIDER)


# (variant, rules' indicator, model probabilities, threshold, expected indicator, breakdown null?, scope)
CASES = [
    ("fallback", None, {"party_members": 0.9, NONE: 0.1}, 0.5, "party_members", True, Scope.WIDER),
    ("fallback", None, {"party_members": 0.4, NONE: 0.6}, 0.5, None, True, Scope.UNIT),
    ("fallback", "volunteers", {"party_members": 0.9, NONE: 0.1}, 0.5, "volunteers", True, Scope.UNIT),
    ("veto", "party_members", {"party_members": 0.1, NONE: 0.9}, 0.3, None, True, Scope.UNIT),
    ("veto", "party_members", {"party_members": 0.5, NONE: 0.5}, 0.3, "party_members", True, Scope.UNIT),
    ("decider", "volunteers", {"party_members": 0.8, NONE: 0.2}, 0.7, "party_members", True, Scope.WIDER),
    ("decider", "volunteers", {"party_members": 0.6, NONE: 0.4}, 0.7, "volunteers", True, Scope.UNIT),
    # column labels: the model adds or changes only to a whole; X and X~ together are its belief in X
    ("fallback", None, {"party_members" + PART: 0.9, NONE: 0.1}, 0.5, None, True, Scope.UNIT),
    ("fallback", None, {"party_members": 0.8, "party_members" + PART: 0.1, NONE: 0.1}, 0.5, "party_members", True, Scope.WIDER),
    ("veto", "party_members", {"party_members" + PART: 0.6, NONE: 0.4}, 0.5, "party_members", True, Scope.UNIT),
    ("decider", "volunteers", {"party_members" + PART: 0.9, NONE: 0.1}, 0.5, "volunteers", True, Scope.UNIT),
]


@pytest.mark.parametrize(("variant", "rule", "p", "t", "indicator", "null", "scope"), CASES)
def test_decide(variant, rule, p, t, indicator, null, scope):
    got_indicator, breakdown, got_scope = decide(variant, _candidate(rule), p, t)
    assert (got_indicator, breakdown is None, got_scope) == (indicator, null, scope)


def test_decide_keeps_the_rules_part_when_the_model_agrees():
    candidate = _candidate("party_members", {"sex": "女"})
    assert decide("decider", candidate, {"party_members": 0.95, NONE: 0.05}, 0.5)[1] == {"sex": "女"}


def test_a_fitted_model_learns_a_word_the_rules_miss():
    rows = [["c2=党员", "u=名"], ["c2=党员", "u=名"], ["c2=岗位", "u=个"], ["c2=岗位", "u=个"]] * 3
    labels = ["party_members", "party_members", NONE, NONE] * 3
    model = fit(rows, labels, c=10.0, min_count=2)
    p = model.probabilities([["c2=党员", "u=名"], ["c2=岗位", "u=个"]])
    at = model.classes.index("party_members")
    assert p[0][at] > 0.8 and p[1][at] < 0.2
