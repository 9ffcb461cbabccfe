"""What a worker does with one held document: decode, parse, and turn the SPEC record into rows.

Runs in worker processes (local engine) or on dask workers; everything here is picklable and
loads the models once per process, on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache

from nlp.dataset.communities import resolve_identity
from nlp.dataset.inputs import Held
from nlp.dataset.rows import Provenance, Rows, document_rows
from nlp.errors import ReadError, ZongjieError


@dataclass(frozen=True)
class Outcome:
    """One document's rows, or the error row that replaces them."""

    doc_id: str
    path: str
    size: int
    replaces: bool
    rows: Rows | dict | None = None  # table -> row tuples, or Arrow tables (several documents' rows)
    error: tuple | None = None  # a row of the errors table
    facts: int = 0
    flags: int = 0


@cache
def engine_name() -> str:
    """``zongjie <version> <fingerprint>``: the code, vocabularies and models that parse.

    The fingerprint is the check cache's: a hash of every source, resource and model file.
    """
    from importlib.metadata import PackageNotFoundError, version

    from nlp.checks.cache import engine_fingerprint

    try:
        release = version("zongjie")
    except PackageNotFoundError:
        release = "source"
    return f"zongjie {release} {engine_fingerprint()}"


def _parse(raw):
    from nlp.pipeline import parse_documents

    return next(parse_documents([raw], workers=1))


def _reason(exc: ZongjieError, path: str) -> str:
    text = exc.reason if isinstance(exc, ReadError) else str(exc)
    prefix = f"{path}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


def extract_held(held: Held, extracted_at: datetime) -> Outcome:
    """Decode and parse one document; a failure becomes its errors row, never an exception."""
    from corpus.readers import read_bytes

    engine = engine_name()

    def failed(exc: ZongjieError, stage: str) -> Outcome:
        row = (held.path, _reason(exc, held.path), stage, extracted_at, held.doc_id, engine)
        return Outcome(held.doc_id, held.path, len(held.data), held.replaces, error=row)

    try:
        raw = read_bytes(held.data, held.name, held.path)
    except ReadError as exc:
        return failed(exc, "read")
    result = _parse(raw)
    if isinstance(result, ZongjieError):
        return failed(result, "parse")
    try:
        record = result.to_dict()
        identity = resolve_identity(record["doc"], held.cells)
        prov = Provenance(held.seq, engine, extracted_at, len(held.data), raw.format)
        rows = document_rows(record, raw.text, identity, prov, held.cells)
    except Exception as exc:  # a record the dataset cannot hold must not end the run
        return failed(ZongjieError(f"internal error while building its rows ({type(exc).__name__}: {exc})"), "rows")
    return Outcome(
        held.doc_id, held.path, len(held.data), held.replaces, rows=rows,
        facts=len(rows["facts"]), flags=len(rows["flags"]),
    )


def error_row(exc: ReadError, extracted_at: datetime) -> tuple:
    """The errors row of an input that could not even be read (missing file, corrupt zip …)."""
    return (exc.path or "<input>", exc.reason, "read", extracted_at, None, engine_name())
