"""Training the activity model (nlp/activities/model.py) from gold annotations (SPEC section 6).

Every gold activity is located in its document by its quote and name (the first occurrence of the
name inside the unique quote), mapped to normalized offsets, and becomes BIO labels over the tokens
of its sentence. The grammar rules run on the same document first, so their decision is a feature
the tagger learns how far to trust. Kind examples are the gold names with the verb before them.
"""

from __future__ import annotations

import json
import os
import tempfile
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from nlp.activities.features import Span, Token, bio_labels
from nlp.activities.model import (
    KINDS_FILE,
    TAGGER_FILE,
    KindWeights,
    document_sequences,
    kind_features,
    verb_before,
)
from nlp.errors import ZongjieError
from nlp.records import Parse, Sentence

TAGGER_PARAMS = {"c1": 0.1, "c2": 1.0, "max_iterations": 150, "min_freq": 1}
KIND_C = 4.0
CARD_FILE = "activity_model.json"


@dataclass(frozen=True)
class DocExample:
    """One gold document, parsed, with its token sequences, labels and gold activities."""

    doc: str
    parse: Parse
    sequences: tuple[tuple[tuple[Token, ...], list[dict[str, str | float]]], ...]
    labels: tuple[tuple[str, ...], ...]
    gold_spans: tuple[Span, ...]  # original offsets of the gold names
    gold_kinds: tuple[str, ...]
    rule_spans: tuple[Span, ...]  # original offsets of what the grammar rules found
    rule_kinds: tuple[str, ...]
    kind_rows: tuple[tuple[str, str | None, str], ...]  # (name, verb, gold kind)
    rule_norm_spans: tuple[Span, ...] = ()  # the rule finds in normalized offsets


def excerpt_lines(original: str, excerpts: Sequence[str]) -> list[Span]:
    r"""The lines (original offsets) holding each excerpt quote: what a partial gold file annotated.

    >>> excerpt_lines("一行。\n二行开展活动。\n三行。", ["二行"])
    [(4, 11)]
    """
    lines = []
    for quote in excerpts:
        at = original.find(quote)
        if at < 0:
            raise ZongjieError(f"excerpt {quote!r} not found in the document")
        start = original.rfind("\n", 0, at) + 1
        end = original.find("\n", at)
        lines.append((start, len(original) if end < 0 else end))
    return lines


def unit_spans(original: str, units: Sequence[str]) -> list[Span]:
    """The spans (original offsets) of labelled sentences, each quoted whole and unique.

    >>> unit_spans("一行。开展活动。", ["开展活动。"])
    [(3, 8)]
    """
    spans = []
    for quote in units:
        at = original.find(quote)
        if at < 0 or original.find(quote, at + 1) >= 0:
            raise ZongjieError(f"unit {quote[:20]!r} does not occur exactly once in the document")
        spans.append((at, at + len(quote)))
    return spans


def example_from_parse(
    doc: str, parse: Parse, gold, excerpts: Sequence[str] = (), units: Sequence[str] = ()
) -> DocExample:
    """Align the gold activities of one document (an ``evaluation.gold.GoldDoc``) with its parse.

    ``excerpts`` (quotes) restrict a partially annotated document to the lines holding them;
    ``units`` (whole sentences, labelled one by one) to those sentences.
    """
    from evaluation.gold import inner_span
    from nlp.activities.extract import find_activities, heading_spans

    doc_text = parse.text
    assert doc_text is not None
    norm = doc_text.normalized
    text = norm.text
    sentences: Sequence[Sentence] = doc_text.sentences
    rules = find_activities(doc_text, parse.sections, parse.facts, learned=False)
    starts = [norm.to_original(i, i + 1)[0] for i in range(len(text))]
    if excerpts or units:
        lines = excerpt_lines(parse.original, excerpts) + unit_spans(parse.original, units)
        regions = [(bisect_left(starts, a), bisect_left(starts, b)) for a, b in lines]
        sentences = [x for x in sentences if any(a <= x.norm_start < b for a, b in regions)]
        rules = tuple(r for r in rules if any(a <= r.start < b for a, b in lines))
    gold_orig, gold_norm, kinds, rows = [], [], [], []
    for a in gold.activities:
        span = inner_span(parse.original, a.quote, a.name)
        if span is None:
            raise ZongjieError(f"{gold.file}: activity quote {a.quote!r} with name {a.name!r} not found once")
        gold_orig.append(span)
        kinds.append(a.kind)
        ns, ne = bisect_left(starts, span[0]), bisect_left(starts, span[1])
        gold_norm.append((ns, ne))
        rows.append((text[ns:ne], verb_before(text, ns), a.kind))
    sequences = document_sequences(
        doc_text,
        sentences,
        parse.facts,
        [(r.norm_start, r.norm_end) for r in rules],
        heading_spans(parse.sections),
    )
    labels = tuple(tuple(bio_labels(tokens, gold_norm)) for tokens, _ in sequences)
    return DocExample(
        doc=doc,
        parse=parse,
        sequences=tuple(sequences),
        labels=labels,
        gold_spans=tuple(gold_orig),
        gold_kinds=tuple(kinds),
        rule_spans=tuple((r.start, r.end) for r in rules),
        rule_kinds=tuple(str(r.kind) for r in rules),
        kind_rows=tuple(rows),
        rule_norm_spans=tuple((r.norm_start, r.norm_end) for r in rules),
    )


