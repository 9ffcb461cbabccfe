"""evaluation/comparable_errors.py: the class each kind of comparable error gets (made-up facts)."""

from __future__ import annotations

from types import SimpleNamespace

from evaluation.comparable_errors import _breakdown_class, _fn_class, _fp_class
from nlp.records import Scope


def _gold(indicator, breakdown=None, scope="unit"):
    return SimpleNamespace(indicator=indicator, breakdown=breakdown, scope=scope)


def _pred(indicator, breakdown=None, scope=Scope.UNIT):
    return SimpleNamespace(indicator=indicator, breakdown=breakdown, scope=scope)


def test_false_positive_classes() -> None:
    whole = _pred("party_members")
    assert _fp_class(_gold("party_members", {"sex": "女"}), whole) == "part as whole"
    assert _fp_class(_gold("party_members", None, "wider"), whole) == "wider scope as unit"
    assert _fp_class(_gold(None), whole) == "no indicator"
    assert _fp_class(_gold("volunteers"), whole) == "wrong indicator"


def test_false_negative_classes() -> None:
    gold = _gold("low_income_households")
    assert _fn_class(gold, _pred("low_income_households", {"area": "城市"})) == "whole as part"
    assert _fn_class(gold, _pred("low_income_households", None, Scope.WIDER)) == "unit as other scope"
    assert _fn_class(gold, _pred(None)) == "indicator missed"
    assert _fn_class(gold, _pred("households_total")) == "wrong indicator"


def test_breakdown_classes() -> None:
    assert _breakdown_class({"kind": "文艺演出"}, None) == "part as whole"
    assert _breakdown_class(None, {"kind": "文艺演出"}) == "whole as part"
    assert _breakdown_class({"kind": "文艺演出"}, {"kind": "演出"}) == "other words"
    assert _breakdown_class({"area": "城市"}, {"kind": "城市"}) == "other dimension"
