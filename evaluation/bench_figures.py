"""CPU time of the figures and facts stages, part by part (issue 8, the figures' share of throughput).

Usage: python -m evaluation.bench_figures [PATH ...] [--repeat N]

Default input: the long reports of the shared corpus ($ZONGJIE_SHARED, else ../shared). Prints the
best of ``--repeat`` passes of this process's CPU time (``time.process_time``), which other processes
on a shared machine disturb much less than wall time:

- normalize, the figure candidates (``find_quantities``), the Text (sentences and clauses);
- the facts stage as the pipeline runs it (its first request for words segments the document: the Text's
  words, shown apart as ``segmenting``), and its parts with the words already made: the look-alike
  filter, subjects, planned, indicator resolution, and the rest of the stage (``records``: sections,
  offsets in the original, the Fact records).

``bench_speed`` gives the whole pipeline against ``jieba.lcut``; this one shows where the figures'
time goes. A benchmark, not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from evaluation.shared import corpus_documents

CLOCK = time.process_time


def _prepared(paths: list[Path]) -> list:
    """Parses up to the facts stage (outline and metadata, which facts read)."""
    from corpus.readers import read_path
    from nlp import pipeline

    out = []
    for path in paths:
        raw = read_path(path)
        parse = pipeline.parse_raw(raw, disable=["facts", "activities", "categories", "checks"])
        out.append((raw, parse))
    return out


def stage_times(paths: list[Path], repeat: int) -> dict[str, float]:
    from nlp import pipeline
    from nlp.figures.quantities import find_quantities
    from nlp.text import document
    from nlp.text.document import Text
    from nlp.text.normalize import normalize

    prepared = _prepared(paths)
    facts = next(stage for stage in pipeline.STAGES if stage.name == "facts")
    # the Text segments the whole document in one call (pos_cut_pieces), and a word cut by a
    # span's edge on its own (pos_cut): both are timed
    segment, segment_pieces = document.pos_cut, document.pos_cut_pieces
    spent_segmenting = [0.0]

    def timed(function):
        def run(*args):
            start = CLOCK()
            try:
                return function(*args)
            finally:
                spent_segmenting[0] += CLOCK() - start

        return run

    timed_segment, timed_pieces = timed(segment), timed(segment_pieces)

    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = dict.fromkeys(("normalize", "figures", "Text", "facts", "segmenting"), 0.0)
        spent_segmenting[0] = 0.0
        for raw, parse in prepared:
            start = CLOCK()
            normalized = normalize(raw.text)
            spent["normalize"] += CLOCK() - start
            start = CLOCK()
            figures = find_quantities(normalized.text)
            spent["figures"] += CLOCK() - start
            start = CLOCK()
            text = Text(normalized, figures)
            spent["Text"] += CLOCK() - start
            fresh = pipeline.Parse(doc=parse.doc, original=raw.text, text=text, sections=parse.sections)
            document.pos_cut, document.pos_cut_pieces = timed_segment, timed_pieces
            try:
                start = CLOCK()
                facts.run(fresh, raw)
                spent["facts"] += CLOCK() - start
            finally:
                document.pos_cut, document.pos_cut_pieces = segment, segment_pieces
        spent["segmenting"] = spent_segmenting[0]
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    return best


def facts_parts(paths: list[Path], repeat: int) -> dict[str, float]:
    """The parts of the facts stage, with every clause's words already made."""
    from nlp.figures import facts as F
    from nlp.figures.lookalike import keep_figures
    from nlp.figures.planned import is_planned_sentence, is_start_value
    from nlp.figures.resolve import Figure, resolve_figures
    from nlp.figures.subjects import bare_total_indicator, find_subject_spans
    from nlp.records import DocType
    from nlp.text.outline import SectionLookup

    prepared = [parse for _, parse in _prepared(paths)]
    for parse in prepared:
        F.build_facts(parse.text, parse.text.figures, parse.sections, level=parse.doc.level)  # words made
    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = dict.fromkeys(("look-alike filter", "subjects", "planned", "resolution", "records"), 0.0)
        for parse in prepared:
            doc = parse.text
            start = CLOCK()
            kept = sorted(keep_figures(doc, doc.figures), key=lambda q: q.norm_start)
            spent["look-alike filter"] += CLOCK() - start
            start = CLOCK()
            subjects = find_subject_spans(doc, kept)
            spent["subjects"] += CLOCK() - start
            start = CLOCK()
            section_at = SectionLookup(parse.sections)
            plan = parse.doc.doc_type == DocType.PLAN
            for q in kept:  # as the stage decides: a figure in a plan section is a target at once
                section = section_at(q.norm_start)
                (
                    plan
                    or bool(section and section.planned)
                    or is_planned_sentence(F.plan_window(doc, q.norm_start, q.norm_end))
                ) and not is_start_value(doc.text, q.norm_start, q.norm_end)
            spent["planned"] += CLOCK() - start
            start = CLOCK()
            figures = [
                Figure(q.norm_start, q.norm_end, subject, q.unit, bare_total_indicator(doc, q, subject), at)
                for q, (subject, at) in zip(kept, subjects, strict=True)
            ]
            resolve_figures(doc, figures, parse.doc.level, parse.doc.community)
            spent["resolution"] += CLOCK() - start
            start = CLOCK()
            F.build_facts(
                doc, doc.figures, parse.sections, plan, level=parse.doc.level, own_name=parse.doc.community
            )
            spent["records"] += CLOCK() - start  # the whole stage, less the parts above (below)
        spent["records"] -= sum(seconds for name, seconds in spent.items() if name != "records")
        for name, seconds in spent.items():
            best[name] = min(best.get(name, seconds), seconds)
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, help="documents (default: the long reports)")
    ap.add_argument("--repeat", type=int, default=5, help="passes; the best is shown")
    args = ap.parse_args(argv)
    paths = args.paths or corpus_documents(("long",))
    size = sum(len(p.read_bytes()) for p in paths)
    print(f"{len(paths)} documents, {size / 1e6:.2f} MB; CPU seconds, best of {args.repeat}")
    for name, seconds in stage_times(paths, args.repeat).items():
        print(f"  {name:<24} {seconds:.3f}")
    print("facts, by part (words already made):")
    for name, seconds in facts_parts(paths, args.repeat).items():
        print(f"  {name:<24} {seconds:.3f}")


if __name__ == "__main__":
    main()
