"""`zongjie extract` through typer's CliRunner, on the invented archive under tests/fixtures/dataset."""

from __future__ import annotations

import subprocess
import sys

import pytest
from dataset_helpers import copy_fixtures
from typer.testing import CliRunner

from cli import app
from nlp.dataset import load


@pytest.fixture
def archive(tmp_path):
    return copy_fixtures(tmp_path / "archive")


def run(*args):
    return CliRunner().invoke(app, ["extract", *map(str, args)])


def test_extract_then_rerun_says_nothing_new(archive, tmp_path):
    out = tmp_path / "ds"
    first = run(archive, "-o", out, "--jobs", "1")
    assert first.exit_code == 0, first.output
    assert "added 6 documents" in first.stderr
    assert f"{out}/zongjie.duckdb: 6 documents" in first.stderr
    assert len(load(out)["documents"]) == 6
    again = run(archive, "-o", out, "--jobs", "1")
    assert again.exit_code == 0
    assert "nothing new: all 6 documents are already in" in again.stderr


def test_failed_inputs_are_listed_and_set_the_exit_status(archive, tmp_path):
    (archive / "empty.txt").write_bytes(b"")
    result = run(archive, "-o", tmp_path / "d.duckdb", "--jobs", "1")
    assert result.exit_code == 1
    assert f"{archive / 'empty.txt'}: file is empty" in result.stderr
    assert "1 inputs failed" in result.stderr
    assert list(load(tmp_path / "d.duckdb")["errors"].reason) == ["file is empty"]


def test_quiet_prints_nothing(archive, tmp_path):
    result = run(archive / "masked_summary.txt", "-o", tmp_path / "d.duckdb", "--jobs", "1", "--quiet")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


def test_manifest_is_applied(archive, tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("path,community,street,district,year,period\narchive/untitled_report.txt,金山社区,,,2021,H2\n",
                        encoding="utf-8")
    result = run(archive, "-o", tmp_path / "d.duckdb", "--jobs", "1", "--manifest", manifest)
    assert result.exit_code == 0, result.stderr
    documents = load(tmp_path / "d.duckdb")["documents"]
    row = documents[documents.path.str.endswith("untitled_report.txt")].iloc[0]
    assert (row.community_id, row.year, row.period) == ("金山社区", 2021, "H2")


USAGE_ERRORS = [
    (["-o", "{tmp}/notes.csv"], "notes.csv: cannot hold a dataset (it is a file)"),
    (["-o", "{tmp}/text.duckdb"], "text.duckdb: cannot open the dataset"),
    (["--engine", "spark"], "--engine: 'spark' is not one of local, dask."),
    (["--manifest", "{tmp}/nowhere.csv"], "cannot read the manifest"),
    (["--jobs", "0"], "Invalid value for '--jobs'"),
]


@pytest.mark.parametrize(("options", "message"), USAGE_ERRORS)
def test_usage_errors_exit_2_with_one_sentence(archive, tmp_path, options, message):
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "text.duckdb").write_text("not a database\n", encoding="utf-8")
    options = [o.replace("{tmp}", str(tmp_path)) for o in options]
    if "-o" not in options:
        options = ["-o", str(tmp_path / "d.duckdb"), *options]
    result = run(archive, *options)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_store_in_use_is_refused(archive, tmp_path):
    out = tmp_path / "d.duckdb"
    run(archive / "masked_summary.txt", "-o", out, "--jobs", "1", "--quiet")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(60)", str(out)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = run(archive, "-o", out, "--jobs", "1")
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 2
    assert result.stderr.startswith(f"zongjie: {out} is in use by another zongjie run (process {holder.pid})")


def test_progress_bar_shows_rates_and_time_left(archive, tmp_path):
    import io

    from rich.console import Console

    from nlp.dataset import extract
    from nlp.dataset.progress import RichProgress

    screen = io.StringIO()
    bar = RichProgress(Console(file=screen, force_terminal=True, width=140))
    extract([archive], tmp_path / "d.duckdb", progress=bar)
    shown = screen.getvalue()
    assert "files/s" in shown and "MB/s" in shown and "ETA" in shown
    assert "6 files" in shown
