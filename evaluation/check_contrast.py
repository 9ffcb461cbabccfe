"""The checker on its contrast set: invented passages a rule may misread, each beside a minimally
changed twin that is really inconsistent (``tests/fixtures/check_contrast.toml``).

Run ``python -m evaluation.check_contrast [-v]``. Per class of construction it prints the quiet
passages that raise an error (false errors), those that raise only a warning (false warnings), and
the twins whose expected flag is found. ``-v`` lists every failing case with the flags raised.
"""

from __future__ import annotations

import argparse
import tomllib
from collections import Counter
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "check_contrast.toml"
TITLES = {
    "community": "柳塘社区2022年工作总结\n一、基本情况\n",
    "village": "青山村2022年工作总结\n一、基本情况\n",
}


def load_cases(path: Path = CASES) -> list[dict]:
    """The cases of the contrast set, in file order."""
    with path.open("rb") as handle:
        return tomllib.load(handle)["case"]


def flags_of(title: str, body: str) -> list[tuple[str, str, str]]:
    """(name, severity, message) of every flag of the passage under its title."""
    from nlp.checks import check_document
    from nlp.pipeline import parse_text

    return [(f.name, f.severity.value, f.message) for f in check_document(parse_text(TITLES[title] + body))]


def score(cases: list[dict]) -> tuple[dict[str, Counter], list[str]]:
    """Per class: cases, quiet passages with an error, with only a warning, twins found; failures."""
    table: dict[str, Counter] = {}
    failures: list[str] = []
    for case in cases:
        row = table.setdefault(case["class"], Counter())
        row["cases"] += 1
        quiet = flags_of(case["title"], case["quiet"])
        errors = [f for f in quiet if f[1] == "error"]
        warnings = [f for f in quiet if f[1] == "warning"]
        if errors:
            row["false_errors"] += 1
        elif warnings:
            row["false_warnings"] += 1
        if errors or warnings:
            failures.append(f"QUIET {case['class']}: {case['id']}: {errors + warnings}")
        fired = flags_of(case["title"], case["fires"])
        if any(name == case["name"] for name, _, _ in fired):
            row["twins_found"] += 1
        else:
            failures.append(f"FIRES {case['class']}: {case['id']}: wanted {case['name']}, got {fired}")
    return table, failures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    table, failures = score(load_cases())
    total: Counter = Counter()
    print(f"{'class':<20} cases  false errors  false warnings  twins found")
    for name, row in table.items():
        total.update(row)
        print(f"{name:<20} {row['cases']:>5}  {row['false_errors']:>12}  {row['false_warnings']:>14}  {row['twins_found']:>11}")
    print(f"{'all':<20} {total['cases']:>5}  {total['false_errors']:>12}  {total['false_warnings']:>14}  {total['twins_found']:>11}")
    if args.verbose:
        print("\n".join(failures))


if __name__ == "__main__":
    main()
