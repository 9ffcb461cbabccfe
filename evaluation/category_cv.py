"""How well the category model generalizes to real reports: a leave-documents-out estimate.

Every gold document of the development split (the whole documents of evaluation/gold/dev and the
long-report excerpts of evaluation/gold/dev/facts) is parsed once; its gold facts are matched to the
pipeline's by span, as ``zongjie evaluate`` matches them, and each matched fact keeps what a
category model could read: its subject, clause and sentence, and its section headings. The documents
are cut into folds (dev and long together, document i in fold i mod k); for each fold a model is
trained on the invented data plus the real clauses of the *other* documents and predicts the fold's
facts as nlp/categories/assign.py does (own text, mixed with the section heading by
``section_weight``). Accuracy is reported for the dev documents and the long reports apart.

    python -m evaluation.category_cv              # the shipped settings, invented data alone, and the shipped model as parsed
    python -m evaluation.category_cv --grid       # the variants of models/MODEL_CARD.md
"""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.gold import find_document, gold_files, load_gold, read_gold_json
from evaluation.scorer import gold_fact_spans, match_nearest
from nlp.categories.assign import SECTION_WEIGHT
from nlp.categories.categorize import build_estimator, training_examples
from nlp.categories.training import RealClause, default_doc_folders, default_gold_dirs, real_clauses
from nlp.records import Parse

CONTEXTS = ("sentence", "clause", "sentence+heading", "sentence+path")


@dataclass(frozen=True)
class Case:
    doc: str
    group: str  # "dev" (a whole document) or "long" (a facts-only excerpt file)
    category: str  # gold
    shipped: str  # the shipped model's category, as parsed
    subject: str
    clause: str
    sentence: str
    headings: tuple[str, ...]  # outermost first

    def text(self, context: str) -> str:
        """What the model reads for this figure; ``sentence`` is what the pipeline reads."""
        if context == "clause":
            return f"{self.subject} {self.clause}"
        if context == "sentence+heading":
            return f"{self.headings[-1] if self.headings else ''} {self.subject} {self.sentence}"
        if context == "sentence+path":
            return f"{' '.join(self.headings)} {self.subject} {self.sentence}"
        return f"{self.subject} {self.sentence}"


@dataclass(frozen=True)
class Setting:
    name: str
    real: bool = True  # train on the real clauses of the other documents too
    context: str = "sentence"
    section_weight: float = SECTION_WEIGHT
    c: float = 16.0
    max_features: int | None = 30_000


SHIPPED = Setting("shipped settings")
GRID = (
    Setting("invented data only (before: C=8, 8,000 n-grams)", real=False, c=8.0, max_features=8_000),
    Setting("invented data only, shipped C and n-grams", real=False),
    Setting("real clauses, C=8, 8,000 n-grams", c=8.0, max_features=8_000),
    Setting("real clauses, C=8", c=8.0),
    Setting("real clauses, all n-grams", max_features=None),
    Setting("context: the figure's clause", context="clause"),
    Setting("context: heading + sentence", context="sentence+heading"),
    Setting("context: heading path + sentence", context="sentence+path"),
    Setting("section weight 0", section_weight=0.0),
    Setting("section weight 0.1", section_weight=0.1),
    Setting("section weight 0.3", section_weight=0.3),
    Setting("section weight 0.4", section_weight=0.4),
)


def cases(
    gold_dirs: Sequence[Path], docs: Sequence[Path], parse_fn: Callable[[Path], Parse] | None = None
) -> list[Case]:
    """The matched gold facts of every gold file directly in ``gold_dirs`` with their contexts."""
    if parse_fn is None:
        from nlp.pipeline import parse_file as parse_fn
    out: list[Case] = []
    for gold_dir in gold_dirs:
        for path in gold_files(gold_dir):
            gold = load_gold(path)
            found = find_document(gold.doc, docs)
            if not gold.facts or found is None:
                continue
            group = "long" if "excerpts" in read_gold_json(path) else "dev"
            parse = parse_fn(found)
            out += _matched(gold, parse, group)
    return out


