"""Throughput of the whole pipeline against a plain `jieba.lcut` pass over the same text.

Usage: python -m evaluation.bench_speed [PATH ...] [--repeat N] [--skip-subprocess]

Default input: the long reports of the shared corpus ($ZONGJIE_SHARED, else ../shared). Prints, all
measured in this one run and on one core unless said otherwise:

- MB/s (UTF-8 bytes) of jieba.lcut, rjieba.cut and the whole pipeline, and the pipeline's ratio to
  jieba.lcut (the goal is at least 1.0), best of ``--repeat`` passes and on the first pass;
- the cost of a spaCy Doc made from the same words and tags, against the project's Text;
- the time of each stage (stages declared in nlp/pipeline.py), as parse_raw times it (on_stage);
- growth on dense figures (5人次户名场…): 12,000 against 60,000 characters (best of ``--repeat``,
  wall and CPU time);
- `nlp.pipe` wall time with 1 and 2 workers;
- peak memory (max RSS) of a process parsing the corpus 1, 2 and 4 times over;
- the cold start of `python cli.py parse FILE` (a fresh interpreter: imports and dictionaries).

A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import time
from pathlib import Path

from evaluation.shared import ROOT, corpus_documents


def _best(seconds: list[float]) -> float:
    return min(seconds)


def throughput(paths: list[Path], repeat: int) -> dict[str, float]:
    """Seconds per pass (best of ``repeat``) of jieba.lcut, rjieba.cut and the pipeline."""
    import jieba
    import rjieba

    from corpus.readers import read_path
    from nlp.pipeline import parse_raw

    raws = [read_path(p) for p in paths]
    size = sum(len(r.text.encode("utf-8")) for r in raws)
    jieba.setLogLevel(60)
    jieba.lcut("预热")
    parse_raw(raws[0])  # warm: dictionaries and models loaded once, as in a batch
    times: dict[str, list[float]] = {"jieba.lcut": [], "rjieba.cut": [], "pipeline": []}
    for _ in range(repeat):
        for name, run in (
            ("jieba.lcut", lambda r: jieba.lcut(r.text)),
            ("rjieba.cut", lambda r: rjieba.cut(r.text)),
            ("pipeline", parse_raw),
        ):
            start = time.perf_counter()
            for raw in raws:
                run(raw)
            times[name].append(time.perf_counter() - start)
    # the first pass is also reported: the stages keep per-word caches (activity tagger rows,
    # vocabulary look-ups) that later passes over the same text find warm, jieba has none
    return {
        "bytes": size,
        **{name: _best(t) for name, t in times.items()},
        **{f"{name}, first pass": t[0] for name, t in times.items() if name != "rjieba.cut"},
    }


def spacy_costs(paths: list[Path], repeat: int) -> dict[str, float]:
    """Seconds per pass (best of ``repeat``) to make a spaCy Doc of each document from the same
    words (blank ``zh`` vocabulary, no component), against making the project's Text with every
    clause segmented and tagged: what adopting the Doc as the shared object would cost."""
    import spacy
    from spacy.tokens import Doc

    from corpus.readers import read_path
    from nlp.figures.quantities import find_quantities
    from nlp.text.document import Text
    from nlp.text.normalize import normalize
    from nlp.text.tokens import pos_cut

    vocab = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}}).vocab
    texts = [normalize(read_path(p).text) for p in paths]
    times: dict[str, list[float]] = {"spaCy Doc (words + tags)": [], "Text (all clauses tagged)": []}
    for _ in range(repeat):
        start = time.perf_counter()
        for norm in texts:
            tagged = pos_cut(norm.text)
            Doc(vocab, words=[w for w, _ in tagged], spaces=[False] * len(tagged), tags=[t for _, t in tagged])
        times["spaCy Doc (words + tags)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        for norm in texts:
            doc = Text(norm, find_quantities(norm.text))
            for clause in doc.clauses:
                doc.words(clause.norm_start, clause.norm_end)
        times["Text (all clauses tagged)"].append(time.perf_counter() - start)
    return {name: _best(t) for name, t in times.items()}


def stage_times(paths: list[Path]) -> dict[str, float]:
    """Seconds spent in each stage over ``paths`` (warm), as timed inside ``parse_raw``: with the
    collector's freezing between stages that a parse does."""
    from corpus.readers import read_path
    from nlp import pipeline

    raws = [read_path(p) for p in paths]
    pipeline.parse_raw(raws[0])
    spent = {pipeline.TEXT_STEP: 0.0, **{s.name: 0.0 for s in pipeline.STAGES}}

    def add(name: str, seconds: float) -> None:
        spent[name] += seconds

    for raw in raws:
        pipeline.parse_raw(raw, on_stage=add)
    return spent


