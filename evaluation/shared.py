"""Where the shared corpus is: ``$ZONGJIE_SHARED``, else ``shared/`` beside the checkout.

Only the development folders are ever read (seeds, dev, long). The test split (corpus/fresh/) is
frozen for others' evaluation: nothing here lists or opens it.
"""

from __future__ import annotations

from pathlib import Path

from evaluation.splits import shared_root as shared_dir

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_FOLDERS = ("seeds", "dev", "long")
MISSING = "shared corpus not found: set ZONGJIE_SHARED, or put shared/ beside the checkout"


def corpus_folders(folders: tuple[str, ...] = DEVELOPMENT_FOLDERS) -> list[Path]:
    """The development folders of the shared corpus that exist here."""
    corpus = shared_dir() / "corpus"
    return [corpus / name for name in folders if (corpus / name).is_dir()]


def corpus_documents(folders: tuple[str, ...] = DEVELOPMENT_FOLDERS) -> list[Path]:
    """The .txt documents of the development folders, sorted by folder then name."""
    return [path for folder in corpus_folders(folders) for path in sorted(folder.glob("*.txt"))]
