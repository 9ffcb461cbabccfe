"""Blind labels of candidate numbers in the long reports, outside their annotated excerpts: an
unseen-like measure of the look-alike decision (tenth session, ACC10 step 1).

    python -m evaluation.lookalike_long sample [--n 260]   # print the sample, sentence and span only
    python -m evaluation.lookalike_long score [-v]         # compare the saved labels with the pipeline

``sample`` draws candidates (every number ``nlp.figures.quantities.find_candidates`` reads with a
unit, a magnitude or a rate word, the ones a rule rejects included) from ``corpus/long/`` with a
fixed seed, leaving out those inside the excerpts of evaluation/gold/dev/facts/ (annotated and
trained on), and prints each as its sentence with the number marked 【…】 — never the pipeline's
decision, so that the labels are blind. The labels (``F`` a figure, ``L`` a look-alike, by SPEC
section 6 and GUIDELINES) live in evaluation/lookalike_long/labels.tsv, one line a candidate: id,
document, original start and end, the span, the label, a note.

``score`` parses each document with the whole pipeline and counts a candidate *taken* when a fact
overlaps its span. The rejection's precision and recall (a look-alike is the positive class) and
the share of look-alikes among the taken candidates are printed; ``-v`` lists the disagreements.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation import excerpt_facts
from evaluation.gold import gold_files, read_gold_json
from evaluation.splits import gold_dir, shared_root

LABEL_DIR = Path(__file__).resolve().parent / "lookalike_long"
LABELS = LABEL_DIR / "labels.tsv"  # the first sample (seed 20261207)
SEED = 20261207
SENTENCE_STOPS = "。！？；\n"


@dataclass(frozen=True)
class Item:
    id: str
    doc: str
    start: int  # offsets in the document's original text
    end: int
    span: str


FOLDERS = ("long", "seeds", "dev")  # the shared corpus' folders a sample may draw from (never fresh/)


def long_dir() -> Path:
    return shared_root() / "corpus" / "long"


def doc_path(doc: str) -> Path:
    """The document ``doc`` (a file name) in the first of ``FOLDERS`` that holds it."""
    for folder in FOLDERS:
        path = shared_root() / "corpus" / folder / doc
        if path.exists():
            return path
    raise FileNotFoundError(doc)


def _excerpt_areas(doc: str, original: str) -> list[tuple[int, int]]:
    folder = gold_dir("dev") / excerpt_facts.FOLDER
    for path in gold_files(folder) if folder.is_dir() else ():
        gold = excerpt_facts.excerpt_gold_from_dict(read_gold_json(path), str(path))
        if gold.doc == doc:
            return excerpt_facts.excerpt_spans(gold, original)
    return []


def candidates(path: Path) -> Iterator[Item]:
    """The candidates of one long report outside its annotated excerpts, in original offsets."""
    from corpus.readers import read_path
    from nlp.figures.quantities import find_candidates
    from nlp.text.normalize import normalize

    original = read_path(path).text
    areas = _excerpt_areas(path.name, original)
    normalized = normalize(original)
    for c in find_candidates(normalized.text):
        q = c.quantity
        start, end = normalized.to_original(q.norm_start, q.norm_end)
        if excerpt_facts.inside((start, end), areas):
            continue
        yield Item(f"{path.stem}:{start}", path.name, start, end, original[start:end])


def sentence(original: str, start: int, end: int, reach: int = 70) -> str:
    """The sentence around ``start``–``end`` with the span marked 【…】 (at most ``reach`` characters
    on either side)."""
    left = max(original.rfind(c, max(0, start - reach), start) for c in SENTENCE_STOPS)
    left = left + 1 if left >= 0 else max(0, start - reach)
    rights = [i for c in SENTENCE_STOPS if (i := original.find(c, end, end + reach)) >= 0]
    right = min(rights) + 1 if rights else min(len(original), end + reach)
    return (original[left:start] + "【" + original[start:end] + "】" + original[end:right]).replace("\n", " ")


def sample(
    n: int, seed: int = SEED, exclude: frozenset[str] = frozenset(), folders: Sequence[str] = ("long",)
) -> list[Item]:
    """``n`` candidates drawn with ``seed``, none of the ids in ``exclude`` (an earlier sample's), from
    the documents of ``folders`` (the long reports alone by default, as the first three samples)."""
    paths = [p for folder in folders for p in sorted((shared_root() / "corpus" / folder).glob("*.txt"))]
    items = [item for path in paths for item in candidates(path) if item.id not in exclude]
    rng = random.Random(seed)
    chosen = rng.sample(items, min(n, len(items)))
    return sorted(chosen, key=lambda it: (it.doc, it.start))


def read_labels(path: Path = LABELS) -> list[tuple[Item, str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return [(Item(r[0], r[1], int(r[2]), int(r[3]), r[4]), r[5], r[6] if len(r) > 6 else "") for r in rows[1:]]


def _fact_spans(doc: str, snapshot: Path | None) -> list[tuple[int, int]]:
    """The facts' spans of one long report: parsed now, or read from ``evaluation.snapshot`` records."""
    path = doc_path(doc)
    if snapshot is not None:
        record = json.loads((snapshot / f"{path.parent.name}__{path.stem}.json").read_text(encoding="utf-8"))
        return [(f["start"], f["end"]) for f in record["facts"]]
    from corpus.readers import read_path
    from nlp.pipeline import parse_raw

    return [(f.start, f.end) for f in parse_raw(read_path(path)).facts]


def taken(labels: Sequence[tuple[Item, str, str]], snapshot: Path | None = None) -> dict[str, bool]:
    """Whether the whole pipeline (or the records of ``snapshot``) makes a fact overlapping each
    labelled candidate."""
    out = {}
    for doc in sorted({item.doc for item, _, _ in labels}):
        spans = _fact_spans(doc, snapshot)
        for item, _, _ in labels:
            if item.doc == doc:
                out[item.id] = any(a < item.end and item.start < b for a, b in spans)
    return out


def score(labels: Sequence[tuple[Item, str, str]], kept: dict[str, bool]) -> dict:
    """Rejection precision and recall (a look-alike is the positive class) and look-alikes taken."""
    tp = sum(lab == "L" and not kept[it.id] for it, lab, _ in labels)  # look-alike rejected
    fp = sum(lab == "F" and not kept[it.id] for it, lab, _ in labels)  # figure rejected
    fn = sum(lab == "L" and kept[it.id] for it, lab, _ in labels)  # look-alike taken
    taken_n = sum(kept[it.id] for it, lab, _ in labels if lab in "FL")
    return {
        "labelled": sum(lab in "FL" for _, lab, _ in labels),
        "lookalikes": tp + fn,
        "rejection_p": round(tp / (tp + fp), 3) if tp + fp else None,
        "rejection_r": round(tp / (tp + fn), 3) if tp + fn else None,
        "lookalikes_taken": f"{fn}/{taken_n} = {100 * fn / taken_n:.1f} %" if taken_n else None,
        "figures_rejected": fp,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.lookalike_long", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample", help="print the sample: id and sentence with the number marked")
    s.add_argument("--n", type=int, default=260)
    s.add_argument("--seed", type=int, default=SEED)
    s.add_argument("--exclude", type=Path, action="append", default=[], help="a label file whose ids to leave out")
    s.add_argument("--folders", default="long", help=f"comma-separated corpus folders among {', '.join(FOLDERS)}")
    c = sub.add_parser("score", help="compare the saved labels with the pipeline")
    c.add_argument("--labels", type=Path, action="append", default=[], help=f"label file(s) (default {LABELS.name})")
    c.add_argument("--snapshot", type=Path, default=None, help="score the records of this evaluation.snapshot --out")
    c.add_argument("-v", "--verbose", action="store_true", help="list the disagreements")
    args = ap.parse_args(argv)
    if args.command == "sample":
        from corpus.readers import read_path

        texts: dict[str, str] = {}
        exclude = frozenset(item.id for path in args.exclude for item, _, _ in read_labels(path))
        folders = [f for f in args.folders.split(",") if f in FOLDERS]
        for item in sample(args.n, args.seed, exclude, folders):
            original = texts.setdefault(item.doc, read_path(doc_path(item.doc)).text)
            span = item.span.replace("\n", "\\n")
            print(item.id, item.doc, item.start, item.end, span, sentence(original, item.start, item.end), sep="\t")
        return 0
    labels = [row for path in args.labels or [LABELS] for row in read_labels(path)]
    kept = taken(labels, args.snapshot)
    print(score(labels, kept))
    if args.verbose:
        for item, lab, note in labels:
            if lab in "FL" and (lab == "L") == kept[item.id]:
                what = "look-alike taken" if lab == "L" else "figure rejected"
                print(f"{what:17} {item.id} {item.span!r} {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
