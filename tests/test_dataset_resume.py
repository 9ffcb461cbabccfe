"""kill -9 at several moments, then resume: every document exactly once, none half-written.

A run is started in its own process group and killed (SIGKILL, the whole group) once it has gone
through a given number of the archive's documents (it prints a dot per document, so the moments do
not depend on the machine's speed), or, the first time, before it has even opened the store.
Between kills the store is opened and each document present must have exactly the rows a clean run
gives it. A last run finishes the job, and the tables equal those of a clean run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from dataset_helpers import FIXTURES, assert_same_tables

from nlp.dataset import extract, load

ROOT = Path(__file__).resolve().parents[1]
COPIES = 4  # of each fixture document, each made distinct: 24 documents
RUN = """
import sys
from nlp.dataset import extract

class Dots:
    def start(self, total_bytes): print("start", flush=True)
    def advance(self, files, size): print("." * files, flush=True)
    def stop(self): pass

extract([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]), batch_size=2, progress=Dots())
"""
# Kill once this many documents of the 24 have gone by; None: kill 0.3 s after starting.
KILL_AT = (None, 3, 8, 13, 19)


def _archive(folder: Path) -> Path:
    folder.mkdir()
    for copy in range(COPIES):
        for file in sorted(FIXTURES.glob("*.txt")):
            text = file.read_text(encoding="utf-8")
            (folder / f"{file.stem}_{copy}.txt").write_text(f"{text}\n存档编号：{copy}\n", encoding="utf-8")
    return folder


def _run_and_kill(archive: Path, out: Path, jobs: int, at: int | None) -> bool:
    """Start a run and SIGKILL its process group at ``at`` documents; True when it was still running."""
    process = subprocess.Popen(
        [sys.executable, "-c", RUN, str(archive), str(out), str(jobs)],
        cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    if at is None:
        time.sleep(0.3)
    else:
        done = 0
        while done < at and (line := process.stdout.readline()):
            done += line.count(".")
    running = process.poll() is None
    if running:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    return running


def _per_document(tables, table):
    frame = tables[table].drop(columns=["extracted_at"], errors="ignore")
    return {doc: len(rows) for doc, rows in frame.groupby("doc_id")}


def test_killed_runs_resume_to_exactly_the_clean_tables(tmp_path):
    archive = _archive(tmp_path / "archive")
    reference = tmp_path / "clean.duckdb"
    extract([archive], reference)
    clean = load(reference)
    out = tmp_path / "killed.duckdb"
    seen = []
    killed = []
    for attempt, at in enumerate(KILL_AT):
        # A late kill can come after the run's last documents (the ones earlier runs stored are
        # skipped at once): then that run simply finished, which resuming must also survive.
        killed.append(_run_and_kill(archive, out, jobs=1 + attempt % 2, at=at))
        if not out.exists():
            continue
        partial = load(out)
        documents = partial["documents"]
        assert documents.doc_id.is_unique
        seen.append(len(documents))
        for table in ("sections", "facts", "activities", "flags"):
            want = _per_document(clean, table)
            got = _per_document(partial, table)
            assert {d: got.get(d, 0) for d in documents.doc_id} == {d: want.get(d, 0) for d in documents.doc_id}, table
    print("documents after each kill:", seen)
    assert sum(killed) >= 2, f"too few runs were killed while running: {killed}"
    assert any(0 < n < 6 * COPIES for n in seen), f"no kill landed mid-run: {seen}"
    finished = extract([archive], out)
    assert finished.added == 6 * COPIES - seen[-1] and finished.skipped == seen[-1]
    assert_same_tables(load(out), clean, ignore=("seq",))
    assert extract([archive], out).nothing_new
