"""The pipeline's figures on the dev gold, labelled for the learned indicator decision
(evaluation/indicator_cv.py): what the model reads of each figure and what the gold says of it.

Each gold document (gold/dev/ real reports, gold/dev/written/, the long-report excerpts of
gold/dev/facts/ with only the figures inside their excerpts) is parsed once; the facts stage's
``resolve_figures`` is wrapped for that parse to keep the figures it read and the rules' decisions. A
figure's label is the indicator of the gold fact it matches (the scorer's matching) when that is a
SPEC section 4 id, else none; its column label adds ``~`` when that gold fact is a part's or not the
unit's (not comparable).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from evaluation import excerpt_facts
from evaluation.gold import SPEC_INDICATORS, find_document, gold_files, load_gold, read_gold_json
from evaluation.scorer import comparable, gold_fact_spans, score_facts
from evaluation.splits import doc_folders, excerpt_doc_folders, gold_dir
from nlp.figures import facts as facts_stage
from nlp.figures.clauses import clause_after, clause_before, sentence_start_before
from nlp.figures.resolution_state import Figure, Resolution, Trail
from nlp.figures.trail_rules import scope_on_trail
from nlp.records import Fact, Scope
from nlp.text.document import Text

NONE = "none"
PART = "~"  # a column label's mark: that indicator, but a part, or not the unit's figure
SOURCES = ("dev", "long excerpts", "written")
REAL = ("dev", "long excerpts")
CLAUSE_CHARS = 16
SENTENCE_CHARS = 24
HEADING_CHARS = 12


def figure_features(
    text: str, figure: Figure, rule: Resolution | None, qualifier: str = "", heading: str = ""
) -> list[str]:
    """What the model reads of one figure (binary features); ``rule`` None leaves out the rules' decision.

    >>> f = figure_features("社区现有党员73名。", Figure(6, 8, "党员", "名"), Resolution("party_members"))
    >>> "u=名" in f, "s=党员" in f, "p2=党员" in f, "r=party_members" in f, "rb=whole" in f
    (True, True, True, True, True)
    """
    start, end, unit, subject = figure.norm_start, figure.norm_end, figure.unit, figure.subject
    found = [f"u={unit}", f"s={subject or NONE}"]
    if subject:
        found += [f"s1={subject[-1]}", f"s2={subject[-2:]}"]
        found += [f"sb={subject[i : i + 2]}" for i in range(len(subject) - 1)]
    clause = clause_before(text, start)[-CLAUSE_CHARS:]
    found += [f"c1={ch}" for ch in clause]
    found += [f"c2={clause[i : i + 2]}" for i in range(len(clause) - 1)]
    found += [f"c3={clause[i : i + 3]}" for i in range(len(clause) - 2)]
    found += [f"p1={clause[-1:]}", f"p2={clause[-2:]}", f"p3={clause[-3:]}", f"p2u={clause[-2:]}|{unit}"]
    sentence_start = sentence_start_before(text, start)
    before = text[max(sentence_start, start - len(clause) - SENTENCE_CHARS) : start - len(clause)]
    found += [f"w2={before[i : i + 2]}" for i in range(len(before) - 1)]
    after = clause_after(text, end)[:4]
    found += [f"a1={ch}" for ch in after] + [f"a2={after[:2]}"]
    line_start = text.rfind("\n", 0, start) + 1
    opening = text[line_start : min(start, line_start + 8)]
    found += [f"h2={opening[i : i + 2]}" for i in range(len(opening) - 1)]
    found.append(f"q={qualifier}")
    heading = heading[:HEADING_CHARS]
    found += [f"hd={heading[i : i + 2]}" for i in range(len(heading) - 1)]
    if rule is not None:
        indicator = rule.indicator if rule.indicator in SPEC_INDICATORS else (NONE if rule.indicator is None else "other")
        found += [f"r={indicator}", f"ru={indicator}|{unit}", f"rb={'part' if rule.breakdown else 'whole'}"]
        found += [f"rd={d}" for d in rule.breakdown or ()]
        found.append(f"rs={getattr(rule.scope, 'value', rule.scope)}")
    return found


# ---------------------------------------------------------------- the pipeline's figures on the gold


@dataclasses.dataclass(frozen=True)
class Candidate:
    fact: Fact
    plain: tuple[str, ...]  # features without the rules' decision
    ruled: tuple[str, ...]  # with it
    label: str
    column: str  # the label with ``~`` after it when the gold fact is a part's or not the unit's
    place_scope: Scope  # the scope the rules' place reading gives when the model adds an indicator


@dataclasses.dataclass(frozen=True)
class DocData:
    doc: str
    source: str
    gold: object  # GoldDoc
    facts: tuple[Fact, ...]
    pairs: tuple[tuple[int, int], ...]
    candidates: tuple[Candidate, ...]  # one per fact, same order


class _Capture:
    """Wraps the facts stage's ``resolve_figures`` to keep what it read and decided."""

    def __init__(self) -> None:
        self.calls: list[tuple[Text, tuple[Figure, ...], tuple[Resolution, ...], str | None, str | None]] = []
        self.original: Callable = facts_stage.resolve_figures

    def __enter__(self) -> _Capture:
        def wrapped(doc, figures, level=None, own=None):  # type: ignore[no-untyped-def]
            resolved = self.original(doc, figures, level, own)
            self.calls.append((doc, tuple(figures), resolved, level, own))
            return resolved

        facts_stage.resolve_figures = wrapped  # type: ignore[assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        facts_stage.resolve_figures = self.original  # type: ignore[assignment]


