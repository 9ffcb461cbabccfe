"""evaluation.planned_train: the cross-validation that decides whether a learned classifier replaces
the plan rules, on invented examples (the script itself reads the dev and long gold)."""

from __future__ import annotations

from evaluation.planned_train import Example, accuracy, cross_validate


def _example(doc: int, window: str, gold: bool, rule: bool, group: str = "dev") -> Example:
    return Example(doc, group, "fact", window, False, False, gold, rule)


def test_verdicts_per_row_and_documents_held_out() -> None:
    rows = [
        _example(d, w, gold, rule=gold if d else not gold)
        for d in range(10)
        for w, gold in (("明年力争新建广场1处", True), ("今年已新建广场1处", False))
    ]
    rules, learned = cross_validate(rows)
    assert len(rules) == len(learned) == len(rows)
    # the rules are wrong on document 0 only; the classifier, fitted on the other documents, is not
    assert accuracy(rows, rules) == 0.9
    assert accuracy(rows, learned) == 1.0
    assert accuracy([r for r in rows if r.doc == 0], [v for r, v in zip(rows, rules, strict=True) if r.doc == 0]) == 0.0
