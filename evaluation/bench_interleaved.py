"""The pipeline against `jieba.lcut`, round by round in one process: the throughput ratio and its spread.

Usage: python -m evaluation.bench_interleaved [PATH ...] [--rounds N] [--prepared]

Default input: the long reports of the shared corpus ($ZONGJIE_SHARED, else ../shared). After one
warm-up pass of each side (dictionaries, models and the stages' per-word caches loaded, as in a
batch), ``--rounds`` rounds each run one `jieba.lcut` pass and one pipeline pass over the same
documents, the order alternating from round to round so neither side always runs second. Each pass
is timed with this process's CPU time (`time.process_time`, which the other processes of a shared
machine disturb less) and with the wall clock. Each round gives a ratio (lcut seconds / pipeline
seconds: above 1.0 the pipeline is the faster); printed: the median ratio, its interquartile range
and its min/max, for both clocks, and the median seconds of each side.

A single best-of-N ratio on this machine moved 0.81-0.99 between runs of the same code; the median
of many alternating rounds with its spread is the figure to compare between commits.
A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from evaluation.bench_speed import bench_arguments


def quartiles(values: list[float]) -> tuple[float, float, float]:
    """First quartile, median and third quartile (``statistics.quantiles``, inclusive method)."""
    if len(values) == 1:
        return values[0], values[0], values[0]
    q1, q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return q1, q2, q3


def rounds(paths: list[Path], count: int) -> dict[str, dict[str, list[float]]]:
    """Seconds of each side in each round: {clock: {side: [seconds per round]}}."""
    import jieba

    from corpus.readers import read_path
    from nlp.pipeline import parse_raw

    raws = [read_path(p) for p in paths]
    texts = [r.text for r in raws]
    jieba.setLogLevel(60)

    def lcut() -> None:
        for text in texts:
            jieba.lcut(text)

    def pipeline() -> None:
        for raw in raws:
            parse_raw(raw, time_budget=None)

    lcut()
    pipeline()
    out: dict[str, dict[str, list[float]]] = {
        "CPU": {"jieba.lcut": [], "pipeline": []},
        "wall": {"jieba.lcut": [], "pipeline": []},
    }
    sides = [("jieba.lcut", lcut), ("pipeline", pipeline)]
    for number in range(count):
        for name, run in sides if number % 2 == 0 else sides[::-1]:
            start_cpu, start = time.process_time(), time.perf_counter()
            run()
            out["CPU"][name].append(time.process_time() - start_cpu)
            out["wall"][name].append(time.perf_counter() - start)
    return out


def summary(times: dict[str, dict[str, list[float]]]) -> list[str]:
    """Lines: per clock, the median ratio, IQR, min/max and the median seconds of each side."""
    lines = []
    for clock, sides in times.items():
        ratios = [a / b for a, b in zip(sides["jieba.lcut"], sides["pipeline"], strict=True)]
        q1, median, q3 = quartiles(ratios)
        lines.append(
            f"  {clock:<4} ratio median {median:.3f}  IQR {q1:.3f}-{q3:.3f}  min/max {min(ratios):.3f}/{max(ratios):.3f}"
            f"  (median s: jieba.lcut {statistics.median(sides['jieba.lcut']):.3f},"
            f" pipeline {statistics.median(sides['pipeline']):.3f})"
        )
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    args, paths = bench_arguments(ap, argv)
    from evaluation.bench_instructions import compiled_kernels

    size = sum(len(p.read_bytes()) for p in paths) / 1e6
    print(
        f"{len(paths)} documents, {size:.2f} MB, {args.rounds} alternating rounds, one process"
        f"{' (prepared)' if args.prepared else ''}; C kernels built: {compiled_kernels()}"
    )
    print("pipeline / jieba.lcut throughput ratio per round (jieba.lcut seconds / pipeline seconds):")
    for line in summary(rounds(paths, args.rounds)):
        print(line, flush=True)


if __name__ == "__main__":
    main()
