"""Show where the pipeline and the gold facts disagree, field by field (a development aid).

    python -m evaluation.diff_facts evaluation/gold/dev [--docs DIR] [--field subject] [--missed] [--spurious]
    python -m evaluation.diff_facts evaluation/gold/dev/facts --missed --spurious   # facts-only excerpt files

For a facts-only excerpt file only the predictions inside its excerpts are shown, as the scorer counts them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation import excerpt_facts, splits
from evaluation.scorer import field_agreement, pred_breakdown, pred_scope, score_facts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--docs", type=Path, action="append", default=[])
    ap.add_argument("--field", action="append", default=[])
    ap.add_argument("--missed", action="store_true")
    ap.add_argument("--spurious", action="store_true")
    args = ap.parse_args()
    if not args.docs and args.gold_dir.name in splits.SPLITS:
        args.docs = splits.doc_folders(args.gold_dir.name)
    elif not args.docs and args.gold_dir.name == excerpt_facts.FOLDER and args.gold_dir.parent.name in splits.SPLITS:
        args.docs = splits.excerpt_doc_folders(args.gold_dir.parent.name)
    for gold, result, spans in excerpt_facts.parsed_with_gold(args.gold_dir, args.docs):
        _, pairs = score_facts(gold, result, spans)
        for gi, pi in pairs:
            g, p = gold.facts[gi], result.facts[pi]
            agreement = field_agreement(g, p)
            shown = {"breakdown": pred_breakdown(p), "scope": pred_scope(p)}
            for field in args.field:
                if not agreement[field]:
                    pred = shown[field] if field in shown else getattr(p, field)
                    print(f"{gold.doc}\t{field}\t{g.quote}\tgold={getattr(g, field)!r}\tpred={pred!r}\t[{p.text}]")
        if args.missed:
            matched = {gi for gi, _ in pairs}
            for gi, g in enumerate(gold.facts):
                if gi not in matched:
                    print(f"{gold.doc}\tMISSED\t{g.quote}\t{g.number_text}{g.unit}")
        if args.spurious:
            matched_p = {pi for _, pi in pairs}
            for pi, p in enumerate(result.facts):
                if pi not in matched_p:
                    s = max(0, p.start - 12)
                    ctx = result.original[s : p.end + 6].replace("\n", " ")
                    print(f"{gold.doc}\tSPURIOUS\t{p.text}\t{ctx}")


if __name__ == "__main__":
    main()
