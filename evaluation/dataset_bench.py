"""How right the comparison cells are: `indicator_values` against gold annotations.

Usage: python -m evaluation.dataset_bench GOLD_DIR --docs DOCS_DIR [--docs DOCS_DIR …] [--half tune|held] [--jobs N] [--json]

Each gold file's document (found under one of the DOCS_DIRs, in the order given: seeds and dev are two
folders, so give ``--docs`` once for each) is extracted as a community of its own, through a generated
manifest, into a temporary dataset. A gold file whose document is under none of them is named on
stderr, not scored silently. Then, per document and in total:

- **rows right**: the share of its ``indicator_values`` rows whose value (for a range: its bounds) is
  one the gold gives for that indicator in that document (any gold fact of the indicator: a part's or
  a planned figure counts too, as the measure was first defined);
- **rows comparable**: the stricter share of rows whose value is one of the gold's comparable values
  of that indicator (below): what SPEC section 5 says a row holds;
- **gold present**: the share of the gold's comparable values — facts with an indicator, breakdown
  null, scope ``unit`` (or none), planned false (SPEC section 5), and a number: a masked figure
  (``xx个``, all of value/low/high null) gives no value a cell could hold, so it is counted apart
  (``masked``), not as missing — that an ``indicator_values`` row of that indicator holds.

``--half`` scores one half of the gold files, sorted by name: ``tune`` the odd places (1st, 3rd …),
``held`` the even ones (2nd, 4th …). Session 12 (branch cells13) split the 74 written reports so —
w001, w003 … tuned on, w002, w004 … held out — before it changed any code.

**Excerpt gold** (a gold file with ``excerpts``, the long reports of ``gold/dev/facts``: facts annotated
only inside the excerpts) is scored on the excerpts alone: a row counts (rows right, rows comparable)
only when its fact starts inside one of the file's excerpts; every gold value lies inside one already.

Gold values are scaled by their magnitude word (9 万元 → 90000) as the scorer does (SPEC section 6).
Gold files written before indicators were annotated carry none: then both shares have nothing to
count, and the report says how many gold facts have an indicator at all.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from evaluation.gold import find_document, gold_files, read_gold_json, read_original
from evaluation.scorer import close, split_unit


@dataclass
class DocScore:
    doc: str
    rows: int = 0
    rows_right: int = 0
    rows_comparable: int = 0
    gold_comparable: int = 0
    gold_present: int = 0
    gold_with_indicator: int = 0
    gold_masked: int = 0  # comparable gold values with no number (masked): not counted in gold_comparable


def _scaled(fact: dict) -> tuple[float | None, float | None, float | None]:
    scale, _ = split_unit(fact.get("unit") or "")
    return tuple(None if fact.get(k) is None else fact[k] * scale for k in ("value", "low", "high"))


def _same(gold: tuple, row) -> bool:
    value, low, high = gold
    if value is not None:
        return close(value, row["value"])
    return low is not None and close(low, row["low"]) and close(high, row["high"])


def comparable(fact: dict) -> bool:
    """A gold value SPEC section 5 puts in indicator_values: an indicator, the whole, the unit's own, done."""
    return bool(fact.get("indicator")) and not fact.get("breakdown") and (fact.get("scope") or "unit") == "unit" \
        and not fact.get("planned")


def _masked(fact: dict) -> bool:
    return all(fact.get(k) is None for k in ("value", "low", "high"))


def score(gold: dict, rows: list[dict]) -> DocScore:
    """One document's score from its gold record and its indicator_values rows."""
    result = DocScore(gold["doc"], rows=len(rows))
    facts = [f for f in gold.get("facts", []) if f.get("indicator")]
    result.gold_with_indicator = len(facts)
    comparable_facts = [f for f in facts if comparable(f)]
    for row in rows:
        if any(f["indicator"] == row["indicator"] and _same(_scaled(f), row) for f in facts):
            result.rows_right += 1
        if any(f["indicator"] == row["indicator"] and _same(_scaled(f), row) for f in comparable_facts):
            result.rows_comparable += 1
    wanted = [f for f in comparable_facts if not _masked(f)]
    result.gold_masked = len(comparable_facts) - len(wanted)
    result.gold_comparable = len(wanted)
    for fact in wanted:
        if any(r["indicator"] == fact["indicator"] and _same(_scaled(fact), r) for r in rows):
            result.gold_present += 1
    return result


STREET = "评测街道"  # given too, so the street a text names does not change the community_id


def _community(i: int) -> str:
    return f"评测{i:03d}社区"


HALVES = ("tune", "held")


def halved(paths: Sequence[Path], half: str | None) -> list[Path]:
    """``half`` of ``paths`` (all of them for None): ``tune`` the odd places, ``held`` the even ones.

    >>> [p.name for p in halved([Path("w1"), Path("w2"), Path("w3")], "tune")]
    ['w1', 'w3']
    >>> [p.name for p in halved([Path("w1"), Path("w2"), Path("w3")], "held")]
    ['w2']
    """
    if half is None:
        return list(paths)
    return list(paths[HALVES.index(half)::2])


