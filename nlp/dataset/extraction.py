"""``zongjie extract``: files, folders and .zip archives → the dataset, resumably and in parallel.

A run reads and hashes every input (documents are keyed by the sha256 of their bytes), skips the
ones already in the store — unless the ``manifest`` given now files them differently, or ``refresh``
is set and an older engine parsed them —, parses the rest
with the chosen engine, and writes whole documents in batched transactions. Killed at any moment
(``kill -9`` included) and started again, it finishes with every document exactly once; run again
on the same inputs, it adds nothing. At the end it rebuilds ``communities`` and
``indicator_values``. Each document gets a ``seq`` in input order before it is parsed, so the
tables are the same whatever the number of workers or the engine.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

import pyarrow as pa

from nlp.dataset.inputs import Held, Source, documents, sources
from nlp.dataset.manifest import Manifest
from nlp.dataset.rows import cells_json
from nlp.dataset.store import Store, arrow_rows
from nlp.dataset.worker import Outcome, engine_name, error_row
from nlp.errors import ReadError, ZongjieError

BATCH_DOCUMENTS = 200  # documents per transaction at most
BATCH_SECONDS = 2.0  # and a commit at least this often
LOOKUP = 256  # documents checked against the store at once


class Progress(Protocol):
    def start(self, total_bytes: int) -> None: ...
    def advance(self, files: int, size: int) -> None: ...
    def stop(self) -> None: ...


class Silent:
    """No progress display."""

    def start(self, total_bytes: int) -> None:
        pass

    def advance(self, files: int, size: int) -> None:
        pass

    def stop(self) -> None:
        pass


@dataclass
class Summary:
    """What one run did."""

    store: Path
    added: int = 0
    refreshed: int = 0
    skipped: int = 0  # already in the store (or the same bytes twice in this run)
    facts: int = 0
    flags: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    bytes: int = 0
    seconds: float = 0.0
    documents: int = 0  # in the store after the run

    @property
    def nothing_new(self) -> bool:
        return not (self.added or self.refreshed or self.errors)


def extract(
    paths: Iterable[str | Path],
    out: str | Path,
    manifest: str | Path | None = None,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    refresh: bool = False,
    progress: Progress | None = None,
    batch_size: int = BATCH_DOCUMENTS,
) -> Summary:
    """Extract ``paths`` into the dataset ``out``; see the module docstring."""
    if engine not in ("local", "dask"):
        raise ZongjieError(f"--engine: {engine!r} is not one of local, dask.")
    paths = list(paths)
    filing = Manifest.read(Path(manifest)) if manifest else Manifest()
    progress = progress or Silent()
    began = time.monotonic()
    extracted_at = datetime.now(UTC).replace(tzinfo=None)
    with Store(out) as store:
        run = _Run(store, Summary(store.path), progress, extracted_at, batch_size)
        plan = list(sources(paths))
        progress.start(sum(s.size for s in plan if isinstance(s, Source)))
        held = run.to_parse(plan, filing, refresh)
        if engine == "dask":
            from nlp.dataset.dask_engine import run_dask

            outcomes = run_dask(held, scheduler, jobs, extracted_at)
        else:
            from nlp.dataset.engines import run_local

            outcomes = run_local(held, jobs, extracted_at)
        try:
            run.commit_all(outcomes)
        finally:
            progress.stop()
        store.finalize()
        run.summary.documents = store.count("documents")
    run.summary.seconds = time.monotonic() - began
    return run.summary


class _Run:
    """The state of one run: the store, what was done, the read errors not yet written."""

    def __init__(self, store: Store, summary: Summary, progress: Progress, at: datetime, batch_size: int) -> None:
        self.store = store
        self.summary = summary
        self.progress = progress
        self.at = at
        self.batch_size = batch_size
        self.read_errors: list[tuple] = []
        # Handed to the engine and not yet committed; committed since the last store lookup.
        self.inflight: set[str] = set()
        self.recent: set[str] = set()

    def to_parse(self, plan: list[Source | ReadError], manifest: Manifest, refresh: bool) -> Iterator[Held]:
        """The documents to parse, numbered in input order; the others counted as skipped."""
        current = engine_name()
        seq = self.store.next_seq()
        for chunk in _chunks(plan):
            self.recent.clear()  # the lookup below sees them
            known = self.store.stored(d.doc_id for d in chunk if isinstance(d, Held))
            for doc in chunk:
                if isinstance(doc, ReadError):
                    self.read_errors.append(error_row(doc, self.at))
                    self.summary.errors.append((doc.path or "<input>", doc.reason))
                    self.progress.advance(1, 0)
                    continue
                cells = manifest.cells_for(doc.path)
                old = known.get(doc.doc_id)
                refile = bool(manifest.rows) and old is not None and old[1] != cells_json(cells)
                current_enough = old is not None and (not refresh or old[0] == current) and not refile
                if current_enough or doc.doc_id in self.inflight or doc.doc_id in self.recent:
                    self.summary.skipped += 1
                    self.summary.bytes += len(doc.data)
                    self.progress.advance(1, len(doc.data))
                    continue
                self.inflight.add(doc.doc_id)
                if old is not None:  # re-extracted: it keeps its place among the documents
                    yield Held(doc.doc_id, doc.path, doc.name, doc.data, cells, old[2], replaces=True)
                    continue
                yield Held(doc.doc_id, doc.path, doc.name, doc.data, cells, seq)
                seq += 1

    def commit_all(self, outcomes: Iterator[Outcome]) -> None:
        batch: list[Outcome] = []
        last = time.monotonic()
        for outcome in outcomes:
            batch.append(outcome)
            self.summary.bytes += outcome.size
            self.progress.advance(1, outcome.size)
            if len(batch) >= self.batch_size or time.monotonic() - last >= BATCH_SECONDS:
                self.commit(batch)
                batch, last = [], time.monotonic()
        self.commit(batch)

    def commit(self, batch: list[Outcome]) -> None:
        """Write a batch of whole documents (and the read errors so far) in one transaction."""
        if not batch and not self.read_errors:
            return
        pieces: dict[str, list] = {"errors": [arrow_rows("errors", self.read_errors)]}
        replaced = []
        for outcome in batch:
            if outcome.error is not None:
                pieces["errors"].append(arrow_rows("errors", [outcome.error]))
            for name, rows in (outcome.rows or {}).items():
                pieces.setdefault(name, []).append(rows if isinstance(rows, pa.Table) else arrow_rows(name, rows))
            if outcome.replaces and outcome.error is None:
                replaced.append(outcome.doc_id)
        self.store.write({name: pa.concat_tables(parts) for name, parts in pieces.items()}, replaced)
        self.read_errors.clear()
        for outcome in batch:
            self.inflight.discard(outcome.doc_id)
            self.recent.add(outcome.doc_id)
            if outcome.error is not None:
                self.summary.errors.append((outcome.path, outcome.error[1]))
            elif outcome.replaces:
                self.summary.refreshed += 1
            else:
                self.summary.added += 1
            self.summary.facts += outcome.facts
            self.summary.flags += outcome.flags


def _chunks(plan: list[Source | ReadError]) -> Iterator[list[Held | ReadError]]:
    """The documents of every source, a few hundred at a time (one store lookup each)."""
    chunk: list[Held | ReadError] = []
    for item in plan:
        for doc in documents(item) if isinstance(item, Source) else (item,):
            chunk.append(doc)
            if len(chunk) >= LOOKUP:
                yield chunk
                chunk = []
    if chunk:
        yield chunk
