"""Scores the pipeline on the comparable-figures contrast set (evaluation/contrast/comparable_tenth.toml).

    python -m evaluation.comparable_contrast [--cases FILE] [--failures] [--json]

Each case is an invented report sentence (the report's opening line put before it), one figure in it
and the indicator, breakdown and scope SPEC sections 3-4 and GUIDELINES give it, fixed before the
pipeline was run on it. Two figures:

- **triple accuracy**: indicator equal, breakdown null-or-not equal and (when an indicator is expected)
  scope equal, as the SPEC section 6 indicators score pairs a figure;
- **comparable P/R/F1**: figures that land in a comparison column (a SPEC section 4 indicator,
  breakdown null, scope ``unit``) on either side; a pair counts when both land in the same column.

Also the share of expected parts whose breakdown names the same dimensions. Per construction group.
"""

from __future__ import annotations

import argparse
import json
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from evaluation.scorer import comparable
from nlp.pipeline import parse_text

CASES_FILE = Path(__file__).parent / "contrast" / "comparable_tenth.toml"

OPENINGS = {
    "community": "清河社区2023年工作总结\n",
    "village": "石门村2023年工作总结\n",
    "township": "青山镇2023年工作总结\n",
    "street": "东城街道2023年工作总结\n",
    "excerpt": "",  # a whole document (comparable_excerpts15.toml): its own title and body
}


@dataclass(frozen=True)
class Case:
    group: str
    doc: str
    text: str
    figure: str
    indicator: str | None
    breakdown: dict[str, str] | None
    scope: str

    @property
    def name(self) -> str:
        return f"{self.group}: {self.text} [{self.figure}]"


@dataclass(frozen=True)
class Outcome:
    case: Case
    found: bool
    indicator: str | None = None
    breakdown: dict[str, str] | None = None
    scope: str = "unit"

    @property
    def triple_right(self) -> bool:
        c = self.case
        if not self.found or self.indicator != c.indicator or (self.breakdown is None) != (c.breakdown is None):
            return False
        return c.indicator is None or self.scope == c.scope

    @property
    def expected_column(self) -> str | None:
        c = self.case
        return c.indicator if comparable(c.indicator, c.breakdown, c.scope) else None

    @property
    def predicted_column(self) -> str | None:
        return self.indicator if self.found and comparable(self.indicator, self.breakdown, self.scope) else None


def load_cases(path: Path = CASES_FILE) -> list[Case]:
    """The cases of the contrast file, in file order."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "excerpt" in data:
        return _excerpt_cases(data["excerpt"])
    return [
        Case(
            group=row["group"],
            doc=row["doc"],
            text=row["text"],
            figure=row["figure"],
            indicator=row["indicator"] or None,
            breakdown=dict(row["breakdown"]) if row.get("breakdown") else None,
            scope=row["scope"],
        )
        for row in data["case"]
    ]


def _excerpt_cases(excerpts: list[dict]) -> list[Case]:
    """Cases of a file of whole documents ([[excerpt]] with ``text`` and ``figures``: anchor,
    indicator, breakdown ``dim=words;dim=words`` or "", scope), grouped by the document's type."""
    cases = []
    for excerpt in excerpts:
        for anchor, indicator, breakdown, scope in excerpt["figures"]:
            parts = dict(p.split("=", 1) for p in breakdown.split(";")) if breakdown else None
            cases.append(Case(excerpt["doc"], "excerpt", excerpt["text"], anchor, indicator or None, parts, scope))
    return cases


def run_case(case: Case) -> Outcome:
    """Parse the case's document and read the fact that overlaps the first occurrence of its figure."""
    opening = OPENINGS[case.doc]
    document = opening + case.text
    start = len(opening) + case.text.index(case.figure)
    end = start + len(case.figure)
    facts = [f for f in parse_text(document).facts if f.start < end and start < f.end]
    if not facts:
        return Outcome(case, False)
    fact = facts[0]
    return Outcome(case, True, fact.indicator, dict(fact.breakdown) if fact.breakdown else None, fact.scope.value)


def summarize(outcomes: list[Outcome]) -> dict:
    """Triple accuracy, comparable P/R/F1 and dimension agreement, in total and per group."""
    def block(items: list[Outcome]) -> dict:
        expected = [o for o in items if o.expected_column]
        predicted = [o for o in items if o.predicted_column]
        matched = sum(1 for o in items if o.expected_column and o.expected_column == o.predicted_column)
        p = matched / len(predicted) if predicted else 1.0
        r = matched / len(expected) if expected else 1.0
        parts = [o for o in items if o.case.breakdown and o.breakdown]
        return {
            "cases": len(items),
            "triple": sum(o.triple_right for o in items) / len(items) if items else 0.0,
            "comparable": {"gold": len(expected), "predicted": len(predicted), "matched": matched,
                           "p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0},
            "dimensions": round(sum(set(o.case.breakdown) == set(o.breakdown) for o in parts) / len(parts), 3) if parts else None,  # type: ignore[arg-type]
        }

    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.case.group].append(o)
    return {"total": block(outcomes), "groups": {g: block(items) for g, items in groups.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the cases whose triple is wrong")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--cases", type=Path, default=CASES_FILE,
                        help="another contrast file of the same format (e.g. contrast/comparable_ind11.toml)")
    args = parser.parse_args(argv)
    outcomes = [run_case(c) for c in load_cases(args.cases)]
    summary = summarize(outcomes)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    for name, block in [("TOTAL", summary["total"]), *summary["groups"].items()]:
        comp = block["comparable"]
        print(f"{name:15} cases {block['cases']:3}  triple {block['triple']:.3f}  comparable P {comp['p']:.3f} "
              f"R {comp['r']:.3f} F1 {comp['f1']:.3f} ({comp['matched']}/{comp['gold']} gold, {comp['predicted']} pred)"
              f"  dims {block['dimensions']}")
    if args.failures:
        for o in outcomes:
            if not o.triple_right:
                c = o.case
                got = (o.indicator, o.breakdown, o.scope) if o.found else "no fact"
                print(f"- {c.name}\n    expected {(c.indicator, c.breakdown, c.scope)}  got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
