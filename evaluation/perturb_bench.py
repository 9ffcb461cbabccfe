"""Behavioural tests on the dev gold (CheckList): how much of what is right on a dev document stays
right when the document is perturbed the ways unseen documents differ.

    python -m evaluation.perturb_bench          # the table: perturbation x field
    python -m evaluation.perturb_bench -v       # and every miss: document, field, expected, got
    python -m evaluation.perturb_bench --only title_removed,heading_run_on

Every dev gold document that annotates metadata or headings (evaluation/gold/dev/*.json and the
long reports' partial gold in gold/dev/meta/ and gold/dev/headings/) is perturbed by each function
of ``evaluation.perturbations.PERTURBATIONS`` and parsed; a cell is the share of documents where the
field is what the perturbation's expected gold says (headings: micro F1 over (level, text), as
``zongjie evaluate`` scores them; ``inserted``: documents where the inserted block gives no heading
and no figure). The first row is the unperturbed baseline; the last column counts the misses on a
(document, field) the baseline gets right: what the perturbation itself breaks. Never run on the
test split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpus.readers import read_bytes, read_text
from evaluation.gold import declared_parts, find_document, gold_files, load_gold, read_original
from evaluation.perturbations import META_FIELDS, PERTURBATIONS, Case, Perturbed, heading_gold, meta_gold
from evaluation.scorer import Counts, strip_heading
from evaluation.splits import doc_folders, gold_dir
from nlp.pipeline import parse_raw
from nlp.records import Parse

COLUMNS = (*META_FIELDS, "headings", "inserted")
_DISABLED = ("activities", "categories", "checks")
BASELINE = "baseline"


def load_cases() -> list[Case]:
    """The dev gold documents with metadata or headings gold, merged by document name."""
    root = gold_dir("dev")
    folders = doc_folders("dev")
    by_doc: dict[str, Case] = {}
    for folder in (root, root / "meta", root / "headings"):
        for path in gold_files(folder):
            declared = declared_parts(path) or ("meta", "headings")
            parts = tuple(p for p in ("meta", "headings") if p in declared)
            if not parts:
                continue
            gold = load_gold(path)
            doc = find_document(gold.doc, folders)
            if doc is None:
                continue
            old = by_doc.get(gold.doc)
            if old is None:
                by_doc[gold.doc] = Case(gold.doc, read_original(doc), gold, parts)
            else:  # a long report: metadata from meta/, headings from headings/
                merged = old.gold if "meta" in old.parts else gold
                heads = gold.headings if "headings" in parts else old.gold.headings
                merged = type(merged)(**{**merged.__dict__, "headings": heads})
                by_doc[gold.doc] = Case(gold.doc, old.text, merged, tuple(sorted({*old.parts, *parts})))
    return [by_doc[k] for k in sorted(by_doc)]


def baseline(case: Case) -> Perturbed:
    """The document as it is."""
    return Perturbed(case.name, case.text, meta_gold(case), heading_gold(case))


def parse_perturbed(p: Perturbed) -> Parse:
    raw = read_bytes(p.data, p.name) if p.data is not None else read_text(p.text, p.name)
    return parse_raw(raw, disable=_DISABLED)


@dataclass
class Cell:
    right: int = 0
    total: int = 0
    counts: Counts = field(default_factory=Counts)

    def render(self, headings: bool) -> str:
        if headings:
            return f"{self.counts.f1:.3f}" if self.total else "–"
        return f"{self.right / self.total:.3f} ({self.right}/{self.total})" if self.total else "–"


@dataclass(frozen=True)
class Miss:
    doc: str
    field: str
    expected: object
    got: object


def _meta(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def score(p: Perturbed, parse: Parse, row: dict[str, Cell], misses: list[Miss], doc: str) -> None:
    """Add one perturbed document's results to its row."""
    for name, want in p.expected.items():
        got = getattr(parse.doc, name)
        ok = _meta(want) == _meta(got)
        row[name].total += 1
        row[name].right += ok
        if not ok:
            misses.append(Miss(doc, name, want, got))
    if p.headings is not None:
        gold = Counter((level, strip_heading(text)) for level, text in p.headings)
        pred = Counter((s.level, strip_heading(s.heading)) for s in parse.sections if s.level >= 1)
        tp = sum((gold & pred).values())
        cell = row["headings"]
        cell.total += 1
        cell.counts = cell.counts + Counts(tp, sum(pred.values()) - tp, sum(gold.values()) - tp)
        if tp != sum(gold.values()) or tp != sum(pred.values()):
            misses.append(
                Miss(doc, "headings", sorted((gold - pred).elements()), sorted((pred - gold).elements()))
            )
    if p.inserted is not None:
        s, e = p.inserted
        inside = [x.heading for x in parse.sections if s <= x.start < e]
        inside += [f.text for f in parse.facts if s <= f.start < e]
        row["inserted"].total += 1
        row["inserted"].right += not inside
        if inside:
            misses.append(Miss(doc, "inserted", [], inside))


