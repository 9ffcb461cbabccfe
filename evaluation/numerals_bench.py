"""The numerals benchmark: exact-match rate by group, false positives on look-alikes.

``python -m evaluation.numerals_bench [CASES_DIR]`` prints the figures and exits 1 below
target (≥ 99 % exact on cases, ≤ 0.5 % false positives on look-alikes). ``run(cases_dir)``
returns them as a dict for ``zongjie evaluate --numerals``.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

from nlp.figures.numerals import parse_number
from nlp.figures.quantities import find_quantities

CASES_DIR = Path(__file__).parent / "numerals"
TARGET_EXACT = 0.99
TARGET_FALSE_POSITIVES = 0.005


def _dec(x: Any) -> Decimal | None:
    return None if x is None else Decimal(str(x))


def _as_expected(q: Any) -> dict[str, Any]:
    return {"number_text": q.number_text, "value": q.value, "low": q.low, "high": q.high,
            "unit": q.unit, "qualifier": q.qualifier.value}


def _same(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    return all(_dec(pred[k]) == _dec(gold.get(k)) for k in ("value", "low", "high")) and all(
        pred[k] == gold[k] for k in ("number_text", "unit", "qualifier"))


def check_quantity_case(case: dict[str, Any]) -> tuple[bool, list[dict[str, Any]]]:
    """Whether find_quantities gives exactly the expected figures, and what it gave."""
    got = [_as_expected(q) for q in find_quantities(case["input"])]
    gold = case["expected"]
    return len(got) == len(gold) and all(_same(p, g) for p, g in zip(got, gold, strict=True)), got


def check_parse_case(case: dict[str, Any]) -> tuple[bool, Any]:
    n = parse_number(case["parse"])
    want = case["expected"]
    if n is None:
        return want is None, None
    return want is not None and n.value == _dec(want["value"]), str(n.value)


def run(cases_dir: str | Path = CASES_DIR) -> dict[str, Any]:
    """Score every JSON case file in ``cases_dir``."""
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[dict[str, Any]] = []
    look_total = look_fp = 0
    for path in sorted(Path(cases_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for case in data.get("quantities", []) + data.get("parse", []):
            ok, got = check_parse_case(case) if "parse" in case else check_quantity_case(case)
            groups[case["group"]][0] += ok
            groups[case["group"]][1] += 1
            if not ok:
                failures.append({"file": path.name, **case, "got": got})
        for case in data.get("lookalikes", []):
            look_total += 1
            got = [_as_expected(q) for q in find_quantities(case["input"])]
            if got:
                look_fp += 1
                failures.append({"file": path.name, **case, "got": got})
    correct = sum(c for c, _ in groups.values())
    total = sum(n for _, n in groups.values())
    exact = correct / total if total else 0.0
    fp = look_fp / look_total if look_total else 0.0
    return {"cases": total, "exact": exact, "groups": {g: c / n for g, (c, n) in sorted(groups.items())},
            "lookalikes": look_total, "false_positive_rate": fp, "failures": failures,
            "passed": exact >= TARGET_EXACT and fp <= TARGET_FALSE_POSITIVES}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    result = run(args[0] if args else CASES_DIR)
    for group, rate in result["groups"].items():
        print(f"{group:16s} {rate:7.2%}")
    print(f"{'exact (all)':16s} {result['exact']:7.2%} of {result['cases']} cases (target ≥ {TARGET_EXACT:.0%})")
    print(f"{'false positives':16s} {result['false_positive_rate']:7.2%} of {result['lookalikes']} look-alikes "
          f"(target ≤ {TARGET_FALSE_POSITIVES:.1%})")
    for failure in result["failures"][:30]:
        print("FAIL", json.dumps(failure, ensure_ascii=False, default=str))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
