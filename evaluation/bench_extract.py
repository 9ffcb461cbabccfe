"""Benchmark `zongjie extract`: throughput with 1 and 2 jobs, and peak memory as the archive grows.

Usage: python -m evaluation.bench_extract [--sizes 1000,10000] [--jobs 1,2] [--paragraphs 6]

The archives are built at bench time, never committed: each document is an invented title over
paragraphs drawn (seeded) from the real development documents in ``$ZONGJIE_SHARED/corpus/{seeds,
dev,long}`` (else ``../shared`` beside the checkout). Each configuration runs `cli.py extract
--quiet` in a fresh process into a fresh store; the process tree's resident memory (the parent
and its workers, summed) is sampled every 0.1 s. A benchmark, not a test: nothing here asserts.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("seeds", "dev", "long")
STEMS = "枫林 青苗 石桥 金山 柳岸 东门 南湖 北苑 翠竹 桂花 松涛 梅园 玉泉 河西 春晖 锦绣".split()
KINDS = ("社区", "村")
PERIODS = ("上半年", "下半年", "年度")


def shared_corpus() -> Path | None:
    base = Path(os.environ["ZONGJIE_SHARED"]) if os.environ.get("ZONGJIE_SHARED") else ROOT.parent / "shared"
    corpus = base / "corpus"
    return corpus if corpus.is_dir() else None


def paragraphs(corpus: Path) -> list[str]:
    """Every paragraph of at least 20 characters of the development documents."""
    found = []
    for folder in FOLDERS:
        for file in sorted((corpus / folder).glob("*.txt")):
            text = file.read_text(encoding="utf-8", errors="replace")
            found += [line.strip() for line in text.splitlines() if len(line.strip()) >= 20]
    return found


def build(folder: Path, count: int, pool: list[str], per_document: int, seed: int = 7) -> int:
    """Write ``count`` documents into ``folder`` (100 per sub-folder); returns their total bytes."""
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        name = f"{rng.choice(STEMS)}{rng.choice(KINDS)}"
        title = f"{name}{rng.randint(2015, 2024)}年{rng.choice(PERIODS)}工作总结"
        body = "\n".join(rng.sample(pool, per_document))
        target = folder / f"part{i // 100:04d}" / f"doc{i:05d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = f"{title}\n\n{body}\n".encode()
        target.write_bytes(data)
        total += len(data)
    return total


def run(folder: Path, out: Path, jobs: int) -> tuple[float, float, float]:
    """Wall seconds, peak RSS of the extract process, and peak RSS of its whole tree (MB)."""
    import psutil

    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "extract", str(folder), "-o", str(out), "--jobs", str(jobs), "--quiet"],
        cwd=ROOT,
    )
    parent = psutil.Process(process.pid)
    peak_parent = peak_tree = 0
    while process.poll() is None:
        try:
            own = parent.memory_info().rss
            tree = own + sum(c.memory_info().rss for c in parent.children(recursive=True))
        except psutil.Error:
            tree = own = 0
        peak_parent, peak_tree = max(peak_parent, own), max(peak_tree, tree)
        time.sleep(0.1)
    return time.perf_counter() - start, peak_parent / 1e6, peak_tree / 1e6


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000", help="archive sizes, comma-separated")
    ap.add_argument("--jobs", default="1,2", help="worker counts, comma-separated")
    ap.add_argument("--paragraphs", type=int, default=6, help="paragraphs per document")
    args = ap.parse_args(argv)
    corpus = shared_corpus()
    if corpus is None:
        sys.exit("the shared corpus is missing: set ZONGJIE_SHARED or put it at ../shared")
    pool = paragraphs(corpus)
    print(f"{len(pool)} paragraphs from {', '.join(FOLDERS)}; {args.paragraphs} per document")
    print(f"{'documents':>9} {'MB':>6} {'jobs':>4} {'seconds':>8} {'docs/s':>7} {'MB/s':>6} "
          f"{'peak MB (parent)':>16} {'peak MB (all)':>13}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "archive"
            total = build(folder, size, pool, args.paragraphs)
            for jobs in (int(j) for j in args.jobs.split(",")):
                seconds, parent, tree = run(folder, Path(tmp) / f"d{jobs}.duckdb", jobs)
                print(f"{size:>9} {total / 1e6:>6.1f} {jobs:>4} {seconds:>8.1f} {size / seconds:>7.1f} "
                      f"{total / 1e6 / seconds:>6.3f} {parent:>16.0f} {tree:>13.0f}", flush=True)


if __name__ == "__main__":
    main()