def _doc_data(doc: str, source: str, gold, parse, call, areas=None) -> DocData:  # type: ignore[no-untyped-def]
    text_doc, figures, resolved, level, own = call
    facts = parse.facts
    if areas is not None:
        facts = tuple(f for f in facts if excerpt_facts.inside((f.start, f.end), areas))
        parse = dataclasses.replace(parse, facts=facts)
    spans = gold_fact_spans(gold, parse.original)
    _, pairs = score_facts(gold, parse, spans)
    gold_of = {pi: gold.facts[gi] for gi, pi in pairs}
    at = {f.norm_start: i for i, f in enumerate(figures)}
    text = text_doc.text
    heading_of = {section.id: section.heading for section in parse.sections}
    candidates = []
    for pi, fact in enumerate(facts):
        i = at[fact.norm_start]
        figure, rule = figures[i], resolved[i]
        sentence_start = sentence_start_before(text, figure.norm_start)
        place = scope_on_trail(text_doc, figure.norm_start, sentence_start, Trail(), level, own)
        qualifier = str(getattr(fact.qualifier, "value", fact.qualifier))
        heading = heading_of.get(fact.section) or ""
        g = gold_of.get(pi)
        label = g.indicator if g is not None and g.indicator in SPEC_INDICATORS else NONE
        whole = g is not None and comparable(g.indicator, g.breakdown, g.scope)
        candidates.append(
            Candidate(
                fact,
                tuple(figure_features(text, figure, None, qualifier, heading)),
                tuple(figure_features(text, figure, rule, qualifier, heading)),
                label,
                label if whole or label == NONE else label + PART,
                place,
            )
        )
    return DocData(doc, source, gold, facts, tuple(pairs), tuple(candidates))


def collect() -> list[DocData]:
    """Every dev gold document (real, written, long excerpts) parsed once, its figures labelled."""
    from nlp.pipeline import parse_file

    out = []
    folders = doc_folders("dev")
    whole = [(p, "dev") for p in gold_files(gold_dir("dev"))]
    whole += [(p, "written") for p in gold_files(gold_dir("dev") / "written")]
    for path, source in whole:
        gold = load_gold(path)
        found = find_document(gold.doc, folders)
        if found is None:
            continue
        with _Capture() as cap:
            parse = parse_file(found, time_budget=None)
        out.append(_doc_data(gold.doc, source, gold, parse, cap.calls[-1]))
    for path in gold_files(gold_dir("dev") / excerpt_facts.FOLDER):
        excerpt = excerpt_facts.excerpt_gold_from_dict(read_gold_json(path), str(path))
        found = find_document(excerpt.gold.doc, excerpt_doc_folders("dev"))
        if found is None:
            continue
        with _Capture() as cap:
            parse = parse_file(found, time_budget=None)
        areas = excerpt_facts.excerpt_spans(excerpt, parse.original)
        out.append(_doc_data(excerpt.gold.doc, "long excerpts", excerpt.gold, parse, cap.calls[-1], areas))
    return out
