"""Is a figure or an activity a plan? The rules against a small learned classifier, by cross-validation.

    python -m evaluation.planned_train

Every dev gold fact and activity that the pipeline finds (matched as ``zongjie evaluate`` matches
them) is one example, labelled with the gold ``planned``. The features are read from the predicted
record's clause window (``nlp.figures.facts.plan_window``) and sentence, its section and the document
type: the plan-marker vocabulary of ``nlp/resources/planned.toml`` word by word, words of things done
(已, 了, 共, 累计 …), and the rules' own verdicts. A logistic regression is fitted with whole documents
held out (``FOLDS`` groups) and compared with the rules on the same examples. The rules need no
fitting and were tuned on these documents, so their figure flatters them.

The classifier is shipped only if it beats the rules here; it does not (evaluation/README.md), so the
pipeline keeps the rules and this script stays as the measurement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evaluation.gold import inner_span
from evaluation.heading_train import load_dev
from evaluation.scorer import match_nearest
from nlp.figures.facts import innermost_section, plan_window
from nlp.figures.planned import is_planned_sentence, plan_markers
from nlp.records import DocType

FOLDS = 5
DONE_WORDS = ("已", "了", "共", "累计", "完成", "实现", "先后", "截至", "截止", "今年以来", "上半年")


@dataclass(frozen=True)
class Example:
    doc: int
    kind: str  # "fact" or "activity"
    window: str
    section_planned: bool
    plan_document: bool
    gold: bool
    rule: bool  # what the pipeline's rules said


def examples() -> list[Example]:
    """The matched facts and activities of the dev gold, with their clause windows and labels."""
    from corpus.readers import read_text
    from nlp.pipeline import parse_raw

    out = []
    for i, doc in enumerate(load_dev()):
        parsed = parse_raw(read_text(doc.norm.original))
        text = parsed.normalized.text
        plan_doc = parsed.doc.doc_type == DocType.PLAN
        gold_spans = [inner_span(doc.norm.original, f.quote, f.number_text) for f in doc.gold.facts]
        facts = parsed.facts
        for gi, pi in match_nearest([s or (-1, -1) for s in gold_spans], [(f.start, f.end) for f in facts]):
            f = facts[pi]
            section = innermost_section(parsed.sections, f.norm_start)
            out.append(Example(i, "fact", plan_window(text, f.norm_start, f.norm_end),
                               bool(section and section.planned), plan_doc, doc.gold.facts[gi].planned, f.planned))
        spans = [inner_span(doc.norm.original, a.quote, a.name) for a in doc.gold.activities]
        acts = parsed.activities
        for gi, pi in match_nearest([s or (-1, -1) for s in spans], [(a.start, a.end) for a in acts]):
            a = acts[pi]
            section = innermost_section(parsed.sections, a.norm_start)
            out.append(Example(i, "activity", plan_window(text, a.norm_start, a.norm_end),
                               bool(section and section.planned), plan_doc, doc.gold.activities[gi].planned, a.planned))
    return out


def features(e: Example, markers: Sequence[str]) -> list[float]:
    return [
        float(e.section_planned), float(e.plan_document), float(is_planned_sentence(e.window)),
        *(float(m in e.window) for m in markers),
        *(float(w in e.window) for w in DONE_WORDS),
    ]


def cross_validate(rows: Sequence[Example]) -> dict[str, float]:
    """Accuracy of the rules and of the classifier (documents held out) over ``rows``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    markers = plan_markers()
    x = np.array([features(e, markers) for e in rows])
    y = np.array([e.gold for e in rows])
    docs = np.array([e.doc for e in rows])
    predicted = np.zeros(len(rows), dtype=bool)
    for k in range(FOLDS):
        held = docs % FOLDS == k
        model = LogisticRegression(C=1.0, max_iter=2000).fit(x[~held], y[~held])
        predicted[held] = model.predict(x[held])
    rules = np.array([e.rule for e in rows])
    return {"rules": float((rules == y).mean()), "classifier": float((predicted == y).mean())}


def main() -> None:
    rows = examples()
    for kind in ("fact", "activity", None):
        part = [e for e in rows if kind is None or e.kind == kind]
        cv = cross_validate(part)
        planned = sum(e.gold for e in part)
        print(f"{kind or 'both':9s} {len(part):4d} examples ({planned} planned)  "
              f"rules {cv['rules']:.3f}  classifier {cv['classifier']:.3f}  ({FOLDS}-fold, documents held out)")
    for e in rows:
        if e.rule != e.gold:
            print(f"  rules wrong: {e.kind} gold={e.gold} section={e.section_planned} {e.window[:50]}")


if __name__ == "__main__":
    main()
