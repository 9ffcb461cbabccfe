"""The matched gold facts the category estimate reads: each with what a category model could read
(its subject, clause and sentence, its section headings, its document's title and unit names).

Every gold file's facts are matched to the pipeline's by span, as ``zongjie evaluate`` matches them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.gold import find_document, gold_files, load_gold, read_gold_json
from evaluation.scorer import gold_fact_spans, match_nearest
from nlp.records import Parse

CONTEXTS = ("sentence", "clause", "sentence+heading", "sentence+path")


@dataclass(frozen=True)
class Case:
    doc: str
    group: str  # "dev" (a whole document) or "long" (a facts-only excerpt file)
    category: str  # gold
    shipped: str  # the shipped model's category, as parsed
    subject: str
    clause: str
    sentence: str
    headings: tuple[str, ...]  # outermost first
    indicator: str | None = None  # the pipeline's indicator for the figure
    unit: str = ""
    title: str = ""  # the document's title as the pipeline read it
    names: tuple[str, ...] = ()  # the reporting unit's names (community, street): not a topic

    def text(self, context: str) -> str:
        """What the model reads for this figure; ``sentence`` is what the pipeline reads."""
        if context == "clause":
            return f"{self.subject} {self.clause}"
        if context == "sentence+heading":
            return f"{self.headings[-1] if self.headings else ''} {self.subject} {self.sentence}"
        if context == "sentence+path":
            return f"{' '.join(self.headings)} {self.subject} {self.sentence}"
        return f"{self.subject} {self.sentence}"


def cases(
    gold_dirs: Sequence[Path], docs: Sequence[Path], parse_fn: Callable[[Path], Parse] | None = None
) -> list[Case]:
    """The matched gold facts of every gold file directly in ``gold_dirs`` with their contexts."""
    if parse_fn is None:
        from nlp.pipeline import parse_file as parse_fn
    out: list[Case] = []
    for folder in gold_dirs:
        for path in gold_files(folder):
            gold = load_gold(path)
            found = find_document(gold.doc, docs)
            if not gold.facts or found is None:
                continue
            group = "written" if folder.name == "written" else "long" if "excerpts" in read_gold_json(path) else "dev"
            parse = parse_fn(found)
            out += _matched(gold, parse, group)
    return out


def _matched(gold, parse: Parse, group: str) -> list[Case]:
    doc = parse.text
    assert doc is not None
    pairs = match_nearest(gold_fact_spans(gold, parse.original), [(f.start, f.end) for f in parse.facts])
    sections = {s.id: s for s in parse.sections}
    out = []
    for gi, pi in pairs:
        fact = parse.facts[pi]
        headings: list[str] = []
        at = fact.section
        while at is not None and at in sections:
            headings.insert(0, sections[at].heading)
            at = sections[at].parent
        clause = doc.clause_at(fact.norm_start)
        out.append(
            Case(
                gold.doc,
                group,
                gold.facts[gi].category,
                str(fact.category),
                fact.subject or "",
                doc.span_text(clause) if clause else "",
                doc.context(fact.norm_start, fact.norm_end),
                tuple(headings),
                fact.indicator,
                fact.unit,
                parse.doc.title or "",
                tuple(n for n in (parse.doc.community, parse.doc.street, parse.doc.district) if n),
            )
        )
    return out
