"""An unseen-like measure of document metadata (title, community, year, period): whole small reports
written for the tenth session in the genre's style, in wordings no earlier battery uses (other unit
names, other kinds of unit, other file names, headers, closings and period words), each read the way
SPEC sections 3, 5 and 6 and evaluation/gold/GUIDELINES.md (Metadata) say. The expectations were
fixed and committed before the pipeline first ran on these documents (ACC10 step 1); no case quotes
a corpus document.

The cases are data, in ``evaluation/meta_unseen/cases.toml`` (its header says the format); this
script reads them and scores the metadata stage on them. Run ``python -m evaluation.meta_unseen`` for
the per-field and per-document rates (``--failures`` lists what is wrong); tests/test_meta_unseen.py
holds every case as a test.
"""

from __future__ import annotations

import argparse
import tomllib
from dataclasses import dataclass
from pathlib import Path

FIELDS = ("title", "community", "year", "period")
CASES_FILE = Path(__file__).resolve().parent / "meta_unseen" / "cases.toml"
DEFAULT_PATH = "x.txt"


@dataclass(frozen=True)
class Case:
    """One document: the path it arrives under, its text, and the four fields GUIDELINES fixes."""

    name: str
    path: str
    text: str
    title: str | None
    community: str | None
    year: int | None
    period: str | None

    def expected(self) -> dict[str, object]:
        return {field: getattr(self, field) for field in FIELDS}


def _document(parts: list[str], bodies: dict[str, str]) -> str:
    """The document's text: its parts one after another, each on its own lines, "@NAME" a shared body."""
    lines = (bodies[part[1:]] if part.startswith("@") else part for part in parts)
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def load_batches(path: Path = CASES_FILE) -> dict[str, tuple[Case, ...]]:
    """Every batch's cases, by batch name, in the file's order."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    bodies: dict[str, str] = data["bodies"]
    return {
        batch["name"]: tuple(
            Case(
                name=case["name"],
                path=case.get("path", DEFAULT_PATH),
                text=_document(case["parts"], bodies),
                title=case.get("title"),
                community=case.get("community"),
                year=case.get("year"),
                period=case.get("period"),
            )
            for case in batch["case"]
        )
        for batch in data["batch"]
    }


BATCHES: dict[str, tuple[Case, ...]] = load_batches()
CASES: tuple[Case, ...] = tuple(case for batch in BATCHES.values() for case in batch)


def predict(case: Case) -> dict[str, object]:
    """The four fields as the pipeline's metadata stage reads them."""
    from nlp.records import RawDoc
    from nlp.text.document import Text
    from nlp.text.meta import extract_meta
    from nlp.text.outline import build_outline

    raw = RawDoc(id="a" * 64, path=case.path, text=case.text, encoding="utf-8")
    doc = Text.from_string(case.text)
    meta = extract_meta(raw, doc, build_outline(doc.normalized))
    return {field: getattr(meta, field) for field in FIELDS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every wrong field")
    args = parser.parse_args()
    right = dict.fromkeys(FIELDS, 0)
    whole = 0
    for case in CASES:
        got, want = predict(case), case.expected()
        wrong = [f for f in FIELDS if got[f] != want[f]]
        for field in FIELDS:
            right[field] += field not in wrong
        whole += not wrong
        if args.failures and wrong:
            print(f"{case.name}: " + "; ".join(f"{f} {got[f]!r} (want {want[f]!r})" for f in wrong))
    n = len(CASES)
    print(f"documents {n}; all four right {whole}/{n} = {whole / n:.3f}")
    for field in FIELDS:
        print(f"  {field:<10} {right[field]}/{n} = {right[field] / n:.3f}")
    print(f"  overall    {sum(right.values())}/{4 * n} = {sum(right.values()) / (4 * n):.3f}")


if __name__ == "__main__":
    main()