def _matched(gold, parse: Parse, group: str) -> list[Case]:
    doc = parse.text
    assert doc is not None
    pairs = match_nearest(gold_fact_spans(gold, parse.original), [(f.start, f.end) for f in parse.facts])
    sections = {s.id: s for s in parse.sections}
    out = []
    for gi, pi in pairs:
        fact = parse.facts[pi]
        headings: list[str] = []
        at = fact.section
        while at is not None and at in sections:
            headings.insert(0, sections[at].heading)
            at = sections[at].parent
        clause = doc.clause_at(fact.norm_start)
        out.append(
            Case(
                gold.doc,
                group,
                gold.facts[gi].category,
                str(fact.category),
                fact.subject or "",
                doc.span_text(clause) if clause else "",
                doc.context(fact.norm_start, fact.norm_end),
                tuple(headings),
            )
        )
    return out


def estimate(
    all_cases: Sequence[Case], real: Sequence[RealClause], setting: Setting, folds: int = 5
) -> dict[str, tuple[int, int]]:
    """(right, facts) per group (``dev``, ``long``, ``all``) over the held-out folds."""
    names = sorted({c.doc for c in all_cases})
    right: dict[str, list[int]] = {"dev": [0, 0], "long": [0, 0], "all": [0, 0]}
    for k in range(folds):
        held = frozenset(names[k::folds])
        test = [c for c in all_cases if c.doc in held]
        if not test:
            continue
        if not setting.real:
            rows: list[RealClause] = []
        elif setting.context == "sentence":
            rows = [r for r in real if r.doc not in held]
        else:  # other contexts: the other documents' matched facts, read the same way
            rows = [
                RealClause(c.doc, c.text(setting.context), c.category) for c in all_cases if c.doc not in held
            ]
        texts, labels = training_examples(real=rows)
        model = build_estimator(setting.c, setting.max_features).fit(texts, labels)
        own = model.predict_proba([c.text(setting.context) for c in test])
        if setting.section_weight:
            headed = [i for i, c in enumerate(test) if c.headings]
            section = model.predict_proba([test[i].headings[-1] for i in headed])
            own[headed] = (1 - setting.section_weight) * own[headed] + setting.section_weight * section
        for case, predicted in zip(test, model.classes_[own.argmax(axis=1)], strict=True):
            for group in (case.group, "all"):
                right[group][0] += predicted == case.category
                right[group][1] += 1
    return {group: (r, n) for group, (r, n) in right.items() if n}


def shipped_as_parsed(all_cases: Sequence[Case]) -> dict[str, tuple[int, int]]:
    """The shipped model's categories as the pipeline gave them (trained on all these documents)."""
    out: dict[str, tuple[int, int]] = {}
    for group in ("dev", "long", "all"):
        chosen = [c for c in all_cases if group in ("all", c.group)]
        if chosen:
            out[group] = (sum(c.shipped == c.category for c in chosen), len(chosen))
    return out


def row(name: str, result: dict[str, tuple[int, int]]) -> str:
    cells = [
        f"{r / n:.3f} ({r}/{n})" if n else "–"
        for r, n in (result.get(g, (0, 0)) for g in ("dev", "long", "all"))
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold", type=Path, action="append", help="gold folder (may repeat); default: dev and dev/facts"
    )
    parser.add_argument(
        "--docs", type=Path, action="append", help="document folder (may repeat); default: the shared corpus"
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--grid", action="store_true", help="also the variants of the model card")
    args = parser.parse_args(argv)
    gold_dirs, docs = args.gold or default_gold_dirs(), args.docs or default_doc_folders()
    all_cases = cases(gold_dirs, docs)
    real = real_clauses(gold_dirs, docs)
    print(
        f"{len(all_cases)} matched gold facts in {len({c.doc for c in all_cases})} documents; {args.folds} folds of documents"
    )
    print("| model | dev | long | all |\n|---|---|---|---|")
    print(row("shipped model as parsed (trained on these documents)", shipped_as_parsed(all_cases)))
    settings = [SHIPPED, *GRID] if args.grid else [SHIPPED, dataclasses.replace(GRID[0])]
    for setting in settings:
        print(row(setting.name, estimate(all_cases, real, setting, args.folds)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
