"""The checker on passages of the long reports read blind (``evaluation/check_real/blind_long.tsv``).

Run ``python -m evaluation.check_blind_long [-v]``. A person read each passage before the checker
ran on it and wrote down every inconsistency a careful reader finds (``blind_long_found.tsv``).
This prints, per way of choosing the passages (random, targeted): passages, characters, the
inconsistencies written down and how many the checker finds (an error or warning flag overlapping
the written span), and the error and warning flags inside the passages that match nothing written
down (false flags: a passage with nothing written down is consistent by the reader). ``-v`` lists
those flags with their context.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from evaluation.splits import shared_root

HERE = Path(__file__).resolve().parent / "check_real"
PASSAGES = HERE / "blind_long.tsv"
FOUND = HERE / "blind_long_found.tsv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))


def flags_by_doc(docs: set[str]) -> dict[str, list]:
    """Error and warning flags (document and corpus rules) of each long report read."""
    from corpus.readers import read_path
    from nlp.checks import check_document
    from nlp.checks.corpus import check_corpus
    from nlp.pipeline import parse_raw

    folder = shared_root() / "corpus" / "long"
    parses = [parse_raw(read_path(folder / f"{doc}.txt")) for doc in sorted(docs)]
    across = check_corpus(parses)
    out: dict[str, list] = {}
    for doc, parse in zip(sorted(docs), parses, strict=True):
        flags = tuple(check_document(parse)) + tuple(across.get(parse.doc.id, ()))
        out[doc] = [(f, parse.original) for f in flags if f.severity.value in ("error", "warning")]
    return out


def score(verbose: bool = False) -> dict[str, Counter]:
    passages = _rows(PASSAGES)
    found = _rows(FOUND)
    flags = flags_by_doc({p["doc"] for p in passages})
    table: dict[str, Counter] = {}
    for p in passages:
        row = table.setdefault(p["how"], Counter())
        doc, start, end = p["doc"], int(p["start"]), int(p["end"])
        row["passages"] += 1
        row["chars"] += end - start
        written = [f for f in found if f["passage"] == p["passage"]]
        row["written"] += len(written)
        inside = [(f, text) for f, text in flags[doc] if start <= f.start < end]
        matched = set()
        for w in written:
            hits = [i for i, (f, _) in enumerate(inside) if f.start < int(w["end"]) and int(w["start"]) < f.end]
            if hits:
                row["written_found"] += 1
                matched.update(hits)
        for i, (f, text) in enumerate(inside):
            if i in matched:
                continue
            row[f"false_{f.severity.value}s"] += 1
            if verbose:
                context = text[max(0, f.start - 40) : f.end + 40].replace("\n", "⏎")
                print(f"{p['passage']} {doc} {f.name} {f.severity.value}: {context}")
    return table


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    table = score(args.verbose)
    keys = ("passages", "chars", "written", "written_found", "false_errors", "false_warnings")
    print(f"{'how':<10} " + " ".join(f"{k:>14}" for k in keys))
    total: Counter = Counter()
    for how, row in sorted(table.items()):
        total.update(row)
        print(f"{how:<10} " + " ".join(f"{row[k]:>14}" for k in keys))
    print(f"{'all':<10} " + " ".join(f"{total[k]:>14}" for k in keys))


if __name__ == "__main__":
    main()
