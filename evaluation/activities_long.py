"""Activities on sentences of the long reports, labelled blind: a held-out measure of the activity stage.

    python -m evaluation.activities_long --sample        # print the sampled sentences (to label them)
    python -m evaluation.activities_long [--part held_out|train|all] [--errors] [--json]

The 13 long reports (``../shared/corpus/long``) have no full activity gold. This measure samples,
with a fixed seed, sentences of 8 of them (26 each, drawn in two rounds of 14 and 12: a paragraph of a government report holds 20–40
activities, too many to label in one sitting; a sentence is the unit here), never from a line
already annotated in ``evaluation/gold/dev/activities/`` (training data of the tagger). The labels,
``evaluation/gold/activities_long/labels.json``, were written from the sentences alone, following
``evaluation/gold/GUIDELINES.md`` (Activities), and committed before the pipeline was run on them.

Each labelled sentence is a ``unit`` (a quote of it, unique in the document); a predicted activity
counts when its span lies inside a unit. Matching is ``zongjie evaluate``'s (``score_activities``):
a predicted name matches a gold one when its span overlaps the first occurrence of the gold name in
the unique gold quote, one-to-one, nearest first; kind and category accuracy on matched pairs.

A third round (act17, ``labels3.json``, ``--round 3``): 20 more sentences of each of 11 reports
(``sample_round3``, seed ``act17``; L03 holds its text twice, so no sentence is unique, and L05's PDF
wraps leave none that fits), none drawn before, labelled blind the same way and re-read once against
the guidelines (the corrections are listed in the file), committed before the pipeline read them.

The sample is split in two by document (``HELD_OUT``): a change may be trained or tuned on the
``train`` part; the ``held_out`` part is reported separately so that before → after stays honest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.gold import GoldActivity, inner_span, quote_span
from evaluation.scorer import Counts, Tally, counts_from, match_nearest, tally

SEED = 1207
N_DOCS = 8
PER_DOC = 14
EXTRA_PER_DOC = 12  # a second draw from the sentences left, added when the first gave too few activities
MIN_LEN, MAX_LEN = 30, 150
LABELS = Path(__file__).resolve().parent / "gold" / "activities_long" / "labels.json"
# The third round (act17): sentences of all 13 reports not drawn before, labelled blind as the first two.
LABELS_3 = LABELS.with_name("labels3.json")
SEED_3 = "act17"
PER_DOC_3 = 20  # L03 (its text twice over: no sentence is unique) and L05 (PDF wraps) give none
ANNOTATED = Path(__file__).resolve().parent / "gold" / "dev" / "activities"
# Four of the eight sampled reports with no line in any training gold, chosen before the first run.
HELD_OUT = ("L01", "L04", "L10", "L13", "L08")
# L08 joined with the third round (chosen before it was drawn): no line of it in any training gold;
# L02 (no training line either), L07 and L09 (whose other lines are training gold) are train.
_SENTENCE = re.compile(r"[^。！？!?\r\n]*[。！？!?]")


def long_dir() -> Path:
    shared = Path(os.environ.get("ZONGJIE_SHARED", Path(__file__).resolve().parent.parent.parent / "shared"))
    return shared / "corpus" / "long"


def _annotated_lines(doc: str, text: str) -> list[tuple[int, int]]:
    path = ANNOTATED / f"{doc}.json"
    if not path.exists():
        return []
    spans = []
    for quote in json.loads(path.read_text(encoding="utf-8")).get("excerpts", []):
        at = text.find(quote)
        if at >= 0:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            spans.append((start, len(text) if end < 0 else end))
    return spans


def candidate_sentences(doc: str, text: str) -> list[str]:
    """Sentences of fitting length, unique in the document, outside the lines already annotated."""
    taken = _annotated_lines(doc, text)
    out = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0).strip()
        if not MIN_LEN <= len(sentence) <= MAX_LEN or "\\" in sentence:
            continue
        start = text.find(sentence)
        if text.count(sentence) != 1 or any(a <= start < b for a, b in taken):
            continue
        out.append(sentence)
    return out


def sample(folder: Path | None = None) -> dict[str, list[str]]:
    """The sampled sentences per report (fixed seed), in document order."""
    folder = folder or long_dir()
    rng = random.Random(SEED)
    docs = sorted(p.stem for p in folder.glob("L*.txt"))
    out = {}
    for doc in sorted(rng.sample(docs, N_DOCS)):
        text = (folder / f"{doc}.txt").read_text(encoding="utf-8")
        cands = candidate_sentences(doc, text)
        first = random.Random(f"{SEED}-{doc}").sample(range(len(cands)), min(PER_DOC, len(cands)))
        left = sorted(set(range(len(cands))) - set(first))
        second = random.Random(f"{SEED}-{doc}-2").sample(left, min(EXTRA_PER_DOC, len(left)))
        out[doc] = [cands[i] for i in sorted(first + second)]
    return out


def sample_round3(folder: Path | None = None, labels: Path = LABELS) -> dict[str, list[str]]:
    """The third round: up to ``PER_DOC_3`` sentences of every report, none drawn before."""
    folder = folder or long_dir()
    done = json.loads(labels.read_text(encoding="utf-8"))["documents"] if labels.exists() else {}
    out = {}
    for path in sorted(folder.glob("L*.txt")):
        doc = path.stem
        taken = set(done.get(doc, {}).get("units", ()))
        cands = [c for c in candidate_sentences(doc, path.read_text(encoding="utf-8")) if c not in taken]
        picked = random.Random(f"{SEED_3}-{doc}").sample(range(len(cands)), min(PER_DOC_3, len(cands)))
        if picked:
            out[doc] = [cands[i] for i in sorted(picked)]
    return out


@dataclass(frozen=True)
class Result:
    counts: Counts
    kind: Tally
    category: Tally
    exact: Tally
    errors: tuple[str, ...]


def _gold(entries: Sequence[dict]) -> list[GoldActivity]:
    return [
        GoldActivity(e["quote"], e["name"], e["kind"], e["category"], bool(e["planned"])) for e in entries
    ]


def score_doc(doc: str, units: Sequence[str], gold: Sequence[GoldActivity], parse) -> Result:
    text = parse.original
    unit_spans = []
    for u in units:
        span = quote_span(text, u)
        if span is None:
            raise ValueError(f"{doc}: unit {u[:20]!r} does not occur exactly once")
        unit_spans.append(span)
    gspans = []
    for a in gold:
        span = inner_span(text, a.quote, a.name)
        if span is None or not any(s <= span[0] and span[1] <= e for s, e in unit_spans):
            raise ValueError(f"{doc}: activity {a.quote!r}/{a.name!r} not found once inside a unit")
        gspans.append(span)
    preds = [p for p in parse.activities if any(s <= p.start and p.end <= e for s, e in unit_spans)]
    pairs = match_nearest(gspans, [(p.start, p.end) for p in preds])
    kinds = [gold[g].kind == str(preds[p].kind) for g, p in pairs]
    cats = [gold[g].category == str(preds[p].category) for g, p in pairs]
    exact = [gspans[g] == (preds[p].start, preds[p].end) for g, p in pairs]
    matched_g = {g for g, _ in pairs}
    matched_p = {p for _, p in pairs}
    errors = [f"{doc} FN {a.name} [{a.kind}] in {a.quote}" for i, a in enumerate(gold) if i not in matched_g]
    errors += [f"{doc} FP {p.text} [{p.kind}]" for i, p in enumerate(preds) if i not in matched_p]
    errors += [
        f"{doc} KIND {gold[g].name}: gold {gold[g].kind}, pred {preds[p].kind} ({preds[p].text})"
        for g, p in pairs
        if gold[g].kind != str(preds[p].kind)
    ]
    errors += [
        f"{doc} SPAN {gold[g].name} -> {preds[p].text}"
        for g, p in pairs
        if gspans[g] != (preds[p].start, preds[p].end)
    ]
    return Result(
        counts_from(pairs, len(gold), len(preds)), tally(kinds), tally(cats), tally(exact), tuple(errors)
    )


def labelled(files: Sequence[Path] = (LABELS, LABELS_3)) -> list[tuple[str, dict]]:
    """(document, {units, activities}) of every label file, in file then document order."""
    out = []
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        out += sorted(data["documents"].items())
    return out


def run(part: str = "held_out", labels: Sequence[Path] = (LABELS, LABELS_3), folder: Path | None = None) -> Result:
    import nlp

    folder = folder or long_dir()
    total = Result(Counts(0, 0, 0), Tally(), Tally(), Tally(), ())
    parses: dict[str, object] = {}
    for doc, entry in labelled(labels):
        held = doc in HELD_OUT
        if (part == "held_out" and not held) or (part == "train" and held):
            continue
        if doc not in parses:
            parses[doc] = nlp.parse_file(folder / f"{doc}.txt")
        parse = parses[doc]
        r = score_doc(doc, entry["units"], _gold(entry["activities"]), parse)
        total = Result(
            total.counts + r.counts,
            total.kind + r.kind,
            total.category + r.category,
            total.exact + r.exact,
            total.errors + r.errors,
        )
    return total


def _fmt(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.3f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", action="store_true", help="print the sampled sentences and exit")
    ap.add_argument("--part", choices=("held_out", "train", "all"), default="all")
    ap.add_argument("--errors", action="store_true", help="list misses, false finds, kind and span errors")
    ap.add_argument(
        "--round",
        choices=("all", "1-2", "3"),
        default="all",
        help="labels of rounds 1-2 (labels.json), of round 3 (labels3.json) or both",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    files = {"all": (LABELS, LABELS_3), "1-2": (LABELS,), "3": (LABELS_3,)}[args.round]
    if args.sample:
        for doc, sentences in sample().items():
            for s in sentences:
                print(f"{doc}\t{s}")
        return 0
    parts = ("held_out", "train", "all") if args.part == "all" else (args.part,)
    rows = {}
    for part in parts:
        r = run(part, files)
        rows[part] = {
            "gold": r.counts.tp + r.counts.fn,
            "predicted": r.counts.tp + r.counts.fp,
            "matched": r.counts.tp,
            "precision": round(r.counts.precision, 3),
            "recall": round(r.counts.recall, 3),
            "f1": round(r.counts.f1, 3),
            "kind": r.kind.rate,
            "category": r.category.rate,
            "exact": r.exact.rate,
        }
        if args.errors and part == parts[-1]:
            for line in r.errors:
                print(line)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for part, row in rows.items():
        print(
            f"{part:9s} gold {row['gold']:3d} pred {row['predicted']:3d} matched {row['matched']:3d}  "
            f"P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}  kind {_fmt(row['kind'])} "
            f"category {_fmt(row['category'])} exact {_fmt(row['exact'])}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
