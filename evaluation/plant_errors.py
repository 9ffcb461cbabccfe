"""Plant errors of every flag kind into copies of real documents, keeping the truth.

Each plant is either a sentence of a *phrasing* (evaluation/plants/*.toml, see
``evaluation.plant_data``) inserted after a 。 of the document, its numbers drawn by the phrasing's
shape so that the error is certain, or a mutation of one of the document's own figures (31起 →
31起起, 36户 → xx户, the title's year). Traps — look-alikes that must stay quiet — are planted the
same way under the name ``trap``. No corpus sentence is copied anywhere except inside the
planted copies.

``plant(parse, kinds, rng, phrasings)`` returns the new text and the planted truth: for each plant
its flag name (or ``trap``), its phrasing and the spans (in the new text) where a finding of that
name counts as a detection (for a trap: where any finding is a false alarm).
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from evaluation.plant_data import Phrasing
from evaluation.plant_shapes import SHAPES, Scale
from nlp.records import Fact, Parse, Qualifier

KINDS = (
    "sum_mismatch",
    "subset_exceeds_total",
    "implausible_magnitude",
    "rate_out_of_range",
    "rate_impossible",
    "rate_mismatch",
    "unsupported_rate",
    "conflicting_values",
    "period_mismatch",
    "approximate_figure",
    "duplicated_unit",
    "masked_figure",
    "missing_figure",
    "template_text",
)
# Kinds planted together into one copy: they do not feed each other's checks.
GROUPS = (
    ("sum_mismatch", "rate_impossible", "duplicated_unit", "masked_figure", "approximate_figure"),
    ("subset_exceeds_total", "rate_mismatch", "missing_figure", "conflicting_values", "unsupported_rate"),
    ("implausible_magnitude", "rate_out_of_range", "period_mismatch", "template_text"),
)
# Look-alike traps, planted in copies of their own.
TRAP_GROUP = ("trap",) * 4
# Kinds whose checks read figures of plans too.
_PLAN_BLIND = frozenset(
    {
        "approximate_figure",
        "duplicated_unit",
        "masked_figure",
        "missing_figure",
        "template_text",
        "period_mismatch",
    }
)
_COUNT_UNITS = ("起", "次", "户", "人", "名", "件", "个", "场")


@dataclass(frozen=True)
class Plant:
    """One planted error: the flag it should raise and where (spans in the planted text)."""

    name: str
    spans: tuple[tuple[int, int], ...]
    how: str  # "insert" or "mutate"
    phrasing: str = ""  # the phrasing's id, for inserted plants and traps
    area: tuple[tuple[int, int], ...] = ()  # every inserted span, marked or not


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    name: str
    marks: tuple[tuple[int, int], ...]  # spans relative to the replacement's start
    how: str
    phrasing: str = ""
    group: int = 0  # edits of one plant (the sentences of one phrasing) share a group


def _sentence_ends(parse: Parse, floor: int) -> list[int]:
    """Original offsets just after a 。 that the pipeline keeps as content (not junk the
    normalizer drops) and that lie outside planned sections (plans are not checked as facts)."""
    norm = parse.normalized
    if norm is None:
        return [m.end() for m in re.finditer("。", parse.original) if m.end() > floor]
    planned = [(s.norm_start, s.norm_end) for s in parse.sections if s.planned]
    ends = []
    for m in re.finditer("。", norm.text):
        if any(a <= m.start() < b for a, b in planned):
            continue
        end = norm.to_original(m.start(), m.end())[1]
        if end > floor and parse.original[end - 1] == "。":
            ends.append(end)
    return ends


def _insert(
    pos: int, sentence: str, name: str, marks: Sequence[tuple[int, int]] | None = None, group: int = 0
) -> Edit:
    return Edit(pos, pos, sentence, name, tuple(marks or [(0, len(sentence))]), "insert", "", group)


def _mutation(kind: str, facts: Sequence[Fact], text: str, rng: random.Random) -> Edit | None:
    """Change one of the document's own figures, when it has a fitting one."""
    pool = [
        f
        for f in facts
        if f.qualifier == Qualifier.EXACT
        and re.fullmatch(r"\d+", f.number_text)
        and f.text.endswith(f.unit)
        and f.unit in _COUNT_UNITS
        and text[f.start : f.end] == f.text
        and text[f.end : f.end + 1] != f.unit
    ]
    if not pool:
        return None
    f = rng.choice(pool)
    if kind == "duplicated_unit":
        new = f.text + f.unit
    elif kind == "masked_figure":
        new = f.text.replace(f.number_text, "x" * len(f.number_text), 1)
    else:
        return None
    return Edit(f.start, f.end, new, kind, ((0, len(new)),), "mutate")


def _period_edit(parse: Parse, text: str) -> Edit | None:
    """Move the title's year away from every year the body reports."""
    title = parse.doc.title or ""
    m = re.search(r"(?:19|20)\d\d", title)
    # the title line the pipeline reads is the last one before the body (page headers repeat it)
    heads = [i for i in range(len(text)) if title and text.startswith(title, i) and i < 600]
    at = heads[-1] if heads else -1
    if not m or at < 0:
        return None
    years = re.findall(r"((?:19|20)\d\d)年", text[at + len(title) :])
    if not years or max(years.count(y) for y in years) < 2:
        return None  # a single passing mention of a year is no report period
    used = {int(y) for y in years}
    new_year = min(used) - 3
    start = at + m.start()
    return Edit(start, start + 4, str(new_year), "period_mismatch", ((-start, len(text) + 10),), "mutate")


