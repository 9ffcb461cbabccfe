"""The dev gold files fit SPEC section 6 and their documents (the shared corpus is needed)."""

from __future__ import annotations

import pytest

from evaluation import gold, splits


def test_dev_gold_is_valid_against_its_documents():
    folders = splits.doc_folders("dev")
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"the shared corpus is absent ({', '.join(map(str, folders))}); set ZONGJIE_SHARED")
    assert gold.validate_folder(splits.gold_dir("dev"), folders) == []


def test_dev_gold_files_have_the_spec_shape():
    """Runs without the corpus: keys, enums, known indicator ids, SPEC breakdown dimensions, scopes."""
    files = gold.gold_files(splits.gold_dir("dev"))
    assert len(files) == 30
    problems = [f"{p.name}: {problem}" for p in files for problem in gold.shape_problems(gold.read_gold_json(p))]
    assert problems == []


def test_dev_partial_gold_is_valid_against_its_documents():
    """Metadata-only gold (dev/meta/, the long reports) has the SPEC shape, declares its parts and finds its documents."""
    folders = splits.doc_folders("dev")
    if not all(f.is_dir() for f in folders):
        pytest.skip(f"the shared corpus is absent ({', '.join(map(str, folders))}); set ZONGJIE_SHARED")
    meta = splits.gold_dir("dev") / "meta"
    assert gold.validate_folder(meta, folders) == []
    assert {gold.declared_parts(p) for p in gold.gold_files(meta)} == {("meta",)}
