"""The pipeline against `jieba.lcut` in instructions executed, a figure other processes cannot move.

Usage: python -m evaluation.bench_instructions [PATH ...] [--limit N]

On a shared machine the seconds of `bench_speed` swing by up to three times from one run to the
next, and so does their ratio when the load changes between its two sides. The number of
instructions a pass executes does not depend on load. Each side runs in its own process under
`valgrind --tool=callgrind`, which collects only inside a `functools.reduce` that holds the measured
pass (a C function callgrind can name), after a warm-up on another document: dictionaries and
models are loaded, the words of the measured texts are new to the process, as in a batch.

Prints the instructions of the whole pipeline and of `jieba.lcut` over the same texts, and their
ratio. The pipeline is at least as fast as `jieba.lcut` when the ratio is at most 1.0 (instructions
are not seconds, but on one core they track CPU time within a few per cent for this kind of work).
Needs valgrind; says so and exits 2 where it is missing. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from evaluation.shared import ROOT, corpus_documents

_PASS = """
import functools, sys
sys.path.insert(0, {root!r})
from corpus.readers import read_path
paths = {paths!r}
raws = [read_path(p) for p in paths]
warm = read_path({warm!r})
if {side!r} == "pipeline":
    from nlp.pipeline import parse_raw
    def run_one(raw):  # no time budget: under callgrind a long report takes minutes
        return parse_raw(raw, time_budget=None)
    run_one(warm)
    if {prepared!r}:
        from nlp.pipeline import prepare_process
        prepare_process()
    functools.reduce(lambda _, raw: run_one(raw), raws, None)
else:
    import jieba
    jieba.setLogLevel(60)
    jieba.lcut(warm.text)
    functools.reduce(lambda _, raw: jieba.lcut(raw.text), raws, None)
"""

_TOTAL = re.compile(r"^summary:\s+(\d+)", re.MULTILINE)


def instructions(side: str, paths: list[Path], warm: Path, prepared: bool = False) -> int:
    """Instructions executed by one pass of ``side`` ("pipeline" or "jieba.lcut") over ``paths``;
    with ``prepared``, the pipeline's process is prepared as the pool workers are (``gc.freeze``)."""
    script = _PASS.format(
        root=str(ROOT), paths=[str(p) for p in paths], warm=str(warm), side=side, prepared=prepared
    )
    return callgrind_total(script, side)


def callgrind_total(script: str, label: str) -> int:
    """Instructions callgrind counts inside the ``functools.reduce`` calls of ``script``, run by this
    Python in its own process (``label`` names it in the error when callgrind writes no total)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--toggle-collect=functools_reduce*",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                script,
            ],
            check=True,
            capture_output=True,
        )
        found = _TOTAL.search(out.read_text(encoding="utf-8", errors="replace"))
        if found is None:
            raise RuntimeError(f"no instruction total in callgrind's output for {label}")
        return int(found.group(1))


def compiled_kernels() -> str:
    """Which of the optional C kernels this checkout runs (each has a Python form that runs instead)."""
    from nlp.activities import crf_decode, token_arrays, word_marks, word_scan
    from nlp.categories import grams, weights
    from nlp.text import sentences, tokens

    modules = {
        "tagger": crf_decode,
        "activity word scans": word_scan,
        "token keys": token_arrays,
        "word marks": word_marks,
        "sentences": sentences,
        "clause words": tokens,
        "category sums": weights,
        "category n-grams": grams,
    }
    built = [name for name, module in modules.items() if module.COMPILED is not None]
    return ", ".join(built) if built else "none (make kernels; or ZONGJIE_PURE_PYTHON is set)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="texts (default: the shared long reports)")
    parser.add_argument("--limit", type=int, default=4, help="how many texts (default 4: callgrind is ~50x slower)")
    parser.add_argument(
        "--prepared", action="store_true", help="the pipeline's process prepared as the pool workers are (gc.freeze)"
    )
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed: no instruction counts (apt-get install valgrind)")
        return 2
    paths = args.paths or corpus_documents(("long",))
    if len(paths) < 2:
        print("need at least two texts: one to warm up, one to measure")
        return 2
    warm, measured = paths[-1], paths[: min(args.limit, len(paths) - 1)]
    size = sum(len(p.read_bytes()) for p in measured)
    pipeline = instructions("pipeline", measured, warm, args.prepared)
    lcut = instructions("jieba.lcut", measured, warm)
    print(f"{len(measured)} documents, {size / 1e6:.2f} MB (warm-up on {warm.name})")
    print(f"  C kernels built (make kernels): {compiled_kernels()}")
    print(f"  pipeline      {pipeline / 1e9:.3f} G instructions{' (process prepared: gc.freeze)' if args.prepared else ''}")
    print(f"  jieba.lcut    {lcut / 1e9:.3f} G instructions")
    print(f"  pipeline / jieba.lcut in instructions: {pipeline / lcut:.2f} (the goal is at most 1.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
