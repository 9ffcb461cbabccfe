"""Where the gold of each split lives and where its documents are found.

The gold is split in two (issue 12): ``dev`` (evaluation/gold/dev/, documents in the shared
corpus' seeds/ and dev/) is what the pipeline is tuned on; ``test`` (evaluation/gold/test/,
documents in the shared corpus' fresh/) is scored, never tuned on. The shared data is
``$ZONGJIE_SHARED``, else ``../shared`` beside the checkout.

Documents are found by name with ``evaluation.gold.find_document`` in the split's own corpus
folders only, so scoring one split never walks the other's documents.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from evaluation import excerpt_facts
from evaluation.gold import gold_files, load_gold
from evaluation.scorer import PARTS, Report, evaluate
from nlp.records import Parse

GOLD_ROOT = Path(__file__).parent / "gold"
SPLITS = ("dev", "test")
# The shared corpus' folders that hold each split's documents.
CORPUS_FOLDERS = {"dev": ("seeds", "dev"), "test": ("fresh",)}


def shared_root() -> Path:
    """``$ZONGJIE_SHARED`` when set, else ``../shared`` beside the repository checkout."""
    env = os.environ.get("ZONGJIE_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared"


def gold_dir(split: str, root: Path | None = None) -> Path:
    """The gold folder of ``split`` (under evaluation/gold/ unless ``root`` says otherwise).

    >>> gold_dir("dev", Path("g")).as_posix()
    'g/dev'
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    return (root or GOLD_ROOT) / split


def doc_folders(split: str, shared: Path | None = None) -> list[Path]:
    """The folders ``find_document`` searches for the documents of ``split``'s gold.

    >>> [p.as_posix() for p in doc_folders("test", Path("s"))]
    ['s/corpus/fresh']
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    base = (shared or shared_root()) / "corpus"
    return [base / name for name in CORPUS_FOLDERS[split]]


def selected(split: str) -> tuple[str, ...]:
    """The splits an ``--split`` value names: one of them, or ``all``.

    >>> selected("all"), selected("test")
    (('dev', 'test'), ('test',))
    """
    if split == "all":
        return SPLITS
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)} or all")
    return (split,)


def evaluate_splits(
    names: Sequence[str],
    docs: Sequence[Path] | None = None,
    parts: Sequence[str] = PARTS,
    parse_fn: Callable[[Path], Parse] | None = None,
) -> dict[str, Report | None]:
    """Score each named split's gold; a split with no gold files yet maps to None.

    Documents are looked up in ``docs`` when given, else in the split's own corpus folders and
    then its gold folder. A malformed gold file raises ``GoldError``. A split's facts-only excerpt
    files (its gold's facts/ subfolder) are scored apart, as a report of their own named by
    ``excerpt_facts.report_name`` and placed right after the split's.
    """
    reports: dict[str, Report | None] = {}
    for name in names:
        folder = gold_dir(name)
        paths = gold_files(folder) if folder.is_dir() else []
        if not paths:
            reports[name] = None
            continue
        folders = list(docs) if docs else [*doc_folders(name), folder]
        reports[name] = evaluate([load_gold(p) for p in paths], folders, parts, parse_fn)
        if "facts" in parts:
            excerpts = excerpt_facts.evaluate_folder(
                folder / excerpt_facts.FOLDER, excerpt_doc_folders(name, docs), parse_fn
            )
            if excerpts is not None:
                reports[excerpt_facts.report_name(name)] = excerpts
    return reports


def excerpt_doc_folders(split: str, docs: Sequence[Path] | None = None) -> list[Path]:
    """Where the documents of a split's facts-only excerpt files are looked up: ``docs`` when
    given, else the shared corpus' long/ then the split's own folders.

    >>> [p.as_posix() for p in excerpt_doc_folders("dev", [Path("d")])]
    ['d']
    """
    if docs:
        return list(docs)
    base = shared_root() / "corpus"
    return [*(base / n for n in excerpt_facts.CORPUS_FOLDERS), *doc_folders(split)]
