"""How well the category model generalizes to real reports: a leave-documents-out estimate.

The development gold annotates every fact and activity with its work category. Here the gold
documents are cut into folds; for each fold a model is trained on the invented data plus the gold
clauses of the *other* documents, and the categories of the fold's facts are predicted as the
pipeline predicts them (the figure's subject and its sentence). The same folds are scored with
the invented data alone, so the gain from real clauses is measured on documents the model has not
seen. ``python -m evaluation.category_cv [--gold DIR] [--folds K]``.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

from evaluation.gold import find_document, read_original
from evaluation.splits import shared_root
from nlp.categories.categorize import build_estimator, training_examples

GOLD_DEV = Path(__file__).parent / "gold" / "dev"
SENTENCE_END = re.compile(r"[。！？!?\n]")


@dataclass(frozen=True)
class Case:
    doc: str
    text: str  # subject + sentence, as the pipeline reads a figure
    category: str


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` holding [start, end).

    >>> sentence_around("开展活动3次。现有党员41名,其中女党员9名。", 9, 12)
    '现有党员41名,其中女党员9名。'
    """
    left = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    right = SENTENCE_END.search(text, end)
    return text[left : right.end() if right else len(text)].strip()


def cases(gold_dir: Path, docs: list[Path]) -> list[Case]:
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found = find_document(data["doc"], docs)
        if found is None:
            continue
        text = read_original(found)
        for fact in data["facts"]:
            at = text.find(fact["quote"])
            if at < 0:
                continue
            sentence = sentence_around(text, at, at + len(fact["quote"]))
            out.append(Case(data["doc"], f"{fact.get('subject') or ''} {sentence}", fact["category"]))
    return out


def estimate(gold_dir: Path, docs: list[Path], folds: int = 5) -> dict[str, float | int]:
    all_cases = cases(gold_dir, docs)
    names = sorted({c.doc for c in all_cases})
    base_texts, base_labels = training_examples()
    base = build_estimator().fit(base_texts, base_labels)
    right_base = right_gold = 0
    for k in range(folds):
        held = frozenset(names[k::folds])
        texts, labels = training_examples(gold_dir=gold_dir, exclude=held)
        model = build_estimator().fit(texts, labels)
        fold = [c for c in all_cases if c.doc in held]
        if not fold:
            continue
        inputs = [c.text for c in fold]
        right_base += sum(p == c.category for p, c in zip(base.predict(inputs), fold, strict=True))
        right_gold += sum(p == c.category for p, c in zip(model.predict(inputs), fold, strict=True))
    n = len(all_cases)
    return {
        "facts": n,
        "documents": len(names),
        "folds": folds,
        "invented_data_only": round(right_base / n, 3),
        "with_real_clauses_of_other_documents": round(right_gold / n, 3),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_DEV)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    corpus = shared_root() / "corpus"
    docs = [corpus / "seeds", corpus / "dev", corpus / "long"]
    print(json.dumps(estimate(args.gold, docs, args.folds), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
