"""The field's own test suites as an external benchmark, read by the whole pipeline.

The cases come from ``../shared/bench/peer_cases.json`` (found through ``ZONGJIE_SHARED``, else
``../shared`` beside the checkout): the strict and normal numeral cases of cn2an's test suite
(``cn2an_test.py`` in the Ailln/cn2an repository) and the renminbi cases of JioNLP's money-parser
tests (``test/test_money_parser.py`` in the dongrixinyu/JioNLP repository). Each case is a figure
and what it is worth: ``[text, value, low, high, qualifier]``, ``null`` meaning "not checked".

Each case is put into a sentence of a community report (a numeral as a count of residents, an
amount as money spent) and the whole document is parsed. A case passes when one fact covers the
case's text and its value, bounds and qualifier are the expected ones. ``python -m
evaluation.peer_bench [--json]`` prints the pass rate per suite and every failure.
"""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import nlp
from evaluation.splits import shared_root

SUITES = {
    # suite → sentence template; {} is the case as written
    "cn2an": "社区现有居民{}人,比去年有所增加。",
    "jionlp_money": "今年社区改造工程共投入资金{},用于道路硬化。",
}
RELATIVE_TOLERANCE = Decimal("1e-9")
SCOPE_FILE = Path(__file__).parent / "peer_scope.toml"


def out_of_scope() -> dict[str, str]:
    """Cases that cannot occur as a figure in a report → why (``peer_scope.toml``)."""
    data = tomllib.loads(SCOPE_FILE.read_text(encoding="utf-8"))
    return {row["case"]: row["reason"] for row in data["out_of_scope"]}


def cases_path() -> Path:
    return shared_root() / "bench" / "peer_cases.json"


@dataclass(frozen=True)
class Outcome:
    suite: str
    case: str
    sentence: str
    passed: bool
    got: str  # what the pipeline read, for the failure list


def _close(got: Any, want: Any) -> bool:
    if want is None:
        return True
    if got is None:
        return False
    g, w = Decimal(str(got)), Decimal(str(want))
    return abs(g - w) <= abs(w) * RELATIVE_TOLERANCE


def _parse(text: str) -> Any:
    return nlp.parse_text(text)


def run_case(suite: str, case: list[Any]) -> Outcome:
    text, value, low, high, qualifier = case
    template = SUITES[suite]
    sentence = template.format(text)
    start = template.index("{}")
    end = start + len(text)
    facts = [f for f in _parse(sentence).facts if f.start < end and f.end > start]
    if len(facts) != 1:
        got = "; ".join(f"{f.text}={f.value}" for f in facts) or "no figure"
        return Outcome(suite, text, sentence, False, got)
    fact = facts[0]
    fact_qualifier = str(getattr(fact.qualifier, "value", fact.qualifier))
    passed = (
        _close(fact.value, value)
        and _close(fact.low, low)
        and _close(fact.high, high)
        and (qualifier is None or fact_qualifier == qualifier)
    )
    got = f"{fact.text} value={fact.value} low={fact.low} high={fact.high} {fact_qualifier}"
    return Outcome(suite, text, sentence, passed, got)


def run(path: Path | None = None) -> dict[str, Any]:
    """Every suite's pass rate and failures."""
    data = json.loads((path or cases_path()).read_text(encoding="utf-8"))
    excluded = out_of_scope()
    report: dict[str, Any] = {}
    for suite in SUITES:
        outcomes = [run_case(suite, case) for case in data[suite]]
        in_scope = [o for o in outcomes if o.case not in excluded]
        report[suite] = {
            "passed": sum(o.passed for o in outcomes),
            "total": len(outcomes),
            "in_scope_passed": sum(o.passed for o in in_scope),
            "in_scope_total": len(in_scope),
            "failures": [
                {"case": o.case, "got": o.got, "out_of_scope": excluded.get(o.case)}
                for o in outcomes
                if not o.passed
            ],
        }
    return report


def main(argv: list[str]) -> int:
    if not cases_path().is_file():
        print(f"no peer cases at {cases_path()}: set ZONGJIE_SHARED", file=sys.stderr)
        return 2
    report = run()
    if "--json" in argv:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    for suite, r in report.items():
        print(f"{suite}: {r['passed']}/{r['total']} in all, "
              f"{r['in_scope_passed']}/{r['in_scope_total']} of the cases a report can contain")
        for f in r["failures"]:
            why = f"  (out of scope: {f['out_of_scope']})" if f["out_of_scope"] else ""
            print(f"  {f['case']}  →  {f['got']}{why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
