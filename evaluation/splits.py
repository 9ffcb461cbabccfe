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
from pathlib import Path

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


def gold_dir(split: str, root: Path = GOLD_ROOT) -> Path:
    """The gold folder of ``split``.

    >>> gold_dir("dev", Path("g")).as_posix()
    'g/dev'
    """
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose from {', '.join(SPLITS)}")
    return root / split


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
