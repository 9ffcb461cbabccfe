"""Why comparison cells are wrong or missing: every miss and every wrong row, classified by cause.

    python -m evaluation.cells_classes GOLD_DIR --docs DIR [--docs DIR …] [--half tune|held] [--examples]

Extracts the gold's documents as evaluation.dataset_bench does (each its own community) and sorts:

- each **missing** gold comparable value (no indicator_values row of its indicator holds it) by what
  became of its figure: ``masked`` (no number), ``not extracted`` (no fact in its quote),
  ``value scaled or rounded otherwise`` (a fact in its quote, with another value), ``no indicator`` (``, no subject``
  when the fact has none either), ``other indicator``, ``breakdown given``, ``scope given``, ``planned``, or, when the figure is a
  comparable candidate of the right indicator, the row rule chose another candidate of the document
  (in the row of the fact's own year and period): ``row: another gold value`` (the gold gives the
  indicator several comparable values, a row holds one) or ``row: a wrong candidate``, each told by
  the rule that decided — ``earlier sentence`` (first_figure across sentences), ``unit``
  (column_unit), ``act`` (measure_act), ``first in sentence`` — and ``row: another year or period``
  when the fact was dated into a row of its own that does not hold it;
- each **wrong row** (its value is none of the gold's comparable values of the indicator) by what
  the gold says of its fact: ``fact not in gold`` (no gold figure at its place),
  ``gold: same figure, another value`` (scaling or rounding), ``gold: another or no indicator``,
  ``gold: planned``, ``gold: breakdown``, ``gold: scope …``; a wrong row in ``conflict`` status is
  counted apart too (``status conflict`` in the wrong rows' statuses).

Excerpt gold (``excerpts``, the long reports): rows whose fact starts outside the excerpts are left
out, as evaluation.dataset_bench does.

A gold figure is found among the facts by its quote and value (the fact starts inside the quote).
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from evaluation.dataset_bench import (
    HALVES,
    _masked,
    _same,
    _scaled,
    community_id,
    comparable,
    excerpt_spans,
    extracted,
    in_excerpts,
)
from evaluation.gold import read_original
from evaluation.scorer import close


def _spans(text: str, gold: dict) -> list[tuple[int, int]]:
    quote, spans = gold.get("quote") or "", []
    at = text.find(quote) if quote else -1
    while at >= 0:
        spans.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return spans


def _holds(gold: dict, fact: dict) -> bool:
    value, low, _ = _scaled(gold)
    if value is not None:
        return fact["value"] is not None and close(value, fact["value"])
    return low is not None and fact["low"] is not None and close(low, fact["low"])


def _fact_of(text: str, gold: dict, facts: list[dict]) -> dict | None:
    """The extracted fact that is ``gold``'s figure: its value, starting inside the gold's quote."""
    for start, end in _spans(text, gold):
        for fact in facts:
            if start - 2 <= fact["start"] <= end and _holds(gold, fact):
                return fact
    return None


def _missing_class(text: str, gold: dict, facts: list[dict], rows: list[dict], golds: list[dict]) -> str:
    if _masked(gold):
        return "masked"
    fact = _fact_of(text, gold, facts)
    if fact is None:
        spans = _spans(text, gold)
        if any(start - 2 <= f["start"] <= end for start, end in spans for f in facts):
            return "value scaled or rounded otherwise"
        return "not extracted"
    if not isinstance(fact["indicator"], str):
        return "no indicator" if isinstance(fact["subject"], str) else "no indicator, no subject"
    if fact["indicator"] != gold["indicator"]:
        return "other indicator"
    if isinstance(fact["breakdown"], str):
        return "breakdown given"
    if (fact["scope"] or "unit") != "unit":
        return "scope given"
    if fact["planned"]:
        return "planned"
    row = next((r for r in rows if r["indicator"] == gold["indicator"] and _same_group(r, fact)), None)
    if row is None:
        return "row: another year or period"
    chosen = next((f for f in facts if f["id"] == row["fact_id"]), None)
    other = next((g for g in golds if chosen is not None and g is not gold and _fact_of(text, g, [chosen])), None)
    which = "another gold value" if other is not None and comparable(other) \
        and other.get("indicator") == gold["indicator"] else "a wrong candidate"
    return f"row: {which}, {_rule(chosen, fact)}"


def _same_group(row: dict, fact: dict) -> bool:
    def same(a, b):
        return (a is None or a != a) and (b is None or b != b) or a == b
    return same(row["year"], fact["year"]) and same(row["period"], fact["period"])


def _rule(chosen: dict | None, lost: dict) -> str:
    """Which rule of the row chose ``chosen`` over ``lost`` (nlp/dataset/indicator_values.py's order)."""
    if chosen is None:
        return "unknown"
    if chosen["quote"] != lost["quote"]:
        return "earlier sentence" if chosen["id"] < lost["id"] else "later sentence"
    if chosen["unit"] != lost["unit"]:
        return "unit"
    return "act or first in sentence"


def _made_of(text: str, gold: dict, facts: list[dict]) -> str:
    """What the pipeline made of a gold figure, for the examples: its fact's subject and resolution."""
    fact = _fact_of(text, gold, facts)
    if fact is None:
        return ""
    return (f"  [subject {fact['subject']}, indicator {fact['indicator']}, breakdown {fact['breakdown']}, "
            f"scope {fact['scope']}, planned {fact['planned']}]")


def _wrong_class(text: str, row: dict, facts: list[dict], golds: list[dict]) -> str:
    fact = next(f for f in facts if f["id"] == row["fact_id"])
    gold = next((g for g in golds if _fact_of(text, g, [fact])), None)
    if gold is None:
        if any(start - 2 <= fact["start"] <= end for g in golds for start, end in _spans(text, g)
               if g.get("indicator") == row["indicator"]):
            return "gold: same figure, another value"
        return "fact not in gold"
    if gold.get("indicator") != row["indicator"]:
        return "gold: another or no indicator"
    if gold.get("planned"):
        return "gold: planned"
    if gold.get("breakdown"):
        return "gold: breakdown"
    return f"gold: scope {gold.get('scope')}"


def classify(gold_dir: Path, docs: list[Path], jobs: int = 1,
             half: str | None = None) -> tuple[Counter, Counter, dict[str, list[str]]]:
    golds, frames = extracted(gold_dir, docs, jobs, tables=("indicator_values", "facts"), half=half)
    values, all_facts = frames["indicator_values"], frames["facts"]
    missing, wrong, examples = Counter(), Counter(), defaultdict(list)
    statuses = Counter()
    for i, (data, path) in enumerate(golds):
        text = read_original(path)
        facts = all_facts[all_facts.community_id == community_id(i)].to_dict("records")
        rows = in_excerpts(values[values.community_id == community_id(i)].to_dict("records"), facts,
                           excerpt_spans(data, path))
        gold_facts = [g for g in data.get("facts", []) if g.get("indicator")]
        wanted = [g for g in gold_facts if comparable(g)]
        for gold in wanted:
            if any(r["indicator"] == gold["indicator"] and _same(_scaled(gold), r) for r in rows):
                continue
            cause = _missing_class(text, gold, facts, rows, gold_facts)
            missing[cause] += 1
            examples[f"missing, {cause}"].append(f"{data['doc']}: {gold['indicator']} {gold.get('quote')}"
                                                 f"{_made_of(text, gold, facts)}")
        for row in rows:
            if any(g["indicator"] == row["indicator"] and _same(_scaled(g), row) for g in wanted):
                continue
            cause = _wrong_class(text, row, facts, data.get("facts", []))
            wrong[cause] += 1
            statuses[row["status"]] += 1
            examples[f"wrong row, {cause}"].append(f"{data['doc']}: {row['indicator']} {row['value']} {row['quote']}")
    return missing, wrong, examples, statuses


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--docs", type=Path, action="append", required=True)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--half", choices=HALVES, help="one half of the gold files (as evaluation.dataset_bench)")
    ap.add_argument("--examples", action="store_true")
    args = ap.parse_args(argv)
    missing, wrong, examples, statuses = classify(args.gold, args.docs, args.jobs, args.half)
    for title, counts in (("missing gold values", missing), ("wrong rows", wrong)):
        print(f"{title}: {sum(counts.values())}")
        for cause, n in counts.most_common():
            print(f"  {n:5d}  {cause}")
    print("wrong rows' statuses: " + ", ".join(f"{k} {n}" for k, n in statuses.most_common()))
    if args.examples:
        for key, lines in sorted(examples.items()):
            print(f"== {key}")
            print("\n".join(f"   {line}" for line in lines))


if __name__ == "__main__":
    main()