def run(names: Sequence[str]) -> tuple[dict[str, dict[str, Cell]], dict[str, list[Miss]]]:
    cases = load_cases()
    table: dict[str, dict[str, Cell]] = {}
    misses: dict[str, list[Miss]] = {}
    for name in names:
        fn = baseline if name == BASELINE else PERTURBATIONS[name]
        row = {c: Cell() for c in COLUMNS}
        found: list[Miss] = []
        for case in cases:
            p = fn(case)
            if p is None or (not p.expected and p.headings is None and p.inserted is None):
                continue
            score(p, parse_perturbed(p), row, found, case.name)
        table[name], misses[name] = row, found
    return table, misses


def new_failures(misses: dict[str, list[Miss]]) -> dict[str, int]:
    """Per row, the misses on a (document, field) that the unperturbed document gets right: what the
    perturbation itself breaks (CheckList's failure count), apart from what is wrong anyway."""
    wrong_anyway = {(m.doc, m.field) for m in misses.get(BASELINE, [])}
    return {name: sum((m.doc, m.field) not in wrong_anyway for m in found) for name, found in misses.items()}


def render(table: dict[str, dict[str, Cell]], failures: dict[str, int] | None = None) -> str:
    extra = ["new failures"] if failures is not None else []
    head = "| perturbation | " + " | ".join([*COLUMNS, *extra]) + " |"
    lines = [head, "|" + "---|" * (len(COLUMNS) + len(extra) + 1)]
    for name, row in table.items():
        cells = [row[c].render(c == "headings") for c in COLUMNS]
        if failures is not None:
            cells.append("–" if name == BASELINE else str(failures.get(name, 0)))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation.perturb_bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    parser.add_argument("--only", default="", help="comma-separated perturbation names (default: all)")
    parser.add_argument("--list", action="store_true", help="list the perturbations and what each does")
    args = parser.parse_args(argv)
    if args.list:
        for name, fn in PERTURBATIONS.items():
            print(f"{name}: {' '.join((fn.__doc__ or '').split())}")
        return 0
    names = [n for n in args.only.split(",") if n] or list(PERTURBATIONS)
    names = [BASELINE, *(n for n in names if n != BASELINE)]  # the baseline tells new failures apart
    unknown = [n for n in names if n != BASELINE and n not in PERTURBATIONS]
    if unknown:
        print(f"unknown perturbation {', '.join(unknown)}; see --list", file=sys.stderr)
        return 2
    if not load_cases():  # a table of dashes would read as "nothing to score", not "nothing found"
        folders = ", ".join(str(p) for p in doc_folders("dev"))
        print(f"no dev gold document found under {folders}; set ZONGJIE_SHARED to the shared folder", file=sys.stderr)
        return 2
    table, misses = run(names)
    print(render(table, new_failures(misses)))
    if args.verbose:
        for name, found in misses.items():
            for m in found:
                print(f"{name}\t{m.doc}\t{m.field}\texpected {m.expected!r}\tgot {m.got!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
