"""Planned flags of facts and activities on invented community-report text (answers written first).

    python -m evaluation.planned_invented [--errors]

``evaluation/gold/planned_invented/cases.json`` holds short documents in the style of community
work summaries (plans after 明年/下一步/计划/拟, done statements inside plan sections, dated events,
deadlines, targets), each with the expected ``planned`` of its figures (by number text) and of its
activities (by name). Each document is read by the whole pipeline (``parse_text``). A figure is
matched to the predicted fact whose span holds the number's first occurrence, an activity to the
overlapping predicted activity (``zongjie evaluate``'s nearest one-to-one matching); ``planned``
is scored on the matched ones, and the unmatched are counted apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from evaluation.scorer import Tally, match_nearest, tally

CASES = Path(__file__).resolve().parent / "gold" / "planned_invented" / "cases.json"


def run(cases: Path = CASES) -> tuple[Tally, Tally, int, int, list[str]]:
    """(facts planned, activities planned, facts unmatched, activities unmatched, errors)."""
    from nlp.pipeline import parse_text

    data = json.loads(cases.read_text(encoding="utf-8"))
    facts_ok: list[bool] = []
    acts_ok: list[bool] = []
    lost_f = lost_a = 0
    errors: list[str] = []
    for case in data["cases"]:
        text = case["text"]
        parse = parse_text(text)
        for number, want in case["facts"]:
            at = text.find(number)
            got = [f for f in parse.facts if f.start <= at < f.end]
            if not got:
                lost_f += 1
                errors.append(f"LOST fact {number} in {text!r}")
                continue
            facts_ok.append(got[0].planned == want)
            if got[0].planned != want:
                errors.append(f"FACT {number}: want {want} in {text!r}")
        spans = [(text.find(n), text.find(n) + len(n)) for n, _ in case["activities"]]
        pairs = dict(match_nearest(spans, [(a.start, a.end) for a in parse.activities]))
        for g, (name, want) in enumerate(case["activities"]):
            if g not in pairs:
                lost_a += 1
                errors.append(f"LOST activity {name} in {text!r}")
                continue
            got_planned = parse.activities[pairs[g]].planned
            acts_ok.append(got_planned == want)
            if got_planned != want:
                errors.append(f"ACTIVITY {name}: want {want} in {text!r}")
    return tally(facts_ok), tally(acts_ok), lost_f, lost_a, errors


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--cases", type=Path, default=CASES, help="a cases file (default: cases.json; sentence_lead.json beside it)")
    args = ap.parse_args(argv)
    facts, acts, lost_f, lost_a, errors = run(args.cases)
    print(f"facts planned {facts.correct}/{facts.total} = {facts.rate or 0:.3f} (unmatched {lost_f})")
    print(f"activities planned {acts.correct}/{acts.total} = {acts.rate or 0:.3f} (unmatched {lost_a})")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