def gold_examples(gold_dir: Path, doc_folders: Sequence[Path]) -> list[DocExample]:
    """Every gold document of ``gold_dir`` parsed and aligned (documents found under ``doc_folders``).

    A gold file with an ``excerpts`` list (activities-only annotation of some lines of a long
    document, evaluation/gold/dev/activities/) contributes those lines only.
    """
    from corpus.readers import read_path
    from evaluation.gold import find_document, gold_files, gold_from_dict, read_gold_json
    from nlp.pipeline import parse_raw

    examples = []
    for path in gold_files(gold_dir):
        data = read_gold_json(path)
        gold = gold_from_dict(data, str(path))
        doc_path = find_document(gold.doc, doc_folders)
        if doc_path is None:
            raise ZongjieError(
                f"{path}: document {gold.doc!r} not found under {', '.join(map(str, doc_folders))}"
            )
        parse = parse_raw(read_path(doc_path), disable=["activities", "categories", "checks"])
        examples.append(example_from_parse(gold.doc, parse, gold, data.get("excerpts", ())))
    return examples


@dataclass(frozen=True)
class _SentenceGold:
    """The gold of labelled sentences of one document, shaped as ``example_from_parse`` reads it."""

    file: str
    activities: tuple


def sentence_examples(
    label_files: Sequence[Path], doc_folders: Sequence[Path], keep=lambda doc: True
) -> list[DocExample]:
    """Documents labelled sentence by sentence (evaluation/gold/activities_long/labels*.json:
    ``{"documents": {doc: {"units": [...], "activities": [...]}}}``), one example per document with
    the units and activities of every file merged; ``keep(doc)`` chooses the documents."""
    from corpus.readers import read_path
    from evaluation.gold import GoldActivity, find_document
    from nlp.pipeline import parse_raw

    merged: dict[str, tuple[list[str], list]] = {}
    for path in label_files:
        for doc, entry in json.loads(Path(path).read_text(encoding="utf-8"))["documents"].items():
            if not keep(doc):
                continue
            units, acts = merged.setdefault(doc, ([], []))
            units += entry["units"]
            acts += [
                GoldActivity(a["quote"], a["name"], a["kind"], a["category"], bool(a["planned"]))
                for a in entry["activities"]
            ]
    examples = []
    for doc, (units, acts) in sorted(merged.items()):
        doc_path = find_document(f"{doc}.txt", doc_folders)
        if doc_path is None:
            raise ZongjieError(f"document {doc!r} not found under {', '.join(map(str, doc_folders))}")
        parse = parse_raw(read_path(doc_path), disable=["activities", "categories", "checks"])
        gold = _SentenceGold(f"{doc} (sentence labels)", tuple(acts))
        examples.append(example_from_parse(f"{doc}/sentences", parse, gold, units=units))
    return examples


def without_rules(features: list[dict[str, str | float]]) -> list[dict[str, str | float]]:
    """The same features with the grammar rules' decision left out (the model alone)."""
    return [{k: v for k, v in f.items() if not k.startswith("rule")} for f in features]


