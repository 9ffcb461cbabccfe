"""Train the heading decisions on the gold headings and measure them by leave-documents-out cross-validation.

    python -m evaluation.heading_train            # cross-validation only: rules vs models, per fold
    python -m evaluation.heading_train --write    # also fit on every document, write models/heading.json

Two decisions are learned, both from the dev gold (evaluation/gold/dev, 30 documents) and the
headings-only gold of the 13 long reports (evaluation/gold/dev/headings):
- **is this candidate line a heading** (``nlp.text.heading_model``): each document is walked by the
  outline (``nlp.text.outline.build_outline``) with an *oracle* for a decision: a candidate line is a
  heading when the gold has a heading of its level whose text it begins with. The walk records every
  candidate's features and that answer; the gold headings are the positives, the other candidate
  lines the negatives. Because the walk follows the gold, the grammar features are those of a
  correct outline.
- **where does a run-on heading end** (``nlp.text.heading_end``): the same walk collects, for each
  matched heading, its phrase as the grammar cut it and the gold end (``evaluation.heading_end_data``).

Cross-validation holds out whole documents (``FOLDS`` groups): the models are fitted on the others,
and the held-out documents are outlined with them and scored on (level, text) exactly as
``zongjie evaluate`` scores headings, for the dev and the long documents separately. The rules need no
fitting, so their figure is the same with or without folds — and flattered, since they were tuned on
these very documents. Each held-out document is scored as it is and with its headings glued to their
paragraphs (``heading_augment.glued_copy``). The end model is trained with augmented copies of the
training documents (``evaluation.heading_augment``, ``END_AUGMENT``; ``--no-augment`` for without).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.gold import GoldDoc, find_document, gold_files, load_gold
from evaluation.heading_augment import END_AUGMENT, augmenter, end_examples, glued_copy
from evaluation.heading_end_data import C as END_C
from evaluation.heading_end_data import EndExample, end_accuracy, end_example, fit_end
from evaluation.scorer import strip_heading
from evaluation.splits import doc_folders, gold_dir
from nlp.records import Normalized
from nlp.text.heading_end import learned_end
from nlp.text.heading_model import (
    FEATURES,
    MODEL_PATH,
    VETO,
    Candidate,
    HeadingModel,
    features,
    rule_decision,
)
from nlp.text.heading_words import chrome_words
from nlp.text.normalize import normalize
from nlp.text.outline import build_outline

FOLDS = 5
C = 1.0
THRESHOLD = 0.5
# Thresholds of the heading-end model compared by cross-validation.
END_THRESHOLDS = (0.4, 0.5, 0.6, 0.7)


@dataclass(frozen=True)
class Doc:
    name: str
    gold: GoldDoc
    norm: Normalized
    group: str  # "dev", "long", or "glued" (a held-out copy with its headings glued, CV only)


def _load(
    gold_folder: Path, doc_dirs: Sequence[Path], group: str, skip: Callable[[str], bool] = lambda name: False
) -> list[Doc]:
    from corpus.readers import read_path

    docs = []
    for path in gold_files(gold_folder) if gold_folder.is_dir() else []:
        if skip(path.stem):
            continue  # never read (a held-out check set)
        gold = load_gold(path)
        found = find_document(gold.doc, doc_dirs)
        if found is not None:
            docs.append(Doc(gold.doc, gold, normalize(read_path(found).text), group))
    return docs


def load_dev() -> list[Doc]:
    """The dev gold documents with their normalized texts (documents not found are skipped)."""
    return _load(gold_dir("dev"), doc_folders("dev"), "dev")


def load_long() -> list[Doc]:
    """The long reports of the headings-only gold (evaluation/gold/dev/headings)."""
    return _load(gold_dir("dev") / "headings", doc_folders("dev"), "long")


def load_all() -> list[Doc]:
    return load_dev() + load_long()


def _key(text: str) -> str:
    return strip_heading(normalize(text).text)


def walk(doc: Doc) -> tuple[list[tuple[dict[str, float], bool]], list[EndExample]]:
    """Every candidate of ``doc`` with its features and whether the gold calls it a heading, and the
    heading-end examples of the headings matched (the walk uses the grammar's cut only)."""
    wanted = Counter((h.level, _key(h.text)) for h in doc.gold.headings)
    rows: list[tuple[dict[str, float], bool]] = []
    ends: list[EndExample] = []

    def oracle(c: Candidate) -> bool:
        line = strip_heading(c.phrase + c.rest)
        match = next(
            (k for k in wanted if wanted[k] > 0 and k[0] == c.level and k[1] and line.startswith(k[1])), None
        )
        if match is not None:
            wanted[match] -= 1
            example = end_example(c.phrase + c.rest, match[1], c.nxt) if c.kind else None
            if example is not None:
                ends.append(example)
        rows.append((features(c), match is not None))
        return match is not None

    build_outline(doc.norm, decide=oracle, end=_whole)
    return rows, ends


def _whole(phrase: str, rest: str, words: object = None) -> int:
    return len(phrase)


def candidate_rows(doc: Doc) -> list[tuple[dict[str, float], bool]]:
    """Every candidate of ``doc`` with its features and whether the gold calls it a heading."""
    return walk(doc)[0]


def fit(rows: Sequence[tuple[dict[str, float], bool]], c: float = C, threshold: float = THRESHOLD) -> HeadingModel:
    """A standardized logistic regression over the rows, as a ``HeadingModel``."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([[r[0][n] for n in FEATURES] for r in rows])
    y = np.array([r[1] for r in rows])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    lr = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit((x - scaler.mean_) / scale, y)
    return HeadingModel(
        FEATURES, tuple(map(float, scaler.mean_)), tuple(map(float, scale)), tuple(map(float, lr.coef_[0])),
        float(lr.intercept_[0]), threshold,
    )


def heading_counts(
    doc: Doc, decide: Callable[[Candidate], bool], end: Callable[..., int] = _whole
) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of the outline ``decide`` and ``end`` give ``doc``."""
    gold = Counter((h.level, strip_heading(h.text)) for h in doc.gold.headings)
    pred = Counter((s.level, strip_heading(s.heading)) for s in build_outline(doc.norm, decide=decide, end=end))
    tp = sum((gold & pred).values())
    return tp, sum(pred.values()) - tp, sum(gold.values()) - tp


def prf(counts: Sequence[tuple[int, int, int]]) -> tuple[float, float, float]:
    tp, fp, fn = (sum(c[i] for c in counts) for i in range(3))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _rules(c: Candidate) -> bool:
    return rule_decision(c) and not c.after_chrome and not chrome_words(c.phrase)


# Ways of combining the grammar with the model; each is scored by the cross-validation.
COMBINED: dict[str, Callable[[Candidate, HeadingModel], bool]] = {
    "rules_and_model": lambda c, m: _rules(c) and m.decide(c),
    "rules_veto (shipped)": lambda c, m: _rules(c) and m.probability(c) >= VETO,
    "rules_or_0.9": lambda c, m: _rules(c) or m.decide(c) and m.probability(c) >= 0.9,
    "veto_or_0.9": lambda c, m: (_rules(c) and m.probability(c) >= VETO) or (m.decide(c) and m.probability(c) >= 0.9),
    # numbered lines: the grammar proposes, the model vetoes; unnumbered lines: the model decides
    "veto numbered, model unnumbered ≥ 0.5": lambda c, m: (
        (_rules(c) and m.probability(c) >= VETO) if c.kind else (m.decide(c) and not chrome_words(c.phrase))
    ),
    "veto numbered, rules or model unnumbered ≥ 0.5": lambda c, m: (
        (_rules(c) and m.probability(c) >= VETO) if c.kind else (_rules(c) or m.decide(c))
    ),
}


def cross_validate(
    docs: Sequence[Doc], folds: int = FOLDS, augment: Callable[[Doc], list[Doc]] | None = None,
    augment_lines: bool = True,
) -> dict[str, dict[str, tuple[float, float, float]]]:
    """Headings P/R/F1 of the rules and the model variants, documents held out by folds, for each
    group of documents (dev, long) and all; the end model at each threshold of ``END_THRESHOLDS``.
    ``augment`` gives a document's augmented copies (``evaluation.heading_augment``), added to the
    training folds only (to the line model's rows too when ``augment_lines``)."""
    walks = [walk(d) for d in docs]
    extra = [[walk(a) for a in augment(d)] if augment else [] for d in docs]
    names = ("rules", "model", *COMBINED, *(f"shipped + end model ≥ {t}" for t in END_THRESHOLDS))
    results: dict[str, dict[str, list[tuple[int, int, int]]]] = {
        n: {"dev": [], "long": [], "glued": []} for n in names
    }
    glued = [glued_copy(d) for d in docs]
    end_hits = {t: [0, 0] for t in END_THRESHOLDS}
    for k in range(folds):
        held = [i for i in range(len(docs)) if i % folds == k]
        train = [i for i in range(len(docs)) if i not in held]
        model = fit([row for i in train for row in walks[i][0]] + (
            [row for i in train for w in extra[i] for row in w[0]] if augment_lines else []
        ))
        ends = [ex for i in train for ex in walks[i][1]] + [ex for i in train for w in extra[i] for ex in w[1]]
        end_models = {t: fit_end(ends, t) for t in END_THRESHOLDS}
        for i in held:
            doc, out = docs[i], {}
            out["rules"] = heading_counts(doc, _rules)
            out["model"] = heading_counts(doc, model.decide)
            for name, combine in COMBINED.items():
                out[name] = heading_counts(doc, lambda c, m=model, f=combine: f(c, m))
            for t, end_model in end_models.items():
                shipped = COMBINED["rules_veto (shipped)"]
                out[f"shipped + end model ≥ {t}"] = heading_counts(
                    doc, lambda c, m=model, f=shipped: f(c, m), lambda p, r, w, e=end_model: learned_end(p, r, w, e)
                )
                if glued[i] is not None:  # the held-out document with its headings glued to their paragraphs
                    results[f"shipped + end model ≥ {t}"]["glued"].append(
                        heading_counts(
                            glued[i],
                            lambda c, m=model, f=shipped: f(c, m),
                            lambda p, r, w, e=end_model: learned_end(p, r, w, e),
                        )
                    )
                hit, n = end_accuracy(end_model, walks[i][1])
                end_hits[t][0] += hit
                end_hits[t][1] += n
            for name, counts in out.items():
                results[name][doc.group].append(counts)
    table = {
        name: {"dev": prf(g["dev"]), "long": prf(g["long"]), "all": prf(g["dev"] + g["long"])}
        | ({"glued": prf(g["glued"])} if g["glued"] else {})
        for name, g in results.items()
    }
    for t, (hit, n) in end_hits.items():
        table[f"end model ≥ {t}: exact ends"] = {"all": (hit / n if n else 1.0, float(n), 0.0)}
    return table


def best_threshold(cv: dict[str, dict[str, tuple[float, float, float]]]) -> float:
    """The end model's threshold with the best CV headings F1 over all documents; on a tie (the gold
    documents have few headings glued to their paragraph, so that F1 rarely tells thresholds apart),
    the best F1 on the community reports (the dev group: a tie over all may trade a community report's
    heading for a long government report's), then on the held-out documents with their headings glued
    (``glued_copy``), then the lower."""

    def key(t: float) -> tuple[float, float, float, float]:
        row = cv[f"shipped + end model ≥ {t}"]
        dev, glued = row.get("dev", (0.0, 0.0, 0.0)), row.get("glued", (0.0, 0.0, 0.0))
        return round(row["all"][2], 4), round(dev[2], 4), round(glued[2], 4), -t

    return max(END_THRESHOLDS, key=key)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="fit on all documents and write the models")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--no-augment", action="store_true", help="train the end model on the real documents only")
    args = parser.parse_args(argv)
    docs = load_all()
    walks = [walk(d) for d in docs]
    rows = [row for w in walks for row in w[0]]
    augment = None if args.no_augment else augmenter(END_AUGMENT)
    ends = end_examples(docs, walks, augment)
    groups = Counter(d.group for d in docs)
    real = sum(len(w[1]) for w in walks)
    augmented = f"{len(ends) - real} from augmented copies ({END_AUGMENT.name})" if augment else "no augmentation"
    print(f"{groups['dev']} dev + {groups['long']} long documents, {len(rows)} candidate lines, "
          f"{sum(r[1] for r in rows)} gold headings among them; {real} heading-end examples "
          f"({sum(e.glued for e in ends[:real])} glued) + {augmented}")
    cv = cross_validate(docs, augment=augment, augment_lines=False)
    for name, by_group in cv.items():
        if name.endswith("exact ends"):
            share, n, _ = by_group["all"]
            print(f"{name:34s} {share:.3f} of {int(n)} examples")
            continue
        cells = "   ".join(f"{g} P {p:.3f} R {r:.3f} F1 {f:.3f}" for g, (p, r, f) in by_group.items())
        print(f"{name:34s} {cells}")
    threshold = best_threshold(cv)
    print(f"end model threshold chosen by CV: {threshold}")
    if args.write:
        model = fit(rows)
        end_model = fit_end(ends, threshold)
        card = {
            "trained_on": f"evaluation/gold/dev ({groups['dev']} documents) and evaluation/gold/dev/headings "
            f"({groups['long']} long reports): {len(rows)} candidate lines, {real} heading-end examples + {augmented}",
            "cross_validation": {name: {g: [round(x, 3) for x in v] for g, v in by.items()} for name, by in cv.items()},
            "folds": FOLDS, "C": C, "end_C": END_C, "end_threshold": threshold,
            "end_augment": END_AUGMENT.name if augment else None,
        }
        args.out.write_text(
            json.dumps({"card": card, "model": model.to_dict(), "end_model": end_model.to_dict()},
                       ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
