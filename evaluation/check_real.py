"""False alarms of the checker on real reports: every error (and warning) flag on the documents one
may read, beside a reader's judgement of it.

Run ``python -m evaluation.check_real [--sets long,seeds,dev,written] [--severity error|warning]
[--list] [--unlabelled]``. ``--list`` prints each flag with the sentence around it (the flagged text
between 【】) so that a reader can judge it from the text; the judgements live in
``evaluation/check_real/labels.tsv``, one flag a line, keyed by the flag's fingerprint (the same
as ``.zongjie-ignore``'s, so it survives edits elsewhere in the document):

    fingerprint  set  doc  name  severity  verdict  reason

``verdict`` is ``true`` (the source really is inconsistent, or a figure is really missing or
masked) or ``false`` (a false alarm: the rule misread a construction); ``reason`` names the
construction. Without ``--list`` the command prints, per set, the flags found, how many are
labelled false, and the flags nobody labelled yet (which must be read before a figure is quoted).

The sets: ``long`` (``corpus/long``: 13 government work reports never tuned on), ``seeds`` and
``dev`` (the development documents), ``written`` (``corpus/written`` in the repository: reports
the team wrote). The frozen test split is never read here.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from evaluation.splits import shared_root

SETS = ("long", "seeds", "dev", "written")
LABELS = Path(__file__).resolve().parent / "check_real" / "labels.tsv"
FIELDS = ("fingerprint", "set", "doc", "name", "severity", "verdict", "reason")


@dataclass(frozen=True)
class Seen:
    """One error or warning flag on a real document, with the text around it."""

    set: str
    doc: str
    name: str
    severity: str
    fingerprint: str
    message: str
    context: str


def files_of(name: str) -> list[Path]:
    """The documents of one set, in name order."""
    if name == "written":
        folder = Path(__file__).resolve().parent.parent / "corpus" / "written"
    else:
        folder = shared_root() / "corpus" / name
    return sorted(folder.glob("*.txt"))


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    """The flagged text between 【】 with up to ``width`` characters on each side, one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"{left}【{text[start:end]}】{right}".replace("\r", " ").replace("\n", "⏎")


def seen_flags(sets: tuple[str, ...], severities: frozenset[str]) -> list[Seen]:
    """Every flag of the given severities on the documents of ``sets`` (document and corpus rules)."""
    from corpus.readers import read_path
    from nlp.checks import check_document
    from nlp.checks.corpus import check_corpus
    from nlp.checks.suppress import fingerprint
    from nlp.pipeline import parse_raw

    found: list[Seen] = []
    for set_name in sets:
        parses = [parse_raw(read_path(path)) for path in files_of(set_name)]
        across = check_corpus(parses)
        for parse in parses:
            flags = tuple(check_document(parse)) + tuple(across.get(parse.doc.id, ()))
            for flag in sorted(flags, key=lambda f: (f.start, f.code)):
                if flag.severity.value not in severities:
                    continue
                found.append(
                    Seen(
                        set_name,
                        Path(parse.doc.path or "").stem,
                        flag.name,
                        flag.severity.value,
                        fingerprint(flag, parse.original),
                        flag.message,
                        _context(parse.original, flag.start, flag.end),
                    )
                )
    return found


def read_labels(path: Path = LABELS) -> dict[str, dict[str, str]]:
    """The judgements by fingerprint (empty when the file is absent)."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {row["fingerprint"]: row for row in rows}


def summary(found: list[Seen], labels: dict[str, dict[str, str]]) -> dict[str, dict[str, int]]:
    """Per set and severity: flags, judged false, judged true, not judged."""
    table: dict[str, Counter] = {}
    for s in found:
        row = table.setdefault(f"{s.set} {s.severity}", Counter())
        row["flags"] += 1
        verdict = labels.get(s.fingerprint, {}).get("verdict", "unlabelled")
        row[verdict] += 1
    return {key: dict(counts) for key, counts in sorted(table.items())}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--severity", default="error,warning")
    parser.add_argument("--list", action="store_true", help="print every flag with its context")
    parser.add_argument("--unlabelled", action="store_true", help="with --list: only flags not judged yet")
    args = parser.parse_args(argv)
    sets = tuple(s for s in args.sets.split(",") if s)
    found = seen_flags(sets, frozenset(args.severity.split(",")))
    labels = read_labels()
    if args.list:
        for s in found:
            if args.unlabelled and s.fingerprint in labels:
                continue
            verdict = labels.get(s.fingerprint, {}).get("verdict", "?")
            print(f"{s.fingerprint}\t{s.set}\t{s.doc}\t{s.name}\t{s.severity}\t{verdict}")
            print(f"    {s.context}")
            print(f"    -> {s.message}")
        return
    for key, counts in summary(found, labels).items():
        print(f"{key:<18} " + "  ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    unlabelled = [s for s in found if s.fingerprint not in labels]
    if unlabelled:
        print(f"{len(unlabelled)} flags not judged yet: run with --list --unlabelled")


if __name__ == "__main__":
    main()