def fit_tagger(examples: Sequence[DocExample], path: Path, use_rules: bool = True, **params: float):
    """Train the CRF on every sentence of ``examples`` and write it to ``path``; returns the CRF."""
    import sklearn_crfsuite

    xs, ys = [], []
    for ex in examples:
        for (_, features), labels in zip(ex.sequences, ex.labels, strict=True):
            xs.append(features if use_rules else without_rules(features))
            ys.append(list(labels))
    crf = sklearn_crfsuite.CRF(
        algorithm="lbfgs",
        all_possible_transitions=True,
        model_filename=str(path),
        **{**TAGGER_PARAMS, **params},
    )
    crf.fit(xs, ys)
    return crf


def fit_kinds(rows: Sequence[tuple[str, str | None, str]], c: float = KIND_C) -> KindWeights:
    """The kind classifier fitted on (name, verb, kind) rows."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([kind_features(n, v) for n, v, _ in rows])
    labels = [k for _, _, k in rows]
    if len(set(labels)) < 2:
        raise ZongjieError("the kind classifier needs activities of at least two kinds")
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(x, labels)
    return KindWeights(
        dict(vectorizer.vocabulary_),
        model.coef_ if len(model.classes_) > 2 else _binary(model.coef_),
        model.intercept_ if len(model.classes_) > 2 else _binary(model.intercept_),
        tuple(str(c) for c in model.classes_),
    )


def _binary(values):
    """A two-class logistic regression as two score rows (argmax gives the same class)."""
    import numpy as np

    return np.concatenate([-values / 2, values / 2], axis=0)


def default_gold_dirs() -> list[Path]:
    """The development gold: the whole documents of evaluation/gold/dev/ and the activities-only
    files of evaluation/gold/dev/activities/ (a subfolder, so the dev split's ``evaluate``, which
    reads the split's top level only, never scores them as whole documents). Never the test split."""
    dev = Path(__file__).resolve().parents[2] / "evaluation" / "gold" / "dev"
    return [dev] + ([dev / "activities"] if (dev / "activities").is_dir() else [])


def _shown(folder: Path) -> str:
    """A gold folder as the card shows it: relative to the repository when inside it."""
    root = Path(__file__).resolve().parents[2]
    try:
        return folder.resolve().relative_to(root).as_posix()
    except ValueError:
        return folder.name


def default_doc_folders() -> list[Path]:
    """The development documents: seeds/, dev/ and long/ of ``$ZONGJIE_SHARED/corpus`` (else
    ../shared beside the checkout)."""
    shared = os.environ.get("ZONGJIE_SHARED")
    root = Path(shared) if shared else Path(__file__).resolve().parents[3] / "shared"
    return [root / "corpus" / name for name in ("seeds", "dev", "long")]


def train_examples(examples: Sequence[DocExample], out_dir: Path) -> KindWeights:
    """Fit both parts on ``examples`` and write their files into ``out_dir``; returns the kinds."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / TAGGER_FILE
        fit_tagger(examples, staged)
        kinds = fit_kinds([row for ex in examples for row in ex.kind_rows])
        (out_dir / TAGGER_FILE).write_bytes(staged.read_bytes())
    kinds.save(out_dir / KINDS_FILE)
    return kinds


def train(
    out_dir: Path, gold_dirs: Sequence[Path] | None = None, doc_folders: Sequence[Path] | None = None
) -> dict:
    """Train both parts on every gold document and write them, with a summary, into ``out_dir``."""
    gold_dirs = list(gold_dirs or default_gold_dirs())
    doc_folders = list(doc_folders or default_doc_folders())
    examples = [ex for folder in gold_dirs for ex in gold_examples(folder, doc_folders)]
    if not any(ex.gold_spans for ex in examples):
        raise ZongjieError(f"{', '.join(map(str, gold_dirs))}: no gold activities to train on")
    kinds = train_examples(examples, out_dir)
    card = {
        "trained": date.today().isoformat(),
        "gold": [_shown(folder) for folder in gold_dirs],
        "documents": len(examples),
        "activities": sum(len(ex.gold_spans) for ex in examples),
        "sentences": sum(len(ex.sequences) for ex in examples),
        "tagger": {"file": TAGGER_FILE, **TAGGER_PARAMS},
        "kinds": {"file": KINDS_FILE, "classes": list(kinds.classes), "C": KIND_C},
    }
    (out_dir / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return card