def plant(
    parse: Parse,
    kinds: Sequence[str],
    rng: random.Random,
    phrasings: Mapping[str, Sequence[Phrasing]],
    donor_paragraph: str | None = None,
) -> tuple[str, tuple[Plant, ...]]:
    """A copy of ``parse.original`` with one plant of each of ``kinds``, and the truth.

    ``kinds`` are flag names or ``trap`` (repeat a name for several plants); each inserted plant
    takes a random phrasing of its kind from ``phrasings``.
    """
    text = parse.original
    scale = Scale(
        persons=max((f.value for f in parse.facts if f.unit in ("人", "名") and f.value), default=0),
        households=max((f.value for f in parse.facts if f.unit == "户" and f.value), default=0),
    )
    title = parse.doc.title or ""
    floor = len(title) + max(0, text.find(title)) if title else 0
    ends = _sentence_ends(parse, floor)
    rng.shuffle(ends)
    edits: list[Edit] = []
    taken: list[int] = []
    used: set[str] = set()

    def free_position() -> int | None:
        for pos in ends:
            if all(abs(pos - t) > 40 for t in taken):
                taken.append(pos)
                return pos
        return None

    for group, kind in enumerate(kinds):
        edit = None
        if parse.doc.doc_type.value == "plan" and kind not in _PLAN_BLIND:
            continue  # every figure of a plan is a target: the figure checks rightly skip them
        if kind == "period_mismatch":
            edit = _period_edit(parse, text)
            if edit:
                edits.append(dataclasses.replace(edit, group=group))
            continue
        if kind == "template_text":
            pos = free_position() if donor_paragraph else None
            if pos is not None:
                edits.append(
                    _insert(pos, f"\n{donor_paragraph}\n", kind, [(1, 1 + len(donor_paragraph))], group=group)
                )
            continue
        if kind in ("duplicated_unit", "masked_figure") and rng.random() < 0.5:
            edit = _mutation(kind, parse.facts, text, rng)
            if edit and all(not (e.start < edit.end and edit.start < e.end) for e in edits):
                edits.append(dataclasses.replace(edit, group=group))
                taken.append(edit.start)
                continue
        if not phrasings.get(kind):
            continue
        fresh = [ph for ph in phrasings[kind] if ph.id not in used] or list(phrasings[kind])
        chosen = rng.choice(fresh)  # one copy never holds one phrasing twice (it would restate itself)
        used.add(chosen.id)
        values = SHAPES[chosen.shape](rng, scale)
        sentences = [s.format(**values) for s in chosen.sentences]
        positions = sorted(p for p in (free_position() for _ in sentences) if p is not None)
        if len(positions) < len(sentences):
            continue
        # several sentences: the first early, the error in the last, later in the text; a trap
        # is marked over all of them (a false alarm may land on any)
        for i, (pos, sentence) in enumerate(zip(positions, sentences, strict=True)):
            marked = kind == "trap" or i == len(sentences) - 1
            marks = [(0, len(sentence))] if marked else []
            edits.append(Edit(pos, pos, sentence, kind, tuple(marks), "insert", chosen.id, group))
    return _apply(text, edits)


def _apply(text: str, edits: Sequence[Edit]) -> tuple[str, tuple[Plant, ...]]:
    pieces: list[str] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    cursor = shift = 0
    order = sorted(range(len(edits)), key=lambda i: (edits[i].start, edits[i].end))
    area: dict[int, list[tuple[int, int]]] = {}
    for i in order:
        e = edits[i]
        pieces.append(text[cursor : e.start])
        new_start = e.start + shift
        for a, b in e.marks:
            spans.setdefault(e.group, []).append((max(0, new_start + a), new_start + b))
        area.setdefault(e.group, []).append((new_start, new_start + len(e.replacement)))
        pieces.append(e.replacement)
        shift += len(e.replacement) - (e.end - e.start)
        cursor = e.end
    pieces.append(text[cursor:])
    new_text = "".join(pieces)
    plants: dict[int, Plant] = {}
    for e in edits:
        if e.marks and e.group not in plants:
            marks = tuple((a, min(b, len(new_text))) for a, b in sorted(spans[e.group]))
            plants[e.group] = Plant(e.name, marks, e.how, e.phrasing, tuple(area[e.group]))
    return new_text, tuple(plants[g] for g in sorted(plants))


def template_paragraph(parse: Parse, rng: random.Random, minimum: int = 80, maximum: int = 240) -> str | None:
    """A paragraph (or, in a text without line breaks, a run of sentences) to copy as a template."""
    text = parse.original
    content = parse.normalized.text if parse.normalized is not None else text
    lines = [
        ln.strip()
        for ln in content.splitlines()
        if minimum <= len(ln.strip()) <= 2 * maximum and ln.strip() in text
    ]
    if lines:
        return rng.choice(lines)  # a whole paragraph, as templates are copied
    ends = [0] + [m.end() for m in re.finditer("。", content)]
    runs = [
        content[a:b].strip()
        for i, a in enumerate(ends)
        for b in ends[i + 1 : i + 6]
        if minimum <= len(content[a:b].strip()) <= maximum
        and "\n" not in content[a:b].strip()
        and content[a:b].strip() in text
    ]
    return rng.choice(runs) if runs else None
