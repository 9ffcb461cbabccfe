"""The facts stage of this checkout against the same stage at another commit, alternately in one process.

Usage: python -m evaluation.bench_facts_ab [PATH ...] --against REV [--repeat N]

On a machine shared by several processes, two benchmark runs minutes apart can differ by a third, so
a change of a fifth needs both sides measured together (issue 8). The package ``nlp`` of commit REV
is copied (``git archive``) into a temporary folder under another name (``nlp_base``), and both
versions of the facts stage run on the same parses, one after the other in every pass, best of
``--repeat`` passes of CPU time: the whole stage with the words already made, and its parts (the
look-alike filter, subjects, planned, resolution). ``--against HEAD`` measures the harness's own
bias: its ratios should be close to 1.00.

Default input: the long reports of the shared corpus ($ZONGJIE_SHARED, else ../shared). A benchmark,
not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import importlib
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path
from types import ModuleType

from evaluation.shared import ROOT, corpus_documents

CLOCK = time.process_time
BASE = "nlp_base"
PARTS = ("look-alike filter", "subjects", "planned", "resolution")


def base_package(rev: str, folder: Path) -> None:
    """``nlp`` of commit ``rev`` written to ``folder/nlp_base``, its imports of itself renamed."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "nlp"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "nlp").rename(folder / BASE)
    for path in (folder / BASE).rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        source = re.sub(r"\b(from|import) nlp\b", rf"\1 {BASE}", source)
        source = re.sub(r"([\"'])nlp\.", rf"\1{BASE}.", source)  # importlib.resources and import_module names
        path.write_text(source, encoding="utf-8")


def _modules(package: str) -> dict[str, ModuleType]:
    return {
        name: importlib.import_module(f"{package}.{module}")
        for name, module in (
            ("facts", "figures.facts"),
            ("lookalike", "figures.lookalike"),
            ("subjects", "figures.subjects"),
            ("planned", "figures.planned"),
            ("resolve", "figures.resolve"),
            ("document", "text.document"),
        )
    }


def _one_pass(m: dict[str, ModuleType], parses: list, docs: list) -> dict[str, float]:
    """CPU seconds of the whole stage and of its parts over every document, words already made."""
    spent = dict.fromkeys(("facts stage", *PARTS), 0.0)
    F, L, S, P, R = m["facts"], m["lookalike"], m["subjects"], m["planned"], m["resolve"]
    for parse, doc in zip(parses, docs, strict=True):
        start = CLOCK()
        F.build_facts(doc, doc.figures, parse.sections, level=parse.doc.level, own_name=parse.doc.community)
        spent["facts stage"] += CLOCK() - start
        start = CLOCK()
        kept = sorted(L.keep_figures(doc, doc.figures), key=lambda q: q.norm_start)
        spent["look-alike filter"] += CLOCK() - start
        start = CLOCK()
        subjects = S.find_subject_spans(doc, kept)
        spent["subjects"] += CLOCK() - start
        start = CLOCK()
        for q in kept:
            window = F.plan_window(doc, q.norm_start, q.norm_end)
            P.is_planned_sentence(window) and not P.is_start_value(doc.text, q.norm_start, q.norm_end)
        spent["planned"] += CLOCK() - start
        start = CLOCK()
        figures = [
            R.Figure(q.norm_start, q.norm_end, subject, q.unit, S.bare_total_indicator(doc, q, subject), at)
            for q, (subject, at) in zip(kept, subjects, strict=True)
        ]
        R.resolve_figures(doc, figures, parse.doc.level, parse.doc.community)
        spent["resolution"] += CLOCK() - start
    return spent


def compare(paths: list[Path], rev: str, repeat: int) -> dict[str, tuple[float, float]]:
    """(base, this checkout) CPU seconds of the facts stage and its parts, best of ``repeat``."""
    from corpus.readers import read_path
    from nlp import pipeline

    with tempfile.TemporaryDirectory() as folder:
        base_package(rev, Path(folder))
        sys.path.insert(0, folder)
        try:
            sides = {"base": _modules(BASE), "this": _modules("nlp")}
        finally:
            sys.path.remove(folder)
        parses = [
            pipeline.parse_raw(read_path(p), disable=["facts", "activities", "categories", "checks"]) for p in paths
        ]
        docs = {
            side: [m["document"].Text(p.text.normalized, p.text.figures) for p in parses] for side, m in sides.items()
        }
        best: dict[str, dict[str, float]] = {side: {} for side in sides}
        for side, m in sides.items():  # words made, caches warm
            _one_pass(m, parses, docs[side])
        for _ in range(repeat):
            for side, m in sides.items():
                for name, seconds in _one_pass(m, parses, docs[side]).items():
                    best[side][name] = min(best[side].get(name, seconds), seconds)
        for name in [n for n in sys.modules if n == BASE or n.startswith(BASE + ".")]:
            del sys.modules[name]
    return {name: (best["base"][name], best["this"][name]) for name in best["this"]}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="documents (default: the long reports)")
    ap.add_argument("--against", required=True, help="the commit to compare with (HEAD: the harness's bias)")
    ap.add_argument("--repeat", type=int, default=15, help="passes of each side; the best is shown")
    args = ap.parse_args(argv)
    paths = args.paths or corpus_documents(("long",))
    size = sum(len(p.read_bytes()) for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.2f} MB; CPU seconds, best of {args.repeat}, words made")
    print(f"  {'':<20} {args.against[:12]:>12} {'this':>8} {'ratio':>6}")
    for name, (base, this) in compare(paths, args.against, args.repeat).items():
        ratio = this / base if base else float("nan")
        print(f"  {name:<20} {base:>12.4f} {this:>8.4f} {ratio:>6.2f}")


if __name__ == "__main__":
    main()
