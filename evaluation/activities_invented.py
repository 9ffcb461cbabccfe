"""Activities on invented sentences of new wording, with answers written before the first run.

    python -m evaluation.activities_invented [--errors] [--json]

``evaluation/gold/activities_invented/cases.json`` holds sentences in the style of community work
summaries, one per error class of issue 12 and of the long-report measure
(``evaluation/activities_long.py``), each with the activities GUIDELINES.md (Activities) calls for.
Each sentence is read by the whole pipeline (``parse_text``) on its own. Matching is
``zongjie evaluate``'s: a predicted name matches an expected one when their spans overlap (the
expected name's first occurrence in the sentence), one-to-one, nearest first; kind on matched pairs.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from evaluation.scorer import Counts, Tally, counts_from, match_nearest, tally

CASES = Path(__file__).resolve().parent / "gold" / "activities_invented" / "cases.json"


def run(cases: Path = CASES) -> tuple[Counts, Tally, dict[str, Counts], list[str]]:
    from nlp.pipeline import parse_text

    data = json.loads(cases.read_text(encoding="utf-8"))
    total, kinds, by_class, errors = Counts(), Tally(), {}, []
    for case in data["cases"]:
        text = case["text"]
        expected = case["activities"]
        spans = [(text.find(name), text.find(name) + len(name)) for name, _ in expected]
        found = parse_text(text).activities
        pairs = match_nearest(spans, [(a.start, a.end) for a in found])
        counts = counts_from(pairs, len(expected), len(found))
        total += counts
        by_class[case["class"]] = by_class.get(case["class"], Counts()) + counts
        kinds += tally([expected[g][1] == str(found[p].kind) for g, p in pairs])
        got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
        errors += [
            f"FN {expected[g][0]} [{expected[g][1]}] in {text}"
            for g in range(len(expected))
            if g not in got_g
        ]
        errors += [
            f"FP {found[p].text} [{found[p].kind}] in {text}" for p in range(len(found)) if p not in got_p
        ]
        errors += [
            f"KIND {expected[g][0]}: {expected[g][1]}, pred {found[p].kind}"
            for g, p in pairs
            if expected[g][1] != str(found[p].kind)
        ]
    return total, kinds, by_class, errors


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    total, kinds, by_class, errors = run()
    row = {
        "expected": total.tp + total.fn,
        "predicted": total.tp + total.fp,
        "matched": total.tp,
        "precision": round(total.precision, 3),
        "recall": round(total.recall, 3),
        "f1": round(total.f1, 3),
        "kind": kinds.rate,
        "by_class": {k: {"tp": c.tp, "fp": c.fp, "fn": c.fn} for k, c in by_class.items()},
    }
    if args.json:
        print(json.dumps(row, ensure_ascii=False, indent=2))
        return 0
    kind = "-" if kinds.rate is None else f"{kinds.rate:.3f}"
    print(
        f"expected {row['expected']} predicted {row['predicted']} matched {row['matched']}  "
        f"P {row['precision']:.3f} R {row['recall']:.3f} F1 {row['f1']:.3f}  kind {kind}"
    )
    for name, c in by_class.items():
        print(f"  {name:14s} tp {c.tp:2d} fp {c.fp:2d} fn {c.fn:2d}")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
