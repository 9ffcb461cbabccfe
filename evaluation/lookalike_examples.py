"""The figure/look-alike filter's examples: every candidate number of the dev gold's documents with its
features and its label (evaluation/lookalike_train.py fits and measures the filter on them).

A candidate is every number the figure grammar finds with a unit (``nlp.figures.quantities.find_candidates``):
positive when it overlaps a gold fact, negative otherwise; its features are those of
``nlp.figures.lookalike.features`` read from the document's ``Text``. Facts-only excerpt files
(evaluation/gold/dev/facts/) add the candidates inside their excerpts only; the blind labels of
long-report candidates (evaluation/lookalike_long/) add the candidates they label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation import excerpt_facts
from evaluation.gold import GoldDoc, find_document, gold_files, inner_span, load_gold, read_gold_json
from evaluation.splits import doc_folders, excerpt_doc_folders, gold_dir
from nlp.figures.lookalike import features, lookalike_rule
from nlp.figures.quantities import find_candidates, find_quantities
from nlp.text.document import Text
from nlp.text.normalize import normalize

# The blind samples trained on; labels3.tsv is the held-out one, never trained on (eleventh session:
# labels4.tsv joined, its long-report rows only — the dev documents' candidates come from their gold).
LONG_LABELS = tuple(
    Path(__file__).resolve().parent / "lookalike_long" / name for name in ("labels.tsv", "labels2.tsv", "labels4.tsv")
)
WRITTEN = "written"  # gold/dev/written/: the team's own reports, every figure annotated


@dataclass(frozen=True)
class Example:
    doc: str
    features: dict[str, float]
    rule: str | None  # the look-alike rule that rejects the candidate; None: a figure by the rules
    label: bool  # overlaps a gold fact
    text: str  # the candidate and a little context, for reading the errors


@dataclass(frozen=True)
class DocExamples:
    doc: str
    examples: tuple[Example, ...]
    gold: int  # gold facts in the annotated part of the document


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def doc_examples(gold: GoldDoc, original: str, areas: Sequence[tuple[int, int]] | None = None) -> DocExamples:
    """The labelled candidates of one document (only those inside ``areas`` when given)."""
    normalized = normalize(original)
    doc = Text(normalized, find_quantities(normalized.text))
    spans = [inner_span(original, f.quote, f.number_text) for f in gold.facts]
    spans = [s for s in spans if s is not None]
    examples = []
    for c in find_candidates(normalized.text):
        q = c.quantity
        span = doc.to_original(q.norm_start, q.norm_end)
        if areas is not None and not any(a[0] <= span[0] and span[1] <= a[1] for a in areas):
            continue
        context = original[max(0, span[0] - 8) : span[1] + 4].replace("\n", " ")
        rule = c.rule or lookalike_rule(doc, q)
        examples.append(Example(gold.doc, features(doc, q), rule, any(_overlaps(span, g) for g in spans), context))
    return DocExamples(gold.doc, tuple(examples), len(spans))


def load_examples(with_excerpts: bool = True, with_written: bool = True) -> list[DocExamples]:
    """The dev gold's documents as labelled candidates; facts-only excerpt files and the written
    reports (gold/dev/written/, annotated completely) too unless told not."""
    from corpus.readers import read_path

    out = []
    folders = doc_folders("dev")
    whole = list(gold_files(gold_dir("dev")))
    written_dir = gold_dir("dev") / WRITTEN
    if with_written and written_dir.is_dir():
        whole += list(gold_files(written_dir))
    for path in whole:
        gold = load_gold(path)
        doc_path = find_document(gold.doc, folders)
        if doc_path is not None:
            out.append(doc_examples(gold, read_path(doc_path).text))
    facts_dir = gold_dir("dev") / excerpt_facts.FOLDER
    if with_excerpts and facts_dir.is_dir():
        for path in gold_files(facts_dir):
            excerpt_gold = excerpt_facts.excerpt_gold_from_dict(read_gold_json(path), str(path))
            doc_path = find_document(excerpt_gold.gold.doc, excerpt_doc_folders("dev"))
            if doc_path is None:
                continue
            original = read_path(doc_path).text
            areas = excerpt_facts.excerpt_spans(excerpt_gold, original)
            out.append(doc_examples(excerpt_gold.gold, original, areas))
    return out


def label_examples(paths: Sequence[Path] = LONG_LABELS) -> list[DocExamples]:
    """The blind labels of long-report candidates (evaluation/lookalike_long/, outside the facts/
    excerpts) as examples: positive when labelled a figure (``F``), negative for a look-alike
    (``L``); those left open (``?``) are not examples. One ``DocExamples`` per report, named like its
    excerpt file's so that cross-validation holds both out together."""
    from corpus.readers import read_path
    from evaluation.lookalike_long import long_dir, read_labels

    labels: dict[str, dict[tuple[int, int], bool]] = {}
    for path in paths:
        if path.is_file():
            for item, label, _ in read_labels(path):
                if label in ("F", "L") and (long_dir() / item.doc).is_file():  # (a dev document's: its gold)
                    labels.setdefault(item.doc, {})[(item.start, item.end)] = label == "F"
    out = []
    for name, spans in sorted(labels.items()):
        original = read_path(long_dir() / name).text
        normalized = normalize(original)
        doc = Text(normalized, find_quantities(normalized.text))
        examples = []
        for c in find_candidates(normalized.text):
            q = c.quantity
            span = doc.to_original(q.norm_start, q.norm_end)
            if span in spans:
                context = original[max(0, span[0] - 8) : span[1] + 4].replace("\n", " ")
                examples.append(Example(name, features(doc, q), c.rule or lookalike_rule(doc, q), spans[span], context))
        out.append(DocExamples(f"{name}#labels", tuple(examples), sum(spans.values())))
    return out
