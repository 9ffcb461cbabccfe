"""Time `zongjie check` end to end on a folder (default: the seed documents).

Usage: python -m evaluation.bench_check [PATH ...] [--repeat N]

Prints the wall time of a fresh process (imports, jieba dictionary, parsing, every rule) and,
inside one process, how the time splits between import, parsing, document rules and corpus rules.
A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evaluation.shared import shared_dir

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = shared_dir() / "corpus" / "seeds"


def wall(paths: list[str], repeat: int, cached: bool) -> list[float]:
    """Wall seconds of `python cli.py check PATHS` in a fresh interpreter, ``repeat`` times:
    with ``cached`` from a check cache an untimed first run filled, else with ``--no-cache``."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "ZONGJIE_CACHE_DIR": folder}
        command = [sys.executable, str(ROOT / "cli.py"), "check", *paths, "--fail-on", "never"]
        if cached:
            subprocess.run(command, cwd=ROOT, capture_output=True, check=False, env=env)
        else:
            command.append("--no-cache")
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(command, cwd=ROOT, capture_output=True, check=False, env=env)
            times.append(time.perf_counter() - start)
    return times


def stages(paths: list[str]) -> dict[str, float]:
    """Seconds per stage inside one process."""
    t0 = time.perf_counter()
    from nlp.checks import check_document
    from nlp.checks.corpus import check_corpus
    from nlp.pipeline import pipe

    t1 = time.perf_counter()
    parses = [p for p in pipe(paths) if hasattr(p, "doc")]
    t2 = time.perf_counter()
    for p in parses:
        check_document(p)
    t3 = time.perf_counter()
    check_corpus(parses)
    t4 = time.perf_counter()
    return {"documents": len(parses), "import": t1 - t0, "parse": t2 - t1,
            "document rules": t3 - t2, "corpus rules": t4 - t3}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    for cached in (False, True):
        times = wall(args.paths, args.repeat, cached)
        print(f"wall, fresh process, {'cache filled' if cached else 'no cache'} ({args.repeat} runs): "
              f"median {statistics.median(times):.2f} s, min {min(times):.2f} s")
    for name, value in stages(args.paths).items():
        print(f"  {name:<15} {value:.3f}" if isinstance(value, float) else f"  {name:<15} {value}")


if __name__ == "__main__":
    main()
