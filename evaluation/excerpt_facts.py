"""Scoring facts-only excerpt gold: figures annotated in a few passages of a long document.

A facts-only gold file (evaluation/gold/dev/facts/, written for the long reports of the shared
corpus' long/) says ``"parts": ["facts"]`` and lists ``excerpts``: exact substrings of the
document, each occurring once, inside which EVERY figure is annotated. Outside them nothing is
annotated, so a prediction there is neither right nor wrong: only predicted facts whose span lies
inside an excerpt are scored, with the scorer's own fact matching (detection, strict, fields,
indicators, comparable). The result is a ``Report`` of the facts part alone, shown beside the
split's own rows and never added into them.

A gold file that does not fit its document (an excerpt or quote not found once, a gold figure
outside every excerpt) becomes an error row of this report, so the split's main figures are still
printed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from evaluation.gold import (
    GoldDoc,
    GoldError,
    find_document,
    gold_files,
    gold_from_dict,
    load_gold,
    quote_span,
    read_gold_json,
)
from evaluation.scorer import DocScore, Report, Span, evaluate, gold_fact_spans, score_facts
from nlp.records import Parse

FOLDER = "facts"  # the subfolder of a split's gold that holds facts-only excerpt files
PARTS = ("facts",)


@dataclasses.dataclass(frozen=True)
class ExcerptGold:
    gold: GoldDoc
    excerpts: tuple[str, ...]

    @property
    def doc(self) -> str:
        return self.gold.doc


def excerpt_gold_from_dict(data: Any, file: str = "<gold>") -> ExcerptGold:
    """An ``ExcerptGold`` from a facts-only gold object; raises ``GoldError`` naming what is wrong.

    >>> g = excerpt_gold_from_dict({"doc": "a.txt", "title": None, "community": None, "year": None,
    ...     "period": None, "parts": ["facts"], "excerpts": ["共有党员12名。"], "headings": [],
    ...     "facts": [], "activities": [], "flags": []})
    >>> g.excerpts, g.gold.doc
    (('共有党员12名。',), 'a.txt')
    """
    gold = gold_from_dict(data, file)
    if data.get("parts") != list(PARTS):
        raise GoldError(f'{file}: a facts-only excerpt file says "parts": ["facts"]')
    excerpts = data.get("excerpts")
    if not isinstance(excerpts, list) or not excerpts or not all(isinstance(e, str) and e for e in excerpts):
        raise GoldError(f'{file}: "excerpts" must be a non-empty list of quoted passages')
    return ExcerptGold(gold, tuple(excerpts))


def excerpt_spans(gold: ExcerptGold, text: str) -> list[Span]:
    """Where each excerpt lies in the document's original text; each must occur exactly once."""
    spans = []
    for excerpt in gold.excerpts:
        span = quote_span(text, excerpt)
        if span is None:
            found = text.count(excerpt)
            raise GoldError(
                f"{gold.gold.file}: excerpt {excerpt[:30]!r}… occurs {found} times in {gold.gold.doc}"
            )
        spans.append(span)
    return spans


def inside(span: Span, areas: Sequence[Span]) -> bool:
    """Whether ``span`` lies wholly within one of ``areas``.

    >>> inside((3, 5), [(0, 4), (2, 9)]), inside((3, 5), [(0, 4)])
    (True, False)
    """
    return any(a[0] <= span[0] and span[1] <= a[1] for a in areas)


def parsed_with_gold(gold_dir: Path, docs: Sequence[Path]) -> Iterator[tuple[GoldDoc, Parse, list[Span]]]:
    """Each gold file of ``gold_dir`` (whole-document or excerpt gold) whose document lies under
    ``docs``: its gold, the document's parse (for excerpt gold, only the facts inside the
    excerpts) and the spans of the gold facts in the original text. The diagnostic listings
    (``evaluation.diff_facts``, ``evaluation.comparable_errors``) read their pairs from these."""
    from nlp.pipeline import parse_file

    for gold_file in sorted(gold_dir.glob("*.json")):
        data = read_gold_json(gold_file)
        excerpts = excerpt_gold_from_dict(data, str(gold_file)) if "excerpts" in data else None
        gold = excerpts.gold if excerpts is not None else load_gold(gold_file)
        path = find_document(gold.doc, list(docs))
        if path is None:
            continue
        result = parse_file(path)
        if excerpts is not None:
            areas = excerpt_spans(excerpts, result.original)
            inside_facts = tuple(f for f in result.facts if inside((f.start, f.end), areas))
            result = dataclasses.replace(result, facts=inside_facts)
        yield gold, result, gold_fact_spans(gold, result.original)


def score_excerpt_document(gold: ExcerptGold, parse: Parse) -> DocScore:
    """The facts score of one document, counting only predictions inside its excerpts."""
    areas = excerpt_spans(gold, parse.original)
    spans = gold_fact_spans(gold.gold, parse.original)
    for fact, span in zip(gold.gold.facts, spans, strict=True):
        if not inside(span, areas):
            raise GoldError(f"{gold.gold.file}: fact {fact.quote!r} lies outside every excerpt")
    kept = tuple(f for f in parse.facts if inside((f.start, f.end), areas))
    facts, _ = score_facts(gold.gold, dataclasses.replace(parse, facts=kept), spans)
    return DocScore(doc=gold.gold.doc, facts=facts)


def evaluate_folder(
    folder: Path, docs: Sequence[Path], parse_fn: Callable[[Path], Parse] | None = None
) -> Report | None:
    """Score every facts-only excerpt file of ``folder``; None when it holds none.

    A file that cannot be read or does not fit its document, and a document that cannot be found
    or parsed, are error rows.
    """
    paths = gold_files(folder) if folder.is_dir() else []
    if not paths:
        return None
    items: list[ExcerptGold | DocScore] = []
    for path in paths:
        try:
            items.append(excerpt_gold_from_dict(read_gold_json(path), str(path)))
        except GoldError as exc:
            items.append(DocScore(path.name, error=f"gold: {exc}"))
    golds = [item for item in items if isinstance(item, ExcerptGold)]
    rows = iter(evaluate(golds, docs, PARTS, parse_fn, score=_score_or_error).documents)
    return Report(tuple(next(rows) if isinstance(item, ExcerptGold) else item for item in items), PARTS)


def _score_or_error(gold: ExcerptGold, parsed: Parse) -> DocScore:
    try:
        return score_excerpt_document(gold, parsed)
    except GoldError as exc:
        return DocScore(gold.doc, error=f"gold: {exc}")


def report_name(split: str) -> str:
    """The name the excerpt report of ``split`` is shown under, beside the split's own."""
    return f"{split}/{FOLDER}"
