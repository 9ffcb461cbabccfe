"""Planned or done, measured on the 13 long government reports by blind labels (tenth session).

    python -m evaluation.planned_long sample            # list the sample to label (no verdicts shown)
    python -m evaluation.planned_long score [--errors]  # the pipeline against the saved labels

``sample`` picks ``PER_DOC`` figures the pipeline finds in each report of corpus/long, stratified
over the report's top-level sections (round robin over them, a seeded shuffle inside each), and
prints for each only its key, its heading path and its sentence with the figure marked 【…】 — never
the pipeline's ``planned`` — so that the labels in ``evaluation/gold/planned_long/labels.tsv`` are
written blind, from SPEC and GUIDELINES (a label file: it quotes the corpus, so it lives under evaluation/gold/). ``score`` runs the pipeline again, finds each labelled
figure by its original offsets and reports the agreement (per report, per label, and overall).

The labels file is tab-separated: ``key`` (report:start-end, original offsets), ``planned`` (1 or 0),
``figure`` (as written), ``note`` (the call, when it was a hard one), ``sentence`` (quoted: label
files may quote the corpus, code and resources may not).
"""

from __future__ import annotations

import csv
import random
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from evaluation.splits import doc_folders

PER_DOC = 23
SEED = 10
LABELS = Path(__file__).parent / "gold" / "planned_long" / "labels.tsv"
SENTENCE_REACH = 160  # characters of the sentence shown on each side of the figure


@dataclass(frozen=True)
class Item:
    key: str  # report:start-end (original offsets)
    report: str
    path: str  # heading path, outermost first
    sentence: str  # with the figure marked 【…】
    figure: str
    planned: bool  # the pipeline's verdict (never printed by ``sample``)


def long_reports() -> list[Path]:
    for folder in doc_folders("dev"):
        if folder.name == "long":
            return sorted(folder.glob("L*.txt"))
    return []


def items_of(path: Path) -> list[Item]:
    """Every figure the pipeline finds in one report, with its heading path and sentence."""
    from corpus.readers import read_path
    from nlp.pipeline import parse_raw

    parsed = parse_raw(read_path(path), disable=("checks",))
    doc = parsed.text
    by_id = {s.id: s for s in parsed.sections}
    out = []
    for fact in parsed.facts:
        chain = []
        section = by_id.get(fact.section) if fact.section is not None else None
        while section is not None:
            chain.append(section.heading[:30])
            section = by_id.get(section.parent) if section.parent is not None else None
        sentence = doc.sentence_at(fact.norm_start)
        s0, s1 = (sentence.norm_start, sentence.norm_end) if sentence else (fact.norm_start, fact.norm_end)
        s0, s1 = max(s0, fact.norm_start - SENTENCE_REACH), min(s1, fact.norm_end + SENTENCE_REACH)
        text = doc.text
        marked = text[s0 : fact.norm_start] + "【" + text[fact.norm_start : fact.norm_end] + "】" + text[fact.norm_end : s1]
        out.append(Item(f"{path.stem}:{fact.start}-{fact.end}", path.stem, " > ".join(reversed(chain)),
                        _flat(marked), _flat(fact.text), fact.planned))
    return out


def _flat(text: str) -> str:
    return text.replace("\r", "").replace("\n", "⏎").replace("\t", " ")


def sample(items: list[Item], per_doc: int = PER_DOC, seed: int = SEED) -> list[Item]:
    """``per_doc`` items, round robin over the top-level sections (a seeded shuffle inside each);
    one item per sentence."""
    rng = random.Random(seed)
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[item.path.split(" > ")[0]].append(item)
    for group in groups.values():
        rng.shuffle(group)
    chosen: list[Item] = []
    seen: set[str] = set()
    order = sorted(groups)
    while len(chosen) < per_doc and any(groups.values()):
        for name in order:
            while groups[name]:
                item = groups[name].pop()
                sentence_key = item.sentence.replace(f"【{item.figure}】", item.figure)
                if sentence_key in seen:
                    continue
                seen.add(sentence_key)
                chosen.append(item)
                break
            if len(chosen) >= per_doc:
                break
    return chosen


def read_labels(path: Path = LABELS) -> dict[str, bool]:
    with path.open(encoding="utf-8") as f:
        return {row["key"]: row["planned"] == "1" for row in csv.DictReader(f, delimiter="\t")}


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "score"
    reports = long_reports()
    if not reports:
        print("corpus/long not found (set ZONGJIE_SHARED): nothing to measure")
        return
    if command == "sample":
        for report in reports:
            for item in sample(items_of(report)):
                print(f"{item.key}\t{item.figure}\t{item.path}\t{item.sentence}")
        return
    labels = read_labels()
    found = {item.key: item for report in reports for item in items_of(report)}
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    missing = 0
    for key, gold in labels.items():
        item = found.get(key)
        if item is None:
            missing += 1
            continue
        for group in (item.report, f"gold {'planned' if gold else 'done'}", "all"):
            right[group][0] += item.planned == gold
            right[group][1] += 1
        if "--errors" in argv and item.planned != gold:
            print(f"  wrong (gold {int(gold)}): {key} {item.path[:40]} | {item.sentence}")
    for group, (ok, n) in sorted(right.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        print(f"{group:14s} {ok:4d}/{n:<4d} {ok / n:.3f}")
    print(f"labelled figures the pipeline no longer finds: {missing}")


if __name__ == "__main__":
    main(sys.argv[1:])
