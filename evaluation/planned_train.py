"""Is a figure or an activity a plan? The rules against a small learned classifier, by cross-validation.

    python -m evaluation.planned_train

Every gold fact and activity that the pipeline finds (matched as ``zongjie evaluate`` matches them)
is one example, labelled with the gold ``planned``: the 30 dev documents (facts and activities), the
excerpts of the 13 long reports (``evaluation/gold/dev/facts``, facts only) and the 74 written reports
(``corpus/written``, gold ``evaluation/gold/dev/written``, facts and activities) as extra documents.
The features are read from the predicted record's clause window (``nlp.figures.facts.plan_window``),
its section and the document type: the plan-marker vocabulary of ``nlp/resources/planned.toml`` word
by word, words of things done (已, 了, 共, 累计 …), and the rules' own verdicts. A logistic regression
is fitted on both groups with whole documents held out (``FOLDS`` groups) and compared with the rules
on the same examples, per group. The rules need no fitting and were tuned on dev, so their dev figure
flatters them; since the planned branch they were also fixed from the long-report errors.

The classifier is shipped only if it beats the rules here; it does not (evaluation/README.md), so the
pipeline keeps the rules and this script stays as the measurement.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evaluation.gold import inner_span
from evaluation.heading_train import Doc, _load, load_dev
from evaluation.scorer import match_nearest
from evaluation.splits import REPO_CORPUS, doc_folders, gold_dir
from nlp.figures.facts import plan_window
from nlp.figures.planned import is_planned_sentence, plan_markers
from nlp.records import DocType
from nlp.text.outline import SectionLookup

FOLDS = 5
DONE_WORDS = ("已", "了", "共", "累计", "完成", "实现", "先后", "截至", "截止", "今年以来", "上半年")


@dataclass(frozen=True)
class Example:
    doc: int
    group: str  # "dev" (the 30 dev documents), "long" (the long-report excerpts, facts only), "written"
    kind: str  # "fact" or "activity"
    window: str
    section_planned: bool
    plan_document: bool
    gold: bool
    rule: bool  # what the pipeline's rules said


def load_long_facts() -> list[Doc]:
    """The long reports of the facts-only excerpt gold (evaluation/gold/dev/facts)."""
    return _load(gold_dir("dev") / "facts", doc_folders("dev"), "long")


def load_written() -> list[Doc]:
    """The written reports (corpus/written) with their gold (evaluation/gold/dev/written)."""
    return _load(gold_dir("dev") / "written", [REPO_CORPUS / "written"], "written")


def examples(docs: Sequence[Doc] | None = None) -> list[Example]:
    """The matched facts and activities of the gold of ``docs`` (default: the dev documents, the
    long-report excerpts and the written reports), with their clause windows and labels."""
    from corpus.readers import read_text
    from nlp.pipeline import parse_raw

    docs = list(docs) if docs is not None else load_dev() + load_long_facts() + load_written()
    out = []
    for i, doc in enumerate(docs):
        parsed = parse_raw(read_text(doc.norm.original))
        text = parsed.text
        section_at = SectionLookup(parsed.sections)
        plan_doc = parsed.doc.doc_type == DocType.PLAN
        for kind, golds, found, label in (
            ("fact", doc.gold.facts, parsed.facts, "number_text"),
            ("activity", doc.gold.activities, parsed.activities, "name"),
        ):
            spans = [inner_span(doc.norm.original, g.quote, getattr(g, label)) for g in golds]
            for gi, pi in match_nearest([s or (-1, -1) for s in spans], [(p.start, p.end) for p in found]):
                p = found[pi]
                section = section_at(p.norm_start)
                out.append(Example(i, doc.group, kind, plan_window(text, p.norm_start, p.norm_end),
                                   bool(section and section.planned), plan_doc, golds[gi].planned, p.planned))
    return out


def features(e: Example, markers: Sequence[str]) -> list[float]:
    return [
        float(e.section_planned), float(e.plan_document), float(is_planned_sentence(e.window)),
        *(float(m in e.window) for m in markers),
        *(float(w in e.window) for w in DONE_WORDS),
    ]


def cross_validate(rows: Sequence[Example]) -> tuple[list[bool], list[bool]]:
    """The rules' and the classifier's verdicts on ``rows``, the classifier's with whole documents held
    out (``FOLDS`` groups) and fitted on every other row."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    markers = plan_markers()
    x = np.array([features(e, markers) for e in rows])
    y = np.array([e.gold for e in rows])
    docs = np.array([e.doc for e in rows])
    predicted = np.zeros(len(rows), dtype=bool)
    for k in range(FOLDS):
        held = docs % FOLDS == k
        if held.any() and len(set(y[~held])) > 1:
            model = LogisticRegression(C=1.0, max_iter=2000).fit(x[~held], y[~held])
            predicted[held] = model.predict(x[held])
    return [e.rule for e in rows], [bool(p) for p in predicted]


def accuracy(rows: Sequence[Example], verdicts: Sequence[bool]) -> float:
    return sum(v == e.gold for e, v in zip(rows, verdicts, strict=True)) / len(rows) if rows else float("nan")


def main() -> None:
    rows = examples()
    rules, learned = cross_validate(rows)
    print(f"{FOLDS}-fold cross-validation, documents held out; the classifier learns from dev, long and written together")
    for group in ("dev", "long", "written", None):
        for kind in ("fact", "activity", None):
            idx = [i for i, e in enumerate(rows) if (group is None or e.group == group) and (kind is None or e.kind == kind)]
            if not idx:
                continue
            part = [rows[i] for i in idx]
            planned = sum(e.gold for e in part)
            print(f"{group or 'all':7s} {kind or 'both':9s} {len(part):4d} examples ({planned:3d} planned)  "
                  f"rules {accuracy(part, [rules[i] for i in idx]):.3f}  "
                  f"classifier {accuracy(part, [learned[i] for i in idx]):.3f}")
    for e in rows:
        if e.rule != e.gold:
            print(f"  rules wrong: {e.group} {e.kind} gold={e.gold} section={e.section_planned} {e.window[:50]}")


if __name__ == "__main__":
    main()
