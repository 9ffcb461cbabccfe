"""Inter-annotator agreement: a second annotator's gold files scored against the gold by the project's scorer.

    python -m evaluation.agreement                    # evaluation/agreement/second against evaluation/gold/dev
    python -m evaluation.agreement --disagreements    # also every disagreement, field by field
    python -m evaluation.agreement --json
    python -m evaluation.agreement --show-spans d014   # a gold file's fact spans only, to annotate on blind
    python -m evaluation.agreement --split test        # evaluation/agreement/second_test against evaluation/gold/test

The second annotation is written in the gold format (SPEC section 6); ``agreement_compare`` turns it into
a ``Parse`` so the scorer scores it exactly as it scores the pipeline. On top of the scorer's figures:
activities matched on the exact name span (the scorer's own matching is span overlap), and Cohen's kappa
for the label fields of matched pairs. The findings are in evaluation/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from evaluation import splits
from evaluation.agreement_compare import Agreement, cohen_kappa, compare, compare_parse, total
from evaluation.gold import GoldDoc, find_document, gold_files, load_gold, read_gold_json, read_original
from evaluation.scorer import Counts, Tally

SECOND_DIR = Path(__file__).resolve().parent / "agreement" / "second"
# Second annotations of test documents (issue 12's test-gold audit) live apart from dev's.
SECOND_DIRS = {"dev": SECOND_DIR, "test": SECOND_DIR.with_name("second_test")}
# What a second annotator may copy from the gold: where each figure is and what it reads, not its judgments.
SPAN_FIELDS = ("quote", "number_text", "value", "low", "high", "unit", "qualifier")


def _prf(c: Counts) -> str:
    return f"P {c.precision:.3f} R {c.recall:.3f} F1 {c.f1:.3f}"


def _rate(t: Tally | None) -> str:
    return "-" if t is None or t.rate is None else f"{t.rate:.3f}"


def _n(t: Tally | None) -> str:
    return "" if t is None else f"{t.correct}/{t.total}"


def _kappa(a: Agreement, name: str) -> str:
    k = cohen_kappa(a.labels.get(name, ()))
    return "-" if k is None else f"{k:.3f}"


def rows(a: Agreement) -> list[tuple[str, str, str, str]]:
    """(measure, value, counts, Cohen's kappa) of the agreement table."""
    facts, acts = a.score.facts, a.score.activities
    out: list[tuple[str, str, str, str]] = []
    if acts is not None:
        d, e = acts.detection, a.exact_activities
        out += [
            ("activities (overlap, the scorer's)", _prf(d), f"tp {d.tp} fp {d.fp} fn {d.fn}", ""),
            ("activities (exact name span)", _prf(e), f"tp {e.tp} fp {e.fp} fn {e.fn}", ""),
            (
                "activity kind",
                _rate(acts.fields.get("kind")),
                _n(acts.fields.get("kind")),
                _kappa(a, "activity kind"),
            ),
            (
                "activity category",
                _rate(acts.fields.get("category")),
                _n(acts.fields.get("category")),
                _kappa(a, "activity category"),
            ),
            ("activity count linked", _rate(acts.count_linked), _n(acts.count_linked), ""),
        ]
    if facts is not None:
        f = facts.fields
        ind, cmp_ = facts.indicators, facts.comparable
        out += [
            ("facts detection", _prf(facts.detection), f"tp {facts.detection.tp}", ""),
            ("indicators P/R/F1 (SPEC 6)", _prf(ind), f"tp {ind.tp} fp {ind.fp} fn {ind.fn}", ""),
            ("comparable P/R/F1", _prf(cmp_), f"tp {cmp_.tp} fp {cmp_.fp} fn {cmp_.fn}", ""),
            (
                "indicator (matched facts)",
                _rate(f.get("indicator")),
                _n(f.get("indicator")),
                _kappa(a, "indicator"),
            ),
            (
                "breakdown (gold has indicator)",
                _rate(f.get("breakdown")),
                _n(f.get("breakdown")),
                _kappa(a, "breakdown dimension"),
            ),
            ("scope (gold has indicator)", _rate(f.get("scope")), _n(f.get("scope")), _kappa(a, "scope")),
            ("subject", _rate(f.get("subject")), _n(f.get("subject")), ""),
            ("fact category", _rate(f.get("category")), _n(f.get("category")), _kappa(a, "fact category")),
            ("planned", _rate(f.get("planned")), _n(f.get("planned")), _kappa(a, "planned")),
        ]
    return out


def render_text(per_doc: Sequence[tuple[str, Agreement]], overall: Agreement) -> str:
    lines = ["document  activities(overlap)  activities(exact)  indicators  comparable"]
    for doc, a in per_doc:
        acts, facts = a.score.activities, a.score.facts
        lines.append(
            f"{doc:<9} {acts.detection.f1 if acts else 0:>19.3f}  {a.exact_activities.f1:>17.3f}"
            f"  {facts.indicators.f1 if facts else 0:>10.3f}  {facts.comparable.f1 if facts else 0:>10.3f}"
        )
    lines += ["", "| measure | agreement | counts | Cohen's kappa |", "|---|---|---|---|"]
    lines += [f"| {m} | {v} | {n} | {k} |" for m, v, n, k in rows(overall)]
    return "\n".join(lines)


def span_view(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """A gold file's facts cut to ``SPAN_FIELDS``: the second annotator judges the rest blind.

    >>> span_view({"facts": [{"quote": "党员41名", "number_text": "41", "value": 41, "low": None, "high": None,
    ...                       "unit": "名", "qualifier": "exact", "indicator": "party_members"}]})
    [{'quote': '党员41名', 'number_text': '41', 'value': 41, 'low': None, 'high': None, 'unit': '名', 'qualifier': 'exact'}]
    """
    return [{k: f[k] for k in SPAN_FIELDS} for f in gold["facts"]]


def _table(a: Agreement) -> list[dict[str, str]]:
    return [dict(zip(("measure", "agreement", "counts", "kappa"), r, strict=True)) for r in rows(a)]


def load_pairs(second_dir: Path, gold_dir: Path) -> list[tuple[GoldDoc, GoldDoc]]:
    """(gold, second) for every second annotation that has a gold file of the same name.

    The second annotator judged the figures at the gold's spans of the time; a figure a later gold
    audit added (logged in evaluation/gold/audit/) was never shown to them, so the gold side of the
    pair keeps only the figures whose span the second annotation has: an audit does not move agreement.
    """
    pairs = []
    for path in gold_files(second_dir):
        gold_path = gold_dir / path.name
        if not gold_path.is_file():
            raise FileNotFoundError(f"{path.name}: no gold file {gold_path}")
        gold, second = load_gold(gold_path), load_gold(path)
        shown = {(f.quote, f.number_text) for f in second.facts}
        kept = tuple(f for f in gold.facts if (f.quote, f.number_text) in shown)
        pairs.append((replace(gold, facts=kept), second))
    return pairs


def added_since(second: GoldDoc, gold_path: Path) -> list[tuple[str, str]]:
    """The (quote, number_text) of gold figures the second annotation lacks: later audit additions."""
    shown = {(f.quote, f.number_text) for f in second.facts}
    return [(f.quote, f.number_text) for f in load_gold(gold_path).facts if (f.quote, f.number_text) not in shown]


def split_folders(split: str) -> tuple[Path, Path]:
    """(second-annotation folder, gold folder) of a split: the defaults of ``--second`` and ``--gold``.

    >>> [p.name for p in split_folders("test")]
    ['second_test', 'test']
    """
    return SECOND_DIRS[split], splits.gold_dir(split)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.agreement", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--split",
        choices=splits.SPLITS,
        default="dev",
        help="the split whose second annotations, gold and documents are the defaults (default: dev)",
    )
    ap.add_argument("--second", type=Path, help="the second annotator's gold files (default: the split's)")
    ap.add_argument("--gold", type=Path, help="the gold files they are compared with (default: the split's)")
    ap.add_argument(
        "--docs", type=Path, action="append", help="folders holding the documents (default: the split's)"
    )
    ap.add_argument("--disagreements", action="store_true", help="list every disagreement, tab-separated")
    ap.add_argument(
        "--pipeline",
        action="store_true",
        help="also score the pipeline on the same documents, for comparison",
    )
    ap.add_argument(
        "--only", help="comma-separated document stems to score (default: every second annotation)"
    )
    ap.add_argument("--show-spans", metavar="STEM", help="print a gold file's fact spans only, and stop")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    second_default, gold_default = split_folders(args.split)
    args.second = args.second or second_default
    args.gold = args.gold or gold_default
    if args.pipeline and args.split == "test":
        # the test split is scored, never looked at through the pipeline's eyes while annotating
        ap.error("--pipeline is not allowed with --split test")
    if args.show_spans:
        for fact in span_view(read_gold_json(args.gold / f"{args.show_spans}.json")):
            print(json.dumps(fact, ensure_ascii=False))
        return 0
    docs = args.docs or splits.doc_folders(args.split)
    per_doc, pipeline = [], []
    only = set(args.only.split(",")) if args.only else None
    for gold, second in load_pairs(args.second, args.gold):
        if only is not None and Path(gold.doc).stem not in only:
            continue
        path = find_document(gold.doc, docs)
        if path is None:
            print(f"{gold.doc}: not found under {', '.join(map(str, docs))}", file=sys.stderr)
            return 2
        per_doc.append((Path(gold.doc).stem, compare(gold, second, read_original(path))))
        if args.pipeline:
            from nlp.pipeline import parse_file

            pipeline.append((Path(gold.doc).stem, compare_parse(gold, parse_file(path))))
    if not per_doc:
        print(f"{args.second}: no second annotations", file=sys.stderr)
        return 2
    overall = total([a for _, a in per_doc])
    if args.json:
        out = {"documents": [d for d, _ in per_doc], "table": _table(overall)}
        if pipeline:
            out["pipeline"] = _table(total([a for _, a in pipeline]))
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(render_text(per_doc, overall))
        if pipeline:
            print("\nThe pipeline against the same gold (its own fact spans, not copied ones):\n")
            print(render_text(pipeline, total([a for _, a in pipeline])))
    if args.disagreements:
        print()
        for d in overall.disagreements:
            print(f"{d.doc}\t{d.part}\t{d.field}\t{d.quote}\tgold={d.gold}\tsecond={d.second}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
