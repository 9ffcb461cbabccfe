"""Plant errors of every flag kind into copies of real documents, keeping the truth.

Each plant is either a sentence of our own wording inserted after a 。 of the document (with
figures drawn at random so that the planted error is certain), or a mutation of one of the
document's own figures (31起 → 31起起, 36户 → xx户). The planted sentences are templates written
for this generator; no corpus sentence is copied anywhere except inside the planted copies.

``plant(text, facts, kinds, rng)`` returns the new text and the planted truth: for each plant its
flag name and the spans (in the new text) where a finding of that name counts as a detection.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    name: str
    marks: tuple[tuple[int, int], ...]  # spans relative to the replacement's start
    how: str


def _grim_impossible(n: int, rng: random.Random) -> int | None:
    """An integer percentage that no k/n rounds to."""
    options = [r for r in range(50, 100) if not any(abs(k * 100 / n - r) <= 0.5 for k in range(n + 1))]
    return rng.choice(options) if options else None


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


def _insert(pos: int, sentence: str, name: str, marks: Sequence[tuple[int, int]] | None = None) -> Edit:
    return Edit(pos, pos, sentence, name, tuple(marks or [(0, len(sentence))]), "insert")


def _templates(person_max: float, rng: random.Random) -> dict[str, Callable[[], list[str]]]:
    """Sentences that carry one error each (lists: some kinds need two sentences)."""

    def sum_mismatch() -> list[str]:
        if person_max * 1.5 > 90000:  # a large place: figures in 万, off by at least 3万
            total = int(person_max * 1.5 / 10000) + rng.randrange(1, 50)
            men = rng.randrange(total // 3, total // 2)
            women = total - men + rng.choice([-1, 1]) * rng.randrange(3, 9)
            return [f"据统计，本辖区总人口{total}万人，其中男{men}万人、女{women}万人。"]
        total = rng.randrange(40000, 90000, 10)
        men = rng.randrange(total // 3, total // 2)
        women = total - men + rng.choice([-1, 1]) * rng.randrange(60, 900, 10)
        return [f"据统计，本辖区总人口{total}人，其中男{men}人、女{women}人。"]

    def subset() -> list[str]:
        whole = rng.randrange(20, 80)
        return [f"社区共有志愿者{whole}名，其中党员志愿者{whole + rng.randrange(5, 40)}名。"]

    def implausible() -> list[str]:
        total = int(max(person_max * 1.5, 3000)) // 10 * 10
        if total > 90000:  # long digit strings read as codes, not counts: write 万
            wan = total // 10000 + 1
            return [
                f"社区现有总人口{wan}万人。",
                f"全年为困难群众{wan * 2 + rng.randrange(1, 9)}万人发放救助物资。",
            ]
        return [
            f"社区现有总人口{total}人。",
            f"全年为困难群众{total * 2 + rng.randrange(10, 90)}人发放救助物资。",
        ]

    def out_of_range() -> list[str]:
        return [f"经入户问卷调查，居民满意率达{rng.randrange(101, 140)}%。"]

    def impossible() -> list[str]:
        while True:
            n = rng.randrange(3, 19)
            r = _grim_impossible(n, rng)
            if r:
                return [f"全年调解矛盾纠纷{n}起，调解成功率{r}%。"]

    def mismatch() -> list[str]:
        n = rng.randrange(20, 60)
        k = rng.randrange(n // 2, n - 2)
        r = min(99, round(k * 100 / n) + rng.randrange(5, 20))
        return [f"全年受理信访事项{n}件，办结{k}件，办结率{r}%。"]

    def unsupported() -> list[str]:
        return [f"群众对社区工作的满意率达{rng.randrange(85, 100)}%。"]

    def conflict() -> list[str]:
        a = rng.randrange(8, 30)
        return [f"社区现有网格员{a}名。", f"社区共有网格员{a + rng.randrange(3, 9)}名。"]

    def approx() -> list[str]:
        return [f"全年开展文明劝导活动{rng.randrange(2, 9) * 10}余次。"]

    def duplicated() -> list[str]:
        return [f"全年共排查安全隐患{rng.randrange(11, 60)}处处。"]

    def masked() -> list[str]:
        return [f"走访慰问困难家庭{rng.choice(['xx', 'XX', '××', '**'])}户。"]

    def missing() -> list[str]:
        return [rng.choice(["居民入户率为%。", "全年发放慰问金元。", "共走访余户。"])]

    return {
        "sum_mismatch": sum_mismatch,
        "subset_exceeds_total": subset,
        "implausible_magnitude": implausible,
        "rate_out_of_range": out_of_range,
        "rate_impossible": impossible,
        "rate_mismatch": mismatch,
        "unsupported_rate": unsupported,
        "conflicting_values": conflict,
        "approximate_figure": approx,
        "duplicated_unit": duplicated,
        "masked_figure": masked,
        "missing_figure": missing,
    }


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
    donor_paragraph: str | None = None,
) -> tuple[str, tuple[Plant, ...]]:
    """A copy of ``parse.original`` with one error of each of ``kinds`` planted, and the truth."""
    text = parse.original
    persons = [f.value for f in parse.facts if f.unit in ("人", "名") and f.value]
    templates = _templates(max(persons, default=0), rng)
    title = parse.doc.title or ""
    floor = len(title) + max(0, text.find(title)) if title else 0
    ends = _sentence_ends(parse, floor)
    rng.shuffle(ends)
    edits: list[Edit] = []
    taken: list[int] = []

    def free_position() -> int | None:
        for pos in ends:
            if all(abs(pos - t) > 40 for t in taken):
                taken.append(pos)
                return pos
        return None

    for kind in kinds:
        edit = None
        if parse.doc.doc_type.value == "plan" and kind not in _PLAN_BLIND:
            continue  # every figure of a plan is a target: the figure checks rightly skip them
        if kind == "period_mismatch":
            edit = _period_edit(parse, text)
            if edit:
                edits.append(edit)
            continue
        if kind == "template_text":
            pos = free_position() if donor_paragraph else None
            if pos is not None:
                edits.append(_insert(pos, f"\n{donor_paragraph}\n", kind, [(1, 1 + len(donor_paragraph))]))
            continue
        if kind in ("duplicated_unit", "masked_figure") and rng.random() < 0.5:
            edit = _mutation(kind, parse.facts, text, rng)
            if edit and all(not (e.start < edit.end and edit.start < e.end) for e in edits):
                edits.append(edit)
                taken.append(edit.start)
                continue
        sentences = templates[kind]()
        if len(sentences) == 1:
            pos = free_position()
            if pos is not None:
                edits.append(_insert(pos, sentences[0], kind))
            continue
        # two sentences: the first early, the error in the second, later in the text
        positions = sorted(p for p in (free_position(), free_position()) if p is not None)
        if len(positions) < 2:
            continue
        first, second = positions
        edits.append(Edit(first, first, sentences[0], kind, (), "insert"))
        edits.append(_insert(second, sentences[1], kind))
    return _apply(text, edits)


def _apply(text: str, edits: Sequence[Edit]) -> tuple[str, tuple[Plant, ...]]:
    pieces: list[str] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    cursor = shift = 0
    order = sorted(range(len(edits)), key=lambda i: (edits[i].start, edits[i].end))
    for i in order:
        e = edits[i]
        pieces.append(text[cursor : e.start])
        new_start = e.start + shift
        for a, b in e.marks:
            spans.setdefault(i, []).append((max(0, new_start + a), new_start + b))
        pieces.append(e.replacement)
        shift += len(e.replacement) - (e.end - e.start)
        cursor = e.end
    pieces.append(text[cursor:])
    new_text = "".join(pieces)
    plants = []
    for i, e in enumerate(edits):
        if e.marks:
            plants.append(Plant(e.name, tuple((a, min(b, len(new_text))) for a, b in spans[i]), e.how))
    return new_text, tuple(plants)


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