def growth(repeat: int = 1) -> dict[str, tuple[float, float]]:
    """Seconds (best of ``repeat``) to parse 12,000 and 60,000 characters of dense figures, as wall
    time and as this process's CPU time (which other processes on a shared machine disturb less)."""
    from nlp.pipeline import parse_text

    parse_text("社区现有党员41名。")
    out: dict[str, list[float]] = {"wall": [], "CPU": []}
    for size in (12_000, 60_000):
        text = ("5人次户名场" * (size // 6 + 1))[:size]
        wall, cpu = [], []
        for _ in range(repeat):
            start, start_cpu = time.perf_counter(), time.process_time()
            parse_text(text, time_budget=None)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        out["wall"].append(_best(wall))
        out["CPU"].append(_best(cpu))
    return {clock: (pair[0], pair[1]) for clock, pair in out.items()}


def workers(paths: list[Path]) -> dict[int, float]:
    """Wall seconds of nlp.pipe over ``paths`` with 1 and 2 workers (a fresh pool each time)."""
    from nlp.pipeline import pipe

    list(pipe(paths[:1]))
    out = {}
    for count in (1, 2):
        start = time.perf_counter()
        list(pipe(paths, workers=count))
        out[count] = time.perf_counter() - start
    return out


_MEMORY = """
import resource, sys
from nlp.pipeline import pipe
paths = sys.argv[2:] * int(sys.argv[1])
for item in pipe(paths):
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory(paths: list[Path]) -> dict[int, float]:
    """Max RSS in MB of a fresh process streaming the corpus 1, 2 and 4 times over."""
    out = {}
    for times in (1, 2, 4):
        done = subprocess.run(
            [sys.executable, "-c", _MEMORY, str(times), *map(str, paths)],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        out[times] = int(done.stdout.split()[-1]) / 1024
    return out


def cold_start(path: Path, repeat: int) -> float:
    """Median wall seconds of `python cli.py parse FILE` in a fresh interpreter."""
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "cli.py", "parse", str(path)], cwd=ROOT, capture_output=True, check=True)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


@dataclasses.dataclass
class Report:
    lines: list[str] = dataclasses.field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)
        print(text, flush=True)


def bench_arguments(ap: argparse.ArgumentParser, argv: list[str] | None) -> tuple[argparse.Namespace, list[Path]]:
    """Parse a throughput bench's arguments: its own, the documents (default: the long reports) and
    ``--prepared``, which prepares this process as the pool workers are before anything is timed."""
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument(
        "--prepared",
        action="store_true",
        help="Measure in a process prepared as the pool workers are (models loaded, then gc.freeze).",
    )
    args = ap.parse_args(argv)
    paths = args.paths or corpus_documents(("long",))
    if not paths:
        ap.error("no documents: give paths, or set ZONGJIE_SHARED to the shared folder")
    if args.prepared:
        from nlp.pipeline import prepare_process

        prepare_process()
    return args, paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-subprocess", action="store_true", help="Skip workers, memory and cold start.")
    args, paths = bench_arguments(ap, argv)
    out = Report()
    if args.prepared:
        out.add("(process prepared: models loaded and frozen out of the garbage collector's reach)")
    t = throughput(paths, args.repeat)
    mb = t["bytes"] / 1e6
    out.add(f"{len(paths)} documents, {mb:.2f} MB (best of {args.repeat}, one process, warm)")
    from evaluation.bench_instructions import compiled_kernels

    out.add(f"  C kernels built (make kernels): {compiled_kernels()}")
    for name in ("jieba.lcut", "rjieba.cut", "pipeline"):
        out.add(f"  {name:<11} {t[name]:7.3f} s  {mb / t[name]:6.2f} MB/s")
    out.add(f"  pipeline / jieba.lcut throughput ratio: {t['jieba.lcut'] / t['pipeline']:.2f}")
    first = t["jieba.lcut, first pass"] / t["pipeline, first pass"]
    out.add(f"  the same on the first pass (per-word caches cold for these texts): {first:.2f}")
    for name, seconds in spacy_costs(paths, args.repeat).items():
        out.add(f"  {name:<27} {seconds:6.3f} s  {mb / seconds:6.2f} MB/s")
    out.add("stages (seconds over the same documents):")
    for name, seconds in stage_times(paths).items():
        out.add(f"  {name:<27} {seconds:6.3f}")
    for clock, (small, large) in growth(args.repeat).items():
        out.add(
            f"dense figures, {clock}: 12,000 chars {small:.2f} s, 60,000 chars {large:.2f} s (x{large / small:.1f} for x5)"
        )
    if args.skip_subprocess:
        return
    for count, seconds in workers(paths).items():
        out.add(f"nlp.pipe, {count} worker{'s' if count > 1 else ''}: {seconds:.2f} s wall")
    for times, megabytes in peak_memory(paths).items():
        out.add(f"peak memory, corpus x{times} ({mb * times:.1f} MB): {megabytes:.0f} MB max RSS")
    out.add(f"cold start, `python cli.py parse {paths[0].name}`: {cold_start(paths[0], args.repeat):.2f} s (median)")


if __name__ == "__main__":
    main()
