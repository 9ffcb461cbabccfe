"""Real labelled clauses for the category model: every gold fact read as the pipeline reads a figure.

The pipeline gives a figure the category of ``subject + sentence`` (nlp/categories/assign.py
``_fact_texts``: the sentence of the normalized text around the figure, a window of ``MAX_CONTEXT``
characters in a longer one). A gold fact becomes a training row in the same form: its subject, then
the sentence of the normalized document that holds its number. The documents are read from the shared
corpus at training time (the gold files quote them; nothing of them is stored in the repository).

Only the development gold is ever read (evaluation/gold/dev and its facts-only excerpts of the long
reports, evaluation/gold/dev/facts), never the test split.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from nlp.errors import ZongjieError
from nlp.records import Category

REPOSITORY = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class RealClause:
    doc: str  # the gold file's document name, for leave-documents-out estimates
    text: str  # subject + sentence, as the pipeline reads a figure
    category: str


def default_gold_dirs() -> list[Path]:
    """The development gold: whole documents (evaluation/gold/dev) and the long-report excerpts
    (evaluation/gold/dev/facts). Never the test split."""
    dev = REPOSITORY / "evaluation" / "gold" / "dev"
    return [dev] + ([dev / "facts"] if (dev / "facts").is_dir() else [])


def default_doc_folders() -> list[Path]:
    """seeds/, dev/ and long/ of ``$ZONGJIE_SHARED/corpus`` (else ../shared beside the checkout)."""
    shared = os.environ.get("ZONGJIE_SHARED")
    root = Path(shared) if shared else REPOSITORY.parent / "shared"
    return [root / "corpus" / name for name in ("seeds", "dev", "long")]


def real_clauses(gold_dirs: Sequence[Path], doc_folders: Sequence[Path]) -> list[RealClause]:
    """A row per gold fact of the gold files directly in ``gold_dirs`` whose quote is found once in
    its document (documents looked up by name under ``doc_folders``)."""
    from evaluation.gold import find_document, gold_files, read_gold_json, read_original

    rows: list[RealClause] = []
    for gold_dir in gold_dirs:
        for path in gold_files(gold_dir):
            data = read_gold_json(path)
            if not data.get("facts"):
                continue
            found = find_document(data["doc"], doc_folders)
            if found is None:
                raise ZongjieError(
                    f"{path}: document {data['doc']!r} not found under {', '.join(map(str, doc_folders))}"
                )
            rows += clauses_of(data["doc"], read_original(found), data["facts"])
    return rows


def clauses_of(doc: str, original: str, facts: Sequence[dict]) -> list[RealClause]:
    """The training rows of one document's gold facts.

    >>> [r.text for r in clauses_of("x", "开展活动6次。现有党员41名，其中女党员9名。", [
    ...     {"quote": "其中女党员9名", "number_text": "9", "subject": "女党员", "category": "party_building"}])]
    ['女党员 现有党员41名，其中女党员9名。']
    """
    from nlp.categories.assign import MAX_CONTEXT
    from nlp.text.normalize import normalize
    from nlp.text.sentences import split_sentences

    norm = normalize(original)
    sentences = split_sentences(norm.text)
    spans = [norm.to_original(s.norm_start, s.norm_end) for s in sentences]
    starts = [start for start, _ in spans]
    rows = []
    for fact in facts:
        at = original.find(fact["quote"])
        if at < 0 or original.find(fact["quote"], at + 1) >= 0:
            continue
        at += max(0, fact["quote"].find(fact["number_text"]))
        i = bisect_right(starts, at) - 1
        if i < 0 or not (spans[i][0] <= at < spans[i][1]):
            continue
        sentence = norm.text[sentences[i].norm_start : sentences[i].norm_end]
        if len(sentence) > MAX_CONTEXT:
            middle = round((at - spans[i][0]) * len(sentence) / max(1, spans[i][1] - spans[i][0]))
            half = MAX_CONTEXT // 2
            sentence = sentence[max(0, middle - half) : middle + half]
        text = f"{fact.get('subject') or ''} {sentence}"
        rows.append(RealClause(doc, text, Category(fact["category"]).value))
    return rows
