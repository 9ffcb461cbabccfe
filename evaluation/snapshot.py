"""Snapshot every development document's parse record, and compare a later run with it.

    python -m evaluation.snapshot --out /tmp/before            # parse seeds, dev, long and written; one JSON each
    python -m evaluation.snapshot --compare /tmp/before        # parse again; name every document that differs

A refactoring aid: a change meant only to make the pipeline faster or cleaner must leave every record
(SPEC section 3, as `zongjie parse --json` prints it) identical. ``--compare`` prints the first differing
line of each changed document and exits 1 when any differs. Only development documents are read: the
shared corpus's seeds, dev and long, and the written reports of corpus/written.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from evaluation.shared import MISSING, ROOT, corpus_documents
from nlp.pipeline import parse_file


def records(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """(snapshot file name, record as indented JSON) of each document, in order."""
    for path in paths:
        record = parse_file(path).to_dict()
        where = f"{path.parent.name}/{path.name}"  # snapshots taken in two checkouts compare equal
        record["path"] = where
        if isinstance(record.get("doc"), dict) and "path" in record["doc"]:
            record["doc"]["path"] = where
        yield f"{path.parent.name}__{path.stem}.json", json.dumps(record, ensure_ascii=False, indent=1, sort_keys=True)


def first_difference(before: str, after: str) -> str:
    """The first changed line pair of two renderings, as a short unified diff."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    changed = [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return "\n".join(changed[:2])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="write the snapshot into this folder")
    group.add_argument("--compare", type=Path, help="compare with the snapshot in this folder")
    args = ap.parse_args(argv)
    paths = corpus_documents()
    if not paths:
        print(MISSING, file=sys.stderr)
        return 2
    paths += sorted((ROOT / "corpus" / "written").glob("*.txt"))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, text in records(paths):
            (args.out / name).write_text(text, encoding="utf-8")
        print(f"{len(paths)} records written to {args.out}")
        return 0
    changed = 0
    for name, text in records(paths):
        saved = args.compare / name
        before = saved.read_text(encoding="utf-8") if saved.is_file() else ""
        if before != text:
            changed += 1
            print(f"{name}: differs\n{first_difference(before, text)}")
    print(f"{changed} of {len(paths)} records differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
