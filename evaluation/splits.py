"""Where the gold of each split lives and where its documents are found.

Subfolders of a split whose gold files declare ``"parts"`` (metadata-only gold in dev/meta/ …) are
scored as rows of their own beside the split (``partial_reports``).

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
from evaluation.gold import declared_parts, gold_files, load_gold
from evaluation.scorer import PARTS, Report, evaluate
from nlp.errors import ZongjieError
from nlp.records import Parse

GOLD_ROOT = Path(__file__).parent / "gold"
SPLITS = ("dev", "test")
# The shared corpus' folders that hold each split's documents.
CORPUS_FOLDERS = {"dev": ("seeds", "dev", "long"), "test": ("fresh",)}
# The repository's own documents of a split: corpus/written/ holds reports the team wrote and
# annotated blind (gold in evaluation/gold/dev/written/), a held-out set of new wording on the dev side.
REPO_CORPUS = Path(__file__).resolve().parent.parent / "corpus"
REPO_FOLDERS = {"dev": ("written",), "test": ()}


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
    >>> [p.name for p in doc_folders("dev", Path("s"))]
    ['seeds', 'dev', 'long', 'written']
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    base = (shared or shared_root()) / "corpus"
    return [base / name for name in CORPUS_FOLDERS[split]] + [REPO_CORPUS / name for name in REPO_FOLDERS[split]]


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
    then its gold folder. A malformed gold file raises ``GoldError``. A split's partial gold (its
    subfolders, ``partial_reports``) follows the split's report, one report per subfolder.
    """
    corpus = shared_root() / "corpus"
    if not docs and not corpus.is_dir():
        # one clear error instead of a "not found" row for every document of the split
        raise ZongjieError(
            f"shared corpus not found at {corpus}: set ZONGJIE_SHARED to the folder that holds corpus/, "
            "put shared/ beside the checkout, or give the documents' folder with --docs"
        )
    reports: dict[str, Report | None] = {}
    for name in names:
        folder = gold_dir(name)
        paths = gold_files(folder) if folder.is_dir() else []
        if not paths:
            reports[name] = None
            continue
        folders = list(docs) if docs else [*doc_folders(name), folder]
        reports[name] = evaluate([load_gold(p) for p in paths], folders, parts, parse_fn)
        reports.update(partial_reports(name, folders, parts, parse_fn, docs))
    return reports


def partial_reports(
    name: str,
    folders: Sequence[Path],
    parts: Sequence[str] = PARTS,
    parse_fn: Callable[[Path], Parse] | None = None,
    docs: Sequence[Path] | None = None,
) -> dict[str, Report]:
    """One row per subfolder of a split's gold whose files declare the parts they annotate
    (``"parts": ["metadata"]`` in evaluation/gold/dev/meta/ → the row ``dev/meta``), scored on
    those parts only; subfolders of files without ``parts`` (training data) are not scored. The
    facts-only excerpt files (``facts/``) count only the predictions inside their excerpts."""
    reports: dict[str, Report] = {}
    root = gold_dir(name)
    for sub in sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else ():
        if sub.name == excerpt_facts.FOLDER:
            if "facts" in parts:
                excerpts = excerpt_facts.evaluate_folder(sub, excerpt_doc_folders(name, docs), parse_fn)
                if excerpts is not None:
                    reports[excerpt_facts.report_name(name)] = excerpts
            continue
        paths = gold_files(sub)
        declared = {part for p in paths for part in declared_parts(p)}
        scored = tuple(p for p in parts if p in declared)
        if paths and scored:
            reports[f"{name}/{sub.name}"] = evaluate([load_gold(p) for p in paths], folders, scored, parse_fn)
    return reports


def excerpt_doc_folders(split: str, docs: Sequence[Path] | None = None) -> list[Path]:
    """Where the documents of a split's facts-only excerpt files are looked up: ``docs`` when
    given, else the split's own folders (for dev, the long reports among them).

    >>> [p.as_posix() for p in excerpt_doc_folders("dev", [Path("d")])]
    ['d']
    """
    return list(docs) if docs else doc_folders(split)
