"""`extract` on an invented archive: the SPEC tables, indicator_values, resuming, refreshing, errors.

The archive (tests/fixtures/dataset/, invented): 青苗社区 reporting in 2022 H1 and H2; 石桥村 with
a draft and a final 2022 report that disagree on 党员; a report whose community is masked (xx社区);
one that names none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import duckdb
import pytest
from dataset_helpers import SPEC_COLUMNS, assert_same_tables, copy_fixtures

from nlp.dataset import extract, load
from nlp.dataset.store import StoreInUse, store_path


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return copy_fixtures(tmp_path_factory.mktemp("archive") / "reports")


@pytest.fixture(scope="module")
def built(archive, tmp_path_factory):
    out = tmp_path_factory.mktemp("store") / "d.duckdb"
    summary = extract([archive], out)
    return out, summary, load(out)


def _values(tables, community, indicator):
    frame = tables["indicator_values"]
    return frame[(frame.community_id == community) & (frame.indicator == indicator)]


def test_tables_and_columns_are_the_spec(built):
    _, summary, tables = built
    assert summary.added == 6 and not summary.errors
    for table, columns in SPEC_COLUMNS.items():
        missing = set(columns.split()) - set(tables[table].columns)
        assert not missing, f"{table} lacks {missing}"
    documents = tables["documents"]
    assert documents.doc_id.is_unique and len(documents) == 6
    assert str(documents.year.dtype) == "Int32" and str(tables["facts"].value.dtype) == "float64"
    assert tables["facts"].planned.dtype == bool


def test_load_reads_only_the_tables_asked_for(built):
    from nlp.dataset.store import StoreError

    tables = load(built[0], tables=["indicator_values", "communities"])
    assert list(tables) == ["indicator_values", "communities"]
    assert tables["indicator_values"].equals(built[2]["indicator_values"])
    with pytest.raises(StoreError, match="no table 'fact'"):
        load(built[0], tables=["fact"])


def test_a_store_killed_before_its_tables_existed_loads_empty_and_resumes(archive, built, tmp_path):
    """kill -9 can land after DuckDB made the file and before the run made its tables."""
    out = tmp_path / "bare.duckdb"
    duckdb.connect(str(out)).close()
    tables = load(out)
    assert all(frame.empty for frame in tables.values())
    assert list(tables["facts"].columns) == list(built[2]["facts"].columns)
    assert extract([archive], out).added == 6
    assert_same_tables(load(out), built[2], ignore=("seq",))


def test_two_periods_of_one_community_give_two_rows_per_indicator(built):
    tables = built[2]
    for indicator, h1, h2 in [("party_members", 86, 88), ("low_income_households", 32, 30),
                              ("theme_party_days", 5, 6)]:
        rows = _values(tables, "青苗社区", indicator).sort_values("period")
        assert list(rows.period) == ["H1", "H2"], indicator
        assert list(rows.year) == [2022, 2022]
        assert list(rows.value) == [h1, h2]
        assert set(rows.status) == {"single"}


def test_different_values_for_one_community_and_period_conflict(built):
    tables = built[2]
    documents = tables["documents"].set_index("path")
    final = documents.loc[[p for p in documents.index if p.endswith("shiqiao_2022_final.txt")][0], "doc_id"]
    row = _values(tables, "石桥村", "party_members").iloc[0]
    assert (row.status, row.value, row.n_facts, row.doc_id) == ("conflict", 47, 2, final)
    assert "党员47名" in row.quote
    candidates = tables["facts"][(tables["facts"].community_id == "石桥村") & (tables["facts"].indicator == "party_members")]
    assert sorted(candidates.value) == [45, 47]
    assert _values(tables, "石桥村", "population_total").iloc[0].status == "agree"
    assert _values(tables, "石桥村", "households_total").iloc[0].n_facts == 2


def test_masked_and_unnamed_documents_are_communities_of_their_own(built):
    tables = built[2]
    documents = tables["documents"]
    unknown = documents[documents.community_id.str.startswith("unknown:")]
    assert len(unknown) == 2
    assert all(row.community_id == "unknown:" + row.doc_id[:12] for row in unknown.itertuples())
    communities = tables["communities"].set_index("community_id")
    assert communities.loc["青苗社区", "kind"] == "社区" and communities.loc["石桥村", "kind"] == "村"
    assert list(communities.loc["石桥村", "aliases"]) == ["石桥村"]
    assert communities.loc["青苗社区", "source"] == "text"


def test_rerun_adds_nothing_and_new_files_are_added(built, archive, tmp_path):
    out = tmp_path / "d.duckdb"
    shutil.copy(built[0], out)
    again = extract([archive], out)
    assert again.nothing_new and again.skipped == 6 and again.added == 0
    assert_same_tables(load(out), built[2])
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "qingmiao_2023h1.txt").write_text(
        (archive / "qingmiao_2022h1.txt").read_text(encoding="utf-8").replace("2022", "2023"), encoding="utf-8"
    )
    grown = extract([archive, extra], out)
    assert (grown.added, grown.skipped) == (1, 6)
    tables = load(out)
    assert len(tables["documents"]) == 7 and tables["documents"].doc_id.is_unique
    assert set(_values(tables, "青苗社区", "party_members").year) == {2022, 2023}


def test_the_same_bytes_in_a_zip_are_the_same_documents(built, archive, tmp_path):
    out = tmp_path / "d.duckdb"
    shutil.copy(built[0], out)
    bundle = tmp_path / "bundle.zip"
    shutil.make_archive(str(bundle.with_suffix("")), "zip", archive)
    summary = extract([bundle], out)
    assert (summary.added, summary.skipped) == (0, 6)
    fresh = tmp_path / "zip.duckdb"
    extract([bundle], fresh)
    paths = load(fresh)["documents"].path
    assert all("bundle.zip!" in p for p in paths)


@pytest.mark.parametrize("batch_size", [1, 200])
def test_the_same_bytes_twice_in_one_run_are_one_document(archive, tmp_path, batch_size):
    folder = tmp_path / "twice"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(archive / ("masked_summary.txt" if name != "b.txt" else "untitled_report.txt"), folder / name)
    summary = extract([folder], tmp_path / "d.duckdb", batch_size=batch_size)
    assert (summary.added, summary.skipped) == (2, 1)
    assert sorted(p.rsplit("/", 1)[-1] for p in load(tmp_path / "d.duckdb")["documents"].path) == ["a.txt", "b.txt"]


def test_refresh_re_extracts_what_an_older_engine_parsed(built, archive, tmp_path):
    out = tmp_path / "d.duckdb"
    shutil.copy(built[0], out)
    with duckdb.connect(str(out)) as con:
        con.execute("UPDATE documents SET engine = 'zongjie 0.0.1 0000' WHERE path LIKE '%qingmiao_2022h1.txt'")
    assert extract([archive], out).nothing_new
    summary = extract([archive], out, refresh=True)
    assert (summary.refreshed, summary.added, summary.skipped) == (1, 0, 5)
    assert_same_tables(load(out), built[2])  # seq included: a re-extracted document keeps its place


def test_unreadable_inputs_become_error_rows_and_the_run_goes_on(archive, tmp_path):
    folder = copy_fixtures(tmp_path / "reports")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"this is not a word file")
    out = tmp_path / "d.duckdb"
    summary = extract([folder, tmp_path / "missing.txt"], out)
    assert summary.added == 6
    errors = load(out)["errors"].set_index("path")
    assert len(errors) == 3
    reasons = {p.rsplit("/", 1)[-1]: r for p, r in errors.reason.items()}
    assert reasons == {"empty.txt": "file is empty", "broken.docx": "corrupt .docx: not a zip archive",
                       "missing.txt": "no such file or folder"}
    assert {p.rsplit("/", 1)[-1]: s for p, s in errors.stage.items()} == {
        "empty.txt": "read", "broken.docx": "read", "missing.txt": "read"}
    (folder / "empty.txt").write_text((archive / "qingmiao_2022h2.txt").read_text(encoding="utf-8") + "\n",
                                      encoding="utf-8")
    again = extract([folder, tmp_path / "missing.txt"], out)
    assert again.added == 1 and len(again.errors) == 2
    assert len(load(out)["errors"]) == 2


def test_an_archive_that_failed_is_cleared_once_it_reads(archive, tmp_path):
    bundle = tmp_path / "bundle.zip"
    bundle.write_bytes(b"PK\x03\x04 truncated")
    out = tmp_path / "d.duckdb"
    failed = extract([bundle], out)
    assert failed.errors == [(str(bundle), "corrupt .zip: not a zip archive")]
    shutil.make_archive(str(bundle.with_suffix("")), "zip", archive)
    fixed = extract([bundle], out)
    assert fixed.added == 6 and not fixed.errors
    assert load(out)["errors"].empty


def test_a_second_writer_is_told_the_store_is_in_use(archive, tmp_path):
    out = tmp_path / "d.duckdb"
    extract([archive / "masked_summary.txt"], out)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(60)", str(out)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreInUse, match="in use by another zongjie run"):
            extract([archive], out)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    assert extract([archive], out).added == 5


def test_tables_do_not_depend_on_the_number_of_workers(built, archive, tmp_path):
    out = tmp_path / "two.duckdb"
    extract([archive], out, jobs=2)
    assert_same_tables(load(out), built[2])


def test_manifest_overrides_the_text(archive, tmp_path):
    manifest = tmp_path / "manifest.csv"
    target = os.path.relpath(archive / "untitled_report.txt", tmp_path)  # paths are relative to the manifest
    manifest.write_text(
        "path,community,street,district,year,period\n"
        f"{target},阿娄社区居民委员会,青石街道办事处,东区,2023,H1\n"
        f"{archive}/qingmiao_*.txt,,柳河街道,,,\n",
        encoding="utf-8",
    )
    out = store_path(tmp_path / "ds")
    extract([archive], tmp_path / "ds", manifest=manifest)
    tables = load(tmp_path / "ds")
    documents = tables["documents"].set_index("community_id")
    row = documents.loc["青石街道/阿娄社区"]
    assert (row.community, row.street, row.district, row.year, row.period, row.community_source) == (
        "阿娄社区", "青石街道", "东区", 2023, "H1", "manifest")
    assert row.community_written == "阿娄社区居民委员会"
    assert set(tables["facts"][tables["facts"].doc_id == row.doc_id].community_id) == {"青石街道/阿娄社区"}
    assert len(documents.loc["柳河街道/青苗社区"]) == 2
    communities = tables["communities"].set_index("community_id")
    assert communities.loc["青石街道/阿娄社区", "source"] == "manifest"
    assert out.is_file()
    assert extract([archive], tmp_path / "ds").nothing_new  # no manifest given: documents stay filed
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("2023,H1", "2023,H2"), encoding="utf-8")
    again = extract([archive], tmp_path / "ds", manifest=manifest)
    assert (again.refreshed, again.added, again.skipped) == (1, 0, 5)
    documents = load(tmp_path / "ds")["documents"].set_index("community_id")
    assert documents.loc["青石街道/阿娄社区", "period"] == "H2"
