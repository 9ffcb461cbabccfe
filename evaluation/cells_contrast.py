"""Scores the comparison cells on a contrast set (evaluation/contrast/cells_eleventh.toml by default).

    python -m evaluation.cells_contrast [--cases FILE] [--failures]

Each case is an invented report in which one document gives an indicator several values; ``cells``
says what its ``indicator_values`` row should hold (value and unit), fixed before the pipeline ran on
it. Every case is extracted as a community of its own through a manifest (as evaluation.dataset_bench
does). Figures: **cells right** (the expected indicators whose row holds the expected value in the
expected unit; and each indicator a case lists under ``absent`` that has no row) per construction
group and in total, and the rows of the cases' documents for
indicators no case expects (listed with ``--failures``: they are not scored, a case names only the
indicators it is about). Batch 3 (session 12, the mechanisms of a cell) is
evaluation/contrast/cells_twelfth.toml.
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

from evaluation.scorer import close

CASES_FILE = Path(__file__).parent / "contrast" / "cells_eleventh.toml"
STREET = "对照街道"


def load_cases(path: Path = CASES_FILE) -> list[dict]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["case"]


def rows_of_cases(cases: list[dict]) -> dict[str, list[dict]]:
    """Each case's indicator_values rows, by case id."""
    from nlp.dataset import extract, load

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for case in cases:
            path = Path(tmp) / f"{case['id']}.txt"
            path.write_text(case["text"], encoding="utf-8")
            paths.append(path)
        manifest = Path(tmp) / "manifest.csv"
        with manifest.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["path", "community", "street", "district", "year", "period"])
            for case, path in zip(cases, paths, strict=True):
                writer.writerow([os.path.abspath(path), f"{case['id']}社区", STREET, "", "", ""])
        extract(paths, Path(tmp) / "d.duckdb", manifest=manifest, jobs=1)
        values = load(Path(tmp) / "d.duckdb")["indicator_values"]
    return {case["id"]: values[values.community_id == f"{STREET}/{case['id']}社区"].to_dict("records") for case in cases}


def holds(row: dict | None, expected: list) -> bool:
    value, unit = expected
    return row is not None and close(float(value), row["value"]) and (row["unit"] or "") == unit


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=CASES_FILE, help="the contrast set (a TOML file of [[case]])")
    ap.add_argument("--failures", action="store_true")
    args = ap.parse_args(argv)
    cases = load_cases(args.cases)
    rows = rows_of_cases(cases)
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures, extra = [], []
    for case in cases:
        mine = {r["indicator"]: r for r in rows[case["id"]]}
        for indicator, expected in case.get("cells", {}).items():
            ok = holds(mine.get(indicator), expected)
            groups[case["group"]][0] += ok
            groups[case["group"]][1] += 1
            if not ok:
                got = mine.get(indicator)
                held = "no row" if got is None else f"{got['value']} {got['unit']} ({got['quote']})"
                failures.append(f"{case['id']} {indicator}: expected {expected[0]} {expected[1]}, got {held}")
        for indicator in case.get("absent", []):
            ok = indicator not in mine
            groups[case["group"]][0] += ok
            groups[case["group"]][1] += 1
            if not ok:
                failures.append(f"{case['id']} {indicator}: expected no row, got {mine[indicator]['value']} "
                                f"{mine[indicator]['unit']} ({mine[indicator]['quote']})")
        expected = {*case.get("cells", {}), *case.get("absent", [])}
        extra += [f"{case['id']} {r['indicator']} {r['value']} {r['unit']}" for r in rows[case["id"]]
                  if r["indicator"] not in expected]
    for group, (right, total) in sorted(groups.items()):
        print(f"{group:<36} {right}/{total}")
    right, total = sum(g[0] for g in groups.values()), sum(g[1] for g in groups.values())
    print(f"cells right {right}/{total} ({right / total:.3f}); rows of other indicators: {len(extra)}")
    if args.failures:
        print("\n".join(["failures:", *failures, "other rows:", *extra]))


if __name__ == "__main__":
    main()
