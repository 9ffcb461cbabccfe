"""Augmented copies of the real training documents for the heading decisions: the same text with some
of its gold headings glued to their paragraph the ways real files do it, labelled from the gold.

    python -m evaluation.heading_augment          # the grid of shapes and amounts, by cross-validation
    python -m evaluation.heading_augment --shapes wrapped --share 1.0 --copies 3 --seed 1   # one setting

The gold documents hold few headings glued to their paragraph (a flattened page, a scraped one), so
the heading-end model sees that shape mostly as ``heading_end_data`` makes it from a heading standing
on its line. A copy (``augmented_texts``) takes a seeded share of the gold headings that stand alone
on their line and joins each to its paragraph by one of ``LINE_SHAPES``:

- ``glued``: nothing between (``一、加强组织建设社区党委下设…``);
- ``space``: a space between (``一、加强组织建设 社区党委下设…``);
- ``stop`` / ``colon``: a 。 or a ： between (the grammar ends the heading there; these copies teach
  the end model that a heading ending at its mark is whole);
- ``prev``: the heading moved to the end of the line before it, after that paragraph's full stop
  (``…共12次。二、民政工作``), its paragraph still on the next line;
- ``swapped``: glued to the first line of another heading's paragraph of the same document, its own
  paragraph below (no real file does this: it varies the heading/opening pairs the end model sees);

and ``wrapped`` makes one more copy: the ``glued`` shape, then every line hard-wrapped at a PDF's
width (a seeded 34–44 characters, never inside a heading), as text extracted from a PDF reads. The
normalizer joins most such lines back (a hard-wrapped page), so a wrapped copy reads as a flattened
page whose run-on phrases end at varied points: the variety the plain ``glued`` copies lack (those give
the end model the very examples ``heading_end_data`` already makes from a standalone heading).

The gold is unchanged (a heading's level and text do not move), so each copy is walked by the
outline with the same oracle as the real documents (``heading_train.walk``) and gives line rows and
heading-end examples. Cross-validation (``evaluation.heading_train.cross_validate`` with
``augment``) adds the copies of the training folds only; the held-out documents are scored as they are
and as ``glued_copy`` makes them. ``random.Random`` seeded by a string is the same on every run.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from evaluation.perturbations import Case, hard_wrapped, heading_glued, heading_lines

if TYPE_CHECKING:
    from evaluation.heading_end_data import EndExample
    from evaluation.heading_train import Doc

LINE_SHAPES = ("glued", "space", "stop", "colon", "prev", "swapped")
SHAPES = (*LINE_SHAPES, "wrapped")
JOINS = {"glued": "", "space": " ", "stop": "。", "colon": "："}
# A next line opening with a label is another heading or an item: nothing to glue to.
_LABEL_START = re.compile(r"[（(]?[一二三四五六七八九十\d]+[、.．)）]")
_SENTENCE_END = ("。", "！", "？", "!", "?")
WRAP = (34, 44)


@dataclass(frozen=True)
class Augment:
    """How training documents are augmented: ``copies`` copies of each, ``share`` of its standalone
    gold headings glued in a copy, each by a shape drawn from ``shapes``."""

    shapes: tuple[str, ...] = ("glued",)
    share: float = 0.5
    copies: int = 1
    seed: int = 0

    @property
    def name(self) -> str:
        return f"{'+'.join(self.shapes)} share {self.share} ×{self.copies} seed {self.seed}"


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def glue(text: str, heads: Sequence[tuple[int, int]], shapes: Sequence[str], rng: random.Random, share: float) -> str:
    """``text`` with a ``share`` of the heading lines ``heads`` (spans of whole lines) joined to their
    paragraph, each by a shape drawn from ``shapes`` (``LINE_SHAPES``).

    >>> text = "一、组织建设\\n社区党委下设网格支部4个，全年开展主题党日活动12次。\\n二、民政工作\\n走访困难家庭40户。"
    >>> heads = [(0, 6), (35, 41)]
    >>> glue(text, heads, ["glued"], random.Random(0), 1.0)
    '一、组织建设社区党委下设网格支部4个，全年开展主题党日活动12次。\\n二、民政工作走访困难家庭40户。'
    >>> glue(text, heads, ["prev"], random.Random(0), 1.0)
    '一、组织建设\\n社区党委下设网格支部4个，全年开展主题党日活动12次。二、民政工作\\n走访困难家庭40户。'
    """
    lines = _lines(text)
    starts = {s for s, _ in heads}
    chosen = [(s, e) for s, e in heads if rng.random() < share]
    picks = {s: rng.choice(list(shapes)) for s, _ in chosen}
    firsts = [_first_line(text, e, starts) for _, e in heads]
    others = {s: rng.choice(firsts) for s, _ in chosen}
    for s, e in sorted(chosen, reverse=True):
        shape = picks[s]
        head = text[s:e].rstrip(" \t\u3000\r")
        if shape == "prev":
            before = next((i for i, (a, b) in enumerate(lines) if b + 1 == s), None)
            if before is None or lines[before][0] in starts:
                continue
            a, b = lines[before]
            if len(text[a:b].strip()) < 20 or not text[a:b].rstrip(" \t\u3000\r").endswith(_SENTENCE_END):
                continue  # not a paragraph ending a sentence
            cut = len(text[a:b].rstrip(" \t\u3000\r"))
            text = text[: a + cut] + head.lstrip(" \t\u3000") + text[e:]
            continue
        nxt = e + 1
        while nxt < len(text) and text[nxt] in " \t\u3000\r\n":
            nxt += 1
        if nxt >= len(text) or nxt in starts or _LABEL_START.match(text, nxt):
            continue  # the next line is another heading or an item
        if shape == "swapped":  # another heading's paragraph (its first line) glued on, its own below
            other = others[s]
            if other:
                text = text[:s] + head.rstrip("：:。") + other + "\n" + text[e + 1 :]
            continue
        join = JOINS[shape]
        if head.endswith(("：", ":", "。")):
            head = head[:-1]
        text = text[:s] + head + join + text[nxt:]
    return text


def _first_line(text: str, end: int, starts: set[int]) -> str:
    """The first line of the paragraph after the heading line ending at ``end`` ("" when another
    heading or an item follows)."""
    nxt = end + 1
    while nxt < len(text) and text[nxt] in " \t\u3000\r\n":
        nxt += 1
    if nxt >= len(text) or nxt in starts or _LABEL_START.match(text, nxt):
        return ""
    stop = text.find("\n", nxt)
    return text[nxt : stop if stop >= 0 else len(text)].rstrip(" \t\u3000\r")


def wrap(text: str, width: int, keep: Sequence[str]) -> str:
    """Every line longer than ``width`` cut into lines of ``width`` characters (a PDF's text), never
    inside one of the phrases ``keep`` (a heading's label and text): the cut moves past it.

    >>> wrap("一、组织建设社区党委下设支部4个，全年开展学习12次。", 8, ["一、组织建设"])
    '一、组织建设社区\\n党委下设支部4个\\n，全年开展学习1\\n2次。'
    """
    out = []
    for line in text.split("\n"):
        protected = [(m.start(), m.start() + len(k)) for k in keep if k for m in re.finditer(re.escape(k), line)]
        pos = 0
        while len(line) - pos > width:
            cut = pos + width
            for a, b in protected:
                if a < cut < b:
                    cut = b
            out.append(line[pos:cut])
            pos = cut
        out.append(line[pos:])
    return "\n".join(out)


def augmented_texts(case: Case, aug: Augment) -> list[str]:
    """The augmented texts of one gold document (``case``), deterministic for ``aug.seed`` and the
    document's name; none for a page already hard-wrapped (its lines cannot hold a run-on)."""
    heads = heading_lines(case)
    if not heads or hard_wrapped(case.text):
        return []
    line_shapes = [s for s in aug.shapes if s in LINE_SHAPES]
    out = []
    for k in range(aug.copies):
        rng = random.Random(f"{aug.seed}:{k}:{case.name}")
        if line_shapes:
            text = glue(case.text, heads, line_shapes, rng, aug.share)
            if text != case.text:
                out.append(text)
        if "wrapped" in aug.shapes:
            glued = glue(case.text, heads, ["glued"], rng, aug.share)
            keep = [case.text[s:e].strip(" \t\u3000\r").rstrip("。：:") for s, e in heads]
            width = max(rng.randint(*WRAP), max(map(len, keep)) + 4)
            out.append(wrap(glued, width, keep))
    return out


def augmenter(aug: Augment) -> Callable[[Doc], list[Doc]]:
    """A function from a training ``heading_train.Doc`` to its augmented copies (as ``Doc``s)."""
    from evaluation.heading_train import Doc
    from nlp.text.normalize import normalize

    def copies(doc: Doc) -> list[Doc]:
        case = Case(doc.name, doc.norm.original, doc.gold, ("headings",))
        return [Doc(doc.name, doc.gold, normalize(t), "augmented") for t in augmented_texts(case, aug)]

    return copies


# The augmentation the shipped end model is trained with (chosen by ``main``'s grid).
END_AUGMENT = Augment(("wrapped",), 1.0, 3, seed=1)

def end_examples(
    docs: Sequence[Doc], walks: Sequence[tuple[object, list[EndExample]]], augment: Callable[[Doc], list[Doc]] | None
) -> list[EndExample]:
    """The end model's training examples: those of the documents' ``walks``, then those of their
    augmented copies (``evaluation.heading_augment``; the line model is trained on the real lines only)."""
    from evaluation.heading_train import walk

    return [ex for w in walks for ex in w[1]] + [ex for d in docs if augment for a in augment(d) for ex in walk(a)[1]]


def glued_copy(doc: Doc) -> Doc | None:
    """``doc`` with every heading standing on its own line glued to its paragraph, no mark between
    (``evaluation.perturbations.heading_glued``, the behavioural test): the gold documents have few
    such headings, so the CV scores each held-out document this way too. None when nothing glues."""
    from evaluation.heading_train import Doc
    from nlp.text.normalize import normalize

    perturbed = heading_glued(Case(doc.name, doc.norm.original, doc.gold, ("headings",)))
    if perturbed is None:
        return None
    return Doc(doc.name, doc.gold, normalize(perturbed.text), "glued")


# The grid compared by ``main``: shapes, then amounts, then seeds of the shipped setting.
GRID = (
    Augment(("glued",), 0.5, 1),
    Augment(("glued",), 1.0, 1),
    Augment(("glued",), 0.5, 2),
    Augment(("glued", "space"), 0.5, 2),
    Augment(("glued", "stop", "colon"), 0.5, 2),
    Augment(("glued", "space", "stop", "colon", "prev"), 0.5, 2),
    Augment(("swapped",), 1.0, 1),
    Augment(SHAPES, 0.5, 2),
    Augment(("glued", "wrapped"), 1.0, 1),
    Augment(("wrapped",), 1.0, 1),
    Augment(("wrapped",), 1.0, 3, seed=0),
    Augment(("wrapped",), 1.0, 3, seed=1),
    Augment(("wrapped",), 1.0, 3, seed=2),
    Augment(("wrapped",), 1.0, 6),
)


def main(argv: Sequence[str] | None = None) -> None:
    from evaluation.heading_train import END_THRESHOLDS, cross_validate, load_all

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", action="store_true", help="augment the line model's rows too")
    parser.add_argument("--shapes", help="one setting instead of the grid: comma-separated shapes")
    parser.add_argument("--share", type=float, default=0.5)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    docs = load_all()
    grid: list[Augment | None] = [None, *GRID]
    if args.shapes:
        grid = [Augment(tuple(args.shapes.split(",")), args.share, args.copies, args.seed)]
    print("augmentation | threshold | as they are: dev F1 / long F1 / all P R F1 | glued copies F1")
    for aug in grid:
        cv = cross_validate(docs, augment=augmenter(aug) if aug else None, augment_lines=args.lines)
        for t in END_THRESHOLDS:
            row = cv[f"shipped + end model ≥ {t}"]
            p, r, f = row["all"]
            print(f"{aug.name if aug else 'none':48s} {t} | {row['dev'][2]:.3f} / {row['long'][2]:.3f} / "
                  f"{p:.3f} {r:.3f} {f:.3f} | {row.get('glued', (0, 0, 0))[2]:.3f}")


if __name__ == "__main__":
    main()
