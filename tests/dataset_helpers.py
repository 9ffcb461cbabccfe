"""Helpers shared by the dataset tests: the invented fixture archive, and table comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd

FIXTURES = Path(__file__).parent / "fixtures" / "dataset"
# Columns that say when, not what: they differ between any two runs.
WHEN = ("extracted_at", "at")

SPEC_COLUMNS = {
    "documents": "doc_id path encoding title community_id community street district year period doc_type chars "
    "engine extracted_at",
    "communities": "community_id name kind street district aliases source",
    "sections": "doc_id id parent level label heading start end category planned",
    "facts": "doc_id id section start end text number_text value low high unit qualifier subject indicator "
    "breakdown scope category planned community_id year period",
    "activities": "doc_id id section start end text verb name kind facts category planned",
    "flags": "doc_id name code severity start end line col message facts",
    "errors": "path reason stage at",
    "indicator_values": "community_id year period indicator value low high qualifier unit status n_facts fact_id "
    "doc_id quote",
}


def copy_fixtures(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for file in sorted(FIXTURES.glob("*.txt")):
        shutil.copy(file, folder / file.name)
    return folder


def comparable(tables: dict[str, pd.DataFrame], ignore: tuple[str, ...] = ()) -> dict[str, pd.DataFrame]:
    """The tables without their time columns (and ``ignore``), rows in a stable order."""
    out = {}
    for name, frame in tables.items():
        frame = frame.drop(columns=[c for c in (*WHEN, *ignore) if c in frame.columns])
        frame = frame.astype(object).map(_hashable)
        out[name] = frame.sort_values(list(frame.columns), key=lambda c: c.map(repr)).reset_index(drop=True)
    return out


def _hashable(value):
    if isinstance(value, np.ndarray | list):
        return tuple(_hashable(v) for v in value)
    return None if value is pd.NA or (isinstance(value, float) and np.isnan(value)) else value


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame], ignore: tuple[str, ...] = ()) -> None:
    left, right = comparable(a, ignore), comparable(b, ignore)
    assert left.keys() == right.keys()
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def work_that_crashes(held, extracted_at):
    """A worker function that kills its process on a document containing 崩溃 (for the engine tests)."""
    import os

    from nlp.dataset.worker import extract_held

    if "崩溃".encode() in held.data:
        os._exit(3)
    return extract_held(held, extracted_at)


def work_that_raises(held, extracted_at):
    """A worker function that fails on a document containing 崩溃 (threads cannot be killed alone)."""
    from nlp.dataset.worker import extract_held

    if "崩溃".encode() in held.data:
        raise RuntimeError("simulated worker failure")
    return extract_held(held, extracted_at)