def located(gold_dir: Path, docs: Sequence[Path], half: str | None = None) -> tuple[list[tuple[dict, Path]], list[str]]:
    """The gold files of ``gold_dir`` (of one ``half`` of them when given) with their documents,
    searched in every folder of ``docs`` in order, and the document names found in none of them."""
    golds, unfound = [], []
    for path in halved(gold_files(gold_dir), half):
        data = read_gold_json(path)
        document = find_document(data["doc"], list(docs))
        if document is not None:
            golds.append((data, document))
        else:
            unfound.append(data["doc"])
    return golds, unfound


def extracted(gold_dir: Path, docs: Sequence[Path], jobs: int = 1, tables: Sequence[str] = ("indicator_values",),
              half: str | None = None):
    """The gold documents, each extracted as a community of its own through a generated manifest:
    (gold records with their documents, {table: DataFrame}); each document's rows are those of
    ``community_id(i)``, i its place in the list."""
    from nlp.dataset import extract, load

    golds, unfound = located(gold_dir, docs, half)
    if unfound:  # said aloud: a folder left out silently shrinks the measure
        sys.stderr.write(f"{len(unfound)} gold file(s) of {gold_dir} name no document under the --docs folders "
                         f"(not scored): {', '.join(unfound[:5])}{' …' if len(unfound) > 5 else ''}\n")
    if not golds:
        raise SystemExit(f"no gold file of {gold_dir} names a document under {', '.join(map(str, docs))}")
    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "manifest.csv"
        with manifest.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["path", "community", "street", "district", "year", "period"])
            for i, (_, document) in enumerate(golds):
                writer.writerow([os.path.abspath(document), _community(i), STREET, "", "", ""])
        out = Path(tmp) / "d.duckdb"
        extract([document for _, document in golds], out, manifest=manifest, jobs=jobs)
        frames = load(out, tables=list(tables))
    return golds, frames


def community_id(i: int) -> str:
    return f"{STREET}/{_community(i)}"


def excerpt_spans(gold: dict, document: Path) -> list[tuple[int, int]] | None:
    """Where the gold's excerpts stand in the document's original text (None: the whole document is annotated)."""
    if "excerpts" not in gold:
        return None
    text, spans = read_original(document), []
    for excerpt in gold["excerpts"]:
        at = text.find(excerpt)
        while at >= 0:
            spans.append((at, at + len(excerpt)))
            at = text.find(excerpt, at + 1)
    return spans


def in_excerpts(rows: list[dict], facts: list[dict], spans: list[tuple[int, int]] | None) -> list[dict]:
    """The rows whose fact starts inside one of ``spans`` (all rows for None).

    >>> in_excerpts([{"fact_id": 1}, {"fact_id": 2}], [{"id": 1, "start": 5}, {"id": 2, "start": 50}], [(0, 10)])
    [{'fact_id': 1}]
    """
    if spans is None:
        return rows
    starts = {f["id"]: f["start"] for f in facts}
    return [r for r in rows if any(a <= starts.get(r["fact_id"], -1) < b for a, b in spans)]


def run(gold_dir: Path, docs: Sequence[Path], jobs: int = 1, half: str | None = None) -> list[DocScore]:
    golds, frames = extracted(gold_dir, docs, jobs, tables=("indicator_values", "facts"), half=half)
    values, facts = frames["indicator_values"], frames["facts"]
    scores = []
    for i, (data, document) in enumerate(golds):
        mine = values[values.community_id == community_id(i)].to_dict("records")
        spans = excerpt_spans(data, document)
        if spans is not None:
            mine = in_excerpts(mine, facts[facts.community_id == community_id(i)].to_dict("records"), spans)
        scores.append(score(data, mine))
    return scores


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "n/a"


def render(scores: list[DocScore]) -> str:
    width = max([len(s.doc) for s in scores] + [8])
    lines = [f"{'document':<{width}} {'rows':>5} {'right':>6} {'cmp':>5} {'gold':>5} {'present':>8} {'masked':>7} "
             f"{'gold w/ indicator':>18}"]
    for s in scores:
        lines.append(f"{s.doc:<{width}} {s.rows:>5} {s.rows_right:>6} {s.rows_comparable:>5} {s.gold_comparable:>5} "
                     f"{s.gold_present:>8} {s.gold_masked:>7} {s.gold_with_indicator:>18}")
    rows, right = sum(s.rows for s in scores), sum(s.rows_right for s in scores)
    strict = sum(s.rows_comparable for s in scores)
    gold, present = sum(s.gold_comparable for s in scores), sum(s.gold_present for s in scores)
    lines.append(f"{len(scores)} documents: rows right {_share(right, rows)} ({right}/{rows}); "
                 f"gold present {_share(present, gold)} ({present}/{gold}); "
                 f"rows comparable {_share(strict, rows)} ({strict}/{rows}); "
                 f"masked gold values {sum(s.gold_masked for s in scores)}; "
                 f"gold facts with an indicator: {sum(s.gold_with_indicator for s in scores)}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--docs", type=Path, action="append", required=True,
                    help="a folder of the documents; give it again for more folders (seeds and dev)")
    ap.add_argument("--half", choices=HALVES, help="score one half of the gold files: tune (odd places) or held (even)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    scores = run(args.gold, args.docs, args.jobs, args.half)
    sys.stdout.write(json.dumps([asdict(s) for s in scores], ensure_ascii=False, indent=1) + "\n" if args.json
                     else render(scores))


if __name__ == "__main__":
    main()
